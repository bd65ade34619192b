"""Reading the package's YAML data files with libyaml's parser when PyYAML has it (several times faster)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load_yaml(path: Path) -> Any:
    """A YAML file's document, parsed safely (no arbitrary objects)."""
    import yaml  # loaded with the first data file read, not by every module that may read one

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 -- a safe loader
