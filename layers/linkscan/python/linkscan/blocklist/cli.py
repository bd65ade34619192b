"""`linkscan canonicalize | expressions | lookup`: the blocklist's command-line tools.

``linkscan.cli`` calls ``add_commands(subparsers)``; each sub-command sets ``handler``, a
function of the parsed arguments that returns the exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from linkscan.blocklist.lookup import Candidate, LookupAnswer, candidate, entries_by_hash, lookup_many
from linkscan.blocklist.model import Entry, entry_from_public
from linkscan.blocklist.private import http_prefix_fetcher, private_lookup
from linkscan.canonical import canonicalize, url_expressions
from linkscan.cli import add_command
from linkscan.errors import InvalidUrlError

DEFAULT_API = "http://127.0.0.1:3000"
LOOKUP_NOT_LISTED, LOOKUP_LISTED, LOOKUP_BAD_INPUT, LOOKUP_UNAVAILABLE = 0, 1, 2, 4
_EACH_EXIT = (
    "0  every URL was read",
    "2  some URL (or --jsonl line) was invalid: its error is on stderr; or no URL, or URLs together with --jsonl",
)
_LOOKUP_EXIT = (
    "0  not listed",
    "1  listed",
    "2  bad input: an invalid URL, or --list is missing or not a published blocklist.json",
    "4  the lookup API could not be reached or answered an error",
)


class LookupFailed(Exception):
    """A lookup that could not be answered; ``code`` is the exit status."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def add_commands(subparsers: Any) -> None:
    parser = add_command(subparsers, "canonicalize", "Safe Browsing canonical form of URLs", *_EACH_EXIT)
    parser.add_argument("urls", nargs="*", metavar="URL")
    parser.add_argument("--jsonl", action="store_true", help="read JSON strings from stdin, write JSON strings")
    parser.set_defaults(handler=run_canonicalize)

    parser = add_command(subparsers, "expressions", "Safe Browsing lookup expressions of URLs", *_EACH_EXIT)
    parser.add_argument("urls", nargs="*", metavar="URL")
    parser.add_argument("--jsonl", action="store_true", help="read JSON strings from stdin, write JSON lists")
    parser.set_defaults(handler=run_expressions)

    parser = add_command(subparsers, "lookup", "is a URL on the public blocklist?", *_LOOKUP_EXIT)
    parser.add_argument("url", metavar="URL")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--list", type=Path, metavar="FILE", help="a published blocklist.json")
    source.add_argument("--api", default=DEFAULT_API, metavar="BASE", help=f"lookup API (default {DEFAULT_API})")
    parser.add_argument(
        "--private", action="store_true", help="send only 4-byte hash prefixes to the API, match locally"
    )
    parser.set_defaults(handler=run_lookup)


def _inputs(args: argparse.Namespace, stdin: TextIO) -> Iterator[str | InvalidUrlError]:
    """The URLs to read; a --jsonl line that is not a JSON string yields its error in its place."""
    if not args.jsonl:
        yield from args.urls
        return
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError:
            value = None
        if isinstance(value, str):
            yield value
        else:
            yield InvalidUrlError(f'line {number}: not a JSON string (--jsonl wants lines like "https://...")')


def _each(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO, render: Any) -> int:
    if args.jsonl and args.urls:  # --jsonl reads standard input only: URLs given too would be silently ignored
        err.write("linkscan: give URLs as arguments or as --jsonl lines on standard input, not both\n")
        return 2
    if not args.jsonl and not args.urls:
        err.write("linkscan: no URL given (give URLs as arguments, or --jsonl lines on standard input)\n")
        return 2
    status = 0
    for url in _inputs(args, stdin):
        try:
            if isinstance(url, InvalidUrlError):
                raise url
            out.write(render(url) + "\n")
        except InvalidUrlError as exc:
            status = 2
            if args.jsonl:
                out.write("null\n")  # keep output lines aligned with input lines
            err.write(f"{exc}\n" if isinstance(url, InvalidUrlError) else f"{url}: {exc}\n")
    return status


def run_canonicalize(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr,
                     stdin: TextIO = sys.stdin) -> int:  # fmt: skip
    def render(url: str) -> str:
        canonical = canonicalize(url)
        return json.dumps(canonical, ensure_ascii=False) if args.jsonl else canonical

    return _each(args, out, err, stdin, render)


def run_expressions(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr,
                    stdin: TextIO = sys.stdin) -> int:  # fmt: skip
    def render(url: str) -> str:
        expressions = url_expressions(url)
        return json.dumps(expressions, ensure_ascii=False) if args.jsonl else "\n".join(expressions)

    return _each(args, out, err, stdin, render)


def run_lookup(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Exit 0 when not listed, 1 when listed, 2 on bad input, 4 when the API cannot answer."""
    try:
        item = candidate(args.url)
    except InvalidUrlError as exc:
        err.write(f"linkscan: {args.url}: {exc}\n")
        return LOOKUP_BAD_INPUT
    try:
        answer, document = _answer(args, item)
    except LookupFailed as exc:
        err.write(f"linkscan: {exc}\n")
        return exc.code
    out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return LOOKUP_LISTED if answer.listed else LOOKUP_NOT_LISTED


def _answer(args: argparse.Namespace, item: Candidate) -> tuple[LookupAnswer, dict[str, Any]]:
    if args.list is not None:
        table = entries_by_hash(load_list(args.list))
        (answer,) = lookup_many([item], lambda hashes: {h: table[h] for h in hashes if h in table})
        document = answer.public("")
        return answer, document
    try:
        if args.private:
            answer = private_lookup(item, http_prefix_fetcher(args.api))
            return answer, answer.public(f"{args.api.rstrip('/')}/v1/appeals")
        document = api_lookup(args.api, args.url)
    except (OSError, ValueError) as exc:  # URLError and HTTPError are OSErrors; a non-JSON answer a ValueError
        raise LookupFailed(f"lookup API {args.api}: {_api_problem(exc)}", LOOKUP_UNAVAILABLE) from None
    answer = LookupAnswer(args.url, document.get("canonical_url") or "", bool(document.get("listed")), None)
    return answer, document


def _api_problem(exc: Exception) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        try:
            message = json.loads(exc.read()).get("message", "")
        except (ValueError, AttributeError, OSError):
            message = ""
        return f"HTTP {exc.code}" + (f": {message}" if message else "")
    if isinstance(exc, urllib.error.URLError):
        return f"unreachable ({exc.reason})"
    return str(exc) or type(exc).__name__


def load_list(path: Path) -> list[Entry]:
    """A published blocklist.json's entries; LookupFailed (bad input) for anything else."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return [entry_from_public(row) for row in document["entries"]]
    except OSError as exc:
        raise LookupFailed(f"cannot read {path}: {exc.strerror or exc}", LOOKUP_BAD_INPUT) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise LookupFailed(
            f"{path} is not a published blocklist.json (the JSON list, not the CSV or text formats): {exc}",
            LOOKUP_BAD_INPUT,
        ) from None


def api_lookup(api_base: str, url: str, timeout: float = 10.0) -> dict[str, Any]:
    query = urllib.parse.urlencode({"url": url})
    with urllib.request.urlopen(f"{api_base.rstrip('/')}/v1/lookup?{query}", timeout=timeout) as response:  # noqa: S310
        document: dict[str, Any] = json.loads(response.read())
    return document
