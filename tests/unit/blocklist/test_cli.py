"""The canonicalize / expressions / lookup --list commands."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

from linkscan.blocklist.cli import add_commands
from linkscan.blocklist.formats import Listing, ListMeta, write_json
from tests.blocklist_data import make_entry


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="linkscan")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    kwargs = {"stdin": io.StringIO(stdin)} if args.command != "lookup" else {}
    status = args.handler(args, out=out, err=err, **kwargs)
    return status, out.getvalue(), err.getvalue()


def test_canonicalize_arguments() -> None:
    status, out, _ = run(["canonicalize", "http://3279880203/blah", "www.GOOgle.com"])
    assert status == 0 and out.splitlines() == ["http://195.127.0.11/blah", "http://www.google.com/"]


def test_canonicalize_jsonl_keeps_lines_aligned_and_reports_bad_input() -> None:
    status, out, err = run(["canonicalize", "--jsonl"], stdin='"http://host/%25%32%35"\n"ftp://x/"\n"a.b"\n')
    assert status == 2
    assert [json.loads(line) for line in out.splitlines()] == ["http://host/%25", None, "http://a.b/"]
    assert "ftp" in err


def test_expressions_jsonl_writes_one_list_per_url() -> None:
    _, out, _ = run(["expressions", "--jsonl"], stdin='"http://1.2.3.4/1/"\n')
    assert json.loads(out) == ["1.2.3.4/1/", "1.2.3.4/"]


def test_lookup_against_a_published_list_file(tmp_path: Path) -> None:
    path = tmp_path / "blocklist.json"
    with path.open("wb") as handle:
        write_json(Listing([make_entry("evil.example/")]), ListMeta(1, "2026-11-21T10:00:00Z"), handle)

    status, out, _ = run(["lookup", "https://www.evil.example/login", "--list", str(path)])
    assert status == 1 and json.loads(out)["match"]["expression"] == "evil.example/"
    status, out, _ = run(["lookup", "https://good.example/", "--list", str(path)])
    assert status == 0 and json.loads(out)["listed"] is False
