"""Rule packs, policy files and jurisdiction profiles: strict validation, `linkscan rules check`,
and detection under the cn and us profiles."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from linkscan.cli import main
from linkscan.detect import Detector
from linkscan.detect.rules import builtin_pack_paths, check_files, compile_rules, load_pack_texts
from linkscan.detect.schema import PackError
from linkscan.settings import DetectionSettings

# A small valid pack; each test below breaks one line of it.
PACK = """\
category: contraband
subcategories:
  drugs: {severity: critical}
rules:
  - id: t.drugs
    kind: subject
    subcategory: drugs
    weight: 1.0
    terms: [glitterdust, moonrock]
    patterns:
      - {re: 'gd[0-9]', needs: [gd], within: 4}
cues:
  - id: t.cue
    weight: 0.9
    terms: [ping me]
"""


def _problems(text: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        compile_rules([("pack.yaml", text)])
    return [str(p) for p in caught.value.problems]


def test_the_sample_pack_is_valid() -> None:
    assert compile_rules([("pack.yaml", PACK)]).term_count == 3


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    weight: 1.0\n",
            "    wieght: 1.0\n",
            "pack.yaml:8: rule t.drugs: unknown key 'wieght' in rules[0] (did you mean 'weight'?)",
        ),
        (
            "    weight: 1.0\n",
            "    weight: heavy\n",
            "pack.yaml:8: rule t.drugs: rules[0].weight: Input should be a valid number",
        ),
        (
            "[glitterdust, moonrock]",
            "[glitterdust, yes]",
            "pack.yaml:9: rule t.drugs: rules[0].terms[1]: Input should be a valid string, not True (quote it)",
        ),
        (
            "    kind: subject\n",
            "    kind: subjekt\n",
            "pack.yaml:6: rule t.drugs: rules[0].kind: Input should be 'subject', 'offer' or 'support'",
        ),
        (
            "category: contraband\n",
            "category: contraband\nseverity: extreme\n",
            "pack.yaml:2: severity: Input should be",
        ),
        (
            "    subcategory: drugs\n",
            "    subcategory: drug\n",
            "pack.yaml:7: rule t.drugs: unknown subcategory 'drug' of contraband",
        ),
        (
            "    kind: subject\n",
            "    kind: subject\n    category: narcotics\n",
            "pack.yaml:7: rule t.drugs: rules[0].category: Input should be 'cash_loan', 'counterfeit' or 'contraband'",
        ),
        (
            "within: 4}",
            "within: 0}",
            "pack.yaml:11: rule t.drugs: rules[0].patterns[0]: 'within' must be a positive number of characters, not 0",
        ),
        (
            "needs: [gd], within: 4}",
            "within: 4}",
            "pack.yaml:11: rule t.drugs: rules[0].patterns[0]: 'within' needs the literals it is anchored on ('needs')",
        ),
        (
            "re: 'gd[0-9]'",
            "re: 'gd[0-9'",
            "pack.yaml:11: rule t.drugs: rules[0].patterns[0].re: invalid regex 'gd[0-9'",
        ),
        ("[glitterdust, moonrock]", "[]", "pack.yaml:9: rule t.drugs: rules[0].terms: is empty"),
        (
            "  - id: t.cue\n",
            "  - id: t.drugs\n",
            "pack.yaml:13: rule t.drugs: rule id defined twice (first at pack.yaml:5)",
        ),
        (
            "    weight: 0.9\n",
            "    weight: 0.9\n    source: nowhere\n",
            "pack.yaml:15: rule t.cue: source 'nowhere' is not in the pack's 'sources'",
        ),
    ],
)
def test_each_mistake_is_an_error_with_its_file_and_line(old: str, new: str, expected: str) -> None:
    assert old in PACK
    problems = _problems(PACK.replace(old, new, 1))
    assert any(p.startswith(expected) for p in problems), problems


def test_a_duplicate_id_in_another_pack_names_both_files() -> None:
    other = "cues:\n  - id: t.cue\n    terms: [hit me up]\n"
    with pytest.raises(PackError) as caught:
        compile_rules([("a.yaml", PACK), ("b.yaml", other)])
    assert [str(p) for p in caught.value.problems] == [
        "b.yaml:2: rule t.cue: rule id defined twice (first at a.yaml:13)"
    ]


def test_provenance_keys_are_accepted() -> None:
    pack = PACK.replace(
        "category: contraband\n",
        "description: test pack\nsources:\n"
        "  - {id: cat, name: A catalogue, url: 'https://example.org/list', note: p. 3}\n"
        "  - {id: repo, name: A repository, repo: owner/name, commit: 0123abc}\ncategory: contraband\n",
    ).replace("    weight: 0.9\n", "    weight: 0.9\n    source: [cat, repo]\n")
    assert compile_rules([("pack.yaml", pack)]).term_count == 3


def test_the_shipped_packs_policy_files_and_profiles_pass() -> None:
    assert check_files(None) == []


def _shipped_copy(tmp_path: Path) -> Path:
    root = tmp_path / "edited"
    shutil.copytree(Path(str(resources.files("linkscan") / "rules")), root / "rules")
    shutil.copytree(Path(str(resources.files("linkscan") / "policy")), root / "policy")
    return root


def test_rules_check_exits_0_when_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "check", str(_shipped_copy(tmp_path))]) == 0
    assert capsys.readouterr().out == ""


def test_rules_check_prints_file_and_line_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _shipped_copy(tmp_path)
    bands = root / "policy" / "bands.yaml"
    bands.write_text(bands.read_text(encoding="utf-8") + "suspicous: 0.3\n", encoding="utf-8")
    lines = bands.read_text(encoding="utf-8").count("\n")
    assert main(["rules", "check", str(root)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{bands}:{lines}: unknown key 'suspicous' in the file (did you mean 'suspicious'?)"
    ]


def test_rules_check_of_a_profile_naming_no_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "jurisdictions" / "xx.yaml"
    profile.parent.mkdir()
    profile.write_text("id: xx\nname: Nowhere\nallowed:\n  - contraband.drugs.canabis\n", encoding="utf-8")
    assert main(["rules", "check", str(tmp_path)]) == 1
    assert capsys.readouterr().out == f"{profile}:4: allowed: 'contraband.drugs.canabis' names no rule or subcategory\n"


def test_rules_check_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["rules", "check", str(tmp_path / "missing")]) == 2
    with pytest.raises(SystemExit) as no_action:
        main(["rules"])
    assert no_action.value.code == 2


def test_a_bad_policy_file_is_refused_when_loaded(tmp_path: Path) -> None:
    extra = tmp_path / "allow.yaml"
    extra.write_text("domains:\n  banks:\n    - Example Bank\n", encoding="utf-8")
    from linkscan.detect.policy import load_allowlist

    with pytest.raises(PackError, match=r"allow.yaml:3: domains.banks\[0\]"):
        load_allowlist(str(extra))


# -- jurisdiction profiles ---------------------------------------------------------------------------

CANNABIS_SHOP = "Craft THC gummies and live rosin pre-rolls from our dispensary. Order online, free shipping, $35."
VAPE_SHOP = "Disposable vape pens and e-liquid, 30 flavours. Shop now, free shipping over $20."
COCAINE = "Pure cocaine, discreet packaging, ships worldwide. Order now, $90 a gram."
SMUGGLED = "出售免税烟 走私烟 一手烟源 全国包邮 加微信"


@pytest.fixture(scope="module")
def cn() -> Detector:
    return Detector.load(DetectionSettings(jurisdiction="cn"))


@pytest.fixture(scope="module")
def us() -> Detector:
    return Detector.load(DetectionSettings(jurisdiction="us"))


@pytest.mark.parametrize("text", [CANNABIS_SHOP, VAPE_SHOP], ids=["cannabis", "vape"])
def test_cannabis_and_vape_shops_are_contraband_under_cn_and_allowed_under_us(
    cn: Detector, us: Detector, text: str
) -> None:
    under_cn = cn.detect(text)
    assert under_cn.decision == "block"
    assert under_cn.categories[0].category == "contraband"
    assert us.detect(text).decision == "allow"


@pytest.mark.parametrize("text", [COCAINE, SMUGGLED], ids=["cocaine", "smuggled-cigarettes"])
def test_other_contraband_is_an_offering_under_both(cn: Detector, us: Detector, text: str) -> None:
    under_cn, under_us = cn.detect(text), us.detect(text)
    assert under_cn.decision != "allow"
    assert (under_us.decision, under_us.score, under_us.categories) == (
        under_cn.decision,
        under_cn.score,
        under_cn.categories,
    )


def test_the_profile_is_part_of_the_rules_version(cn: Detector, us: Detector) -> None:
    assert cn.rules_version != us.rules_version
    assert Detector.load(DetectionSettings()).rules_version == cn.rules_version  # cn is the default


def test_the_jurisdiction_comes_from_the_environment() -> None:
    assert DetectionSettings.from_env({"LINKSCAN_JURISDICTION": "us"}).jurisdiction == "us"
    assert DetectionSettings.from_env({}).jurisdiction == "cn"


def test_an_unknown_jurisdiction_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown jurisdiction 'uk'"):
        load_pack_texts(builtin_pack_paths(), None, "uk")


def test_the_cli_flag_chooses_the_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "shop.txt"
    page.write_text(VAPE_SHOP, encoding="utf-8")
    main(["--jurisdiction", "us", "analyze", "--text", str(page)])
    assert capsys.readouterr().out.startswith("ALLOW")
    main(["--jurisdiction", "cn", "analyze", "--text", str(page)])
    assert capsys.readouterr().out.startswith("BLOCK")


def test_a_rule_split_out_for_a_profile_scores_as_before_the_split() -> None:
    """A part (``part_of``) counts with its rule: one term bonus over both, as one rule had."""
    whole = PACK
    split = PACK.replace(
        "    terms: [glitterdust, moonrock]\n",
        "    terms: [glitterdust]\n  - id: t.drugs_part\n    part_of: t.drugs\n    kind: subject\n"
        "    subcategory: drugs\n    weight: 1.0\n    terms: [moonrock]\n",
    )
    text = "glitterdust and moonrock, ping me"
    settings = DetectionSettings()
    before = Detector.from_texts([("pack.yaml", whole)], settings).detect(text)
    after = Detector.from_texts([("pack.yaml", split)], settings).detect(text)
    assert after.score == before.score > 0
    allowed = "id: xx\nname: X\nallowed: [t.drugs_part]\n"
    profiled = Detector.from_texts([("pack.yaml", split), ("jurisdiction/xx.yaml", allowed)], settings)
    assert profiled.detect("moonrock, ping me").score == 0


def test_rules_check_includes_the_deployment_override_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    override = tmp_path / "override.yaml"
    override.write_text("rules:\n  - id: cash_loan.loan_slang\n    terms: [x]\n    kind: offer\n", encoding="utf-8")
    monkeypatch.setenv("LINKSCAN_RULES_OVERRIDE", str(override))
    assert main(["rules", "check"]) == 1
    assert capsys.readouterr().out.startswith(f"{override}:2: rule cash_loan.loan_slang: extends the shipped rule")


def test_the_parsed_cache_is_what_the_generator_builds_from_the_shipped_files() -> None:
    from devstack.pack_cache import OUT, build

    assert OUT.read_text(encoding="utf-8") == build(), "run python -m devstack.pack_cache"


def test_an_edited_file_misses_the_parsed_cache_and_is_read_as_yaml() -> None:
    from linkscan.detect import schema
    from linkscan.detect.rules import builtin_pack_paths

    text = builtin_pack_paths()[0].read_text(encoding="utf-8")
    assert schema.parse("pack.yaml", text) == schema.parse_yaml("pack.yaml", text)
    edited = text + "\n# an analyst's comment\n"
    assert schema.parse("pack.yaml", edited) == schema.parse_yaml("pack.yaml", edited)
