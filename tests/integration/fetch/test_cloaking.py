"""Cloaking: the sample page shows the loan offer to the in-app browser and a clean page to others."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from devstack.pages import SamplePages
from linkscan.detect import Detector
from linkscan.scanner import scan_url
from linkscan.settings import DetectionSettings, FetchSettings


@pytest.fixture(scope="module")
def pages() -> Iterator[SamplePages]:
    with SamplePages() as served:
        yield served


def _scan(url: str):  # type: ignore[no-untyped-def]
    return scan_url(
        url,
        target_id="t",
        detector=Detector.load(DetectionSettings()),
        fetch_settings=FetchSettings(allow_loopback=True),
    )


def test_a_page_that_hides_its_offer_from_a_neutral_visitor_is_flagged_with_both_versions(
    pages: SamplePages,
) -> None:
    scan = _scan(pages.url("/cloaked/loan"))
    cloaking = scan.verdict.extra["cloaking"]
    assert scan.verdict.decision != "allow"
    assert any(reason.startswith("cloaking:") for reason in scan.verdict.reasons)
    assert cloaking["audience"]["profile"] == "wechat_android" and cloaking["neutral"]["profile"] == "desktop_neutral"
    assert cloaking["audience"]["evidence_key"] != cloaking["neutral"]["evidence_key"]
    keys = {key for key, _, _ in scan.evidence}
    for side in ("audience", "neutral"):
        assert f"evidence/{cloaking[side]['evidence_key']}/body.gz" in keys


def test_the_same_offer_shown_to_everyone_is_not_cloaking(pages: SamplePages) -> None:
    honest = _scan(pages.url("/loan.html")).verdict
    assert honest.decision != "allow"
    assert "cloaking" not in honest.extra


def test_a_clean_page_is_not_fetched_twice(pages: SamplePages) -> None:
    scan = _scan(pages.url("/clean.html"))
    assert "cloaking" not in scan.verdict.extra
    assert len(scan.evidence) == 2  # one body and its metadata


def test_a_cloaked_page_is_matched_once_and_judged_with_the_cloaking_signal(
    pages: SamplePages, monkeypatch: pytest.MonkeyPatch
) -> None:
    domains: list[str | None] = []
    match = Detector.match

    def counted(self: Detector, fields: Any, *, domain: str | None = None) -> Any:
        domains.append(domain)
        return match(self, fields, domain=domain)

    monkeypatch.setattr(Detector, "match", counted)
    verdict = _scan(pages.url("/cloaked/loan")).verdict

    assert "cloaking" in verdict.extra and verdict.decision == "block"
    assert len(domains) == 1  # scored plainly, then with the signal, from the same matches
