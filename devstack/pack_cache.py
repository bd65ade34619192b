"""`python -m devstack.pack_cache`: write linkscan/rules/parsed_cache.json, the shipped YAML files as JSON.

Detection's cold start parsed ~4,000 terms of YAML (~50 ms of ~150); the same documents as JSON parse in
a few milliseconds. Each entry is keyed by the sha256 of the file's text, so an edited file simply misses
the cache and is parsed as YAML again (correct, only slower); a unit test fails until this is re-run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from linkscan.detect.policy import policy_paths
from linkscan.detect.rules import builtin_pack_paths, jurisdiction_paths
from linkscan.detect.schema import PARSED_CACHE, parse_yaml

OUT = Path(__file__).resolve().parent.parent / "layers" / "linkscan" / "python" / "linkscan" / "rules" / PARSED_CACHE


def shipped_files() -> list[Path]:
    return [*builtin_pack_paths(), *policy_paths(), *sorted(jurisdiction_paths().values())]


def build() -> str:
    """The cache file's text for the shipped files as they are now."""
    entries: dict[str, str] = {}
    for path in shipped_files():
        text = path.read_text(encoding="utf-8")
        doc = parse_yaml(path.name, text)
        encoded = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        if json.loads(encoded) != doc:  # a YAML value JSON cannot hold: leave that file to YAML
            continue
        entries[hashlib.sha256(text.encode("utf-8")).hexdigest()] = encoded
    return json.dumps(entries, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.write_text(build(), encoding="utf-8")
    print(f"wrote {args.out} ({len(json.loads(build()))} files)")


if __name__ == "__main__":
    main()
