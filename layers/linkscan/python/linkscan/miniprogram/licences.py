"""The licence table (policy/licences.yaml): which licences cover a licensed topic for what an app does."""

from __future__ import annotations

from collections.abc import Sequence

from linkscan.miniprogram.model import MiniProgramMetadata
from linkscan.miniprogram.policy import LicenceRow, LicensedTopic
from linkscan.miniprogram.textmatch import compact


def held_licences(meta: MiniProgramMetadata) -> list[str]:
    """The filed qualifications' types in compact form."""
    return [compact(qualification.type).text for qualification in meta.qualifications]


def applies(row: LicenceRow, texts: Sequence[str]) -> bool:
    """A row without ``when`` always applies; otherwise one of its cues must appear in the compact texts."""
    return not row.when or any(cue in text for cue in row.when for text in texts)


def holds(row: LicenceRow, held: Sequence[str]) -> bool:
    """Every licence of one accepted set is held (a held type containing the licence's name)."""
    return any(all(any(name in licence for licence in held) for name in group) for group in row.accepted)


def covering_row(topic: LicensedTopic, texts: Sequence[str], held: Sequence[str]) -> LicenceRow | None:
    """The first applicable row whose licences the app holds; None when no licence covers the topic."""
    for row in topic.licence_rows:
        if applies(row, texts) and holds(row, held):
            return row
    return None


def breaches(topic: LicensedTopic, texts: Sequence[str]) -> list[str]:
    """Breach cues present: content no licence of the topic permits ("无需处方" at a pharmacy)."""
    return [cue for cue in topic.breach_cues if any(cue in text for text in texts)]
