"""Writes fresh5.jsonl: a fifth mini-program set, written after the fresh4 round's fixes and scored once.

No fix follows it: its figures (before_fresh5.json) are the untouched ones for the code as it stands.
Its author had read the checks, so it is varied away from fresh3 and fresh4 on purpose rather than
written blind: other goods (fireworks, LPG, pesticides, veterinary drugs, modafinil, GLP-1 pens,
stun guns, macaques, giant salamanders, refilled wine, auto parts, counterfeit money, licence-plate
owner look-ups, hidden cameras), more English and mixed-language pages, offences that sit in one
field only (a link's text, the description, a navigation label, a declared contact), and licensed or
ordinary businesses of kinds no earlier set has (a fireworks shop, a gas supplier, a travel agency with
visa services, a driving school, a law firm, a bird-watching club, an archery club, a museum, a phone
recycler, a liquor shop selling at the official price). Every case was written by linkscan (no text
copied from any source); ``provenance`` names the platform rule, licence regulation or kind of real
listing each models. Same helpers as build_fresh3.py.
Run ``python tests/data/miniprograms/build_fresh5.py`` after editing.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # a data script run by path, beside build.py

import build
from build_fresh3 import LICENCE, LISTING, OPS, WEBVIEW, app, appid, licence, page

OUT = Path(__file__).with_name("fresh5.jsonl")
build.CASES.clear()  # importing build_fresh3 wrote its own cases there

# ==================================================================================== hard negatives
app(
    "f5-neg-fireworks-01",
    "红火烟花",
    "烟花爆竹零售（门店自提）",
    [
        page("春节备货", "组合烟花、礼花弹以门店现货为准，线上仅展示品类，不提供网上销售和快递。"),
        page("购买须知", "须本人到店实名登记购买，未成年人不售，燃放请遵守当地禁放规定。"),
    ],
    klass="licensed_fireworks",
    provenance=f"{LICENCE} the Regulations on the Safety Administration of Fireworks (a licensed shop, pickup only)",
    categories=("生活服务-零售",),
    qualifications=(licence("烟花爆竹经营（零售）许可证", "YH2026-0301"),),
)
app(
    "f5-neg-lpg-01",
    "安家燃气",
    "瓶装液化气配送",
    [
        page("订气", "15kg液化气钢瓶充装，¥128/瓶，下单后2小时内送气上门。"),
        page("安全", "送气工持证上岗，入户安检；钢瓶超过检验期一律不予充装。"),
    ],
    klass="licensed_gas",
    provenance=f"{LICENCE} the Regulations on the Administration of Urban Gas (a licensed LPG supplier)",
    categories=("生活服务-家政",),
    qualifications=(licence("燃气经营许可证", "浙202600123"),),
)
app(
    "f5-neg-pesticide-01",
    "丰收农资",
    "种子、化肥、农药",
    [
        page("植保", "吡虫啉可湿性粉剂，每亩用量见标签，¥18/袋。限制使用农药须实名购买。"),
        page("种子", "水稻、玉米审定品种，凭登记证号可查。"),
    ],
    klass="licensed_agrochemicals",
    provenance=f"{LICENCE} the Regulations on Pesticide Administration (a licensed pesticide dealer)",
    categories=("商家自营-农资",),
    qualifications=(licence("农药经营许可证", "农药经许（浙）33020012"),),
)
app(
    "f5-neg-vetdrug-01",
    "宠安兽药房",
    "宠物驱虫与兽药",
    [
        page("驱虫", "猫咪体内外驱虫滴剂，按体重选择规格，¥65起，顺丰发货。"),
        page("处方兽药", "处方兽药须执业兽医开具处方后销售。"),
    ],
    klass="licensed_vet_drugs",
    provenance=f"{LICENCE} the Regulations on the Administration of Veterinary Drugs (a licensed vet-drug shop)",
    categories=("商家自营-宠物",),
    qualifications=(licence("兽药经营许可证", "(2026)兽药经营证字33010045"),),
)
app(
    "f5-neg-optician-01",
    "明眸眼镜",
    "验光配镜、隐形眼镜",
    [
        page("隐形眼镜", "日抛隐形眼镜30片装 ¥119，首次佩戴建议到店验光。"),
        page("资质", "本店持医疗器械经营许可证，隐形眼镜均有注册证。"),
    ],
    klass="licensed_optician",
    provenance=f"{LICENCE} the Regulations on the Supervision of Medical Devices (class III contact lenses)",
    categories=("商家自营-眼镜", "医疗器械"),
    qualifications=(licence("医疗器械经营许可证", "浙甬食药监械经营许20260012号"),),
)
app(
    "f5-neg-travel-01",
    "远行旅游",
    "出境游与签证代办",
    [
        page("签证", "日本、韩国旅游签证代办：材料审核、预约送签，出签时间以使领馆为准，拒签不退服务费。"),
        page("线路", "北海道6日跟团游 ¥6999起。"),
    ],
    klass="licensed_travel_agency",
    provenance=f"{LICENCE} the Regulations on Travel Agencies (a licensed agency offering visa services)",
    categories=("旅游-旅行社",),
    qualifications=(licence("旅行社业务经营许可证", "L-ZJ-CJ00123"),),
)
app(
    "f5-neg-drivingschool-01",
    "安达驾校",
    "C1/C2 驾照培训",
    [
        page("报名", "C1学费¥4200，含科目一至科目四培训，报名前须到指定医院体检。"),
        page("考试", "考试由车管所统一安排，本人须到场，驾校不承诺包过。"),
    ],
    klass="driving_school",
    provenance=f"{LICENCE} the Regulations on Motor Vehicle Driver Training (a driving school)",
    categories=("教育-驾培",),
    qualifications=(licence("道路运输经营许可证（驾驶员培训）", "浙交运管许可甬字330200001"),),
)
app(
    "f5-neg-lawfirm-01",
    "明理律师",
    "债务纠纷法律咨询",
    [
        page("咨询", "网贷逾期、暴力催收、民间借贷纠纷，执业律师一对一在线咨询，¥99/30分钟。"),
        page("说明", "本所不提供任何借款、不代还、不承诺减免债务。"),
    ],
    klass="law_firm",
    provenance=f"{LICENCE} the Lawyers Law (a law firm advising on loan disputes)",
    categories=("商务服务-法律服务",),
    qualifications=(licence("律师事务所执业许可证", "31330000MD0123456X"),),
)
app(
    "f5-neg-birding-01",
    "甬上观鸟会",
    "观鸟活动与鸟类科普",
    [
        page("活动", "周六四明山观鸟，预计可见画眉鸟、红嘴相思鸟、蓝喉蜂虎，报名¥30含保险。"),
        page("守则", "只看不扰：不投喂、不诱拍、不捕捉，发现非法捕鸟请报告森林公安。"),
    ],
    klass="birdwatching_club",
    provenance=f"{OPS}; a bird-watching club naming protected songbirds it watches",
    categories=("文娱-户外活动",),
)
app(
    "f5-neg-archery-01",
    "Bullseye Archery",
    "射箭馆 / Archery range",
    [
        page("Booking", "1 hour lane ¥88 incl. recurve bow and arrows. 弓箭仅限馆内使用，不外借、不出售。"),
        page("Coaches", "National-level coaches, kids 8+ welcome."),
    ],
    klass="archery_club",
    provenance=f"{OPS}; an archery range renting bows on site",
    categories=("体育-场馆",),
)
app(
    "f5-neg-museum-01",
    "海曙博物馆",
    "展览预约与藏品介绍",
    [
        page("馆藏", "清代象牙雕山水笔筒，1950年入藏，现陈列于二楼工艺厅。"),
        page("预约", "免费参观，需提前一天实名预约。"),
    ],
    klass="museum",
    provenance=f"{OPS}; a museum describing an ivory carving in its collection",
    categories=("政务民生-文化场馆",),
)
app(
    "f5-neg-recycler-01",
    "闲回收",
    "二手手机回收",
    [
        page("估价", "选择机型和成色，在线估价，顺丰上门取件，质检后按估价打款到您的微信零钱。"),
        page("隐私", "质检后数据彻底清除，出具清除报告。"),
    ],
    klass="phone_recycler",
    provenance=f"{OPS}; a phone recycler paying sellers through the platform",
    categories=("生活服务-回收",),
)
app(
    "f5-neg-liquor-01",
    "甬酒汇",
    "名酒专卖",
    [
        page("飞天", "53度飞天茅台500ml，按官方指导价¥1499，每人限购2瓶，实名预约到店提货。"),
        page("承诺", "所有酒品来自品牌经销商，附溯源码。"),
    ],
    klass="licensed_liquor_official_price",
    provenance=f"{LICENCE} local liquor-retail registration (an authorised dealer at the official price)",
    categories=("商家自营-酒类",),
    qualifications=(licence("食品经营许可证", "JY13302030012345"),),
)
app(
    "f5-neg-nrt-01",
    "康宁大药房",
    "网上药房",
    [
        page("戒烟", "尼古丁透皮贴片（OTC），辅助戒烟，¥98/盒，满99包邮。"),
        page("提示", "孕妇及心脏病患者请遵医嘱使用。"),
    ],
    klass="licensed_pharmacy_smoking_cessation",
    provenance=f"{LICENCE} the Measures for the Supervision of Online Drug Sales (an OTC smoking-cessation aid)",
    categories=("医疗-药店",),
    qualifications=(licence("药品经营许可证", "浙CB5740123"), licence("药品网络销售备案")),
)
app(
    "f5-neg-rehab-01",
    "新生之路",
    "自愿戒毒咨询",
    [
        page("求助", "冰毒、海洛因、K粉依赖者及家属可预约自愿戒毒评估，全程保密。"),
        page("机构", "由市戒毒康复中心运营，咨询热线工作日9:00-17:00。"),
    ],
    klass="addiction_treatment",
    provenance=f"{OPS}; a public drug-rehabilitation service naming the drugs it treats",
    categories=("医疗-康复",),
)
app(
    "f5-neg-pharmacology-01",
    "药理学公开课",
    "医学院课程",
    [
        page("第七讲", "阿片类镇痛药：吗啡、芬太尼的作用机制、成瘾性与管制，氯胺酮在麻醉中的应用。"),
        page("作业", "阅读教材第12章，完成课后习题。"),
    ],
    klass="medical_course",
    provenance=f"{OPS}; a university pharmacology lecture",
    categories=("教育-高等教育",),
)
app(
    "f5-neg-crossborder-01",
    "Seoul Beauty 韩妆直邮",
    "Authentic Korean cosmetics",
    [
        page("Shop", "Sulwhasoo First Care Serum 90ml ¥799, 100% authentic, 保税仓发货，海关清关。"),
        page("Authenticity", "Every order ships with its customs declaration; counter-verification welcome."),
    ],
    klass="crossborder_cosmetics",
    provenance=f"{LICENCE} the cross-border e-commerce retail import rules (a bonded-warehouse shop)",
    categories=("商家自营-美妆",),
    qualifications=(licence("跨境电子商务企业备案", "3302960012"),),
)
app(
    "f5-neg-credit-01",
    "征信知识",
    "个人信用报告科普",
    [
        page("查询", "个人信用报告每年可通过官方渠道免费查询两次，请勿轻信“花钱修复征信”。"),
        page("异议", "信息有误可向征信中心提出异议申请。"),
    ],
    klass="credit_education",
    provenance=f"{OPS}; a credit-report education app warning about 'credit repair' offers",
    categories=("政务民生-金融知识",),
)
app(
    "f5-neg-expat-01",
    "Ningbo Expats",
    "Events and community for foreigners in Ningbo",
    [
        page("Events", "Saturday hike to Siming Mountain, meet 8:00 at the metro. Invite friends who like hiking!"),
        page("Photos", "Share your photos in the album if you like; nothing is locked."),
    ],
    klass="expat_community",
    provenance=f"{OPS}, section 5.1 (voluntary sharing and invitations, in English)",
    categories=("社交-社区",),
)
app(
    "f5-neg-language-01",
    "LangCafe",
    "Language exchange meetups",
    [
        page("Join", "Weekly English-Chinese exchange, ¥30 incl. drinks. Questions? Contact our customer service."),
    ],
    klass="declared_contact_english",
    provenance=f"{OPS}; an enterprise pointing to its declared WeChat service account",
    categories=("教育-语言培训",),
    contacts=({"kind": "wechat", "value": "LangCafe_Service"},),
)
app(
    "f5-neg-cosplay-01",
    "次元道具屋",
    "Cosplay 道具",
    [
        page("道具剑", "PVC 道具剑 100cm，未开刃，漫展可用，¥168。"),
        page("须知", "道具均为树脂或泡沫材质，不售任何金属刀具。"),
    ],
    klass="cosplay_props",
    provenance=f"{OPS}; a cosplay prop shop (resin swords)",
    categories=("商家自营-文创",),
)
app(
    "f5-neg-lostpet-01",
    "寻宠联盟",
    "走失宠物信息发布",
    [
        page("寻狗启事", "柯基，名叫豆豆，12月3日在鄞州公园走失，有线索请联系主人 13905741234，必有重谢。"),
    ],
    klass="lost_pet_notice",
    provenance=f"{OPS}; a lost-pet board where owners post their phone number",
    categories=("生活服务-宠物",),
)
app(
    "f5-neg-datacompliance-01",
    "合规云",
    "企业客户数据管理 SaaS",
    [
        page("产品", "客户资料加密存储，权限分级，操作留痕，支持个人信息删除请求。"),
        page("承诺", "我们不出售、不共享任何客户的个人信息。"),
    ],
    klass="data_saas",
    provenance=f"{OPS}; a customer-data SaaS that sells no personal information",
    categories=("工具-企业管理",),
)
app(
    "f5-neg-tattoo-01",
    "墨迹纹身",
    "纹身工作室预约",
    [
        page("预约", "小图案 ¥500起，先付¥100定金（小程序内支付），未满18周岁不纹身。"),
    ],
    klass="tattoo_studio",
    provenance=f"{OPS}; a studio taking deposits through the mini-program",
    categories=("生活服务-美容美体",),
)
app(
    "f5-neg-visa-en-01",
    "Study Abroad Hub",
    "UK & Australia student visa guidance",
    [
        page(
            "Visa",
            "We check your documents and book your biometrics appointment. We never supply or edit bank "
            "statements or offer letters; the decision is the embassy's alone.",
        ),
        page("Fees", "Document check ¥800, paid in the mini-program."),
    ],
    klass="visa_consultancy_english",
    provenance=f"{OPS}; a study-abroad consultancy that refuses to supply documents",
    categories=("教育-留学",),
)
app(
    "f5-neg-auction-01",
    "古韵拍卖",
    "文物艺术品拍卖",
    [
        page("预展", "明清瓷器、书画专场，展品均有来源说明。"),
        page("规则", "象牙、犀角、玳瑁等制品一律不予征集和拍卖。"),
    ],
    klass="auction_refusing_wildlife",
    provenance=f"{LICENCE} the Auction Law and the cultural-relic auction permit (refusing wildlife lots)",
    categories=("商务服务-拍卖",),
    qualifications=(licence("文物拍卖许可证", "文物拍字(2026)第012号"),),
)
app(
    "f5-neg-hospital-loan-01",
    "仁爱医院",
    "预约挂号、缴费",
    [
        page("挂号", "专家门诊预约，支持医保在线结算。"),
        page("防骗", "本院从未与任何贷款机构合作推出“医美分期”，如有人以本院名义推荐贷款请报警。"),
    ],
    klass="hospital_loan_warning",
    provenance=f"{LICENCE} the Regulations on Medical Institutions (a hospital warning about loan offers in its name)",
    categories=("医疗-医院",),
    qualifications=(licence("医疗机构执业许可证", "PDY00001X33020011A1001"),),
)
app(
    "f5-neg-carwash-01",
    "车友汇",
    "洗车美容、车险续保",
    [
        page("洗车", "精洗¥39，打蜡¥99，会员卡充值享8折。"),
        page("车险", "车险续保比价，由持牌保险代理公司出单。"),
        page("邀请", "邀请好友注册，双方各得一张洗车券（可不邀请，直接购买）。"),
    ],
    klass="car_wash_referral",
    provenance=f"{OPS}, section 5.1 (a referral reward that gates nothing)",
    categories=("生活服务-汽车服务",),
)
app(
    "f5-neg-seafood-01",
    "舟山渔港",
    "海鲜直供",
    [
        page("活鲜", "养殖大黄鱼、梭子蟹，顺丰冷链，¥88起。"),
        page("声明", "本店不售野生保护鱼类，大鲵、黄唇鱼等一律不收不卖。"),
    ],
    klass="seafood_disclaiming_protected",
    provenance=f"{OPS}; a seafood shop that disclaims protected species",
    categories=("商家自营-生鲜",),
)
app(
    "f5-neg-gym-01",
    "Iron House Gym",
    "健身房 / personal training",
    [
        page("Membership", "Monthly pass ¥299. Personal training 10 sessions ¥2800."),
        page("Supplements", "We sell whey protein only. No steroids, no SARMs, no 'cutting' pills, ever."),
    ],
    klass="gym_disclaiming_steroids",
    provenance=f"{OPS}; a gym that names the drugs it does not sell",
    categories=("体育-健身",),
)
app(
    "f5-neg-police-01",
    "平安鄞州",
    "公安政务服务",
    [
        page("办事", "户籍迁移、居住证办理，可在线预约窗口。"),
        page("提醒", "网上所谓“代办户口、三天出证”均为诈骗，户籍业务只能本人到派出所办理。"),
    ],
    klass="police_service",
    provenance=f"{OPS}; a police service app quoting fake document offers in a warning",
    categories=("政务民生-公安",),
)

# ==================================================================================== violations
# ------------------------------------------------------------------------------------- cash loans
app(
    "f5-loan-01",
    "QuickCash",
    "Personal finance",
    [page("Home", "Short on cash before payday? Borrow $300-$2000, approved in minutes, no credit check. Tap Apply.")],
    expect=("cash_loan", "payday_loan", "ban"),
    klass="payday_english",
    provenance=f"{LISTING} English payday loans with no credit check",
    categories=("工具-效率",),
)
app(
    "f5-loan-02",
    "星座日签",
    "每日星座运势",
    [
        page(
            "今日运势",
            "白羊座今日财运不错。",
            {"url": "https://h5.jiekuan-fast.example/apply", "text": "凭芝麻分借2万，点击领取额度"},
        ),
    ],
    expect=("cash_loan", "loan_app", "ban"),
    klass="loan_in_link_text",
    provenance=f"{LISTING} a horoscope app whose only loan offer is a link's text",
    categories=("娱乐-星座",),
)
app(
    "f5-loan-03",
    "分期数码",
    "手机分期",
    [
        page("分期购机", "0首付分期买iPhone，下单后门店按9折现金回收，当天拿现金。"),
    ],
    expect=("cash_loan", "card_cashout", "ban"),
    klass="installment_cashout",
    provenance=f"{LISTING} instalment phone purchases bought back for cash (分期套现)",
    categories=("商家自营-数码",),
)
app(
    "f5-loan-04",
    "HK Quick Loan",
    "快速借款 Quick loan",
    [page("Apply", "快速借款 ¥2000-¥50000，不看征信，WhatsApp +852 6123 4567 即刻批核。")],
    expect=("cash_loan", "predatory_loan", "ban"),
    klass="loan_mixed_language",
    provenance=f"{LISTING} a mixed-language loan offer leading to WhatsApp",
    categories=("金融-咨询",),
)
app(
    "f5-loan-05",
    "校园钱包",
    "大学生生活服务",
    [page("专享", "在校大学生凭学生证即可申请，最高8000，不通知家长，寒暑假也能借。")],
    expect=("cash_loan", "student_loan", "ban"),
    klass="student_loan_new_phrasing",
    provenance=f"{LISTING} loans to students kept from their parents",
    categories=("教育-校园服务",),
)
# ------------------------------------------------------------------------------------- counterfeits
app(
    "f5-cf-01",
    "Time Atelier",
    "Swiss-grade watches",
    [page("Submariner", "Submariner clone, 3135 movement, 1:1 with the genuine Rolex, ¥2800, DHL worldwide.")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="replica_watch_english",
    provenance=f"{LISTING} replica watches in English",
    categories=("商家自营-钟表",),
)
app(
    "f5-cf-02",
    "酒窖特惠",
    "进口红酒",
    [page("拉菲", "拉菲原瓶灌装，酒标瓶盖齐全，¥168一箱六支，送礼有面子。")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="refilled_wine",
    provenance=f"{LISTING} branded wine bottles refilled with other wine",
    categories=("商家自营-酒类",),
)
app(
    "f5-cf-03",
    "汽配通",
    "汽车配件",
    [page("刹车片", "副厂刹车片贴博世原厂标，包装一致，价格只要原厂三分之一，修理厂批发。")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="relabelled_auto_parts",
    provenance=f"{LISTING} aftermarket auto parts relabelled with a brand's mark",
    categories=("商家自营-汽配",),
)
app(
    "f5-cf-04",
    "口红研究社",
    "大牌口红 1:1 专柜品质 工厂货",
    [page("新品", "秋冬新色上架，点击查看色号。"), page("售后", "7天无理由退换。")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="replica_in_description",
    provenance=f"{LISTING} replica lipsticks named only in the description",
    categories=("商家自营-美妆",),
)
app(
    "f5-cf-05",
    "质检通",
    "检测报告服务",
    [page("服务", "产品可贴“国家免检”标识，检测报告按模板出具，不用寄样品。")],
    expect=("counterfeit", "fake_certified", "restrict"),
    klass="fake_inspection_labels",
    provenance=f"{LISTING} inspection marks and reports issued without testing",
    categories=("商务服务-检测",),
)
app(
    "f5-cf-06",
    "潮鞋工厂",
    "运动鞋",
    [page("跑鞋", "NIKF 气垫跑鞋，logo 远看和正版一样，¥89 包邮。")],
    expect=("counterfeit", "copycat", "restrict"),
    klass="lookalike_logo",
    provenance=f"{LISTING} a look-alike brand spelling passed off as the brand",
    categories=("商家自营-鞋类",),
)
app(
    "f5-cf-07",
    "顺丰速运官方理赔中心",
    "快递丢件理赔",
    [page("理赔", "快递丢失可申请双倍赔付，请填写银行卡号、预留手机号和短信验证码，客服为您办理退款。")],
    expect=("counterfeit", "impersonation", "restrict"),
    klass="impersonation_courier_claims",
    provenance=f"{OPS}, section 5.11 (a courier's official claims centre impersonated, harvesting card data)",
    categories=("生活服务-快递",),
    principal={"name": "宁波某某信息咨询有限公司", "type": "enterprise"},
)
# ------------------------------------------------------------------------------------- contraband
app(
    "f5-cb-01",
    "户外装备库",
    "户外用品",
    [page("防身", "高压防身电棍，300万伏，随身携带，快递隐蔽包装。")],
    expect=("contraband", "weapons", "ban"),
    klass="stun_gun",
    provenance=f"{LISTING} high-voltage stun batons (controlled devices)",
    categories=("商家自营-户外",),
)
app(
    "f5-cb-02",
    "Tactical Parts",
    "Gun parts",
    [page("Barrels", "Real 9mm barrels and solvent-trap silencers, parts ship separately to avoid customs.")],
    expect=("contraband", "weapons", "ban"),
    klass="gun_parts_english",
    provenance=f"{LISTING} firearm barrels and silencers in English",
    categories=("商家自营-户外",),
)
app(
    "f5-cb-03",
    "萌宠乐园",
    "异宠",
    [page("宠物猴", "小猕猴宠物猴，已断奶会撒娇，包运输到家，¥2600。")],
    expect=("contraband", "wildlife", "ban"),
    klass="pet_macaque",
    provenance=f"{LISTING} macaques sold as pets (second-class protected since 2021)",
    categories=("商家自营-宠物",),
)
app(
    "f5-cb-04",
    "山野珍味",
    "农家土特产",
    [page("娃娃鱼", "深山野生大鲵，¥680一斤，活体冷链发货。")],
    expect=("contraband", "wildlife", "ban"),
    klass="wild_giant_salamander",
    provenance=f"{LISTING} wild giant salamanders sold as food",
    categories=("商家自营-生鲜",),
)
app(
    "f5-cb-05",
    "Green Leaf",
    "Wellness",
    [page("Menu", "Premium kush, vape carts and shrooms. Discreet shipping, DM for the full menu.")],
    expect=("contraband", "drugs", "ban"),
    klass="drugs_english_menu",
    provenance=f"{LISTING} cannabis and mushrooms offered in English",
    categories=("生活服务-其他",),
)
app(
    "f5-cb-06",
    "考研加油站",
    "考研资料",
    [page("提神", "聪明药莫达非尼，考前通宵不困，20粒一板，私聊发货。")],
    expect=("contraband", "drugs", "ban"),
    klass="modafinil",
    provenance=f"{LISTING} modafinil (a controlled psychotropic in China) sold to students",
    categories=("教育-考试",),
)
app(
    "f5-cb-07",
    "轻体日记",
    "体重管理",
    [page("减重针", "司美格鲁肽减肥针，无需处方，冷链到家，一支¥599。")],
    expect=("contraband", "prescription_medicine", "restrict"),
    klass="glp1_without_prescription",
    provenance=f"{LISTING} GLP-1 injections sold without a prescription",
    categories=("生活服务-健康",),
)
app(
    "f5-cb-08",
    "Party Helper",
    "Nightlife",
    [page("Drops", "Odourless GHB drops, works in 15 minutes, ships in eye-drop bottles.")],
    expect=("contraband", "sexual_drugs", "ban"),
    klass="ghb_english",
    provenance=f"{LISTING} GHB offered in English",
    categories=("生活服务-其他",),
)
app(
    "f5-cb-09",
    "韩国直邮",
    "免税代购",
    [page("烟草", "万宝路免税烟整条代购，韩国仓直邮，¥210一条。")],
    expect=("contraband", "tobacco", "restrict"),
    klass="dutyfree_cigarettes",
    provenance=f"{LISTING} duty-free cigarettes resold online",
    categories=("商家自营-进口",),
)
app(
    "f5-cb-10",
    "零食铺子",
    "休闲零食",
    [page("首页", "坚果、果干、辣条，满59包邮。")],
    expect=("contraband", "tobacco", "restrict"),
    klass="vape_in_navigation_label",
    provenance=f"{LISTING} a snack shop whose navigation label sells e-cigarettes",
    categories=("商家自营-食品",),
    navigation=({"appid": appid("f5-vape-target"), "label": "电子烟专区 口味全 顺丰发"},),
)
app(
    "f5-cb-11",
    "Global Docs",
    "Document services",
    [page("Passports", "Registered passports and driver's licences for any country, scannable, delivered in 7 days.")],
    expect=("contraband", "forged_documents", "ban"),
    klass="forged_passports_english",
    provenance=f"{LISTING} forged passports and licences in English",
    categories=("商务服务-代办",),
)
app(
    "f5-cb-12",
    "车主通",
    "车辆信息服务",
    [page("查询", "输入车牌号，查车主姓名、手机号、家庭住址，¥50一次，秒出结果。")],
    expect=("contraband", "personal_data", "ban"),
    klass="plate_owner_lookup",
    provenance=f"{LISTING} car-owner look-ups by licence plate",
    categories=("工具-查询",),
)
app(
    "f5-cb-13",
    "Lead Factory",
    "Marketing data",
    [page("Leads", "Fresh leads: 10k Chinese mobile numbers with names and cities, updated daily, pay in USDT.")],
    expect=("contraband", "personal_data", "ban"),
    klass="leads_english",
    provenance=f"{LISTING} personal phone numbers sold as leads in English",
    categories=("商务服务-营销",),
)
app(
    "f5-cb-14",
    "安防小店",
    "家庭安防",
    [page("微型摄像", "纽扣针孔摄像头，酒店房间隐蔽拍摄，手机远程看，¥199。")],
    expect=("contraband", "surveillance", "restrict"),
    klass="hidden_camera",
    provenance=f"{LISTING} pinhole cameras offered for covert filming",
    categories=("商家自营-数码",),
)
app(
    "f5-cb-15",
    "收藏钱币",
    "钱币收藏",
    [page("新品", "第五套百元高仿真币，手感水印齐全，能过验钞机，1比10出。")],
    expect=("contraband", "counterfeit_currency", "ban"),
    klass="counterfeit_banknotes",
    provenance=f"{LISTING} counterfeit banknotes sold at a ratio",
    categories=("文创-收藏",),
)
# ------------------------------------------------------------------------------------- platform rules
app(
    "f5-rule-01",
    "资料分享站",
    "学习资料",
    [page("下载", "考研英语真题合集：转发本文到三个群，截图发给客服，才给你网盘链接。")],
    expect=("platform_rule", "induced_sharing", "warn"),
    klass="share_gate_screenshot",
    provenance=f"{OPS}, section 5.1 (files released only after sharing to groups)",
    categories=("教育-资料",),
)
app(
    "f5-rule-02",
    "VIP Club",
    "会员俱乐部",
    [page("VIP", "邀请好友 invite 5 friends 即解锁 VIP 全部功能。")],
    expect=("platform_rule", "induced_sharing", "warn"),
    klass="invite_gate_mixed",
    provenance=f"{OPS}, section 5.1 (features unlocked by invitations, mixed language)",
    categories=("社交-社区",),
)
app(
    "f5-rule-03",
    "团购小站",
    "社区团购",
    [page("下单", "草莓团购，订金请直接转老板娘支付宝，备注楼号。")],
    expect=("platform_rule", "offplatform_payment", "restrict"),
    klass="deposit_to_owner",
    provenance=f"{OPS}; deposits sent to the owner's personal Alipay",
    categories=("生活服务-团购",),
)
app(
    "f5-rule-04",
    "Cake Lab",
    "Custom cakes",
    [page("Order", "Pay via Alipay to my personal account before pickup, then send me the screenshot.")],
    expect=("platform_rule", "offplatform_payment", "restrict"),
    klass="personal_payment_english",
    provenance=f"{OPS}; payment to a personal account, in English",
    categories=("商家自营-食品",),
)
app(
    "f5-rule-05",
    "城市指南",
    "本地生活",
    [page("活动", "本周活动详情见下方页面。", {"url": "https://events.not-declared.example/list", "text": "活动列表"})],
    expect=("platform_rule", "undeclared_webview", "warn"),
    klass="undeclared_domain",
    provenance=f"{OPS} and the web-view component rules ({WEBVIEW}): a page from an undeclared domain",
    categories=("生活服务-资讯",),
    extra={"business_domains": [{"domain": "cityguide-nb.example", "icp": "浙ICP备2025000456号"}]},
)
app(
    "f5-rule-06",
    "小游戏合集",
    "好玩的小游戏都在这",
    [page("合集", "精选小游戏合集，点击即玩。")],
    expect=("platform_rule", "navigation_hub", "warn"),
    klass="game_hub",
    provenance=f"{OPS}, section 5.10 (a collection that only redirects to twelve games)",
    categories=("游戏-休闲",),
    navigation=tuple({"appid": appid(f"f5-game-{i}"), "label": f"小游戏{i}"} for i in range(12)),
)


def main() -> None:
    build.write_split(build.CASES, OUT, "fresh5")


if __name__ == "__main__":
    main()
