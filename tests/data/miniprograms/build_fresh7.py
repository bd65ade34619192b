"""Build fresh7.jsonl: the second independent mini-program check set, written blind by the author2 helper.

Written on 2026-12-08 from docs/miniprogram.md (metadata, checks, grades, notices), docs/policy.md and the
platform's published rules (WeChat Mini Program Platform Operating Standards 5.1 / 5.10, the web-view
component's business-domain rules), without reading the judgement's term lists, the detection rules or any
other set's cases. Each case is a whole app (name, description, pages, navigation, contacts), in the styles
of real listings: group-buy leaders, private sellers, shop pages, quizzes, news and service apps; some
offences sit in one field only. Run ``python tests/data/miniprograms/build_fresh7.py`` to rewrite the file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "fresh7.jsonl"
PROVENANCE = "written by the author2 helper, 2026-12-08, modelled on {}"

GRADE = {
    "cash_loan": "ban",
    "counterfeit": "restrict",
    "contraband.drugs": "ban",
    "contraband.weapons": "ban",
    "contraband.wildlife": "ban",
    "contraband.sexual_drugs": "ban",
    "contraband.forged_documents": "ban",
    "contraband.personal_data": "ban",
    "contraband.counterfeit_currency": "ban",  # critical severity, named nowhere in the grade table
    "contraband.prescription_medicine": "restrict",
    "contraband.medical_devices": "restrict",
    "contraband.tobacco": "restrict",
    "contraband.surveillance": "restrict",  # high severity, named nowhere in the grade table
    "platform_rule.induced_sharing": "warn",
    "platform_rule.navigation_hub": "warn",
    "platform_rule.undeclared_webview": "warn",
    "platform_rule.offplatform_payment": "restrict",
}


def appid(seed: str) -> str:
    return "wx" + hashlib.sha256(f"author2:{seed}".encode()).hexdigest()[:16]


def page(path: str, text: str, title: str = "", links: list[Any] | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"path": f"pages/{path}/index", "title": title, "text": text}
    if links:
        item["links"] = links
    return item


def app(
    case_id: str,
    kind: str,
    source: str,
    name: str,
    principal: tuple[str, str],
    pages: list[dict[str, Any]],
    *,
    description: str = "",
    categories: list[str] | None = None,
    qualifications: list[dict[str, str]] | None = None,
    navigation: list[dict[str, str]] | None = None,
    contacts: list[dict[str, str]] | None = None,
    extra: dict[str, Any] | None = None,
    violation: str | None = None,
) -> dict[str, Any]:
    """One case; ``violation`` is ``category`` or ``category.subcategory`` (None: a clean app)."""
    if violation is None:
        expected = {"decision": "allow", "category": None, "subcategory": None, "action": None}
    else:
        category, _, subcategory = violation.partition(".")
        grade = GRADE.get(violation) or GRADE[category]
        expected = {"decision": "block", "category": category, "subcategory": subcategory or None, "action": grade}
    metadata: dict[str, Any] = {
        "appid": appid(case_id),
        "name": name,
        "description": description,
        "principal": {"name": principal[0], "type": principal[1]},
        "categories": categories or [],
        "qualifications": qualifications or [],
        "pages": pages,
        "navigation": navigation or [],
        "contacts": contacts or [],
        "extra": extra or {},
    }
    return {
        "id": case_id,
        "class": kind,
        "hard_negative": violation is None,
        "metadata": metadata,
        "expected": expected,
        "provenance": PROVENANCE.format(source),
        "split": "fresh",
    }


PERSON = ("个人", "individual")


def company(name: str) -> tuple[str, str]:
    return (name, "enterprise")


def wechat(value: str) -> dict[str, str]:
    return {"kind": "wechat", "value": value}


def hub(labels: list[str]) -> list[dict[str, str]]:
    return [{"appid": appid(f"hub-target-{label}"), "label": label} for label in labels]


def violations() -> list[dict[str, Any]]:
    return [
        # ---- cash loans
        app(
            "a2v-loan-01",
            "cash_loan",
            "a loan app registered as a bookkeeping tool",
            "随手周转记",
            company("深圳市快易信息技术有限公司"),
            [
                page("home", "记账、预算一目了然。", "首页"),
                page(
                    "borrow",
                    "💰额度3000-50000\n征信花了也能办 网黑可申请\n最快30分钟到账 按日计息\n点击下方马上申请👇",
                    "急用钱",
                    links=[{"url": "https://h5.kuaiyi-fin.example.com/apply", "text": "马上申请"}],
                ),
            ],
            categories=["工具-记账"],
            violation="cash_loan.predatory_loan",
        ),
        app(
            "a2v-loan-02",
            "cash_loan",
            "a credit 'optimisation' broker's service page",
            "信用优化顾问",
            company("杭州融顺商务咨询有限公司"),
            [
                page(
                    "index",
                    "银行贷款总被拒？我们帮你做资料优化：工作证明、流水、社保代缴一条龙，"
                    "对接20+银行信贷经理，下款后再按额度3%收服务费，不成功不收费。",
                    "服务介绍",
                ),
                page("contact", "添加顾问微信 rs_guwen01 一对一评估", "联系我们"),
            ],
            categories=["商业服务-企业管理"],
            violation="cash_loan.loan_agent",
        ),
        app(
            "a2v-loan-03",
            "cash_loan",
            "a card-repayment 'tool' that cashes out cards",
            "卡卡智还",
            company("广州易卡科技有限公司"),
            [
                page(
                    "home",
                    "信用卡账单还不上？智能代还，空卡也能操作，费率0.58%，资金当天到账。\n"
                    "花呗、白条额度也可帮你变现，9折秒结。",
                    "首页",
                ),
            ],
            description="信用卡管理工具",
            categories=["工具-信息查询"],
            violation="cash_loan.card_cashout",
        ),
        app(
            "a2v-loan-04",
            "cash_loan",
            "a campus life app with a loan page",
            "校园生活圈",
            PERSON,
            [
                page("home", "二手书、拼车、失物招领", "首页"),
                page(
                    "cash",
                    "📣在校生专享📣 学生证+身份证即可借款500-5000元，不联系家长，不影响学籍，宿舍楼下可面签，"
                    "加学姐微信 xuejie_5566 领新人免息券",
                    "零花钱",
                ),
            ],
            categories=["教育-校园服务"],
            violation="cash_loan.student_loan",
        ),
        app(
            "a2v-loan-05",
            "cash_loan",
            "a calculator app that pushes a loan APK",
            "全能计算器Pro",
            company("东莞市数益网络科技有限公司"),
            [
                page("calc", "支持科学计算、单位换算。", "计算器"),
                page(
                    "bonus",
                    "新用户福利：下载「金豆借」APP，首借最高2万，3分钟审核秒到账！",
                    links=[{"url": "https://dl.jindou-app.example.com/jindou_v3.apk", "text": "立即下载"}],
                ),
            ],
            categories=["工具-计算器"],
            violation="cash_loan.loan_app",
        ),
        app(
            "a2v-loan-06",
            "cash_loan",
            "an English payday-advance mini-app",
            "PayBridge Advance",
            company("PayBridge Holdings Ltd"),
            [
                page(
                    "home",
                    "Short before payday? Get an advance of $100–$800 tonight. No credit check, "
                    "no paperwork. Repay automatically on your next payday. Fee $15 per $100.",
                    "Home",
                ),
                page("apply", "Apply in 2 minutes: ID + bank login. Approved instantly.", "Apply"),
            ],
            categories=["工具-信息查询"],
            violation="cash_loan.payday_loan",
        ),
        app(
            "a2v-loan-07",
            "cash_loan",
            "a weather app whose description alone advertises loans",
            "每日天气通",
            PERSON,
            [
                page("index", "今日多云转晴，气温8-16℃，东北风3级。", "今日天气"),
                page("week", "未来七天天气预报与穿衣指数。", "一周预报"),
            ],
            description="天气查询｜急用钱找我 身份证就能借 不看征信 当天放款 v：tq_dk01",
            categories=["工具-天气"],
            violation="cash_loan.predatory_loan",
        ),
        app(
            "a2v-loan-08",
            "cash_loan",
            "a mixed Chinese-English quick-loan pitch",
            "QuickCash 速借",
            company("香港速達財務諮詢有限公司"),
            [
                page(
                    "home",
                    "Loan 3k-50k 🔥 不看credit score，黑白户都OK，秒批秒到账。"
                    "DM 客服 on WhatsApp +852 6123 4567 for fast approval.",
                    "Home",
                ),
            ],
            categories=["工具-效率"],
            violation="cash_loan.predatory_loan",
        ),
        app(
            "a2v-loan-09",
            "cash_loan",
            "a bookkeeping app with one hidden lending page",
            "小鹿账本Lite",
            PERSON,
            [
                page("home", "今天花了多少钱？一键记账，月底自动生成报表。", "首页"),
                page("report", "本月支出 ¥3,420，餐饮占比38%。", "报表"),
                page(
                    "vip",
                    "会员福利：黑户、逾期、负债高都能借，日息千五，额度2千起，加微信 xl_zz888 备注“周转”。",
                    "会员",
                ),
            ],
            categories=["工具-记账"],
            violation="cash_loan.predatory_loan",
        ),
        app(
            "a2v-loan-10",
            "cash_loan",
            "a loan shark pasting a bank's name",
            "建行合作快贷服务中心",
            PERSON,
            [
                page(
                    "home",
                    "建设银行合作渠道，不看征信，无需抵押，最高30万，三天放款。"
                    "客户经理李经理手机 139 1234 5678，微信同号。",
                    "首页",
                ),
            ],
            categories=["金融业-信息服务"],
            violation="cash_loan.predatory_loan",
        ),
        # ---- counterfeits
        app(
            "a2v-cf-01",
            "counterfeit",
            "a private seller's replica bag shop",
            "小仙女轻奢包包",
            PERSON,
            [
                page(
                    "new",
                    "🔥新到 LV老花 onthego 原单五金 一比一 ¥780包邮\n香奈儿cf 顶级复刻 ¥1280\n支持专柜验货，不满意包退",
                    "上新",
                ),
            ],
            contacts=[wechat("xxn_bag520")],
            categories=["服装-箱包"],
            violation="counterfeit.replica_goods",
        ),
        app(
            "a2v-cf-02",
            "counterfeit",
            "an English replica watch store",
            "Timeless Watch Club",
            company("Timeless Trading Co"),
            [
                page(
                    "shop",
                    "Rolex Submariner 126610LN super clone, Clean factory, 3235 movement, "
                    "904L steel, identical to genuine. $460 shipped worldwide. WhatsApp us to order.",
                    "Shop",
                ),
            ],
            categories=["商家自营-钟表"],
            violation="counterfeit.replica_goods",
        ),
        app(
            "a2v-cf-03",
            "counterfeit",
            "a sneaker shop whose page title names the replicas",
            "鞋柜上新",
            company("泉州市晋江趣步贸易有限公司"),
            [
                page("list", "新款到货 ¥298 包邮 尺码36-45 七天无理由", "莆田顶级版 高仿AJ1 倒钩"),
            ],
            categories=["服装-鞋靴"],
            violation="counterfeit.replica_goods",
        ),
        app(
            "a2v-cf-04",
            "counterfeit",
            "a certification 'agency' that skips testing",
            "速证认证服务",
            company("深圳市速证检测咨询有限公司"),
            [
                page("index", "3C、CE、FCC证书代办：不用寄样品，7天出证，包过，可扫码查询。单型号¥1800起。", "业务"),
            ],
            categories=["商业服务-认证服务"],
            violation="counterfeit.fake_certified",
        ),
        app(
            "a2v-cf-05",
            "counterfeit",
            "an English label supplier's catalogue",
            "CertLabel Supply",
            company("Yiwu Brightlabel Printing Co"),
            [
                page(
                    "catalog",
                    "UL and CE holographic certification labels for chargers and power strips, "
                    "rolls of 1,000, no product testing required. MOQ 5 rolls, $38 per roll.",
                    "Catalog",
                ),
            ],
            categories=["商家自营-办公用品"],
            violation="counterfeit.fake_certified",
        ),
        app(
            "a2v-cf-06",
            "counterfeit",
            "a snack wholesaler selling look-alike brands",
            "零食批发仓",
            company("临沂市嘉乐商贸有限公司"),
            [
                page(
                    "goods",
                    "粤利粤夹心饼干 ¥6.5/盒\n雷碧柠檬汽水 ¥28/箱\n康帅傅红烧牛肉面 ¥35/箱\n"
                    "包装和大牌一模一样，一手货源，支持批发。",
                    "商品",
                ),
            ],
            categories=["食品-零食"],
            violation="counterfeit.copycat",
        ),
        app(
            "a2v-cf-07",
            "counterfeit",
            "a 'special supply' liquor seller",
            "名酒内部特供",
            PERSON,
            [
                page(
                    "index",
                    "53度 飞天“茅苔” 酱香型 内部特供渠道 ¥299/瓶（市场价三分之一）\n"
                    "包装同款 送礼有面子 整箱发货 私聊下单",
                    "特供",
                ),
            ],
            contacts=[wechat("mt_tegong")],
            categories=["食品-酒类"],
            violation="counterfeit.copycat",
        ),
        app(
            "a2v-cf-08",
            "counterfeit",
            "a fake platform customer service asking for codes",
            "淘宝退款客服中心官方",
            PERSON,
            [
                page(
                    "refund",
                    "您的订单商品存在质量问题，可申请双倍退款。请填写银行卡号、预留手机号，并输入收到的短信验证码以完成退款。",
                    "退款",
                ),
            ],
            categories=["工具-信息查询"],
            violation="counterfeit.impersonation",
        ),
        app(
            "a2v-cf-09",
            "counterfeit",
            "a clothing shop that sends replicas to a private WeChat",
            "潮流衣橱",
            company("广州市潮衣服饰有限公司"),
            [
                page("home", "秋冬新款卫衣 ¥129，加绒牛仔裤 ¥159。", "首页"),
                page(
                    "vip",
                    "大牌复刻款（巴黎世家、古驰同款logo）不在店里上架，朋友圈看图，加微信 chaoyi_88 私聊。",
                    "VIP专区",
                ),
            ],
            categories=["服装-男装"],
            violation="counterfeit.replica_goods",
        ),
        # ---- contraband
        app(
            "a2v-cb-01",
            "contraband",
            "a party app selling drugs in slang",
            "夜猫派对",
            PERSON,
            [
                page("menu", "冰糖 叶子 K 都有 ❄️🍃 同城两小时送到 量大从优 飞机联系 @yemao_party", "菜单"),
            ],
            categories=["生活服务-娱乐"],
            violation="contraband.drugs",
        ),
        app(
            "a2v-cb-02",
            "contraband",
            "an overseas CBD/THC shop reaching Chinese users",
            "Green Leaf CBD",
            company("Green Leaf Wellness LLC"),
            [
                page(
                    "shop",
                    "THC gummies 25mg x 20 — $35. CBD oil 1000mg — $49. Delta-8 vape carts — $30. "
                    "We ship to China, discreet packaging. 国内可收 包清关。",
                    "Shop",
                ),
            ],
            categories=["商家自营-保健食品"],
            violation="contraband.drugs",
        ),
        app(
            "a2v-cb-03",
            "contraband",
            "a recipe app whose one link text sells drugs",
            "家常菜谱",
            company("成都味道文化传播有限公司"),
            [
                page(
                    "recipe",
                    "红烧肉：五花肉切块焯水，冰糖炒糖色，加生抽老抽小火炖一小时。",
                    "红烧肉",
                    links=[{"url": "https://t.example.org/night_menu", "text": "K粉 叶子 同城配送 加飞机下单"}],
                ),
            ],
            categories=["生活服务-菜谱"],
            violation="contraband.drugs",
        ),
        app(
            "a2v-cb-04",
            "contraband",
            "an 'outdoor gear' app selling air guns",
            "猎人装备库",
            PERSON,
            [
                page("index", "PCP气狗 6.35口径 可打穿木板 ¥3800\n铅弹 消音器 配件齐全\n走物流隐秘发货 私聊", "装备"),
            ],
            categories=["商家自营-户外"],
            violation="contraband.weapons",
        ),
        app(
            "a2v-cb-05",
            "contraband",
            "an antiques app selling ivory and rhino horn",
            "雅集古玩",
            PERSON,
            [
                page("items", "老象牙手串 108颗 ¥6800\n犀角杯 清中期 私聊报价\n穿山甲片 入药 保真", "藏品"),
            ],
            contacts=[wechat("yaji_guwan")],
            categories=["文娱-收藏"],
            violation="contraband.wildlife",
        ),
        app(
            "a2v-cb-06",
            "contraband",
            "an English exotic-pet listing of protected species",
            "Exotic Pets Direct",
            company("Rare Fauna Trading"),
            [
                page(
                    "animals",
                    "Baby slow loris, hand-tame — $1,200. Hornbill casque carvings and pangolin scales "
                    "also available. No CITES papers needed, we ship discreetly.",
                    "Animals",
                ),
            ],
            categories=["商家自营-宠物"],
            violation="contraband.wildlife",
        ),
        app(
            "a2v-cb-07",
            "contraband",
            "a 'health box' app selling sleeping pills",
            "健康小药箱",
            PERSON,
            [
                page("index", "艾司唑仑、佐匹克隆、曲马多 现货\n不用处方 不用问诊\n快递到家 隐私包装", "药品"),
            ],
            categories=["医疗-健康咨询"],
            violation="contraband.prescription_medicine",
        ),
        app(
            "a2v-cb-08",
            "contraband",
            "a mixed-language weight-loss pen seller",
            "SlimPen 减肥针",
            company("上海纤体生物科技有限公司"),
            [
                page(
                    "shop",
                    "Semaglutide pen 司美格鲁肽 现货 ¥899/支\nNo prescription needed，冷链顺丰\nDM 客服下单",
                    "Shop",
                ),
            ],
            categories=["商家自营-美妆"],
            violation="contraband.prescription_medicine",
        ),
        app(
            "a2v-cb-09",
            "contraband",
            "a beauty studio selling injectables to consumers",
            "美颜工坊",
            PERSON,
            [
                page("shop", "进口玻尿酸 1ml ¥260\n水光针套盒 ¥199\n溶脂针 ¥150\n自己在家就能打，附赠视频教程", "商城"),
            ],
            categories=["丽人-美容"],
            violation="contraband.medical_devices",
        ),
        app(
            "a2v-cb-10",
            "contraband",
            "a disposable-vape seller",
            "云雾小铺",
            PERSON,
            [
                page("index", "🌬️一次性电子烟 8000口 ¥39/支\n烟弹 3颗装 ¥69\n顺丰次日达 十支起批", "上新"),
            ],
            categories=["商家自营-数码配件"],
            violation="contraband.tobacco",
        ),
        app(
            "a2v-cb-11",
            "contraband",
            "a cigarette seller behind a liquor shop",
            "老张烟酒行",
            PERSON,
            [
                page("shop", "软中华 整条 ¥450\n黄鹤楼1916 ¥880/条\n全国包邮 免税渠道 一条起发", "商品"),
            ],
            categories=["食品-酒类"],
            violation="contraband.tobacco",
        ),
        app(
            "a2v-cb-12",
            "contraband",
            "an adult shop selling a knock-out liquid",
            "情趣生活馆",
            PERSON,
            [
                page("goods", "乖乖水 无色无味 10分钟见效 ¥198\n催情喷雾 ¥120\n隐私发货", "商品"),
            ],
            categories=["商家自营-成人用品"],
            violation="contraband.sexual_drugs",
        ),
        app(
            "a2v-cb-13",
            "contraband",
            "an invoice and diploma 'service'",
            "企业财税服务",
            company("佛山市诚信财税咨询有限公司"),
            [
                page(
                    "index",
                    "代开增值税专票、普票，点数低，可查验。\n另办毕业证、学位证，学信网可查，本人不用到场。",
                    "服务",
                ),
            ],
            categories=["商业服务-财务"],
            violation="contraband.forged_documents",
        ),
        app(
            "a2v-cb-14",
            "contraband",
            "an English novelty-ID shop",
            "NoveltyID Pro",
            PERSON,
            [
                page(
                    "ids",
                    "Scannable driver's licences, any US state, hologram and UV included. "
                    "$120 for two, ships in 10 days.",
                    "IDs",
                ),
            ],
            categories=["商家自营-礼品"],
            violation="contraband.forged_documents",
        ),
        app(
            "a2v-cb-15",
            "contraband",
            "a 'collector coins' shop selling fake banknotes",
            "钱币收藏阁",
            PERSON,
            [
                page("list", "新版百元 高仿 过验钞机 1比5出 十张起\n美元 欧元 也有 同城面交", "商品"),
            ],
            categories=["文娱-收藏"],
            violation="contraband.counterfeit_currency",
        ),
        app(
            "a2v-cb-16",
            "contraband",
            "a 'customer acquisition' data seller",
            "精准获客助手",
            company("郑州数联营销策划有限公司"),
            [
                page(
                    "data",
                    "车主资料、股民资料、宝妈资料 实名带手机号 1万条¥800\n另有SDK实时采集、验证码拦截接口，按条计费",
                    "数据",
                ),
            ],
            categories=["商业服务-营销"],
            violation="contraband.personal_data",
        ),
        app(
            "a2v-cb-17",
            "contraband",
            "a private-investigator surveillance offer",
            "安心调查",
            PERSON,
            [
                page("svc", "手机定位 查通话记录 查开房记录\n微信聊天记录恢复监控 对方不知情\n48小时出结果", "服务"),
            ],
            categories=["生活服务-咨询"],
            violation="contraband.surveillance",
        ),
        # ---- platform rules
        app(
            "a2v-pr-01",
            "induced_sharing",
            "a personality quiz that gates results on group shares",
            "测测你的前世身份",
            company("长沙趣测网络科技有限公司"),
            [
                page("result", "你的测试结果已生成！\n把本测试转发到3个微信群，回来就能看到完整解读哦～", "结果"),
            ],
            categories=["娱乐-测试"],
            violation="platform_rule.induced_sharing",
        ),
        app(
            "a2v-pr-02",
            "induced_sharing",
            "a quiz game rewarding shares with extra lives and cash",
            "答题赢现金",
            company("南京乐答网络科技有限公司"),
            [
                page("game", "答错了？分享给任意好友即可复活一次，每天分享满5次再送0.88元现金红包！", "答题"),
            ],
            categories=["游戏-休闲"],
            violation="platform_rule.induced_sharing",
        ),
        app(
            "a2v-pr-03",
            "induced_sharing",
            "an English wallpaper app locking downloads behind shares",
            "HD Wallpapers Daily",
            company("Pixel Grove Studio"),
            [
                page(
                    "download",
                    "Share this app with 5 friends to unlock 4K downloads for free. Shared 2/5 — keep going!",
                    "Download",
                ),
            ],
            categories=["工具-图片"],
            violation="platform_rule.induced_sharing",
        ),
        app(
            "a2v-pr-04",
            "offplatform_payment",
            "a community group-buy paid to the leader's personal WeChat",
            "邻里团",
            company("苏州邻里优选电子商务有限公司"),
            [
                page(
                    "order",
                    "今日团购：赣南脐橙 10斤 ¥39.9\n接龙后请把货款转到团长个人微信，转账截图发群里，统一明早配送。",
                    "接龙",
                ),
            ],
            categories=["商家自营-生鲜"],
            violation="platform_rule.offplatform_payment",
        ),
        app(
            "a2v-pr-05",
            "offplatform_payment",
            "a tutoring sign-up taking deposits by personal Alipay",
            "暑期班报名",
            company("合肥启航教育咨询有限公司"),
            [
                page(
                    "signup",
                    "报名请先交定金¥500，转到王老师个人支付宝 133****8821，备注孩子姓名，名额先到先得。",
                    "报名",
                ),
            ],
            categories=["教育-培训机构"],
            violation="platform_rule.offplatform_payment",
        ),
        app(
            "a2v-pr-06",
            "offplatform_payment",
            "an English lesson-booking app asking for a private transfer",
            "Piano Lessons Booking",
            company("Harmony Music Studio"),
            [
                page(
                    "book",
                    "To confirm your slot, please send the $50 deposit to my personal PayPal "
                    "(lily.piano@example.com) before booking. Payments in the app are not used.",
                    "Book",
                ),
            ],
            categories=["教育-培训机构"],
            violation="platform_rule.offplatform_payment",
        ),
        app(
            "a2v-pr-07",
            "undeclared_webview",
            "a mall opening an undeclared promo domain",
            "优品生活馆",
            company("宁波优品供应链管理有限公司"),
            [
                page("home", "冬季家居好物 限时8折。", "首页"),
            ],
            navigation=[{"url": "https://h5.promo-burst.example.net/winter", "label": "冬季会场"}],
            extra={"business_domains": [{"domain": "mall.youpin-life.example.cn", "icp": "浙ICP备18000001号"}]},
            categories=["商家自营-家居"],
            violation="platform_rule.undeclared_webview",
        ),
        app(
            "a2v-pr-08",
            "undeclared_webview",
            "a personal developer embedding a web page",
            "我的读书笔记",
            PERSON,
            [
                page("home", "记录每天读过的书和摘抄。", "首页"),
            ],
            navigation=[{"url": "https://notes.reader-blog.example.com/list", "label": "全部笔记"}],
            categories=["工具-备忘录"],
            violation="platform_rule.undeclared_webview",
        ),
        app(
            "a2v-pr-09",
            "undeclared_webview",
            "a travel club whose declared domain has no ICP filing",
            "周末旅行社",
            company("厦门周末旅行服务有限公司"),
            [
                page("home", "周末短途游：鼓浪屿一日游 ¥168/人。", "首页"),
            ],
            navigation=[{"url": "https://m.weekend-trips.example.com/booking", "label": "在线预订"}],
            extra={"business_domains": [{"domain": "m.weekend-trips.example.com", "icp": ""}]},
            categories=["旅游-旅行社"],
            violation="platform_rule.undeclared_webview",
        ),
        app(
            "a2v-pr-10",
            "navigation_hub",
            "a 'mini-program collection' that only jumps to others",
            "小程序大全",
            company("武汉聚点网络科技有限公司"),
            [
                page("home", "精选好用小程序合集，点一下直接打开。", "首页"),
            ],
            navigation=hub(
                ["记账", "天气", "菜谱", "壁纸", "头像", "测试", "小说", "笑话", "星座", "日历", "翻译", "打卡"]
            ),
            categories=["工具-信息查询"],
            violation="platform_rule.navigation_hub",
        ),
        app(
            "a2v-pr-11",
            "navigation_hub",
            "a ranking page of other games",
            "好玩榜",
            company("广州玩聚网络科技有限公司"),
            [
                page("rank", "本周最火小游戏排行榜，点击即玩！", "排行"),
            ],
            navigation=hub(["消消乐", "跳一跳同款", "合成大西瓜", "羊了个羊同款", "飞刀", "斗地主"]),
            categories=["游戏-休闲"],
            violation="platform_rule.navigation_hub",
        ),
        app(
            "a2v-pr-12",
            "navigation_hub",
            "an English directory of mini-apps",
            "Mini Apps Directory",
            company("AppNest Media"),
            [
                page("home", "Top mini apps this week — tap to open.", "Home"),
            ],
            navigation=hub(
                [
                    "Notes",
                    "Weather",
                    "Recipes",
                    "Fitness",
                    "Quotes",
                    "Translate",
                    "Timer",
                    "Horoscope",
                    "Jokes",
                    "Puzzles",
                ]
            ),
            categories=["工具-信息查询"],
            violation="platform_rule.navigation_hub",
        ),
    ]


def clean_apps() -> list[dict[str, Any]]:
    return [
        app(
            "a2n-01",
            "news",
            "a city news app reporting a loan-fraud arrest",
            "城市晚报",
            company("宁海晚报社"),
            [
                page(
                    "n1",
                    "警方通报：一团伙以“不看征信、当天放款”为诱饵，收取“会员费”“解冻金”后拉黑借款人，涉案120余万元，5人被刑拘。",
                    "本地新闻",
                ),
            ],
            categories=["资讯-新闻"],
        ),
        app(
            "a2n-02",
            "anti_fraud",
            "a police anti-fraud education app",
            "反诈课堂",
            company("某市公安局反诈中心"),
            [
                page(
                    "l1",
                    "凡是声称“黑户也能贷”“先交保证金再放款”的都是诈骗。正规贷款放款前不收任何费用，如遇可疑情况请拨打96110。",
                    "第3课",
                ),
            ],
            categories=["政务民生-公安"],
        ),
        app(
            "a2n-03",
            "bank",
            "a bank's own consumer-loan page with licences",
            "招商银行闪电贷",
            company("招商银行股份有限公司"),
            [
                page(
                    "loan",
                    "闪电贷：年化利率3.4%起，额度最高30万，随借随还。请在招商银行App内申请，或致电95555。",
                    "闪电贷",
                ),
            ],
            categories=["金融业-银行"],
            qualifications=[{"type": "金融许可证", "number": "B0011H144030001", "issuer": "国家金融监督管理总局"}],
        ),
        app(
            "a2n-04",
            "consumer_finance",
            "a licensed consumer-finance company's repayment app",
            "招联好期贷",
            company("招联消费金融股份有限公司"),
            [
                page(
                    "repay", "您的本期账单 ¥1,236.50，还款日12月15日，请在本小程序内还款。年化利率以合同为准。", "还款"
                ),
            ],
            categories=["金融业-消费金融"],
            qualifications=[
                {"type": "金融许可证", "number": "N0013H244030001", "issuer": "国家金融监督管理总局深圳监管局"}
            ],
        ),
        app(
            "a2n-05",
            "pawnshop",
            "a licensed pawnshop's vehicle-pawn page",
            "华兴典当",
            company("杭州华兴典当有限责任公司"),
            [
                page(
                    "biz",
                    "汽车典当、黄金珠宝典当、房产典当。当金当天发放，综合费率按《典当管理办法》执行，须本人持证件到店办理。",
                    "业务",
                ),
            ],
            categories=["金融业-典当"],
            qualifications=[{"type": "典当经营许可证", "number": "33010089", "issuer": "浙江省地方金融监督管理局"}],
        ),
        app(
            "a2n-06",
            "calculator",
            "a mortgage calculator that lends nothing",
            "房贷计算器",
            PERSON,
            [
                page(
                    "calc",
                    "输入贷款金额、年限和年化利率，计算等额本息与等额本金的月供。本工具不提供贷款，仅供参考。",
                    "计算",
                ),
            ],
            categories=["工具-计算器"],
        ),
        app(
            "a2n-07",
            "legal_help",
            "a law firm's loan-dispute consultation",
            "网贷纠纷律师咨询",
            company("上海明衡律师事务所"),
            [
                page(
                    "svc",
                    "遭遇暴力催收、砍头息、利息超过法定上限？执业律师在线解答网贷纠纷，¥99/30分钟，在小程序内预约付款。",
                    "服务",
                ),
            ],
            categories=["商业服务-法律服务"],
        ),
        app(
            "a2n-08",
            "pharmacy",
            "a licensed online pharmacy requiring prescriptions",
            "益民大药房",
            company("益民大药房连锁股份有限公司"),
            [
                page("rx", "处方药需上传医生处方，经执业药师审核后发货。感冒灵颗粒 ¥15.8，维生素C片 ¥9.9。", "药品"),
            ],
            categories=["医疗-药品零售"],
            qualifications=[
                {"type": "药品经营许可证", "number": "浙AA5710123", "issuer": "浙江省药品监督管理局"},
                {
                    "type": "互联网药品信息服务资格证书",
                    "number": "(浙)-经营性-2023-0088",
                    "issuer": "浙江省药品监督管理局",
                },
            ],
        ),
        app(
            "a2n-09",
            "hospital",
            "a hospital's aesthetic clinic page",
            "市一医院整形科",
            company("某市第一人民医院"),
            [
                page(
                    "dept",
                    "注射类项目（玻尿酸、肉毒素）由执业医师在院内操作，所用产品均有国家药监局注册证。请先挂号面诊。",
                    "科室介绍",
                ),
            ],
            categories=["医疗-公立医疗机构"],
            qualifications=[
                {"type": "医疗机构执业许可证", "number": "PDY00001X33010011A1001", "issuer": "市卫生健康委员会"}
            ],
        ),
        app(
            "a2n-10",
            "internet_hospital",
            "an internet hospital's repeat-prescription service",
            "仁和互联网医院",
            company("仁和互联网医院有限公司"),
            [
                page(
                    "visit",
                    "慢病复诊：上传既往病历，医生在线开具电子处方，合作药房配送到家。首诊请到线下医院。",
                    "复诊开药",
                ),
            ],
            categories=["医疗-互联网医院"],
            qualifications=[
                {"type": "医疗机构执业许可证", "number": "MA1GXXXX-33010000", "issuer": "省卫生健康委员会"}
            ],
        ),
        app(
            "a2n-11",
            "treatment",
            "a voluntary rehab centre's booking page",
            "新生康复",
            company("某市自愿戒毒医院"),
            [
                page(
                    "intake",
                    "为海洛因、冰毒、氯胺酮依赖者提供脱毒治疗和心理康复，家属可在线预约评估，全程保密。",
                    "预约",
                ),
            ],
            categories=["医疗-专科医院"],
            qualifications=[{"type": "医疗机构执业许可证", "number": "PDY10002X", "issuer": "市卫生健康委员会"}],
        ),
        app(
            "a2n-12",
            "authentication",
            "a luxury authentication lab",
            "鉴真工作室",
            company("上海鉴真鉴定技术有限公司"),
            [
                page(
                    "svc",
                    "奢侈品鉴定：可鉴别高仿、A货、拼装件，出具鉴定报告。"
                    "门店现场鉴定 ¥150/件，我们不收购也不出售任何商品。",
                    "服务",
                ),
            ],
            categories=["生活服务-鉴定"],
        ),
        app(
            "a2n-13",
            "resale_genuine",
            "a luxury consignment shop selling authenticated goods",
            "奢品寄卖",
            company("北京优奢寄卖有限公司"),
            [
                page(
                    "list",
                    "二手 爱马仕 Birkin 30 金扣 ¥168,000（第三方鉴定证书）\n二手 劳力士 Datejust ¥62,000 附原厂保卡",
                    "在售",
                ),
            ],
            categories=["商家自营-二手"],
        ),
        app(
            "a2n-14",
            "tea_shop",
            "a tea farm shop with declared customer service",
            "龙井茶农直供",
            company("杭州西湖区梅家坞茶叶合作社"),
            [
                page("shop", "明前龙井 ¥380/斤，雨前龙井 ¥220/斤，顺丰包邮。批发请加微信客服咨询。", "商品"),
            ],
            contacts=[wechat("mjw_tea_kefu")],
            categories=["食品-茶叶"],
        ),
        app(
            "a2n-15",
            "pet_shop",
            "a licensed pet shop selling cats and dogs",
            "萌宠之家",
            company("成都萌宠宠物用品有限公司"),
            [
                page("pets", "英短蓝猫 ¥2,800，柯基幼犬 ¥4,500，已打疫苗驱虫，签购买协议，欢迎到店看宠。", "在售宠物"),
            ],
            categories=["商家自营-宠物"],
            qualifications=[
                {"type": "动物防疫条件合格证", "number": "(川)动防合字第2023001号", "issuer": "成都市农业农村局"}
            ],
        ),
        app(
            "a2n-16",
            "tobacco_control",
            "a quit-smoking clinic booking",
            "戒烟门诊预约",
            company("某市第二人民医院"),
            [
                page(
                    "book",
                    "戒烟门诊每周二、四下午开诊，医生一对一制定方案，可开具戒烟药物，预约请选择就诊时间。",
                    "预约",
                ),
            ],
            categories=["医疗-公立医疗机构"],
        ),
        app(
            "a2n-17",
            "vape_policy_news",
            "a news item on e-cigarette rules",
            "烟草观察",
            company("某报业集团"),
            [
                page(
                    "n",
                    "电子烟管理办法规定，电子烟须通过全国统一交易平台销售，禁止网络销售。多地已查扣未经许可的一次性电子烟。",
                    "政策",
                ),
            ],
            categories=["资讯-新闻"],
        ),
        app(
            "a2n-18",
            "customs_news",
            "a customs seizure report",
            "海关在线",
            company("某海关"),
            [
                page("n", "海关在旅客行李中查获象牙制品27件、穿山甲鳞片4.6公斤，案件已移交缉私部门。", "通报"),
            ],
            categories=["政务民生-海关"],
        ),
        app(
            "a2n-19",
            "drug_education",
            "a drug-education page naming slang",
            "禁毒知识问答",
            company("某市禁毒委员会办公室"),
            [
                page("q", "“邮票”“跳跳糖”“奶茶”可能是伪装的新型毒品。发现有人兜售，请拨打110举报。", "科普"),
            ],
            categories=["政务民生-公安"],
        ),
        app(
            "a2n-20",
            "safety_guide",
            "a women's safety guide on drink spiking",
            "她安全",
            company("某公益基金会"),
            [
                page(
                    "g",
                    "聚会时饮料别离开视线。所谓“听话水”“迷药”是违禁药物，喝后头晕乏力请立即向身边人求助并报警。",
                    "指南",
                ),
            ],
            categories=["教育-科普"],
        ),
        app(
            "a2n-21",
            "outdoor_shop",
            "an outdoor shop selling legal knives",
            "山野户外",
            company("昆明山野户外用品有限公司"),
            [
                page("goods", "折叠露营刀（刃长7cm，非管制刀具）¥69，登山杖 ¥89，头灯 ¥59，满99包邮。", "商品"),
            ],
            categories=["商家自营-户外"],
        ),
        app(
            "a2n-22",
            "toy_shop",
            "an English toy shop selling water blasters",
            "Splash Toys",
            company("Splash Toys Ltd"),
            [
                page(
                    "shop",
                    "Water blasters and foam dart sets for summer, ages 6+. Bundle of 3 for $25, free shipping.",
                    "Shop",
                ),
            ],
            categories=["商家自营-玩具"],
        ),
        app(
            "a2n-23",
            "home_security",
            "a home camera shop",
            "智家安防",
            company("深圳智家电子有限公司"),
            [
                page("cam", "家用智能摄像头 360°云台，手机远程看宠物看老人，¥199，请安装在自家可见位置。", "摄像头"),
            ],
            categories=["商家自营-数码"],
        ),
        app(
            "a2n-24",
            "print_shop",
            "a photo and print shop",
            "快印图文",
            company("武汉快印图文有限公司"),
            [
                page("svc", "证件照、名片、宣传单印刷，营业执照复印，立等可取，在线下单到店自取。", "服务"),
            ],
            categories=["生活服务-图文快印"],
        ),
        app(
            "a2n-25",
            "collectibles",
            "a coin dealer selling graded genuine notes",
            "钱币评级商城",
            company("上海泉友钱币有限公司"),
            [
                page("list", "第三套人民币 枣红一角 PMG评级65 ¥1,280，真品保证，附评级证书。", "在售"),
            ],
            categories=["文娱-收藏"],
        ),
        app(
            "a2n-26",
            "bookkeeping",
            "a bookkeeping app with an optional share button",
            "日日记账",
            PERSON,
            [
                page("home", "今天支出 ¥86，本月预算还剩 ¥1,214。觉得好用可以分享给朋友。", "首页"),
            ],
            categories=["工具-记账"],
        ),
        app(
            "a2n-27",
            "group_buy",
            "a group-buy paid inside the app",
            "社区鲜到家",
            company("长沙鲜到家电子商务有限公司"),
            [
                page("order", "今日团购：土鸡蛋 30枚 ¥29.9。请在小程序内下单支付，团长不接受任何私下转账。", "团购"),
            ],
            categories=["商家自营-生鲜"],
        ),
        app(
            "a2n-28",
            "brand_family",
            "a brand jumping to its own two apps",
            "喜茶点单",
            company("深圳美西西餐饮管理有限公司"),
            [
                page("home", "在线点单，到店自取。", "点单"),
            ],
            navigation=[
                {"appid": appid("heytea-mall"), "label": "周边商城"},
                {"appid": appid("heytea-vip"), "label": "会员中心"},
            ],
            categories=["餐饮-饮品"],
        ),
        app(
            "a2n-29",
            "declared_webview",
            "a shop opening its own declared, filed domain",
            "优品生活馆官方",
            company("宁波优品供应链管理有限公司"),
            [
                page("home", "冬季家居好物。", "首页"),
            ],
            navigation=[{"url": "https://mall.youpin-life.example.cn/winter", "label": "冬季会场"}],
            extra={"business_domains": [{"domain": "mall.youpin-life.example.cn", "icp": "浙ICP备18000001号"}]},
            categories=["商家自营-家居"],
        ),
        app(
            "a2n-30",
            "bank",
            "an English bank's own loan page",
            "Harbor Bank Personal Loans",
            company("Harbor National Bank"),
            [
                page(
                    "loans",
                    "Personal loans from 7.49% APR, $2,000–$35,000, subject to credit approval. "
                    "Check your rate in the Harbor Bank app. Member FDIC.",
                    "Loans",
                ),
            ],
            categories=["金融业-银行"],
            qualifications=[
                {"type": "bank charter", "number": "OCC-24518", "issuer": "Office of the Comptroller of the Currency"}
            ],
        ),
        app(
            "a2n-31",
            "pharmacy",
            "an English pharmacy refill app",
            "CarePlus Pharmacy",
            company("CarePlus Pharmacy Inc"),
            [
                page(
                    "refill",
                    "Refill a prescription by scanning your Rx label. Controlled medicines need a valid "
                    "prescription from your doctor. Flu shots available walk-in.",
                    "Refill",
                ),
            ],
            categories=["医疗-药品零售"],
            qualifications=[
                {"type": "药品经营许可证", "number": "PH-2023-7781", "issuer": "State Board of Pharmacy"},
                {"type": "互联网药品信息服务资格证书", "number": "NABP-VIPPS-1881", "issuer": "NABP"},
            ],
        ),
        app(
            "a2n-32",
            "news",
            "an English news report on a drug ring",
            "Metro Daily News",
            company("Metro Media Group"),
            [
                page(
                    "story",
                    "Police say the ring sold MDMA and ketamine through encrypted apps, advertising "
                    "'stealth shipping' at $10 a pill. Six people were charged.",
                    "Crime",
                ),
            ],
            categories=["资讯-新闻"],
        ),
        app(
            "a2n-33",
            "guide",
            "an English guide to spotting fake watches",
            "Watch Spotter",
            PERSON,
            [
                page(
                    "guide",
                    "Real vs fake Submariner: check the 2.5x cyclops, the etched crown at 6 o'clock and the "
                    "rehaut engraving. Replicas often miss the date font.",
                    "Guide",
                ),
            ],
            categories=["教育-科普"],
        ),
        app(
            "a2n-34",
            "resale_genuine",
            "an English second-hand sneaker listing",
            "Sneaker Swap",
            PERSON,
            [
                page(
                    "item",
                    "Nike Air Force 1 '07, size 10, worn twice, original box and receipt. $70, in-app checkout.",
                    "Item",
                ),
            ],
            categories=["商家自营-二手"],
        ),
        app(
            "a2n-35",
            "tea_shop",
            "a mixed-language herb and tea shop",
            "Leaf & Root 草本茶",
            company("Leaf and Root Herbals Ltd"),
            [
                page(
                    "shop", "Chamomile 洋甘菊 100g ¥48，Lavender 薰衣草 50g ¥36，order in the app，顺丰包邮。", "Shop"
                ),
            ],
            categories=["食品-茶叶"],
        ),
        app(
            "a2n-36",
            "adult_policy_news",
            "news on adult-shop rules",
            "市场监管快讯",
            company("某市市场监督管理局"),
            [
                page(
                    "n", "部分成人用品店违规销售含西地那非的所谓保健品，已依法查处，消费者发现可拨打12315举报。", "通报"
                ),
            ],
            categories=["政务民生-市场监管"],
        ),
        app(
            "a2n-37",
            "mortgage",
            "a US mortgage broker's refinance page",
            "Summit Home Lending",
            company("Summit Home Lending LLC"),
            [
                page(
                    "refi",
                    "Rates dropped this week. Refinance your 30-year fixed and lower your payment. "
                    "Free pre-approval. NMLS #998877, Equal Housing Opportunity.",
                    "Refinance",
                ),
            ],
            categories=["金融业-信息服务"],
        ),
        app(
            "a2n-38",
            "cannabis_news",
            "cannabis industry news",
            "Cannabis Business Wire",
            company("CBW Media Inc"),
            [
                page(
                    "n",
                    "Ohio issued its first adult-use dispensary licences on Tuesday; Canopy Growth reported "
                    "quarterly revenue of C$78 million.",
                    "Industry",
                ),
            ],
            categories=["资讯-新闻"],
        ),
        app(
            "a2n-39",
            "regulator",
            "a privacy regulator's enforcement notice",
            "个人信息保护通报",
            company("某省网信办"),
            [
                page("n", "通报：某营销公司非法出售车主、股民信息5万余条，已依法处罚并移送公安机关。", "通报"),
            ],
            categories=["政务民生-网信"],
        ),
        app(
            "a2n-40",
            "guide",
            "a guide to finding hidden cameras in a rental",
            "住宿防偷拍指南",
            company("某公益组织"),
            [
                page(
                    "g",
                    "入住后关灯用手机手电照射烟感、插座、电视机顶盒，看是否有反光小孔；发现针孔摄像头请报警。",
                    "指南",
                ),
            ],
            categories=["教育-科普"],
        ),
        app(
            "a2n-41",
            "student_aid",
            "a state student-aid information page",
            "国家助学贷款指南",
            company("某大学学生资助中心"),
            [
                page(
                    "info",
                    "家庭经济困难学生可向生源地县级资助中心申请国家助学贷款，在校期间免息。请勿相信校外任何“校园贷”。",
                    "办理流程",
                ),
            ],
            categories=["教育-高等院校"],
        ),
        app(
            "a2n-42",
            "cert_lookup",
            "a 3C certificate lookup tool",
            "3C证书查询",
            PERSON,
            [
                page(
                    "q",
                    "输入证书编号，跳转认监委官网查询真伪。查不到的3C标志可能是伪造，请向市场监管部门反映。",
                    "查询",
                ),
            ],
            categories=["工具-信息查询"],
        ),
    ]


def main() -> None:
    cases = violations() + clean_apps()
    assert len({case["id"] for case in cases}) == len(cases)
    with OUT.open("w", encoding="utf-8") as out:
        for case in cases:
            out.write(json.dumps(case, ensure_ascii=False) + "\n")
    negatives = sum(case["hard_negative"] for case in cases)
    print(f"{OUT.name}: {len(cases)} apps, {negatives} hard negatives ({negatives / len(cases):.0%})")


if __name__ == "__main__":
    main()
