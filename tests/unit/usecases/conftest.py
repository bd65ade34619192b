"""Use cases on the in-memory stores (tests/memory_store.py): no AWS, no network."""

from __future__ import annotations

from typing import Any

import pytest

from linkscan.api_models import MiniProgramSubmission
from linkscan.detect import Detector
from linkscan.messages import ScanMessage
from linkscan.models import Verdict
from linkscan.settings import DetectionSettings, ServiceSettings
from linkscan.stores import Backend
from linkscan.usecases.scanning import process_scan
from linkscan.usecases.submissions import submit
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


def submit_and_scan_miniprogram(
    body: dict[str, Any], backend: Backend, settings: ServiceSettings, detector: Detector
) -> str:
    """Submit one mini-program as the API does and run its queued scan; its target id."""
    submit(
        [MiniProgramSubmission.model_validate(body)],
        batch=False,
        caller="platform",
        base_url="https://api",
        settings=settings,
        backend=backend,
    )
    assert isinstance(backend.queue, MemoryQueue)
    message = [m for m in backend.queue.bodies() if m["target_type"] == "miniprogram"][-1]
    verdict = process_scan(
        ScanMessage.model_validate(message), receive_count=1, detector=detector, settings=settings, backend=backend
    )
    assert verdict is not None
    return verdict.target_id
