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
from devstack.bench_detect import _doubled_pack, _pages
from linkscan.detect import Detector
from linkscan.detect.rules import builtin_pack_paths, load_pack_texts
from linkscan.settings import DetectionSettings
texts = load_pack_texts(builtin_pack_paths(), None)
detector = Detector.from_texts(_doubled_pack(texts) if sys.argv[4] == "doubled" else texts, DetectionSettings())
pages = _pages(300_000, sys.argv[1])[: int(sys.argv[2])]
# the warm-up also builds what the detector builds on first use (the segmenter and the misspelling
# index, for run-together and misspelt goods): a one-time cost, not a cost per page
for warm_up in ("warm up 贷款 loan, buycheapxanaxonline2mg", "viagara, order now $20"):
    detector.detect(warm_up)
for page in pages[: int(sys.argv[3])]:
    detector.detect(page)
print(sum(len(page.encode()) for page in pages))
"""


def _instructions(lang: str, detected: int, rules: str = "shipped") -> tuple[int, int]:
    """(instructions of the whole run, bytes of the pages), with the shipped rules or the doubled
    terms of ``bench_detect``."""
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    run = subprocess.run(
        [*valgrind, sys.executable, "-c", _WORK, lang, str(PAGES), str(detected), rules],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    collected = run.stderr.split("Collected : ")[1].split()[0]
    return int(collected), int(run.stdout.split()[-1])


def run() -> dict[str, float]:
    figures: dict[str, float] = {}
    for rules in ("shipped", "doubled"):
        for lang in ("en", "zh"):
            baseline, size = _instructions(lang, 0, rules)
            total, _ = _instructions(lang, PAGES, rules)
            name = f"detect_minstr_per_mb_{lang}" + ("_doubled_terms" if rules == "doubled" else "")
            figures[name] = round((total - baseline) / size, 1)  # M per MB = per byte
    for lang in ("en", "zh"):  # the deterministic form of bench_detect's doubled_terms_slowdown_pct
        doubled = figures[f"detect_minstr_per_mb_{lang}_doubled_terms"]
        figures[f"doubled_terms_extra_instructions_pct_{lang}"] = round(
            (doubled / figures[f"detect_minstr_per_mb_{lang}"] - 1) * 100, 1
        )
    return figures


if __name__ == "__main__":
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed")
    print(json.dumps(run(), indent=2))
