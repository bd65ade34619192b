"""`make bench`: every benchmark's figures in one JSON file (they are measurements, not test assertions).

Figures come from devstack/bench_*.py (fetch and analysis, detection, publication and lookup) plus the
cold import time of each function's handler, measured in a fresh interpreter as a Lambda cold start would.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# module in devstack → the function that returns its figures
SUITES = {
    "bench_fetch": "run",
    "bench_detect": "run",
    "bench_publish": "run",
    "samples_miniprogram": "bench",
    "bench_freshness": "run",
    "bench_render": "run",
}
FUNCTIONS = ("api", "scan", "publish", "lookup", "platform", "events", "webhooks", "rescan", "render")
COLD_IMPORT_RUNS = 5


def cold_import_ms(function: str) -> float:
    """Median wall time to import functions/<function>/app.py in a new interpreter (handler init included)."""
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT / 'layers/linkscan/python'}{os.pathsep}{ROOT / 'functions' / function}",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench",
        "POWERTOOLS_TRACE_DISABLED": "true",
        # every function refuses to start without its resources' names (settings fail fast)
        "TABLE_NAME": "bench",
        "BLOCKLIST_TABLE_NAME": "bench",
        "SCAN_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/123456789012/bench",
        "EVIDENCE_BUCKET": "bench",
        "BLOCKLIST_BUCKET": "bench",
        "RESCAN_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/123456789012/bench-rescan",
        "WEBHOOK_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/123456789012/bench-webhooks",
        "EVENT_BUS_NAME": "bench",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    code = "import time; t = time.perf_counter(); import app; print((time.perf_counter() - t) * 1000)"
    samples = []
    for _ in range(COLD_IMPORT_RUNS):
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        samples.append(float(out.stdout.strip().splitlines()[-1]))
    return round(statistics.median(samples), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench/results.json")
    parser.add_argument("--only", nargs="*", help="run only these suites (e.g. bench_detect)")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    for suite in args.only or SUITES:
        started = time.perf_counter()
        print(f"running {suite}...", flush=True)
        figures = getattr(importlib.import_module(f"devstack.{suite}"), SUITES[suite])()
        results[suite] = {**figures, "suite_seconds": round(time.perf_counter() - started, 1)}
        for key, value in figures.items():
            print(f"  {key}: {value}")
    if not args.only:
        results["cold_import_ms"] = {function: cold_import_ms(function) for function in FUNCTIONS}
        print(f"  cold_import_ms: {results['cold_import_ms']}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
