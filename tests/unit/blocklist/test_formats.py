"""Every format is produced from one listing and parses with a standard tool or library of its kind."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from linkscan.blocklist.formats import (
    FORMATS,
    Listing,
    ListMeta,
)
from linkscan.blocklist.model import Entry, expression_hex
from tests.blocklist_data import make_entry

SCHEMA = Path(__file__).resolve().parents[3] / "layers/linkscan/python/linkscan/static/blocklist.schema.json"
META = ListMeta(version=7, generated_at="2026-11-21T10:00:00Z", homepage="https://lists.linkscan.example/")


def render(name: str, entries: list[Entry]) -> bytes:
    (fmt,) = [f for f in FORMATS if f.name == name]
    out = io.BytesIO()
    fmt.render(Listing(entries), META, out)
    return out.getvalue()


def test_json_list_validates_against_its_published_schema(entries: list[Entry]) -> None:
    document = json.loads(render("blocklist.json", entries))
    jsonschema.validate(document, json.loads(SCHEMA.read_text()), format_checker=jsonschema.FormatChecker())
    assert document["count"] == len(entries) == len(document["entries"])
    by_expression = {row["expression"]: row for row in document["entries"]}
    assert by_expression["bit.ly/3xFakeRx"]["scope"] == "exact"
    assert by_expression["someshop.github.io/replica-watches/"]["scope"] == "path"
    assert by_expression["fake-rolex.example/"]["hash"] == expression_hex("fake-rolex.example/")


def test_schema_rejects_an_entry_without_a_hash(entries: list[Entry]) -> None:
    document = json.loads(render("blocklist.json", entries))
    del document["entries"][0]["hash"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json.loads(SCHEMA.read_text()))


def test_csv_round_trips_quotes_and_commas(entries: list[Entry]) -> None:
    rows = list(csv.DictReader(io.StringIO(render("blocklist.csv", entries).decode())))
    assert len(rows) == len(entries)
    assert rows[0]["public_reason"] == 'Offers "fast" loans, 3% per day'
    assert [r["expression"] for r in rows] == sorted(e.expression for e in entries)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_never_start_a_spreadsheet_formula(start: str) -> None:
    # Given a listed host and a public reason that a spreadsheet would run as formulas
    host = f"{start}cmd|' /C calc'!A0.example/"
    entry = replace(make_entry(host), public_reason=f'{start}HYPERLINK("http://evil.example")')
    # When the CSV is read back the way a spreadsheet's importer splits it
    text = render("blocklist.csv", [entry]).decode()
    (row,) = csv.DictReader(io.StringIO(text))
    # Then every such cell starts with the neutralizing quote, and every cell was quoted
    assert row["expression"] == "'" + host and row["host"] == "'" + host.partition("/")[0]
    assert row["public_reason"] == "'" + entry.public_reason
    assert all(line.startswith('"') for line in text.split("\n") if line)


def test_empty_listing_renders_valid_json() -> None:
    assert json.loads(render("blocklist.json", []))["entries"] == []


def parse_hosts_file(text: str) -> dict[str, str]:
    """What a resolver's hosts-file loader does: address then names, '#' starts a comment."""
    mapping = {}
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            address, *names = fields
            for name in names:
                mapping[name] = address
    return mapping


def test_hosts_file_maps_whole_host_domains_only(entries: list[Entry]) -> None:
    hosts = parse_hosts_file(render("hosts.txt", entries).decode())
    assert hosts == {
        "quick-cash-loan.example": "0.0.0.0",
        "fake-rolex.example": "0.0.0.0",
        "xn--fsqu00a.xn--0zwm56d": "0.0.0.0",
    }


def test_adblock_rules_cover_the_same_domains(entries: list[Entry]) -> None:
    lines = render("adblock.txt", entries).decode().splitlines()
    assert lines[0] == "[Adblock Plus 2.0]"
    rules = [line for line in lines if not line.startswith(("!", "["))]
    assert rules == ["||fake-rolex.example^", "||quick-cash-loan.example^", "||xn--fsqu00a.xn--0zwm56d^"]


def test_plain_list_is_every_expression(entries: list[Entry]) -> None:
    assert render("expressions.txt", entries).decode().splitlines() == sorted(e.expression for e in entries)


def test_hash_prefixes_are_sorted_unique_four_byte_values(entries: list[Entry]) -> None:
    raw = render("prefixes.bin", entries)
    prefixes = [raw[i : i + 4] for i in range(0, len(raw), 4)]
    assert prefixes == sorted({bytes.fromhex(expression_hex(e.expression))[:4] for e in entries})
    document = json.loads(render("prefixes.json", entries))
    assert document["prefixes"] == [p.hex() for p in prefixes] and document["prefix_bytes"] == 4


def test_rpz_zone_loads_in_named_checkzone(entries: list[Entry], tmp_path: Path) -> None:
    tool = shutil.which("named-checkzone")
    if tool is None:
        if os.environ.get("CI") == "true":
            pytest.fail("named-checkzone (bind9-utils) must be installed in CI")
        pytest.skip("named-checkzone not installed")
    zone = tmp_path / "blocklist.rpz"
    zone.write_bytes(render("blocklist.rpz", entries))

    result = subprocess.run([tool, META.rpz_origin, str(zone)], capture_output=True, text=True, check=False)

    assert result.returncode == 0, result.stdout + result.stderr
    text = zone.read_text()
    assert "quick-cash-loan.example CNAME .\n*.quick-cash-loan.example CNAME ." in text
    assert "github.io" not in text and "203.0.113.9" not in text
