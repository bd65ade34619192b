"""Vocabulary the detector lacked for fresh3's and fresh4's misses, each added to its rules/*.yaml with a
source: a missing traceability code (the liquor analogue of 无防伪码), investor lists sold as data, a
medical device offered "with no medical qualification", protected songbirds, civil records "handled" for
others, courier waybill data, loans on an ID card alone, driving licences and degrees without the test
or the study, look-alikes sold as "identical to the genuine"; for fresh5's, loans on a credit score alone, instalment
phones bought back for cash, student loans kept from parents, refilled bottles, parts relabelled with the
maker's mark, the abolished 国家免检 mark, look-alike marks "和正版一样", fake notes sold "1比10", cameras
sold for covert filming. Written for these tests; each has its
counterpart that names nothing."""

from __future__ import annotations

import pytest

from linkscan.detect import Detector


@pytest.mark.parametrize(
    ("text", "subcategory"),
    [
        ("酱香老酒，无溯源码，¥199一瓶，私聊发货。", "replica_goods"),
        ("各地股民名单出售，按条计价，实时更新。", "personal_data"),
        ("进口射频美容仪，无需医疗资质也能拿货，私聊报价。", "medical_devices"),
        # fresh4 round: protected songbirds, civil records "handled" for others, courier waybill data
        ("出售人工捕捉的蒙古百灵和红嘴相思鸟，包活发货。", "wildlife"),
        ("代办结婚证、户口本和出生证明，全国可办，三天拿到。", "forged_documents"),
        ("一手面单，姓名手机地址实时更新，按条收费。", "personal_data"),
        ("手头紧？身份证即可借，最高2万", "predatory_loan"),  # a loan on an ID card alone
        ("A2驾照免体检，一周拿本，私聊报价。", "forged_documents"),  # a licence without the test
        ("硕士学位证，无需上课考试，两个月拿证。", "forged_documents"),  # a degree without the study
        ("蓝牙耳机 外观和原装一模一样，支持弹窗，¥89包邮。", "copycat"),  # a look-alike sold on its sameness
        # fresh5 round: a loan on a credit score alone, an instalment phone bought back for cash, a student
        # loan kept from the parents
        ("芝麻分就能借，最高5万，点击领取额度。", "predatory_loan"),
        ("分期买手机，到手后店里按八折现金回收，当天拿现金。", "card_cashout"),
        ("大学生凭学生证即可申请，最高5000，不告诉家长。", "student_loan"),
        # refilled bottles, relabelled parts, the abolished inspection-exemption mark, look-alike marks
        ("名庄干红原瓶灌装，瓶标齐全，¥98一支。", "replica_goods"),
        ("国产轴承贴斯凯孚原厂标，整箱批发。", "replica_goods"),
        ("食品包装可印国家免检标志，质检报告按模板出具。", "fake_certified"),
        ("运动T恤 胸前标志远看和正版一样，¥39包邮。", "copycat"),
        ("纽扣摄像头，出租屋隐蔽录像，手机实时查看。", "surveillance"),  # a camera sold for covert filming
    ],
)
def test_the_added_terms_name_the_goods(detector: Detector, text: str, subcategory: str) -> None:
    detection = detector.detect(text)
    assert subcategory in {c.subcategory for c in detection.categories if c.score >= 0.3}, detection.reasons


@pytest.mark.parametrize(
    "text",
    [
        "每瓶附溯源码，扫码可查生产批次。",
        "股民学堂：基金定投入门课，每周三直播。",
        "射频美容项目由本院持医疗资质的医生操作。",
        "防水画眉笔，持久不脱色，¥39。",
        "婚姻登记须双方本人携带户口本和身份证到场办理。",
        "电子面单打印机，支持主流快递，¥299。",
        "二手房过户，代办房产证和不动产权证书，持中介备案。",
        "图书馆办证：身份证即可借书，每次5本。",
        "持境外驾照换领中国驾照，驾照免考科目二、科目三，须考科目一。",
        "成人高考本科，须参加统考并修满学分，毕业证学信网可查。",
        "华强北电子市场今日开业，商户三千家。",
        "芝麻分650以上免押金租充电宝。",
        "旧手机高价回收，上门估价，当场付款。",
        "学生凭学生证购票半价，寒暑假不限次数。",
        "手机分期免息，12期0手续费，官方旗舰店发货。",
        "酒庄原瓶进口，附海关报关单。",
        "原厂配件，4S店同款包装，假一赔十。",
        "2008年起国家取消食品免检制度。",
        "正版图书，支持开发票。",
        "男女比例1比3，出游名额有限。",
        "家用监控摄像头，客厅看娃，手机远程查看。",
    ],
)
def test_their_honest_neighbours_name_nothing(detector: Detector, text: str) -> None:
    detection = detector.detect(text)
    assert not [c for c in detection.categories if c.score >= 0.3], detection.reasons


@pytest.mark.parametrize(
    "text",
    [
        "钱币收藏新品：第四套百元高仿真币，能过验钞机，2比10走货。",  # fake notes sold at a fraction of face value
        "针孔摄像头，酒店房间隐蔽拍摄，¥168。",  # a camera sold for covert filming
    ],
)
def test_goods_offered_with_the_added_sale_terms_are_blocked_by_detection(detector: Detector, text: str) -> None:
    assert detector.detect(text).decision == "block"
