# Synthetic Chinese dev items, composed from hand-written phrases per subcategory (seeded).
import json, random, itertools
rng = random.Random(2026)
W = '/work/wt/datazh/tests/data/devset/'
CITY = '北京 上海 广州 深圳 杭州 成都 武汉 郑州 长沙 西安 南京 重庆 东莞 佛山 苏州 合肥 昆明 南宁 厦门 天津'.split()
SUR = '王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 马 胡 林 郭'.split()
def phone(): return f"1{rng.choice('3589')}{rng.randint(0,9)}****{rng.randint(1000,9999)}"
def contact():
    return rng.choice([f"微信{phone()}", f"V：{rng.choice(['ab','hx','qq','vip','zz'])}{rng.randint(1000,99999)}", f"加薇{phone()}{rng.choice(SUR)}经理",
                       f"电话{phone()}（{rng.choice(SUR)}先生）", f"QQ {rng.randint(10**8,10**9)}", f"飞机@{rng.choice(['ok','hh','dd','jj'])}{rng.randint(100,999)}", f"详询{phone()}"])

S = {}  # sub -> (label, based_on, openers, goods, terms, ctas)
S['card_cashout'] = ('cash_loan', 'SMS card cash-out spam of sms80w (套现/代还/养卡 offers)',
 ['信用卡急需还款？', '卡片额度用不了？', '本工作室长期办理：', '【卡友之家】', '月底还款压力大？', '专业卡务十年，'],
 ['信用卡代还，垫资还款', '大额套现，一万起刷', '精养卡片、快速提额', '花呗白条京东金条取现', '信用卡空卡代还', '刷卡取现，手续费x.x个点', '各大银行卡提额，白户也能办', '蚂蚁花呗套出现金'],
 ['当天到账', '费率全网最低', '不死卡不降额', '上门刷卡，现场给钱', '一对一操作，安全保密', '每月换机防风控'],
 [contact, contact, lambda: '有需要私聊', lambda: '扫码添加客服']) 
S['student_loan'] = ('cash_loan', 'campus-loan (校园贷) pitches reported in news: lending to students on student ID alone',
 ['在校生专享！', '大学生缺钱找我们，', '【校园金服】', '学生党看过来：', '毕业季急用钱？', '学费生活费不够？'],
 ['凭学生证+身份证即可借款', '在校大学生分期，最高x万', '学生免面签贷款', '大一到研三都可申请的学生贷', '专为学生做的小额借款，不查征信', '买手机电脑，学生零首付分期'],
 ['不用告诉家长', '无需父母担保', '最快x分钟到账', '宿舍门口面签', '利息低至x厘', '介绍同学有返现'],
 [contact, lambda: '校园代理招募中', contact])
S['loan_app'] = ('cash_loan', 'loan-app download pitches (下载APP借款) common in SMS and app-store listings',
 ['【秒借宝】', '点击下载APP，', '新用户注册即送额度：', '手机上就能借钱！', '【借呗钱包】您有一笔额度待领取，', '无需出门，'],
 ['下载APP填写身份证即可借款x000元', '注册领取最高x万借款额度', 'APP一键借款，芝麻分xxx即可', '黑户也能下款的借款APP', '通讯录授权即可提额的借款软件', '安装客户端实名认证立即放款'],
 ['x分钟审核到账', '不看征信不看负债', '7天免息', '随借随还', '秒批秒到', '额度循环使用'],
 [lambda: f"下载地址：{rng.choice(['jq','qb','hd','xj'])}{rng.randint(10,99)}.cn/app", lambda: '回T退订', contact, lambda: '应用商店搜索即可'])
S['replica_goods'] = ('counterfeit', 'replica-seller posts on social platforms and the Chinese lingo of repswatch-style catalogues (高仿/A货/1:1/原单)',
 ['【顶级复刻】', '高仿一比一，', '原单尾货到！', '精仿专柜品质：', '莆田纯原，', '超A货源工厂直发：'],
 ['劳力士绿水鬼V12版', 'LV老花手袋专柜版', '古驰腰带正品开模', '香奈儿CF链条包1:1', 'AJ1 倒钩纯原', '卡地亚蓝气球机芯同款', '爱马仕铂金包手工蜡线', '迪奥马鞍包原厂皮料'],
 ['细节对比正品无差', '支持任何专柜验货', '价格是正品的零头', '送全套包装小票', '顺丰包邮可验货', '档口一手货源'],
 [contact, lambda: '朋友圈天天更新', lambda: '代理拿货价私聊'])
S['fake_certified'] = ('counterfeit', 'sellers of goods with bought/forged certification marks or test reports (假3C, 假质检报告, 假有机认证) described in SAMR notices',
 ['【认证无忧】', '出口产品缺证书？', '厂家直销：', '急单加急：', '各类证书快速出：', '商家朋友注意，'],
 ['带3C标志的充电宝，无需送检', '可贴CE认证标的电器', '代出质检报告，任意品牌', '有机认证标签批发', '绿色食品标识授权贴牌', '防伪码、合格证、吊牌定做', '贴FDA认证标的保健品，无需真实认证', '贴牌国家免检标志的奶粉'],
 ['三天出报告', '全国各地可查', '大货小单都接', '价格美丽', '包过平台审核', '标签和正品一样'],
 [contact, lambda: '量大从优', contact])
S['copycat'] = ('counterfeit', 'shanzhai/copycat product listings imitating a named brand (仿海康-style items of sms80w)',
 ['山寨爆款：', '外观同款：', '【平替之王】', '厂家直供：', '同款不同价，', '仿款新到：'],
 ['仿苹果手机iPhone外观，安卓系统', '仿戴森吹风机，同款造型', '仿大疆无人机同款', '仿海康威视摄像头，贴海康标', '仿雷朋墨镜带LOGO', '仿SK-II神仙水同包装', '仿小米手环贴小米标', '仿茅台酒瓶装白酒'],
 ['印原厂LOGO', '包装盒一模一样', '价格不到原版三分之一', '外观一比一开模', '可过普通检查', '批发走量'],
 [contact, lambda: '一件代发', contact])
S['drugs'] = ('contraband', 'drug-dealer slang offers on Chinese social apps reported by police (冰、K、叶子、溜冰); no real text found',
 ['老客户都知道，', '新到货：', '【夜场必备】', '懂的来：', '散装冰糖到了，', '飞行套餐：'],
 ['溜冰的冰糖，纯度高', '叶子（大麻）进口货', 'K粉、神仙水', '上头电子烟油（依托咪酯）', '奶茶包、跳跳糖', '聪明药（莫达非尼）', 'CBD软糖、THC烟弹', '蘑菇（裸盖菇）干货'],
 ['同城闪送', '隐蔽包装', '量大有优惠', '可到付', '老客户返点', '试用装先发'],
 [lambda: f"飞机@{rng.choice(['bing','ye','tang'])}{rng.randint(10,999)}", contact, lambda: '暗号：买糖'])
S['weapons'] = ('contraband', 'illegal weapon listings (仿真枪, 弓弩, 气枪配件) of the kind reported in police crackdowns; no real text found',
 ['【户外射猎】', '发烧友收藏：', '狩猎装备：', '防身利器：', '军迷福利：', '厂家直销：'],
 ['高压气枪整枪，可打钢珠', '钢珠弹、铅弹批发', '折叠弓弩，威力大', '金属仿真枪，可改装实弹', '电击棍（电棍）大功率', '管制刀具：三棱军刺、蝴蝶刀', '狗牌铅弹、猎枪配件', '气瓶打鸟枪'],
 ['拆件发货', '包装成配件，安全到手', '货到付款', '可试射视频', '实物拍摄', '全国包邮'],
 [contact, lambda: '懂的私聊', contact])
S['wildlife'] = ('contraband', 'protected-wildlife product listings (象牙, 穿山甲片, 犀牛角, 红珊瑚) of the kind in wildlife-trafficking cases; no real text found',
 ['老料收藏：', '正宗野生：', '【非洲老料】', '祖传收藏出：', '药用珍品：', '工艺品批发：'],
 ['象牙手串，老料包浆', '穿山甲鳞片，正宗野生', '犀牛角杯、犀角粉', '玳瑁手镯', '红珊瑚原枝', '虎骨酒、熊胆粉', '盔犀鸟头骨雕件', '活体懒猴、金刚鹦鹉，可代办繁育手续'],
 ['保真可鉴定', '无证也能走货', '私下交易，走快递', '量少先到先得', '价格面议', '送鉴定证书'],
 [contact, lambda: '只做熟人生意', contact])
S['prescription_medicine'] = ('contraband', 'no-prescription online sale of prescription drugs (免处方, 海外代购药) as in NMPA notices',
 ['免处方直接发：', '海外代购药：', '【药品直邮】', '医院买不到的药，', '无需医生，', '进口原研药：'],
 ['司美格鲁肽减肥针，印度版', '奥司他韦、阿奇霉素', '安眠药右佐匹克隆', '曲马多止痛片', '异维A酸祛痘', '抗抑郁药舍曲林', '芬太尼贴', '印度仿制抗癌药'],
 ['不用处方', '顺丰冷链', '多买多送', '正品保证', '一盒起发', '私密发货'],
 [contact, lambda: '药师一对一', contact])
S['medical_devices'] = ('contraband', 'medical devices sold without registration (无注册证, 械字号 faked), incl. relabelled masks; no real text found',
 ['厂家清仓：', '出口转内销：', '【家用医疗】', '无需注册证，', '诊所用品批发：', '医美耗材：'],
 ['血糖仪试纸，无注册证款', '医用外科口罩（普通口罩改包装）', '家用呼吸机，无械字号', '隐形眼镜美瞳散片', '玻尿酸注射针剂水光针', '助听器，工厂白牌', '射频美容仪，号称医疗级', '一次性注射器散装'],
 ['价格仅为正规品一半', '不要问证', '诊所美容院都在用', '可贴自有品牌', '量大包邮', '现货秒发'],
 [contact, lambda: '批发私聊', contact])
S['tobacco'] = ('contraband', 'cigarette smuggling (免税烟, 走私烟) and vape-shop promotions; online sale of tobacco and e-cigarettes is banned in China',
 ['免税烟到货：', '【烟友福利】', '一手货源：', '电子烟店新品：', '出口转内销香烟：', '云雾缭绕，'],
 ['中华软包免税版', '外烟万宝路、七星批发', '电子烟一次性大烟雾，水果味', '悦刻烟弹通配', '雪茄古巴原装', '细支烟走私货', '小野电子烟套装', '烟弹批发，x口味可选'],
 ['整条发货', '网上下单快递到家', '比烟草专卖店便宜一半', '包邮包税', '假一赔十', '量大价优'],
 [contact, lambda: '朋友圈看货', contact])
S['sexual_drugs'] = ('contraband', 'knock-out and sex drugs sold in SMS and web spam (迷药, 催情水, 听话水) reported in police notices; the sms80w corpus has none',
 ['夫妻情趣：', '【两性用品】', '进口助兴：', '神奇效果，', '无色无味，', '男人加油站：'],
 ['催情水，无色无味', '听话水，一滴见效', '迷幻药喷剂', '西班牙苍蝇粉', '印度神油加强版（含西地那非）', '壮阳胶囊，伟哥成分', '女用催情药', '迷药口服液'],
 ['x分钟起效', '隐秘发货', '效果不满意退款', '多买多送', '可放饮料里', '保密包装'],
 [contact, lambda: '私聊发视频', contact])
S['forged_documents'] = ('contraband', 'fake-document sellers (办证, 假证, 刻章, 假发票) as in sms80w and trec06c spam',
 ['专业办证：', '各类证件快速办理：', '【办证刻章】', '学历不够？', '急需证书？', '全国办理：'],
 ['身份证、驾驶证、毕业证', '学信网可查学历', '房产证、结婚证', '刻公章、财务章', '职称证、资格证', '医师执业证'],
 ['包真包查', '三天取证', '质量保证', '全国可用', '价格实惠', '加急可办'],
 [contact, contact])
S['counterfeit_currency'] = ('contraband', 'counterfeit-banknote offers (假币, 高仿币) known from police crackdowns; no real text found',
 ['新版货已到：', '【高仿币】', '一比三出货：', '懂行的来：', '老版新版都有：', '可验货：'],
 ['假币百元，水印安全线齐全', '高仿人民币，一万假币换三千真钱', '高仿美元', '可过验钞机的假钞', '印刷版假币，手感一样', '假币批发，一手货源'],
 ['过验钞机', '可先看样品', '隐蔽发货', '量大从优', '包过ATM', '货到付款'],
 [contact, lambda: '只收现金或U', contact])
S['personal_data'] = ('contraband', 'personal-data broker offers (SDK采集, 接码, 四件套, 实名号, 开房记录) seen in MPS crackdown reports; the corpus has none',
 ['精准数据：', '【数据工作室】', '接码平台：', '四件套出售：', '实时数据：', '社工查询：'],
 ['SDK采集的APP用户手机号，按行业分', '贷款意向客户数据，每日更新', '四件套（身份证+银行卡+手机卡+U盾）', '实名微信号、支付宝号', '接收验证码，各平台接码', '开房记录、户籍、快递单号查询', '股民名单、车主信息', '人脸认证过活体服务'],
 ['一条x毛', '可试数据', '日更xx万条', '秒出结果', '支持API对接', '包售后'],
 [lambda: f"飞机@{rng.choice(['data','sgk','jm'])}{rng.randint(10,999)}", contact, lambda: '可USDT结算'])
S['surveillance'] = ('contraband', 'spyware and bugging-device offers (手机定位, 窃听器, 针孔摄像头, 监控软件) as in sms80w phone-tracking ads',
 ['专业调查：', '【手机定位】', '怀疑另一半？', '远程监控：', '微型设备：', '商业侦探：'],
 ['手机号定位，找出机主位置', '远程查看对方微信聊天记录', '窃听器，隔墙听音', '针孔摄像头，伪装成充电器', 'GPS追踪器，强磁吸车底', '监听软件，装上即用'],
 ['对方无感知', 'x分钟出结果', '全国可查', '不成功不收费', '包教包会', '隐蔽发货'],
 [contact, contact])

JUR = {'drugs': 'cannabis/CBD/THC products are contraband offerings under the cn default profile even where licensed locally',
       'tobacco': 'vape-shop and online tobacco promotions are contraband offerings under the cn default profile'}
NEED = {'card_cashout': 20, 'student_loan': 28, 'loan_app': 30, 'forged_documents': 10}
SEP = ['，', '！', '。', ' ', '；']
rows = []
for sub, (label, based, op, goods, terms, ctas) in S.items():
    need = NEED.get(sub, 30)
    seen = set(); k = 0
    combos = list(itertools.product(range(len(op)), range(len(goods)), range(len(terms))))
    rng.shuffle(combos)
    # give each goods phrase a turn before reusing it
    turn = {}
    ranked = []
    for c in combos:
        turn[c[1]] = turn.get(c[1], 0) + 1
        ranked.append((turn[c[1]], c))
    combos = [c for _, c in sorted(ranked, key=lambda t: t[0])]
    for (a, b, c) in combos:
        if k >= need: break
        g2 = goods[(b + rng.randint(1, len(goods) - 1)) % len(goods)]
        body = op[a] + goods[b] + (('、' + g2) if rng.random() < 0.4 else '') + rng.choice(SEP) + terms[c] + rng.choice(SEP) + rng.choice(ctas)()
        if body in seen: continue
        seen.add(body); k += 1
        item = {"id": f"zh-syn-{sub}-{k:03d}", "text": body, "format": "text", "lang": "zh", "label": label, "subcategory": sub,
                "hard_negative": False, "genre": rng.choice(['sms_ad', 'social_post', 'listing', 'broker_message']) if label == 'cash_loan' and sub != 'loan_app' else ('sms_ad' if sub == 'loan_app' else rng.choice(['social_post', 'listing', 'sms_ad'])),
                "source": "synthetic-datazh",
                "provenance": {"synthetic": True, "written_by": "linkscan dev-data helper", "based_on": based,
                               "note": "composed from hand-written opener, goods, terms and contact phrases (seeded)"},
                "synthetic": True}
        jw = {'drugs': ('CBD', 'THC', '叶子', '大麻'), 'tobacco': ('电子烟', '烟弹', '悦刻', '小野')}.get(sub, ())
        if any(w in body for w in jw):
            item["jurisdiction_note"] = JUR[sub]
        rows.append(item)
with open(W + 'zh_synthetic_offers.jsonl', 'w') as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(rows))
import collections; print(collections.Counter(r['subcategory'] for r in rows))
