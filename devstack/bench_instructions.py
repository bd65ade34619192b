"""Machine instructions per MB of page text that ``Detector.detect`` executes (needs valgrind).

python -m devstack.bench_instructions

Wall and CPU time on a shared VM vary by a third from run to run; the instruction count of the same
work does not (hash seed fixed). It is what a speed change of the detector is judged by here: the
difference between a run that only loads the detector and builds the pages and one that then detects
them, divided by the pages' size. Instructions are not time (Chinese text costs more cache misses per
instruction), so ``bench_detect`` still gives the MB/s.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

PAGES = 12  # ~250 KB of each language: valgrind runs ~50 times slower than the CPU
_WORK = """
import sys
from devstack.bench_detect import _pages
from linkscan.detect import Detector
detector = Detector.load()
pages = _pages(300_000, sys.argv[1])[: int(sys.argv[2])]
detector.detect("warm up 贷款 loan")
for page in pages[: int(sys.argv[3])]:
    detector.detect(page)
print(sum(len(page.encode()) for page in pages))
"""


def _instructions(lang: str, detected: int) -> tuple[int, int]:
    """(instructions of the whole run, bytes of the pages)."""
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    run = subprocess.run(
        [*valgrind, sys.executable, "-c", _WORK, lang, str(PAGES), str(detected)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    collected = run.stderr.split("Collected : ")[1].split()[0]
    return int(collected), int(run.stdout.split()[-1])


def run() -> dict[str, float]:
    figures: dict[str, float] = {}
    for lang in ("en", "zh"):
        baseline, size = _instructions(lang, 0)
        total, _ = _instructions(lang, PAGES)
        figures[f"detect_minstr_per_mb_{lang}"] = round((total - baseline) / size, 1)  # M per MB = per byte
    return figures


if __name__ == "__main__":
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed")
    print(json.dumps(run(), indent=2))
