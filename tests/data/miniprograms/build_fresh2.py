"""Writes fresh2.jsonl: a second set of mini-program cases, written before the fixes it measures.

The cases were written and scored on the judgement code as it stood (figures in before_fresh2.json)
before any change for the misses named in docs/miniprogram.md, so "fresh2" is an independent figure
for those fixes. More than half are hard negatives: conditional report-it notices, anti-fraud lessons
that quote sellers, licensed pawnshops, pharmacies and clinics, inspection labs, tobacco control and
news. Same shape and helpers as build.py; every case was written by linkscan (no text copied from any
source); ``provenance`` names the platform rule, licence regulation or kind of real listing each models.
Run ``python tests/data/miniprograms/build_fresh2.py`` after editing.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))  # a data script run by path, beside build.py

import build
from build import LICENCE, OPS, PERSON, bad, licence, ok

OUT = Path(__file__).with_name("fresh2.jsonl")
WEBVIEW = "https://developers.weixin.qq.com/miniprogram/dev/component/web-view.html"
EDU = ("教育-科普",)
NEWS = ("资讯-新闻",)


def appid(seed: str) -> str:
    return "wx" + hashlib.sha256(seed.encode()).hexdigest()[:16]


def with_links(page: int, *links: dict[str, str]) -> None:
    """Adds page links to the case just written (build.case takes texts only)."""
    build.CASES[-1]["metadata"]["pages"][page]["links"] = list(links)


build.CASES.clear()
# ================================================================ hard negatives
# ---------------------------------------------------------------- conditional report-it notices
ok(
    "f2-neg-report-01",
    "森林防火与野保",
    "林业站便民服务",
    [
        "春季防火期，进山请勿携带火种。",
        "若有人在朋友圈或私聊中向您兜售象牙制品、穿山甲鳞片、犀角，请立即拨打12315或向森林公安举报，查实有奖。",
    ],
    "report_notice",
    f"{OPS}; a forestry station's report-it notice modelled on wildlife-trade reporting appeals",
    categories=("政务民生-林业",),
)
ok(
    "f2-neg-report-02",
    "幸福里物业",
    "小区物业服务",
    [
        "报修、缴物业费、停车登记。",
        "温馨提示：近期有人在业主群以“内部价”私下推销电子烟和烟弹，如遇此类兜售，请勿购买并联系物业或拨打12313举报。",
    ],
    "report_notice",
    f"{OPS}; a property-management notice about private vape sales (e-cigarette measures)",
    categories=("生活服务-物业",),
    contacts=({"kind": "phone", "value": "0571-88886666"},),
)
ok(
    "f2-neg-report-03",
    "某某职业学院",
    "校园服务",
    [
        "课表查询、成绩查询、宿舍报修。",
        "安全提醒：如有人以“学生专享、不用父母知道、当天放款”等话术向你推荐借款，请勿理会，并及时告知辅导员或拨打110。",
    ],
    "report_notice",
    f"{OPS}; a college's campus-loan warning, after the student-loan notices schools publish",
    categories=("教育-高等教育",),
)
ok(
    "f2-neg-report-04",
    "职业技能培训",
    "职业技能培训报名",
    [
        "电工、焊工、育婴员培训报名，考试通过后由人社部门颁发证书。",
        "如果有人声称“不用考试就能拿证、证书可上网查询”，那是伪造证书骗局，请向当地人社部门举报。",
    ],
    "report_notice",
    f"{OPS}; a training school warning against forged vocational certificates",
    categories=("教育-职业培训",),
)
ok(
    "f2-neg-report-05",
    "放心消费",
    "消费维权",
    [
        "如发现商家销售贴假3C标志的充电器、无防伪码的“工厂尾单”化妆品，请拍照保留证据并通过本程序向市场监管部门投诉举报。",
    ],
    "report_notice",
    f"{OPS}; a consumer-complaint service naming fake certification marks and factory-surplus cosmetics",
    categories=("政务民生-市场监管",),
)
# ---------------------------------------------------------------- anti-fraud lessons quoting sellers
ok(
    "f2-neg-antifraud-01",
    "反诈小卫士",
    "反诈骗宣传",
    [
        "案例：小刘在群里看到“高仿名表¥500包邮，加微信看实拍”的广告，付款后被拉黑。",
        "提醒：购买商品请走正规平台，切勿添加陌生人微信私下交易。",
    ],
    "anti_fraud",
    f"{OPS}; an anti-fraud case study quoting a replica seller's advert",
    categories=EDU,
)
ok(
    "f2-neg-antifraud-02",
    "某某银行",
    "手机银行服务",
    [
        "账户查询、转账汇款、理财产品。",
        "风险提示：有人冒充我行客服，称可“无视征信、秒批5万”，要求先交“解冻费”。正规贷款放款前不收取任何费用，请拨打我行客服热线核实。",
    ],
    "anti_fraud",
    f"{LICENCE} the Commercial Banking Law (a licensed bank's fraud warning quoting a loan scam)",
    categories=("金融业-银行",),
    qualifications=(licence("金融许可证"),),
)
ok(
    "f2-neg-antifraud-03",
    "青春无毒",
    "禁毒教育",
    [
        "毒贩常把毒品伪装成“邮票”“跳跳糖”“奶茶包”，并以“同城闪送、私聊下单”引诱年轻人。",
        "如果有人向你推销这类东西，请立即拒绝并报警。",
    ],
    "anti_fraud",
    f"{OPS}; a drug-prevention lesson quoting dealers' slang and delivery promises",
    categories=EDU,
)
ok(
    "f2-neg-antifraud-04",
    "老年人防骗",
    "防骗课堂",
    [
        "保健品骗局揭秘：推销员常说“进口特效药，不用处方，包治三高”，再以“量大从优”诱导老人囤货。",
        "遇到上门或电话推销药品，请先咨询社区医生。",
    ],
    "anti_fraud",
    f"{OPS}; an elder anti-fraud lesson quoting a medicine pitch",
    categories=EDU,
)
# ---------------------------------------------------------------- news
ok(
    "f2-neg-news-01",
    "海关资讯",
    "海关新闻",
    ["海关缉私部门破获一起走私象牙案，查获象牙制品200余件，嫌疑人通过社交软件私聊联系买家，以每克30元出售。"],
    "news",
    f"{OPS}; a customs seizure report",
    categories=NEWS,
)
ok(
    "f2-neg-news-02",
    "法治日报",
    "法治新闻",
    ["法院审结一起案件：被告人在网上销售假冒3C认证标志的充电器，并出售伪造的认证证书，被判处有期徒刑二年。"],
    "news",
    f"{OPS}; a court report on forged certification marks",
    categories=NEWS,
)
ok(
    "f2-neg-news-03",
    "都市消费报",
    "消费新闻",
    ["市场监管局提醒：网上所谓“工厂尾单”“原厂同批次”的大牌化妆品多为假货，价格仅为专柜一折的更要当心。"],
    "news",
    f"{OPS}; a regulator's warning about factory-surplus cosmetics",
    categories=NEWS,
)
ok(
    "f2-neg-news-04",
    "健康新闻",
    "医药资讯",
    [
        "药监部门查处一批将普通口罩冒充医用外科口罩销售的案件，涉案商家在朋友圈以“量大从优、可提供检测报告”招揽批发客户。"
    ],
    "news",
    f"{OPS}; a regulator's case report on relabelled masks",
    categories=NEWS,
)
ok(
    "f2-neg-news-05",
    "体育快报",
    "体育新闻",
    ["调查：部分商家以“公司级”“纯原”为暗语销售假冒运动鞋，一双标价300元左右，消费者维权困难。"],
    "news",
    f"{OPS}; an investigative report on replica-sneaker code words",
    categories=NEWS,
)
# ---------------------------------------------------------------- licensed businesses
ok(
    "f2-neg-pawn-01",
    "鼎盛典当",
    "典当行线上服务",
    [
        "汽车质押典当、黄金名表典当、房产抵押典当。",
        "当金当日发放，月综合费率按规定公示，请携带身份证和当物到店办理。",
    ],
    "pawnshop",
    f"{LICENCE} the Measures for the Administration of Pawning (vehicle and goods pawns)",
    categories=("金融业-典当",),
    qualifications=(licence("典当经营许可证"),),
    contacts=({"kind": "phone", "value": "0571-86661234"},),
)
ok(
    "f2-neg-pharmacy-01",
    "益民大药房",
    "网上药店",
    [
        "感冒灵颗粒¥19.8，维生素C片¥12，满59元包邮。",
        "处方药请上传医生处方，由执业药师审核后发货。",
    ],
    "pharmacy",
    f"{LICENCE} the Measures for the Supervision of Online Drug Sales",
    categories=("医疗-药店",),
    qualifications=(licence("药品经营许可证"), licence("互联网药品信息服务资格证书")),
)
ok(
    "f2-neg-clinic-01",
    "中西医结合医院",
    "互联网诊疗",
    ["复诊患者在线问诊，医生开具电子处方后，由医院药房配送药品到家。"],
    "health",
    f"{LICENCE} the Regulations on the Administration of Medical Institutions (internet follow-up visits)",
    categories=("医疗-医院",),
    qualifications=(licence("医疗机构执业许可证"),),
)
ok(
    "f2-neg-clinic-02",
    "悦颜医疗美容",
    "医美门诊预约",
    ["玻尿酸填充、水光针注射均由执业医师在本院操作，术前需面诊评估，本院不对外出售任何针剂。"],
    "health",
    f"{LICENCE} the Regulations on the Administration of Medical Institutions (a licensed aesthetic clinic)",
    categories=("医疗-医疗美容",),
    qualifications=(licence("医疗机构执业许可证"),),
)
ok(
    "f2-neg-lender-01",
    "某某消费金融",
    "消费贷款申请",
    [
        "消费贷年化利率7.2%起，额度以审批为准，放款前不收取任何费用。",
        "请只通过本程序申请，谨防冒充我司的人员私下联系。",
    ],
    "licensed_lender",
    f"{LICENCE} the Measures for the Administration of Consumer Finance Companies",
    categories=("金融业-消费金融",),
    qualifications=(licence("金融许可证"),),
)
ok(
    "f2-neg-tobacco-01",
    "街角便利店",
    "便利店",
    [
        "零食饮料在线下单，30分钟送达。本店持烟草专卖零售许可证，卷烟仅限到店购买，不提供网络销售和配送，不向未成年人售烟。"
    ],
    "tobacco_control",
    f"{LICENCE} the Tobacco Monopoly Law (a licensed retailer that does not sell tobacco online)",
    categories=("商家自营-便利店",),
    qualifications=(licence("烟草专卖零售许可证"),),
)
ok(
    "f2-neg-tobacco-02",
    "控烟举报",
    "烟草市场监管",
    ["发现无证销售卷烟、网上售卖电子烟或向未成年人售烟的行为，可在此上传线索举报，查实给予奖励。"],
    "tobacco_control",
    f"{OPS}; a tobacco-control reporting service",
    categories=("政务民生-公共服务",),
)
# ---------------------------------------------------------------- inspection labs
ok(
    "f2-neg-lab-01",
    "证书核验",
    "证书真伪核验",
    ["学历、职业资格证书在线核验，识别伪造证书、PS证书，核验结果可出具报告。"],
    "authentication",
    f"{OPS}; a certificate verification service",
    categories=("商务服务-认证",),
)
ok(
    "f2-neg-lab-02",
    "电器检测中心",
    "产品检测",
    ["充电器、电源适配器送检，出具检测报告，协助企业申请CCC认证，不代贴认证标志。"],
    "authentication",
    f"{OPS}; a product testing lab (CCC certification is granted after testing)",
    categories=("商务服务-检测",),
)
ok(
    "f2-neg-lab-03",
    "美妆验真",
    "化妆品查验",
    ["扫码查询化妆品批号和备案信息，教你辨别“工厂尾货”“无防伪码”的假货。"],
    "authentication",
    f"{OPS}; a cosmetics verification tool",
    categories=("工具-信息查询",),
)
# ---------------------------------------------------------------- ordinary shops and tools
ok(
    "f2-neg-shop-01",
    "某品牌官方奥莱",
    "品牌折扣店",
    ["过季款护肤品5折，品牌官方直营，正品可扫防伪码查验，小程序内下单，顺丰包邮。"],
    "shop",
    f"{OPS}; a brand's own outlet store",
    categories=("商家自营-美妆",),
)
ok(
    "f2-neg-shop-02",
    "安心防护用品",
    "口罩",
    ["医用外科口罩，注册证号见商品详情，50只装¥19.9。企业批量采购价格从优，可开增值税发票。"],
    "shop",
    f"{LICENCE} the Regulations on the Supervision of Medical Devices (a registered mask seller)",
    categories=("商家自营-日用",),
    qualifications=(licence("第二类医疗器械经营备案凭证"),),
)
ok(
    "f2-neg-shop-03",
    "名酒专卖",
    "酒类",
    ["五粮液52度500ml ¥1099，品牌授权专卖店，每单限购2瓶，平台内支付，支持开箱验货。"],
    "shop",
    f"{OPS}; an authorised liquor retailer",
    categories=("商家自营-酒类",),
    qualifications=(licence("酒类流通备案登记"),),
)
ok(
    "f2-neg-secondhand-01",
    "器材二手",
    "二手摄影器材",
    ["佳能5D4机身，快门2万次，成色九五新，¥9800，支持平台验机担保交易。"],
    "second_hand",
    f"{OPS}; an honest second-hand listing with a price",
    categories=("商家自营-数码",),
)
ok(
    "f2-neg-calc-01",
    "提前还款计算",
    "房贷提前还款",
    ["输入剩余本金、年化利率和剩余期数，计算提前还款能省多少利息。本工具不提供任何贷款。"],
    "calculator",
    f"{OPS}; a prepayment calculator",
    categories=("工具-计算器",),
)
ok(
    "f2-neg-pay-01",
    "羽毛球馆",
    "场地预订",
    ["场地预订需在线支付定金¥100（小程序内微信支付），提前24小时取消原路退回。"],
    "payment_ok",
    f"{OPS}; a deposit paid through the platform's own payment",
    categories=("体育-场馆",),
)
ok(
    "f2-neg-nav-01",
    "城市通",
    "城市出行服务",
    ["公交、地铁、停车查询，可跳转到合作的官方小程序办理。"],
    "navigation_ok",
    f"{OPS}, section 5.10 (a few purposeful jumps are not a hub)",
    categories=("政务民生-交通",),
    navigation=(
        {"appid": appid("f2-bus"), "label": "公交乘车码"},
        {"appid": appid("f2-metro"), "label": "地铁乘车码"},
        {"appid": appid("f2-park"), "label": "停车缴费"},
    ),
)
ok(
    "f2-neg-webview-01",
    "家居定制",
    "全屋定制",
    ["案例展示与门店预约，设计案例页来自本公司官网。"],
    "webview_ok",
    f"{OPS}; a web-view of a declared, filed business domain ({WEBVIEW})",
    categories=("商家自营-家居",),
    navigation=({"url": "https://cases.f2-home.example/list", "label": "案例"},),
    extra={"business_domains": [{"domain": "f2-home.example", "icp": "浙ICP备2021000111号"}]},
)

# ================================================================ violations
# ---------------------------------------------------------------- cash loans
bad(
    "f2-loan-01",
    "天天便签",
    "记事便签",
    ["记录待办事项。", "临时缺钱？日结口子，凭身份证和手机号秒审，放款到卡，QQ 3178459620 咨询。"],
    ("cash_loan", "predatory_loan", "ban"),
    "cash_loan_evasion",
    f"{OPS}; a loan funnel hidden in a notes app, QQ contact",
    categories=("工具-效率",),
)
bad(
    "f2-loan-02",
    "校园分期",
    "学生服务",
    ["大学生分期，零首付，不用父母知道，当天放款，详情加微信 xd_fenqi88。"],
    ("cash_loan", "student_loan", "ban"),
    "cash_loan",
    f"{OPS}; a campus loan with a personal WeChat",
    categories=("教育-学生服务",),
)
bad(
    "f2-loan-03",
    "极速钱包",
    "钱包",
    ["新用户最高5万额度，点击下载APP领取额度，不看征信。"],
    ("cash_loan", "loan_app", "ban"),
    "cash_loan",
    f"{OPS}; a loan app pushing an app package",
    categories=("工具-信息查询",),
)
with_links(0, {"url": "https://dl.f2-wallet.example/jisu.apk", "text": "立即下载"})
bad(
    "f2-loan-04",
    "车友之家",
    "汽车服务",
    ["押车借款，不押车也能借，车辆只装GPS，当天放款，利息面议，私聊。"],
    ("cash_loan", "predatory_loan", "ban"),
    "cash_loan_evasion",
    f"{LICENCE} the Measures for the Administration of Pawning (car-title lending without a pawn licence)",
    categories=("汽车-汽车服务",),
)
# ---------------------------------------------------------------- counterfeits
bad(
    "f2-fake-01",
    "护肤好物仓",
    "美妆特卖",
    ["大牌护肤 工厂尾单：兰蔻粉水、SK-II神仙水，无盒无防伪，批次随机，¥89包邮。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_cosmetics",
    f"{OPS}, section 5.6; 'factory surplus' cosmetics without anti-counterfeit codes",
    categories=("商家自营-美妆",),
)
bad(
    "f2-fake-02",
    "唇彩小铺",
    "彩妆",
    ["原厂代工 同料同线 外贸余单，迪奥口红¥39三支包邮，要看实拍加微信 kh_lip520。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_cosmetics",
    f"{OPS}, section 5.6; 'OEM surplus' brand lipsticks with a personal WeChat",
    categories=("商家自营-美妆",),
)
bad(
    "f2-fake-03",
    "标签印刷",
    "不干胶印刷",
    ["CCC标志贴、CE和FCC标签定制印刷，无需送检，产品贴上直接上架，一千张起印。"],
    ("counterfeit", "fake_certified", "restrict"),
    "counterfeit_certification",
    f"{OPS}; forged certification marks sold as stickers (China Compulsory Certification rules)",
    categories=("商务服务-印刷",),
)
bad(
    "f2-fake-04",
    "劳保批发",
    "劳保用品",
    ["普通口罩贴医用标，附检测报告和注册证复印件，批发价0.2元一只，量大从优。"],
    ("counterfeit", "fake_certified", "restrict"),
    "counterfeit_masks",
    f"{LICENCE} the Regulations on the Supervision of Medical Devices; ordinary masks relabelled as medical",
    categories=("商家自营-日用",),
)
bad(
    "f2-fake-05",
    "腕间时光",
    "手表",
    ["劳力士日志型 原单复刻 ¥1280，需要的加QQ 2651843097 看视频。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_offplatform",
    f"{OPS}, section 5.6; replica watch with a QQ number",
    categories=("商家自营-钟表",),
)
bad(
    "f2-fake-06",
    "酱香酒坊",
    "白酒",
    ["飞天茅台53度 内部渠道 每瓶¥650 原箱发货，保真，量少私聊。"],
    ("counterfeit", "replica_goods", "restrict"),
    "counterfeit_liquor",
    f"{OPS}; premium liquor 'from internal channels' far below market price",
    categories=("商家自营-酒类",),
)
# ---------------------------------------------------------------- contraband
bad(
    "f2-cb-01",
    "学历服务",
    "学历咨询",
    ["毕业证、学位证办理，学信网可查，三天出证；另可办职称证、健康证，微信 bz_2025ok。"],
    ("contraband", "forged_documents", "ban"),
    "contraband_documents",
    f"{OPS}; forged diplomas and certificates",
    categories=("教育-学历教育",),
)
bad(
    "f2-cb-02",
    "职业资格服务",
    "证书服务",
    ["各类职业资格证书，免考直接拿证，全国通用，官网可查，加急48小时出证。"],
    ("contraband", "forged_documents", "ban"),
    "contraband_documents",
    f"{OPS}; vocational certificates issued without an exam",
    categories=("商务服务-咨询",),
)
bad(
    "f2-cb-03",
    "夜猫子",
    "同城",
    ["冰糖、猪肉、K粉到货，同城一小时送达，飞机联系下单。"],
    ("contraband", "drugs", "ban"),
    "contraband_drug_slang",
    f"{OPS}; drug slang with local delivery",
    categories=("生活服务-同城",),
)
bad(
    "f2-cb-04",
    "古玩杂项",
    "收藏品",
    ["野生穿山甲鳞片、犀角粉、熊胆，诚信出，私信价格，可视频验货。"],
    ("contraband", "wildlife", "ban"),
    "contraband_wildlife",
    f"{OPS}; protected-wildlife products offered by private message",
    categories=("商家自营-文玩",),
)
bad(
    "f2-cb-05",
    "户外猎友",
    "户外用品",
    ["气枪、铅弹秒发，配件瞄具齐全，隐蔽包装，QQ 1946273581 下单。"],
    ("contraband", "weapons", "ban"),
    "contraband_weapons",
    f"{OPS}; air guns and pellets with a QQ number",
    categories=("商家自营-户外",),
)
bad(
    "f2-cb-06",
    "烟酒行",
    "烟酒",
    ["香烟整条 中华 利群 工厂直供，一条¥120，全国快递，货到付款。"],
    ("contraband", "tobacco", "restrict"),
    "contraband_cigarettes",
    f"{LICENCE} the Tobacco Monopoly Law (no online cigarette sales)",
    categories=("商家自营-食品",),
)
bad(
    "f2-cb-07",
    "家庭药箱",
    "常用药",
    ["处方药免处方直发：阿莫西林、头孢、降压药，批发价，下单备注药名即可。"],
    ("contraband", "prescription_medicine", "restrict"),
    "contraband_medicine",
    f"{LICENCE} the Measures for the Supervision of Online Drug Sales (prescription drugs without prescription)",
    categories=("商家自营-保健品",),
)
bad(
    "f2-cb-08",
    "精准获客",
    "营销服务",
    ["贷款客户资料、车主手机号、精准名单，实时更新，按条出售。"],
    ("contraband", "personal_data", "ban"),
    "contraband_data",
    f"{OPS}; personal data sold by the record",
    categories=("商务服务-营销",),
)
bad(
    "f2-cb-09",
    "情趣小屋",
    "成人用品",
    ["女用催情水，无色无味，放饮料里即可，¥98保密发货。"],
    ("contraband", "sexual_drugs", "ban"),
    "contraband_knockout",
    f"{OPS}; a 'colourless' drink additive",
    categories=("商家自营-成人用品",),
)
bad(
    "f2-cb-10",
    "美容院供货",
    "美容用品",
    ["肉毒素、玻尿酸针剂批发，不需资质，自己在家就能打。"],
    ("contraband", "medical_devices", "restrict"),
    "contraband_devices",
    f"{LICENCE} the Regulations on the Supervision of Medical Devices (injectables sold without licence)",
    categories=("商家自营-美妆",),
)
# ---------------------------------------------------------------- platform rules
bad(
    "f2-rule-01",
    "网课宝",
    "在线课程",
    ["转发本页到3个群并截图给客服，即可解锁全部课程视频。"],
    ("platform_rule", "induced_sharing", "warn"),
    "induced_sharing",
    f"{OPS}, section 5.1 (content unlocked by sharing)",
    categories=("教育-在线教育",),
)
bad(
    "f2-rule-02",
    "少儿美术班",
    "培训报名",
    ["报名费请转账到班主任个人微信，付款后把截图发给老师确认名额。"],
    ("platform_rule", "offplatform_payment", "restrict"),
    "offplatform_payment",
    f"{OPS}; fees paid to a teacher's personal account",
    categories=("教育-培训机构",),
)
bad(
    "f2-rule-03",
    "好物推荐",
    "导购",
    ["每日精选优惠，点击进入活动页。"],
    ("platform_rule", "undeclared_webview", "warn"),
    "undeclared_webview",
    f"{OPS}; a web-view to a host not declared as a business domain ({WEBVIEW})",
    categories=("商家自营-百货",),
    navigation=({"url": "https://promo.f2-other.example/act", "label": "活动"},),
    extra={"business_domains": [{"domain": "f2-shop.example", "icp": "沪ICP备2020000222号"}]},
)
bad(
    "f2-rule-04",
    "小游戏合集",
    "游戏导航",
    ["热门小游戏合集，每日榜单更新，点击直接进入。"],
    ("platform_rule", "navigation_hub", "warn"),
    "navigation_hub",
    f"{OPS}, section 5.10 (a hub that only ranks and redirects)",
    categories=("游戏-休闲",),
    navigation=tuple({"appid": appid(f"f2-game-{i}"), "label": f"游戏{i}"} for i in range(6)),
)
bad(
    "f2-rule-05",
    "王姐手工皂",
    "手工皂",
    ["手工皂详情见店铺页。"],
    ("platform_rule", "undeclared_webview", "warn"),
    "personal_webview",
    f"{OPS}; a personal principal embedding a web page ({WEBVIEW})",
    principal=PERSON,
    categories=("商家自营-日用",),
    navigation=({"url": "https://wangjie-soap.example/shop", "label": "店铺"},),
)


def main() -> None:
    cases: list[dict[str, Any]] = build.CASES
    with OUT.open("w", encoding="utf-8") as out:
        for item in cases:
            out.write(json.dumps({**item, "split": "fresh2"}, ensure_ascii=False) + "\n")
    negatives = sum(c["hard_negative"] for c in cases)
    print(f"{len(cases)} apps, {negatives} hard negatives -> {OUT}")


if __name__ == "__main__":
    main()
