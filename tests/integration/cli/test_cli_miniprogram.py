"""`linkscan miniprogram` as a user runs it, in a fresh process: bare metadata, --appid, an API Gateway
event refused with a message saying so, and --batch with one verdict per line carrying its id."""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.cli.test_cli_errors import linkscan, one_line_error
from tests.support import ROOT

APPID = "wx0123456789abcdef"
VAPE_SHOP = {
    "name": "口味仓库",
    "principal": {"name": "某某贸易有限公司", "type": "enterprise"},
    "pages": [{"path": "pages/shop/index", "text": "一次性电子烟 十种口味 ¥35一支 顺丰发货。"}],
}
BUS_TIMES = {
    "name": "公交到站",
    "principal": {"name": "某某科技有限公司", "type": "enterprise"},
    "pages": [{"path": "pages/index/index", "text": "实时公交到站查询与线路规划。"}],
}


def write(tmp_path: Path, name: str, content: object) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), "utf-8")
    return str(path)


def test_bare_metadata_with_the_appid_inside_is_judged(tmp_path: Path) -> None:
    result = linkscan("miniprogram", write(tmp_path, "m.json", {"appid": APPID, **VAPE_SHOP}), "--json")
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert (verdict["target"], verdict["decision"], verdict["actions"]) == (APPID, "block", ["restrict"])
    assert verdict["enforcement"]["action"]["type"] == "feature_restriction"


def test_bare_metadata_takes_its_appid_from_the_option(tmp_path: Path) -> None:
    result = linkscan("miniprogram", write(tmp_path, "m.json", BUS_TIMES), "--appid", APPID)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ALLOW") and APPID in result.stdout


def test_metadata_without_any_appid_is_refused_with_what_to_do(tmp_path: Path) -> None:
    result = linkscan("miniprogram", write(tmp_path, "m.json", BUS_TIMES))
    assert result.returncode == 2
    assert "--appid" in one_line_error(result)


def test_an_api_gateway_event_file_is_refused_as_such() -> None:
    result = linkscan("miniprogram", str(ROOT / "events" / "api_submit_miniprogram_clean.json"))
    assert result.returncode == 2
    message = one_line_error(result)
    assert "API Gateway event" in message and "not mini-program metadata" in message


def test_batch_gives_one_verdict_per_line_with_the_same_id(tmp_path: Path) -> None:
    lines = [
        {"id": "shop-1", "metadata": {"appid": APPID, **VAPE_SHOP}},
        {"id": 7, "appid": APPID, "metadata": BUS_TIMES},
        {"id": "broken", "metadata": {"name": "x"}},
        "not json",
    ]
    source = write(tmp_path, "b.jsonl", "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    result = linkscan("miniprogram", "--batch", source)
    assert result.returncode == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["shop-1", 7, "broken", None]
    assert [r.get("decision") for r in records[:2]] == ["block", "allow"]
    assert "appid" in records[2]["error"] and records[3]["line"] == 4
    assert "2 line(s) could not be judged" in one_line_error(result)
