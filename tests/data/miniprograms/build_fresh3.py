"""Writes fresh3.jsonl: a third independent set of mini-program cases, written before the fixes it measures.

The cases were written as a platform reviewer meets apps, without reading the judgement's term lists,
and scored on the code as it stood (figures in before_fresh3.json) before any change. Compared with
fresh2 the surface is varied on purpose: multi-page apps with page titles, links, navigation targets and
contacts; English and Chinese mixed; violations that sit in only one field; evasions (homophones, pinyin
initials, emoji separators, 私聊, contacts or QR codes only); and legitimate businesses of every licensed
kind of policy/licences.yaml and of kinds it does not list (hospitals, auction houses, pet shops,
insurers, charities, schools...). Every case was written by linkscan (no text copied from any source);
``provenance`` names the platform rule, licence regulation or kind of real listing each models.
Run ``python tests/data/miniprograms/build_fresh3.py`` after editing.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))  # a data script run by path, beside build.py

import build
from build import licence

OUT = Path(__file__).with_name("fresh3.jsonl")
RULES = "https://developers.weixin.qq.com/miniprogram/product/"  # 微信小程序平台运营规范
OPS = f"hand-written by linkscan after the WeChat Mini Program Platform Operating Standards ({RULES})"
LICENCE = "hand-written by linkscan after the licence requirement in"
LISTING = "hand-written by linkscan after the kind of listing platforms take down:"
WEBVIEW = "https://developers.weixin.qq.com/miniprogram/dev/component/web-view.html"
COMPANY = {"name": "宁波某某网络科技有限公司", "type": "enterprise"}
PERSON = {"name": "李某某", "type": "individual"}

build.CASES.clear()
CASES = build.CASES


def appid(seed: str) -> str:
    return "wx" + hashlib.sha256(("fresh3:" + seed).encode()).hexdigest()[:16]


def page(title: str, text: str, *links: dict[str, str] | str, images: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"title": title, "text": text, "links": list(links), "images": list(images)}


def app(
    cid: str,
    name: str,
    description: str,
    pages: list[dict[str, Any]],
    *,
    klass: str,
    provenance: str,
    expect: tuple[str, str, str] | None = None,  # category, subcategory, action; None = allow
    categories: tuple[str, ...] = ("工具-信息查询",),
    qualifications: tuple[dict[str, str], ...] = (),
    principal: dict[str, str] | None = None,
    contacts: tuple[dict[str, str], ...] = (),
    navigation: tuple[dict[str, str], ...] = (),
    extra: dict[str, Any] | None = None,
) -> None:
    build.case(
        cid,
        name,
        description,
        [],
        expect=None if expect is None else (*expect, ""),
        klass=klass,
        provenance=provenance,
        categories=categories,
        qualifications=qualifications,
        principal=principal or COMPANY,
        contacts=contacts,
        navigation=navigation,
        extra=extra,
    )
    item = build.CASES[-1]
    item["metadata"]["appid"] = appid(cid)
    item["metadata"]["pages"] = [{"path": f"pages/{cid.split('-')[1]}{i}/index", **p} for i, p in enumerate(pages)]
    item["split"] = "fresh3"


# ==================================================================================== hard negatives
# ------------------------------------------------------------- licensed kinds of policy/licences.yaml
app(
    "f3-neg-bank-01",
    "甬城农商银行",
    "手机银行：账户、转账、贷款、理财",
    [
        page("首页", "账户余额、明细查询、转账汇款、生活缴费。"),
        page(
            "个人贷款",
            "个人消费贷款：年利率（单利）3.6%起，额度最高30万元，线上申请，审批通过后放款至本人本行借记卡。"
            "贷款审批前不收取任何费用。",
        ),
        page("安全中心", "我行不会通过私人微信、QQ向您推荐贷款，请认准官方客服热线。"),
    ],
    klass="licensed_bank",
    provenance=f"{LICENCE} the Commercial Banking Law, art. 11 (a rural commercial bank's app with consumer loans)",
    categories=("金融业-银行",),
    qualifications=(licence("金融许可证", "B1234H233020001", "国家金融监督管理总局宁波监管局"),),
)
app(
    "f3-neg-smallloan-01",
    "惠商小贷",
    "面向个体工商户的经营性贷款",
    [
        page("产品", "经营贷：额度5万-50万元，期限3-12个月，借款年化利率（单利）7.2%-18%。"),
        page("须知", "本公司不向在校学生放款；放款前不收取任何费用；还款仅通过本程序或对公账户。"),
    ],
    klass="licensed_small_loan",
    provenance=f"{LICENCE} the CBRC/PBoC guidance on small-loan companies (银监发〔2008〕23号)",
    categories=("金融业-小额贷款",),
    qualifications=(licence("小额贷款公司经营许可证", "浙小贷2019-018"),),
)
app(
    "f3-neg-pawn-01",
    "恒通典当",
    "黄金、名表、车辆典当",
    [
        page("典当业务", "黄金、钻石、名表、名包典当，现场鉴定估价，当金当天发放，月综合费率按规定收取。"),
        page("车辆典当", "机动车质押典当：车辆须为本人名下，签订当票后放款，到期可续当。"),
        page("绝当品", "绝当二手名表出售，每件附鉴定证书，支持到店验货。"),
    ],
    klass="licensed_pawnshop",
    provenance=f"{LICENCE} the Measures for the Administration of Pawning (MOFCOM/MPS order 2005 No. 8)",
    categories=("金融业-典当",),
    qualifications=(licence("典当经营许可证", "33020001"),),
)
app(
    "f3-neg-consumerfin-01",
    "Zhixin Consumer Finance 智信消费金融",
    "Licensed consumer finance: instalments for home appliances",
    [
        page("Instalments", "家电分期 0 down payment，APR 不超过 24%，按月还款。Apply in the app only."),
        page("About", "持牌消费金融公司，经国家金融监督管理总局批准设立。Beware of fake agents on WeChat."),
    ],
    klass="licensed_consumer_finance",
    provenance=f"{LICENCE} the Measures for the Administration of Consumer Finance Companies (an English/Chinese app)",
    categories=("金融业-消费金融",),
    qualifications=(licence("金融许可证", "X0001H233010001"),),
)
app(
    "f3-neg-hospital-01",
    "市第一人民医院",
    "预约挂号、在线复诊、处方流转",
    [
        page("预约挂号", "各科室专家号源，提前7天放号。"),
        page("互联网医院", "慢病患者可在线复诊，医师开具电子处方，药师审核后药品配送到家。首诊请到院就诊。"),
        page("报告查询", "检验、检查报告在线查询。"),
    ],
    klass="licensed_hospital",
    provenance=(
        f"{LICENCE} the Regulations on Medical Institutions, art. 15, and the Internet Diagnosis and Treatment Measures"
    ),
    categories=("医疗-公立医院",),
    qualifications=(licence("医疗机构执业许可证", "PDY00001X33020311A1001"),),
)
app(
    "f3-neg-aesthetic-01",
    "悦颜医疗美容门诊部",
    "持证医疗美容机构",
    [
        page("项目", "玻尿酸填充、肉毒素除皱、光子嫩肤，均由执业医师在本院操作。"),
        page("说明", "注射类产品均为国家药监局批准的正品，仅用于本院求美者，不单独出售、不外带。术前需面诊评估。"),
    ],
    klass="licensed_aesthetic_clinic",
    provenance=(
        f"{LICENCE} the Administrative Measures for Medical Cosmetology and the Regulations on Medical Institutions"
    ),
    categories=("医疗-医疗美容",),
    qualifications=(licence("医疗机构执业许可证", "MY3302001"), licence("医疗美容科目备案")),
)
app(
    "f3-neg-dental-01",
    "贝齿口腔",
    "口腔诊所",
    [
        page("种植牙", "进口种植体，医生面诊后制定方案。"),
        page("隐形矫正", "隐形矫治器根据口扫数据定制，须由本院医生复诊调整，不单独销售矫治器。"),
    ],
    klass="licensed_clinic",
    provenance=f"{LICENCE} the Regulations on Medical Institutions (a dental clinic's devices used in treatment)",
    categories=("医疗-口腔",),
    qualifications=(licence("医疗机构执业许可证", "KQ33020009"),),
)
app(
    "f3-neg-pharmacy-01",
    "康宁大药房网上药店",
    "网上药店：OTC、处方药凭方购买",
    [
        page("感冒发烧", "布洛芬混悬液、连花清瘟胶囊等OTC药品，满59元包邮。"),
        page("处方药", "处方药须上传医生处方或在线问诊，执业药师审核通过后发货。"),
        page("资质", "药品经营许可证、互联网药品信息服务资格证书公示。"),
    ],
    klass="licensed_pharmacy",
    provenance=f"{LICENCE} the Measures for the Supervision of Online Drug Sales (SAMR order 2022 No. 58)",
    categories=("医疗-药店",),
    qualifications=(
        licence("药品经营许可证", "浙CA5740001"),
        licence("互联网药品信息服务资格证书", "(浙)-经营性-2023-0012"),
    ),
)
app(
    "f3-neg-pharmacy-02",
    "老百姓健康会员",
    "药店会员积分",
    [
        page("门店", "查找附近门店、营业时间。"),
        page("会员", "消费积分可兑换体温计、口罩等。本程序不在线销售药品，购药请到门店。"),
        page("用药提醒", "设置服药时间，按时提醒。"),
    ],
    klass="licensed_pharmacy",
    provenance=f"{LICENCE} the Drug Administration Law (a pharmacy chain's loyalty app that sells nothing online)",
    categories=("生活服务-会员",),
    qualifications=(licence("药品经营许可证", "浙CA5740088"),),
)
app(
    "f3-neg-device-01",
    "安康医疗器械商城",
    "家用医疗器械",
    [
        page("血压血糖", "上臂式电子血压计 ¥199，血糖仪套装 ¥159，顺丰发货。"),
        page("制氧机", "家用医用制氧机，请在医生指导下使用。"),
    ],
    klass="licensed_devices",
    provenance=f"{LICENCE} the Regulations on the Supervision of Medical Devices (State Council order 739)",
    categories=("商家自营-医疗器械",),
    qualifications=(licence("医疗器械经营许可证", "浙甬食药监械经营许20200001号"), licence("医疗器械网络销售备案")),
)
app(
    "f3-neg-lens-01",
    "明眸隐形眼镜",
    "隐形眼镜官方授权店",
    [
        page("日抛", "透明片日抛30片装 ¥129，首次佩戴请先到医院或眼镜店验光。"),
        page("护理液", "多功能护理液，按说明使用。"),
    ],
    klass="licensed_devices",
    provenance=f"{LICENCE} the Measures for the Supervision of Online Medical Device Sales (contact lenses, class III)",
    categories=("商家自营-眼镜",),
    qualifications=(licence("医疗器械经营许可证", "浙甬械经营许20210002号"), licence("医疗器械网络销售备案")),
)
app(
    "f3-neg-tobacco-01",
    "邻里便利店",
    "便利店到家",
    [
        page("到家", "零食饮料、日用品，30分钟送达。"),
        page(
            "公告",
            "本店持烟草专卖零售许可证，依法不通过网络和外卖渠道销售卷烟、电子烟，烟草制品请到店购买，不向未成年人售烟。",
        ),
    ],
    klass="licensed_tobacco_no_online",
    provenance=f"{LICENCE} the Tobacco Monopoly Law, art. 16, and the e-cigarette measures (no sale online)",
    categories=("商家自营-便利店",),
    qualifications=(licence("烟草专卖零售许可证", "330203100001"),),
)
app(
    "f3-neg-tobacco-02",
    "戒烟助手",
    "医院戒烟门诊预约",
    [
        page("戒烟门诊", "预约戒烟门诊，医生评估尼古丁依赖程度，制定戒烟方案。"),
        page("小知识", "电子烟同样含尼古丁，并不能帮助戒烟；吸烟者戒烟越早获益越大。"),
    ],
    klass="tobacco_control",
    provenance=f"{OPS}; a hospital's smoking-cessation clinic",
    categories=("医疗-健康管理",),
)
# ------------------------------------------------------------- licensed kinds the table does not list
app(
    "f3-neg-auction-01",
    "西泠印社拍卖预展",
    "艺术品拍卖",
    [
        page(
            "预展", "中国书画、瓷器杂项秋季拍卖会预展，竞买人须办理号牌并交纳保证金，保证金通过本程序支付或对公转账。"
        ),
        page("征集须知", "文物拍卖标的经文物部门审核；象牙、犀角及其制品等国家禁止交易的物品一律不予征集。"),
    ],
    klass="auction_house",
    provenance=f"{LICENCE} the Auction Law and the Cultural Relics Protection Law (an auction house)",
    categories=("生活服务-拍卖",),
    qualifications=(licence("拍卖经营批准证书", "3302001"), licence("文物拍卖许可证", "浙文拍0012")),
)
app(
    "f3-neg-luxury-01",
    "寻奢二手",
    "二手奢侈品寄卖",
    [
        page("在售", "路易威登 Neverfull 中号 95新 ¥6800；卡地亚 Love 手镯 ¥29800。"),
        page("鉴定", "每件商品经平台鉴定师鉴定并附鉴定证书，假一赔三。本店不收高仿、不卖A货。"),
    ],
    klass="secondhand_luxury",
    provenance=f"{OPS}; a second-hand luxury reseller with authentication",
    categories=("商家自营-二手闲置",),
)
app(
    "f3-neg-luxury-02",
    "Encore Vintage",
    "Pre-owned designer bags, authenticated",
    [
        page("Shop", "Pre-owned Chanel Classic Flap, excellent condition, ¥42,000. Hermès Kelly 28 on request."),
        page(
            "Authenticity",
            "Every item is checked by our in-house authenticators; we never sell replicas. 7天无理由退货。",
        ),
    ],
    klass="secondhand_luxury",
    provenance=f"{OPS}; an English-language second-hand luxury shop",
    categories=("商家自营-二手闲置",),
)
app(
    "f3-neg-pet-01",
    "萌宠之家",
    "宠物店：猫狗、用品、洗护",
    [
        page("在售", "布偶猫、柯基犬，已打疫苗和驱虫，签订购买合同，支持上门看宠。"),
        page("承诺", "不出售野生动物及国家保护动物；犬只协助办理养犬登记。"),
    ],
    klass="pet_shop",
    provenance=f"{OPS}; a pet shop selling cats and dogs",
    categories=("商家自营-宠物",),
)
app(
    "f3-neg-aquarium-01",
    "鱼乐水族",
    "观赏鱼、水草、鱼缸",
    [
        page("观赏鱼", "孔雀鱼、灯科鱼、七彩神仙。"),
        page("龙鱼", "人工繁育红龙鱼，附驯养繁殖证明和芯片标识，仅限到店选购。"),
    ],
    klass="licensed_wildlife_trade",
    provenance=f"{LICENCE} the Wildlife Protection Law (captive-bred Asian arowana sold with certificate and chip)",
    categories=("商家自营-宠物",),
    qualifications=(licence("水生野生动物经营利用许可证", "浙水野经0031"),),
)
app(
    "f3-neg-herbal-01",
    "老广凉茶铺",
    "凉茶、龟苓膏外卖",
    [
        page("菜单", "廿四味凉茶 ¥12，夏枯草菊花茶 ¥10，龟苓膏 ¥15，外卖配送。"),
        page("温馨提示", "凉茶为饮品，不能代替药物治疗；孕妇、儿童请咨询医生后饮用。"),
    ],
    klass="herbal_tea",
    provenance=f"{OPS}; a herbal-tea shop",
    categories=("餐饮-饮品",),
    qualifications=(licence("食品经营许可证", "JY13302000001"),),
)
app(
    "f3-neg-insurance-01",
    "安心保险经纪",
    "医疗险、意外险在线投保",
    [
        page("百万医疗", "年保费 ¥299 起，投保前请仔细阅读保险条款与免责说明。"),
        page("理赔", "理赔材料在线提交，保险公司审核后赔款直接转入被保险人本人账户。"),
    ],
    klass="insurance",
    provenance=f"{LICENCE} the Insurance Law (an insurance broker)",
    categories=("金融业-保险",),
    qualifications=(licence("经营保险经纪业务许可证", "260330000001"),),
)
app(
    "f3-neg-cardremind-01",
    "卡管家还款提醒",
    "信用卡账单与还款日提醒",
    [
        page("提醒", "导入信用卡账单日、还款日，到期前3天提醒，避免逾期影响征信。"),
        page("声明", "本工具只做提醒，不提供借款、代还、信用卡套现服务，也不会索要您的卡密码。"),
    ],
    klass="card_reminder",
    provenance=f"{OPS}; a credit-card repayment reminder that disclaims lending and cash-out",
    categories=("工具-记账",),
)
app(
    "f3-neg-gov-01",
    "甬城社保公积金",
    "社保、公积金查询",
    [
        page("公积金", "缴存明细、提取进度查询；公积金贷款额度试算：等额本息，首套房利率2.85%。"),
        page("社保", "参保证明打印、医保个人账户余额查询。"),
    ],
    klass="government_service",
    provenance=f"{OPS}; a city's social-insurance and housing-fund query service",
    categories=("政务民生-社保",),
)
app(
    "f3-neg-gov-02",
    "交管便民",
    "驾驶证、行驶证业务",
    [
        page("驾驶证", "驾驶证到期换证、遗失补证在线办理，证件邮寄到家。"),
        page("提醒", "凡声称“不用考试包拿驾照”“花钱消分”的均为诈骗，驾照考试须本人参加。"),
    ],
    klass="government_service",
    provenance=f"{OPS}; a traffic-police service naming licence scams",
    categories=("政务民生-公安交管",),
)
app(
    "f3-neg-charity-01",
    "春苗助学",
    "慈善会助学募捐",
    [
        page("项目", "为山区留守儿童捐赠冬衣和图书，每份 ¥50。"),
        page(
            "公示",
            "本会具有公开募捐资格，善款通过本程序支付进入基金会对公账户，可开具公益事业捐赠票据，收支每季度公示。",
        ),
    ],
    klass="licensed_charity",
    provenance=f"{LICENCE} the Charity Law, art. 22 (public fundraising qualification)",
    categories=("公益-慈善",),
    qualifications=(licence("公开募捐资格证书", "甬民慈募0008"),),
)
app(
    "f3-neg-school-01",
    "实验中学家校通",
    "作业、通知、缴费",
    [
        page("通知", "期中考试安排、家长会通知。"),
        page("缴费", "校服费、课后服务费请在本程序内通过微信支付缴纳，学校不接受向任何老师个人转账。"),
    ],
    klass="school",
    provenance=f"{OPS}; a school's home-school app refusing personal transfers",
    categories=("教育-中小学",),
)
app(
    "f3-neg-school-02",
    "育才职业培训",
    "职业技能等级认定培训",
    [
        page("课程", "育婴员、健康管理师培训，线上课程+线下实操。"),
        page("考试", "须参加统一理论和技能考核，合格后颁发职业技能等级证书，可在人社部门网站查询。"),
    ],
    klass="school",
    provenance=f"{OPS}; a vocational school whose certificates require exams",
    categories=("教育-职业培训",),
)
app(
    "f3-neg-wine-01",
    "甬上酒行",
    "名酒零售",
    [
        page("茅台", "53度飞天茅台按指导价 ¥1499/瓶，每人限购2瓶，实名预约，附正品溯源码。"),
        page("资质", "食品经营许可证、酒类商品零售许可公示。"),
    ],
    klass="licensed_liquor",
    provenance=f"{OPS}; a licensed liquor shop selling genuine premium liquor at the guided price",
    categories=("商家自营-酒类",),
    qualifications=(licence("食品经营许可证", "JY13302000088"),),
)
app(
    "f3-neg-adult-01",
    "私享生活馆",
    "计生用品",
    [
        page("计生", "安全套、验孕棒、润滑液，隐私包装发货。"),
        page("声明", "本店不销售任何药物类助兴产品，未成年人禁止购买。"),
    ],
    klass="adult_shop",
    provenance=f"{OPS}; a family-planning goods shop",
    categories=("商家自营-计生用品",),
)
app(
    "f3-neg-knife-01",
    "匠心厨具",
    "厨房刀具",
    [
        page("刀具", "德国钢厨师刀 ¥268，水果刀三件套 ¥99，顺丰发货。"),
        page("须知", "本店不售管制刀具，收货时须本人实名签收。"),
    ],
    klass="kitchen_knives",
    provenance=f"{OPS}; a kitchenware shop that sells knives lawfully",
    categories=("商家自营-厨具",),
)
app(
    "f3-neg-archery-01",
    "飞羽射箭馆",
    "射箭体验与培训",
    [
        page("体验", "反曲弓体验 ¥68/小时，教练一对一指导。"),
        page("规则", "弓箭器材仅限馆内使用，不外借不出售。"),
    ],
    klass="sports_venue",
    provenance=f"{OPS}; an archery range",
    categories=("体育-场馆",),
)
# ------------------------------------------------------------- informational: news, lessons, law
app(
    "f3-neg-news-01",
    "甬江晚报",
    "本地新闻",
    [
        page("社会", "法院审结一起销售假冒白酒案：被告人从小作坊购进散酒，灌装后冒充名酒出售，获刑三年。"),
        page("民生", "市场监管部门提醒：电子烟不得通过网络销售，发现网上售卖可拨打12315。"),
        page("财经", "记者调查发现，部分网贷平台以“零利息”为名收取高额服务费，实际年化超过36%。"),
    ],
    klass="news",
    provenance=f"{OPS}; a multi-page local news app with crime, consumer and finance reports",
    categories=("资讯-新闻",),
)
app(
    "f3-neg-news-02",
    "Ningbo Daily English",
    "City news in English",
    [
        page(
            "Crime",
            "Police broke up a ring selling counterfeit Moutai; buyers were lured through WeChat groups "
            "with prices far below the official one. Eleven suspects were detained.",
        ),
        page("Health", "Doctors warn that slimming pills bought from social media may contain banned sibutramine."),
    ],
    klass="news",
    provenance=f"{OPS}; an English-language news app",
    categories=("资讯-新闻",),
)
app(
    "f3-neg-antifraud-01",
    "全民反诈课堂",
    "反诈骗知识",
    [
        page("刷单返利", "骗子先让你做小任务返佣金，再诱导你垫付大额资金后拉黑。"),
        page("注销校园贷", "自称“平台客服”要你注销学生时代的贷款账户，否则影响征信，这是骗局。"),
        page("冒充客服", "任何要求你把钱转到“安全账户”的都是诈骗。"),
    ],
    klass="anti_fraud",
    provenance=f"{OPS}; an anti-fraud education app explaining scams without quoting adverts",
    categories=("教育-科普",),
)
app(
    "f3-neg-legal-01",
    "明律法律咨询",
    "律师在线咨询",
    [
        page("套路贷维权", "遭遇套路贷、暴力催收怎么办？律师帮你梳理证据，依法维权。"),
        page("刑事", "伪造、买卖国家机关公文、证件、印章的，依照刑法第二百八十条追究刑事责任。"),
    ],
    klass="legal_service",
    provenance=f"{OPS}; a law firm's consultation app naming offences",
    categories=("商务服务-法律",),
)
app(
    "f3-neg-credit-01",
    "征信知识",
    "个人征信科普",
    [
        page("修复", "征信记录只能通过按时还款逐步改善，所谓“征信洗白”“花钱删逾期记录”都是骗局。"),
        page("查询", "个人信用报告可通过中国人民银行征信中心官网免费查询。"),
    ],
    klass="financial_education",
    provenance=f"{OPS}; credit-report education warning against paid 'credit repair'",
    categories=("教育-科普",),
)
app(
    "f3-neg-birds-01",
    "观鸟记录",
    "野外观鸟打卡",
    [
        page("打卡", "今日在湿地记录到东方白鹳、白琵鹭、小天鹅。"),
        page("守则", "观鸟请保持距离，不投喂、不惊扰、不捕捉，发现非法捕鸟网请拍照报告林业部门。"),
    ],
    klass="conservation",
    provenance=f"{OPS}; a bird-watching log naming protected species",
    categories=("生活服务-户外",),
)
app(
    "f3-neg-drugedu-01",
    "青少年禁毒知识竞赛",
    "禁毒答题",
    [
        page("题库", "下列哪些是新型毒品的伪装形式？A.小树枝 B.邮票 C.神仙水 D.以上都是。"),
        page("说明", "答题满分可获电子证书，不设物质奖励，无需分享。"),
    ],
    klass="anti_drug",
    provenance=f"{OPS}; a drug-prevention quiz naming disguised drugs",
    categories=("教育-科普",),
)
app(
    "f3-neg-druginfo-01",
    "药品说明书查询",
    "药品信息查询工具",
    [
        page("查询", "输入药名查询说明书：阿莫西林胶囊为处方药，须凭医生处方购买使用。"),
        page("声明", "本工具仅提供信息查询，不销售药品，不提供诊疗建议。"),
    ],
    klass="drug_information",
    provenance=f"{OPS}; a drug-label lookup tool that sells nothing",
    categories=("工具-信息查询",),
)
app(
    "f3-neg-mortgage-01",
    "Mortgage Calc 房贷计算器",
    "Mortgage and loan calculator",
    [
        page("Calculator", "LPR 3.85%，等额本息 / equal principal，输入贷款金额和年限计算月供。"),
        page("Note", "This tool does not lend money and does not collect personal data."),
    ],
    klass="calculator",
    provenance=f"{OPS}; a bilingual mortgage calculator",
    categories=("工具-计算器",),
)
# ------------------------------------------------------------- ordinary shops with seller signals
app(
    "f3-neg-tea-01",
    "Longjing Tea House 龙井茶舍",
    "Organic tea from Hangzhou",
    [
        page("Shop", "明前龙井 Organic Longjing ¥168/250g, shipped by SF Express 顺丰包邮."),
        page("Contact", "批发或定制礼盒请加微信客服咨询。"),
    ],
    klass="ordinary_shop",
    provenance=f"{OPS}; a tea shop with price, delivery and a WeChat contact for wholesale",
    categories=("商家自营-茶叶",),
    contacts=({"kind": "wechat", "value": "longjing_tea_cs"},),
)
app(
    "f3-neg-phone-01",
    "闲机回收",
    "二手手机回收",
    [
        page("回收", "回收苹果、华为旧手机，上门取件，估价后当场付款到您的微信零钱。"),
        page("规则", "须本人实名，来历不明、已挂失的机器一律不收。"),
    ],
    klass="ordinary_shop",
    provenance=f"{OPS}; a phone recycling service",
    categories=("生活服务-回收",),
)
app(
    "f3-neg-market-01",
    "邻家闲置",
    "社区二手交易",
    [
        page("发布", "闲置家具、童书、家电，同城自提。"),
        page("社区规则", "禁止发布烟草、药品、仿冒品、野生动物制品；交易请使用平台担保支付，勿私下转账。"),
    ],
    klass="marketplace_rules",
    provenance=f"{OPS}; a second-hand marketplace's posting rules naming prohibited goods",
    categories=("商家自营-二手闲置",),
)
app(
    "f3-neg-tickets-01",
    "甬城大剧院",
    "演出购票",
    [
        page("演出", "音乐剧《猫》巡演，实名购票，一人一票。"),
        page("提醒", "请通过本程序购票，谨防黄牛；要求私下转账的“内部票”均为诈骗。"),
    ],
    klass="ticketing",
    provenance=f"{OPS}; a theatre box office warning about private-transfer ticket touts",
    categories=("文娱-票务",),
)
app(
    "f3-neg-rental-01",
    "小蓝租车",
    "自驾租车",
    [
        page("押金", "车辆押金通过微信支付预授权冻结，还车且无违章后自动解冻，不需要转账。"),
        page("车型", "经济型轿车 ¥128/天起。"),
    ],
    klass="deposit_on_platform",
    provenance=f"{OPS}; a car rental taking deposits by the platform's pre-authorisation",
    categories=("生活服务-租车",),
)
app(
    "f3-neg-jobs-01",
    "甬城快聘",
    "本地招聘",
    [
        page("职位", "招聘快递分拣员，月薪6000-8000，包住。"),
        page("安全", "正规招聘不收押金、培训费；要求扫码转账交“保证金”的请举报。"),
    ],
    klass="recruitment",
    provenance=f"{OPS}; a job board warning about deposits",
    categories=("商务服务-招聘",),
)
app(
    "f3-neg-jewellerylab-01",
    "金玉检测",
    "珠宝玉石检测",
    [
        page("检测", "翡翠A货B货C货鉴别、莫桑石与钻石区分、和田玉产地鉴定，出具检测证书。"),
        page("须知", "本中心只做检测，不买卖珠宝。"),
    ],
    klass="inspection_lab",
    provenance=f"{OPS}; a gemstone testing lab",
    categories=("生活服务-鉴定",),
)
# ------------------------------------------------------------- platform-rule hard negatives
app(
    "f3-neg-mall-01",
    "银泰城会员",
    "商场会员服务",
    [page("服务", "停车缴费、会员积分、品牌活动。"), page("更多", "点击进入停车缴费或会员中心小程序。")],
    klass="few_jumps",
    provenance=f"{OPS}, section 5.10 (two purposeful jumps to the mall's own apps)",
    categories=("生活服务-商场",),
    navigation=(
        {"appid": appid("mall-parking"), "label": "停车缴费"},
        {"appid": appid("mall-member"), "label": "会员中心"},
    ),
)
app(
    "f3-neg-webview-01",
    "鲜丰果园",
    "水果配送",
    [page("首页", "当季水果，次日达。"), page("活动", "本周活动详见活动页。")],
    klass="webview_declared",
    provenance=f"{OPS}; a web-view to a declared, filed business domain ({WEBVIEW})",
    categories=("商家自营-生鲜",),
    navigation=({"url": "https://act.xianfeng-fruit.example/week", "label": "活动页"},),
    extra={"business_domains": [{"domain": "xianfeng-fruit.example", "icp": "浙ICP备2021000333号"}]},
)
app(
    "f3-neg-groupbuy-01",
    "社区团购",
    "社区生鲜团购",
    [
        page("今日团", "鸡蛋30枚 ¥19.9，次日到团长处自提。"),
        page("支付", "下单通过微信支付，团长不代收货款，如有人要求转账给团长个人请拒绝。"),
    ],
    klass="payment_on_platform",
    provenance=f"{OPS}; a community group-buy paying through the platform",
    categories=("商家自营-生鲜",),
)

# ====================================================================================== violations
# ------------------------------------------------------------- cash loans
app(
    "f3-loan-01",
    "小鹿记账",
    "记账工具",
    [
        page("记账", "一键记录日常收支，月度报表。"),
        page("急用钱？身份证即可借5000", "填写信息，最快10分钟审核。"),
    ],
    expect=("cash_loan", "loan_app", "ban"),
    klass="loan_in_title",
    provenance=f"{OPS}; a bookkeeping app whose loan offer is only a page title",
    categories=("工具-记账",),
)
app(
    "f3-loan-02",
    "钱袋袋",
    "周转工具",
    [page("首页", "秒下kuan，无视zheng信黑白户，dai款2万当天到账，私聊客服领额度。")],
    expect=("cash_loan", "predatory_loan", "ban"),
    klass="loan_homophone",
    provenance=f"{LISTING} loans with pinyin for the key characters",
    categories=("工具-效率",),
    contacts=({"kind": "wechat", "value": "qdd_kefu88"},),
)
app(
    "f3-loan-03",
    "宝子应急",
    "生活小帮手",
    [
        page(
            "首页",
            "急需用钱的宝子看过来💰 小额借zhi 1000-5000，凭sfz秒到账，不看征信，dd我。",
        ),
    ],
    expect=("cash_loan", "predatory_loan", "ban"),
    klass="loan_pinyin",
    provenance=f"{LISTING} small loans in slang and pinyin initials",
    categories=("生活服务-其他",),
    contacts=({"kind": "qq", "value": "2837461950"},),
)
app(
    "f3-loan-04",
    "青春分期",
    "大学生购物分期",
    [
        page("额度", "在校大学生专享，凭学生证借款最高8000元，无需父母同意，放款到微信零钱。"),
        page("还款", "按周还款，逾期按日收取违约金。"),
    ],
    expect=("cash_loan", "student_loan", "ban"),
    klass="student_loan",
    provenance=f"{LISTING} campus loans (banned by the CBIRC/MoE notice of 2021)",
    categories=("商家自营-数码",),
)
app(
    "f3-loan-05",
    "卡友之家",
    "信用卡用户交流",
    [
        page("服务", "信用卡套现、花呗提现，费率低至0.6%，秒到不跑路。"),
        page("联系", "需要的朋友加微信详聊。"),
    ],
    expect=("cash_loan", "card_cashout", "ban"),
    klass="card_cashout",
    provenance=f"{LISTING} credit-card and consumer-credit cash-out",
    categories=("社交-社区",),
    contacts=({"kind": "wechat", "value": "kayou_tx"},),
)
app(
    "f3-loan-06",
    "融易通",
    "企业咨询服务",
    [
        page("业务", "黑户白户均可操作，包装流水、包装资料，包下款，成功后收取15%服务费。"),
    ],
    expect=("cash_loan", "loan_agent", "ban"),
    klass="loan_agent",
    provenance=f"{LISTING} loan brokers who falsify applicants' documents",
    categories=("商务服务-咨询",),
)
app(
    "f3-loan-07",
    "QuickCash 7",
    "Cash in 7 days",
    [
        page("Apply", "Payday cash up to ¥3000, no credit check, 7-day term, 日息1%. Money in 5 minutes."),
    ],
    expect=("cash_loan", "payday_loan", "ban"),
    klass="payday_loan",
    provenance=f"{LISTING} short-term payday loans in English",
    categories=("工具-效率",),
)
app(
    "f3-loan-08",
    "二手车之家",
    "二手车信息",
    [
        page("车源", "精品二手车，全国过户。"),
        page("检测", "第三方检测报告。"),
        page("车贷", "押证不押车，不看征信，车辆抵押借款当天放款，最高可借车价的八成。"),
    ],
    expect=("cash_loan", "predatory_loan", "ban"),
    klass="loan_one_page",
    provenance=f"{LISTING} car-title loans without a pawn licence, hidden in a multi-page app",
    categories=("汽车-二手车",),
)
app(
    "f3-loan-09",
    "应急钱包",
    "额度1-5万，30分钟到账",
    [page("首页", "欢迎使用。"), page("关于", "有需要的老板直接联系客服。")],
    expect=("cash_loan", "loan_app", "ban"),
    klass="loan_in_description",
    provenance=f"{LISTING} a loan app whose offer is only in name and description",
    categories=("工具-效率",),
    contacts=({"kind": "wechat", "value": "yjqb_2024"},),
)
app(
    "f3-loan-10",
    "每日签到",
    "签到领积分",
    [page("签到", "每日签到领积分，积分兑换好礼。")],
    expect=("cash_loan", "loan_app", "ban"),
    klass="loan_navigation",
    provenance=f"{LISTING} a loan web-view reached only from a navigation label",
    categories=("工具-效率",),
    navigation=({"url": "https://h5.jiekuan-kuai.example/apply", "label": "借款额度领取，最高5万秒批"},),
)
# ------------------------------------------------------------- counterfeits
app(
    "f3-cf-01",
    "潮包集合",
    "包包",
    [page("新品", "L🌟V 原单1:1复刻，顶级版本，支持验货，加v看实拍 ¥980。")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="replica_emoji",
    provenance=f"{LISTING} replica bags with emoji separators",
    categories=("商家自营-箱包",),
)
app(
    "f3-cf-02",
    "Time Gallery",
    "Watches",
    [page("Rolex", "Rolex Submariner 1:1 super clone, 瑞士机芯, ¥2800 顺丰包邮, 支持专柜验货.")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="replica_english",
    provenance=f"{LISTING} 'super clone' watches in English and Chinese",
    categories=("商家自营-钟表",),
)
app(
    "f3-cf-03",
    "鞋柜",
    "运动鞋",
    [page("AJ", "莆田纯原AJ1，公司级版本，得物可过，¥399包邮。")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="replica_sneakers",
    provenance=f"{LISTING} Putian replica sneakers",
    categories=("商家自营-鞋类",),
)
app(
    "f3-cf-04",
    "数码优选",
    "耳机",
    [page("耳机", "华强北AirPods Pro 洛达芯片，弹窗定位改名全支持，外观与正品一模一样，¥158。")],
    expect=("counterfeit", "copycat", "restrict"),
    klass="copycat_electronics",
    provenance=f"{LISTING} look-alike earphones passed off as the brand's",
    categories=("商家自营-数码",),
)
app(
    "f3-cf-05",
    "农品标签",
    "包装印刷",
    [page("标签", "有机认证标签、绿色食品标志贴纸批发，贴上即可卖高价，不需要认证。")],
    expect=("counterfeit", "fake_certified", "restrict"),
    klass="fake_certification_mark",
    provenance=f"{LISTING} organic and green-food certification marks sold as stickers",
    categories=("商家自营-印刷",),
)
app(
    "f3-cf-06",
    "美肤代工",
    "面膜代加工",
    [page("OEM", "械字号面膜贴牌代工，无需备案，直接提供械字号包装盒，起订量500片。")],
    expect=("counterfeit", "fake_certified", "restrict"),
    klass="fake_device_label",
    provenance=f"{LISTING} cosmetics relabelled with medical-device registration marks",
    categories=("商务服务-加工",),
)
app(
    "f3-cf-07",
    "微信支付官方客服中心",
    "退款、解冻、提额",
    [page("服务", "账户冻结、退款失败、提额请联系在线客服处理。")],
    expect=("counterfeit", "impersonation", "restrict"),
    klass="impersonation",
    provenance=f"{OPS}, section 5.11 (an individual posing as the payment service's official support)",
    principal=PERSON,
    categories=("工具-效率",),
)
app(
    "f3-cf-08",
    "茅台 酒厂直供",
    "名酒",
    [page("飞天", "53度飞天酒厂内部员工福利酒，无溯源码，¥680一瓶，量大可谈，私聊。")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="counterfeit_liquor",
    provenance=f"{LISTING} premium liquor far below the official price through 'internal' channels",
    categories=("商家自营-酒类",),
)
app(
    "f3-cf-09",
    "大牌小样",
    "护肤品",
    [page("面霜", "海蓝之谜面霜专柜原单尾货 ¥199，无防伪码，介意勿拍。")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="factory_surplus_cosmetics",
    provenance=f"{LISTING} 'counter surplus' luxury cosmetics without anti-counterfeit codes",
    categories=("商家自营-美妆",),
)
app(
    "f3-cf-10",
    "潮流服饰",
    "男装女装",
    [page("新品", "秋冬新品上架，均价299。"), page("高仿Gucci专区", "同款同料，质量可对比专柜。")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="replica_in_title",
    provenance=f"{LISTING} replicas named only in a page title",
    categories=("商家自营-服饰",),
)
app(
    "f3-cf-11",
    "Apple 官方授权维修",
    "iPhone 维修",
    [page("维修", "屏幕、电池更换，当天取机。")],
    expect=("counterfeit", "impersonation", "restrict"),
    klass="impersonation",
    provenance=f"{OPS}, section 5.11 (a repair shop claiming to be the brand's authorised centre)",
    principal=PERSON,
    categories=("生活服务-维修",),
)
app(
    "f3-cf-12",
    "名表汇",
    "腕表",
    [
        page(
            "绿水鬼",
            "ROLEX 绿水鬼 对版 V12厂 ¥3200，长按识别二维码加微信看实拍。",
            images=("https://img.minghui-watch.example/qr/wx.png",),
        )
    ],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="replica_factory_code_qr",
    provenance=f"{LISTING} replica watches named by factory code, sold through a QR code",
    categories=("商家自营-钟表",),
)
# ------------------------------------------------------------- contraband
app(
    "f3-cb-01",
    "口味研究所",
    "水果口味",
    [page("新品", "yd一次性dz烟，30种口味，¥45一支，顺丰发货。")],
    expect=("contraband", "tobacco", "restrict"),
    klass="vape_pinyin",
    provenance=f"{LISTING} disposable e-cigarettes in pinyin initials (e-cigarette measures ban online sale)",
    categories=("商家自营-食品",),
)
app(
    "f3-cb-02",
    "免税好物",
    "免税店代购",
    [page("香烟", "免税中华、软华子整条¥380，私聊下单，量大包邮。")],
    expect=("contraband", "tobacco", "restrict"),
    klass="cigarettes",
    provenance=f"{LISTING} 'duty-free' cigarettes by the carton",
    categories=("商家自营-百货",),
)
app(
    "f3-cb-03",
    "礼尚往来",
    "精品礼品",
    [page("首页", "节日礼盒、商务礼品定制。")],
    expect=("contraband", "tobacco", "restrict"),
    klass="tobacco_in_navigation",
    provenance=f"{LISTING} cigarettes offered only through a navigation label",
    categories=("商家自营-礼品",),
    navigation=({"url": "https://lishang-gift.example/yan", "label": "香烟批发 整条发货 加微信"},),
    extra={"business_domains": [{"domain": "lishang-gift.example", "icp": "浙ICP备2022000555号"}]},
)
app(
    "f3-cb-04",
    "同城闪送",
    "跑腿",
    [page("首页", "叶子、冰糖、飞行燃料，同城一小时送达，懂的来，暗号“上头”。")],
    expect=("contraband", "drugs", "ban"),
    klass="drug_slang",
    provenance=f"{LISTING} recreational-drug slang with same-city delivery",
    categories=("生活服务-跑腿",),
)
app(
    "f3-cb-05",
    "420 Club",
    "Chill",
    [page("Menu", "🍃weed🍃 THC vape carts, high purity, 同城配送, contact on Telegram @chill420cn.")],
    expect=("contraband", "drugs", "ban"),
    klass="drug_english",
    provenance=f"{LISTING} cannabis in English with emoji and a Telegram handle",
    categories=("生活服务-其他",),
)
app(
    "f3-cb-06",
    "夜色",
    "约会神器",
    [page("商品", "听话水 无色无味，放饮料里十分钟见效，¥198 保密发货。")],
    expect=("contraband", "sexual_drugs", "ban"),
    klass="knockout_drug",
    provenance=f"{LISTING} 'obedience water' knock-out drugs",
    categories=("商家自营-成人用品",),
)
app(
    "f3-cb-07",
    "蜜语",
    "情趣",
    [page("热卖", "女用崔情液🌹约会必备，一滴就动情，未成年勿拍，私聊发货。")],
    expect=("contraband", "sexual_drugs", "ban"),
    klass="aphrodisiac_homophone",
    provenance=f"{LISTING} aphrodisiac drops with a homophone",
    categories=("商家自营-成人用品",),
)
app(
    "f3-cb-08",
    "户外猎手",
    "户外装备",
    [page("装备", "PCP气枪、狗粮（铅弹）、瞄准镜，打鸟神器，私聊看货。")],
    expect=("contraband", "weapons", "ban"),
    klass="air_guns",
    provenance=f"{LISTING} air guns and pellets",
    categories=("商家自营-户外",),
)
app(
    "f3-cb-09",
    "防身用品",
    "安全防护",
    [page("商品", "三棱刀、弹簧刀、伸缩甩棍，防身必备，快递发货，匿名包装。")],
    expect=("contraband", "weapons", "ban"),
    klass="controlled_knives",
    provenance=f"{LISTING} controlled knives and batons",
    categories=("商家自营-户外",),
)
app(
    "f3-cb-10",
    "老物件",
    "文玩把件",
    [page("把件", "老象牙随形把件，油润包浆，懂的私聊，不发实物图。")],
    expect=("contraband", "wildlife", "ban"),
    klass="ivory",
    provenance=f"{LISTING} ivory carvings sold by private chat",
    categories=("商家自营-文玩",),
)
app(
    "f3-cb-11",
    "本草堂",
    "中药材",
    [page("药材", "穿山甲片（炮山甲）正品，通乳下奶，¥120/克，私聊下单。")],
    expect=("contraband", "wildlife", "ban"),
    klass="pangolin",
    provenance=f"{LISTING} pangolin scales as medicine",
    categories=("商家自营-保健品",),
)
app(
    "f3-cb-12",
    "鸟语林",
    "鸣禽",
    [page("鸟", "野生画眉、百灵，山里刚抓的，包活快递，¥300一只。")],
    expect=("contraband", "wildlife", "ban"),
    klass="wild_birds",
    provenance=f"{LISTING} wild-caught songbirds (protected since the 2021 list)",
    categories=("商家自营-宠物",),
)
app(
    "f3-cb-13",
    "学历提升",
    "学历服务",
    [page("服务", "本科毕业证，学信网可查，档案可入，无需上课考试，全国包过。")],
    expect=("contraband", "forged_documents", "ban"),
    klass="forged_diplomas",
    provenance=f"{LISTING} diplomas sold 'verifiable'",
    categories=("教育-学历教育",),
)
app(
    "f3-cb-14",
    "财税帮",
    "财税服务",
    [page("业务", "代开增值税专用发票，各行业均可开，点数低，可验真。")],
    expect=("contraband", "forged_documents", "ban"),
    klass="forged_invoices",
    provenance=f"{LISTING} VAT invoices issued for others",
    categories=("商务服务-财税",),
)
app(
    "f3-cb-15",
    "速成驾考",
    "驾照服务",
    [page("C1", "C1驾照免体检免考试，本人不用到场，3天出证。")],
    expect=("contraband", "forged_documents", "ban"),
    klass="licence_without_exam",
    provenance=f"{LISTING} driving licences without an exam and no seller signal",
    categories=("教育-驾培",),
)
app(
    "f3-cb-16",
    "查查看",
    "信息查询",
    [page("查询", "手机号查开房记录、身份证查户籍、查行踪轨迹，一条50元。")],
    expect=("contraband", "personal_data", "ban"),
    klass="personal_data_lookup",
    provenance=f"{LISTING} lookups of others' personal records",
    categories=("工具-信息查询",),
)
app(
    "f3-cb-17",
    "Leads Hub",
    "Sales leads",
    [page("Data", "Fresh investor phone lists, 10万条 ¥500, updated daily, 精准股民名单.")],
    expect=("contraband", "personal_data", "ban"),
    klass="personal_data_english",
    provenance=f"{LISTING} personal data lists in English",
    categories=("商务服务-营销",),
)
app(
    "f3-cb-18",
    "轻盈体态",
    "减重管理",
    [page("减重针", "司美格鲁肽减肥针，无需处方，冷链发货，¥680一支。")],
    expect=("contraband", "prescription_medicine", "restrict"),
    klass="prescription_online",
    provenance=(
        f"{LICENCE} the Measures for the Supervision of Online Drug "
        "Sales (weight-loss injections sold without prescription)"
    ),
    categories=("商家自营-保健品",),
)
app(
    "f3-cb-19",
    "街坊药房",
    "药店外卖",
    [page("处方药", "处方药免审方直接发货：头孢、阿奇霉素、降压药，满99包邮。")],
    expect=("contraband", "prescription_medicine", "restrict"),
    klass="pharmacy_breach",
    provenance=(
        f"{LICENCE} the Measures for the Supervision of Online Drug Sales (a pharmacy skipping prescription review)"
    ),
    categories=("医疗-药店",),
    qualifications=(licence("药品经营许可证", "浙CA5740099"),),
)
app(
    "f3-cb-20",
    "彩瞳小铺",
    "美瞳",
    [page("美瞳", "美瞳日抛代购，无需验光，度数随便选，私聊拿货价。")],
    expect=("contraband", "medical_devices", "restrict"),
    klass="contact_lenses_unlicensed",
    provenance=(
        f"{LICENCE} the Regulations on the Supervision of Medical Devices (coloured lenses sold without licence)"
    ),
    categories=("商家自营-美妆",),
)
app(
    "f3-cb-21",
    "美容仪器",
    "美容院设备",
    [page("设备", "医用射频美容仪热玛吉家用版，无需医疗资质，私聊拿货价，¥3800包邮。")],
    expect=("contraband", "medical_devices", "restrict"),
    klass="medical_device_unlicensed",
    provenance=f"{LICENCE} the Regulations on the Supervision of Medical Devices (medical RF devices sold to anyone)",
    categories=("商家自营-美妆",),
)
app(
    "f3-cb-22",
    "雅藏",
    "收藏交流",
    [page("藏品", "老犀角杯一只，清代老货，有意者私聊。")],
    expect=("contraband", "wildlife", "ban"),
    klass="rhino_horn_private_chat",
    provenance=f"{LISTING} rhino-horn carvings offered only by private chat",
    categories=("社交-兴趣",),
)
# ------------------------------------------------------------- platform rules
app(
    "f3-rule-01",
    "每日一题",
    "答题",
    [page("答案", "把这篇文章转发到任意三个微信群或朋友圈（保留2小时以上）后返回本页，即可查看答案。")],
    expect=("platform_rule", "induced_sharing", "warn"),
    klass="share_gating_long",
    provenance=f"{OPS}, section 5.1 (content unlocked by sharing, with a long gap between share and unlock)",
    categories=("教育-在线教育",),
)
app(
    "f3-rule-02",
    "0元砍价",
    "砍价免费拿",
    [page("砍价", "邀请好友帮你砍一刀，满10人助力即可0元拿走电饭煲。")],
    expect=("platform_rule", "induced_sharing", "warn"),
    klass="invite_help",
    provenance=f"{OPS}, section 5.1 (rewards for inviting friends)",
    categories=("商家自营-百货",),
)
app(
    "f3-rule-03",
    "福利社",
    "每日福利",
    [page("红包", "添加客服企业微信，回复“福利”领取8.88元现金红包。")],
    expect=("platform_rule", "induced_sharing", "warn"),
    klass="red_packet_lure",
    provenance=f"{OPS}, section 5.1 (red-packet lure into a customer-service chat)",
    categories=("生活服务-其他",),
)
app(
    "f3-rule-04",
    "手作烘焙",
    "蛋糕定制",
    [page("下单", "下单后请将货款转至支付宝账号 bake_zhang@163.com（张某），到账后安排制作。")],
    expect=("platform_rule", "offplatform_payment", "restrict"),
    klass="personal_transfer",
    provenance=f"{OPS}; payment to a personal Alipay account",
    categories=("餐饮-烘焙",),
)
app(
    "f3-rule-05",
    "瑜伽馆",
    "会员卡",
    [page("会员", "年卡 ¥1999，请扫描本页底部老板的个人收款码付款，备注手机号。")],
    expect=("platform_rule", "offplatform_payment", "restrict"),
    klass="personal_qr",
    provenance=f"{OPS}; a personal payment QR code",
    categories=("体育-健身",),
)
app(
    "f3-rule-06",
    "合伙开店",
    "共享奶茶店",
    [page("招募", "众筹开店，每股1万元，月分红10%，入股款转到项目负责人账户。")],
    expect=("platform_rule", "offplatform_payment", "restrict"),
    klass="fund_collection",
    provenance=f"{OPS}; fund collection from the public",
    categories=("商务服务-加盟",),
)
app(
    "f3-rule-07",
    "安居找房",
    "租房",
    [page("看房", "看房前需交押金500元，请微信转账给房东本人，看房后退还。")],
    expect=("platform_rule", "offplatform_payment", "restrict"),
    klass="personal_deposit",
    provenance=f"{OPS}; a deposit paid to a person",
    categories=("生活服务-房产",),
)
app(
    "f3-rule-08",
    "旅行攻略",
    "攻略",
    [page("首页", "热门目的地攻略。")],
    expect=("platform_rule", "undeclared_webview", "warn"),
    klass="undeclared_webview",
    provenance=f"{OPS}; a web-view to an undeclared host ({WEBVIEW})",
    categories=("旅游-攻略",),
    navigation=({"url": "https://m.partner-tour.example/deals", "label": "特价"},),
    extra={"business_domains": [{"domain": "lvxing-gonglue.example", "icp": "浙ICP备2023000111号"}]},
)
app(
    "f3-rule-09",
    "花艺课堂",
    "花艺",
    [page("首页", "花艺课程。")],
    expect=("platform_rule", "undeclared_webview", "warn"),
    klass="unfiled_domain",
    provenance=f"{OPS}; a declared business domain without an ICP filing ({WEBVIEW})",
    categories=("教育-兴趣",),
    navigation=({"url": "https://huayi-class.example/course", "label": "课程"},),
    extra={"business_domains": [{"domain": "huayi-class.example", "icp": ""}]},
)
app(
    "f3-rule-10",
    "小李的书店",
    "二手书",
    [page("首页", "二手书，品相好。")],
    expect=("platform_rule", "undeclared_webview", "warn"),
    klass="personal_webview",
    provenance=f"{OPS}; a personal principal embedding a web page ({WEBVIEW})",
    principal=PERSON,
    categories=("商家自营-图书",),
    navigation=({"url": "https://xiaoli-books.example/list", "label": "书单"},),
)
app(
    "f3-rule-11",
    "每日推荐",
    "好玩的小程序",
    [page("推荐", "每天为你推荐好玩的。")],
    expect=("platform_rule", "navigation_hub", "warn"),
    klass="navigation_hub_many",
    provenance=f"{OPS}, section 5.10 (twelve jumps, no ranking cue)",
    categories=("工具-效率",),
    navigation=tuple({"appid": appid(f"hub11-{i}"), "label": f"推荐{i}"} for i in range(12)),
)
app(
    "f3-rule-12",
    "小程序排行榜",
    "热门小程序榜单",
    [page("榜单", "本周热门小程序排行，点击直达。")],
    expect=("platform_rule", "navigation_hub", "warn"),
    klass="navigation_hub_ranking",
    provenance=f"{OPS}, section 5.10 (a ranking hub with six jumps)",
    categories=("工具-效率",),
    navigation=tuple({"appid": appid(f"hub12-{i}"), "label": f"第{i + 1}名"} for i in range(6)),
)


def main() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case id"
    with OUT.open("w", encoding="utf-8") as out:
        for item in CASES:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    negatives = sum(c["hard_negative"] for c in CASES)
    print(f"{len(CASES)} apps, {negatives} hard negatives ({negatives / len(CASES):.0%}) -> {OUT}")


if __name__ == "__main__":
    main()
