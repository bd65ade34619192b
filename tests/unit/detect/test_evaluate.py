"""`make eval`'s figures: the dev-set counting and the benign-by-source check."""

from __future__ import annotations

import json
from pathlib import Path

from devstack.evaluate import benign_flag_rates, evaluate


def _write(path: Path, records: list[dict[str, object]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_dev_set_figures_count_hits_misses_and_hard_negatives(tmp_path: Path) -> None:
    devset = tmp_path / "devset.jsonl"
    _write(
        devset,
        [
            {"id": "a", "text": "小额贷款 无抵押 当天放款 加微信 dk888", "label": "cash_loan"},
            {"id": "b", "text": "今天天气很好，我们去公园散步。", "label": "cash_loan"},  # a miss
            {"id": "c", "text": "警方破获一起非法放贷案，抓获犯罪嫌疑人5名", "label": "clean", "hard_negative": True},
        ],
    )
    results = evaluate(devset)
    loan = results["per_category"]["cash_loan"]
    assert (loan["precision"], loan["recall"], loan["support"]) == (1.0, 0.5, 2)
    assert results["hard_negatives"] == 1 and results["hard_negative_false_positives"] == 0
    assert [m["id"] for m in results["mistakes"]] == ["b"]


def test_benign_by_source_counts_only_the_benign_records(tmp_path: Path) -> None:
    _write(tmp_path / "thucnews_titles_zh.jsonl", [{"text": "央行下调存款准备金率", "source_label": "finance"}])
    _write(
        tmp_path / "sms80w_zh.jsonl",
        [
            {"text": "明天下午三点开会，记得带材料", "source_label": "ham"},
            {"text": "小额贷款 无抵押 当天放款 加微信 dk888", "source_label": "ham"},  # flagged
            {"text": "小额贷款 无抵押 当天放款 加微信 dk888", "source_label": "spam"},  # not counted
        ],
    )
    rates = benign_flag_rates(tmp_path)
    assert rates["thucnews_titles_zh.jsonl"]["flagged"] == 0
    assert (rates["sms80w_zh.jsonl"]["texts"], rates["sms80w_zh.jsonl"]["flagged"]) == (2, 1)
    assert "online_shopping_reviews_zh.jsonl" not in rates  # absent files are skipped


def test_the_fresh_check_counts_per_failure_class_and_names_the_wrong_ones(tmp_path: Path) -> None:
    from devstack.evaluate import fresh_check

    fresh = tmp_path / "own.jsonl"
    _write(
        fresh,
        [
            {"id": "f1", "failure_class": 3, "label": "cash_loan", "text": "小额贷款 无抵押 当天放款 加微信 dk888"},
            {"id": "f2", "failure_class": 3, "label": "cash_loan", "text": "今天天气很好，我们去公园散步。"},
            {"id": "f3", "failure_class": 1, "label": "clean", "text": "警方破获一起非法放贷案，抓获犯罪嫌疑人5名"},
        ],
    )
    rows = fresh_check([fresh])
    assert rows["own: 3 offering speech"] == {"items": 2, "right": 1, "wrong": ["f2:clean"]}
    assert rows["own: 1 discussion read as an offer"]["right"] == 1


def test_the_fresh_check_reads_every_fresh_file() -> None:
    from devstack.evaluate import FRESH_DIR, fresh_check

    names = fresh_check().keys()
    assert "3 offering speech" in names  # own_texts.jsonl keeps its names
    assert {f"{path.stem}: " for path in FRESH_DIR.glob("*.jsonl") if path.stem != "own_texts"} <= {
        name.split(": ")[0] + ": " for name in names
    }


def test_the_shipped_fresh_check_has_a_few_dozen_texts_per_failure_class() -> None:
    from collections import Counter

    from devstack.evaluate import FAILURE_CLASSES, FRESH

    rows = [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert Counter(row["failure_class"] for row in rows) == dict.fromkeys(FAILURE_CLASSES, 20)
    assert len({row["text"] for row in rows}) == len(rows)


def test_moderator_agreement_names_the_decisions_detection_disagrees_with(tmp_path: Path) -> None:
    from devstack.evaluate import moderator_agreement

    moderated = tmp_path / "moderated.jsonl"
    rows = [
        {"id": "m-loan", "text": "黑户也能下款，无视征信，当天放款，加微信 dk8888 秒批", "offer": 1},
        {"id": "m-news", "text": "警方通报：一伙人以无视征信为诱饵实施诈骗，已被依法刑事拘留。", "offer": 0},
        {"id": "m-weather", "text": "明天多云转晴，气温十八到二十五度，适合出行。", "offer": 1},
    ]
    moderated.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")

    result = moderator_agreement(moderated)

    assert result["examples"] == 3 and result["agreed"] == 2
    assert result["allowed_but_blocked"] == ["m-weather"] and result["flagged_but_allowed"] == []


def test_moderator_agreement_without_exported_decisions_is_empty(tmp_path: Path) -> None:
    from devstack.evaluate import moderator_agreement

    assert moderator_agreement(tmp_path / "absent.jsonl")["examples"] == 0
