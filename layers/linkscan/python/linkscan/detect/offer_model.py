"""Is this text a seller's pitch or a discussion? A small linear model over words and characters.

The rule packs say WHAT a page names (loans, replicas, drugs); this model says whether the text
around those names OFFERS them (ads, listings, shop pages, spam, broker messages) or talks about
them (news, guides, reviews, warnings, regulators, treatment pages). It is category-agnostic, so it
is trained on plenty of weakly labelled text (`make train`, ``devstack.train``) and shipped as one
JSON file of feature weights (``offer_model.json``): no training library at run time.

Features are read from the NORMALIZED text (``normalize.py``: folded, CJK separators dropped, one
space between Latin words), as units: each CJK character and each Latin word; every number (and
the corpus's masked digits, ``xxx``) is the unit ``0``. A text's features are its
Latin words, the pairs of neighbouring units and the CJK character triples. The model is a logistic
regression over the set of features, scaled by ``1 / sqrt(n)`` (an L2-normalized binary vector), so
one pasted phrase moves a long page's judgement little and the features that weighed most explain it.
"""

from __future__ import annotations

import heapq
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

try:
    from linkscan.detect import _native as _native_module
except ImportError:  # a source checkout without the extension built: the Python reference below
    _native_module = None
_native: ModuleType | None = _native_module

MODEL_FILE = "offer_model.json"
EXPLAIN_FEATURES = 6

# A token: a run of CJK characters, or a Latin word (letters and digits). Normalized text keeps no
# punctuation or currency signs (step 2 drops them), so these are all its units.
_TOKEN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|([a-z0-9]+)")
_NUMBER = re.compile(r"[0-9x]+")  # digits, and the corpus's digits masked as x
NUMBER_UNIT = "0"  # what every number reads as


def features(text: str) -> set[str]:
    """The distinct features of a normalized text (see the module docstring): Latin words, pairs of
    neighbouring units (``buy now``, ``0万``, ``贷款``) and CJK triples (``无抵押``). Done by the C
    extension when it is built (``_native.offer_features``, held to this code by the tests)."""
    if _native is not None:
        found: set[str] = _native.offer_features(text)
        return found
    return reference_features(text)


def reference_features(text: str) -> set[str]:
    """``features`` in Python: the reference the extension is tested against, and its fallback."""
    found: set[str] = set()
    previous = ""  # the last unit of the previous token
    previous_latin = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        if match.lastindex == 1:  # CJK characters
            if previous:
                found.add(previous + token[0])
            found.update({token[i : i + 2] for i in range(len(token) - 1)})
            found.update({token[i : i + 3] for i in range(len(token) - 2)})
            previous, previous_latin = token[-1], False
            continue
        if _NUMBER.fullmatch(token):
            token = NUMBER_UNIT
        found.add(token)
        if previous:
            found.add(previous + " " + token if previous_latin else previous + token)
        previous, previous_latin = token, True
    return found


@dataclass(frozen=True)
class OfferJudgement:
    """The model's reading of one text: probability of an offer and the features that weighed most."""

    probability: float
    logit: float
    top_features: tuple[tuple[str, float], ...]  # (feature, contribution to the logit), largest |.|


@dataclass(frozen=True)
class OfferModel:
    version: str
    bias: float
    weights: Mapping[str, float]
    max_chars: int
    # how the text's judgement combines with the rule packs' offering cues (fitted by make train):
    text_as_cue: float  # the text read as a pitch counts as a cue of this strength (x p_text)
    veto_below: float  # a text read as a pitch with p_text below this (a discussion) is that much less an offer
    context_gate: float  # context dampens by damp ** max(0, 1 - p_text / context_gate)
    # the veto never takes a text below this when the page gives the author's own way to buy (a contact
    # channel, a price, an order step: cue rules marked ``own_offer``); 0 in files fitted before it
    own_offer_floor: float = 0.0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OfferModel:
        combine = data["combine"]
        return cls(
            version=str(data["version"]),
            bias=float(data["bias"]),
            weights=file_weights(data),
            max_chars=int(data["max_chars"]),
            text_as_cue=float(combine["text_as_cue"]),
            veto_below=float(combine["veto_below"]),
            context_gate=float(combine["context_gate"]),
            own_offer_floor=float(combine.get("own_offer_floor", 0.0)),
        )

    def judge(self, text: str, explain: int = EXPLAIN_FEATURES) -> OfferJudgement:
        """Judge a normalized text (callers cut it to ``max_chars``)."""
        if _native is not None:
            distinct, known, total, top = _native.offer_score(self._native_table, text, explain)
        else:
            distinct, known, total, top = self.reference_score(text, explain)
        scale = 1.0 / math.sqrt(distinct) if distinct else 0.0
        # a text the model knows no feature of (glued words, another script) reads as neither a pitch
        # nor a discussion: the intercept alone (the training mix's base rate) is no reading of it
        logit = self.bias + scale * total if known else 0.0
        return OfferJudgement(
            probability=sigmoid(logit),
            logit=logit,
            top_features=tuple((f, round(w * scale, 4)) for f, w in top),
        )

    def reference_score(self, text: str, explain: int) -> tuple[int, int, float, list[tuple[str, float]]]:
        """(distinct features, how many the model knows, the sum of their weights, the ``explain``
        heaviest): what the extension's ``offer_score`` computes, in Python (its reference in the
        tests, and the fallback)."""
        found = reference_features(text)
        get = self.weights.get
        present = [(f, w) for f in found if (w := get(f)) is not None]
        total = math.fsum(w for _f, w in present)
        return len(found), len(present), total, heapq.nlargest(explain, present, key=_magnitude)

    @cached_property
    def _native_table(self) -> object:
        """The weights as the extension's table (built on first use, ~10 ms for 40,000 features)."""
        assert _native is not None
        return _native.offer_table(list(self.weights), list(self.weights.values()))

    def offering(self, judgement: OfferJudgement, cue_strength: float, own_offer: bool = False) -> float:
        """How much the text offers what it names, 0..1, from the cues' strength (``sat`` of the cue
        evidence) and the model's reading: the text read as a pitch is one more cue
        (``1 - (1 - cues)(1 - text_as_cue * p)``), and a text read as discussion vetoes in proportion
        (``min(1, p / veto_below)``), but not below ``own_offer_floor`` when the page gives its own way
        to buy (``own_offer``): the model reads words, and a genre it never saw reads as discussion
        however plainly it says where to buy. ``make train`` fits the constants on the dev set's train split."""
        p = judgement.probability
        offered = 1.0 - (1.0 - cue_strength) * (1.0 - self.text_as_cue * p)
        veto = min(1.0, p / self.veto_below) if self.veto_below > 0 else 1.0
        if own_offer:
            veto = max(veto, self.own_offer_floor)
        return offered * veto

    def context_exponent(self, judgement: OfferJudgement) -> float:
        """How much of the context factor applies: all of it to a text read as discussion, none to one
        read as a pitch at ``context_gate`` or above."""
        return max(0.0, 1.0 - judgement.probability / self.context_gate)


def _magnitude(feature_weight: tuple[str, float]) -> float:
    return abs(feature_weight[1])


def sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)


def merged_windows(spans: Iterable[tuple[int, int]], radius: int, length: int) -> Iterator[tuple[int, int]]:
    """The windows of ``radius`` characters around sorted ``spans`` within [0, length), overlapping
    ones merged, each yielded once it is complete."""
    current: tuple[int, int] | None = None
    for start, end in spans:
        left, right = max(0, start - radius), min(length, end + radius)
        if current is not None and left <= current[1]:
            current = (current[0], max(current[1], right))
            continue
        if current is not None:
            yield current
        current = (left, right)
    if current is not None:
        yield current


def sample_text(text: str, spans: Iterable[tuple[int, int]], max_chars: int, radius: int) -> str:
    """The part of a long text the model reads: the stretches around ``spans`` (where the goods are
    named), merged, up to ``max_chars``; the whole text when it is short enough, its start when
    no span is given."""
    if len(text) <= max_chars:
        return text
    windows: list[tuple[int, int]] = []
    covered = 0  # past max_chars of windows the rest is not read
    for window in merged_windows(sorted(spans), radius, len(text)):
        windows.append(window)
        covered += window[1] - window[0]
        if covered >= max_chars:
            break
    if not windows:
        return text[:max_chars]
    parts: list[str] = []
    budget = max_chars
    for left, right in windows:
        if budget <= 0:
            break
        parts.append(text[left : min(right, left + budget)])
        budget -= right - left
    return " ".join(parts)


def default_model_path() -> Path:
    return Path(str(resources.files("linkscan") / "detect" / MODEL_FILE))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> OfferModel:
    model_path = Path(path) if path else default_model_path()
    return OfferModel.from_dict(json.loads(model_path.read_text(encoding="utf-8")))


def model_to_dict(
    bias: float,
    weights: Mapping[str, float],
    combine: Mapping[str, float],
    max_chars: int,
    training: Mapping[str, Any],
    digits: int = 4,
) -> dict[str, Any]:
    """The shipped file's content; the version is a digest of the weights."""
    import hashlib

    rounded = {f: round(w, digits) for f, w in sorted(weights.items()) if round(w, digits) != 0}
    bias = round(bias, digits)
    constants = {k: round(v, digits) for k, v in sorted(combine.items())}
    digest = hashlib.sha256(json.dumps([bias, rounded, constants], sort_keys=True).encode()).hexdigest()
    return {
        "version": digest[:12],
        "bias": bias,
        "max_chars": max_chars,
        "combine": constants,
        "training": dict(training),
        "features": "\n".join(rounded),
        "weights": list(rounded.values()),
    }


def file_weights(data: Mapping[str, Any]) -> dict[str, float]:
    """The weights of a model file: its features as one newline-separated string and their weights as
    a list in the same order (about four times faster to parse than a JSON object of 40,000 keys)."""
    return dict(zip(str(data["features"]).split("\n"), data["weights"], strict=True))


def explain(features_weights: Sequence[tuple[str, float]]) -> str:
    """A short human reading of the top features: ``+buy now, +包邮, -reported``."""
    return ", ".join(f"{'+' if w > 0 else '-'}{f}" for f, w in features_weights)
