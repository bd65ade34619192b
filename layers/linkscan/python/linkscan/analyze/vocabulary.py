"""The analysis vocabulary (terms.yaml), loaded once and shaped for fast matching."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

TERMS_FILE = Path(__file__).with_name("terms.yaml")


@dataclass(frozen=True)
class Vocabulary:
    sensitive_fields: dict[str, tuple[str, ...]]
    offplatform_hosts: dict[str, str]  # host -> network name
    offplatform_schemes: dict[str, str]  # scheme -> network name
    download_extensions: frozenset[str]
    download_schemes: frozenset[str]


@functools.cache
def vocabulary(path: Path = TERMS_FILE) -> Vocabulary:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Vocabulary(
        sensitive_fields={
            kind: tuple(str(t).lower() for t in terms) for kind, terms in data["sensitive_fields"].items()
        },
        offplatform_hosts={
            str(host).lower(): network for network, hosts in data["offplatform_hosts"].items() for host in hosts
        },
        offplatform_schemes={
            str(s).lower(): network for network, schemes in data["offplatform_schemes"].items() for s in schemes
        },
        download_extensions=frozenset(str(e).lower() for e in data["download_extensions"]),
        download_schemes=frozenset(str(s).lower() for s in data["download_schemes"]),
    )
