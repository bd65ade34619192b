"""`python -m devstack demo | start | invoke FN EVENT | redrive` — the local stack's commands (see `make help`)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from devstack.api import make_server
from devstack.pages import SamplePages
from devstack.stack import LocalStack, free_port
from linkscan.settings import DetectionSettings

# (label, path on the sample server, expected decision, expected category)
DEMO_LINKS = [
    ("clean page", "/clean.html", "allow", None),
    ("cash loan", "/loan.html", "block", "cash_loan"),
    ("counterfeit", "/replica.html", "block", "counterfeit"),
    ("contraband", "/contraband.html", "block", "contraband"),
    ("redirect chain", "/go/loan", "block", "cash_loan"),
    ("missing page (404)", "/missing.html", "not_scanned", None),  # never judged: must not read as allow
    # Sellers who hide from a scanner that reads HTML only (issue 19): each verdict comes with its evidence.
    ("cloaked page", "/cloaked/loan", "block", "cash_loan"),
    ("script-only landing page", "/spa-loan.html", "block", "cash_loan"),
    ("offer only in an image", "/image-loan.html", "block", "cash_loan"),
    ("QR code to a personal contact", "/qr-contact.html", "block", "cash_loan"),
]
# The evidence the demo prints for these rows: why, and the objects stored with the verdict.
EVIDENCE_ROWS = ("cloaked page", "script-only landing page", "offer only in an image", "QR code to a personal contact")


@contextlib.contextmanager
def running(pages: SamplePages | None, api_port: int, log_level: str = "WARNING") -> Iterator[tuple[LocalStack, str]]:
    """The stack with its API on loopback; fetching loopback is allowed here, and only here."""
    api_base = f"http://127.0.0.1:{api_port}"
    extra = {
        "LINKSCAN_LOCAL_ALLOW_LOOPBACK": "true",
        "PUBLIC_BASE_URL": api_base,
        "POWERTOOLS_LOG_LEVEL": log_level,
        # a developer expects a listing to show in lookups at once, not after the filter's TTL
        "LOOKUP_FILTER_TTL_SECONDS": "0",
        # rescans are queued at once here, not spread over a few minutes
        "RESCAN_JITTER_SECONDS": "0",
        # the RenderFunction's work, in this process with this machine's Chromium (no Lambda to invoke)
        "LINKSCAN_RENDER": "local",
        # and its OCR in this process too: the RenderFunction's variable names an OcrFunction to invoke
        "OCR_FUNCTION_NAME": "",
    }
    with LocalStack(extra_env=extra, quiet=log_level != "DEBUG") as stack:
        server = make_server(stack, api_port)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield stack, api_base
        finally:
            server.shutdown()
            server.server_close()


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [line.format(*header), line.format(*["-" * w for w in widths])]
    out += [line.format(*[str(c) for c in row]) for row in rows]
    return "\n".join(out)


def _decided_by(verdict: dict[str, Any]) -> str:
    """What set a verdict's decision, in words: a mini-program's checks and linked pages raise it above its content."""
    if verdict.get("judged") is False:
        return f"nothing judged: {verdict.get('outcome_detail') or verdict.get('outcome')}"
    extra = verdict.get("extra") or {}
    rank = {"allow": 0, "review": 1, "block": 2}
    decision = rank.get(verdict.get("decision", "allow"), 0)
    content = rank.get(extra.get("content_decision", verdict.get("decision", "allow")), 0)
    checks = rank.get(extra.get("scan_decision", extra.get("content_decision", "allow")), 0)
    linked = extra.get("linked_blocked") or []
    if linked and decision > checks:
        pushed = any(link.get("push") for link in linked)
        return "links to a blocked page, " + ("pushed to users" if pushed else "not pushed")
    if decision > content:
        found = [name for name, key in [("licence gap", "qualification_gaps"), ("impersonation", "impersonation")]
                 if extra.get(key)]  # fmt: skip
        found += ["channel leading"] if any(c.get("strong") for c in extra.get("channel_leading") or []) else []
        return "mini-program checks: " + (", ".join(found) or "see reasons")
    return "content" if verdict.get("categories") else "nothing found"


def _verdict_row(label: str, status: dict[str, Any]) -> list[str]:
    verdict = status.get("verdict") or {}
    top = (verdict.get("categories") or [{}])[0]
    hops = len((verdict.get("fetch") or {}).get("hops") or [])
    category = f"{top.get('category', '-')}/{top.get('subcategory', '-')}" if top else "-"
    # A verdict that judged nothing (the fetch failed) must not read as a clean "allow".
    decision = "NOT SCANNED" if verdict.get("judged") is False else verdict.get("decision", status.get("state", "?"))
    return [
        label,
        decision,
        "-" if verdict.get("judged") is False else f"{verdict.get('score', 0):.2f}",
        _decided_by(verdict),
        category,
        verdict.get("outcome", "-"),
        str(hops),
        ",".join(verdict.get("actions") or []) or "-",
    ]


TABLE_NOTE = """\
content score: what the text scored, 0-1 (review from {review:.2f}, block from {block:.2f}); "decided by" says what
set the decision: for a mini-program, its checks and a blocked page it links to can raise it above its content."""


def _print_evidence(label: str, verdict: dict[str, Any]) -> None:
    """The reasons that come from cloaking, rendering, OCR and QR codes, and the evidence objects kept."""
    extra = verdict.get("extra") or {}
    print(f"  {label}: {verdict.get('decision')}")
    markers = ("cloaking:", "rendered in a browser", "text read in", "QR code", "render step")
    for reason in verdict.get("reasons") or []:
        if reason.startswith(markers):
            print(f"    - {reason}")
    render = extra.get("render") or {}
    for key in ("screenshot_key", "dom_key"):
        if render.get(key):
            print(f"    {key.removesuffix('_key')}: {render[key]}")
    for image in render.get("images") or []:
        text = " / ".join((image.get("text") or "").splitlines())
        qr = ", ".join(f"{code['kind']}: {code['text']}" for code in image.get("qr") or [])
        print(
            f"    image {image.get('evidence_key')}: "
            + "; ".join(p for p in (f"text {text!r}" if text else "", f"QR {qr}" if qr else "") if p)
        )
    cloaking = extra.get("cloaking") or {}
    for side in ("audience", "neutral"):
        if cloaking.get(side):
            print(f"    {side} version ({cloaking[side]['profile']}): evidence {cloaking[side]['evidence_key']}")


def demo(args: argparse.Namespace) -> int:
    import requests

    started = time.monotonic()
    failures: list[str] = []
    with SamplePages() as pages, running(pages, free_port()) as (stack, api):
        print(f"local stack: moto at {stack.endpoint}, API at {api}, sample pages at {pages.base}\n")
        batch = {"submissions": [{"type": "url", "url": pages.url(path)} for _, path, _, _ in DEMO_LINKS]}
        response = requests.post(f"{api}/v1/submissions", json=batch, timeout=30)
        receipts = response.json()["submissions"]
        print(f"POST /v1/submissions → {response.status_code}, {len(receipts)} submissions queued")

        from devstack.demo_miniprograms import demo_miniprograms

        programs = demo_miniprograms(pages)
        response = requests.post(f"{api}/v1/submissions", json={"submissions": [p for _, p, _ in programs]}, timeout=30)
        mp_receipts = response.json()["submissions"]
        print(f"POST /v1/submissions → {response.status_code}, {len(mp_receipts)} mini-programs queued")

        stack.drain()
        print(f"queue → scan → stream → publish settled ({stack.invocations})\n")

        rows = []
        for (label, _, want, category), receipt in zip(DEMO_LINKS, receipts, strict=True):
            status = requests.get(receipt["status_url"], timeout=10).json()
            rows.append(_verdict_row(label, status))
            verdict = status.get("verdict") or {}
            got_category = (verdict.get("categories") or [{}])[0].get("category")
            if want == "not_scanned":
                if verdict.get("judged") is not False:
                    failures.append(f"{label}: expected NOT SCANNED, got {verdict.get('decision')}")
            elif verdict.get("decision") != want or (category and got_category != category):
                failures.append(f"{label}: expected {want}/{category}, got {verdict.get('decision')}/{got_category}")
        for (label, _, accepted), receipt in zip(programs, mp_receipts, strict=True):
            target = requests.get(f"{api}/v1/targets/{receipt['target_id']}", timeout=10).json()
            status = {"verdict": target.get("verdict"), "state": "done"}
            rows.append(_verdict_row(f"mini-program: {label}", status))
            decision = (target.get("verdict") or {}).get("decision")
            if decision not in accepted:
                failures.append(f"mini-program {label}: expected {' or '.join(accepted)}, got {decision}")
        header = ["target", "decision", "content score", "decided by", "category", "outcome", "hops", "actions"]
        print(_table(rows, header))
        thresholds = DetectionSettings.from_env()
        print()
        print(TABLE_NOTE.format(review=thresholds.review_threshold, block=thresholds.block_threshold))
        print("\nevidence of the pages that hide their offer:")
        for (label, _, _, _), receipt in zip(DEMO_LINKS, receipts, strict=True):
            if label in EVIDENCE_ROWS:
                _print_evidence(label, requests.get(receipt["status_url"], timeout=10).json().get("verdict") or {})

        manifest_response = requests.get(f"{api}/lists/manifest.json", timeout=10)
        print()
        if manifest_response.status_code == 200:
            manifest = manifest_response.json()
            bucket = stack.physical["BlocklistBucket"]["Ref"]
            print(f"blocklist version {manifest.get('version')} published to s3://{bucket}/, served at {api}/lists/:")
            files = manifest.get("files", {})
            for name in sorted(files)[:20]:
                # the versioned path; the lists' newest copies are also under latest/ (docs/blocklist.md)
                print(f"  {files[name]['path']}")
        else:
            failures.append("no blocklist manifest was published")

        print("\nlookups (GET /v1/lookup):")
        for url in [
            pages.url("/loan.html"),
            pages.url("/./x/../loan.html#top").replace("127.0.0.1", "127.0.0.1."),
            pages.url("/clean.html"),
            "https://example.org/",
        ]:
            result = requests.get(f"{api}/v1/lookup", params={"url": url}, timeout=10).json()
            listed = result.get("listed")
            match = result.get("match") or {}
            print(f"  {url:<55} listed={listed} {match.get('expression', '')} {match.get('category', '')}")
        loan_lookup = requests.get(f"{api}/v1/lookup", params={"url": pages.url("/loan.html")}, timeout=10).json()
        if not loan_lookup.get("listed"):
            failures.append("the blocked cash-loan page is not listed in /v1/lookup")

        from devstack.demo_platform import demo_platform

        failures += demo_platform(stack, api, pages)
    elapsed = time.monotonic() - started
    print(f"\ndemo finished in {elapsed:.1f}s")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


def port_taken(port: int) -> bool:
    """Whether something already listens on 127.0.0.1:port (checked before the slow stack start)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def start(args: argparse.Namespace) -> int:
    if port_taken(args.port):
        print(
            f"linkscan: port {args.port} on 127.0.0.1 is already in use; stop what listens there or choose "
            f"another port: make start PORT=3001",
            file=sys.stderr,
        )
        return 2
    with SamplePages() as pages, running(pages, args.port) as (stack, api):
        stop = threading.Event()
        pump = threading.Thread(target=stack.pump_forever, args=(stop,), daemon=True)
        pump.start()
        print(
            f"""linkscan local stack is running (Ctrl-C to stop)
  API:          {api}   (routes from template.yaml; IAM routes run as a local developer)
  moto (AWS):   {stack.endpoint}
  sample pages: {pages.base}/loan.html  /replica.html  /contraband.html  /clean.html  /go/loan
  lists:        {api}/lists/manifest.json   {api}/lists/index.html

Try:
  curl -s -X POST {api}/v1/submissions -H 'Content-Type: application/json' \\
       -d '{{"type": "url", "url": "{pages.base}/loan.html"}}'
  curl -s '{api}/v1/submissions/<submission_id>'
  curl -s '{api}/v1/lookup?url={pages.base}/loan.html'
""",
            flush=True,
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            stop.set()
    return 0


def invoke(args: argparse.Namespace) -> int:
    event = json.loads(Path(args.event).read_text(encoding="utf-8"))
    with LocalStack(extra_env={"LINKSCAN_LOCAL_ALLOW_LOOPBACK": "true"}) as stack:
        if args.function not in stack.handlers:
            print(f"no function {args.function}; the template has {', '.join(stack.handlers)}", file=sys.stderr)
            return 2
        result = stack.invoke(args.function, event)
        print(json.dumps(result, indent=2, ensure_ascii=False, default=str))
    return 0


def redrive(args: argparse.Namespace) -> int:
    from devstack.redrive import redrive as redrive_stage

    report = redrive_stage(args.stage, requeue=args.requeue, endpoint=args.endpoint)
    print(
        f"dead-letter queue of {args.stage}: {report.requeued} requeued, {report.recorded} recorded as scan_failed, "
        f"{report.already_done} already had a verdict, {len(report.unreadable)} unreadable (left in the queue)"
    )
    for body in report.unreadable:
        print(f"  unreadable: {body}", file=sys.stderr)
    return 1 if report.unreadable else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack", description="linkscan's local stack")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="run the whole pipeline once and exit").set_defaults(run=demo)
    start_parser = commands.add_parser("start", help="keep the stack running with the API on loopback")
    start_parser.add_argument("--port", type=int, default=3000, help="the API's port on 127.0.0.1 (make start PORT=)")
    start_parser.set_defaults(run=start)
    invoke_parser = commands.add_parser("invoke", help="invoke one function with an event file")
    invoke_parser.add_argument("function")
    invoke_parser.add_argument("event")
    invoke_parser.set_defaults(run=invoke)
    redrive_parser = commands.add_parser(
        "redrive", help="requeue, or record as failed, every scan in the scan dead-letter queue"
    )
    redrive_parser.add_argument("--stage", default="local", help="whose resources (names from template.yaml)")
    redrive_parser.add_argument("--endpoint", help="moto's address for the local stack; omit for AWS")
    action = redrive_parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--requeue", action="store_true", help="send each scan back for a fresh set of attempts")
    action.add_argument("--fail", action="store_true", help="record each scan as a scan_failed verdict")
    redrive_parser.set_defaults(run=redrive)
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
