"""`make bench`: every benchmark's figures in one JSON file (they are measurements, not test assertions).

Figures come from devstack/bench_*.py (fetch and analysis, detection, publication and lookup, listing
freshness, rendering) plus each function's whole-process cold start as a ratio to a floor
(devstack/bench_coldstart.py).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
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
    "bench_coldstart": "run",
}


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
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
