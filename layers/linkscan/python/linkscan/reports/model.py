"""Public reports: a registered reporter."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reporter:
    name: str
    weight: float
