"""The offer model: its features, its file, how it combines with the rules, and what a verdict shows of it."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from linkscan.detect import Detector
from linkscan.detect.engine import Components
from linkscan.detect.offer_model import (
    OfferModel,
    default_model_path,
    features,
    file_weights,
    load_model,
    model_to_dict,
    sample_text,
    sigmoid,
)
from linkscan.settings import DetectionSettings


def _model(
    weights: dict[str, float], text_as_cue: float = 0.0, veto_below: float = 0.0, gate: float = 1.0, bias: float = 0.0
) -> OfferModel:
    combine = {"text_as_cue": text_as_cue, "veto_below": veto_below, "context_gate": gate}
    return OfferModel.from_dict(model_to_dict(bias, weights, combine, 1500, {}))


def test_features_are_words_unit_pairs_and_cjk_triples_with_numbers_as_zero() -> None:
    found = features("buy now 100万 贷款无抵押")
    assert {"buy", "now", "buy now", "now 0", "0万", "贷款", "无抵押", "贷款无"} <= found
    assert "100万" not in found and "100" not in found  # every number is the unit 0
    # the corpus masks digits as x: the same feature as real digits
    assert features("xxx万") == features("250万")


def test_judgement_is_the_scaled_sum_of_the_weights_and_names_the_heaviest_features() -> None:
    model = _model({"包邮": 2.0, "警方": -3.0, "加微": 1.0}, bias=-0.5)
    judgement = model.judge("包邮加微信")
    n = len(features("包邮加微信"))
    assert judgement.logit == pytest.approx(-0.5 + (2.0 + 1.0) / math.sqrt(n))
    assert judgement.probability == pytest.approx(sigmoid(judgement.logit))
    assert [f for f, _w in judgement.top_features] == ["包邮", "加微"]
    assert model.judge("警方通报").logit < 0
    assert model.judge("天气").probability == 0.5  # no known feature: neither pitch nor discussion


def test_one_pasted_phrase_moves_a_long_text_less_than_a_short_one() -> None:
    model = _model({"监管": -4.0})
    short = model.judge("监管").logit
    long = model.judge("监管" + "".join(chr(0x4E00 + i) for i in range(0, 600, 2))).logit
    assert short < long < 0  # the same feature, scaled by 1/sqrt(n)


def test_context_dampens_only_as_far_as_the_text_reads_as_discussion() -> None:
    part = Components(goods=0.9, cues=0.5, damp=0.2)
    model = _model({"包邮": 50.0, "警方": -50.0})
    pitch, news, neutral = model.judge("包邮"), model.judge("警方"), model.judge("天气")
    assert part.score(model, pitch) == pytest.approx(0.9 * 0.5)  # a pasted context phrase does nothing
    assert part.score(model, news) == pytest.approx(0.9 * 0.5 * 0.2)  # news is dampened fully
    assert part.score(model, neutral) == pytest.approx(0.9 * 0.5 * 0.2**0.5)
    gated = _model({"包邮": 50.0}, gate=0.5)
    assert part.score(gated, gated.judge("天气")) == pytest.approx(0.9 * 0.5)  # p 0.5 reaches the gate


def test_a_pitch_counts_as_a_cue_and_a_discussion_vetoes() -> None:
    model = _model({"包邮": 50.0, "警方": -50.0}, text_as_cue=1.0, veto_below=0.3)
    no_cues = Components(goods=0.9, cues=0.0, damp=1.0)
    assert no_cues.score(model, model.judge("包邮")) == pytest.approx(0.9)
    strong_cues = Components(goods=0.9, cues=0.9, damp=1.0)
    assert strong_cues.score(model, model.judge("警方")) == pytest.approx(0.0)
    assert strong_cues.score(model, model.judge("天气")) == pytest.approx(0.9 * (1 - 0.1 * 0.5))  # not vetoed


def test_sample_text_reads_around_the_named_goods_of_a_long_page() -> None:
    text = "a" * 5000 + "GOODS" + "b" * 5000
    sample = sample_text(text, [(5000, 5005)], max_chars=1500, radius=200)
    assert "GOODS" in sample and len(sample) <= 1500
    assert sample_text("short", [], 1500, 200) == "short"
    assert sample_text("c" * 4000, [], 1500, 200) == "c" * 1500


def test_the_shipped_model_file_is_what_its_version_says() -> None:
    data = json.loads(default_model_path().read_text(encoding="utf-8"))
    rebuilt = model_to_dict(
        data["bias"], file_weights(data), data["combine"], data["max_chars"], data["training"]
    )  # rounding is idempotent
    assert rebuilt["version"] == data["version"]
    assert 1_000 <= len(file_weights(data)) <= 60_000
    assert default_model_path().stat().st_size < 3_000_000  # ships small


def test_a_verdict_carries_the_models_reading_and_the_rules_version_names_the_model() -> None:
    detector = Detector.load()
    detection = detector.detect("急用钱找我，黑户白户都能做，当天下款，加微信 dk8888")
    reading = detection.offer_reading()
    assert reading is not None and 0 <= reading.probability <= 1
    assert reading.model_version == load_model().version
    assert reading.features and all(f.feature for f in reading.features)
    assert detection.rules_version.endswith("+m" + load_model().version)
    assert any(reason.startswith("offer model ") for reason in detection.reasons)
    assert detector.detect("今天天气很好").offer_reading() is None  # no goods named: no reading


def test_another_model_file_can_be_chosen_by_setting(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    from linkscan.detect.normalize import normalize

    text = "急用钱找我，黑户白户都能做，当天下款，加微信 dk8888"
    discussion = dict.fromkeys(features(normalize(text).text), -5.0)  # reads this text as discussion
    combine = {"text_as_cue": 0.0, "veto_below": 0.3, "context_gate": 1.0}
    path.write_text(json.dumps(model_to_dict(0.0, discussion, combine, 1500, {})))
    detector = Detector.load(DetectionSettings(offer_model_path=str(path)))
    assert Detector.load().detect(text).decision == "block"
    assert detector.detect(text).decision == "allow"  # the chosen model vetoes the offer


def _corpus_and_random_texts() -> list[str]:
    import random

    from devstack.devdata import dev_items
    from linkscan.detect.normalize import normalize

    texts = [normalize(item.text_for_model()).text for item in dev_items()[::7] if not item.is_html]
    rng = random.Random(5)
    alphabet = "abx09 贷款无抵押\x01𠀀zé"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    return texts


def test_the_extension_reads_the_same_features_and_sums_as_the_python_reference() -> None:
    from linkscan.detect import offer_model

    native = offer_model._native
    if native is None:
        pytest.skip("the C extension is not built")
    model = load_model()
    table = model._native_table
    for text in _corpus_and_random_texts():
        assert native.offer_features(text) == offer_model.reference_features(text), text
        distinct, known, total, top = native.offer_score(table, text, 6)
        expected_distinct, expected_known, expected_total, expected_top = model.reference_score(text, 6)
        assert (distinct, known) == (expected_distinct, expected_known)
        assert total == pytest.approx(expected_total, abs=1e-9)
        assert sorted(abs(w) for _f, w in top) == sorted(abs(w) for _f, w in expected_top)
