"""Blocklist benchmarks: full and incremental publication, lookup latency, the lookup function's cold import.

``run()`` returns the figures; each measurement runs in its own Python process so peak memory (ru_maxrss)
belongs to that measurement alone. Everything runs against moto in-process (S3 and DynamoDB): what is
measured is our code plus moto, not network latency to AWS. The publication parts use a moto server
process on loopback (so stored objects do not inflate the publisher's memory); the lookup part uses
moto in-process.

- full_publish_1m_*: a full publication of 1,000,000 synthetic entries fed from an iterator (not a
  1M-item table scan): sort, hash, render all 8 formats + diff + snapshot, spool, upload over loopback
  HTTP to a moto server process (S3 + DynamoDB for the state item), page, manifest. Peak RSS is the
  publishing process's (moto's stored objects live in the server process, as S3's would).
- incremental_100_on_1m_seconds: 100 verdict changes (moto table updates) published as one version on
  top of that 1M list; above Publisher.full_render_limit this writes the diff and manifest only.
- incremental_100_on_20k_seconds: the same on a 20,000-entry list, where every format is re-rendered
  from the warm in-memory snapshot.
- lookup_handler_{listed,unlisted}_median_ms: GET /v1/lookup through the real handler on a published
  2,000-entry list (canonicalize, expressions, the 10 hashes tested against the in-memory hash-prefix
  filter; the listed URL then reads its one candidate with GetItem against moto in-process, the unlisted
  one reads nothing), median of 300 calls each; lookup_handler_median_ms is the slower one. The filter
  is loaded by the first call and re-checked against the manifest every 30 s, as in a deployment.
- lookup_filter_from_bytes_1m_ms: building the filter from a 1,000,000-prefix prefixes.bin (4 MB), the
  in-memory part of a cold start's filter load (the S3 download aside).
- lookup_cold_import_seconds: importing functions/lookup/app.py in a fresh interpreter.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# the scanner's modules: the lookup function must import none of them (cold start)
HEAVY_MODULES = (
    "bs4",
    "lxml",
    "requests",
    "ahocorasick_rs",
    "linkscan.detect.engine",
    "linkscan.fetch",
    "linkscan.analyze",
)
CATEGORIES = ("cash_loan", "counterfeit", "contraband")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",  # noqa: S106 -- moto's fake credentials
        AWS_DEFAULT_REGION="us-east-1",
        POWERTOOLS_TRACE_DISABLED="true",
        POWERTOOLS_METRICS_NAMESPACE="Linkscan",
        TABLE_NAME="bench-main",
        BLOCKLIST_TABLE_NAME="bench-blocklist",
        BLOCKLIST_BUCKET="bench-blocklist",
        PUBLIC_BASE_URL="https://api.linkscan.example",
        PYTHONPATH=os.pathsep.join([str(ROOT / "layers/linkscan/python"), str(ROOT)]),
    )
    return env


def _child(part: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "devstack.bench_publish", part],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def run() -> dict[str, float]:
    figures: dict[str, float] = {}
    for part in ("publish", "publish_small", "lookup", "import"):
        figures.update(_child(part))
    return figures


# ---------------------------------------------------------------------------------------- child parts


def _entries(count: int) -> Any:
    from linkscan.blocklist.model import Entry

    for index in range(count):
        kind = index % 10
        if kind < 7:
            expression = f"loan-{index:07d}.example/"
        elif kind < 9:
            expression = f"shop{index:07d}.github.io/store/"
        else:
            expression = f"bit.ly/x{index:07d}"
        yield Entry(
            expression=expression,
            category=CATEGORIES[index % 3],
            subcategory="synthetic",
            severity="high",
            public_reason="Synthetic benchmark entry",
            first_listed=sys.intern(f"2026-11-{1 + index % 20:02d}T08:00:00Z"),  # as storage interns them
            last_confirmed="2026-11-21T08:00:00Z",
            targets=frozenset({f"u{index:032x}"}),
        )


def _setup_aws() -> None:
    import boto3

    from linkscan.storage.blocklist import create_blocklist_table

    boto3.client("s3").create_bucket(Bucket="bench-blocklist")
    create_blocklist_table("bench-blocklist")


def _changes(count: int) -> list[Any]:
    from linkscan.blocklist.changes import listing_change, target_state
    from linkscan.blocklist.scope import load_shared_hosts
    from linkscan.items import TargetRecord

    shared = load_shared_hosts()
    changes = []
    for index in range(count):
        record = TargetRecord(
            target_id=f"unew{index:029d}",
            target_type="url",
            target=f"http://new-loan-{index}.example/apply",
            effective_decision="block",
            category="cash_loan",
            severity="high",
            scanned_at="2026-11-21T09:00:00Z",
        )
        change = listing_change(None, target_state(record), shared)
        assert change is not None
        changes.append(change)
    return changes


@contextlib.contextmanager
def _moto_server() -> Any:
    """S3 and DynamoDB in a separate moto server process on loopback: like real S3, the stored objects
    do not count towards the publisher's memory."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        import urllib.request

        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        os.environ["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"
        yield
    finally:
        server.terminate()
        server.wait(timeout=30)


def _publish_part(size: int, label: str) -> dict[str, float]:
    with _moto_server():
        _setup_aws()
        from linkscan.blocklist.page import PageConfig
        from linkscan.blocklist.publisher import Publisher
        from linkscan.storage.blocklist import BlocklistStorage

        publisher = Publisher(BlocklistStorage("bench-blocklist", "bench-blocklist"), PageConfig())
        started = time.perf_counter()
        publisher.publish_snapshot(_entries(size))
        full = time.perf_counter() - started
        full_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        changes = _changes(100)
        started = time.perf_counter()
        result = publisher.publish_changes(changes)
        incremental = time.perf_counter() - started
        assert result.added == 100, result
    figures = {f"incremental_100_on_{label}_seconds": round(incremental, 3)}
    if label == "1m":
        figures.update(full_publish_1m_seconds=round(full, 2), full_publish_1m_peak_rss_mb=round(full_rss, 1))
    return figures


LOOKUP_URLS = {
    # listed through its host's expression (the entry is "loan-0000001.example/")
    "listed": "https://www.loan-0000001.example/a/b/c.html?x=1",
    # same shape, nothing listed: every one of its expressions is a miss
    "unlisted": "https://www.loan-unknown.example/a/b/c.html?x=1",
}


def _lookup_part() -> dict[str, float]:
    from moto import mock_aws

    with mock_aws():
        _setup_aws()
        from linkscan.blocklist.page import PageConfig
        from linkscan.blocklist.publisher import Publisher
        from linkscan.storage.blocklist import BlocklistStorage, BlocklistTable
        from tests.support import LambdaContext, load_event, load_handler

        table = BlocklistTable("bench-blocklist")
        entries = list(_entries(2000))
        for entry in entries:
            table.put_entry(entry)
        Publisher(BlocklistStorage("bench-blocklist", "bench-blocklist"), PageConfig()).publish_snapshot(entries)
        lookup = load_handler("lookup")
        events = {}
        for name, url in LOOKUP_URLS.items():
            events[name] = load_event("api_lookup_get.json")
            events[name]["queryStringParameters"] = {"url": url}
            events[name]["multiValueQueryStringParameters"] = {"url": [url]}
        context = LambdaContext()
        timings: dict[str, list[float]] = {name: [] for name in events}
        answers = {}
        with contextlib.redirect_stdout(io.StringIO()):  # the handler's metrics go to stdout
            for _ in range(300):
                # interleaved, so a noisy neighbour slows both URLs alike
                for name, event in events.items():
                    started = time.perf_counter()
                    answers[name] = lookup.handler(event, context)
                    timings[name].append(time.perf_counter() - started)
        for name, response in answers.items():
            body = json.loads(response["body"])
            assert body.get("listed") is (name == "listed"), body
        assert lookup.PREFIXES is not None and lookup.PREFIXES.current() is not None, "the filter did not load"
    medians = {name: round(statistics.median(values) * 1000, 2) for name, values in timings.items()}
    return {
        "lookup_handler_median_ms": max(medians.values()),
        "lookup_handler_listed_median_ms": medians["listed"],
        "lookup_handler_unlisted_median_ms": medians["unlisted"],
        "lookup_filter_from_bytes_1m_ms": _filter_from_bytes_ms(1_000_000),
    }


def _filter_from_bytes_ms(count: int) -> float:
    import hashlib

    from linkscan.blocklist.prefix_filter import PrefixFilter

    prefixes = sorted({hashlib.sha256(b"%d" % index).digest()[:4] for index in range(count)})
    data = b"".join(prefixes)
    started = time.perf_counter()
    PrefixFilter.from_bytes(data)
    return round((time.perf_counter() - started) * 1000, 2)


def _import_part() -> dict[str, float]:
    code = (
        "import sys, time; t = time.perf_counter();"
        "from tests.support import load_handler; load_handler('lookup');"
        "print(time.perf_counter() - t);"
        f"print(sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, heavy = result.stdout.strip().splitlines()[-2:]
    # -X importtime's own cumulative figure for the top-level import of the handler's dependencies
    cumulative_us = sum(
        int(line.split("|")[1])
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
        and "|" in line
        and not line.split("|")[2].startswith("  ")
        and line.split("|")[1].strip().isdigit()
    )
    return {
        "lookup_cold_import_seconds": round(float(seconds), 3),
        "lookup_importtime_top_level_ms": round(cumulative_us / 1000, 1),
        "lookup_heavy_modules_imported": float(len(json.loads(heavy.replace("'", '"')))),
    }


def main(part: str) -> None:
    parts = {
        "publish": lambda: _publish_part(1_000_000, "1m"),
        "publish_small": lambda: _publish_part(20_000, "20k"),
        "lookup": _lookup_part,
        "import": _import_part,
    }
    print(json.dumps(parts[part]()))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(sys.argv[1])
    else:
        print(json.dumps(run(), indent=2))
