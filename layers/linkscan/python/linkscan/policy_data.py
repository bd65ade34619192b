"""Load a small policy file (YAML) shipped in a package into a frozen dataclass, refusing unknown keys."""

from __future__ import annotations

import dataclasses
from importlib import resources
from typing import Any, TypeVar

import yaml

T = TypeVar("T")


def load_policy(cls: type[T], package: str, text: str | None = None) -> T:
    """``cls`` from ``package``'s policy.yaml (or the YAML given): a misspelt key is an error, not a default."""
    if text is None:
        text = resources.files(package).joinpath("policy.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text) or {}
    unknown = set(data) - {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    if unknown:
        raise ValueError(f"{package} policy: unknown keys {sorted(unknown)}")
    return cls(**data)
