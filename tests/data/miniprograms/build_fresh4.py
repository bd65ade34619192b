"""Writes fresh4.jsonl: a fourth mini-program set, written after the fresh3 round's fixes and scored once.

No fix follows it, so its figure is an untouched one for the code as it stands (docs/miniprogram.md).
It was written by the same helper as fresh3, after reading the checks, so it is less independent than
fresh3 was; the surface is varied again (phone-leaseback loans, heated tobacco, bear-free wildlife
products, sneaker resellers, car dealers with bank finance, blood donation, pet hospitals, English
pages). Every case was written by linkscan (no text copied from any source); ``provenance`` names the
platform rule, licence regulation or kind of real listing each models. Same helpers as build_fresh3.py.
Run ``python tests/data/miniprograms/build_fresh4.py`` after editing.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # a data script run by path, beside build.py

import build
from build_fresh3 import LICENCE, LISTING, OPS, PERSON, WEBVIEW, app, appid, licence, page

OUT = Path(__file__).with_name("fresh4.jsonl")
build.CASES.clear()  # importing build_fresh3 wrote its own cases there

# ==================================================================================== hard negatives
app(
    "f4-neg-pawn-01",
    "鑫源典当",
    "汽车、房产典当",
    [
        page("汽车质押", "汽车质押典当，车辆入库保管，签订当票后当天发放当金，月综合费率按规定执行。"),
        page("房产抵押", "房地产抵押典当须办理抵押登记。"),
    ],
    klass="licensed_pawnshop",
    provenance=f"{LICENCE} the Measures for the Administration of Pawning (vehicle and property pawns)",
    categories=("金融业-典当",),
    qualifications=(licence("典当经营许可证", "33010099"),),
)
app(
    "f4-neg-card-01",
    "浦江银行信用卡",
    "信用卡申请与账单管理",
    [
        page("申卡", "在线申请信用卡，审批结果短信通知。"),
        page("分期", "账单分期、现金分期，年化利率以页面展示为准，提前还款按合同约定。"),
    ],
    klass="licensed_bank",
    provenance=f"{LICENCE} the Commercial Banking Law (a bank's credit-card app with instalments)",
    categories=("金融业-银行",),
    qualifications=(licence("金融许可证", "B0099H231000001"),),
)
app(
    "f4-neg-hospital-01",
    "仁和互联网医院",
    "在线问诊、电子处方、送药上门",
    [
        page("问诊", "三甲医院医生图文问诊，复诊患者可开具电子处方。"),
        page("送药", "处方经药师审核后由合作药房配送到家。"),
    ],
    klass="licensed_hospital",
    provenance=f"{LICENCE} the Internet Diagnosis and Treatment Measures (an internet hospital)",
    categories=("医疗-互联网医院",),
    qualifications=(licence("医疗机构执业许可证", "PDY99999X33010011A5001"),),
)
app(
    "f4-neg-pharmacy-01",
    "益丰健康药房",
    "网上药房",
    [
        page("常用药", "维生素C片、布洛芬缓释胶囊，满49元包邮。"),
        page("处方药", "购买处方药须上传有效处方，药师审核通过后发货。"),
    ],
    klass="licensed_pharmacy",
    provenance=f"{LICENCE} the Measures for the Supervision of Online Drug Sales (a filed online pharmacy)",
    categories=("医疗-药店",),
    qualifications=(licence("药品经营许可证", "浙AA5710021"), licence("药品网络销售备案")),
)
app(
    "f4-neg-hearing-01",
    "聆听助听器中心",
    "助听器验配",
    [
        page("验配", "专业验配师听力测试后选配助听器，30天试戴。"),
        page("价格", "数字助听器 ¥3980 起，支持到店或邮寄调试。"),
    ],
    klass="licensed_devices",
    provenance=f"{LICENCE} the Regulations on the Supervision of Medical Devices (a hearing-aid centre)",
    categories=("商家自营-医疗器械",),
    qualifications=(licence("医疗器械经营许可证", "浙杭械经营许20190088号"),),
)
app(
    "f4-neg-tobaccoshop-01",
    "城东烟草专卖店",
    "门店信息",
    [
        page("门店", "营业时间 8:00-22:00，地址与导航。"),
        page("须知", "根据国家规定，本程序不提供任何烟草制品的网上订购和配送，请到门店购买。"),
    ],
    klass="licensed_tobacco_no_online",
    provenance=f"{LICENCE} the Tobacco Monopoly Law (a licensed retailer's store-information app)",
    categories=("生活服务-门店",),
    qualifications=(licence("烟草专卖零售许可证", "330106100321"),),
)
app(
    "f4-neg-vapelaw-01",
    "政策解读",
    "法规资讯",
    [
        page(
            "电子烟新规",
            "新国标实施后，除烟草口味外的调味电子烟一律禁止销售，电子烟也不得通过信息网络销售。",
        ),
    ],
    klass="news",
    provenance=f"{OPS}; a regulation explainer naming banned e-cigarette sales",
    categories=("资讯-政策",),
)
app(
    "f4-neg-police-01",
    "平安甬城",
    "警务公开",
    [
        page(
            "禁毒",
            "警方公布常见毒品暗语：“肉”“糖”“叶子”分别指代冰毒、摇头丸和大麻，家长发现孩子聊天中出现请及时报警。",
        ),
    ],
    klass="police_education",
    provenance=f"{OPS}; police publishing drug slang for parents",
    categories=("政务民生-公安",),
)
app(
    "f4-neg-customs-01",
    "Port News",
    "Port and customs news",
    [
        page(
            "Seizure",
            "Customs officers seized 2,000 counterfeit watches and 300 replica handbags hidden in a container "
            "declared as toys. The case has been handed to the police.",
        ),
    ],
    klass="news",
    provenance=f"{OPS}; an English customs seizure report",
    categories=("资讯-新闻",),
)
app(
    "f4-neg-rescue-01",
    "野生动物救护站",
    "野生动物救助",
    [
        page("救助", "本站救护受伤的猛禽、穿山甲和龟鳖类，康复后放归野外。"),
        page("求助", "发现受伤或被困的野生动物，请拨打救护热线，切勿自行饲养或买卖。"),
    ],
    klass="conservation",
    provenance=f"{OPS}; a wildlife rescue centre",
    categories=("公益-动物保护",),
)
app(
    "f4-neg-appraisal-01",
    "周末鉴宝会",
    "藏品鉴定活动",
    [
        page("报名", "瓷器、玉器、书画现场鉴定，专家逐件点评。"),
        page("说明", "活动只做鉴定，不收购、不交易，象牙犀角等违禁藏品不予鉴定。"),
    ],
    klass="inspection_event",
    provenance=f"{OPS}; an antiques appraisal event",
    categories=("生活服务-鉴定",),
)
app(
    "f4-neg-gold-01",
    "老凤祥金店",
    "黄金首饰",
    [
        page("足金", "足金手镯按克计价，今日金价 ¥688/克，工费另计。"),
        page("保障", "每件附国检证书，支持到店回收换款。"),
    ],
    klass="ordinary_shop",
    provenance=f"{OPS}; a gold jewellery shop",
    categories=("商家自营-珠宝",),
)
app(
    "f4-neg-sneakers-01",
    "鞋库正品",
    "球鞋寄售",
    [
        page("寄售", "AJ1 芝加哥 42码 全新 ¥2899。"),
        page("鉴定", "每双鞋经平台鉴定师查验后发货，假一赔十，拒收任何仿品。"),
    ],
    klass="secondhand_luxury",
    provenance=f"{OPS}; a sneaker resale shop with authentication",
    categories=("商家自营-鞋类",),
)
app(
    "f4-neg-cardealer-01",
    "诚信二手车",
    "二手车销售",
    [
        page("车源", "2021款轿车 8.6万，已检测。"),
        page("金融方案", "首付三成，车贷由合作银行审批放款，本店不直接放贷。"),
    ],
    klass="dealer_with_bank_finance",
    provenance=f"{OPS}; a car dealer referring buyers to a bank's car loans",
    categories=("汽车-二手车",),
)
app(
    "f4-neg-gym-01",
    "燃动健身",
    "健身房",
    [
        page("会员卡", "月卡 ¥199，年卡 ¥1599，在小程序内微信支付。"),
        page("押金", "储物柜押金在线支付，退卡时原路退回。"),
    ],
    klass="deposit_on_platform",
    provenance=f"{OPS}; a gym taking deposits through the platform",
    categories=("体育-健身",),
)
app(
    "f4-neg-kindergarten-01",
    "阳光幼儿园",
    "家园共育",
    [
        page("缴费", "保教费、伙食费请在本程序缴费，幼儿园统一开具收据。"),
        page("通知", "本周五开放日，欢迎家长参加。"),
    ],
    klass="school",
    provenance=f"{OPS}; a kindergarten collecting fees in the app",
    categories=("教育-学前教育",),
)
app(
    "f4-neg-blood-01",
    "无偿献血预约",
    "献血服务",
    [
        page("预约", "预约献血时间和献血点，献血前请吃清淡早餐。"),
        page("说明", "无偿献血，血液不得买卖；任何以献血名义收费或付费的行为请举报。"),
    ],
    klass="government_service",
    provenance=f"{OPS}; a blood-donation booking service",
    categories=("医疗-公共卫生",),
)
app(
    "f4-neg-pethospital-01",
    "爱宠动物医院",
    "宠物诊疗",
    [
        page("服务", "疫苗、驱虫、绝育手术，执业兽医坐诊。"),
        page("处方粮", "处方粮须兽医诊断后开具，到院自取。"),
    ],
    klass="pet_hospital",
    provenance=f"{LICENCE} the Animal Epidemic Prevention Law (an animal clinic)",
    categories=("生活服务-宠物医疗",),
    qualifications=(licence("动物诊疗许可证", "(浙)动诊证字第0123号"),),
)
app(
    "f4-neg-eggs-01",
    "青山农场",
    "农场直供",
    [
        page("鸡蛋", "散养土鸡蛋 ¥2.5/枚，30枚起送，同城次日达。"),
        page("联系", "企业团购请拨打客服电话 0574-87650000。"),
    ],
    klass="ordinary_shop",
    provenance=f"{OPS}; a farm shop with price, delivery and a phone number",
    categories=("商家自营-生鲜",),
)
app(
    "f4-neg-share-01",
    "成语接龙",
    "休闲小游戏",
    [page("玩法", "和好友轮流接龙，觉得好玩可以分享给朋友一起玩。")],
    klass="voluntary_sharing",
    provenance=f"{OPS}, section 5.1 (sharing offered, nothing gated)",
    categories=("游戏-休闲",),
)
app(
    "f4-neg-fund-01",
    "公积金贷款计算",
    "公积金贷款试算",
    [page("试算", "输入贷款金额、年限，按公积金贷款利率计算月供；实际额度以公积金中心审批为准。")],
    klass="calculator",
    provenance=f"{OPS}; a housing-fund loan calculator",
    categories=("政务民生-公积金",),
)
app(
    "f4-neg-travelins-01",
    "TravelSafe Insurance",
    "Travel insurance",
    [
        page("Plans", "Schengen travel insurance from ¥98, medical cover up to €30,000, buy in the app."),
        page("Claims", "Claims are paid to the insured person's own bank account after review."),
    ],
    klass="insurance",
    provenance=f"{LICENCE} the Insurance Law (an English travel-insurance app)",
    categories=("金融业-保险",),
    qualifications=(licence("经营保险业务许可证", "000099"),),
)
app(
    "f4-neg-lostfound-01",
    "校园失物招领",
    "失物招领与二手",
    [
        page("发布", "丢失物品、捡到物品信息发布。"),
        page("规则", "禁止发布代办证件、出售个人信息、代写论文等内容，违者封号。"),
    ],
    klass="marketplace_rules",
    provenance=f"{OPS}; a campus board's posting rules naming prohibited trades",
    categories=("生活服务-校园",),
)

# ====================================================================================== violations
app(
    "f4-loan-01",
    "手机回收宝",
    "手机回收",
    [
        page(
            "回租",
            "手机不用寄，把手机“卖”给我们再租回去，当天拿钱，到期付租金赎回，不查征信。",
        ),
    ],
    expect=("cash_loan", "predatory_loan", "ban"),
    klass="leaseback_loan",
    provenance=f"{LISTING} phone 'sale and leaseback' loans (租机回租)",
    categories=("生活服务-回收",),
)
app(
    "f4-loan-02",
    "FastFund",
    "Quick cash",
    [page("Apply", "Need cash fast? 无抵押 quick loan up to ¥20,000, approval in 10 minutes, bad credit OK.")],
    expect=("cash_loan", "predatory_loan", "ban"),
    klass="loan_english",
    provenance=f"{LISTING} unsecured quick loans in English",
    categories=("工具-效率",),
    contacts=({"kind": "phone", "value": "13800138000"},),
)
app(
    "f4-loan-03",
    "天气早知道",
    "天气预报",
    [page("天气", "未来七天天气预报。")],
    expect=("cash_loan", "loan_app", "ban"),
    klass="loan_navigation",
    provenance=f"{LISTING} a loan web-view behind a weather app's navigation label",
    categories=("工具-天气",),
    navigation=({"url": "https://m.daikuan-zhan.example/go", "label": "征信花了也能下款，最高3万"},),
)
app(
    "f4-loan-04",
    "快帮手",
    "不看征信，秒下款，1000-20000随借随还",
    [page("首页", "欢迎使用快帮手。")],
    expect=("cash_loan", "loan_app", "ban"),
    klass="loan_in_description",
    provenance=f"{LISTING} a loan offer only in the description",
    categories=("工具-效率",),
)
app(
    "f4-loan-05",
    "额度变现",
    "额度服务",
    [page("服务", "花呗、白条额度秒变现金，扫码即可，手续费8%，当天到账。")],
    expect=("cash_loan", "card_cashout", "ban"),
    klass="card_cashout",
    provenance=f"{LISTING} consumer-credit cash-out",
    categories=("商务服务-其他",),
)
app(
    "f4-cf-01",
    "奢品汇",
    "包包",
    [page("铂金包", "顶级复刻爱马仕铂金包，原厂皮，手工缝线，¥4800，私聊看细节。")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="replica_bags",
    provenance=f"{LISTING} replica handbags",
    categories=("商家自营-箱包",),
)
app(
    "f4-cf-02",
    "腕上时光",
    "手表",
    [page("A货名表", "款式多，价格实惠，私聊。")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="replica_in_title",
    provenance=f"{LISTING} replica watches named only in a page title",
    categories=("商家自营-钟表",),
)
app(
    "f4-cf-03",
    "美妆小铺",
    "彩妆",
    [page("口红", "Dior 口红 高仿一比一，颜色质地和专柜一样，¥39 两支包邮。")],
    expect=("counterfeit", "replica_goods", "restrict"),
    klass="replica_cosmetics",
    provenance=f"{LISTING} replica lipsticks",
    categories=("商家自营-美妆",),
)
app(
    "f4-cf-04",
    "手机特卖",
    "手机",
    [page("新品", "山寨iPhone 15 Pro，安卓系统，外观一模一样，¥699包邮。")],
    expect=("counterfeit", "copycat", "restrict"),
    klass="copycat_phone",
    provenance=f"{LISTING} copycat phones",
    categories=("商家自营-数码",),
)
app(
    "f4-cf-05",
    "认证通",
    "认证服务",
    [page("3C", "代办3C认证，无需送检，7天下证，证书可查。")],
    expect=("counterfeit", "fake_certified", "restrict"),
    klass="fake_certification",
    provenance=f"{LISTING} product certification issued without testing",
    categories=("商务服务-认证",),
)
app(
    "f4-cf-06",
    "顺丰官方理赔中心",
    "快递丢件理赔",
    [page("理赔", "快递丢失或损坏，填写姓名、银行卡号和验证码即可快速理赔。")],
    expect=("counterfeit", "impersonation", "restrict"),
    klass="impersonation",
    provenance=f"{OPS}, section 5.11 (an individual posing as a courier's claims centre)",
    principal=PERSON,
    categories=("生活服务-快递",),
)
app(
    "f4-cb-01",
    "云雾",
    "潮玩",
    [page("新品", "🚬电子烟🚬 整盒批发，多种口味，私信下单。")],
    expect=("contraband", "tobacco", "restrict"),
    klass="vape_emoji",
    provenance=f"{LISTING} e-cigarettes wholesale with emoji",
    categories=("商家自营-潮玩",),
)
app(
    "f4-cb-02",
    "Smoke Shop",
    "Imported goods",
    [page("Heated", "Heated tobacco sticks, IQOS Terea, 整条 ¥260, ship nationwide by SF Express.")],
    expect=("contraband", "tobacco", "restrict"),
    klass="heated_tobacco_english",
    provenance=f"{LISTING} heated-tobacco sticks sold online",
    categories=("商家自营-进口",),
)
app(
    "f4-cb-03",
    "夜店同款",
    "派对",
    [page("派对", "浴盐、神仙水，同城一小时到，私聊暗号。")],
    expect=("contraband", "drugs", "ban"),
    klass="drugs",
    provenance=f"{LISTING} party drugs with same-city delivery",
    categories=("生活服务-其他",),
)
app(
    "f4-cb-04",
    "约会助手",
    "约会",
    [page("好物", "一喝就晕的失身水，无色无味，约会必备，¥168 保密发货。")],
    expect=("contraband", "sexual_drugs", "ban"),
    klass="knockout_drug",
    provenance=f"{LISTING} knock-out drinks",
    categories=("社交-约会",),
)
app(
    "f4-cb-05",
    "猎趣",
    "户外",
    [page("弩", "狩猎弩、钢珠弹弓、箭头，射程远威力大，私聊发货。")],
    expect=("contraband", "weapons", "ban"),
    klass="crossbows",
    provenance=f"{LISTING} hunting crossbows (controlled in China)",
    categories=("商家自营-户外",),
)
app(
    "f4-cb-06",
    "海底宝藏",
    "文玩",
    [page("玳瑁", "老玳瑁手镯，料子干净，有意私聊，不议价。")],
    expect=("contraband", "wildlife", "ban"),
    klass="hawksbill",
    provenance=f"{LISTING} hawksbill shell bangles (CITES Appendix I)",
    categories=("商家自营-文玩",),
)
app(
    "f4-cb-07",
    "万事通办",
    "证件服务",
    [page("办理", "代办房产证、结婚证、户口本，全国可办，加急三天，质量保证。")],
    expect=("contraband", "forged_documents", "ban"),
    klass="forged_documents",
    provenance=f"{LISTING} forged civil documents",
    categories=("商务服务-代办",),
)
app(
    "f4-cb-08",
    "数据通",
    "营销数据",
    [page("数据", "快递面单数据，姓名电话地址一手实时出，按条计费，量大优惠。")],
    expect=("contraband", "personal_data", "ban"),
    klass="personal_data",
    provenance=f"{LISTING} courier waybill data",
    categories=("商务服务-营销",),
)
app(
    "f4-cb-09",
    "家庭药箱",
    "常备药",
    [page("抗生素", "阿莫西林、头孢克肟，处方药不用处方，直接下单包邮。")],
    expect=("contraband", "prescription_medicine", "restrict"),
    klass="prescription_online",
    provenance=f"{LICENCE} the Measures for the Supervision of Online Drug Sales (antibiotics without prescription)",
    categories=("商家自营-保健品",),
)
app(
    "f4-cb-10",
    "医疗设备回收",
    "二手设备",
    [page("呼吸机", "二手家用呼吸机翻新，无注册证，半价出，私聊。")],
    expect=("contraband", "medical_devices", "restrict"),
    klass="unregistered_device",
    provenance=f"{LICENCE} the Regulations on the Supervision of Medical Devices (unregistered used ventilators)",
    categories=("商家自营-二手闲置",),
)
app(
    "f4-rule-01",
    "Personality Test",
    "Fun quizzes",
    [page("Result", "Share this page with 3 friends to unlock your full personality report.")],
    expect=("platform_rule", "induced_sharing", "warn"),
    klass="share_gating_english",
    provenance=f"{OPS}, section 5.1 (content unlocked by sharing, in English)",
    categories=("娱乐-测试",),
)
app(
    "f4-rule-02",
    "手作皮具",
    "定制皮具",
    [page("定制", "定制款需付定金，请转到我的银行卡 6222 0212 3456 7890（王某），备注订单号。")],
    expect=("platform_rule", "offplatform_payment", "restrict"),
    klass="personal_transfer",
    provenance=f"{OPS}; deposits to a personal bank card",
    categories=("商家自营-皮具",),
)
app(
    "f4-rule-03",
    "城市探店",
    "探店攻略",
    [page("首页", "本地美食探店。")],
    expect=("platform_rule", "undeclared_webview", "warn"),
    klass="undeclared_webview",
    provenance=f"{OPS}; a web-view to an undeclared host ({WEBVIEW})",
    categories=("生活服务-美食",),
    navigation=({"url": "https://coupon.other-site.example/eat", "label": "优惠券"},),
    extra={"business_domains": [{"domain": "tandian-city.example", "icp": "浙ICP备2024000777号"}]},
)
app(
    "f4-rule-04",
    "小程序导航",
    "常用小程序导航",
    [page("导航", "常用小程序一站导航，点击直达。")],
    expect=("platform_rule", "navigation_hub", "warn"),
    klass="navigation_hub",
    provenance=f"{OPS}, section 5.10 (a navigation hub with seven jumps)",
    categories=("工具-效率",),
    navigation=tuple({"appid": appid(f"f4-hub-{i}"), "label": f"应用{i}"} for i in range(7)),
)


def main() -> None:
    build.write_split(build.CASES, OUT, "fresh4")


if __name__ == "__main__":
    main()
