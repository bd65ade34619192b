"""The `linkscan` command line: the same analysis code as the Lambdas, on your machine.

linkscan scan URL [--json] [--save-evidence DIR] [--allow-loopback] [--render off|local]
linkscan analyze [FILE|-] [--html|--text] [--json]
linkscan analyze --batch FILE.jsonl
linkscan miniprogram FILE.json [--appid ID] [--json]
linkscan miniprogram --batch FILE.jsonl
linkscan canonicalize URL... | expressions URL... | lookup URL
linkscan rules check [DIR]
linkscan --jurisdiction us analyze ...   (the jurisdiction profile; default LINKSCAN_JURISDICTION or cn)

Every error is one line on standard error, with an exit code that `linkscan --help` and each command's
--help list.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from linkscan.models import Verdict

if TYPE_CHECKING:
    from linkscan.detect import Detector
    from linkscan.miniprogram import MiniProgramMetadata

DECISION_MARK = {"allow": "ALLOW ", "review": "REVIEW", "block": "BLOCK "}

EXIT_OK = 0
EXIT_USAGE = 2  # bad arguments or input: an invalid URL, a missing or unreadable file, malformed JSON
EXIT_NOT_SCANNED = 3  # scan: the fetch failed (see the outcome), nothing was judged
EXIT_INTERNAL = 70  # a bug: please report it with LINKSCAN_DEBUG=1's traceback


def exit_codes(*lines: str) -> str:
    """A command's --help epilog: its exit codes."""
    return "exit codes:\n" + "\n".join(f"  {line}" for line in lines)


class CliError(Exception):
    """A user-facing failure: one line on standard error and an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def _detector(args: argparse.Namespace | None = None) -> Detector:
    from dataclasses import replace

    from linkscan.detect import Detector
    from linkscan.settings import DetectionSettings

    settings = DetectionSettings.from_env()
    if args is not None and getattr(args, "jurisdiction", None):
        settings = replace(settings, jurisdiction=args.jurisdiction)
    return Detector.load(settings)


def format_verdict(verdict: Verdict, *, max_evidence: int = 3) -> str:
    """A verdict as a person reads it: decision first, then why; a failed fetch is NOT SCANNED, never ALLOW."""
    if not verdict.judged:
        detail = f": {verdict.outcome_detail}" if verdict.outcome_detail else ""
        lines = [f"NOT SCANNED ({verdict.outcome}{detail})  {verdict.target}"]
    else:
        mark = DECISION_MARK.get(verdict.decision, verdict.decision)
        lines = [f"{mark}  score {verdict.score:.2f}  {verdict.target}"]
    if verdict.judged and verdict.outcome not in ("ok", "not_fetched"):
        lines.append(f"  fetch: {verdict.outcome}" + (f" ({verdict.outcome_detail})" if verdict.outcome_detail else ""))
    if verdict.fetch and len(verdict.fetch.hops) > 1:
        lines.append("  redirect chain:")
        lines += [f"    {hop.status or '-':>4} {hop.kind:<12} {hop.url}" for hop in verdict.fetch.hops]
    for category in verdict.categories:
        lines.append(
            f"  {category.category}/{category.subcategory}  score {category.score:.2f}  severity {category.severity}"
        )
        for evidence in category.evidence[:max_evidence]:
            snippet = evidence.snippet.replace("\n", " ")
            where = f"{evidence.field} @{evidence.start}-{evidence.end}"
            lines.append(f"    [{evidence.rule}] {(evidence.matched or evidence.term)!r} in {where}: {snippet}")
    lines += [f"  - {reason}" for reason in verdict.reasons]
    if verdict.actions:
        lines.append(f"  actions: {', '.join(verdict.actions)}")
    if verdict.enforcement is not None:
        action = verdict.enforcement.action
        when = f", fix by {action.fix_by}" if action.fix_by else f", until {action.until}" if action.until else ""
        lines.append(f"  notice: {action.type} ({', '.join(action.scope)}{when})")
        lines.extend(
            f"    rule {notice.rule.id}: {notice.rule.name}" for notice in verdict.enforcement.notices if notice.rule
        )
    lines.append(f"  rules {verdict.rules_version}")
    return "\n".join(lines)


def _emit(verdict: Verdict, as_json: bool, out: TextIO) -> None:
    if as_json:
        out.write(verdict.model_dump_json(indent=2) + "\n")
    else:
        out.write(format_verdict(verdict) + "\n")


def cmd_scan(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from linkscan.errors import InvalidUrlError
    from linkscan.render import renderer_for
    from linkscan.scanner import scan_url
    from linkscan.settings import FetchSettings, RenderSettings
    from linkscan.targets import target_id

    settings = FetchSettings.from_env()
    render = RenderSettings.from_env()
    if args.render:
        render = replace(render, mode=args.render)
    if args.allow_loopback:
        settings = replace(settings, allow_loopback=True)
    try:
        tid, url = target_id(args.url)
    except InvalidUrlError as exc:
        raise CliError(f"invalid URL: {exc}") from None
    renderer = renderer_for(render, settings) if render.mode == "local" else None
    result = scan_url(url, target_id=tid, detector=_detector(args), fetch_settings=settings, renderer=renderer)
    if args.save_evidence and result.fetch is not None:
        from linkscan.fetch.evidence import save_evidence

        saved = save_evidence(result.fetch, Path(args.save_evidence))
        for key, data, _ in result.evidence:  # the render step's: screenshot, rendered DOM, images
            if key.endswith(("screenshot.png", "rendered.html.gz", "/image")):
                path = Path(args.save_evidence) / key.removeprefix("evidence/")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                saved.append(path)
        print(f"evidence saved: {', '.join(str(path) for path in saved) or 'nothing'}", file=sys.stderr)
    _emit(result.verdict, args.json, sys.stdout)
    return EXIT_OK if result.verdict.judged else EXIT_NOT_SCANNED


def _read_bytes(source: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {source}: {exc.strerror or exc}") from None


def _read_input(source: str) -> str:
    """A file's text: UTF-8, or the charset detected as for fetched pages (never a decode traceback)."""
    from linkscan.fetch.decode import decode_body

    if source == "-" and not hasattr(sys.stdin, "buffer"):
        return sys.stdin.read()  # a text stream with no bytes underneath (already decoded)
    raw = _read_bytes(source)
    text, _ = decode_body(raw, None, html=raw.lstrip()[:1] == b"<")
    return text


def _as_local(verdict: Verdict, source: str) -> Verdict:
    """An analyzed file or text is not a URL: say what was analyzed."""
    verdict.target_type = "text"
    verdict.target = "standard input" if source == "-" else source
    return verdict


def judge_lines(lines: Iterable[str], judge: Callable[[dict[str, Any], int], Verdict], out: TextIO) -> int:
    """One JSON verdict per JSON-object line, carrying the line's ``id``; a bad line gets an error line
    (``id``, ``line``, ``error``), not a crash. Returns the number of bad lines."""
    from linkscan.api_edge import loads_bounded

    errors = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item_id: Any = None
        try:
            item = loads_bounded(line)
            if not isinstance(item, dict):
                raise ValueError("each line needs a JSON object")
            item_id = item.get("id", number)
            record = {"id": item_id, **judge(item, number).model_dump(mode="json")}
        except (ValueError, RecursionError) as exc:
            errors += 1
            record = {"id": item_id, "line": number, "error": str(exc)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return errors


def analyze_batch(lines: Iterable[str], detector: Detector, out: TextIO) -> int:
    """``{"id", "text"}`` or ``{"id", "html"}`` lines: one verdict per line (see ``judge_lines``)."""
    from linkscan.scanner import analyze_content

    def judge(item: dict[str, Any], number: int) -> Verdict:
        item_id = str(item.get("id", number))
        if isinstance(item.get("html"), str):
            verdict = analyze_content(
                item["html"], detector=detector, is_html=True, item_id=item_id, base_url=item.get("url", "")
            )
        elif isinstance(item.get("text"), str):
            verdict = analyze_content(item["text"], detector=detector, is_html=False, item_id=item_id)
        else:
            raise ValueError('each line needs "text" or "html" (a string)')
        if not item.get("url"):  # a line that names the page's URL is that URL's page; any other is text
            verdict.target_type = "text"
        return verdict

    return judge_lines(lines, judge, out)


def cmd_analyze(args: argparse.Namespace) -> int:
    detector = _detector(args)
    if args.batch:
        lines = _read_input(args.batch).split("\n")  # not splitlines: JSON strings may hold U+2028 raw
        errors = analyze_batch(lines, detector, sys.stdout)
        if errors:
            print(f"linkscan: {errors} line(s) could not be analyzed (see their error fields)", file=sys.stderr)
        return 0
    from linkscan.scanner import analyze_content

    content = _read_input(args.file)
    is_html = args.html or (not args.text and content.lstrip()[:1] == "<")
    verdict = analyze_content(content, detector=detector, is_html=is_html, item_id=args.file)
    _emit(_as_local(verdict, args.file), args.json, sys.stdout)
    return EXIT_OK


# Keys only an API Gateway proxy event has: such a file wraps a submission, it is not metadata.
_EVENT_KEYS = frozenset({"httpMethod", "requestContext", "resource", "isBase64Encoded", "routeKey"})


def miniprogram_metadata(raw: object, appid: str | None, source: str) -> MiniProgramMetadata:
    """Validated metadata from bare metadata (appid inside, or ``appid``) or a submission body.

    Raises ValueError with a message naming what is wrong (an API Gateway event, no appid, a bad field).
    """
    from linkscan.errors import InvalidInputError
    from linkscan.miniprogram import parse_metadata

    if not isinstance(raw, dict):
        raise ValueError(f"{source}: expected a JSON object of mini-program metadata")
    if _EVENT_KEYS & raw.keys():
        raise ValueError(
            f"{source} is an API Gateway event, not mini-program metadata: pass the metadata itself "
            "(e.g. jq '.body | fromjson | .metadata' event.json > metadata.json, then --appid if it has none)"
        )
    submission = isinstance(raw.get("metadata"), dict) and "name" not in raw  # {"type", "appid", "metadata"}
    metadata = raw["metadata"] if submission else raw
    inside = raw.get("appid") or (metadata.get("appid") if isinstance(metadata, dict) else None)
    chosen = appid or inside
    if not chosen:
        raise ValueError(f'{source}: no appid: give "appid" in the metadata (or --appid, or on the --batch line)')
    try:
        return parse_metadata(str(chosen), metadata)
    except InvalidInputError as exc:
        raise ValueError(f"invalid mini-program metadata: {exc}") from None


def miniprogram_batch(lines: Iterable[str], detector: Detector, out: TextIO) -> int:
    """``{"id", "metadata"}`` lines (``appid`` inside the metadata or on the line): one verdict per line."""
    from linkscan.clock import utc_now
    from linkscan.miniprogram import scan_miniprogram
    from linkscan.scanner import new_scan_id

    def judge(item: dict[str, Any], number: int) -> Verdict:
        if not isinstance(item.get("metadata"), dict):
            raise ValueError('each line needs "metadata" (an object)')
        meta = miniprogram_metadata(item["metadata"], item.get("appid"), f"line {number}")
        return scan_miniprogram(meta, detector, scan_id=new_scan_id(), scanned_at=utc_now())

    return judge_lines(lines, judge, out)


def cmd_miniprogram(args: argparse.Namespace) -> int:
    from linkscan.api_edge import loads_bounded
    from linkscan.clock import utc_now
    from linkscan.miniprogram import scan_miniprogram
    from linkscan.scanner import new_scan_id

    if args.batch:
        if args.file or args.appid:
            raise CliError("--batch takes no FILE or --appid: each line carries its metadata (and appid)")
        lines = _read_input(args.batch).split("\n")  # not splitlines: JSON strings may hold U+2028 raw
        errors = miniprogram_batch(lines, _detector(args), sys.stdout)
        if errors:
            print(f"linkscan: {errors} line(s) could not be judged (see their error fields)", file=sys.stderr)
        return EXIT_OK
    if not args.file:
        raise CliError("give a metadata FILE (or --batch FILE.jsonl)")
    try:
        raw = loads_bounded(_read_input(args.file))
    except ValueError as exc:
        raise CliError(f"{args.file} is not JSON metadata: {exc}") from None
    try:
        meta = miniprogram_metadata(raw, args.appid, args.file)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    verdict = scan_miniprogram(meta, _detector(args), scan_id=new_scan_id(), scanned_at=utc_now())
    _emit(verdict, args.json, sys.stdout)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="linkscan",
        description="Scan links and mini-programs for illegal cash-loan, counterfeit and contraband offerings.",
        epilog=exit_codes(
            "0  done (scan: the page was judged, whatever the decision)",
            "1  lookup: the URL is listed; rules check: problems found",
            "2  bad arguments or input (invalid URL, missing or unreadable file, malformed JSON)",
            "3  scan: not scanned, the fetch failed (the outcome says why)",
            "4  lookup: the lookup API could not be reached or answered an error",
            "70 internal error",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--jurisdiction",
        metavar="ID",
        help="jurisdiction profile for detection (cn, us; default LINKSCAN_JURISDICTION or cn)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    scan = add_command(
        commands,
        "scan",
        "fetch a URL safely, analyze it and print the verdict",
        "0  judged: the verdict's decision is allow, review or block",
        "2  invalid URL or arguments",
        "3  NOT SCANNED: the fetch failed (dns_error, http_error, blocked_destination...), nothing was judged",
    )
    scan.add_argument("url", metavar="URL", help="the page to scan (http or https)")
    scan.add_argument("--json", action="store_true", help="print the verdict as JSON")
    scan.add_argument("--save-evidence", metavar="DIR", help="write response headers and body (gzipped) to DIR")
    scan.add_argument(
        "--allow-loopback",
        action="store_true",
        help="local testing only: allow fetching 127.0.0.1 / ::1 / localhost on any port "
        "(private and metadata addresses stay refused); the same as LINKSCAN_LOCAL_ALLOW_LOOPBACK=true",
    )
    scan.add_argument(
        "--render",
        choices=("off", "local"),
        help="render script-shell pages in this machine's Chromium and read their images (QR codes, OCR) "
        "when render/policy.yaml asks for it; default: LINKSCAN_RENDER, else off",
    )
    scan.set_defaults(handler=cmd_scan)

    analyze = add_command(
        commands,
        "analyze",
        "analyze text or HTML without fetching",
        "0  analyzed (--batch: bad lines get an error line and a count on stderr)",
        "2  the file is missing or unreadable, or bad arguments",
    )
    analyze.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="a file, or - for standard input (the default)"
    )
    kind = analyze.add_mutually_exclusive_group()
    kind.add_argument("--html", action="store_true", help="the input is HTML (default: HTML when it starts with <)")
    kind.add_argument("--text", action="store_true", help="the input is plain text")
    analyze.add_argument("--json", action="store_true", help="print the verdict as JSON")
    analyze.add_argument(
        "--batch",
        metavar="FILE.jsonl",
        help='lines of {"id": ..., "text": ...} or {"id": ..., "html": ..., "url": ...} ("url" optional: '
        "the page's address); one JSON verdict per line",
    )
    analyze.set_defaults(handler=cmd_analyze)

    miniprogram = add_command(
        commands,
        "miniprogram",
        "analyze a mini-program's metadata file (docs/miniprogram.md: required fields)",
        "0  judged (--batch: bad lines get an error line and a count on stderr)",
        "2  the file is missing, not JSON, an API Gateway event, or not valid metadata",
    )
    miniprogram.add_argument(
        "file", nargs="?", metavar="FILE", help="bare metadata JSON (appid inside or --appid), or a submission body"
    )
    miniprogram.add_argument("--appid", metavar="ID", help="the appid, when the metadata does not carry it")
    miniprogram.add_argument("--json", action="store_true", help="print the verdict as JSON")
    miniprogram.add_argument(
        "--batch",
        metavar="FILE.jsonl",
        help='lines of {"id": ..., "metadata": {...}}; one JSON verdict per line with the same id',
    )
    miniprogram.set_defaults(handler=cmd_miniprogram)

    from linkscan.blocklist.cli import add_commands

    add_commands(commands)
    _add_rules_command(commands)
    return parser


def add_command(commands: Any, name: str, summary: str, *exits: str) -> argparse.ArgumentParser:
    """A sub-command whose --help starts with what it does and ends with its exit codes."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=exit_codes(*exits) if exits else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _add_rules_command(commands: Any) -> None:
    rules = add_command(commands, "rules", "check rule packs, policy files and jurisdiction profiles")
    actions = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    check = add_command(
        actions,
        "check",
        "validate every rule pack, policy file and jurisdiction profile; print file:line: problem",
        "0  no problem found",
        "1  problems found (each on a line, a count on stderr)",
        "2  no such file or directory, or bad arguments",
    )
    check.add_argument(
        "dir",
        nargs="?",
        metavar="DIR",
        help="a directory (or one file) to check; default the shipped files and the override pack",
    )
    check.set_defaults(handler=cmd_rules_check)


def cmd_rules_check(args: argparse.Namespace) -> int:
    import os

    from linkscan.detect.rules import check_files

    target = Path(args.dir) if args.dir else None
    if target is not None and not target.exists():
        print(f"linkscan: no such file or directory: {target}", file=sys.stderr)
        return 2
    # the CLI is the edge: it reads the override pack's path as the deployment settings do
    problems = check_files(target, os.environ.get("LINKSCAN_RULES_OVERRIDE") or None)
    for problem in problems:
        print(problem)
    if problems:
        print(f"linkscan: {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors are one line on standard error and an exit code, never a traceback."""
    import os

    args = build_parser().parse_args(argv)
    try:
        code: int = args.handler(args)
    except CliError as exc:
        print(f"linkscan: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("LINKSCAN_DEBUG"):
            raise
        print(f"linkscan: internal error: {type(exc).__name__}: {exc} (LINKSCAN_DEBUG=1 shows the traceback)",
              file=sys.stderr)  # fmt: skip
        return EXIT_INTERNAL
    return code


if __name__ == "__main__":
    sys.exit(main())
