"""Writes fresh.jsonl: mini-program cases written after the judgement code was tuned, never tuned on.

They measure whether the fixes generalize (``devstack.evaluate_miniprogram`` reports them as "fresh").
Same shape and helpers as build.py; every case was written by linkscan (no text copied from any source),
``provenance`` names the rule or licence requirement each was written after. Run
``python tests/data/miniprograms/build_fresh.py`` after editing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # a data script run by path, beside build.py

import build
from build import LICENCE, OPS, PERSON, bad, licence, ok

OUT = Path(__file__).with_name("fresh.jsonl")

build.CASES.clear()
# ---------------------------------------------------------------- hard negatives
ok(
    "fr-neg-01",
    "晚报快讯",
    "本地新闻",
    ["记者从市公安局获悉，一伙人冒充网贷平台客服，以“解冻额度需先交保证金”为由骗取钱财，已被刑拘。"],
    "news",
    f"{OPS}; police news quoting a loan-fraud script",
    categories=("资讯-新闻",),
)
ok(
    "fr-neg-02",
    "消保课堂",
    "消费者教育",
    ["认准正品：所谓“专柜同款一比一”的包袋多为侵权仿品，买到请保留证据向市场监管部门投诉。"],
    "anti_fraud",
    f"{OPS}; consumer education naming replica claims",
    categories=("教育-科普",),
)
ok(
    "fr-neg-03",
    "公积金助手",
    "公积金查询",
    ["查询公积金余额、缴存明细，测算公积金贷款可贷额度。贷款办理请前往管理中心。"],
    "public_service",
    f"{OPS}; housing-fund query naming loan quotas",
    categories=("政务民生-公共服务",),
)
ok(
    "fr-neg-04",
    "分期计算器",
    "分期手续费计算",
    ["输入分期金额和期数，换算实际年化利率，看清分期真实成本。本程序不放贷、不推荐任何借款产品。"],
    "calculator",
    f"{OPS}; instalment cost calculator with a no-loans statement",
    categories=("工具-计算器",),
)
ok(
    "fr-neg-05",
    "同仁堂药房",
    "网上药店",
    ["布洛芬、连花清瘟在线购买；处方药需上传医生处方，药师审核后发货。"],
    "pharmacy",
    f"{LICENCE} the Measures for the Supervision of Online Drug Sales",
    categories=("医疗-药店",),
    qualifications=(licence("药品经营许可证"), licence("互联网药品信息服务资格证书")),
)
ok(
    "fr-neg-06",
    "安康典当",
    "典当服务",
    ["民品典当、房产抵押典当，当金快速发放，绝当物品公开拍卖。"],
    "pawnshop",
    f"{LICENCE} the Measures for the Administration of Pawning",
    categories=("金融业-典当",),
    qualifications=(licence("典当经营许可证"),),
)
ok(
    "fr-neg-07",
    "皮肤科门诊",
    "医院线上服务",
    ["复诊患者可在线问诊，医生开具处方后药品快递到家。"],
    "health",
    f"{LICENCE} the Regulations on the Administration of Medical Institutions",
    categories=("医疗-医院",),
    qualifications=(licence("医疗机构执业许可证"),),
)
ok(
    "fr-neg-08",
    "包包鉴定师",
    "箱包鉴定",
    ["在线鉴别香奈儿、迪奥包袋，识别精仿、原单货，鉴定后出具报告。"],
    "authentication",
    f"{OPS}; bag authentication service",
    categories=("生活服务-鉴定",),
)
ok(
    "fr-neg-09",
    "禁毒微课堂",
    "禁毒教育",
    ["提醒青少年：所谓“聪明药”“神仙水”都是毒品，切勿尝试，发现贩毒线索请举报。"],
    "anti_fraud",
    f"{OPS}; drug-prevention lesson",
    categories=("教育-科普",),
)
ok(
    "fr-neg-10",
    "水果铺子",
    "水果配送",
    ["赣南脐橙5斤装¥39.9，顺丰包邮，小程序内下单支付。"],
    "shop",
    f"{OPS}; ordinary fruit shop with price and delivery",
    categories=("商家自营-食品",),
)
ok(
    "fr-neg-11",
    "读书会",
    "读书社群",
    ["每周共读一本书，读完可以生成分享卡片发给朋友，不分享也不影响打卡。"],
    "sharing_ok",
    f"{OPS}, section 5.1 (voluntary sharing)",
    categories=("教育-阅读",),
)
ok(
    "fr-neg-12",
    "企业服务站",
    "企业介绍",
    ["产品手册与服务网点，详情页来自公司官网。"],
    "webview_ok",
    f"{OPS}; web-view of a declared, filed domain",
    categories=("工具-企业管理",),
    navigation=({"url": "https://www.fresh-corp.example/manual", "label": "手册"},),
    extra={"business_domains": [{"domain": "fresh-corp.example", "icp": "苏ICP备2022000003号"}]},
)
# ---------------------------------------------------------------- violations
bad(
    "fr-loan-01",
    "生活小管家",
    "生活工具",
    ["手头紧？身份证就能借，无视征信，最快10分钟到账，额度最高2万。"],
    ("cash_loan", "predatory_loan", "ban"),
    "cash_loan",
    f"{OPS}; loan pitch in a utility app",
    categories=("工具-效率",),
)
bad(
    "fr-loan-02",
    "信用卡助手",
    "信用卡",
    ["信用卡空卡代还，刷卡提现手续费低，秒到账，加v: daihuan_666。"],
    ("cash_loan", "card_cashout", "ban"),
    "cash_loan",
    f"{OPS}; card cash-out with a personal WeChat",
    categories=("工具-信息查询",),
)
bad(
    "fr-fake-01",
    "轻奢饰品屋",
    "饰品",
    ["宝格丽蛇头项链 高仿复刻 细节对版，¥299，私聊看实拍视频。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_jewellery",
    f"{OPS}, section 5.6; replica jewellery",
    categories=("商家自营-饰品",),
)
bad(
    "fr-fake-02",
    "鞋柜",
    "运动鞋",
    ["新百伦 公司级 纯原版本 ¥260 包邮，下单备注尺码。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit",
    f"{OPS}, section 5.6; replica sneakers",
    categories=("商家自营-服饰",),
)
bad(
    "fr-fake-03",
    "名表折扣",
    "手表",
    ["卡地亚蓝气球 复刻表 原装机芯，要的加微信 ktw_watch 发图。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_offplatform",
    f"{OPS}, section 5.6; replica with a personal WeChat",
    categories=("商家自营-钟表",),
)
bad(
    "fr-cb-01",
    "老物件",
    "收藏",
    ["老象牙雕件、穿山甲甲片，诚心要的私聊，走同城面交。"],
    ("contraband", "wildlife", "ban"),
    "contraband_wildlife",
    f"{OPS}; wildlife products, private chat",
    categories=("商家自营-文玩",),
)
bad(
    "fr-cb-02",
    "口味盒子",
    "零食",
    ["电子烟 烟弹 一次性小烟 批发零售，全国顺丰发货。"],
    ("contraband", "tobacco", "restrict"),
    "contraband_vape",
    f"{LICENCE} the Measures for the Administration of Electronic Cigarettes",
    categories=("商家自营-食品",),
)
bad(
    "fr-cb-03",
    "证书服务",
    "咨询",
    ["各类资格证书代办，会计证、教师资格证，不用考试，可上网查询，微信 zs_ban99。"],
    ("contraband", "forged_documents", "ban"),
    "contraband_documents",
    f"{OPS}; forged certificates",
    categories=("商务服务-咨询",),
)
bad(
    "fr-cb-04",
    "男性健康馆",
    "保健",
    ["进口伟哥 西地那非片 无需处方 隐私包装发货，¥198一盒。"],
    ("contraband", "prescription_medicine", "restrict"),
    "contraband_medicine",
    f"{LICENCE} the Measures for the Supervision of Online Drug Sales",
    categories=("商家自营-保健品",),
)
bad(
    "fr-rule-01",
    "壁纸精选",
    "手机壁纸",
    ["分享到3个好友群后才能下载原图壁纸。"],
    ("platform_rule", "induced_sharing", "warn"),
    "induced_sharing",
    f"{OPS}, section 5.1 (share-gating)",
    categories=("工具-图片",),
)
bad(
    "fr-rule-02",
    "二手车行",
    "二手车",
    ["看中车辆请先交意向金2000元，转账到店长个人银行卡后安排看车。"],
    ("platform_rule", "offplatform_payment", "restrict"),
    "offplatform_payment",
    f"{OPS}; deposit to a personal account",
    categories=("汽车-二手车",),
)
bad(
    "fr-rule-03",
    "小李手作",
    "个人作品",
    ["作品展示页见下方链接。"],
    ("platform_rule", "undeclared_webview", "warn"),
    "personal_webview",
    f"{OPS}, section 3 (personal principals may not use web-view)",
    principal=PERSON,
    categories=("商家自营-饰品",),
    navigation=({"url": "https://li-works.example/gallery", "label": "作品"},),
)


def main() -> None:
    with OUT.open("w", encoding="utf-8") as out:
        for item in build.CASES:
            out.write(json.dumps({**item, "split": "fresh"}, ensure_ascii=False) + "\n")
    negatives = sum(c["hard_negative"] for c in build.CASES)
    print(f"{len(build.CASES)} apps, {negatives} hard negatives -> {OUT}")


if __name__ == "__main__":
    main()
