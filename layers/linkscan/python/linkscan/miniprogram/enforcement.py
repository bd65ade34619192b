"""The mini-program ladder and notices: each subcategory's grade from policy/enforcement.yaml, and the
notice a platform sends its developer (rule, offending content and where, action, appeal)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from linkscan.clock import parse_stamp
from linkscan.detect.policy import load_enforcement_policy
from linkscan.miniprogram.model import MiniProgramMetadata
from linkscan.miniprogram.policy import MiniProgramPolicy, load_policy
from linkscan.models import (
    AppealRoute,
    CategoryScore,
    Enforcement,
    Notice,
    NoticeAction,
    OffendingContent,
    RuleReference,
)

MAX_CONTENT_PER_NOTICE = 5
_PAGE_FIELD = re.compile(r"^pages\[(\d+)\]")


@dataclass(frozen=True)
class GradeRow:
    """One row of the grade table: a subcategory (or category), its grade and why."""

    target: str  # "contraband.tobacco" or "cash_loan"
    grade: str
    reason: str
    scope: tuple[str, ...] | None
    duration_days: int | None
    fix_by_days: int | None


@dataclass(frozen=True)
class Ladder:
    grades: tuple[str, ...]  # warn, restrict, ban
    by_severity: Mapping[str, str]
    rows: Mapping[str, GradeRow]
    actions: Mapping[str, Mapping[str, Any]]
    appeal: Mapping[str, Any]

    def row_at_severity(self, category: CategoryScore) -> GradeRow:
        row = self.rows.get(f"{category.category}.{category.subcategory}") or self.rows.get(category.category)
        if row is not None:
            return row
        grade = self.by_severity.get(category.severity, self.grades[0])
        return GradeRow(
            category.category, grade, f"no grade set for it: {category.severity} severity", None, None, None
        )


@cache
def load_ladder() -> Ladder:
    doc = load_enforcement_policy()
    mini = doc.get("miniprogram") or {}
    rows = {
        str(target): GradeRow(
            str(target),
            str(row["grade"]),
            str(row["reason"]),
            tuple(row["scope"]) if row.get("scope") else None,
            row.get("duration_days"),
            row.get("fix_by_days"),
        )
        for target, row in (mini.get("grades") or {}).items()
    }
    return Ladder(
        grades=tuple(doc["account_ladder"]),
        by_severity=dict(doc["start_grade_by_severity"]),
        rows=rows,
        actions=dict(mini.get("actions") or {}),
        appeal=dict(mini.get("appeal") or {}),
    )


def grading_categories(categories: Sequence[CategoryScore], floor: float) -> list[CategoryScore]:
    """The categories a blocked verdict is punished for: those at ``floor`` or more (all, if none is)."""
    strong = [category for category in categories if category.score >= floor]
    return strong or list(categories)


def grade_index(categories: Sequence[CategoryScore], prior_violations: int, ladder: Ladder | None = None) -> int:
    ladder = ladder or load_ladder()
    start = max(ladder.grades.index(ladder.row_at_severity(c).grade) for c in categories)
    return min(start + max(0, prior_violations), len(ladder.grades) - 1)


def miniprogram_actions(
    categories: Sequence[CategoryScore],
    decision: str,
    prior_violations: int,
    policy: MiniProgramPolicy | None = None,
) -> list[str]:
    """``warn`` / ``restrict`` / ``ban`` for a blocked mini-program: the highest grade of its categories
    in the grade table, one step higher per prior violation. Nothing for ``review`` or ``allow``."""
    if decision != "block" or not categories:
        return []
    policy = policy or load_policy()
    ladder = load_ladder()
    graded = grading_categories(categories, policy.scores.get("grade_floor", 0.3))
    return [ladder.grades[grade_index(graded, prior_violations, ladder)]]


def _page_path(meta: MiniProgramMetadata | None, field: str) -> str | None:
    found = _PAGE_FIELD.match(field)
    if meta is None or not found:
        return None
    index = int(found.group(1))
    return meta.pages[index].path if index < len(meta.pages) else None


def _day(scanned_at: str, days: int) -> str | None:
    try:
        start = parse_stamp(scanned_at).date()
    except ValueError:
        start = date.today()
    return (start + timedelta(days=days)).isoformat()


def build_enforcement(
    categories: Sequence[CategoryScore],
    decision: str,
    prior_violations: int,
    *,
    meta: MiniProgramMetadata | None,
    scanned_at: str,
    policy: MiniProgramPolicy | None = None,
) -> Enforcement | None:
    """The notice for a blocked verdict; None for ``review`` and ``allow`` (nobody is punished yet)."""
    if decision != "block" or not categories:
        return None
    policy = policy or load_policy()
    ladder = load_ladder()
    graded = grading_categories(categories, policy.scores.get("grade_floor", 0.3))
    grade = ladder.grades[grade_index(graded, prior_violations, ladder)]
    shape = ladder.actions.get(grade, {})
    top = max(graded, key=lambda c: ladder.grades.index(ladder.row_at_severity(c).grade))
    row = ladder.row_at_severity(top)
    duration = row.duration_days or shape.get("duration_days")
    fix_by_days = row.fix_by_days or shape.get("fix_by_days")
    notice_type = str(shape.get("notice", "warning"))
    action = NoticeAction(
        grade=grade,
        type=notice_type,  # type: ignore[arg-type]  # validated by the policy schema
        scope=list(row.scope or shape.get("scope") or []),
        duration_days=duration if notice_type == "feature_restriction" else None,
        fix_by=_day(scanned_at, int(fix_by_days)) if notice_type == "warning" and fix_by_days else None,
        until=_day(scanned_at, int(duration)) if notice_type == "feature_restriction" and duration else None,
        delist=bool(shape.get("delist", False)),
    )
    notices = [_notice(category, ladder, meta, policy) for category in graded]
    window = ladder.appeal.get("window_days")
    appeal = AppealRoute(
        how=str(ladder.appeal.get("how", "")),
        route=str(ladder.appeal.get("route", "")),
        deadline=_day(scanned_at, int(window)) if window else None,
    )
    return Enforcement(action=action, prior_violations=max(0, prior_violations), notices=notices, appeal=appeal)


def _notice(
    category: CategoryScore, ladder: Ladder, meta: MiniProgramMetadata | None, policy: MiniProgramPolicy
) -> Notice:
    rule = policy.rule_for(category.category, category.subcategory)
    row = ladder.row_at_severity(category)
    seen: set[tuple[str, str]] = set()
    content: list[OffendingContent] = []
    for item in category.evidence:
        key = (item.field, item.term)
        if key in seen:
            continue
        seen.add(key)
        content.append(
            OffendingContent(
                field=item.field, page_path=_page_path(meta, item.field), term=item.term, snippet=item.snippet
            )
        )
        if len(content) >= MAX_CONTENT_PER_NOTICE:
            break
    return Notice(
        category=category.category,
        subcategory=category.subcategory,
        rule=RuleReference(id=rule.id, name=rule.name, url=rule.url) if rule else None,
        grade=row.grade,
        reason=row.reason,
        content=content,
    )


def grade_table() -> list[dict[str, str]]:
    """The grade table as rows (target, grade, reason): what docs/miniprogram.md shows."""
    ladder = load_ladder()
    return [{"target": row.target, "grade": row.grade, "reason": row.reason} for row in ladder.rows.values()]
