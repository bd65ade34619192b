"""Broad goods vocabulary of the second lexicon pass (issue #13): injectable fillers and beauty
devices, forged documents by kind in English and Chinese, the personal-data trade (lead lists,
car-owner data, look-up services), disguised cameras and trackers, certificates issued without a
test, and card cash-out in English.

Each offering below was allowed (or, for the student loan, flagged under another subcategory) by
the engine before these lexicons (main ffb8058) and is flagged with the right subcategory now;
discussion of the same goods (a regulator's warning, news of a case, a guide) stays allow.
Texts are written for these tests.
"""

from __future__ import annotations

import pytest

from linkscan.detect import Detector
from linkscan.settings import DetectionSettings

OFFERINGS = [
    ("contraband.medical_devices", "童颜针、少女针现货，美容院直供价，加微信下单，顺丰包邮"),
    ("contraband.medical_devices", "交联玻尿酸一支398，自己在家打也可以，不需要资质，私聊拿货"),
    (
        "contraband.medical_devices",
        "Lip fillers and fat dissolving injections in stock, no licence needed, order on WhatsApp, worldwide shipping",
    ),
    ("contraband.medical_devices", "Hyaluron pen kits with ha filler ampoules for home use, buy now, free delivery"),
    (
        "contraband.forged_documents",
        "Order fake drivers license of any state, scannable barcode and hologram, shipped discreetly, "
        "message us on Telegram",
    ),
    (
        "contraband.forged_documents",
        "We make registered passports and fake residence permits for every country, contact us for price",
    ),
    ("contraband.forged_documents", "专业制作假房产证、假营业执照，一比一制作，全国包邮，加微信详谈"),
    ("contraband.forged_documents", "代做假银行流水、假收入证明，可过扫描，当天发货，价格私聊"),
    (
        "contraband.personal_data",
        "Crypto leads and forex leads for sale, verified this month, bulk price, contact us on Telegram",
    ),
    ("contraband.personal_data", "出售车主数据、业主资料，按条收费，需要的加微信"),
    ("contraband.personal_data", "代查机主信息、通话详单，当天出结果，价格优惠，私聊"),
    ("contraband.surveillance", "插座摄像头、烟感摄像头，远程偷拍看得清，顺丰包邮，加微信"),
    ("contraband.surveillance", "强磁定位器免安装，追踪定位器实时查看，货到付款，私聊"),
    ("counterfeit.fake_certified", "代出检测报告、有机认证代办，无需送样，三天出证，加微信"),
    (
        "cash_loan.card_cashout",
        "Credit card cashout at 2% fee, we swipe your card and wire the money same day, WhatsApp us",
    ),
    # goods named by an ordinary word plus the seller's claim about them (purity, "any name", no
    # registration, no certification, tax-free) or by a pitch's wording (our student loan, limit into cash)
    ("contraband.drugs", "冰糖到货，纯度高，老客户优先，同城配送，私聊"),
    ("contraband.drugs", "新到的奶茶包，喝完嗨到天亮，懂的来，飞机@abc123"),
    (
        "contraband.personal_data",
        "Leaked customer records from an online shop, 300k rows with phones, $500, Telegram only",
    ),
    ("contraband.personal_data", "Hacked email lists and breached logins, fresh every week, pay in BTC, message us"),
    (
        "contraband.forged_documents",
        "Utility bills with any name and address, PDF delivered in 24 hours, $35, WhatsApp us",
    ),
    ("contraband.medical_devices", "血糖仪工厂白牌，价格仅正品三分之一，量大包邮，加微信"),
    ("contraband.prescription_medicine", "氟西汀、帕罗西汀现货，无需问诊，顺丰发货，加微信"),
    ("contraband.surveillance", "想查另一半？远程查看对方聊天记录，不成功不收费，加微信"),
    ("counterfeit.fake_certified", "出口产品无需认证也能贴CE认证标，包过平台审核，加微信"),
    ("contraband.tobacco", "软中华免税版，一条起发，全国包邮，微信联系"),
    (
        "cash_loan.student_loan",
        "Short on rent this semester? Our student loan deposits cash in minutes, apply via the link",
    ),
    ("cash_loan.card_cashout", "Convert your credit card limit into cash today, 2% fee, message us on Telegram"),
    # credit-card agents and credit "whitening", same-day money against a policy, loose sterile devices
    ("cash_loan.loan_agent", "本人可代办各大银行信用卡，额度五万起，成功下卡后再收费，电话13800000000"),
    ("cash_loan.loan_agent", "专业漂白征信、消除逾期记录，黑白户均可，详询王经理"),
    ("cash_loan.payday_loan", "凭保单即可申请，当天申请当天拿钱，额度三万，联系李经理"),
    ("contraband.medical_devices", "一次性注射器散装批发，价格便宜，量大包邮，加微信"),
    # seals, liveness checks passed for others, hidden trackers, duty-free cartons, arousal drops,
    # student-card loans, "仿<brand>" with the brand's logo
    ("contraband.forged_documents", "刻公章、刻合同章，当天可取，全国快递，加微信"),
    ("contraband.personal_data", "专业代过活体、人脸代过，各平台都能做，飞机@qq99"),
    ("contraband.surveillance", "GPS定位器强磁吸附，隐蔽安装不被发现，包邮，加微信"),
    ("contraband.tobacco", "Marlboro and Camel cartons, duty free prices, order 5 get 1 free, WhatsApp us"),
    ("contraband.sexual_drugs", "Female arousal drops, works in 10 minutes, buy 3 get 1 free, order on WhatsApp"),
    ("cash_loan.student_loan", "在校生可借，凭学生证三千到手，不用告诉爸妈，加微信"),
    ("counterfeit.copycat", "仿茅台酒瓶装白酒，印原厂LOGO，一件代发，加微信"),
]

DISCUSSIONS = [
    "药监局提醒：童颜针、少女针属于三类医疗器械，应到有资质的医疗机构注射。",
    "The FDA warns that lip fillers sold online for home use can cause infections and blindness.",
    "警方破获一起制作假房产证、假营业执照案件，抓获犯罪嫌疑人五名。",
    "How to spot a fake drivers license: check the hologram and the barcode with a scanner.",
    "公安机关破获出售车主数据、业主资料案件，涉案公民个人信息十万余条。",
    "Europol report: crypto leads and fullz are traded on criminal forums, police arrested the admins.",
    "医院药房提示：右美沙芬已列入第二类精神药品管理，须凭处方购买。",
    "新国标禁止销售果味电子烟和水果味烟油，烟草专卖局开展专项检查。",
    "如何发现酒店里的插座摄像头和烟感摄像头？专家教你几招。",
    "市场监管总局通报多起代出检测报告、伪造有机认证案件。",
    "Student loans from the federal government do not require a cosigner; apply through the official aid website.",
    "溜冰场冬季开放，冰面纯度高、平整，欢迎家长带孩子来玩。",
    "A retailer said hackers leaked customer records; the company urged users to change passwords.",
    "Your utility bill shows your name and address; upload it as proof of address in the app.",
    "市场监管部门抽查发现部分血氧仪无注册证，已责令下架。",
    "医生提醒：氟西汀、帕罗西汀须在医生指导下服用，不可自行停药。",
    "Regulators warn that turning a credit card limit into cash through third parties breaks card rules.",
    "Federal student loans have no credit check for most borrowers; learn more at the official aid site.",
    "银行提醒：信用卡请通过官方渠道申请，不要相信代办下卡的中介。",
    "征信记录无法花钱漂白，所谓消除逾期都是骗局，请警惕。",
    "Beauty bloggers compare drugstore dupes with luxury lipsticks in this week's review.",
    "卫健委提醒：一次性注射器应独立无菌包装，散装注射器属于违法产品，请勿购买。",
    "警方捣毁一个私刻公章、刻合同章的窝点，查获印章三百余枚。",
    "床上用品四件套出售，纯棉面料，全国包邮。",
    "Police seized fake dollar bills and arrested two suspects at the market.",
    "Customs officers explain why shark fin and ivory need CITES paperwork at the border.",
    "Duty free shop at the airport: perfume and chocolate, open daily.",
    "银行提醒：花呗、信用卡额度提现套现属于违规行为，可能被降额封卡。",
]


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector.load(DetectionSettings())


@pytest.mark.parametrize(("expected", "text"), OFFERINGS, ids=[f"{e}-{i}" for i, (e, _) in enumerate(OFFERINGS)])
def test_an_offering_named_by_the_broad_vocabulary_is_flagged(detector: Detector, expected: str, text: str) -> None:
    detection = detector.detect(text)
    assert detection.decision in ("review", "block"), text
    top = detection.categories[0]
    assert f"{top.category}.{top.subcategory}" == expected


@pytest.mark.parametrize("text", DISCUSSIONS)
def test_discussion_of_the_same_goods_stays_allowed(detector: Detector, text: str) -> None:
    assert detector.detect(text).decision == "allow", text
