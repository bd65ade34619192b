"""Use cases on the in-memory stores (tests/memory_store.py): no AWS, no network."""

from __future__ import annotations

import pytest

from linkscan.detect import Detector
from linkscan.models import Verdict
from linkscan.settings import DetectionSettings, ServiceSettings
from linkscan.stores import Backend
from tests.memory_store import MemoryObjects, MemoryQueue, MemoryRecords

LOAN = "https://quick-cash-loan.example/apply"


@pytest.fixture
def backend() -> Backend:
    return Backend(MemoryRecords(), MemoryQueue(), MemoryObjects())


@pytest.fixture
def settings() -> ServiceSettings:
    return ServiceSettings(table_name="t", scan_queue_url="q", evidence_bucket="b", rescan_window_seconds=3600)


@pytest.fixture(scope="session")
def detector() -> Detector:
    return Detector.load(DetectionSettings())


def verdict_for(target_id: str, target: str, scan_id: str, scanned_at: str, **fields: object) -> Verdict:
    return Verdict.model_validate(
        {"target_id": target_id, "target": target, "scan_id": scan_id, "scanned_at": scanned_at, **fields}
    )
