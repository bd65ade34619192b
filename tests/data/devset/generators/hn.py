# Synthetic Chinese hard negatives (discussion of the goods), HTML pages (offers and discussion), evasion variants.
import json, random, html as H
rng = random.Random(1313)
W = '/work/wt/datazh/tests/data/devset/'
CITY = '北京 上海 广州 深圳 杭州 成都 武汉 郑州 长沙 西安 南京 重庆 东莞 佛山 苏州 合肥 昆明 南宁 厦门 天津'.split()
def city(): return rng.choice(CITY)
def n(a, b): return rng.randint(a, b)
PROV = {"synthetic": True, "written_by": "linkscan dev-data helper"}
GOODS_CRIME = [('毒品', '冰毒', '贩毒'), ('假药', '假冒降压药', '制售假药'), ('假币', '假币', '制造、贩卖假币'), ('象牙制品', '象牙手镯', '走私珍贵动物制品'),
  ('穿山甲鳞片', '穿山甲鳞片', '走私珍贵动物制品'), ('高仿名牌包', '假冒品牌箱包', '销售假冒注册商标的商品'), ('走私香烟', '走私卷烟', '走私普通货物'),
  ('仿真枪', '气枪', '非法买卖枪支'), ('公民个人信息', '公民个人信息', '侵犯公民个人信息'), ('假证件', '伪造的学历证书', '伪造国家机关证件'),
  ('窃听器材', '窃听窃照专用器材', '非法销售窃听窃照专用器材'), ('催情药', '含西地那非的保健品', '生产、销售有毒有害食品'), ('电子烟', '走私电子烟', '非法经营'),
  ('无证医疗器械', '无注册证的医用口罩', '销售不符合标准的医用器材'), ('网络借贷', '"套路贷"', '诈骗'), ('信用卡套现', 'POS机套现', '非法经营')]
T = {}
T['crackdown_news'] = (
 'crackdown reports in the style of police and procuratorate press releases (公安破获…)',
 lambda g: rng.choice([
  f"{city()}警方破获一起{g[2]}案，抓获犯罪嫌疑人{n(3,40)}名，现场查获{g[1]}一批，涉案金额{n(2,900)}万元。",
  f"{city()}市公安局日前通报：民警循线追踪，捣毁一个{g[0]}窝点，查扣{g[1]}{n(100,9000)}件，案件正在进一步侦办中。",
  f"“净网”行动中，{city()}网警打掉一个通过社交软件兜售{g[0]}的团伙，卖家在朋友圈以“低价”“包邮”招揽买家，目前{n(5,30)}人已被刑事拘留。",
  f"检察机关以涉嫌{g[2]}罪对{n(2,12)}名被告人提起公诉。经查，被告人通过网店销售{g[1]}，累计销售额{n(10,800)}万元。",
  f"海关缉私部门在{city()}口岸查获{g[1]}，当事人将其藏匿于行李夹层，案件已移交缉私局处理。"]))
T['anti_fraud'] = (
 'anti-fraud education posts by police and banks (警惕网贷陷阱…)',
 lambda g: rng.choice([
  "警惕网贷陷阱！“无抵押、秒到账、不看征信”往往是诈骗话术。凡是放款前要求交“保证金”“解冻费”的，一律是诈骗，请拨打110或96110反诈专线。",
  f"反诈民警提醒：近期{city()}出现冒充“客服”以“注销校园贷账户”为由诱导转账的案件。正规机构不会要求您把钱转到“安全账户”。",
  "【反诈课堂】所谓“信用卡代还”“提额养卡”，实为套取个人信息和银行卡。切勿把卡号、密码、验证码交给任何人。",
  f"{city()}银保监局风险提示：警惕以“低息贷款”为诱饵的APP，借款前请核实放贷机构是否持牌，不要授权通讯录。",
  "家长请注意：校园贷、培训贷、美容贷常以“零首付”“免利息”吸引学生，实际综合年化利率远超法定上限。发现可疑情况请及时报警。",
  "警惕“低价出售高仿名牌”的网店：先付款后失联、货不对板的情况屡见不鲜，购买假冒商品本身也不受法律保护。",
  "反诈宣传：网络上兜售“公民个人信息”“实名手机卡”“接码服务”的行为均属违法，出租、出售自己的银行卡和手机卡可能构成帮信罪。", "警惕“征信修复”“黑名单洗白”骗局：个人不良信用记录只能依法异议申诉，任何收费“洗白”都是诈骗。", "反诈提醒：所谓“714高炮”是指7天或14天期的高息网贷，砍头息高达三成，逾期暴力催收。请勿下载来路不明的借款APP。", "银行提醒：不要相信“内部渠道”“包装流水”“代办大额信用卡”的中介，这些中介往往收取高额费用后失联，还可能盗用您的身份信息。"]))
T['spotting_guide'] = (
 'consumer guides to telling genuine goods from fakes (如何辨别真假…)',
 lambda g: rng.choice([
  f"如何辨别真假{b}？一看做工：正品走线均匀，高仿货常见线头外露；二看五金：正品刻字清晰；三看价格：远低于专柜价的“原单”“尾货”多半是假货。" for b in ['LV手袋', '劳力士手表', 'AJ球鞋', '茅台酒', '香奈儿包', '苹果耳机']] + [
  "教你识别假币：一摸（凹印手感），二看（水印、安全线、光变油墨），三听（抖动纸张声音清脆）。发现假币请交当地公安机关或银行。",
  "真假口罩怎么分：医用外科口罩包装上应有医疗器械注册证号（械字号），可在药监局网站查询；仅标“防护”“一次性”的多为普通民用口罩。",
  "如何识别假药：查看批准文号，在国家药监局数据库核对；警惕“纯中药”“无副作用”“包治”的宣传，这类产品常非法添加西药成分。",
  "购买化妆品时可扫描包装上的备案编号，在“化妆品监管”APP查询。所谓“工厂尾货”“专柜撤柜货”大多来路不明。"]))
T['authentication_service'] = (
 'authentication and inspection services that name replica grades without selling replicas (鉴定 高仿/A货)',
 lambda g: rng.choice([
  f"{city()}专业奢侈品鉴定中心：只做鉴定，不收不卖。可识别超A货、高仿、拼装货，出具鉴定报告，鉴定费{n(1,5)}00元起。",
  "平台鉴别服务说明：二手名表上架前须经鉴定师检测，机芯、表壳、刻字逐项比对，发现复刻表、改装表一律拒绝上架。",
  "我们是第三方珠宝玉石检测机构，可检测象牙、犀角、玳瑁等制品的材质真伪，检出受保护物种制品将依法告知公安机关。",
  "球鞋鉴定小知识：市面上的“莆田纯原”“公司级”只是假货的分级说法，正品鉴定需要从鞋标、中底、气味多方面判断。", "鉴定师说：“很多客户拿来的所谓原单、尾单，其实都是高仿。正品没有所谓的工厂尾货流出。”", "本检测机构可对白酒进行真伪鉴定，辨别回收瓶灌装的假茅台，检测费每瓶200元。", "钱币评级公司提示：送评纸币将检测是否为假币、变造币，检出假币将依法上交。"]))
T['journalism'] = (
 'investigative journalism quoting a seller (记者调查…)',
 lambda g: rng.choice([
  f"记者暗访发现，部分社交平台上有人公开兜售{g[0]}。一名卖家向记者声称“保真、包邮”，但当记者追问来源时对方随即将记者拉黑。",
  f"调查｜“一比一复刻”背后的灰色产业链：记者走访{city()}多个档口，店主称高仿表“几百元就能拿货”，这些商品最终流向直播间。",
  f"本报记者调查{city()}“714高炮”网贷：借款人借{n(1,5)}000元实际到手不足七成，逾期后遭“爆通讯录”催收。",
  "深度报道：被出卖的人脸——记者在某聊天群看到，有人以每条几毛钱的价格叫卖“四件套”和实名账户，专家提醒这已构成犯罪。",
  f"记者卧底“办证”小广告：对方报价{n(3,9)}00元可办学历证书，称“网上可查”，实际无法在学信网查到。"]))
T['treatment'] = (
 'drug-treatment and 禁毒 education pages listing drug names next to a hotline',
 lambda g: rng.choice([
  "禁毒宣传：常见新型毒品包括冰毒、摇头丸、K粉、“神仙水”、“奶茶包”、“跳跳糖”等，伪装性强。珍爱生命，远离毒品。禁毒举报电话：110。",
  f"{city()}市自愿戒毒医院提供脱毒治疗、心理康复和家庭辅导，对海洛因、冰毒、依托咪酯（“上头电子烟”）依赖均可接诊，咨询热线0{n(10,99)}-{n(1000000,9999999)}。",
  "社区康复中心提醒：吸食大麻、合成大麻素在我国均属违法，一旦成瘾请尽早求助专业机构，全国禁毒热线可提供帮助。",
  "6·26国际禁毒日｜识毒防毒：“笑气”“听话水”“蓝精灵”都是什么？本文介绍其危害与识别方法，发现可疑物品请报警。", "戒毒康复热线开通：如果您或家人正在被冰毒、K粉、合成大麻素困扰，请拨打热线，所有咨询严格保密。", "药物滥用科普：曲马多、右美沙芬、氯硝西泮等药物被滥用时同样会成瘾，处方药请遵医嘱使用。", "禁毒志愿者进校园：用展板介绍“邮票”“咔哇潮饮”“彩虹烟”等伪装型毒品，提醒学生不要接受陌生人的饮料和零食。", "美沙酮维持治疗门诊开诊时间：周一至周日8:00-11:00，需携带身份证登记。"]))
T['tobacco_control'] = (
 'tobacco-control and health education (控烟)',
 lambda g: rng.choice([
  "控烟宣传：电子烟同样含有尼古丁，对青少年大脑发育有害。根据国家规定，禁止向未成年人销售电子烟，禁止通过网络销售电子烟。",
  f"{city()}卫健委发布控烟条例执行情况：室内公共场所全面禁烟，违者最高罚款{n(2,5)}00元。戒烟门诊咨询电话12320。",
  "烟草专卖局提醒：购买香烟请到持证零售点，所谓“免税烟”“出口转内销烟”大多为走私或假冒卷烟。",
  "世界无烟日｜吸烟和二手烟每年导致大量死亡，戒烟任何时候都不晚。", "学校控烟：校园内及周边禁止销售香烟和电子烟，发现违规销售可拨打12345举报。", "戒烟门诊提示：尼古丁替代疗法需在医生指导下使用，网上售卖的“戒烟神器”多为电子烟，并不能帮助戒烟。", "烟草专卖知识：个人携带卷烟入境有限量，超量携带或在网上转卖“免税烟”属于违法行为。", "无烟家庭倡议：二手烟中含有数十种致癌物，请不要在孩子面前吸烟。"]))
T['price_news'] = (
 'news and market reports that quote a price without offering anything',
 lambda g: rng.choice([
  f"据媒体报道，{city()}某二手奢侈品店内一款劳力士二手表标价{n(5,20)}万元，业内人士称近期二手名表价格整体回落。",
  f"茅台批价持续波动：飞天茅台散瓶批发参考价约{n(2000,2900)}元，经销商表示节前需求回暖。",
  f"新闻：某网贷平台被曝综合年化利率高达{n(100,600)}%，借款{n(1,3)}000元需还款近万元，监管部门已介入。",
  f"市场观察：记者走访发现，{city()}药店司美格鲁肽注射液零售价约{n(900,1500)}元一支，须凭处方购买。", "报道：某电商平台上“工厂尾货”化妆品售价仅为专柜价的两折，品牌方回应称从未向任何渠道提供尾货。", "新闻：有网贷平台借款1000元实际到账700元，一周后需还1000元，折算年化利率超过1500%。"]))
T['licensed_lender'] = (
 "licensed banks' and pawnshops' own product pages and notices",
 lambda g: rng.choice([
  f"【{b}】尊敬的客户，本行个人消费贷款年化利率（单利）{n(3,7)}.{n(0,9)}%起，贷款审批以本行审核为准。请通过本行官方APP或网点办理，谨防假冒。" for b in ['招商银行', '工商银行', '建设银行', '农业银行', '邮储银行', '浦发银行']] + [
  f"{city()}市{rng.choice(['恒通','鼎盛','永信'])}典当行（典当经营许可证编号见店内公示）：办理黄金、房产、机动车典当，综合费率按国家规定执行。",
  "本公司为经地方金融监管局批准设立的小额贷款公司，贷款利率不超过合同成立时一年期LPR的4倍，不向在校学生发放贷款。",
  "消费金融公司信息披露：我司持有国家金融监督管理总局颁发的金融许可证，所有贷款产品均明示年化利率，不收取任何前置费用。"]))
T['regulator'] = (
 'regulator notices (银保监会/金融监管总局, 药监局, 市场监管总局, 林草局)',
 lambda g: rng.choice([
  "国家金融监督管理总局提示：不得以“零首付”“免息”等方式诱导在校大学生借贷，各银行业金融机构应加强校园贷风险防范。",
  f"国家药监局通告：{n(5,30)}批次“减肥”类保健食品检出非法添加西布曲明、酚酞，相关企业已被立案调查，消费者可拨打12315投诉。",
  "市场监管总局关于开展打击侵犯知识产权和制售假冒伪劣商品专项行动的通知：重点整治网络平台销售假冒商品、伪造认证标志等行为。",
  "国家林草局、公安部联合通告：全面禁止非法野生动物交易，严厉打击非法收购、运输、出售象牙、穿山甲及其制品的违法犯罪行为。",
  "中国人民银行反假货币工作通告：收到可疑假币请立即交当地银行或公安机关，持有、使用假币均属违法行为。",
  "国家药监局提醒：医疗器械须取得注册证或备案凭证后方可销售，消费者可在药监局官网“数据查询”栏目核对产品信息。",
  "网信办部署“清朗”专项行动：集中整治网上非法买卖个人信息、提供“接码”服务、出售实名账号等问题。", "国家烟草专卖局：电子烟产品须经技术审评并在全国统一交易平台交易，任何网站、APP均不得销售电子烟。", "公安部：严厉打击非法制造、买卖枪支弹药犯罪，群众举报涉枪线索经查证属实的给予奖励。", "国家药监局：未取得医疗器械注册证的产品不得宣称具有治疗作用，网售“械字号”面膜须核对注册证。"]))
T['wildlife_education'] = (
 'wildlife-protection education',
 lambda g: rng.choice([
  "穿山甲是国家一级重点保护野生动物，其鳞片并无特殊药效。购买、食用穿山甲及其制品均属违法，没有买卖就没有杀害。",
  "你知道吗？象牙制品的商业贸易在我国已全面禁止。出境旅游时也不要购买象牙、犀角、玳瑁等制品，以免触犯法律。",
  f"{city()}野生动物救护中心科普：很多“网红宠物”如懒猴、鹦鹉属于保护物种，私自饲养和买卖都可能违法。",
  "红珊瑚、砗磲等海洋生物已被列入保护名录，游客在海边购买纪念品时请注意辨别。", "野生动物保护法规定，禁止出售、购买、利用国家重点保护野生动物及其制品。虎骨、熊胆、犀角等传统药材已被禁用或替代。", "动物园科普牌：亚洲象是国家一级保护动物，野外种群仅约三百头，象牙贸易是其面临的主要威胁之一。", "观鸟爱好者提醒：网购“野生画眉”“绣眼”等鸣禽可能涉嫌违法，请支持人工繁育来源的合法宠物。", "海关提醒出境游客：不要购买珊瑚、砗磲、玳瑁、象牙制品，入境时将被依法没收。"]))
hn = []
k = 0
per = {g: (50 if g == 'crackdown_news' else 25) for g in T}
import re
def tkey(t):
    t = re.sub(r'\d+', '', t)
    for c in CITY: t = t.replace(c, '')
    return t
for genre, (based, make) in T.items():
    seen = set(); tries = 0; tkeys = {}
    while len([r for r in hn if r['genre'] == genre]) < per[genre] and tries < 3000:
        tries += 1
        text = make(rng.choice(GOODS_CRIME))
        if text in seen or tkeys.get(tkey(text), 0) >= 2: continue
        tkeys[tkey(text)] = tkeys.get(tkey(text), 0) + 1
        seen.add(text); k += 1
        hn.append({"id": f"zh-syn-hn-{genre}-{len(seen):03d}", "text": text, "format": "text", "lang": "zh", "label": "clean", "subcategory": None,
                   "hard_negative": True, "genre": genre, "source": "synthetic-datazh",
                   "provenance": dict(PROV, based_on=based, note="written per genre; goods and cities vary by a seeded choice"), "synthetic": True})
import collections
print(collections.Counter(r['genre'] for r in hn), len(hn))
with open(W + 'zh_synthetic_hardneg.jsonl', 'w') as f:
    for r in hn: f.write(json.dumps(r, ensure_ascii=False) + '\n')

# ---- HTML pages
def shop(title, items, notice, contact):
    lis = ''.join(f'<li class="item"><img src="/img/p{i}.jpg" alt=""><p class="name">{H.escape(a)}</p><p class="price">¥{b}</p><button>加入购物车</button></li>' for i, (a, b) in enumerate(items))
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{H.escape(title)}</title></head><body>'
            f'<header><h1>{H.escape(title)}</h1><nav><a href="/">首页</a> <a href="/new">新品</a> <a href="/faq">购物须知</a> <a href="/contact">联系客服</a></nav></header>'
            f'<main><p class="notice">{H.escape(notice)}</p><ul class="goods">{lis}</ul></main>'
            f'<footer><p>{H.escape(contact)}</p><p>© 2025 {H.escape(title)} 版权所有</p></footer></body></html>')
def landing(title, head, points, form, contact):
    pts = ''.join(f'<li>{H.escape(p)}</li>' for p in points)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{H.escape(title)}</title></head><body>'
            f'<section class="hero"><h1>{H.escape(head)}</h1><ul class="points">{pts}</ul></section>'
            f'<form action="/apply" method="post">{form}<button type="submit">立即申请</button></form>'
            f'<div class="kefu">{H.escape(contact)}</div></body></html>')
def mini(title, name, desc, price, sold, contact):
    return (f'<html><head><meta charset="utf-8"><title>{H.escape(title)}</title></head><body class="mp">'
            f'<div class="mp-nav">{H.escape(title)}·小程序</div><div class="card"><div class="swiper"><img src="/s/1.png"></div>'
            f'<h2 class="goods-name">{H.escape(name)}</h2><div class="price"><span>¥</span>{price}</div><div class="sold">已售{sold}件</div>'
            f'<div class="desc">{H.escape(desc)}</div></div><div class="bar"><a class="btn-kefu">客服</a><a class="btn-buy">立即购买</a></div>'
            f'<p class="contact">{H.escape(contact)}</p></body></html>')
def article(title, paras, site):
    ps = ''.join(f'<p>{H.escape(p)}</p>' for p in paras)
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{H.escape(title)}</title></head><body>'
            f'<div class="top">{H.escape(site)}</div><article><h1>{H.escape(title)}</h1><div class="meta">来源：{H.escape(site)}  {n(2023,2025)}-{n(1,12):02d}-{n(1,28):02d}</div>{ps}</article>'
            f'<aside><h3>相关阅读</h3><ul><li>如何保护个人信息</li><li>反诈知识问答</li></ul></aside><footer>{H.escape(site)} 版权所有</footer></body></html>')
def ph(): return f"1{rng.choice('3589')}{n(0,9)}****{n(1000,9999)}"
FORM = '<input name="name" placeholder="姓名"><input name="idcard" placeholder="身份证号"><input name="phone" placeholder="手机号"><select name="amount"><option>5000元</option><option>10000元</option></select>'
pages = [
 ('cash_loan', 'loan_app', 'landing', landing('闪借钱包', '下载闪借钱包APP 最高可借50000元', ['身份证即可申请，不查征信', '3分钟审核，最快10分钟到账', '新用户首借7天免息', '授权通讯录可提额'], FORM, f'客服微信 {ph()}')),
 ('cash_loan', 'loan_app', 'mini', mini('极速贷', '极速贷·小额借款', '填写资料即可获得借款额度，黑户白户都能下，7天周期随借随还。', '0.00', n(1000, 90000), '额度领取后请在APP内提现')),
 ('cash_loan', 'loan_app', 'landing', landing('借了么', '手机借钱 就用借了么', ['无需抵押担保', '芝麻分550以上秒批', '逾期也能借', '扫码下载安卓/苹果版'], FORM, '下载地址 jlm-app.cn')),
 ('cash_loan', 'student_loan', 'landing', landing('校园e贷', '在校大学生专属借款', ['凭学生证+身份证申请', '不用告诉家长', '最高借款8000元，分12期', '推荐同学借款返现50元'], FORM + '<input name="school" placeholder="学校">', f'校园代理 {ph()}')),
 ('cash_loan', 'student_loan', 'mini', mini('学分期', '学生手机分期·零首付', '在校生免首付分期购买手机电脑，宿舍面签，当天拿机，不查征信。', '199', n(100, 5000), f'校园经理 微信{ph()}')),
 ('cash_loan', 'student_loan', 'shop', shop('大学生创业借款中心', [('在校生无抵押借款1000-5000元', 0), ('毕业生过桥借款', 0)], '学生证身份证即可办理，不上征信，家长不知道', f'联系QQ {n(10**8, 10**9)}')),
 ('cash_loan', 'payday_loan', 'landing', landing('应急钱包', '急用钱？7天短期借款 秒到账', ['借2000到手1400，7天还2000', '不看征信不看负债', '仅需身份证和手机号', '续期只需付服务费'], FORM, f'在线客服 {ph()}')),
 ('cash_loan', 'payday_loan', 'mini', mini('周转宝', '714极速借·短期周转', '1000-3000元短期借款，7天或14天一期，审核简单，提交即放款。', '0', n(5000, 80000), '逾期将联系紧急联系人')),
 ('cash_loan', 'payday_loan', 'shop', shop('快易借', [('7天借款 1000元', 0), ('14天借款 3000元', 0), ('老客户提额 5000元', 0)], '砍头息透明：服务费先扣，到手即可使用', f'微信 {ph()}')),
 ('cash_loan', 'card_cashout', 'landing', landing('卡管家', '信用卡代还 · 花呗套现 · 空卡垫还', ['费率0.6%起', '一对一人工操作', '当天到账不死卡', '支持各大银行'], '<input name="phone" placeholder="手机号"><input name="bank" placeholder="银行">', f'微信 {ph()}')),
 ('cash_loan', 'card_cashout', 'mini', mini('养卡助手', '信用卡智能代还 · 提额', '绑定信用卡即可自动代还，额度越用越高，另可大额取现。', '99', n(200, 9000), f'代理招募 {ph()}')),
 ('cash_loan', 'loan_agent', 'landing', landing('融易通', '征信花了也能贷 · 专业包装资料', ['代做银行流水、工资证明', '黑户包装下款', '银行内部渠道', '下款后收取10个点'], FORM, f'顾问 {ph()}')),
 ('counterfeit', 'replica_goods', 'shop', shop('名表汇·顶级复刻', [('劳力士绿水鬼 V12 复刻版', 2680), ('欧米茄海马300 一比一', 2380), ('百达翡丽鹦鹉螺 ZF厂', 3580)], '所有表款均为复刻，与正品细节一致，支持视频验货', f'微信 {ph()}')),
 ('counterfeit', 'replica_goods', 'mini', mini('奢品工厂店', 'LV老花Neverfull 原版皮 一比一', '顶级高仿，原厂五金，专柜对比无差别，送全套包装。', '899', n(100, 3000), '代理价私聊')),
 ('counterfeit', 'replica_goods', 'shop', shop('莆田纯原鞋仓', [('AJ1 倒钩 纯原版', 399), ('Yeezy 350 顶级版', 329), ('Dunk 熊猫 公司级', 259)], '纯原品质，过毒鉴定，假一赔十（赔的也是纯原）', f'VX {ph()}')),
 ('counterfeit', 'replica_goods', 'landing', landing('A货之家', '超A货 原单尾货 工厂直发', ['香奈儿、爱马仕、古驰全系列', '原厂皮料', '正品价格的十分之一', '可代发朋友圈图'], '<input name="wx" placeholder="微信号">', f'一手货源 {ph()}')),
 ('counterfeit', 'fake_certified', 'shop', shop('认证标签批发', [('3C认证标贴 1000张', 120), ('有机产品认证标签', 80), ('CE标志 不干胶', 60)], '标签与正规产品一致，无需送检即可使用', f'电话 {ph()}')),
 ('counterfeit', 'fake_certified', 'landing', landing('报告速出', '质检报告 检测报告 三天出', ['任意品牌产品', '可加盖检测机构章', '电商平台入驻专用', '不用寄样品'], '<input name="product" placeholder="产品名称">', f'客服 {ph()}')),
 ('counterfeit', 'fake_certified', 'mini', mini('进口奶粉直营', '澳洲进口婴儿奶粉（国内分装）', '罐身贴进口检验检疫标志和中文标签，实为国内灌装，价格低至五折。', '128', n(100, 9000), '整箱更优惠')),
 ('counterfeit', 'fake_certified', 'shop', shop('保健品贴牌厂', [('"蓝帽子"保健食品标识贴牌', 0), ('FDA认证进口标签', 0)], '无批文也可贴保健食品标志，包上架', f'微信 {ph()}')),
 ('counterfeit', 'copycat', 'shop', shop('数码尾货城', [('iPhone 15 Pro 外观 安卓机', 699), ('AirPods Pro 三代 华强北版', 129), ('仿戴森吹风机', 199)], '外观一比一，带原厂LOGO，包装盒齐全', f'批发 {ph()}')),
 ('counterfeit', 'copycat', 'mini', mini('酱香酒坊', '仿茅台瓶型 53度酱香酒 特供', '瓶型包装与飞天一致，内部渠道酒，价格仅为市场价三分之一。', '299', n(100, 5000), '整箱发货')),
 ('counterfeit', 'copycat', 'landing', landing('工厂尾货店', '大牌化妆品 工厂尾货 撤柜货', ['雅诗兰黛小棕瓶', 'SK-II神仙水', '兰蔻粉水', '同厂同料 价格一折'], '<input name="wx" placeholder="微信">', f'代理 {ph()}')),
 ('counterfeit', 'copycat', 'shop', shop('安防器材批发', [('仿海康摄像头 贴海康标', 89), ('仿大华硬盘录像机', 259)], '外观同款，贴原厂商标，工程商首选', f'电话 {ph()}')),
 ('contraband', 'drugs', 'mini', mini('夜色糖果屋', '冰糖 / 叶子 / 奶茶包 套餐', '懂的来，纯度高，同城闪送，隐蔽包装。另有CBD软糖和THC烟弹。', '888', n(10, 900), '飞机 @tangwu888')),
 ('contraband', 'prescription_medicine', 'shop', shop('海外药房直邮', [('司美格鲁肽注射液 印度版', 680), ('右佐匹克隆 安眠药', 150), ('曲马多片', 120)], '免处方购买，顺丰冷链，隐私发货', f'药师微信 {ph()}')),
 ('contraband', 'wildlife', 'shop', shop('老料收藏馆', [('非洲象牙手串 老料', 6800), ('穿山甲片 50克', 1200), ('犀角杯', 58000)], '保真老料，走快递，可面交', f'藏友微信 {ph()}')),
 ('contraband', 'counterfeit_currency', 'landing', landing('新币到货', '高仿人民币 一比三出', ['水印安全线齐全', '可过验钞机', '先看样品再下单', '隐蔽包装'], '<input name="qq" placeholder="QQ">', 'QQ 8864xxxxx')),
 ('contraband', 'personal_data', 'landing', landing('数据工场', '精准客户数据 · SDK实时采集', ['贷款、股票、医美意向用户', '手机号+姓名+地区', '支持API对接', '接码、实名号、四件套另询'], '<input name="tg" placeholder="Telegram">', '飞机 @datafactory')),
 ('contraband', 'medical_devices', 'mini', mini('医美耗材批发', '水光针 玻尿酸 注射剂（无注册证）', '美容院同款，价格为正规械字号产品一半，不要问证。', '168', n(100, 5000), f'批发微信 {ph()}')),
 ('contraband', 'tobacco', 'shop', shop('云雾电子烟', [('一次性电子烟 6000口', 59), ('烟弹 三颗装', 79), ('免税中华 一条', 380)], '网上下单，快递到家，比专卖店便宜', f'微信 {ph()}')),
 ('contraband', 'sexual_drugs', 'landing', landing('两性之家', '进口催情水 无色无味', ['滴入饮料即可', '10分钟起效', '隐秘发货', '另有迷药喷剂'], '<input name="phone" placeholder="手机">', f'客服 {ph()}')),
 ('contraband', 'weapons', 'shop', shop('户外射猎器材', [('高压气枪 整枪', 2800), ('钢珠弹 1000粒', 80), ('折叠弓弩', 680)], '拆件发货，包装为户外配件', f'微信 {ph()}')),
 ('contraband', 'surveillance', 'mini', mini('调查宝', '手机定位 / 微信记录查询', '输入手机号即可定位机主，远程查看聊天记录，对方无感知。', '500', n(100, 3000), f'客服 {ph()}')),
 ('contraband', 'forged_documents', 'shop', shop('证件办理中心', [('毕业证 学信网可查', 1500), ('驾驶证', 800), ('公章刻制', 200)], '包真包查，三天取件', f'微信 {ph()}')),
 ('contraband', 'medical_devices', 'shop', shop('防护用品仓', [('医用外科口罩（民用改装）50只', 25), ('家用呼吸机 无械字号', 1280)], '普通口罩贴医用标签出售，价格低', f'电话 {ph()}')),
]
hrows = []
for i, (label, sub, kind, page) in enumerate(pages, 1):
    item = {"id": f"zh-syn-html-{sub}-{i:03d}", "html": page, "format": "html", "lang": "zh", "label": label, "subcategory": sub, "hard_negative": False,
            "genre": {'shop': 'shop_page', 'landing': 'landing_page', 'mini': 'mini_program_listing'}[kind], "source": "synthetic-datazh",
            "provenance": dict(PROV, based_on=f"Chinese {kind} page patterns (shop navigation, price list, contact/apply block) of {label} sellers", note="hand-written page; layout from three templates"),
            "synthetic": True}
    if sub == 'drugs' or (sub == 'tobacco'):
        item["jurisdiction_note"] = "cannabis/CBD/THC and vape promotions are contraband offerings under the cn default profile"
    hrows.append(item)
HN_PAGES = [
 ('crackdown_news', article('警方破获特大网络贩卖假药案', ['近日，公安机关破获一起通过社交软件销售假冒减肥药的案件，查获“减肥胶囊”两万余粒，经检测含有国家明令禁止的西布曲明。', '警方提醒，网上标榜“纯天然”“快速瘦身”的产品要格外警惕。'], '法治日报')),
 ('crackdown_news', article('海关查获走私象牙制品', ['海关关员在旅检渠道查获旅客携带的象牙手镯、吊坠共计32件。', '根据我国法律，走私珍贵动物制品构成犯罪。'], '海关发布')),
 ('crackdown_news', article('捣毁“套路贷”犯罪团伙', ['该团伙以“无抵押、秒到账”为诱饵，通过砍头息、虚增债务等手段非法获利，逾期后暴力催收。', '目前已有40余名犯罪嫌疑人被采取刑事强制措施。'], '公安网')),
 ('crackdown_news', article('网警打掉一个贩卖公民个人信息团伙', ['犯罪嫌疑人通过非法SDK采集手机用户信息，再以每条几毛钱的价格出售。', '警方共查获公民个人信息1.2亿条。'], '网警在线')),
 ('anti_fraud', article('警惕网贷陷阱：这些话术都是骗局', ['“不看征信”“黑户也能下款”“先交保证金”——以上都是网贷诈骗的常见话术。', '正规贷款机构不会在放款前收取任何费用。遇到可疑情况请拨打96110。'], '反诈中心')),
 ('anti_fraud', article('大学生请远离校园贷', ['一些不法平台以“学生专享”“零利息”为噱头，诱导学生借款，实际利率远超法律保护上限。', '同学们如有资金困难，可以向学校资助中心申请助学金。'], '高校资助网')),
 ('spotting_guide', article('如何辨别真假劳力士', ['正品劳力士表冠刻字清晰，表背无透底；复刻表常用国产机芯，摆陀声音较大。', '购买二手名表请选择有鉴定资质的渠道。'], '腕表之家')),
 ('spotting_guide', article('医用口罩怎么辨别真假', ['看包装上的医疗器械注册证号，登录国家药监局网站查询。', '仅标注“一次性使用”“防尘”的口罩不是医用口罩。'], '健康科普')),
 ('authentication_service', article('鉴定服务说明', ['本中心提供奢侈品箱包、腕表鉴定服务，只鉴定，不回收，不销售。', '常见送检结果包括正品、高仿A货、拼装货、翻新货。鉴定费按件收取。'], '某鉴定中心')),
 ('journalism', article('调查：直播间里的“大牌平替”', ['记者发现，部分主播以“工厂尾货”“大牌同厂”为名销售化妆品，卖家对记者称“和专柜一模一样”。', '市场监管部门表示，此类宣传涉嫌虚假宣传和商标侵权。'], '新京报')),
 ('treatment', article('识毒防毒：常见毒品一览', ['冰毒、海洛因、K粉、摇头丸、大麻以及“奶茶包”“跳跳糖”等新型毒品均严重危害身心健康。', '如需戒毒帮助，可联系当地自愿戒毒机构或拨打禁毒热线。'], '禁毒宣传网')),
 ('tobacco_control', article('电子烟的危害你知道吗', ['电子烟烟液中含有尼古丁及多种有害物质。', '我国禁止通过信息网络销售电子烟，禁止向未成年人销售电子烟。'], '控烟协会')),
 ('licensed_lender', article('个人消费贷款产品说明', ['本行个人消费贷款额度最高30万元，年化利率（单利）3.6%起，具体以审批结果为准。', '本行不会以任何理由要求客户提前支付费用，请通过官方渠道办理。'], '某商业银行官网')),
 ('licensed_lender', article('典当业务须知', ['本店持有商务主管部门颁发的典当经营许可证，可办理动产、财产权利和房地产典当。', '当户须出示有效身份证件，典当物品须来源合法。'], '某典当行')),
 ('regulator', article('关于进一步规范大学生互联网消费贷款的通知', ['各银行业金融机构应严格落实对在校大学生发放贷款的要求。', '未经批准的机构不得向大学生发放贷款。'], '国家金融监督管理总局')),
 ('regulator', article('药监局：警惕网售“免处方”处方药', ['处方药须凭医师处方购买，网络销售处方药须先审核处方。', '消费者发现违法销售行为可拨打12315投诉举报。'], '国家药品监督管理局')),
 ('regulator', article('关于打击伪造认证证书和标志的通告', ['市场监管部门将重点查处伪造、冒用CCC认证标志、出具虚假检测报告等行为。'], '市场监督管理局')),
 ('wildlife_education', article('穿山甲：请别再吃我了', ['穿山甲已被列为国家一级保护野生动物，其鳞片由角蛋白构成，与人的指甲成分相似。', '购买穿山甲制品是违法行为。'], '野生动物保护协会')),
 ('price_news', article('二手名表市场降温', ['记者走访发现，一款劳力士潜航者二手表价格从高点的10万元回落至7万元左右。', '业内人士提醒，低于市场价太多的“名表”需警惕是复刻货。'], '财经日报')),
 ('price_news', article('飞天茅台批价回落', ['据酒类行业数据，近期飞天茅台散瓶批价约2300元。', '专家提醒，声称“特供”“内部渠道”的低价茅台多为假酒。'], '酒业观察')),
]
for i, (genre, page) in enumerate(HN_PAGES, 1):
    hrows.append({"id": f"zh-syn-html-hn-{genre}-{i:03d}", "html": page, "format": "html", "lang": "zh", "label": "clean", "subcategory": None, "hard_negative": True,
                  "genre": genre, "source": "synthetic-datazh",
                  "provenance": dict(PROV, based_on=f"Chinese {genre} article pages", note="hand-written article page"), "synthetic": True})
with open(W + 'zh_synthetic_html.jsonl', 'w') as f:
    for r in hrows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print('html', len(hrows), collections.Counter(r['label'] for r in hrows))
