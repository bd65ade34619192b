"""The `linkscan` command line: the same analysis as the Lambdas, on a user's machine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from devstack.pages import SamplePages
from linkscan.cli import main
from tests.support import load_event


@pytest.fixture(scope="module")
def pages() -> Iterator[SamplePages]:
    with SamplePages() as server:
        yield server


@pytest.fixture
def default_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default configuration: no extra ports, loopback refused unless the command allows it."""
    monkeypatch.delenv("LINKSCAN_FETCH_EXTRA_PORTS", raising=False)
    monkeypatch.delenv("LINKSCAN_LOCAL_ALLOW_LOOPBACK", raising=False)


@pytest.fixture
def extra_port(pages: SamplePages, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINKSCAN_FETCH_EXTRA_PORTS", str(pages.port))
    monkeypatch.delenv("LINKSCAN_LOCAL_ALLOW_LOOPBACK", raising=False)


def test_scan_prints_a_block_verdict_as_json(
    pages: SamplePages, default_settings: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", pages.url("/go/loan"), "--json", "--allow-loopback"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["decision"] == "block"
    assert verdict["categories"][0]["category"] == "cash_loan"
    assert [hop["kind"] for hop in verdict["fetch"]["hops"]] == ["http", "http", "meta_refresh"]
    assert verdict["rules_version"]


def test_scan_readable_output_explains_the_decision(
    pages: SamplePages, default_settings: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", pages.url("/replica.html"), "--allow-loopback"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("BLOCK")
    assert "counterfeit/" in out and "actions: block, announce" in out


def test_scan_refuses_loopback_by_default(
    pages: SamplePages, extra_port: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", pages.url("/loan.html"), "--json"]) == 3
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["outcome"] == "blocked_destination"
    assert verdict["judged"] is False and verdict["categories"] == []


def test_scan_save_evidence_writes_the_body(
    pages: SamplePages, default_settings: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", pages.url("/loan.html"), "--allow-loopback", "--save-evidence", str(tmp_path)]) == 0
    assert any(path.name.startswith("body") for path in tmp_path.rglob("*"))
    saved = capsys.readouterr().err
    assert saved.startswith(f"evidence saved: {tmp_path}") and "PosixPath" not in saved


@pytest.mark.browser
def test_scan_with_render_local_judges_a_script_page_and_saves_its_screenshot(
    pages: SamplePages, default_settings: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pages.url("/spa-loan.html")
    assert main(["scan", url, "--allow-loopback", "--render", "local", "--json", "--save-evidence", str(tmp_path)]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["decision"] == "block" and verdict["extra"]["render"]["rendered"] is True
    assert [path.name for path in tmp_path.rglob("screenshot.png")] == ["screenshot.png"]


def test_scan_without_render_leaves_a_script_page_unjudged_by_its_script(
    pages: SamplePages, default_settings: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("LINKSCAN_RENDER", raising=False)
    assert main(["scan", pages.url("/spa-loan.html"), "--allow-loopback", "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["decision"] == "allow" and "render" not in verdict["extra"]


def test_analyze_batch_keeps_ids_and_reports_bad_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = [{"id": f"loan-{i}", "text": f"无视征信 黑户可贷 当天下款 额度{i}000元 加微信 dk{i}88"} for i in range(500)]
    items += [{"id": f"clean-{i}", "html": f"<p>第{i}届读书会将于周六举行，欢迎参加。</p>"} for i in range(498)]
    lines = [json.dumps(item, ensure_ascii=False) for item in items] + ["not json", json.dumps({"id": "x"})]
    source = tmp_path / "items.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")

    assert main(["analyze", "--batch", str(source)]) == 0

    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == 1000
    by_id = {record["id"]: record for record in out if record.get("id") is not None}
    assert all(by_id[f"loan-{i}"]["decision"] == "block" for i in range(500))
    assert all(by_id[f"clean-{i}"]["decision"] == "allow" for i in range(498))
    assert "error" in by_id["x"] and any(record.get("line") == 999 and "error" in record for record in out)


def test_analyze_reads_stdin_text(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Super clone Rolex 1:1 replica watches, $299, worldwide shipping"))
    assert main(["analyze", "-", "--text", "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["categories"][0]["category"] == "counterfeit"


def test_miniprogram_command_judges_a_submission_body(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = load_event("api_submit_miniprogram_cashloan_wrong_category.json")["body"]
    source = tmp_path / "mp.json"
    source.write_text(body, encoding="utf-8")
    assert main(["miniprogram", str(source), "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["decision"] == "block" and verdict["target_type"] == "miniprogram"


def test_miniprogram_command_rejects_a_bad_appid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps({"appid": "wx123", "metadata": {"name": "x"}}), encoding="utf-8")
    assert main(["miniprogram", str(source)]) == 2
    assert "appid" in capsys.readouterr().err
