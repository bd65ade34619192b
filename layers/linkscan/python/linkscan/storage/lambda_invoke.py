"""A synchronous Lambda invoke that answers JSON: the one hop the scan, render and OCR functions share."""

from __future__ import annotations

import json
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError


def invoke_for_json(client: Any, function_name: str, payload: bytes, failure: type[Exception], label: str) -> Any:
    """What ``function_name`` answers ``payload`` with, read as JSON. A failed call, an unreadable answer
    or an error the function raised is raised as ``failure``, its message led by ``label``."""
    try:
        answer = client.invoke(FunctionName=function_name, InvocationType="RequestResponse", Payload=payload)
        body = json.loads(answer["Payload"].read() or b"null")
    except (BotoCoreError, ClientError, ValueError) as exc:
        raise failure(f"{label} invoke failed: {exc}") from exc
    if answer.get("FunctionError"):
        raise failure(f"{label} failed: {str(body)[:300]}")
    return body
