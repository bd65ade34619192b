"""The command line as a user types it: README lines verbatim, NOT SCANNED, one-line errors and exit codes."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from devstack.pages import SamplePages
from devstack.stack import free_port
from linkscan.cli import main
from tests.support import ROOT


@pytest.fixture(scope="module")
def pages() -> Iterator[SamplePages]:
    with SamplePages() as server:
        yield server


def linkscan(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`linkscan ARGS` in a fresh process, with the default configuration plus ``env``."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("LINKSCAN_")}
    base["PYTHONPATH"] = f"{ROOT / 'layers/linkscan/python'}{os.pathsep}{ROOT}"
    return subprocess.run(
        [sys.executable, "-m", "linkscan.cli", *args],
        env={**base, **(env or {})},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_readme_scan_line_reaches_a_loopback_page_server_on_its_random_port(pages: SamplePages) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith("LINKSCAN_LOCAL_ALLOW_LOOPBACK=true linkscan"))
    assignment, program, *args = shlex.split(line.split("#")[0].replace("<pages port>", str(pages.port)))
    name, value = assignment.split("=")
    assert program == "linkscan"
    result = linkscan(*args, env={name: value})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("BLOCK")


def test_allow_loopback_flag_opens_any_loopback_port(pages: SamplePages) -> None:
    result = linkscan("scan", "--allow-loopback", "--json", pages.url("/clean.html"))
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["outcome"] == "ok" and verdict["decision"] == "allow"


def test_a_page_that_was_never_fetched_is_not_scanned_not_allowed(pages: SamplePages) -> None:
    result = linkscan("scan", "--allow-loopback", pages.url("/missing.html"))
    assert result.returncode == 3
    assert result.stdout.startswith("NOT SCANNED (http_error")
    assert "ALLOW" not in result.stdout and "score" not in result.stdout.splitlines()[0]


def test_a_refused_destination_is_not_scanned_in_json_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "http://169.254.169.254/latest/meta-data/", "--json"]) == 3
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["judged"] is False and verdict["outcome"] == "blocked_destination"


def test_analyze_of_a_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = linkscan("analyze", str(tmp_path / "nope.html"))
    assert result.returncode == 2
    assert "nope.html" in one_line_error(result)


def test_analyze_reads_a_gbk_file_and_says_it_analyzed_a_file(tmp_path: Path) -> None:
    page = tmp_path / "loan.txt"
    page.write_bytes("无视征信 黑户可贷 当天下款 额度5000元 加微信 dk88 秒批到账".encode("gbk"))
    result = linkscan("analyze", str(page), "--json")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["decision"] == "block"
    assert verdict["target_type"] == "text" and verdict["target"] == str(page)


def test_lookup_of_a_missing_list_file_or_a_csv_list_is_one_line_and_exit_2(tmp_path: Path) -> None:
    csv_list = tmp_path / "blocklist.csv"
    csv_list.write_text("expression,category\nquick-cash-loan.example/,cash_loan\n", encoding="utf-8")
    for path in (tmp_path / "nope.json", csv_list):
        result = linkscan("lookup", "https://example.org/", "--list", str(path))
        assert result.returncode == 2
        assert str(path) in one_line_error(result)


@pytest.mark.parametrize("private", [False, True])
def test_lookup_against_an_api_that_is_down_is_one_line_and_exit_4(private: bool) -> None:
    args = ["lookup", "https://example.org/", "--api", f"http://127.0.0.1:{free_port()}"]
    result = linkscan(*args, *(["--private"] if private else []))
    assert result.returncode == 4
    assert "unreachable" in one_line_error(result)


def test_lookup_exit_codes_tell_listed_from_not_listed(tmp_path: Path) -> None:
    listing = {
        "entries": [
            {
                "expression": "quick-cash-loan.example/",
                "scope": "host",
                "category": "cash_loan",
                "subcategory": "no_license",
                "first_listed": "2026-11-01T00:00:00Z",
            }
        ]
    }
    path = tmp_path / "blocklist.json"
    path.write_text(json.dumps(listing), encoding="utf-8")
    listed = linkscan("lookup", "http://quick-cash-loan.example/apply", "--list", str(path))
    not_listed = linkscan("lookup", "https://example.org/", "--list", str(path))
    assert (listed.returncode, not_listed.returncode) == (1, 0), listed.stderr


def test_canonicalize_jsonl_given_a_bare_url_line_reports_that_line() -> None:
    result = linkscan("canonicalize", "--jsonl", stdin='"HTTP://Example.ORG/a/../b"\nhttps://example.org/\n')
    assert result.returncode == 2
    assert result.stdout.splitlines() == ['"http://example.org/b"', "null"]
    assert "line 2" in one_line_error(result)


@pytest.mark.parametrize("args", [["canonicalize", "--jsonl", "https://example.org/"], ["expressions"]])
def test_canonicalize_with_urls_and_jsonl_or_with_nothing_says_so_and_exits_2(args: list[str]) -> None:
    result = linkscan(*args, stdin='"https://example.org/"\n')
    assert result.returncode == 2 and result.stdout == ""
    assert "URL" in one_line_error(result)


def test_miniprogram_of_deeply_nested_metadata_is_one_line_and_exit_2(tmp_path: Path) -> None:
    source = tmp_path / "deep.json"
    source.write_text('{"appid": "wx0123456789abcdef", "name": "x", "pages": ' + "[" * 3000 + "]" * 3000 + "}")
    result = linkscan("miniprogram", str(source))
    assert result.returncode == 2
    assert "nested more than" in one_line_error(result)


@pytest.mark.parametrize("command", ["scan", "analyze", "miniprogram", "canonicalize", "expressions", "lookup"])
def test_each_commands_help_lists_its_exit_codes(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    help_text = capsys.readouterr().out
    assert "exit codes:" in help_text and "  0  " in help_text and "  2  " in help_text


def test_json_output_keeps_chinese_readable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("无视征信 黑户可贷 当天下款", encoding="utf-8")
    main(["analyze", str(page), "--json"])
    out = capsys.readouterr().out
    assert "\\u" not in out and "征信" in out


def test_analyze_quotes_matches_as_the_page_writes_them() -> None:
    result = linkscan("analyze", "-", stdin="急用钱？无抵押贷款，天下\n款 秒到账，加微信 abc123")
    assert result.returncode == 0, result.stderr
    matches = [line for line in result.stdout.splitlines() if "offer model" not in line]  # model features are n-grams
    assert any("天下 款" in line for line in matches) and not any("天下款" in line for line in matches)
