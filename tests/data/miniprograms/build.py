"""Writes devset.jsonl: hand-written mini-program metadata with the verdict the platform's rules call for.

Every case was written by linkscan (no text copied from any source). ``provenance`` names the rule or
licence requirement each case was written after. Run ``python tests/data/miniprograms/build.py`` after
editing the cases; ``devstack.evaluate_miniprogram`` scores the file (held-out part by id digest).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("devset.jsonl")
RULES = "https://developers.weixin.qq.com/miniprogram/product/"  # 微信小程序平台运营规范
OPS = f"hand-written by linkscan after the WeChat Mini Program Platform Operating Standards ({RULES})"
LICENCE = "hand-written by linkscan after the licence requirement in"

ENTERPRISE = {"name": "杭州某某信息科技有限公司", "type": "enterprise"}
PERSON = {"name": "张某", "type": "individual"}


def pages(*texts: str) -> list[dict[str, Any]]:
    return [{"path": f"pages/p{i}/index", "title": "", "text": text} for i, text in enumerate(texts)]


def licence(kind: str, number: str = "0001", issuer: str = "") -> dict[str, str]:
    return {"type": kind, "number": number, "issuer": issuer or "主管部门"}


CASES: list[dict[str, Any]] = []


def case(
    cid: str,
    name: str,
    description: str,
    texts: list[str],
    *,
    expect: tuple[str, str, str, str] | None = None,  # category, subcategory, action; None = allow
    klass: str,
    provenance: str,
    categories: tuple[str, ...] = ("工具-信息查询",),
    qualifications: tuple[dict[str, str], ...] = (),
    principal: dict[str, str] | None = None,
    contacts: tuple[dict[str, str], ...] = (),
    navigation: tuple[dict[str, str], ...] = (),
    extra: dict[str, Any] | None = None,
) -> None:
    metadata: dict[str, Any] = {
        "appid": "wx" + hashlib.sha256(cid.encode()).hexdigest()[:16],
        "name": name,
        "description": description,
        "principal": principal or ENTERPRISE,
        "categories": list(categories),
        "qualifications": list(qualifications),
        "pages": pages(*texts),
        "navigation": list(navigation),
        "contacts": list(contacts),
        "extra": extra or {},
    }
    if expect is None:
        expected = {"decision": "allow", "category": None, "subcategory": None, "action": None}
    else:
        category, subcategory, action, *_ = (*expect, "")
        expected = {"decision": "block", "category": category, "subcategory": subcategory, "action": action}
    CASES.append(
        {
            "id": cid,
            "class": klass,
            "hard_negative": expect is None,
            "metadata": metadata,
            "expected": expected,
            "provenance": provenance,
        }
    )


def ok(cid: str, name: str, description: str, texts: list[str], klass: str, provenance: str, **kw: Any) -> None:
    case(cid, name, description, texts, klass=klass, provenance=provenance, **kw)


def bad(
    cid: str,
    name: str,
    description: str,
    texts: list[str],
    expect: tuple[str, str, str],
    klass: str,
    provenance: str,
    **kw: Any,
) -> None:
    case(cid, name, description, texts, expect=(*expect, ""), klass=klass, provenance=provenance, **kw)  # type: ignore[arg-type]


# ============================================================================ hard negatives
NEWS = ("资讯-新闻",)
ok(
    "mp-neg-news-01",
    "城市早报",
    "本地新闻资讯",
    ["警方通报：一团伙以“无抵押秒放款”为诱饵发放套路贷，月息高达30%，已有12人被刑拘。警方提醒市民不要轻信网贷广告。"],
    "news",
    f"{OPS}, section 2 (information services); a crime report quoting loan wording",
    categories=NEWS,
)
ok(
    "mp-neg-news-02",
    "财经快讯",
    "财经新闻",
    ["海关查获高仿奢侈品包3000余件，涉案团伙通过社交平台以每只680元出售高仿LV包。记者了解到，案件正在审理中。"],
    "news",
    f"{OPS}; customs seizure report naming replica goods",
    categories=NEWS,
)
ok(
    "mp-neg-news-03",
    "法治在线",
    "法治新闻",
    ["法院审结一起非法出售穿山甲鳞片案，被告人通过微信私聊出售穿山甲片，被判处有期徒刑三年。"],
    "news",
    f"{OPS}; court report on a wildlife case",
    categories=NEWS,
)
ok(
    "mp-neg-news-04",
    "健康时报",
    "健康资讯",
    ["国家药监局通报：部分网售减肥产品非法添加西布曲明，消费者购买减肥药应认准正规药店并凭处方购药。"],
    "news",
    f"{OPS}; regulator notice on slimming additives",
    categories=NEWS,
)
ok(
    "mp-neg-news-05",
    "科技日报",
    "科技新闻",
    ["电子烟新国标实施后，电子烟不得通过网络销售，多地烟草专卖局开展专项检查，查处违规销售烟弹的门店。"],
    "news",
    f"{OPS}; tobacco regulation news",
    categories=NEWS,
)
ok(
    "mp-neg-news-06",
    "社会新闻",
    "社会新闻资讯",
    ["警方破获一起贩卖“听话水”案件，提醒女性在聚会中看好自己的饮料，发现异常立即报警。"],
    "news",
    f"{OPS}; report on knock-out drug crime",
    categories=NEWS,
)
ok(
    "mp-neg-news-07",
    "酒业观察",
    "酒类行业新闻",
    ["市场监管部门提醒：网传“内部渠道”飞天茅台每瓶仅售800元，远低于市场价，多为假酒，消费者切勿轻信。"],
    "news",
    f"{OPS}; consumer warning on fake liquor",
    categories=NEWS,
)
ok(
    "mp-neg-news-08",
    "校园周刊",
    "校园新闻",
    ["教育部门再次提醒大学生远离校园贷，凡是宣称“凭学生证秒批”“不用父母知道”的借款都是陷阱。"],
    "news",
    f"{OPS}; campus-loan warning",
    categories=NEWS,
)
FRAUD = ("政务民生-公安",)
ok(
    "mp-neg-antifraud-01",
    "反诈课堂",
    "公安反诈宣传教育",
    ["识别网贷诈骗：声称“黑户也能下款”“先交保证金再放款”的都是诈骗。我们不提供任何贷款服务，遇到可疑情况请拨打96110。"],
    "anti_fraud",
    f"{OPS}; public anti-fraud education with a 'we offer no loans' statement",
    categories=FRAUD,
)
ok(
    "mp-neg-antifraud-02",
    "全民反诈",
    "反诈骗知识",
    ["常见骗局：刷单返利、冒充客服退款、虚假贷款。骗子会让你加微信、下载APP、转账到个人账户。请勿转账，本平台不放贷。"],
    "anti_fraud",
    f"{OPS}; anti-fraud education naming channel tricks",
    categories=FRAUD,
)
ok(
    "mp-neg-antifraud-03",
    "防骗指南",
    "消费者防骗",
    ["警惕代办信用卡套现、包装征信的广告，这类中介收费后失联。如已受骗请保存聊天记录并报警。"],
    "anti_fraud",
    f"{OPS}; warning against loan agents",
    categories=("工具-信息查询",),
)
ok(
    "mp-neg-antifraud-04",
    "护苗行动",
    "青少年保护宣传",
    ["提醒家长：有人在网络上以“电子烟盲盒”向未成年人售卖电子烟，发现请向烟草专卖部门举报。"],
    "anti_fraud",
    f"{OPS}; youth protection warning about vapes",
    categories=FRAUD,
)
ok(
    "mp-neg-antifraud-05",
    "识假课堂",
    "打假科普",
    ["如何识别假冒化妆品：所谓“工厂尾货”“专柜正品低价”往往是假货，请通过品牌官方渠道购买。"],
    "anti_fraud",
    f"{OPS}; counterfeit awareness",
    categories=("教育-科普",),
)
ok(
    "mp-neg-antifraud-06",
    "禁毒宣传",
    "禁毒知识科普",
    ["新型毒品常伪装成“奶茶”“跳跳糖”，黑话有“冰”“飞叶子”等。珍爱生命，远离毒品，举报电话110。"],
    "anti_fraud",
    f"{OPS}; drug-prevention education quoting slang",
    categories=FRAUD,
)
ok(
    "mp-neg-antifraud-07",
    "野保科普",
    "野生动物保护",
    ["象牙、穿山甲片、犀牛角的买卖均属违法。如发现有人私聊兜售野生动物制品，请向森林公安举报。"],
    "anti_fraud",
    f"{OPS}; wildlife protection education",
    categories=("教育-科普",),
)
ok(
    "mp-neg-antifraud-08",
    "证件防伪",
    "证件防伪知识",
    ["办假证、刻假章属于违法犯罪行为。街头“办证”小广告留下的电话多为诈骗，请通过政务服务大厅办理证件。"],
    "anti_fraud",
    f"{OPS}; forged-document warning",
    categories=FRAUD,
)
CALC = ("工具-计算器",)
ok(
    "mp-neg-calc-01",
    "房贷计算器",
    "等额本息/等额本金计算",
    ["输入贷款金额、贷款期限和年化利率，计算每月还款额。本工具只做计算，不提供借款服务。"],
    "calculator",
    f"{OPS}; financial calculator with a no-loans statement",
    categories=CALC,
)
ok(
    "mp-neg-calc-02",
    "信用卡还款提醒",
    "账单日与还款日提醒",
    ["添加信用卡账单日、还款日，到期前提醒还款，避免逾期影响征信。我们不提供借款、不代还。"],
    "calculator",
    f"{OPS}; repayment reminder",
    categories=("工具-备忘录",),
)
ok(
    "mp-neg-calc-03",
    "个税计算器",
    "工资个税计算",
    ["计算工资个税、五险一金。专项附加扣除包括房贷利息、子女教育等。"],
    "calculator",
    f"{OPS}; tax calculator mentioning mortgage interest",
    categories=CALC,
)
ok(
    "mp-neg-calc-04",
    "利率换算",
    "年化利率与月息换算",
    ["把日息、月息换算成年化利率。提示：民间借贷利率超过LPR四倍的部分不受法律保护。"],
    "calculator",
    f"{OPS}; rate conversion tool",
    categories=CALC,
)
ok(
    "mp-neg-calc-05",
    "记账小本",
    "个人记账",
    ["记录每日收支，设置预算额度，查看月度报表。支持借出借入记账，提醒朋友还钱。"],
    "calculator",
    f"{OPS}; bookkeeping with lending vocabulary",
    categories=("工具-记账",),
)
PUB = ("政务民生-公共服务",)
ok(
    "mp-neg-public-01",
    "社保查询",
    "社保缴费与待遇查询",
    ["查询社保缴费记录、医保余额、公积金贷款额度。公积金贷款请到住房公积金管理中心办理。"],
    "public_service",
    f"{OPS}; public-service query naming loan quotas",
    categories=PUB,
)
ok(
    "mp-neg-public-02",
    "征信查询指引",
    "个人信用报告查询指引",
    ["个人信用报告可通过中国人民银行征信中心官网免费查询，每年两次免费。谨防收费“征信修复”骗局。"],
    "public_service",
    f"{OPS}; credit-report guide",
    categories=PUB,
)
ok(
    "mp-neg-public-03",
    "违章查询",
    "交通违章查询",
    ["输入车牌号查询违章记录，在线缴纳罚款。驾驶证、行驶证补办请到车管所。"],
    "public_service",
    f"{OPS}; traffic services naming licences",
    categories=PUB,
)
ok(
    "mp-neg-public-04",
    "药品追溯查询",
    "药品追溯码查询",
    ["扫描药品包装上的追溯码，查询药品生产企业、批号和流向，辨别假药。"],
    "public_service",
    f"{OPS}; drug-traceability query",
    categories=PUB,
)
ok(
    "mp-neg-public-05",
    "烟草专卖服务",
    "烟草专卖许可证办理指引",
    ["零售户可在线申请烟草专卖零售许可证延续、变更。本程序不销售任何卷烟、电子烟。"],
    "tobacco_control",
    f"{LICENCE} the Tobacco Monopoly Law (licence services, no sales)",
    categories=PUB,
)
ok(
    "mp-neg-public-06",
    "控烟助手",
    "戒烟打卡与控烟知识",
    ["每天记录吸烟支数，坚持戒烟打卡。电子烟同样有害健康，戒烟门诊名单见下页。"],
    "tobacco_control",
    f"{OPS}; quit-smoking service",
    categories=("医疗-健康管理",),
)
ok(
    "mp-neg-public-07",
    "戒烟门诊预约",
    "医院戒烟门诊",
    ["预约戒烟门诊，医生评估尼古丁依赖程度，提供戒烟药物处方和随访。"],
    "tobacco_control",
    f"{OPS}; cessation clinic",
    categories=("医疗-医院",),
    qualifications=(licence("医疗机构执业许可证"),),
)
HOSP = ("医疗-医院",)
ok(
    "mp-neg-health-01",
    "市第一医院",
    "预约挂号、在线复诊",
    ["在线复诊：医生开具电子处方，处方药由医院药房配送到家。请凭处方购药。"],
    "health",
    f"{LICENCE} the Regulations on the Administration of Medical Institutions (licence covers its prescriptions)",
    categories=HOSP,
    qualifications=(licence("医疗机构执业许可证"),),
)
ok(
    "mp-neg-health-02",
    "互联网医院",
    "在线问诊与处方",
    ["执业医师在线问诊，开具处方后由合作药店配送药品。处方药须经药师审核。"],
    "health",
    f"{LICENCE} the Administrative Measures for Internet Diagnosis and Treatment",
    categories=("医疗-互联网医院",),
    qualifications=(licence("医疗机构执业许可证"), licence("互联网医院")),
)
ok(
    "mp-neg-health-03",
    "口腔诊所",
    "牙科预约",
    ["预约洗牙、补牙、种植牙。诊所持医疗机构执业许可证，术前需面诊。"],
    "health",
    f"{LICENCE} the Regulations on the Administration of Medical Institutions",
    categories=("医疗-诊所",),
    qualifications=(licence("医疗机构执业许可证"),),
)
ok(
    "mp-neg-health-04",
    "康复医院随访",
    "术后随访",
    ["术后随访、复查提醒、用药指导：请按医生处方服用药品，不要自行停药。"],
    "health",
    f"{LICENCE} the Regulations on the Administration of Medical Institutions",
    categories=HOSP,
    qualifications=(licence("医疗机构执业许可证"),),
)
ok(
    "mp-neg-health-05",
    "戒毒康复中心",
    "戒毒治疗咨询",
    ["自愿戒毒治疗：我们治疗冰毒、海洛因、K粉依赖，提供美沙酮维持治疗。咨询请到院面诊。"],
    "health",
    f"{OPS} and docs/policy.md (treatment services are not offerings)",
    categories=HOSP,
    qualifications=(licence("医疗机构执业许可证"),),
)
PHARM = ("医疗-药店",)
ok(
    "mp-neg-pharmacy-01",
    "仁和大药房",
    "网上药店",
    ["非处方药在线下单，处方药需上传处方并经执业药师审核后发货。阿莫西林胶囊、布洛芬缓释胶囊。"],
    "pharmacy",
    f"{LICENCE} the Measures for the Supervision of Online Drug Sales (药品经营许可证 + 互联网药品信息服务资格证书)",
    categories=PHARM,
    qualifications=(licence("药品经营许可证"), licence("互联网药品信息服务资格证书")),
)
ok(
    "mp-neg-pharmacy-02",
    "好药师",
    "药品网络销售",
    ["处方药凭处方购买，药师在线审方。购药满99元包邮。"],
    "pharmacy",
    f"{LICENCE} the Measures for the Supervision of Online Drug Sales",
    categories=PHARM,
    qualifications=(licence("药品经营许可证"), licence("互联网药品信息服务资格证书")),
)
ok(
    "mp-neg-pharmacy-03",
    "康复器械商城",
    "医疗器械销售",
    ["血压计、血糖仪、制氧机正品销售，医疗器械经营许可证见资质页。"],
    "pharmacy",
    f"{LICENCE} the Regulations on the Supervision of Medical Devices",
    categories=("医疗-医疗器械",),
    qualifications=(licence("医疗器械经营许可证"),),
)
ok(
    "mp-neg-pharmacy-04",
    "社区药房",
    "药品配送",
    ["慢病用药配送，处方药须提供医生处方。医保定点药房。"],
    "pharmacy",
    f"{LICENCE} the Measures for the Supervision of Online Drug Sales",
    categories=PHARM,
    qualifications=(licence("药品经营许可证"), licence("互联网药品信息服务资格证书")),
)
PAWN = ("金融业-典当",)
ok(
    "mp-neg-pawn-01",
    "恒信典当行",
    "典当业务",
    ["经营范围：动产质押典当、房地产抵押典当、机动车质押典当。当金当天发放，综合费率按规定执行。"],
    "pawnshop",
    f"{LICENCE} the Measures for the Administration of Pawning (典当经营许可证 covers pawn lending incl. vehicles)",
    categories=PAWN,
    qualifications=(licence("典当经营许可证"),),
)
ok(
    "mp-neg-pawn-02",
    "汽车典当",
    "机动车质押典当",
    ["车辆质押典当，评估后放款，额度最高车价七成，月综合费率依法公示。"],
    "pawnshop",
    f"{LICENCE} the Measures for the Administration of Pawning",
    categories=PAWN,
    qualifications=(licence("典当经营许可证"),),
)
ok(
    "mp-neg-pawn-03",
    "金店回收典当",
    "黄金典当回收",
    ["黄金、钻石、名表典当与回收，当场鉴定估价放款。"],
    "pawnshop",
    f"{LICENCE} the Measures for the Administration of Pawning",
    categories=PAWN,
    qualifications=(licence("典当经营许可证"),),
)
BANK = ("金融业-银行",)
ok(
    "mp-neg-lender-01",
    "某银行信用卡",
    "信用卡申请与账单",
    ["信用卡在线申请、账单查询、分期还款。个人消费贷款年化利率4.2%起，以审批为准。"],
    "licensed_lender",
    f"{LICENCE} the Commercial Banking Law (金融许可证)",
    categories=BANK,
    qualifications=(licence("金融许可证"),),
)
ok(
    "mp-neg-lender-02",
    "某消费金融",
    "持牌消费金融",
    ["消费贷款申请，额度以审批为准，年化利率不超过24%，放款前不收取任何费用。"],
    "licensed_lender",
    f"{LICENCE} the Measures for the Administration of Consumer Finance Companies",
    categories=("金融业-消费金融",),
    qualifications=(licence("金融许可证"),),
)
ok(
    "mp-neg-lender-03",
    "某小贷",
    "小额贷款",
    ["小额贷款申请，持小额贷款经营许可证，年化利率公示，借款合同在线签署。"],
    "licensed_lender",
    f"{LICENCE} the guidance on pilot microcredit companies (小额贷款经营许可)",
    categories=("金融业-小额贷款",),
    qualifications=(licence("小额贷款经营许可证"),),
)
ok(
    "mp-neg-lender-04",
    "农商银行",
    "普惠金融",
    ["农户贷款、个体工商户经营贷，线上申请线下审核，利率按国家规定执行。"],
    "licensed_lender",
    f"{LICENCE} the Commercial Banking Law",
    categories=BANK,
    qualifications=(licence("金融许可证"),),
)
LAB = ("生活服务-鉴定",)
ok(
    "mp-neg-lab-01",
    "奢品鉴定中心",
    "奢侈品鉴定服务",
    ["专业鉴定LV、古驰、爱马仕箱包真伪，识别高仿、A货、超A货。寄送鉴定，出具鉴定证书。"],
    "authentication",
    f"{OPS} and docs/policy.md (authentication services are not sellers)",
    categories=LAB,
)
ok(
    "mp-neg-lab-02",
    "名表检测",
    "手表鉴定与保养",
    ["劳力士、欧米茄真假鉴定，检测机芯是否为高仿复刻，提供保养维修。"],
    "authentication",
    f"{OPS}; watch authentication",
    categories=LAB,
)
ok(
    "mp-neg-lab-03",
    "珠宝质检站",
    "珠宝玉石检测",
    ["钻石、翡翠、和田玉检测，鉴别A货、B货、C货，出具检测报告。国家认可实验室。"],
    "authentication",
    f"{OPS}; gem testing lab (A货 is a jade grade)",
    categories=("生活服务-检测",),
)
ok(
    "mp-neg-lab-04",
    "球鞋验货",
    "潮鞋鉴定",
    ["耐克、阿迪达斯球鞋鉴别，识别莆田高仿、复刻鞋，鉴定结果24小时出。"],
    "authentication",
    f"{OPS}; sneaker authentication",
    categories=LAB,
)
ok(
    "mp-neg-lab-05",
    "酒类检测",
    "白酒真伪鉴定",
    ["茅台、五粮液真伪鉴定，识别假酒、回收瓶灌装，检测报告可追溯。"],
    "authentication",
    f"{OPS}; liquor authentication",
    categories=LAB,
)
SHOP = ("商家自营-二手闲置",)
ok(
    "mp-neg-secondhand-01",
    "闲置好物",
    "二手物品交易",
    ["二手iPhone 13，自用一年，电池85%，¥2600，支持平台担保交易。"],
    "second_hand",
    f"{OPS}; ordinary second-hand shop",
    categories=SHOP,
)
ok(
    "mp-neg-secondhand-02",
    "二手奢品寄卖",
    "正品二手奢侈品",
    ["二手LV Neverfull，专柜购入，附购物小票，经第三方鉴定为正品，¥5800，平台担保交易。"],
    "second_hand",
    f"{OPS}; authenticated second-hand luxury",
    categories=SHOP,
)
ok(
    "mp-neg-secondhand-03",
    "旧书回收",
    "二手书",
    ["回收教材、小说，按斤计价，上门取件。"],
    "second_hand",
    f"{OPS}; used books",
    categories=SHOP,
)
ok(
    "mp-neg-shop-01",
    "鲜花小铺",
    "同城鲜花配送",
    ["玫瑰花束¥199，同城配送，下单备注送花时间。订单问题请联系客服电话 13812345678。"],
    "shop",
    f"{OPS}; shop printing its phone number",
    categories=("商家自营-鲜花",),
)
ok(
    "mp-neg-shop-02",
    "家常菜馆",
    "外卖点餐",
    ["红烧肉¥38，鱼香肉丝¥26，满50元配送。订座电话 13912345678。"],
    "shop",
    f"{OPS}; restaurant",
    categories=("餐饮-点餐",),
)
ok(
    "mp-neg-shop-03",
    "美妆正品店",
    "品牌授权美妆",
    ["品牌授权经销，每件商品附防伪码，可在品牌官网查验。雅诗兰黛小棕瓶¥680。"],
    "shop",
    f"{OPS}; authorised cosmetics retailer",
    categories=("商家自营-美妆",),
    qualifications=(licence("品牌授权书"),),
)
ok(
    "mp-neg-shop-04",
    "茶叶小铺",
    "茶叶销售",
    ["明前龙井250克¥298，平台内下单，七天无理由退货。"],
    "shop",
    f"{OPS}; tea shop",
    categories=("商家自营-食品",),
)
ok(
    "mp-neg-shop-05",
    "口罩工厂店",
    "医用口罩销售",
    ["医用外科口罩，医疗器械注册证号见包装，50只¥25。"],
    "shop",
    f"{LICENCE} the Regulations on the Supervision of Medical Devices",
    categories=("医疗-医疗器械",),
    qualifications=(licence("医疗器械经营备案凭证"),),
)
ok(
    "mp-neg-shop-06",
    "酒水专营",
    "正规酒类经营",
    ["飞天茅台53度500ml，按官方指导价销售，需实名预约，每人限购两瓶。酒类流通许可见资质页。"],
    "shop",
    f"{OPS}; licensed liquor retail at list price",
    categories=("商家自营-酒类",),
    qualifications=(licence("食品经营许可证"),),
)
ok(
    "mp-neg-share-01",
    "读书打卡",
    "每日阅读打卡",
    ["坚持阅读21天，生成打卡海报。你也可以把喜欢的书分享给好友，分享不影响任何功能。"],
    "sharing_ok",
    f"{OPS}, section 5.1 (voluntary sharing is allowed)",
    categories=("教育-阅读",),
)
ok(
    "mp-neg-pay-01",
    "健身房会员",
    "会员卡办理",
    ["月卡¥199，在小程序内微信支付购买，支持七天内退款。"],
    "payment_ok",
    f"{OPS}; payment inside the platform",
    categories=("生活服务-运动健身",),
)
ok(
    "mp-neg-webview-01",
    "企业官网",
    "公司介绍",
    ["公司简介、产品展示，案例页面来自本公司官网。"],
    "webview_ok",
    f"{OPS}, section 3 (web-view of a declared, filed business domain)",
    categories=("工具-企业管理",),
    navigation=({"url": "https://www.example-corp.cn/cases", "label": "案例"},),
    extra={"business_domains": [{"domain": "www.example-corp.cn", "icp": "浙ICP备2020000001号"}]},
)
ok(
    "mp-neg-nav-01",
    "出行助手",
    "打车与公交",
    ["查询公交线路。需要打车时可跳转到合作的打车小程序。"],
    "navigation_ok",
    f"{OPS}; one jump to a partner app",
    categories=("交通-出行",),
    navigation=({"appid": "wx0a1b2c3d4e5f6071", "label": "打车"},),
)
ok(
    "mp-neg-recipe-01",
    "家常菜谱",
    "菜谱大全",
    ["可乐鸡翅：鸡翅中8个，可乐一罐，生抽两勺。"],
    "shop",
    f"{OPS}; plain content app",
    categories=("生活服务-菜谱",),
)

# ============================================================================ violations
LOAN_MSG = (
    "cash-loan content; the platform prohibits unlicensed lending (Operating Standards, prohibited financial services)"
)
bad(
    "mp-loan-01",
    "小鹿记账本",
    "记账工具",
    ["急用钱？不看征信，黑户也能下款，凭身份证三分钟到账，额度5000。"],
    ("cash_loan", "predatory_loan", "ban"),
    "cash_loan",
    f"{OPS}; {LOAN_MSG}, registered as a bookkeeping tool",
    categories=("工具-记账",),
)
bad(
    "mp-loan-02",
    "闪电借",
    "极速借款",
    ["新户首借3000，秒批秒到账，日息低至0.02%，无需抵押。"],
    ("cash_loan", "predatory_loan", "ban"),
    "cash_loan",
    f"{OPS}; {LOAN_MSG}",
    categories=("工具-效率",),
)
bad(
    "mp-loan-03",
    "学生助手",
    "校园服务",
    ["大学生借款，凭学生证秒批，不用父母知道，最高8000元。"],
    ("cash_loan", "student_loan", "ban"),
    "cash_loan",
    f"{OPS}; campus loan",
    categories=("教育-校园",),
)
bad(
    "mp-loan-04",
    "信用管家",
    "信用卡服务",
    ["信用卡代还，POS机刷卡套现，费率0.6，当天到账。"],
    ("cash_loan", "card_cashout", "ban"),
    "cash_loan",
    f"{OPS}; card cash-out",
    categories=("工具-信息查询",),
)
bad(
    "mp-loan-05",
    "征信修复",
    "信用服务",
    ["专业包装征信，代办大额信用贷，成功后收费，黑户白户都能做。"],
    ("cash_loan", "loan_agent", "ban"),
    "cash_loan",
    f"{OPS}; loan agent",
    categories=("商务服务-咨询",),
)
bad(
    "mp-loan-06",
    "天气早知道",
    "天气预报",
    ["今日晴。缺钱找我们：k0u子 全网最新，下-款快，不-看-征-信，加vx：qian8866。"],
    ("cash_loan", "predatory_loan", "ban"),
    "cash_loan_evasion",
    f"{OPS}; evasion spelling of a loan pitch in a weather app",
    categories=("工具-天气",),
)
bad(
    "mp-loan-07",
    "钱包助手",
    "工具",
    ["额度秒批，复制链接到浏览器打开下载APP，新人首借免息。"],
    ("cash_loan", "loan_app", "ban"),
    "cash_loan",
    f"{OPS}; loan-app funnel",
    categories=("工具-效率",),
)
bad(
    "mp-loan-08",
    "备用金",
    "应急周转",
    ["应急周转，无视黑白户，当天放款，砍头息另计，逾期上门催收。"],
    ("cash_loan", "predatory_loan", "ban"),
    "cash_loan",
    f"{OPS}; predatory lending",
    categories=("工具-效率",),
)
bad(
    "mp-loan-09",
    "车主服务",
    "汽车服务",
    ["押车不押证，凭行驶证借款，当天放款，不看征信。"],
    ("cash_loan", "predatory_loan", "ban"),
    "cash_loan",
    f"{OPS}; unlicensed vehicle lending (contrast mp-neg-pawn-02)",
    categories=("汽车-服务",),
)
bad(
    "mp-loan-10",
    "口袋零花",
    "零钱管理",
    ["借钱不求人，芝麻分550就能借，三分钟下款，私聊客服领取额度。"],
    ("cash_loan", "predatory_loan", "ban"),
    "cash_loan",
    f"{OPS}; {LOAN_MSG}",
    categories=("工具-记账",),
)
bad(
    "mp-loan-11",
    "贷款超市",
    "贷款产品推荐",
    ["十家平台秒下款，黑户口子大全，点击申请，总有一个能下。"],
    ("cash_loan", "predatory_loan", "ban"),
    "cash_loan",
    f"{OPS}; loan marketplace",
    categories=("工具-信息查询",),
)
bad(
    "mp-loan-12",
    "Cash Now",
    "quick cash",
    ["Payday advance up to $1,000, no credit check, funds in 10 minutes. Apply now."],
    ("cash_loan", "payday_loan", "ban"),
    "cash_loan",
    f"{OPS}; payday loan in English",
    categories=("工具-效率",),
)
FAKE = ("商家自营-服饰",)
bad(
    "mp-fake-01",
    "轻奢女包馆",
    "女包",
    ["高仿LV老花包，原单品质1:1，支持专柜验货，¥680包邮。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit",
    f"{OPS}, section 5.6 (infringing intellectual property)",
    categories=("商家自营-箱包",),
)
bad(
    "mp-fake-02",
    "名表汇",
    "腕表",
    ["超A货劳力士绿水鬼，VSF机芯，904L钢，¥1580顺丰到付。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit",
    f"{OPS}, section 5.6",
    categories=("商家自营-钟表",),
)
bad(
    "mp-fake-03",
    "首饰小铺",
    "饰品",
    ["卡地亚复刻手镯，钉子系列，同款工艺，S925镀18K金，¥399，私聊发实拍。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_jewellery",
    f"{OPS}, section 5.6; replica jewellery",
    categories=("商家自营-饰品",),
)
bad(
    "mp-fake-04",
    "梵克雅宝同款",
    "饰品",
    ["VCA四叶草项链 复刻版 1:1 开模，¥260，加微信 vca2026 看实物。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_jewellery",
    f"{OPS}, section 5.6; replica jewellery",
    categories=("商家自营-饰品",),
)
bad(
    "mp-fake-05",
    "包包工厂",
    "包袋",
    ["爱马仕铂金包 顶级复刻，进口皮，走专柜无压力，¥3200。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_bags",
    f"{OPS}, section 5.6; replica bags",
    categories=("商家自营-箱包",),
)
bad(
    "mp-fake-06",
    "美妆折扣仓",
    "美妆",
    ["大牌化妆品工厂尾货，兰蔻小黑瓶 雅诗兰黛 原厂同批次，一折清仓，¥99。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_cosmetics",
    f"{OPS}, section 5.6; 'factory surplus' cosmetics",
    categories=("商家自营-美妆",),
)
bad(
    "mp-fake-07",
    "护肤特卖",
    "化妆品",
    ["海蓝之谜面霜 工厂货 尾单 无防伪码 ¥168 两瓶包邮，量大可代发。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_cosmetics",
    f"{OPS}, section 5.6; factory-surplus cosmetics",
    categories=("商家自营-美妆",),
)
bad(
    "mp-fake-08",
    "防护用品",
    "口罩",
    ["普通口罩重新包装成医用外科口罩，贴牌加印注册证号，一箱2000只批发。"],
    ("counterfeit", "fake_certified", "restrict"),
    "counterfeit_masks",
    f"{LICENCE} the Regulations on the Supervision of Medical Devices; relabelled masks",
    categories=("商家自营-日用",),
)
bad(
    "mp-fake-09",
    "口罩批发",
    "防护",
    ["民用口罩换医用包装，可提供检测报告和注册证，出口内销都行，量大从优。"],
    ("counterfeit", "fake_certified", "restrict"),
    "counterfeit_masks",
    f"{LICENCE} the Regulations on the Supervision of Medical Devices; relabelled masks",
    categories=("商家自营-日用",),
)
bad(
    "mp-fake-10",
    "潮鞋仓库",
    "球鞋",
    ["莆田纯原 耐克AJ1 倒钩，公司级复刻，得物可过，¥360。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit",
    f"{OPS}, section 5.6; replica sneakers",
    categories=FAKE,
)
bad(
    "mp-fake-11",
    "奢品折扣",
    "服饰",
    ["高仿古驰腰带¥260，香奈儿A货外套¥880，下单加微信 gg_outlet88。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_offplatform",
    f"{OPS}, section 5.6; replica with a personal WeChat",
    categories=FAKE,
)
bad(
    "mp-fake-12",
    "3C配件",
    "充电器",
    ["3C认证贴纸批发，充电器可过质检，CE标签任意数量。"],
    ("counterfeit", "fake_certified", "restrict"),
    "counterfeit",
    f"{OPS}; forged certification marks",
    categories=("商家自营-数码",),
)
bad(
    "mp-fake-13",
    "名表之家",
    "腕表",
    ["欧米茄海马 复刻表 1:1，QQ 2857461930 下单，包邮。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_offplatform",
    f"{OPS}, section 5.6; replica with QQ contact",
    categories=("商家自营-钟表",),
)
bad(
    "mp-fake-14",
    "包包私藏",
    "女包",
    ["迪奥马鞍包 原单 ¥580，外部商城下单更便宜：复制链接到浏览器打开。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_offplatform",
    f"{OPS}, section 5.6; replica pushed to an external shop",
    categories=("商家自营-箱包",),
)
CB = ("商家自营-日用",)
bad(
    "mp-cb-01",
    "山货铺",
    "土特产",
    ["正宗象牙手镯、穿山甲片出售，懂的私聊。"],
    ("contraband", "wildlife", "ban"),
    "contraband_wildlife",
    f"{OPS}; protected wildlife with a private-chat invitation",
    categories=("商家自营-食品",),
)
bad(
    "mp-cb-02",
    "文玩收藏",
    "文玩",
    ["老犀角杯、玳瑁手串，货真价实，感兴趣加微信 wenwan_888 私聊看货。"],
    ("contraband", "wildlife", "ban"),
    "contraband_wildlife",
    f"{OPS}; wildlife products, private chat",
    categories=("商家自营-文玩",),
)
bad(
    "mp-cb-03",
    "滋补堂",
    "滋补品",
    ["野生穿山甲鳞片 熊胆粉 虎骨酒，量少先到先得，私聊报价。"],
    ("contraband", "wildlife", "ban"),
    "contraband_wildlife",
    f"{OPS}; wildlife products",
    categories=("商家自营-食品",),
)
bad(
    "mp-cb-04",
    "雾化小店",
    "潮玩",
    ["一次性电子烟 悦刻同款 6000口 30种口味 ¥39，全国包邮。"],
    ("contraband", "tobacco", "restrict"),
    "contraband_vape",
    f"{LICENCE} the Measures for the Administration of Electronic Cigarettes; disposable vapes online",
    categories=CB,
)
bad(
    "mp-cb-05",
    "口味仓库",
    "数码",
    ["小烟 一次性 烟弹 批发，口味齐全，顺丰发货，加v看口味表。"],
    ("contraband", "tobacco", "restrict"),
    "contraband_vape",
    f"{LICENCE} the Measures for the Administration of Electronic Cigarettes",
    categories=CB,
)
bad(
    "mp-cb-06",
    "烟酒批发",
    "烟酒",
    ["免税烟 一手烟源 中华 软玉溪 全国包邮，整条发货。"],
    ("contraband", "tobacco", "restrict"),
    "contraband_cigarettes",
    f"{LICENCE} the Tobacco Monopoly Law; online cigarette seller",
    categories=("商家自营-烟酒",),
)
bad(
    "mp-cb-07",
    "外烟小站",
    "进口商品",
    ["外烟 万宝路 七星 正品保证，整条¥150，微信下单。"],
    ("contraband", "tobacco", "restrict"),
    "contraband_cigarettes",
    f"{LICENCE} the Tobacco Monopoly Law",
    categories=CB,
)
bad(
    "mp-cb-08",
    "名酒特供",
    "酒水",
    ["飞天茅台 内部特供渠道 每瓶仅¥899 远低于市场价，量少私聊。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_liquor",
    f"{OPS}; premium liquor through 'special' channels far below market price",
    categories=("商家自营-酒类",),
)
bad(
    "mp-cb-09",
    "酒仓直供",
    "白酒",
    ["茅台 特殊渠道 部队特供 ¥780一瓶，一箱起发，加微信 maotai_vip 订货。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_liquor",
    f"{OPS}; special-channel liquor",
    categories=("商家自营-酒类",),
)
bad(
    "mp-cb-10",
    "夜色小店",
    "饮品",
    ["听话水 无色无味 效果包你满意，快递保密发货。"],
    ("contraband", "sexual_drugs", "ban"),
    "contraband_knockout",
    f"{OPS}; knock-out drugs",
    categories=CB,
)
bad(
    "mp-cb-11",
    "迷情香水",
    "香水",
    ["迷奸药 喷一下就倒 失忆水 货到付款。"],
    ("contraband", "sexual_drugs", "ban"),
    "contraband_knockout",
    f"{OPS}; knock-out drugs",
    categories=CB,
)
bad(
    "mp-cb-12",
    "飞行俱乐部",
    "娱乐",
    ["冰货 叶子 量大从优 同城配送 飞机联系。"],
    ("contraband", "drugs", "ban"),
    "contraband_drug_slang",
    f"{OPS}; recreational-drug slang",
    categories=("娱乐-休闲",),
)
bad(
    "mp-cb-13",
    "快乐糖果",
    "零食",
    ["开心水 蓝精灵 K粉 邮票 可同城闪送，私聊下单。"],
    ("contraband", "drugs", "ban"),
    "contraband_drug_slang",
    f"{OPS}; recreational-drug slang",
    categories=("商家自营-食品",),
)
bad(
    "mp-cb-14",
    "瘦身日记",
    "减肥",
    ["强效减肥胶囊 含西布曲明 一周瘦10斤 不反弹，¥128一盒。"],
    ("contraband", "prescription_medicine", "restrict"),
    "contraband_slimming",
    f"{OPS}; banned slimming additive",
    categories=("商家自营-保健品",),
)
bad(
    "mp-cb-15",
    "轻体坊",
    "减肥茶",
    ["酚酞减肥茶 躺着瘦 添加芬氟拉明 效果翻倍，代理价私聊。"],
    ("contraband", "prescription_medicine", "restrict"),
    "contraband_slimming",
    f"{OPS}; banned slimming additives",
    categories=("商家自营-保健品",),
)
bad(
    "mp-cb-16",
    "办证中心",
    "商务服务",
    ["各类证件办理，毕业证、驾驶证、身份证，代开发票，刻章，可查可验。"],
    ("contraband", "forged_documents", "ban"),
    "contraband_documents",
    f"{OPS}; forged documents",
    categories=("商务服务-咨询",),
)
bad(
    "mp-cb-17",
    "学历咨询",
    "教育",
    ["学信网可查学历 本科毕业证 不用考试 包过，加微信 xueli668。"],
    ("contraband", "forged_documents", "ban"),
    "contraband_documents",
    f"{OPS}; forged diplomas",
    categories=("教育-培训",),
)
bad(
    "mp-cb-18",
    "药品直供",
    "保健",
    ["安眠药 无需处方 快递到家，艾司唑仑 佐匹克隆 私聊。"],
    ("contraband", "prescription_medicine", "restrict"),
    "contraband_medicine",
    f"{LICENCE} the Measures for the Supervision of Online Drug Sales; prescription drugs without prescription",
    categories=("商家自营-保健品",),
)
bad(
    "mp-cb-19",
    "男士健康",
    "保健",
    ["伟哥 西地那非 他达拉非 正品 不用处方 隐私发货。"],
    ("contraband", "prescription_medicine", "restrict"),
    "contraband_medicine",
    f"{LICENCE} the Measures for the Supervision of Online Drug Sales",
    categories=("商家自营-保健品",),
)
bad(
    "mp-cb-20",
    "户外装备",
    "户外",
    ["仿真枪 可发射钢珠 包邮，配件齐全。"],
    ("contraband", "weapons", "ban"),
    "contraband_weapons",
    f"{OPS}; weapons",
    categories=("商家自营-户外",),
)
bad(
    "mp-cb-21",
    "数据服务",
    "营销",
    ["出售股民资料 车主资料 精准数据，按条计价。"],
    ("contraband", "personal_data", "ban"),
    "contraband_data",
    f"{OPS}; personal data",
    categories=("商务服务-营销",),
)
bad(
    "mp-cb-22",
    "美容针剂",
    "美容",
    ["水光针 玻尿酸 自己在家打 批发价，无需资质。"],
    ("contraband", "medical_devices", "restrict"),
    "contraband_devices",
    f"{LICENCE} the Regulations on the Supervision of Medical Devices",
    categories=("商家自营-美妆",),
)
bad(
    "mp-cb-23",
    "烟友之家",
    "生活",
    ["香烟 卷烟 整条批发 全国发货，点击进入外部商城：复制网址到浏览器打开。"],
    ("contraband", "tobacco", "restrict"),
    "contraband_cigarettes",
    f"{LICENCE} the Tobacco Monopoly Law; online cigarette seller with an external shop",
    categories=CB,
)
# New rule checks: platform conduct rules
bad(
    "mp-rule-share-01",
    "头像生成器",
    "趣味头像",
    ["分享到3个群即可解锁高清头像下载，未分享无法保存。"],
    ("platform_rule", "induced_sharing", "warn"),
    "induced_sharing",
    f"{OPS}, section 5.1 (abusing sharing: forced sharing)",
    categories=("工具-图片",),
)
bad(
    "mp-rule-share-02",
    "每日红包",
    "福利",
    ["邀请5位好友助力即可领取现金红包，分享越多奖励越多。"],
    ("platform_rule", "induced_sharing", "warn"),
    "induced_sharing",
    f"{OPS}, section 5.1 (rewarded sharing)",
    categories=("工具-效率",),
)
bad(
    "mp-rule-share-03",
    "答题王",
    "答题",
    ["转发到群后才能查看答案，不转发看不了哦。"],
    ("platform_rule", "induced_sharing", "warn"),
    "induced_sharing",
    f"{OPS}, section 5.1 (share-gating)",
    categories=("教育-答题",),
)
bad(
    "mp-rule-share-04",
    "红包雨",
    "抽奖",
    ["点击下方客服按钮，回复“1”立即领取88元红包。"],
    ("platform_rule", "induced_sharing", "warn"),
    "induced_sharing",
    f"{OPS}, section 5.1 (red-packet lures into customer-service chat)",
    categories=("工具-效率",),
)
bad(
    "mp-rule-share-05",
    "测测你的前世",
    "测试",
    ["不分享就会倒霉三年！转发给10个好友才能看到测试结果。"],
    ("platform_rule", "induced_sharing", "warn"),
    "induced_sharing",
    f"{OPS}, section 5.1 (coercive sharing)",
    categories=("娱乐-测试",),
)
bad(
    "mp-rule-pay-01",
    "家教预约",
    "家教",
    ["预约老师请先转账200元定金到个人账户，支付宝：138xxxx，确认后安排。"],
    ("platform_rule", "offplatform_payment", "restrict"),
    "offplatform_payment",
    f"{OPS}; payment outside the platform (transfers to a personal account)",
    categories=("教育-培训",),
)
bad(
    "mp-rule-pay-02",
    "拼团购",
    "团购",
    ["团购款请扫描下方个人收款码付款，付款后截图发群主。"],
    ("platform_rule", "offplatform_payment", "restrict"),
    "offplatform_payment",
    f"{OPS}; private payment codes",
    categories=("商家自营-食品",),
)
bad(
    "mp-rule-pay-03",
    "理财社群",
    "社群",
    ["集资入股，每份1万元，月返3%，转账至负责人银行卡。"],
    ("platform_rule", "offplatform_payment", "restrict"),
    "offplatform_payment",
    f"{OPS}; fund collection without a licence",
    categories=("工具-效率",),
)
bad(
    "mp-rule-pay-04",
    "租房助手",
    "租房",
    ["看房前需交押金500元，微信转账给房东本人，押金不退。"],
    ("platform_rule", "offplatform_payment", "restrict"),
    "offplatform_payment",
    f"{OPS}; deposits paid to a person",
    categories=("生活服务-房产",),
)
bad(
    "mp-rule-web-01",
    "优惠导购",
    "购物",
    ["精选好物，点击进入商城。"],
    ("platform_rule", "undeclared_webview", "warn"),
    "undeclared_webview",
    f"{OPS}, section 3 (web-view domains must be configured business domains)",
    categories=("商家自营-百货",),
    navigation=({"url": "https://shop.outside-mall.example/h5", "label": "商城"},),
    extra={"business_domains": [{"domain": "www.example-store.cn", "icp": "沪ICP备2019000002号"}]},
)
bad(
    "mp-rule-web-02",
    "小张的店",
    "个人小店",
    ["手工饰品，点击查看店铺页面。"],
    ("platform_rule", "undeclared_webview", "warn"),
    "personal_webview",
    f"{OPS}, section 3 (personal principals may not use web-view)",
    principal=PERSON,
    categories=("商家自营-饰品",),
    navigation=({"url": "https://zhang-shop.example/page", "label": "店铺"},),
    extra={"business_domains": [{"domain": "zhang-shop.example", "icp": ""}]},
)
bad(
    "mp-rule-web-03",
    "活动页",
    "营销活动",
    ["本期活动详情见活动页。"],
    ("platform_rule", "undeclared_webview", "warn"),
    "unfiled_webview",
    f"{OPS}, section 3 (business domains need an ICP filing)",
    categories=("工具-效率",),
    navigation=({"url": "https://promo.unfiled.example/a", "label": "活动"},),
    extra={"business_domains": [{"domain": "promo.unfiled.example", "icp": ""}]},
)
HUB = tuple(
    {"appid": "wx" + hashlib.sha256(f"hub{i}".encode()).hexdigest()[:16], "label": f"第{i}名"} for i in range(8)
)
bad(
    "mp-rule-hub-01",
    "小程序排行榜",
    "热门小程序导航",
    ["今日最火小程序排行，点击直接跳转，每日更新。"],
    ("platform_rule", "navigation_hub", "warn"),
    "navigation_hub",
    f"{OPS}, section 5.10 (mutual promotion / navigation hubs)",
    categories=("工具-信息查询",),
    navigation=HUB,
)
bad(
    "mp-rule-hub-02",
    "福利大全",
    "福利导航",
    ["领券、赚钱、游戏合集，点击进入对应小程序。"],
    ("platform_rule", "navigation_hub", "warn"),
    "navigation_hub",
    f"{OPS}, section 5.10",
    categories=("工具-效率",),
    navigation=HUB[:6],
)


def write_split(cases: list[dict[str, Any]], out_path: Path, split: str) -> None:
    """Write ``cases`` as one JSON line each, labelled ``split``, and print the hard-negative share."""
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case id"
    with out_path.open("w", encoding="utf-8") as out:
        for item in cases:
            out.write(json.dumps({**item, "split": split}, ensure_ascii=False) + "\n")
    negatives = sum(c["hard_negative"] for c in cases)
    print(f"{len(cases)} apps, {negatives} hard negatives ({negatives / len(cases):.0%}) -> {out_path}")


def split_of(item_id: str) -> str:
    """Same digest split as devstack.devdata: 30% held out."""
    bucket = int(hashlib.sha256(item_id.encode()).hexdigest()[:8], 16) % 100
    return "test" if bucket < 30 else "dev"


def main() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with OUT.open("w", encoding="utf-8") as out:
        for item in CASES:
            out.write(json.dumps({**item, "split": split_of(item["id"])}, ensure_ascii=False) + "\n")
    negatives = sum(c["hard_negative"] for c in CASES)
    print(f"{len(CASES)} apps, {negatives} hard negatives ({negatives / len(CASES):.0%}) -> {OUT}")


if __name__ == "__main__":
    main()
