"""`linkscan canonicalize | expressions | lookup`: the blocklist's command-line tools.

The lead's ``linkscan.cli`` calls ``add_commands(subparsers)``; each sub-command sets ``handler``, a
function of the parsed arguments that returns the exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from linkscan.blocklist.lookup import LookupAnswer, candidate, entries_by_hash, lookup_many
from linkscan.blocklist.model import Entry, entry_from_public
from linkscan.blocklist.private import http_prefix_fetcher, private_lookup
from linkscan.canonical import canonicalize, url_expressions
from linkscan.errors import InvalidUrlError

DEFAULT_API = "http://127.0.0.1:3000"


def add_commands(subparsers: Any) -> None:
    parser = subparsers.add_parser("canonicalize", help="Safe Browsing canonical form of URLs")
    parser.add_argument("urls", nargs="*", metavar="URL")
    parser.add_argument("--jsonl", action="store_true", help="read JSON strings from stdin, write JSON strings")
    parser.set_defaults(handler=run_canonicalize)

    parser = subparsers.add_parser("expressions", help="Safe Browsing lookup expressions of URLs")
    parser.add_argument("urls", nargs="*", metavar="URL")
    parser.add_argument("--jsonl", action="store_true", help="read JSON strings from stdin, write JSON lists")
    parser.set_defaults(handler=run_expressions)

    parser = subparsers.add_parser("lookup", help="Is a URL on the public blocklist?")
    parser.add_argument("url", metavar="URL")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--list", type=Path, metavar="FILE", help="a published blocklist.json")
    source.add_argument("--api", default=DEFAULT_API, metavar="BASE", help=f"lookup API (default {DEFAULT_API})")
    parser.add_argument(
        "--private", action="store_true", help="send only 4-byte hash prefixes to the API, match locally"
    )
    parser.set_defaults(handler=run_lookup)


def _inputs(args: argparse.Namespace, stdin: TextIO) -> Iterator[str]:
    if args.jsonl:
        for line in stdin:
            if line.strip():
                yield json.loads(line)
    else:
        yield from args.urls


def _each(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO, render: Any) -> int:
    status = 0
    for url in _inputs(args, stdin):
        try:
            out.write(render(url) + "\n")
        except InvalidUrlError as exc:
            status = 2
            if args.jsonl:
                out.write("null\n")  # keep output lines aligned with input lines
            err.write(f"{url}: {exc}\n")
    return status


def run_canonicalize(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr,
                     stdin: TextIO = sys.stdin) -> int:  # fmt: skip
    def render(url: str) -> str:
        canonical = canonicalize(url)
        return json.dumps(canonical) if args.jsonl else canonical

    return _each(args, out, err, stdin, render)


def run_expressions(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr,
                    stdin: TextIO = sys.stdin) -> int:  # fmt: skip
    def render(url: str) -> str:
        expressions = url_expressions(url)
        return json.dumps(expressions) if args.jsonl else "\n".join(expressions)

    return _each(args, out, err, stdin, render)


def run_lookup(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Exit 0 when not listed, 1 when listed, 2 on a bad URL."""
    try:
        item = candidate(args.url)
    except InvalidUrlError as exc:
        err.write(f"{args.url}: {exc}\n")
        return 2
    if args.list is not None:
        table = entries_by_hash(load_list(args.list))
        (answer,) = lookup_many([item], lambda hashes: {h: table[h] for h in hashes if h in table})
        document = answer.public("")
    elif args.private:
        answer = private_lookup(item, http_prefix_fetcher(args.api))
        document = answer.public(f"{args.api.rstrip('/')}/v1/appeals")
    else:
        document = api_lookup(args.api, args.url)
        answer = LookupAnswer(args.url, document.get("canonical_url") or "", bool(document.get("listed")), None)
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return 1 if answer.listed else 0


def load_list(path: Path) -> list[Entry]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return [entry_from_public(row) for row in document["entries"]]


def api_lookup(api_base: str, url: str, timeout: float = 10.0) -> dict[str, Any]:
    query = urllib.parse.urlencode({"url": url})
    with urllib.request.urlopen(f"{api_base.rstrip('/')}/v1/lookup?{query}", timeout=timeout) as response:  # noqa: S310
        document: dict[str, Any] = json.loads(response.read())
    return document


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry point (``python -m linkscan.blocklist.cli``) until the lead's CLI wires it in."""
    parser = argparse.ArgumentParser(prog="linkscan")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    status: int = args.handler(args)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
