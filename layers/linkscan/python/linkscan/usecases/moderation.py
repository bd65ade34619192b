"""A moderator upholds or overturns a target's verdict; the decision outlasts later automatic scans."""

from __future__ import annotations

from linkscan.api_models import DecisionRequest, TargetView
from linkscan.clock import utc_now
from linkscan.items import Moderation
from linkscan.scanner import effective_decision
from linkscan.stores import RecordStore
from linkscan.usecases.views import target_view


def moderate(target_id: str, request: DecisionRequest, *, caller: str, records: RecordStore) -> TargetView:
    effective = effective_decision("", request.action)
    moderation = Moderation(action=request.action, by=caller, at=utc_now(), reason=request.reason)
    records.moderate(target_id, moderation, effective)
    return target_view(target_id, records)
