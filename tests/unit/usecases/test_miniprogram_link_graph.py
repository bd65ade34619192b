"""A mini-program's scan records its verdict, queues its outbound links, and is judged again when one is blocked."""

from __future__ import annotations

import json

from linkscan.api_models import ScanMessage
from linkscan.detect import Detector
from linkscan.settings import ServiceSettings
from linkscan.stores import Backend
from linkscan.usecases.link_graph import reevaluate_parent
from linkscan.usecases.scanning import process_scan
from linkscan.usecases.verdicts import record_verdict
from linkscan.usecases.views import target_view
from tests.memory_store import MemoryQueue
from tests.support import load_event
from tests.unit.usecases.conftest import submit_and_scan_miniprogram, verdict_for

BLOCKED_LINK = "https://deals.partner-trips.example/weekend"


def _scanned_miniprogram(backend: Backend, settings: ServiceSettings, detector: Detector) -> str:
    body = json.loads(load_event("api_submit_miniprogram_blocked_link_only.json")["body"])
    return submit_and_scan_miniprogram(body, backend, settings, detector)


def test_the_scan_records_a_verdict_and_queues_each_outbound_link_as_a_target(
    backend: Backend, settings: ServiceSettings, detector: Detector
) -> None:
    parent = _scanned_miniprogram(backend, settings, detector)

    assert target_view(parent, backend.records).decision == "allow"
    linked = {child.url for child in backend.records.children(parent)}
    assert BLOCKED_LINK in linked
    assert isinstance(backend.queue, MemoryQueue)
    queued = {m["target"] for m in backend.queue.bodies() if m["target_type"] == "url"}
    assert queued == linked
    current = backend.records.current(parent)
    assert current is not None and current.metadata_key is not None  # where re-evaluations read the metadata


def test_a_blocked_link_makes_the_miniprogram_judged_again(
    backend: Backend, settings: ServiceSettings, detector: Detector
) -> None:
    parent = _scanned_miniprogram(backend, settings, detector)
    (child,) = [c for c in backend.records.children(parent) if c.url == BLOCKED_LINK]
    blocked = verdict_for(child.child_id, BLOCKED_LINK, "s-child", "2030-01-01T00:00:00Z", decision="block")
    record_verdict(blocked, backend)

    reevaluate_parent(parent, backend=backend)

    view = target_view(parent, backend.records)
    assert view.decision in ("review", "block") and len(view.history) == 2
    assert view.history[0].scan_id != view.history[1].scan_id


def test_a_redelivered_scan_records_nothing_more(
    backend: Backend, settings: ServiceSettings, detector: Detector
) -> None:
    parent = _scanned_miniprogram(backend, settings, detector)
    assert isinstance(backend.queue, MemoryQueue)
    (message,) = [m for m in backend.queue.bodies() if m["target_type"] == "miniprogram"]
    again = process_scan(
        ScanMessage.model_validate(message), receive_count=2, detector=detector, settings=settings, backend=backend
    )

    assert again is None and len(target_view(parent, backend.records).history) == 1
