"""Detector benchmarks: rule load time, throughput, and throughput with twice the terms.

python -m devstack.bench_detect
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from linkscan.detect import Detector
from linkscan.detect.rules import builtin_pack_paths, load_pack_texts
from linkscan.settings import DetectionSettings

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "data" / "devset.jsonl"


def _page_text(target_bytes: int) -> str:
    texts = [json.loads(line)["text"] for line in DEVSET.read_text(encoding="utf-8").splitlines() if line]
    parts: list[str] = []
    size = 0
    while size < target_bytes:
        for text in texts:
            parts.append(text)
            size += len(text.encode())
            if size >= target_bytes:
                break
    return "\n".join(parts)


def _doubled_pack(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """An extra pack with as many synthetic terms as the shipped packs hold (never matching)."""
    detector = Detector.from_texts(texts, DetectionSettings())
    count = detector.compiled.term_count
    terms = ", ".join(f"zzq{i:06d}term" for i in range(count))
    extra = f"category: bench\nrules:\n  - id: bench.synthetic\n    kind: subject\n    subcategory: x\n    terms: [{terms}]\n"
    return [*texts, ("zz_bench.yaml", extra)]


def _throughput(detector: Detector, text: str, chunk: int = 20_000) -> float:
    pages = [text[i : i + chunk] for i in range(0, len(text), chunk)]
    started = time.perf_counter()
    for page in pages:
        detector.detect(page)
    elapsed = time.perf_counter() - started
    return len(text.encode()) / elapsed / 1e6


def run() -> dict[str, float]:
    texts = load_pack_texts(builtin_pack_paths(), None)
    started = time.perf_counter()
    detector = Detector.from_texts(texts, DetectionSettings())
    rules_load_ms = (time.perf_counter() - started) * 1000
    doubled = Detector.from_texts(_doubled_pack(texts), DetectionSettings())
    text = _page_text(4_000_000)
    _throughput(detector, text[:200_000])  # warm up
    base = max(_throughput(detector, text) for _ in range(3))
    twice = max(_throughput(doubled, text) for _ in range(3))
    return {
        "rules_load_ms": round(rules_load_ms, 1),
        "terms": float(detector.compiled.term_count),
        "detect_mb_per_s": round(base, 2),
        "detect_mb_per_s_doubled_terms": round(twice, 2),
        "doubled_terms_slowdown_pct": round((base - twice) / base * 100, 1),
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
