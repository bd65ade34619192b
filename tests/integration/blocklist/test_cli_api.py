"""`linkscan lookup --api` and `--private` against the lookup handler behind a loopback server."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from types import ModuleType

from linkscan.blocklist.cli import add_commands
from tests.integration.blocklist.conftest import invoke, load_event
from tests.integration.blocklist.server import serve


def lookup_cli(argv: list[str]) -> tuple[int, dict]:
    parser = argparse.ArgumentParser(prog="linkscan")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    out = io.StringIO()
    status = args.handler(args, out=out, err=io.StringIO())
    return status, json.loads(out.getvalue())


def test_private_lookup_matches_without_sending_the_url(
    publish: ModuleType, lookup: ModuleType, tmp_path: Path
) -> None:
    invoke(publish, load_event("dynamodb_stream_block.json"))
    seen: list[str] = []
    original = lookup.handler

    def spy(event, context):  # type: ignore[no-untyped-def]
        seen.append(json.dumps(event))
        return original(event, context)

    lookup.handler = spy  # type: ignore[attr-defined]
    secret = "https://www.quick-cash-loan.example/apply?token=SECRET123"
    with serve(tmp_path, lookup) as served:
        base = served.base
        status, answer = lookup_cli(["lookup", secret, "--api", base, "--private"])
        public_status, public_answer = lookup_cli(["lookup", "https://example.org/", "--api", base])

    assert status == 1 and answer["listed"] and answer["match"]["expression"] == "quick-cash-loan.example/"
    assert seen and all("SECRET123" not in event and "quick-cash-loan" not in event for event in seen)
    assert public_status == 0 and public_answer["listed"] is False
