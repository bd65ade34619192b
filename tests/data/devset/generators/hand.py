# Individually written Chinese offers and hard cases (not composed), one line each.
import json
W = '/work/wt/datazh/tests/data/devset/'
P = lambda based: {"synthetic": True, "written_by": "linkscan dev-data helper", "based_on": based, "note": "written one by one"}
items = [
# (label, sub, genre, based_on, text)
('contraband','drugs','social_post','Chinese drug slang offers on social apps (冰/叶子/K/上头电子烟) as described in police anti-drug notices',
 '新到一批“糖果”，男生女生都爱吃，吃完嗨一整晚，懂的私我，同城两小时送到'),
('contraband','drugs','social_post','same', '上头烟弹到了，抽两口就飘，和普通烟弹外观一样，查不出来，老客户八折'),
('contraband','drugs','listing','same', '出叶子，加州进口，一克xxx，十克起包邮，真空包装无味道'),
('contraband','drugs','social_post','same', '溜冰的兄弟看过来，货纯，不掺东西，老地方交易，只接熟人介绍'),
('contraband','drugs','listing','CBD/THC product promotions (contraband under the cn profile)', 'CBD精油、THC软糖现货，美国合法产品，国内也能发，海关一般不查'),
('contraband','drugs','social_post','same', '奶茶包一箱20包，夜店同款，冲水即饮，效果比酒强多了，可开发票走“固体饮料”'),
('contraband','weapons','listing','weapon sales reported in MPS crackdowns (气枪/钢珠/弓弩)', '秃鹰全套配件拆分发货，到手自己组装，打猎神器，钢珠送两千发'),
('contraband','weapons','social_post','same', '出一把二手气狗，成色九新，精度高，可当面试枪，价格面议'),
('contraband','weapons','listing','same', '合金弹弓+钢珠套装，另有三棱刺、甩棍，防身必备，快递包装写“工具”'),
('contraband','wildlife','listing','protected-wildlife trade cases (象牙/穿山甲/犀角/活体)', '祖传猛犸牙实为非洲老象牙，纹路清晰，可做手串吊坠，私聊看实物视频'),
('contraband','wildlife','social_post','same', '野生穿山甲片，炮制好的，下奶通经，一两xxx元，量大可以到厂里看货'),
('contraband','wildlife','listing','same', '出售活体蜂猴一只，很亲人，已经养了半年，不办证，同城自提'),
('contraband','wildlife','social_post','same', '犀角片、羚羊角粉，老中医配方用，货源稳定，不走正规渠道价格便宜'),
('contraband','prescription_medicine','listing','slimming capsules with banned additives (西布曲明/酚酞) named in NMPA notices', '网红减肥胶囊，一周瘦十斤，内含“特效成分”（西布曲明），不反弹，月瘦二十斤包退'),
('contraband','prescription_medicine','social_post','same', '纯中药减肥茶？我们不装，就是加了料的，效果猛，心慌是正常反应，三盒一疗程'),
('contraband','prescription_medicine','listing','no-prescription sale of prescription and controlled drugs', '安眠药、止痛药、处方药都有，不用去医院挂号，直接下单发顺丰，保密包装'),
('contraband','prescription_medicine','social_post','same', '港版司美格鲁肽到货，减肥针一支用一个月，不用处方，冷链配送，附注射教程'),
('contraband','medical_devices','listing','medical devices without registration; masks relabelled as medical', '医用外科口罩，其实就是普通三层口罩，我们这边统一印“医用”字样，外箱有检测报告复印件'),
('contraband','medical_devices','social_post','same', '进口水光针、溶脂针，没有中文注册证，但效果好，美容院都在用，学会自己打'),
('contraband','medical_devices','listing','same', '家用制氧机、雾化器，工厂直发，无注册证，价格只有医院的三分之一'),
('contraband','tobacco','listing','vape shops and smuggled cigarettes (online sale banned in China)', '电子烟店开业大酬宾，一次性电子烟买二送一，网上下单同城闪送，学生党也能买'),
('contraband','tobacco','social_post','same', '免税香烟到货，中华、玉溪、黄鹤楼都有，比专卖店便宜三成，整箱发货'),
('contraband','tobacco','listing','same', '外烟批发：万宝路、七星、爱喜，海外直邮，保真，拍下备注口味'),
('contraband','sexual_drugs','listing','knock-out and sex drugs in SMS/web spam (迷药/听话水)', '无色无味听话水，放进饮料里十分钟见效，对方醒来什么都不记得，保密发货'),
('contraband','sexual_drugs','social_post','same', '进口催情香水，喷一下她就主动，夫妻生活必备，三瓶送一瓶'),
('contraband','sexual_drugs','listing','same', '男用延时壮阳药，美国原装，含西地那非，一粒管一晚，不用处方'),
('contraband','forged_documents','listing','fake-document sellers (办证/假证/代开发票) of sms80w and trec06c spam', '各类证件制作：身份证、户口本、营业执照，高清防伪，一比一还原，三天出货'),
('contraband','forged_documents','social_post','same', '代开各地增值税专用发票，可认证抵扣，点数低，先验票后付款'),
('contraband','forged_documents','listing','same', '全日制本科毕业证、学位证，学信网可查，不用考试，包过单位背调'),
('contraband','counterfeit_currency','listing','counterfeit-banknote offers from police cases', '新版百元假币，手感、水印、安全线和真钞一样，一万面额只要两千，量大更便宜'),
('contraband','counterfeit_currency','social_post','same', '出练功券？不是，是能花出去的那种，菜市场、夜市都能用，懂的来'),
('contraband','counterfeit_currency','listing','same', '高仿美元、欧元现货，可过普通验钞机，出境旅游换汇方便，先发小样'),
('contraband','personal_data','listing','personal-data broker offers (SDK采集, 接码, 四件套) from MPS crackdown reports', '我们的SDK嵌在几百个APP里，实时回传手机号、设备号、定位，按城市按行业打包出售'),
('contraband','personal_data','social_post','same', '接码平台上线：全国实名手机号接收验证码，注册微信、抖音、淘宝都行，一条验证码x元'),
('contraband','personal_data','listing','same', '收购、出售四件套：身份证+银行卡+手机卡+U盾，一套x千，长期合作，有卡的来'),
('contraband','personal_data','social_post','same', '查人服务：给个手机号就能出姓名、身份证、住址、开房记录、名下车辆，半小时出结果'),
('contraband','surveillance','listing','spyware and bugging-device offers', '手机监控软件，装在对方手机上就能看聊天记录、通话录音、实时定位，图标自动隐藏'),
('contraband','surveillance','social_post','same', '针孔摄像头做成插座、烟雾报警器的样子，装在房间里完全看不出来，手机远程看'),
('contraband','surveillance','listing','same', '汽车GPS定位器，不用接线，吸在车底，续航三个月，查另一半行踪必备'),
('counterfeit','replica_goods','listing','cosmetics sold as "factory surplus" (工厂尾货) — counterfeit euphemism named in issue 13', '大牌化妆品工厂尾货，雅诗兰黛、兰蔻、SK-II，同一条流水线出来的，没有防伪码，价格一到三折'),
('counterfeit','replica_goods','social_post','same', '专柜撤柜货、代工厂多做的单，和专柜一模一样，就是没有小票，需要的宝宝私我'),
('counterfeit','replica_goods','listing','liquor via 特供/内部渠道 far below market price', '特供茅台，内部渠道拿货，53度飞天一箱六瓶xxxx元，比市场价便宜一半多，保证喝不坏'),
('counterfeit','replica_goods','social_post','same', '部队内部特供酒，不对外销售，朋友关系才拿到的货，送礼有面子，数量有限'),
('counterfeit','replica_goods','listing','replica-watch seller lingo (复刻/ZF厂/V3) as in the repswatch catalogue, in Chinese', '百达翡丽鹦鹉螺5711，PPF厂V4版，9015机芯改装，正品价五十万，复刻只要三千多'),
('counterfeit','replica_goods','social_post','same', '球鞋莆田货源，真标原盒，得物鉴定过不了但是肉眼看不出来，上脚一样'),
('counterfeit','copycat','listing','shanzhai trade-dress copies of named brands', '“华强北”AirPods Pro 2，弹窗定位都有，序列号可查，外人看不出是山寨'),
('counterfeit','copycat','social_post','same', '仿大牌香水，包装瓶子一样，味道九成像，一百块就能买到大牌的感觉'),
('counterfeit','fake_certified','listing','sellers of forged certification marks and test reports', '电动车电池加贴CCC标志，没做认证也能上牌，商家批量订购有优惠'),
('counterfeit','fake_certified','social_post','same', '帮你的产品出一份“SGS检测报告”，格式和真的一样，平台审核都能过，一份x百'),
('cash_loan','payday_loan','sms_ad','714高炮 style short-term loans described in news', '【急速贷】借2000到账1400，7天还2000，不看征信，逾期只收服务费，点击领取额度'),
('cash_loan','payday_loan','broker_message','same', '兄弟，急用钱的话我这里有口子，下款快，周期7天，黑户也能做，就是利息有点高'),
('cash_loan','loan_app','sms_ad','loan-app download SMS', '您的借款额度x万元已审批通过，请在24小时内下载“钱多多”APP领取，过期作废'),
('cash_loan','student_loan','social_post','campus-loan pitches', '学长推荐：在校生只要学生证就能借，宿舍楼下面签，不用告诉爸妈，借五千还六千'),
('cash_loan','card_cashout','social_post','card cash-out offers', '花呗、白条、信用卡额度都能帮你变现，扫我的码付款，半小时到你银行卡，手续费低'),
('cash_loan','loan_agent','broker_message','broker packaging loan files (包装/代做流水)', '征信花了不要紧，我们专业包装，代做工资流水、社保证明，保证银行能批，下款再收费'),
('cash_loan','predatory_loan','sms_ad','unsolicited broker loan SMS of sms80w', '无抵押无担保，凭身份证即可借款x-xx万，当天放款，利息低至x厘，王经理为您服务'),
]
hard = [
# near-miss discussion of the same goods (class 1 of issue 13)
('licensed_service','legitimate look-alikes of contraband offers (tax-office invoice issuing, government document services, licensed pharmacies)',"电子税务局操作指南：自然人可在线申请代开增值税普通发票，需上传合同和身份证明，由税务机关审核后出具，按规定缴纳税款。"),
('licensed_service','same',"本代理记账公司可协助小规模纳税人向主管税务机关申请代开增值税专用发票，全程在电子税务局办理，不出售、不虚开任何发票。"),
('licensed_service','same',"政务服务中心：居民身份证补领、换领可在户籍所在地派出所或异地受理点办理，请携带户口簿，办证费用按国家标准收取。"),
('licensed_service','same',"本药房为持证网上药店，处方药须上传医生处方并经执业药师审核后方可购买，非处方药可直接下单。"),
('licensed_service','same',"车管所提示：驾驶证期满换证、补证可通过“交管12123”APP办理，切勿轻信“代办驾照”“包过”“消分”的广告。"),
('debunk','debunkings that quote an ad',"网上流传“凭身份证即可借款、当天放款”的广告，警方核实：此类广告多为诈骗，受害人先后被以“解冻费”“保证金”名义骗走数万元。"),
('debunk','same',"辟谣：所谓“特供茅台”“内部渠道酒”均为假酒，茅台集团从未设立任何“特供”渠道。"),
('debunk','same',"有人在朋友圈叫卖“工厂尾货”大牌化妆品，品牌方回应：公司没有任何尾货流出，这些产品均为假货。"),
('debunk','same',"“听话水”真的存在吗？专家：网上宣传的“一滴就听话”多为诈骗，但部分迷药确实危险，女性在外请看好自己的饮品。"),
('journalism','journalism about a seller',"记者以买家身份联系一名“接码”卖家，对方称“全国号码都有，一条两块”，并要求用虚拟币付款。目前线索已移交警方。"),
('journalism','same',"调查：某电商平台上“医用口罩”实为普通口罩，商家在采访中承认包装上的“医用”字样是自行印制。"),
('journalism','same',"暗访记者发现，有电子烟店在社交平台招揽顾客，称“网上下单同城送”，这种做法违反了电子烟管理办法。"),
('explainer','explainers of grades and prices',"科普：为什么复刻表分“ZF厂”“VS厂”“清洁厂”？这些都是假表工厂的名号，购买复刻表既不受法律保护，也可能涉嫌违法。"),
('explainer','same',"什么是“四件套”？指被不法分子收购用于洗钱的身份证、银行卡、手机卡和U盾，出售自己的“四件套”可能构成帮助信息网络犯罪活动罪。"),
('explainer','same',"什么是“714高炮”？借款期限7天或14天、砍头息高达30%的网络借贷，年化利率往往超过1000%，属于违法放贷。"),
('regulator','regulator notices',"国家药监局发布警示：标称“纯中药”的减肥产品检出西布曲明，西布曲明已于2010年撤市，服用可能引起心脑血管风险。"),
('regulator','same',"中国人民银行：信用卡套现、代还等行为违反规定，发卡机构发现后将采取降额、止付等措施。"),
('crackdown_news','crackdown reports',"警方捣毁一个通过“SDK”非法采集用户信息的团伙，该团伙将代码嵌入上百款APP，累计窃取个人信息数亿条。"),
('crackdown_news','same',"海关在一批申报为“固体饮料”的货物中查获含有依托咪酯的电子烟油，依托咪酯已被列入第二类精神药品管理。"),
('treatment','drug-treatment pages',"戒毒医院提醒：“上头电子烟”中含有依托咪酯等成分，长期吸食会出现幻觉、抽搐，如有成瘾请尽快就医，咨询电话见医院官网。"),
('spotting_guide','spotting guides',"教你三步辨别真假茅台：看瓶盖喷码、看防伪标、扫码验真。价格明显低于市场的“内部酒”“特供酒”基本都是假的。"),
('licensed_lender','licensed lenders',"本行助学贷款由国家开发银行与学校合作办理，学生在校期间利息由财政全额贴息，请通过学校资助中心申请，不收取任何中介费用。"),
('licensed_lender','same',"【某银行信用卡中心】您的信用卡账单分期已办理成功，分12期，每期手续费率0.6%，详见本行官方APP。本行不会委托任何第三方办理“代还”。"),
('tobacco_control','tobacco control',"控烟志愿者在校园周边巡查，发现两家店铺向未成年人出售电子烟，已通报市场监管部门。"),
('wildlife_education','wildlife protection',"森林公安提醒：网上出售的“猛犸象牙”很多实为非洲象牙，购买前务必要求出示合法来源证明，否则可能涉嫌犯罪。"),
]
rows = []
for i, (label, sub, genre, based, text) in enumerate(items, 1):
    rows.append({"id": f"zh-hand-{sub}-{i:03d}", "text": text, "format": "text", "lang": "zh", "label": label, "subcategory": sub, "hard_negative": False,
                 "genre": genre, "source": "synthetic-datazh", "provenance": P(items[i-1][3] if based != 'same' else next(b for (_, s, _, b, _) in reversed(items[:i]) if s == sub and b != 'same')), "synthetic": True})
    if sub in ('drugs', 'tobacco') and any(w in text for w in ('CBD', 'THC', '电子烟', '叶子')):
        rows[-1]["jurisdiction_note"] = "cannabis/CBD/THC and vape promotions are contraband offerings under the cn default profile"
last = None
for i, (genre, based, text) in enumerate(hard, 1):
    if based != 'same': last = based
    rows.append({"id": f"zh-hand-hn-{genre}-{i:03d}", "text": text, "format": "text", "lang": "zh", "label": "clean", "subcategory": None, "hard_negative": True,
                 "genre": genre, "source": "synthetic-datazh", "provenance": P(last), "synthetic": True})
with open(W + 'zh_synthetic_handwritten.jsonl', 'w') as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(rows))
