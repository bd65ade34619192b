"""Evidence objects of a fetch: the body and the response metadata, gzipped, keyed by the body's
SHA-256. Pure: building them touches no storage; the storage module (or save_evidence) writes them."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from linkscan.fetch.result import FetchResult

EvidenceObject = tuple[str, bytes, str]  # (key, bytes, content type)
_GZIP = "application/gzip"


def evidence_key(result: FetchResult) -> str | None:
    """The key a verdict references: hex SHA-256 of the body. None if no response was received."""
    if result.status is None:
        return None
    return hashlib.sha256(result.body).hexdigest()


def evidence_objects(result: FetchResult) -> list[EvidenceObject]:
    """``<sha256>/body.gz`` (the decoded body) and ``<sha256>/response.json.gz`` (status, headers,
    redirect chain...). Identical bodies share a key, so re-scans do not duplicate storage."""
    key = evidence_key(result)
    if key is None:
        return []
    metadata = {
        "sha256": key,
        "requested_url": result.requested_url,
        "final_url": result.final_url,
        "outcome": result.outcome,
        "status": result.status,
        "content_type": result.content_type,
        "charset": result.charset,
        "size": result.size,
        "truncated": result.truncated,
        "partial_reason": result.partial_reason,
        "app_package": result.app_package,
        "profile": result.profile,
        "headers": result.headers,
        "hops": [hop.model_dump() for hop in result.hops],
    }
    meta_bytes = json.dumps(metadata, ensure_ascii=False, sort_keys=True).encode("utf-8")
    # mtime=0: the same body always compresses to the same bytes.
    return [
        (f"{key}/body.gz", gzip.compress(result.body, mtime=0), _GZIP),
        (f"{key}/response.json.gz", gzip.compress(meta_bytes, mtime=0), _GZIP),
    ]


def save_evidence(result: FetchResult, directory: str | Path) -> list[Path]:
    """Write the evidence objects under ``directory`` (for ``linkscan scan --save-evidence DIR``)."""
    written = []
    for key, data, _content_type in evidence_objects(result):
        path = Path(directory) / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written
