"""The API's submissions: validated and canonicalized items become scan requests, answered with receipts."""

from __future__ import annotations

from collections.abc import Sequence

from linkscan.api_models import MiniProgramSubmission, SubmissionReceipt, UrlSubmission
from linkscan.errors import InvalidInputError, InvalidUrlError
from linkscan.settings import ServiceSettings
from linkscan.stores import Backend
from linkscan.targets import target_id
from linkscan.usecases.intake import ScanRequest, request_scans


def _prepare(items: Sequence[UrlSubmission | MiniProgramSubmission], batch: bool) -> list[ScanRequest]:
    """Validate and canonicalize every item before anything is stored (a bad item stores nothing)."""
    from linkscan.miniprogram import checked_metadata, target_id_for_appid

    requests: list[ScanRequest] = []
    for index, item in enumerate(items):
        where = f"submissions[{index}]." if batch else ""
        if isinstance(item, UrlSubmission):
            try:
                tid, url = target_id(item.url)
            except InvalidUrlError as exc:
                raise InvalidInputError(f"{where}url: {exc}", field=f"{where}url") from exc
            requests.append(ScanRequest(tid, "url", url, item.force))
            continue
        try:
            metadata = checked_metadata(item)
        except InvalidInputError as exc:
            raise InvalidInputError(f"{where}{exc}", field=f"{where}{exc.field}") from exc
        requests.append(
            ScanRequest(
                target_id_for_appid(item.appid),
                "miniprogram",
                item.appid,
                item.force,
                metadata=metadata,
                metadata_url=item.metadata_url,
            )
        )
    return requests


def submit(
    items: Sequence[UrlSubmission | MiniProgramSubmission],
    *,
    batch: bool,
    caller: str,
    base_url: str,
    settings: ServiceSettings,
    backend: Backend,
) -> list[SubmissionReceipt]:
    """Record submissions and queue the scans they need. Recent or queued scans are reused, not repeated."""
    intakes = request_scans(_prepare(items, batch), requested_by=caller, settings=settings, backend=backend)
    return [
        SubmissionReceipt(
            submission_id=intake.submission_id,
            target_id=intake.request.target_id,
            target=intake.request.target,
            status=intake.status,
            deduplicated=intake.deduplicated,
            status_url=f"{base_url}/v1/submissions/{intake.submission_id}",
            verdict_url=f"{base_url}/v1/targets/{intake.request.target_id}" if intake.status == "done" else None,
            error="could not be queued; submit again with force" if intake.status == "failed" else None,
        )
        for intake in intakes
    ]
