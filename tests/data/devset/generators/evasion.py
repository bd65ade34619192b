import json, random, sys, glob
sys.path.insert(0, '/work/wt/datazh/devstack'); sys.path.insert(0, '/work/wt/datazh')
from linkscan.detect.engine import Detector
from devstack.evaluate import predict
det = Detector.load()
W = '/work/wt/datazh/tests/data/devset/'
rng = random.Random(77)
items = []
for f in ['zh_sms.jsonl', 'zh_pmail.jsonl', 'zh_synthetic_offers.jsonl']:
    items += [json.loads(l) for l in open(W + f)]
caught = [r for r in items if r['label'] != 'clean' and predict(det, r['text']) == r['label'] and len(r['text']) < 200]
print('caught', len(caught), 'of', len(items))
HOMO = {'贷款': '袋款', '代款': '代歀', '信用卡': '信用咔', '套现': '套睍', '发票': '發漂', '无抵押': '無砥押', '放款': '放歀', '借款': '借歀',
        '高仿': '高纺', '复刻': '负刻', '办证': '办正', '假币': '甲币', '假钞': '甲钞', '冰毒': '冰du', '大麻': '达麻', '监听': '监厅', '窃听': '切听',
        '定位': '定味', '针孔': '针控', '弓弩': '工努', '气枪': '汽抢', '象牙': '相牙', '穿山甲': '川山甲', '犀牛角': '西牛角', '催情': '崔情',
        '迷药': '谜药', '听话水': '厅话水', '电子烟': '电子咽', '烟弹': '咽弹', '处方': '处芳', '安眠药': '安棉药', '注册证': '注侧证',
        '验钞机': '验抄机', '四件套': '4件套', '接码': '接玛', '身份证': '身份正', '毕业证': '毕业正', '学历': '学厉'}
PINYIN = {'贷款': 'daikuan', '信用卡': 'xinyongka', '套现': 'taoxian', '发票': 'fapiao', '借款': 'jiekuan', '高仿': 'gaofang', '办证': 'banzheng',
          '放款': 'fangkuan', '代还': 'daihuan', '无抵押': 'wudiya', '假币': 'jiabi', '冰毒': 'bingdu', '大麻': 'dama', '监听': 'jianting',
          '定位': 'dingwei', '象牙': 'xiangya', '穿山甲': 'chuanshanjia', '催情': 'cuiqing', '迷药': 'miyao', '电子烟': 'dianziyan',
          '处方': 'chufang', '复刻': 'fuke', '气枪': 'qiqiang', '四件套': 'sijiantao', '接码': 'jiema', '毕业证': 'biyezheng'}
GOODS = [k for k in HOMO if k not in ('放款', '借款', '无抵押', '代款')]
LATIN = ['CBD', 'THC', 'APP', 'A货', '1:1', 'SDK', 'GPS', 'FDA', '3C', 'CE', 'LV', 'AJ1', 'K粉', 'V12', 'U盾', 'API', 'USDT', 'ATM', 'QQ']
TRAD = str.maketrans('贷款无抵押担保办理个发票证现还养银行额借钱专业务门关联系电话资经时间开进简单快审批药枪烟伪监听窃币钞处证书针孔毒麻催迷仿复刻货卖买', '貸款無抵押擔保辦理個發票證現還養銀行額借錢專業務門關聯繫電話資經時間開進簡單快審批藥槍煙偽監聽竊幣鈔處證書針孔毒麻催迷仿複刻貨賣買')
EMOJI = ['💰', '🔥', '✨', '👉', '🈶', '💳']
def keys_in(t, d): return [k for k in d if k in t]
def homophone(t):
    ks = keys_in(t, HOMO)
    if not any(k in GOODS for k in ks): return None
    for k in ks: t = t.replace(k, HOMO[k])
    return t
def pinyin(t):
    ks = keys_in(t, PINYIN)
    if not any(k in GOODS for k in ks): return None
    for k in ks: t = t.replace(k, PINYIN[k])
    return t
def separators(t):
    ks = keys_in(t, GOODS)
    if not ks: return None
    sep = rng.choice(['|', '.', '-', '*', ' ', '/'])
    for k in ks: t = t.replace(k, sep.join(k))
    return t
def emoji(t):
    ks = keys_in(t, GOODS)
    if not ks: return None
    for k in ks: t = t.replace(k, rng.choice(EMOJI).join(k))
    return t
def traditional(t):
    u = t.translate(TRAD)
    changed = sum(a != b for a, b in zip(t, u))
    return u if changed >= 3 else None
def fullwidth(t):
    if not any(k in t for k in LATIN): return None
    return ''.join(chr(ord(c) + 0xFEE0) if '!' <= c <= '~' else c for c in t)
KINDS = [('homophone', homophone), ('pinyin', pinyin), ('separators', separators), ('emoji', emoji), ('traditional', traditional), ('fullwidth', fullwidth)]
rng.shuffle(caught)
out = []; used = set()
for kind, fn in KINDS:
    k = 0
    for r in caught:
        if k >= 5: break
        if r['id'] in used: continue
        v = fn(r['text'])
        if not v: continue
        used.add(r['id']); k += 1
        item = {"id": f"zh-evasion-{kind}-{k:02d}", "text": v, "format": "text", "lang": "zh", "label": r['label'], "subcategory": r['subcategory'],
                "hard_negative": False, "genre": "evasion", "evasion_of": r["id"], "source": "synthetic-datazh",
                "provenance": {"synthetic": True, "written_by": "linkscan dev-data helper", "based_on": f"{kind} rewrite of {r['id']} (caught by the engine at {det.rules_version})",
                               "note": f"evasion kind: {kind}; mechanical rewrite of a caught offer (issue 13, obfuscation)"},
                "synthetic": True}
        out.append(item)
with open(W + 'zh_evasion.jsonl', 'w') as f:
    for r in out: f.write(json.dumps(r, ensure_ascii=False) + '\n')
kept = {}
for r in out:
    kept.setdefault(r["provenance"]["note"].split(";")[0], [0, 0]); kept[r["provenance"]["note"].split(";")[0]][1] += 1
    kept[r["provenance"]["note"].split(";")[0]][0] += predict(det, r['text']) == r['label']
print(len(out), 'kept by engine per kind', kept)
