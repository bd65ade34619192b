"""A mini-program's outbound links: each is a target of its own, and its verdict can change the mini-program's."""

from __future__ import annotations

from collections.abc import Sequence

from linkscan.clock import utc_now
from linkscan.errors import InvalidUrlError
from linkscan.scanner import new_scan_id
from linkscan.settings import ServiceSettings
from linkscan.stores import Backend
from linkscan.targets import target_id
from linkscan.usecases.intake import ScanRequest, request_scans
from linkscan.usecases.verdicts import record_verdict


def queue_children(parent_id: str, urls: Sequence[str], *, settings: ServiceSettings, backend: Backend) -> None:
    """Link each outbound web link to the mini-program and scan it (a recent verdict is reused)."""
    children: list[tuple[str, str]] = []
    for url in urls:
        try:
            children.append(target_id(url))
        except InvalidUrlError:
            continue
    if not children:
        return
    backend.records.link_children(parent_id, children)
    intakes = request_scans(
        [ScanRequest(child_id, "url", url) for child_id, url in children],
        requested_by=f"miniprogram:{parent_id}",
        settings=settings,
        backend=backend,
    )
    if any(intake.status == "done" for intake in intakes):
        # Some links already have a recent verdict: no scan will finish to trigger the re-evaluation.
        reevaluate_parent(parent_id, backend=backend)


def reevaluate_parent(parent_id: str, *, backend: Backend) -> None:
    """A child link's verdict changed: judge the mini-program again with what its links now are."""
    from linkscan.miniprogram import parse_metadata, reevaluate

    parent = backend.records.current(parent_id)
    if parent is None or parent.verdict_key is None or parent.metadata_key is None:
        return
    previous = backend.records.verdict(parent_id, parent.verdict_key)
    if previous is None:
        return
    children = backend.records.children(parent_id)
    currents = backend.records.currents([child.child_id for child in children])
    decisions = {
        child.url: {
            "decision": current.effective_decision or "allow",
            "category": current.category,
            "subcategory": current.subcategory,
        }
        for child in children
        if (current := currents.get(child.child_id)) is not None and current.decision is not None
    }
    meta = parse_metadata(previous.target, backend.objects.get_json(parent.metadata_key))
    images = previous.extra.get("images")
    if images and isinstance(images, list):
        # What the scan read in the page images (a QR code's link above all) is not in the stored
        # metadata: fold it in again, so a child reached through a QR code counts like a written link.
        from linkscan.miniprogram.images import with_image_findings
        from linkscan.render.models import RenderReport

        meta = with_image_findings(meta, RenderReport(images=[image for image in images if isinstance(image, dict)]))
    updated = reevaluate(previous, meta, decisions)
    if updated.decision == previous.decision and updated.categories == previous.categories:
        return
    updated.scan_id = new_scan_id()  # a verdict of its own, from the metadata the target record points to
    updated.scanned_at = utc_now()
    principal = meta.principal.name if meta.principal else None
    record_verdict(updated, backend, principal=principal, metadata_key=parent.metadata_key)
