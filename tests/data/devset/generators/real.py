# Real items: hand-picked ids (read one by one) -> devset/zh_sms.jsonl, zh_pmail.jsonl, zh_thucnews.jsonl
import json
W='/work/wt/datazh/tests/data/devset/'
sms={json.loads(l)['id']:json.loads(l) for l in open('/work/shared/corpus/sms80w_zh.jsonl')}
th={json.loads(l)['id']:json.loads(l) for l in open('/work/shared/corpus/thucnews_titles_zh.jsonl')}
P={
'card_cashout':'L52659 L85433 L110450 L222127 L293518 L459921 L471767 L624481 L203443 L19054',
'loan_agent':'L6509 L133387 L180076 L21371 L54898 L115958 L136393 L157591 L266799 L271664 L274688 L278903 L328576 L365714 L397248 L477272 L528093 L614308 L632389 L709420 L112857 L129551 L524478 L173272 L770797 L607402 L60719 L101234 L150295 L167941 L182531 L189764 L389862 L532996 L683158 L765376 L683183',
'payday_loan':'L1696 L45903 L483221 L487003 L797842 L655664 L776440 L646171 L250748 L175947 L183726 L136854 L8181 L1127 L86505 L610483 L752247 L3474 L113968 L62620 L74689 L213334 L780445 L503006 L637932 L498391 L455769 L743193 L511555 L321960',
'predatory_loan':'L58847 L57557 L69579 L80958 L105551 L142544 L170460 L181894 L189404 L227736 L235804 L250108 L250909 L287400 L293174 L297423 L318976 L339401 L346539 L351019 L384674 L393386 L426992 L434288 L434763 L441493 L451496 L542880 L587364 L594377 L651484 L673703 L690028 L760521 L766449 L775779',
'student_loan':'L372305 L127792',
}
out=open(W+'zh_sms.jsonl','w')
n=0
for sub,ids in P.items():
    for i in ids.split():
        r=sms['sms80w-'+i]
        assert r['source_label']=='spam'
        out.write(json.dumps({"id":r['id'],"text":r['text'],"format":"text","lang":"zh","label":"cash_loan","subcategory":sub,"hard_negative":False,"genre":"sms_ad","source":"sms80w","provenance":{"corpus":"sms80w_zh.jsonl","corpus_id":r['id']},"synthetic":False},ensure_ascii=False)+'\n'); n+=1
out.close()
print('sms',n)
import os
pm={json.loads(l)['id']:json.loads(l) for l in open('/work/wt/datazh/tests/data/train/zh_pmail.jsonl')}
if os.path.exists(W+'zh_pmail.jsonl'):  # once dev items, the builder leaves them out of training
    pm.update({json.loads(l)['id']:json.loads(l) for l in open(W+'zh_pmail.jsonl')})
ids='L9 L12 L14 L22 L47 L49 L53 L54 L55 L61 L62 L64 L65 L66 L68 L72 L73 L97 L107 L118 L119 L127 L128 L132 L133 L143 L148 L154 L167 L170 L173 L183 L188 L202 L205 L226 L231 L239 L254 L259'.split()
with open(W+'zh_pmail.jsonl','w') as f:
    for i in ids:
        r=pm['pmail-trainData-'+i]
        f.write(json.dumps({"id":r['id'],"text":r['text'],"format":"text","lang":"zh","label":"contraband","subcategory":"forged_documents","hard_negative":False,"genre":"spam_email","source":"gh:Jinnrry/PMail","provenance":r['provenance'],"synthetic":False},ensure_ascii=False)+'\n')
print('pmail',len(ids))
T={'crackdown_news':'dev-L892 dev-L1919 dev-L2428 dev-L2442 dev-L2669 dev-L3490 dev-L3912 dev-L4443 dev-L5423 dev-L5698 dev-L5769 dev-L5903 dev-L6993 dev-L6999 dev-L8738 dev-L9478 dev-L9770 dev-L9971 test-L4221 test-L4282 test-L4416 test-L4621 test-L6015 test-L6569 test-L7067 test-L7161 test-L7232 test-L7466 test-L7580 test-L7656 test-L7864 dev-L2962 test-L4530',
 'regulator':'dev-L3247 dev-L4897 dev-L5574 test-L6244 test-L6396 test-L4806 dev-L5422 dev-L7602 dev-L3133 dev-L4208 dev-L4298 dev-L4761 dev-L6823 test-L2412 test-L2682 test-L2799',
 'journalism':'dev-L8141 dev-L3091 test-L438',
 'news':'test-L967 dev-L2119 dev-L8548 test-L4043 test-L9065 test-L9521',
 'spotting_guide':'test-L6528',
 'anti_fraud':'test-L6022 test-L4963',
 'treatment':'test-L8827'}
n=0
with open(W+'zh_thucnews.jsonl','w') as f:
    for g,ids in T.items():
        for i in ids.split():
            r=th['thucnews-'+i]
            f.write(json.dumps({"id":r['id'],"text":r['text'],"format":"text","lang":"zh","label":"clean","subcategory":None,"hard_negative":True,"genre":g,"source":"thucnews","provenance":{"corpus":"thucnews_titles_zh.jsonl","corpus_id":r['id']},"synthetic":False},ensure_ascii=False)+'\n'); n+=1
print('thuc',n)
# bank-branch loan SMS (licensed lenders' own products, LABELLING.md rule) -> clean hard negatives
ids='L30281 L35033 L119361 L133591 L146554 L150655 L154094 L164917 L211434 L215123 L237759 L239471 L273378 L298551 L331785 L409177 L409641 L439474 L462352 L477621 L581140 L591438 L612712 L628759 L632355 L695347 L726578 L730984 L784668 L791613 L19170 L110688 L135199 L398826 L584588 L163993 L159180 L745312 L181118 L534121 L329284'.split()
with open(W+'zh_sms.jsonl','a') as f:
    for i in ids:
        r=sms['sms80w-'+i]
        f.write(json.dumps({"id":r['id'],"text":r['text'],"format":"text","lang":"zh","label":"clean","subcategory":None,"hard_negative":True,"genre":"licensed_lender","source":"sms80w","provenance":{"corpus":"sms80w_zh.jsonl","corpus_id":r['id']},"synthetic":False},ensure_ascii=False)+'\n')
# cnews article bodies (needs tests/data/train/zh_cnews.jsonl built first)
pick = {'cnews-val-L26':'crackdown_news','cnews-val-L114':'crackdown_news','cnews-val-L30':'regulator','cnews-val-L869':'regulator','cnews-val-L819':'regulator','cnews-val-L357':'regulator',
        'cnews-val-L199':'news','cnews-val-L288':'news','cnews-val-L483':'news','cnews-val-L835':'news','cnews-val-L573':'news','cnews-val-L500':'anti_fraud','cnews-val-L733':'news'}
import os
src='/work/wt/datazh/tests/data/train/zh_cnews.jsonl'
rows={json.loads(l)['id']:json.loads(l) for l in open(src)}
have={json.loads(l)['id']:json.loads(l) for l in open(W+'zh_cnews.jsonl')} if os.path.exists(W+'zh_cnews.jsonl') else {}
with open(W+'zh_cnews.jsonl','w') as f:
    for i,g in pick.items():
        r=rows.get(i) or have[i]  # once they are dev items, the builder leaves them out of zh_cnews.jsonl
        f.write(json.dumps({"id":i,"text":r['text'],"format":"text","lang":"zh","label":"clean","subcategory":None,"hard_negative":True,"genre":g,"source":"gh:qianshuang/dl-exp","provenance":r['provenance'],"synthetic":False},ensure_ascii=False)+'\n')
