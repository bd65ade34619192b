"""Build mini7_check.jsonl: the mini7 helper's own check set for the classes its round fixes.

Both sides of each class are here: the violation and its clean neighbour that uses the same words
(drug slang that is also a sweet, a tea or SK-II's essence; the replicas an appraisal lab detects; a
certification consultancy beside a seller of certificate labels; a bird-watching tour beside wild-caught
songbirds; a brand's own outlet beside "factory surplus"). Every case was written by hand from
docs/policy.md, docs/miniprogram.md and the platform's published operating rules before the round's
changes, and scored on the unchanged engine first (docs/miniprogram.md has the figures). The file is not
named fresh*, so the blind glob of ``devstack.evaluate_miniprogram`` leaves it out; score it with
``python -m devstack.evaluate_miniprogram --set tests/data/miniprograms/mini7_check.jsonl``.
Run ``python tests/data/miniprograms/build_mini7_check.py`` to rewrite it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from build_fresh6 import ALLOW, block, enterprise, individual, licence, page

OUT = Path(__file__).with_name("mini7_check.jsonl")
WRITTEN = "hand-written by the mini7 helper, 2026-12-08, before its changes, modelled on"

CASES: list[dict[str, Any]] = []


def case(
    case_id: str,
    kind: str,
    expected: dict[str, Any],
    model: str,
    *,
    name: str,
    principal: dict[str, str],
    text: str,
    title: str = "",
    description: str = "",
    categories: list[str] | None = None,
    qualifications: list[dict[str, str]] | None = None,
) -> None:
    appid = "wx" + hashlib.sha256(f"mini7:{case_id}".encode()).hexdigest()[:16]
    metadata: dict[str, Any] = {"appid": appid, "name": name, "principal": principal}
    if description:
        metadata["description"] = description
    if categories:
        metadata["categories"] = categories
    if qualifications:
        metadata["qualifications"] = qualifications
    metadata["pages"] = [page("pages/index/index", title or name, text)]
    CASES.append(
        {
            "id": f"mini7-{case_id}",
            "split": "mini7_check",
            "class": kind,
            "hard_negative": expected["decision"] == "allow",
            "expected": expected,
            "metadata": metadata,
            "provenance": f"{WRITTEN} {model}",
        }
    )


# ---------------------------------------------------------------- drug slang, said with a covert cue
case(
    "slang-leaf-candy",
    "drug_slang",
    block("contraband", "drugs"),
    "a dealer listing slang names only",
    name="深夜补给站",
    principal=individual("阿凯"),
    categories=["生活服务-跑腿"],
    text="冰糖、叶子都有货，同城当晚送到，懂的来，暗号“补给”。",
)
case(
    "slang-bath-salt",
    "drug_slang",
    block("contraband", "drugs"),
    "party slang with a code word",
    name="派对补给",
    principal=individual("小武"),
    categories=["生活服务-娱乐"],
    text="浴盐、开心水现货，同城闪送，私聊报暗号拿货。",
)
case(
    "slang-stamps",
    "drug_slang",
    block("contraband", "drugs"),
    "stamps and candy as drug slang",
    name="邮趣小铺",
    principal=individual("老周"),
    categories=["生活服务-其他"],
    text="邮票、跳跳糖、神仙水，懂的都懂，老客暗号下单，同城两小时到。",
)
case(
    "candy-shop",
    "drug_slang_neighbour",
    ALLOW,
    "a sweet shop selling rock sugar and candy",
    name="甜蜜糖果屋",
    principal=enterprise("杭州甜蜜食品有限公司"),
    categories=["商家自营-食品"],
    text="老冰糖、水果糖果、跳跳糖，同城配送，满50元包邮。",
)
case(
    "tea-leaves",
    "drug_slang_neighbour",
    ALLOW,
    "a tea shop selling tea leaves",
    name="山野茶坊",
    principal=enterprise("福建山野茶业有限公司"),
    categories=["商家自营-茶叶"],
    text="高山野生茶叶子，手工炒制，¥88一斤，顺丰发货，老客私聊有优惠。",
)
case(
    "skii-essence",
    "drug_slang_neighbour",
    ALLOW,
    "a cosmetics shop selling SK-II's 'fairy water'",
    name="美肌小铺",
    principal=enterprise("上海美肌化妆品有限公司"),
    categories=["商家自营-美妆"],
    text="SK-II神仙水230ml，品牌授权，附专柜小票，¥1090，顺丰包邮。",
)
case(
    "bath-salt-spa",
    "drug_slang_neighbour",
    ALLOW,
    "a spa shop selling bath salts",
    name="泡泡浴馆",
    principal=enterprise("苏州泡泡日用品有限公司"),
    categories=["商家自营-日用"],
    text="薰衣草浴盐、玫瑰浴盐，泡澡放松，¥39一罐，全国包邮。",
)

# ---------------------------------------------------------------- fake certification marks and relabelling
case(
    "ce-labels",
    "fake_certification",
    block("counterfeit", "fake_certified"),
    "a seller of CE marks without tests",
    name="认证标签网",
    principal=enterprise("东莞某某标签有限公司"),
    categories=["商业服务-印刷"],
    text="CE认证标、3C认证标签现货，不用送检，无需提供证书，五千张起订，出口过关没问题。",
)
case(
    "relabelled-gloves",
    "relabelled_medical",
    block("counterfeit", "fake_certified"),
    "ordinary gloves repackaged as medical",
    name="防护手套批发",
    principal=individual("许亮"),
    categories=["商业服务-批发"],
    text="普通PVC手套换医用检查手套包装，印医疗器械注册证号，5万双起批，诊所都能用。",
)
case(
    "cert-consultancy",
    "certification_neighbour",
    ALLOW,
    "a consultancy that helps firms apply for 3C",
    name="认证咨询服务",
    principal=enterprise("深圳某某认证咨询有限公司"),
    categories=["商务服务-咨询"],
    text="协助企业申请3C认证，产品须送指定实验室检测，检测合格后由认证机构发证，咨询费面议。",
)
case(
    "label-printer",
    "certification_neighbour",
    ALLOW,
    "a label printer checking the client's certificate",
    name="标签印刷定制",
    principal=enterprise("宁波某某印刷有限公司"),
    categories=["商业服务-印刷"],
    text="不干胶标签定制印刷，印制认证标志须提供有效证书复印件，一千张起订，¥0.1一张。",
)

# ---------------------------------------------------------------- wildlife named faintly, with a price
case(
    "wild-myna",
    "wild_birds",
    block("contraband", "wildlife"),
    "wild-caught birds sold as pets",
    name="鸟友之家",
    principal=individual("黄山"),
    categories=["商家自营-宠物"],
    text="野生八哥、绣眼，刚从山里抓的，包活，¥260一只。",
)
case(
    "slow-loris",
    "pet_primate",
    block("contraband", "wildlife"),
    "slow lorises sold as pets",
    name="异宠小屋",
    principal=individual("刘洋"),
    categories=["商家自营-宠物"],
    text="小懒猴宠物，已亲人，包运输，¥3200一只。",
)
case(
    "birding-tour",
    "wildlife_neighbour",
    ALLOW,
    "a bird-watching tour naming wild birds",
    name="观鸟旅行",
    principal=enterprise("云南某某旅行社有限公司"),
    categories=["旅游-服务"],
    qualifications=[licence("旅行社业务经营许可证", "L-YN-100123", "云南省文化和旅游厅")],
    text="带你去高黎贡山看野生画眉、八哥等鸟类，两日观鸟团每人¥680，含向导。",
)
case(
    "bred-parrots",
    "wildlife_neighbour",
    ALLOW,
    "a pet shop selling budgerigars",
    name="萌鸟宠物店",
    principal=enterprise("广州萌鸟宠物用品有限公司"),
    categories=["商家自营-宠物"],
    text="人工繁育虎皮鹦鹉、玄凤鹦鹉，已学会上手，¥120一只，同城自提。",
)

# ---------------------------------------------------------------- appraisal services and the sellers they catch
case(
    "jade-appraisal",
    "authentication",
    ALLOW,
    "a jade appraisal service naming fakes it detects",
    name="玉石鉴定所",
    principal=enterprise("云南某某珠宝检测有限公司"),
    categories=["生活服务-鉴定"],
    text="资深鉴定师帮你识别B货、C货、高仿翡翠。翡翠鉴定每件80元，出具鉴定证书。本所只做检测，不买卖任何商品。",
)
case(
    "sneaker-check",
    "authentication",
    ALLOW,
    "a sneaker authentication service",
    name="球鞋验真",
    principal=enterprise("上海某某鉴定服务有限公司"),
    categories=["生活服务-鉴定"],
    text="专业鉴别莆田鞋、高仿、复刻球鞋，每双鉴别费30元，寄送两个工作日出报告。",
)
case(
    "replica-passes-check",
    "replica_with_guarantee",
    block("counterfeit", "replica_goods"),
    "a replica bag seller promising it passes appraisal",
    name="精品包包",
    principal=individual("陈静"),
    categories=["商家自营-箱包"],
    text="顶级高仿LV包，支持专柜鉴定，¥980，顺丰包邮，私聊看实拍。",
)

# ---------------------------------------------------------------- "factory surplus" and "original order" goods
case(
    "surplus-skincare",
    "cosmetics_factory_surplus",
    block("counterfeit", "replica_goods"),
    "big-brand skincare sold as leaked factory surplus",
    name="大牌尾货仓",
    principal=individual("林芳"),
    categories=["商业服务-美妆"],
    text="兰蔻小黑瓶代工厂流出尾货，无专柜小票，和专柜一模一样，¥99一瓶，加V：wh_888。",
)
case(
    "surplus-perfume",
    "cosmetics_factory_surplus",
    block("counterfeit", "replica_goods"),
    "big-brand perfume as 'original order' surplus",
    name="香水原单",
    principal=individual("周倩"),
    categories=["商业服务-美妆"],
    text="迪奥香水原单尾货，工厂直出，没有小票，¥150一瓶，量大私聊。",
)
case(
    "brand-outlet",
    "surplus_neighbour",
    ALLOW,
    "a brand's own clearance of short-dated stock",
    name="品牌特卖会",
    principal=enterprise("上海某某化妆品有限公司"),
    categories=["商家自营-美妆"],
    qualifications=[licence("化妆品生产许可证", "沪妆20160001", "上海市药品监督管理局")],
    text="本品牌自有临期产品特卖，保质期至2027年3月，¥59一瓶，可查批号，全国包邮。",
)
case(
    "apparel-surplus",
    "surplus_neighbour",
    ALLOW,
    "an unbranded apparel factory selling its own surplus",
    name="工厂尾货童装",
    principal=enterprise("湖州某某服饰有限公司"),
    categories=["商家自营-服饰"],
    text="自家工厂生产的童装尾货清仓，无品牌标，¥19一件，满三件包邮。",
)

# ---------------------------------------------------------------- look-ups of a person, and tools to spy
case(
    "hotel-lookup",
    "personal_data_lookup",
    block("contraband", "personal_data"),
    "a look-up of someone's hotel stays by phone number",
    name="信息速查",
    principal=individual("王强"),
    categories=["工具-信息查询"],
    text="输入对方手机号，查开房记录和定位，¥300一次，加微信 cx_888 付款出结果。",
)
case(
    "spy-app",
    "surveillance_tool",
    block("contraband", "surveillance"),
    "stalkerware sold as a phone app",
    name="守护助手",
    principal=individual("赵磊"),
    categories=["工具-效率"],
    text="手机监听软件，装好后图标隐藏，对方微信聊天实时同步，¥398永久使用，私聊发安装包。",
)
case(
    "family-locator",
    "surveillance_neighbour",
    ALLOW,
    "a family-consent location sharing app",
    name="家人位置共享",
    principal=enterprise("北京某某科技有限公司"),
    categories=["工具-效率"],
    text="家人双方同意后共享位置，可随时关闭，对方会收到提醒，基础功能免费。",
)
case(
    "hotel-booking",
    "personal_data_neighbour",
    ALLOW,
    "a hotel booking app showing a user's own bookings",
    name="住哪儿",
    principal=enterprise("杭州某某旅行网络有限公司"),
    categories=["旅游-酒店"],
    text="查看我的订单和入住记录，在线预订酒店，¥199起，到店付款。",
)

# ---------------------------------------------------------------- English goods, named and shipped
case(
    "en-silencers",
    "weapons_english",
    block("contraband", "weapons"),
    "gun parts listed in English",
    name="Outdoor Gear Pro",
    principal=enterprise("宁波某某贸易有限公司"),
    categories=["商家自营-户外"],
    text="Threaded pistol barrels and suppressor kits, ships discreetly, parts sent separately to pass customs.",
)
case(
    "en-ghb",
    "sexual_drugs_english",
    block("contraband", "sexual_drugs"),
    "GHB offered in English",
    name="Night Drops",
    principal=individual("Leo"),
    categories=["生活服务-其他"],
    text="Colourless GHB drops, tasteless in a drink, ships in eye-drop bottles, message me.",
)
case(
    "en-range",
    "weapons_neighbour",
    ALLOW,
    "a licensed shooting range in English",
    name="City Shooting Club",
    principal=enterprise("上海某某射击俱乐部有限公司"),
    categories=["体育-场馆"],
    text="Supervised target shooting with club rifles for members, safety briefing first, no guns for sale.",
)


def main() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case id"
    OUT.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in CASES), encoding="utf-8")
    clean = sum(c["hard_negative"] for c in CASES)
    print(f"{OUT.name}: {len(CASES)} apps, {clean} clean ({clean / len(CASES):.0%})")


if __name__ == "__main__":
    main()
