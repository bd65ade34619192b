"""The names earlier callers imported from here; the use cases live in ``linkscan.usecases``, one per module.

Kept for one release so that code written against ``linkscan.service`` keeps working.
"""

from __future__ import annotations

from linkscan.stores import Backend
from linkscan.usecases.attempts import MAX_SCAN_ATTEMPTS, RETRY_BASE_SECONDS, RetryLaterError
from linkscan.usecases.intake import metadata_key_for
from linkscan.usecases.link_graph import reevaluate_parent
from linkscan.usecases.miniprogram_scans import MetadataRejectedError
from linkscan.usecases.moderation import moderate
from linkscan.usecases.redrive import RedriveReport, redrive_dead_letters
from linkscan.usecases.scanning import process_scan
from linkscan.usecases.submissions import submit
from linkscan.usecases.verdicts import record_scan_failure, record_verdict
from linkscan.usecases.views import appeal_queue, principal_apps, submission_status, target_view

_record = record_verdict

__all__ = [
    "MAX_SCAN_ATTEMPTS",
    "RETRY_BASE_SECONDS",
    "Backend",
    "MetadataRejectedError",
    "RedriveReport",
    "RetryLaterError",
    "appeal_queue",
    "metadata_key_for",
    "moderate",
    "principal_apps",
    "process_scan",
    "record_scan_failure",
    "record_verdict",
    "redrive_dead_letters",
    "reevaluate_parent",
    "submission_status",
    "submit",
    "target_view",
]
