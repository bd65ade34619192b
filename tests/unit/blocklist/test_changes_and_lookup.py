"""Verdict changes become holds and releases; lookups find the most specific listed expression."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from linkscan.blocklist.changes import listing_change, target_state
from linkscan.blocklist.lookup import candidate, entries_by_hash, lookup_many
from linkscan.blocklist.model import Entry
from linkscan.blocklist.private import prefixes_of, private_lookup
from linkscan.blocklist.scope import load_shared_hosts
from linkscan.items import Moderation, TargetRecord
from tests.blocklist_data import make_entry

SHARED = load_shared_hosts()


def item(decision: str = "block", **extra: Any) -> TargetRecord:
    base = {
        "target_id": "u1",
        "target_type": "url",
        "target": "http://quick-cash-loan.example/apply",
        "decision": decision,
        "effective_decision": decision,
        "category": "cash_loan",
        "severity": "high",
    }
    return TargetRecord(**{**base, **extra})


def test_block_holds_and_unblock_releases() -> None:
    listed = listing_change(target_state(item("review")), target_state(item("block")), SHARED)
    assert listed is not None and listed.hold == ("quick-cash-loan.example/",) and listed.release == ()
    delisted = listing_change(target_state(item("block")), target_state(item("allow")), SHARED)
    assert delisted is not None and delisted.hold == () and delisted.release == ("quick-cash-loan.example/",)


def test_moderator_overturn_wins_over_the_scanner() -> None:
    state = target_state(item("block", moderation=Moderation("overturn", by="mod")))
    assert state is not None and not state.blocked


def test_changed_scope_moves_the_listing() -> None:
    change = listing_change(target_state(item()), target_state(item(listing_scope="exact")), SHARED)
    assert change is not None
    assert (change.hold, change.release) == (("quick-cash-loan.example/apply",), ("quick-cash-loan.example/",))


def test_mini_programs_and_unchanged_non_blocks_are_ignored() -> None:
    assert target_state(item(target_type="miniprogram", target="wx0123456789abcdef")) is None
    assert listing_change(target_state(item("allow")), target_state(item("review")), SHARED) is None


def fetch_from(entries: list[Entry]):  # type: ignore[no-untyped-def]
    table = entries_by_hash(entries)

    def fetch(hashes: Sequence[str]) -> dict[str, Entry]:
        return {h: table[h] for h in hashes if h in table}

    return fetch


def test_lookup_prefers_the_most_specific_listing() -> None:
    entries = [make_entry("evil.example/"), make_entry("www.evil.example/pay/", "counterfeit")]
    answers = lookup_many(
        [candidate("https://WWW.evil.example/pay/now?x=1"), candidate("http://good.example/")], fetch_from(entries)
    )
    assert answers[0].listed and answers[0].match is not None
    assert answers[0].match.expression == "www.evil.example/pay/"
    assert not answers[1].listed


def test_private_lookup_sends_only_prefixes_and_matches_locally() -> None:
    entries = [make_entry("evil.example/")]
    asked: list[str] = []

    def fetch_prefix(prefix: str) -> list[Entry]:
        asked.append(prefix)
        return [e for e in entries if e.hash_hex.startswith(prefix)]

    item_ = candidate("http://login.evil.example/secret-token")
    answer = private_lookup(item_, fetch_prefix)

    assert answer.listed and answer.match is not None and answer.match.expression == "evil.example/"
    assert asked == prefixes_of(item_) and all(len(p) == 8 for p in asked)
    assert not any("secret" in p for p in asked)
