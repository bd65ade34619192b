"""Build fresh6.jsonl: the independent mini-program check set, written blind.

Every case was written by hand from docs/miniprogram.md (metadata format, checks, grades), docs/policy.md
and the platform's published operating rules, without reading the judgement's term lists, the detection
rules or the other sets' cases. ``devstack.evaluate_miniprogram`` scores it as "fresh6"; nothing is tuned
on it. Run ``python tests/data/miniprograms/build_fresh6.py`` to rewrite the file; add cases rather than
editing ones a change was measured on.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("fresh6.jsonl")
WRITTEN = "written by the author helper, 2026-12-08, blind (no rule, term list or other case read), modelled on"

# The grade table of docs/miniprogram.md: the action each blocked subcategory expects.
GRADES = {
    "cash_loan": "ban",
    "contraband.drugs": "ban",
    "contraband.forged_documents": "ban",
    "contraband.medical_devices": "restrict",
    "contraband.personal_data": "ban",
    "contraband.prescription_medicine": "restrict",
    "contraband.sexual_drugs": "ban",
    "contraband.tobacco": "restrict",
    "contraband.weapons": "ban",
    "contraband.wildlife": "ban",
    "contraband.surveillance": "restrict",  # not in the table: graded by its severity (high)
    "contraband.counterfeit_currency": "ban",  # not in the table: graded by its severity (critical)
    "counterfeit.copycat": "restrict",
    "counterfeit.fake_certified": "restrict",
    "counterfeit.impersonation": "restrict",
    "counterfeit.replica_goods": "restrict",
    "platform_rule.induced_sharing": "warn",
    "platform_rule.navigation_hub": "warn",
    "platform_rule.offplatform_payment": "restrict",
    "platform_rule.undeclared_webview": "warn",
}

ALLOW = {"decision": "allow", "category": None, "subcategory": None, "action": None}


def block(category: str, subcategory: str) -> dict[str, Any]:
    grade = GRADES.get(f"{category}.{subcategory}") or GRADES[category]
    return {"decision": "block", "category": category, "subcategory": subcategory, "action": grade}


def page(
    path: str, title: str, text: str, links: list[Any] | None = None, images: list[str] | None = None
) -> dict[str, Any]:
    built: dict[str, Any] = {"path": path, "title": title, "text": text}
    if links:
        built["links"] = links
    if images:
        built["images"] = images
    return built


def link(url: str, text: str) -> dict[str, str]:
    return {"url": url, "text": text}


def enterprise(name: str, registration_id: str = "") -> dict[str, str]:
    principal = {"name": name, "type": "enterprise"}
    if registration_id:
        principal["registration_id"] = registration_id
    return principal


def individual(name: str) -> dict[str, str]:
    return {"name": name, "type": "individual"}


def licence(kind: str, number: str, issuer: str) -> dict[str, str]:
    return {"type": kind, "number": number, "issuer": issuer}


CASES: list[dict[str, Any]] = []


def case(
    case_id: str,
    kind: str,
    expected: dict[str, Any],
    model: str,
    *,
    name: str,
    principal: dict[str, str],
    description: str = "",
    categories: list[str] | None = None,
    qualifications: list[dict[str, str]] | None = None,
    pages: list[dict[str, Any]] | None = None,
    navigation: list[dict[str, str]] | None = None,
    contacts: list[dict[str, str]] | None = None,
    extra: dict[str, Any] | None = None,
) -> None:
    appid = "wx" + hashlib.sha256(f"fresh6:{case_id}".encode()).hexdigest()[:16]
    metadata: dict[str, Any] = {"appid": appid, "name": name, "principal": principal}
    for key, value in (
        ("description", description),
        ("categories", categories),
        ("qualifications", qualifications),
        ("pages", pages),
        ("navigation", navigation),
        ("contacts", contacts),
        ("extra", extra),
    ):
        if value:
            metadata[key] = value
    CASES.append(
        {
            "id": f"fresh6-{case_id}",
            "split": "fresh6",
            "class": kind,
            "hard_negative": expected["decision"] == "allow",
            "expected": expected,
            "metadata": metadata,
            "provenance": f"{WRITTEN} {model}",
        }
    )


# ---------------------------------------------------------------- clean apps (hard negatives)

case(
    "bank-consumer-loan",
    "licensed_bank",
    ALLOW,
    "a rural commercial bank's own consumer-loan mini-program",
    name="江南农商银行",
    principal=enterprise("江苏江南农村商业银行股份有限公司", "91320400MA1XXXXXX1"),
    description="江南农商银行官方小程序：账户查询、理财、个人消费贷款申请。",
    categories=["金融业-银行"],
    qualifications=[licence("金融许可证", "B1035H232040001", "国家金融监督管理总局常州监管分局")],
    pages=[
        page(
            "pages/loan/index",
            "幸福e贷",
            (
                "幸福e贷是本行个人消费贷款产品，年化利率（单利）3.6%起，额度最高30万元，用于装修、教育、旅游等消费。"
                "申请以本行审批结果为准，请通过本小程序或本行网点办理，客服热线96005。"
            ),
        )
    ],
    contacts=[{"kind": "phone", "value": "96005"}],
)

case(
    "pawnshop-vehicle",
    "licensed_pawnshop",
    ALLOW,
    "a licensed pawnshop's vehicle-pawn page",
    name="恒通典当",
    principal=enterprise("杭州恒通典当有限责任公司"),
    description="恒通典当：民品典当、房产典当、机动车质押典当，持证经营。",
    categories=["金融业-典当"],
    qualifications=[licence("典当经营许可证", "33011000123", "浙江省地方金融监督管理局")],
    pages=[
        page(
            "pages/car/index",
            "汽车典当",
            (
                "机动车质押典当：车辆入库评估后发放当金，当期最短5天最长6个月，综合费率按国家规定执行。需携带行驶证、"
                "登记证书及本人身份证到店办理。"
            ),
        )
    ],
)

case(
    "microloan-company",
    "licensed_microloan",
    ALLOW,
    "a licensed microloan company's product page",
    name="金桥小贷",
    principal=enterprise("成都金桥小额贷款有限公司"),
    description="持牌小额贷款公司，为本地个体工商户提供经营性贷款。",
    categories=["金融业-小额贷款"],
    qualifications=[licence("小额贷款公司经营许可证", "川金小贷〔2019〕12号", "四川省地方金融监督管理局")],
    pages=[
        page(
            "pages/product/index",
            "经营贷",
            (
                "个体工商户经营贷，年化利率不超过15.4%，不收取任何前期费用，利息从放款后开始计算。"
                "需提供营业执照和经营流水，审批结果以我司风控为准。"
            ),
        )
    ],
)

case(
    "mortgage-calculator",
    "calculator",
    ALLOW,
    "a mortgage-calculator tool",
    name="房贷计算器Pro",
    principal=individual("周敏"),
    description="等额本息、等额本金房贷月供计算，支持公积金组合贷。本工具只做计算，不提供贷款。",
    categories=["工具-计算器"],
    pages=[
        page(
            "pages/index/index",
            "月供计算",
            (
                "输入贷款总额、贷款年限和年化利率，即可算出每月还款额和总利息。"
                "提前还款计算器可比较缩短年限与减少月供两种方式。"
            ),
        )
    ],
)

case(
    "police-anti-fraud",
    "anti_fraud_education",
    ALLOW,
    "a police anti-fraud education mini-program",
    name="反诈课堂",
    principal=enterprise("某市公安局反电信网络诈骗中心"),
    description="公安机关反诈宣传：典型案例、防骗口诀、一键举报。",
    categories=["政务民生-公安"],
    pages=[
        page(
            "pages/case/1",
            "案例：网贷“解冻费”",
            (
                "市民李女士看到“不看征信、黑户也能贷、当天到账”的广告后添加对方微信，"
                "被以“解冻费”“保证金”为名骗走两万元。警方提示：放款前要求交钱的都是诈骗。"
            ),
        ),
        page(
            "pages/report/index",
            "一键举报",
            "如发现有人以“代办信用卡”“高仿名表”“低价香烟”等名义私聊招揽，请立即举报或拨打96110。",
        ),
    ],
)

case(
    "finance-news",
    "news",
    ALLOW,
    "a financial news mini-program",
    name="财经早知道",
    principal=enterprise("上海观澜传媒有限公司"),
    description="每日财经新闻、市场解读。",
    categories=["资讯-新闻"],
    pages=[
        page(
            "pages/article/8812",
            "多地警方打击非法放贷",
            (
                "多地警方近日集中打击非法放贷，查处以“学生贷”“裸条贷”为名放贷的团伙十余个。据通报，"
                "部分平台借一万元实际到手仅六千元，周息高达30%。"
            ),
        ),
        page(
            "pages/article/8813",
            "海关查获假冒手表",
            "海关在快件中查获侵权手表八百余只，这些手表在网上以“原单”“1:1”为卖点，每只售价八百元左右。",
        ),
    ],
)

case(
    "hospital-clinic",
    "licensed_hospital",
    ALLOW,
    "a hospital's online clinic",
    name="仁和医院互联网医院",
    principal=enterprise("仁和医院有限公司"),
    description="复诊开方、药品配送、医美科预约。",
    categories=["医疗-公立医疗机构", "医疗-互联网医院"],
    qualifications=[licence("医疗机构执业许可证", "PDY12345644010015A1001", "广州市卫生健康委员会")],
    pages=[
        page("pages/consult/index", "在线复诊", "复诊患者可在线问诊，由本院执业医师开具电子处方，药师审核后配送到家。"),
        page(
            "pages/beauty/index",
            "医疗美容科",
            "玻尿酸填充、肉毒素注射由本院医生在诊室内操作，所用产品均为国家批准的医疗器械和药品，请先预约面诊。",
        ),
    ],
)

case(
    "pharmacy-online",
    "licensed_pharmacy",
    ALLOW,
    "a chain pharmacy's online store",
    name="百福大药房",
    principal=enterprise("百福大药房连锁有限公司"),
    description="非处方药、保健品在线购买，处方药凭处方购买。",
    categories=["医疗-药店"],
    qualifications=[
        licence("药品经营许可证", "粤AA0201234", "广东省药品监督管理局"),
        licence("互联网药品信息服务资格证书", "(粤)-经营性-2024-0123", "广东省药品监督管理局"),
    ],
    pages=[
        page(
            "pages/rx/index",
            "处方药购买须知",
            "购买处方药须上传有效处方或由合作互联网医院医生开方，经执业药师审核后发货。唑吡坦等精神药品不在线销售。",
        ),
        page("pages/otc/index", "感冒用药", "布洛芬缓释胶囊 ¥19.8，连花清瘟胶囊 ¥29.5，满59元包邮。"),
    ],
)

case(
    "authentication-lab",
    "authentication",
    ALLOW,
    "a luxury-goods authentication lab",
    name="真品鉴定中心",
    principal=enterprise("深圳真品鉴定技术服务有限公司"),
    description="箱包、腕表、珠宝真伪鉴定，出具鉴定证书。",
    categories=["生活服务-鉴定"],
    pages=[
        page(
            "pages/service/index",
            "鉴定服务",
            (
                "专业鉴定师可识别高仿、A货、超A、拼装表等各类仿品。箱包鉴定每件150元，腕表鉴定每只300元，"
                "寄送鉴定3个工作日出结果。本中心只做鉴定，不买卖任何商品。"
            ),
        )
    ],
)

case(
    "official-sportswear",
    "official_brand_shop",
    ALLOW,
    "a sportswear brand's official store",
    name="李宁官方商城",
    principal=enterprise("李宁（中国）体育用品有限公司"),
    description="李宁官方线上商城，正品保障。",
    categories=["商业服务-服装"],
    pages=[page("pages/goods/1001", "超轻21 跑鞋", "李宁超轻21跑鞋，¥599，七天无理由退换，顺丰包邮。")],
)

case(
    "consignment-luxury",
    "second_hand_luxury",
    ALLOW,
    "a second-hand luxury consignment shop",
    name="优奢寄卖",
    principal=enterprise("上海优奢二手商品经营有限公司"),
    description="二手奢侈品寄卖，每件经鉴定师查验，拒收仿品。",
    categories=["商业服务-二手交易"],
    pages=[
        page(
            "pages/item/2231",
            "LV Speedy 30 九成新",
            (
                "2019年购于上海专柜，附购物小票和防尘袋，经本店鉴定师查验为正品，售价¥6,800，支持第三方复检，"
                "不符全额退款。"
            ),
        )
    ],
)

case(
    "quit-smoking",
    "tobacco_control",
    ALLOW,
    "a tobacco-control service",
    name="戒烟小助手",
    principal=enterprise("某市疾病预防控制中心"),
    description="戒烟打卡、戒烟门诊查询、戒烟热线。",
    categories=["政务民生-卫生健康"],
    pages=[
        page(
            "pages/help/index",
            "戒烟门诊",
            "全市12家医院设有戒烟门诊，提供尼古丁替代疗法和心理辅导。电子烟同样含有尼古丁，不是戒烟工具。",
        )
    ],
)

case(
    "addiction-helpline",
    "addiction_treatment",
    ALLOW,
    "a voluntary drug-treatment centre",
    name="新生戒毒康复",
    principal=enterprise("某省自愿戒毒医院"),
    description="自愿戒毒、心理康复、家属咨询。",
    categories=["医疗-专科医院"],
    qualifications=[licence("医疗机构执业许可证", "PDY00012343010017A1001", "某省卫生健康委员会")],
    pages=[
        page(
            "pages/index/index",
            "我们能帮什么",
            "我们为冰毒、海洛因、氯胺酮依赖者提供自愿戒治，全程保密，不登记不通报。家属可来电咨询。",
        )
    ],
)

case(
    "wildlife-ngo",
    "conservation",
    ALLOW,
    "a conservation NGO's reporting app",
    name="守护野生动物",
    principal=enterprise("某野生动物保护基金会"),
    description="野生动物保护科普与违法线索举报。",
    categories=["公益-环保"],
    pages=[
        page(
            "pages/learn/index",
            "这些都不能买",
            (
                "象牙、犀角、穿山甲鳞片、玳瑁制品均属违法交易物品。网上以“老料”“包老”为名出售的，多为违法商品。"
                "如发现有人私聊兜售，请通过本程序举报。"
            ),
        )
    ],
)

case(
    "knife-shop-legal",
    "ordinary_shop",
    ALLOW,
    "a kitchen-knife shop",
    name="匠心刀具",
    principal=enterprise("阳江匠心刀具有限公司"),
    description="厨房刀具、水果刀、磨刀石。",
    categories=["商业服务-家居日用"],
    pages=[page("pages/goods/1", "菜刀三件套", "不锈钢菜刀三件套 ¥129，包邮。本店只售厨房用刀，不售任何管制刀具。")],
)

case(
    "pet-shop",
    "ordinary_shop",
    ALLOW,
    "a pet shop",
    name="萌宠之家",
    principal=enterprise("萌宠之家宠物用品有限公司"),
    description="猫粮狗粮、宠物用品、家养宠物。",
    categories=["商业服务-宠物"],
    pages=[
        page(
            "pages/pets/index",
            "待领养与在售",
            "英短蓝猫幼崽 ¥2,500，已打疫苗，附防疫证。本店不经营任何野生动物和保护动物。",
        )
    ],
)

case(
    "seafood-restaurant",
    "ordinary_shop",
    ALLOW,
    "a seafood restaurant",
    name="渔港海鲜",
    principal=enterprise("湛江渔港餐饮有限公司"),
    description="海鲜外卖、订座。",
    categories=["餐饮-餐馆"],
    pages=[
        page(
            "pages/menu/index",
            "今日海鲜",
            "清蒸石斑 ¥168，椒盐濑尿虾 ¥98，蒜蓉扇贝 ¥12/只。本店不售任何国家保护水生动物。",
        )
    ],
)

case(
    "clothing-declared-service",
    "declared_contact",
    ALLOW,
    "a clothing shop with declared customer service",
    name="素衣坊女装",
    principal=enterprise("杭州素衣坊服饰有限公司"),
    description="原创女装，小程序内下单。",
    categories=["商业服务-服装"],
    pages=[
        page("pages/goods/77", "亚麻衬衫", "原创亚麻衬衫 ¥239，小程序内下单，48小时发货。团体定制请加微信客服咨询。")
    ],
    contacts=[{"kind": "wechat", "value": "suyifang_kf"}],
)

case(
    "grocery-delivery",
    "ordinary_shop",
    ALLOW,
    "a grocery delivery app",
    name="鲜到家",
    principal=enterprise("鲜到家电子商务有限公司"),
    description="生鲜蔬果30分钟送达。",
    categories=["商业服务-生鲜"],
    pages=[
        page("pages/index/index", "今日特价", "阳光玫瑰葡萄 ¥19.9/斤，土鸡蛋30枚 ¥32，小程序内微信支付，30分钟送达。")
    ],
)

case(
    "group-buy-voluntary",
    "voluntary_sharing",
    ALLOW,
    "a group-buying app",
    name="邻里拼",
    principal=enterprise("邻里拼网络科技有限公司"),
    description="社区团购。",
    categories=["商业服务-团购"],
    pages=[
        page(
            "pages/deal/5",
            "五常大米拼团",
            "五常大米10斤 ¥59，三人成团。觉得好可以分享给邻居一起拼，不分享也能按单买价购买。",
        )
    ],
)

case(
    "declared-webview",
    "declared_webview",
    ALLOW,
    "a museum with a declared web-view",
    name="城市博物馆导览",
    principal=enterprise("某市博物馆"),
    description="展览信息、语音导览、预约参观。",
    categories=["文化-博物馆"],
    pages=[page("pages/index/index", "本周展览", "青铜器特展，免费预约参观。")],
    navigation=[{"url": "https://www.citymuseum-example.cn/exhibit/2026", "label": "展览详情"}],
    extra={"business_domains": [{"domain": "www.citymuseum-example.cn", "icp": "苏ICP备12345678号-1"}]},
)

case(
    "own-app-jumps",
    "navigation_ok",
    ALLOW,
    "a chain restaurant jumping to its own apps",
    name="食味小馆点餐",
    principal=enterprise("食味餐饮管理有限公司"),
    description="扫码点餐、会员积分。",
    categories=["餐饮-快餐"],
    pages=[page("pages/index/index", "点餐", "招牌牛肉面 ¥26，小程序内支付。")],
    navigation=[{"appid": "wx1a2b3c4d5e6f7081", "label": "会员中心"}, {"appid": "wx1a2b3c4d5e6f7082", "label": "外卖"}],
)

case(
    "expat-guide-en",
    "english_info",
    ALLOW,
    "an English expat guide",
    name="Shanghai Expat Guide",
    principal=enterprise("Bund Media Co., Ltd."),
    description="Visa rules, hospitals with English service, and city news for foreigners in Shanghai.",
    categories=["资讯-生活"],
    pages=[
        page(
            "pages/news/12",
            "Police warn about fake visa agents",
            (
                "Police say agents on social media offer 'guaranteed work permits' and fake diplomas for a fee. Only "
                "apply through the exit-entry bureau or your employer."
            ),
        ),
        page(
            "pages/health/index",
            "Hospitals",
            "Hospitals with English-speaking doctors, opening hours and appointment lines.",
        ),
    ],
)

case(
    "bank-english",
    "licensed_bank",
    ALLOW,
    "a foreign bank's China personal-loan page in English",
    name="Harbour Bank China",
    principal=enterprise("Harbour Bank (China) Company Limited"),
    description="Personal banking for customers in China.",
    categories=["金融业-银行"],
    qualifications=[licence("金融许可证", "B0123H131000001", "National Financial Regulatory Administration")],
    pages=[
        page(
            "pages/loan/index",
            "Personal loan",
            (
                "Personal instalment loan from RMB 10,000, annual interest rate from 4.2%. Subject to the bank's "
                "credit approval. Apply in this mini-program or call our hotline 800-820-0000."
            ),
        )
    ],
)

case(
    "coffee-mixed",
    "ordinary_shop",
    ALLOW,
    "a café ordering app in mixed language",
    name="Bean There 咖啡",
    principal=enterprise("上海豆在咖啡有限公司"),
    description="Order ahead, pick up in store. 到店自取。",
    categories=["餐饮-咖啡"],
    pages=[
        page(
            "pages/menu/index",
            "Menu 菜单",
            "Latte 拿铁 ¥28, Flat White ¥30, 燕麦拿铁 oat latte ¥32. Pay in the mini-program, pick up in 10 minutes.",
        )
    ],
)

case(
    "card-instalment-bank",
    "licensed_bank",
    ALLOW,
    "a bank card centre's instalment page",
    name="华夏信用卡服务",
    principal=enterprise("华夏银行股份有限公司"),
    description="信用卡账单查询、账单分期、积分兑换。",
    categories=["金融业-银行"],
    qualifications=[licence("金融许可证", "B0013H111000001", "国家金融监督管理总局")],
    pages=[
        page(
            "pages/instalment/index",
            "账单分期",
            (
                "本期账单可申请分期，12期每期手续费率0.6%。请在本小程序内办理，或致电本行信用卡客服。"
                "严禁任何形式的信用卡套现。"
            ),
        )
    ],
)

case(
    "car-dealer-finance",
    "dealer_finance",
    ALLOW,
    "a car dealer with manufacturer finance",
    name="远航4S店",
    principal=enterprise("佛山远航汽车销售服务有限公司"),
    description="新车销售、试驾预约、售后保养。",
    categories=["商业服务-汽车"],
    pages=[
        page(
            "pages/finance/index",
            "购车金融",
            "首付20%起，贷款由厂家汽车金融公司及合作银行审批发放，以审批结果为准。本店不收取任何金融服务费。",
        )
    ],
)

case(
    "otc-only-pharmacy",
    "licensed_pharmacy",
    ALLOW,
    "a pharmacy selling non-prescription goods",
    name="健民药房",
    principal=enterprise("健民药房有限公司"),
    description="非处方药、医疗器械、保健食品。",
    categories=["医疗-药店"],
    qualifications=[licence("药品经营许可证", "湘CA7310123", "湖南省药品监督管理局")],
    pages=[
        page(
            "pages/index/index",
            "本店说明",
            "本小程序仅销售非处方药和保健食品，不销售处方药。维生素C片 ¥15.8，医用外科口罩50只 ¥25。",
        )
    ],
)

case(
    "optician-lenses",
    "licensed_devices",
    ALLOW,
    "an optician selling contact lenses with a device licence",
    name="明视眼镜",
    principal=enterprise("明视眼镜连锁有限公司"),
    description="验光配镜、隐形眼镜。",
    categories=["医疗-医疗器械"],
    qualifications=[licence("医疗器械经营许可证", "苏苏食药监械经营许20190123号", "苏州市市场监督管理局")],
    pages=[page("pages/lens/index", "隐形眼镜", "月抛隐形眼镜 ¥128/盒，首次佩戴请先到店验光。")],
)

case(
    "beauty-salon-nonmedical",
    "ordinary_shop",
    ALLOW,
    "a non-medical beauty salon",
    name="悦颜美容",
    principal=enterprise("悦颜美容有限公司"),
    description="面部护理、美甲。",
    categories=["生活服务-美容美发"],
    pages=[
        page(
            "pages/index/index",
            "项目价格",
            "补水面部护理 ¥198，美甲 ¥88。本店不做任何注射类项目，如需玻尿酸等医美项目请到正规医疗机构。",
        )
    ],
)

case(
    "housing-fund",
    "government_service",
    ALLOW,
    "a housing-provident-fund query",
    name="公积金查询",
    principal=enterprise("某市住房公积金管理中心"),
    description="公积金余额查询、贷款额度测算、提取预约。",
    categories=["政务民生-公积金"],
    pages=[
        page(
            "pages/loan/index",
            "贷款额度测算",
            "按缴存余额和缴存基数测算公积金贷款可贷额度，测算结果仅供参考，申请请到管理中心或受托银行办理。",
        )
    ],
)

case(
    "vape-harm-education",
    "public_health",
    ALLOW,
    "a school health-education app",
    name="青少年健康课",
    principal=enterprise("某区教育局"),
    description="健康教育课程。",
    categories=["教育-在线教育"],
    pages=[
        page(
            "pages/lesson/7",
            "电子烟的危害",
            "一次性电子烟常伪装成水果口味，尼古丁含量高。国家禁止向未成年人销售电子烟，也禁止在网上销售电子烟。",
        )
    ],
)

case(
    "company-data-api",
    "data_saas",
    ALLOW,
    "a company-registry data SaaS",
    name="企信查",
    principal=enterprise("企信数据科技有限公司"),
    description="企业工商信息查询，数据来源于公开的企业信用信息公示系统。",
    categories=["工具-信息查询"],
    pages=[
        page(
            "pages/index/index",
            "企业查询",
            "输入企业名称即可查看注册资本、股东、经营范围。本平台不提供任何个人信息查询。",
        )
    ],
)

case(
    "camera-official",
    "official_brand_shop",
    ALLOW,
    "a home-camera brand's official shop",
    name="小眸智能官方店",
    principal=enterprise("小眸智能科技有限公司"),
    description="家用智能摄像头官方商城。",
    categories=["商业服务-数码"],
    pages=[page("pages/goods/3", "室内云台摄像机", "2K室内云台摄像机 ¥199，支持隐私遮蔽，安装在公共区域请张贴提示。")],
)

case(
    "gold-jeweller",
    "ordinary_shop",
    ALLOW,
    "a gold jeweller",
    name="周氏金店",
    principal=enterprise("周氏珠宝首饰有限公司"),
    description="黄金、铂金首饰。",
    categories=["商业服务-珠宝"],
    pages=[page("pages/price/index", "今日金价", "足金首饰 ¥768/克，工费另计，每件附国家珠宝玉石质量检验中心证书。")],
)

case(
    "campus-aid-en",
    "english_info",
    ALLOW,
    "a university student-aid office",
    name="Campus Aid Office",
    principal=enterprise("Sino-British University Student Affairs"),
    description="Scholarships, hardship grants and part-time jobs on campus.",
    categories=["教育-高等院校"],
    pages=[
        page(
            "pages/grants/index",
            "Hardship grants",
            (
                "Students facing unexpected costs can apply for a non-repayable grant of up to RMB 3,000. Beware of "
                "flyers offering 'student loans with only your student ID' - they are not from the university."
            ),
        )
    ],
)

case(
    "brand-verify",
    "brand_protection",
    ALLOW,
    "a brand's anti-counterfeit verification app",
    name="青山酒业防伪查询",
    principal=enterprise("青山酒业股份有限公司"),
    description="扫描瓶盖二维码验证真伪。",
    categories=["工具-信息查询"],
    pages=[
        page(
            "pages/verify/index",
            "防伪查询",
            (
                "扫描瓶盖内二维码即可查询真伪。近期有人以“内部特供”“厂家直供低价”名义兜售假冒本公司白酒，"
                "请通过授权经销商购买。"
            ),
        )
    ],
)

case(
    "liquor-official",
    "official_brand_shop",
    ALLOW,
    "a liquor maker's official store",
    name="青山酒业官方商城",
    principal=enterprise("青山酒业股份有限公司"),
    description="青山酒业官方直营。",
    categories=["商业服务-酒类"],
    qualifications=[licence("酒类流通备案登记表", "3201000123", "南京市商务局")],
    pages=[page("pages/goods/1", "青山53度 500ml", "青山53度 500ml 官方指导价 ¥1,499，每人限购两瓶，小程序内支付。")],
)

# ---------------------------------------------------------------- cash loans

case(
    "loan-as-bookkeeping",
    "loan_registered_as_tool",
    block("cash_loan", "predatory_loan"),
    "a loan funnel registered as a tool",
    name="小鹿记账",
    principal=individual("陈晓东"),
    description="记账工具，轻松管理收支。",
    categories=["工具-记账"],
    pages=[
        page("pages/index/index", "记账", "今日支出0元。"),
        page(
            "pages/vip/index",
            "急用钱",
            "急用钱？黑户白户都能借，不查征信，凭身份证最快20分钟放款，加微信 lu-8821 领额度。",
        ),
    ],
)

case(
    "loan-agent-description",
    "loan_agent_in_description",
    block("cash_loan", "loan_agent"),
    "a loan-agency mini-program",
    name="融易通",
    principal=enterprise("某某信息咨询有限公司"),
    description="专业包装征信和流水，代办大额信用贷，下款后收取5%服务费。",
    categories=["商业服务-咨询"],
    pages=[page("pages/index/index", "关于我们", "一对一顾问服务，全国可办。")],
)

case(
    "card-repay-agent",
    "card_cashout",
    block("cash_loan", "card_cashout"),
    "a card-repayment agent",
    name="卡管家",
    principal=individual("王磊"),
    description="信用卡智能管理。",
    categories=["工具-信息查询"],
    pages=[
        page(
            "pages/service/index",
            "代还服务",
            "空卡代还，不用垫资，费率千五，全国信用卡通用。扫码添加客服微信 kgj_2026 发送卡号即可操作。",
        )
    ],
)

case(
    "campus-instalment",
    "student_loan",
    block("cash_loan", "student_loan"),
    "a campus cash-instalment app",
    name="校园优分期",
    principal=enterprise("某某网络科技有限公司"),
    description="大学生专属分期服务。",
    categories=["商业服务-电商"],
    pages=[
        page(
            "pages/cash/index",
            "现金分期",
            "在校大学生凭学生证即可申请，最高8000元现金，无需父母同意，不上征信，当天到账。",
        )
    ],
)

case(
    "loan-apk-in-link-text",
    "loan_app_link",
    block("cash_loan", "loan_app"),
    "a loan-app download funnel",
    name="钱包助手",
    principal=individual("刘洋"),
    description="生活小工具。",
    categories=["工具-效率"],
    pages=[
        page(
            "pages/index/index",
            "首页",
            "常用工具合集。",
            links=[link("https://dl.qianbao-zs.cn/qbzs_v3.apk", "下载钱包App 新户秒借5000 不看征信")],
        )
    ],
)

case(
    "payday-english",
    "payday_english",
    block("cash_loan", "payday_loan"),
    "an English payday-advance app",
    name="PayDay Now",
    principal=individual("Li Wei"),
    description="Salary advance for workers.",
    categories=["工具-效率"],
    pages=[
        page(
            "pages/index/index",
            "Get paid early",
            (
                "Payday advance up to RMB 5,000 before your salary arrives. No credit check, money in 10 minutes, "
                "repay on payday with a 15% fee. Add WeChat paydaynow88 to apply."
            ),
        )
    ],
)

case(
    "loan-in-title-only",
    "loan_in_title",
    block("cash_loan", "predatory_loan"),
    "a loan page whose offer is only in its title",
    name="生活服务站",
    principal=individual("赵敏"),
    description="便民服务。",
    categories=["生活服务-综合"],
    pages=[page("pages/a/index", "黑户秒下款 不看征信 当天放款 联系微信 zm-dk66", "便民服务，欢迎咨询。")],
)

case(
    "loan-nav-label",
    "loan_in_navigation",
    block("cash_loan", "predatory_loan"),
    "a loan funnel through a navigation label",
    name="天天优惠",
    principal=individual("孙强"),
    description="优惠券领取。",
    categories=["生活服务-优惠券"],
    pages=[page("pages/index/index", "领券", "每日领券，外卖立减。")],
    navigation=[{"url": "https://h5.kuaijie-dai.cn/apply", "label": "借钱不看征信 秒到账 点此申请"}],
)

# ---------------------------------------------------------------- counterfeits

case(
    "replica-bags-wechat",
    "replica_offplatform",
    block("counterfeit", "replica_goods"),
    "a replica-bag seller pushing to WeChat",
    name="轻奢包包馆",
    principal=individual("林小雅"),
    description="大牌同款包包。",
    categories=["商业服务-服装"],
    pages=[
        page(
            "pages/goods/1",
            "老花手袋",
            "原单品质，1:1复刻，五金刻字与专柜一致，¥780包邮。更多款式加微信 qsbb_520 看实拍。",
        )
    ],
)

case(
    "replica-watch-en",
    "replica_english",
    block("counterfeit", "replica_goods"),
    "an English replica-watch shop",
    name="Luxury Time Hub",
    principal=individual("Chen Hao"),
    description="Top quality watches at factory prices.",
    categories=["商业服务-珠宝"],
    pages=[
        page(
            "pages/goods/9",
            "Submariner clone",
            (
                "Super clone Submariner, 904L steel, clone 3235 movement, identical to genuine. RMB 2,680 shipped by "
                "SF Express. Message us on WeChat: lux-time-hub for real photos."
            ),
        )
    ],
)

case(
    "replica-in-link-text",
    "replica_in_link_text",
    block("counterfeit", "replica_goods"),
    "a shop whose replica offer is only in a link's text",
    name="潮流好物",
    principal=individual("何俊"),
    description="潮流服饰。",
    categories=["商业服务-服装"],
    pages=[
        page(
            "pages/index/index",
            "首页",
            "每周上新。",
            links=[link("https://shop.chaoliu-hw.cn/list", "高仿AJ 莆田纯原 189包邮 点击选购")],
        )
    ],
)

case(
    "relabelled-masks",
    "relabelled_masks",
    block("counterfeit", "fake_certified"),
    "a seller relabelling masks as medical",
    name="防护用品批发",
    principal=individual("吴刚"),
    description="口罩批发。",
    categories=["商业服务-批发"],
    pages=[
        page(
            "pages/goods/2",
            "医用外科口罩",
            "普通民用口罩换医用外科口罩包装，贴医疗器械注册证号，10万只起批，可出质检报告，诊所药店都能卖。",
        )
    ],
)

case(
    "fake-3c-labels",
    "fake_certification",
    block("counterfeit", "fake_certified"),
    "a certification-label seller",
    name="标签印刷厂",
    principal=enterprise("某某印刷有限公司"),
    description="不干胶标签印刷。",
    categories=["商业服务-印刷"],
    pages=[
        page("pages/goods/5", "3C认证标", "3C认证标签现货，充电宝插排通用，无需提供证书，一万张起订，过抽检没问题。")
    ],
)

case(
    "copycat-drinks",
    "copycat",
    block("counterfeit", "copycat"),
    "a look-alike drinks wholesaler",
    name="好运来批发部",
    principal=individual("黄大海"),
    description="饮料零食批发。",
    categories=["商业服务-批发"],
    pages=[
        page(
            "pages/goods/8",
            "雷碧 整箱",
            "雷碧柠檬汽水，包装跟雪碧一样，顾客看不出来，进价只有正品一半，整箱批发，私聊拿货。",
        )
    ],
)

case(
    "copycat-en",
    "copycat_english",
    block("counterfeit", "copycat"),
    "an English look-alike sneaker wholesaler",
    name="Kicks Wholesale",
    principal=individual("Zhou Bin"),
    description="Sneakers wholesale.",
    categories=["商业服务-服装"],
    pages=[
        page(
            "pages/goods/1",
            "Nikee Air runners",
            (
                "Nikee Air runners, same swoosh and box as the original, customers can't tell. RMB 85 a pair, 50 pairs "
                "minimum, add WeChat kicks_ws."
            ),
        )
    ],
)

case(
    "impersonate-wechat-pay",
    "impersonation",
    block("counterfeit", "impersonation"),
    "a fake official customer-service app",
    name="微信支付官方客服中心",
    principal=individual("马超"),
    description="微信支付官方客服，账户解冻、退款处理。",
    categories=["工具-信息查询"],
    pages=[page("pages/index/index", "在线客服", "账户被冻结？请提交身份证照片和银行卡信息，官方客服为您解冻。")],
)

case(
    "liquor-special-channel",
    "liquor_special_channel",
    block("counterfeit", "replica_goods"),
    "a seller of 'special supply' liquor",
    name="名酒特供",
    principal=individual("钱进"),
    description="内部特供名酒。",
    categories=["商业服务-酒类"],
    pages=[
        page(
            "pages/goods/1",
            "53度飞天 特供",
            "部队特供内部渠道酒，市场价三千，本店¥699一瓶，瓶盖防伪码可扫，整箱更优惠，私聊下单。",
        )
    ],
)

case(
    "surplus-cosmetics",
    "cosmetics_factory_surplus",
    block("counterfeit", "replica_goods"),
    "a seller of 'factory surplus' cosmetics",
    name="美妆尾货仓",
    principal=individual("郑丽"),
    description="大牌美妆尾货。",
    categories=["商业服务-美妆"],
    pages=[
        page(
            "pages/goods/6",
            "小棕瓶精华",
            "雅诗兰黛小棕瓶工厂尾货，代工厂流出，无专柜小票，¥128一瓶，和专柜一个味，量大加V：mzwh_666。",
        )
    ],
)

# ---------------------------------------------------------------- contraband

case(
    "drug-slang",
    "drug_slang",
    block("contraband", "drugs"),
    "a drug seller using slang",
    name="夜色派对",
    principal=individual("小杰"),
    description="派对用品。",
    categories=["生活服务-娱乐"],
    pages=[
        page("pages/goods/1", "派对套餐", "叶子、糖果、神仙水都有，同城两小时送到，懂的直接私聊，飞机联系 @yeseparty。")
    ],
)

case(
    "cbd-gummies-en",
    "cannabis_cn",
    block("contraband", "drugs"),
    "a cross-border CBD shop",
    name="Maple Calm CBD",
    principal=individual("Wang Fang"),
    description="CBD gummies and oils shipped from Canada.",
    categories=["商业服务-保健品"],
    pages=[
        page(
            "pages/goods/2",
            "CBD gummies 25mg",
            (
                "Full-spectrum CBD gummies, 25mg each, 30 per jar, RMB 380. THC tinctures also in stock. Shipped from "
                "Vancouver, customs cleared, 7-10 days."
            ),
        )
    ],
)

case(
    "airgun-seller",
    "air_gun",
    block("contraband", "weapons"),
    "an air-gun seller",
    name="户外射击用品",
    principal=individual("冯军"),
    description="户外运动装备。",
    categories=["商业服务-户外"],
    pages=[
        page(
            "pages/goods/4",
            "全金属气枪",
            "全金属气枪，可打钢珠，配瞄准镜和气瓶，¥2,800，物流发货不走快递，私聊看视频。",
        )
    ],
)

case(
    "crossbow-en",
    "crossbow_english",
    block("contraband", "weapons"),
    "an English crossbow seller",
    name="Hunter Gear",
    principal=individual("Liu Qiang"),
    description="Outdoor hunting gear.",
    categories=["商业服务-户外"],
    pages=[
        page(
            "pages/goods/3",
            "Compound crossbow",
            (
                "Compound crossbow, 185 lb draw, 100 m range, scope included, no ID needed. RMB 1,980, shipped in "
                "plain packaging."
            ),
        )
    ],
)

case(
    "ivory-private-chat",
    "wildlife_private_chat",
    block("contraband", "wildlife"),
    "an ivory seller inviting private chat",
    name="雅集文玩",
    principal=individual("蒋文"),
    description="文玩收藏。",
    categories=["商业服务-收藏"],
    pages=[page("pages/goods/12", "老料手串", "老象牙手串，包老包真，另有犀角杯、玳瑁镯，价格私聊，可视频看货。")],
)

case(
    "wildlife-in-qr-text",
    "wildlife_in_image",
    block("contraband", "wildlife"),
    "a curio shop whose offer is in an image's text",
    name="古玩小铺",
    principal=individual("沈磊"),
    description="古玩字画。",
    categories=["商业服务-收藏"],
    pages=[
        page(
            "pages/goods/3",
            "珍品",
            "图片文字：穿山甲片 入药正品 每克50元 长按识别二维码加微信 gwxp_99 下单",
            images=["https://img.gwxp-example.cn/qr/gwxp_99.png"],
        )
    ],
)

case(
    "rx-without-prescription",
    "rx_no_prescription",
    block("contraband", "prescription_medicine"),
    "a pharmacy selling prescription drugs without prescription",
    name="康安药房",
    principal=enterprise("康安药房有限公司"),
    description="在线购药。",
    categories=["医疗-药店"],
    qualifications=[licence("药品经营许可证", "浙CA5710456", "浙江省药品监督管理局")],
    pages=[page("pages/goods/7", "助眠", "阿普唑仑、艾司唑仑无需处方，直接下单，两盒起包邮，隐私发货。")],
)

case(
    "slimming-additive",
    "banned_slimming",
    block("contraband", "prescription_medicine"),
    "a slimming-capsule seller with a banned additive",
    name="轻体小屋",
    principal=individual("秦悦"),
    description="减肥产品。",
    categories=["商业服务-保健品"],
    pages=[
        page("pages/goods/1", "强效燃脂胶囊", "含西布曲明，一周瘦十斤，不反弹，¥298一盒，加微信 qt_slim 领取减肥方案。")
    ],
)

case(
    "injectables-to-consumers",
    "unregistered_device",
    block("contraband", "medical_devices"),
    "an injectables seller",
    name="水光美肌",
    principal=individual("许莹"),
    description="美容护肤。",
    categories=["商业服务-美妆"],
    pages=[
        page(
            "pages/goods/2",
            "水光针套盒",
            "水光针玻尿酸原液加注射笔，自己在家就能打，无需去医院，个人也可购买，¥399一套包邮。",
        )
    ],
)

case(
    "disposable-vape",
    "vape",
    block("contraband", "tobacco"),
    "a disposable-vape seller",
    name="云朵小铺",
    principal=individual("曹宇"),
    description="潮流好物。",
    categories=["商业服务-电商"],
    pages=[page("pages/goods/3", "一次性小烟", "一次性电子烟，15种口味，一盒十支¥45，全国顺丰包邮。")],
)

case(
    "dutyfree-cigs-en",
    "cigarettes_english",
    block("contraband", "tobacco"),
    "an English duty-free cigarette seller",
    name="Smoke Direct",
    principal=individual("Tang Jun"),
    description="Cigarettes at duty-free prices.",
    categories=["商业服务-电商"],
    pages=[
        page(
            "pages/goods/1",
            "Duty-free cartons",
            (
                "Duty-free Zhonghua and Marlboro cartons, no tax stamp, RMB 260 a carton, nationwide delivery. WeChat: "
                "smokedirect88."
            ),
        )
    ],
)

case(
    "knockout-drops",
    "sexual_drugs",
    block("contraband", "sexual_drugs"),
    "a knock-out drug seller",
    name="情趣好物",
    principal=individual("韩立"),
    description="成人用品。",
    categories=["商业服务-成人用品"],
    pages=[page("pages/goods/9", "催情喷雾", "无色无味催情水，倒进饮料十分钟见效，对方毫无察觉，隐私发货。")],
)

case(
    "diploma-mill",
    "forged_documents",
    block("contraband", "forged_documents"),
    "a diploma mill",
    name="学历提升中心",
    principal=individual("彭涛"),
    description="学历咨询。",
    categories=["教育-培训"],
    pages=[page("pages/index/index", "快速拿证", "本科、硕士毕业证，学信网可查，不用考试，一个月拿证，定金2000元。")],
)

case(
    "fake-banknotes",
    "counterfeit_currency",
    block("contraband", "counterfeit_currency"),
    "a counterfeit-banknote seller",
    name="收藏币行",
    principal=individual("魏东"),
    description="纸币收藏。",
    categories=["商业服务-收藏"],
    pages=[
        page("pages/goods/1", "新版百元", "新版百元高仿币，水印安全线齐全，能过验钞机，一万面值卖一千五，同城交易。")
    ],
)

case(
    "car-owner-data",
    "personal_data",
    block("contraband", "personal_data"),
    "a personal-data broker",
    name="精准获客",
    principal=individual("蔡明"),
    description="营销获客工具。",
    categories=["工具-营销"],
    pages=[
        page(
            "pages/data/index",
            "数据资源",
            "车主资料、股民资料、新生儿家长名单，含姓名手机号，一条一毛，按城市筛选，付款后网盘发货。",
        )
    ],
)

case(
    "accounts-en",
    "accounts_english",
    block("contraband", "personal_data"),
    "an English account reseller",
    name="Premium Accounts Shop",
    principal=individual("Guo Lin"),
    description="Streaming and game accounts.",
    categories=["商业服务-数码"],
    pages=[
        page(
            "pages/goods/1",
            "Netflix lifetime",
            (
                "Netflix and Spotify premium lifetime accounts, RMB 35 each, login details sent instantly after "
                "payment. Bulk fullz and bank logs on request, WeChat pas_shop."
            ),
        )
    ],
)

# Relabelled surveillance -> personal_data by helper mini7 (2026-12-08): the service looks a phone number's
# owner up (location, call and hotel records) and sells the result; docs/policy.md ("Hard cases") puts such
# look-ups under personal_data (法释〔2017〕10号 art. 5), surveillance is for tools the buyer runs himself.
case(
    "phone-tracking",
    "personal_data_lookup",
    block("contraband", "personal_data"),
    "a phone-tracking service",
    name="寻人定位",
    principal=individual("邓超"),
    description="定位服务。",
    categories=["工具-信息查询"],
    pages=[
        page(
            "pages/index/index",
            "手机定位",
            "只需对方手机号即可定位，精确到米，还能查通话记录和开房记录，加微信 xrdw_01 付款后出结果。",
        )
    ],
)

case(
    "spy-app-en",
    "surveillance_english",
    block("contraband", "surveillance"),
    "an English stalkerware seller",
    name="PhoneWatch Stealth",
    principal=individual("Xu Jie"),
    description="See everything on any phone.",
    categories=["工具-效率"],
    pages=[
        page(
            "pages/index/index",
            "Stealth mode",
            (
                "Read their WeChat messages and see their location without touching their phone. The icon hides itself,"
                " they will never know. RMB 198 a month, add WeChat pw_stealth."
            ),
        )
    ],
)

case(
    "data-via-contact",
    "personal_data_in_contact",
    block("contraband", "personal_data"),
    "a data seller whose offer is in a contact",
    name="营销助手",
    principal=individual("袁帅"),
    description="营销工具。",
    categories=["工具-营销"],
    pages=[page("pages/index/index", "首页", "营销工具合集。")],
    contacts=[{"kind": "wechat", "value": "出售实名手机号资料 接码 加我 ys_data88"}],
)

# ---------------------------------------------------------------- platform rules

case(
    "share-gate-zh",
    "induced_sharing",
    block("platform_rule", "induced_sharing"),
    "a quiz app gating results on sharing",
    name="测测你的前世",
    principal=individual("曾琳"),
    description="趣味测试。",
    categories=["娱乐-趣味测试"],
    pages=[page("pages/result/index", "测试结果", "测试已完成！转发到3个微信群后返回本页，即可查看完整结果。")],
)

case(
    "share-gate-en",
    "induced_sharing_english",
    block("platform_rule", "induced_sharing"),
    "an English personality test",
    name="Personality Lab",
    principal=individual("Ye Qing"),
    description="Fun personality tests.",
    categories=["娱乐-趣味测试"],
    pages=[
        page(
            "pages/result/index",
            "Your report",
            (
                "Your report is ready! Invite 3 friends to unlock the full report, or share this page to 2 groups to "
                "see your score."
            ),
        )
    ],
)

case(
    "deposit-personal",
    "offplatform_payment",
    block("platform_rule", "offplatform_payment"),
    "a rental app taking deposits to a person",
    name="短租小屋",
    principal=individual("杜宇"),
    description="民宿短租。",
    categories=["生活服务-住宿"],
    pages=[
        page(
            "pages/book/index",
            "预订须知",
            "预订请先支付押金500元，转账至房东个人支付宝 13812345678，到账后发送门锁密码。",
        )
    ],
)

case(
    "personal-payment-code",
    "offplatform_payment_qr",
    block("platform_rule", "offplatform_payment"),
    "a shop asking for payment to a personal code",
    name="手作烘焙",
    principal=enterprise("甜心烘焙工作室"),
    description="手工蛋糕预订。",
    categories=["餐饮-烘焙"],
    pages=[
        page(
            "pages/order/index",
            "下单说明",
            "生日蛋糕 ¥268。下单后请扫店长个人收款码付款，或转账到店长个人微信，付款截图发客服确认。",
        )
    ],
)

case(
    "undeclared-webview",
    "undeclared_webview",
    block("platform_rule", "undeclared_webview"),
    "an enterprise opening an undeclared web-view",
    name="旅途攻略",
    principal=enterprise("行者旅游信息咨询有限公司"),
    description="旅游攻略。",
    categories=["旅游-攻略"],
    pages=[page("pages/index/index", "攻略", "云南七日游攻略。")],
    navigation=[{"url": "https://h5.travel-partner-example.com/booking", "label": "预订酒店"}],
    extra={"business_domains": [{"domain": "m.xingzhe-example.cn", "icp": "滇ICP备20201234号-1"}]},
)

case(
    "personal-webview",
    "personal_webview",
    block("platform_rule", "undeclared_webview"),
    "a personal principal embedding a web page",
    name="小林读书笔记",
    principal=individual("林书"),
    description="读书笔记分享。",
    categories=["教育-读书"],
    pages=[page("pages/index/index", "笔记", "本周读完《乡土中国》。")],
    navigation=[{"url": "https://notes.linshu-example.com/weekly", "label": "完整笔记"}],
)

case(
    "ranking-hub",
    "navigation_hub",
    block("platform_rule", "navigation_hub"),
    "a mini-game ranking hub",
    name="小游戏排行榜",
    principal=individual("付斌"),
    description="热门小游戏排行榜，一键直达。",
    categories=["游戏-休闲"],
    pages=[page("pages/index/index", "排行榜", "本周最热小游戏榜单，点击直接进入。")],
    navigation=[{"appid": f"wx00aa11bb22cc33{i:02x}", "label": f"热门游戏第{i}名"} for i in range(1, 7)],
)

case(
    "redirect-hub",
    "navigation_hub_many",
    block("platform_rule", "navigation_hub"),
    "an app that only redirects to other apps",
    name="福利合集",
    principal=individual("程浩"),
    description="各类福利小程序合集。",
    categories=["工具-效率"],
    pages=[page("pages/index/index", "福利合集", "点击任意入口领取福利。")],
    navigation=[{"appid": f"wx99ee88dd77cc66{i:02x}", "label": f"福利入口{i}"} for i in range(1, 12)],
)


def main() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case id"
    OUT.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in CASES), encoding="utf-8")
    clean = sum(c["hard_negative"] for c in CASES)
    print(f"{OUT.name}: {len(CASES)} apps, {clean} clean ({clean / len(CASES):.0%})")


if __name__ == "__main__":
    main()
