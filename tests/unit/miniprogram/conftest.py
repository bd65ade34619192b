"""Fixtures for the mini-program tests: the real detector and a scan function bound to it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from linkscan.detect import Detector
from linkscan.miniprogram import MiniProgramMetadata, scan_miniprogram
from linkscan.models import Verdict
from linkscan.settings import DetectionSettings
from tests.unit.miniprogram.helpers import SCANNED_AT


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector.load(DetectionSettings())


@pytest.fixture
def scan(detector: Detector) -> Callable[..., Verdict]:
    def run(meta: MiniProgramMetadata, prior_violations: int = 0) -> Verdict:
        return scan_miniprogram(
            meta, detector, prior_violations=prior_violations, scan_id="scan-test", scanned_at=SCANNED_AT
        )

    return run
