"""Page analysis pulls out what sellers put on their pages: text, hidden text, contacts, forms
asking for ID and bank cards, app downloads, off-platform links."""

from __future__ import annotations

import pytest

from linkscan.analyze import analyze_html, analyze_text

LOAN_PAGE = """<!doctype html>
<html><head>
<title>急用钱？秒下款</title>
<meta name="description" content="无视黑白户，身份证即可借">
<meta name="keywords" content="贷款,网贷,秒批">
<meta property="og:title" content="极速贷">
<meta property="og:description" content="最高20万">
<base href="https://loan.example/app/">
<style>.x { color: red }</style>
<script>var tracker = "微信 notacontact";</script>
</head><body>
<h1>快速放款</h1>
<p>联系客服微信：loan_8888，QQ：12345678，热线 138-1234-5678</p>
<div style="display: none">备用 vx: backup_99</div>
<p hidden>hidden paragraph</p>
<span aria-hidden="true">aria hidden</span>
<p>贷<span style="display:none">x</span>款</p>
<!-- 注释里的微信 comment_wx -->
<a href="download/loan.apk">下载安卓APP</a>
<a href="itms-services://?action=download-manifest&url=https://loan.example/m.plist">iOS 安装</a>
<a href="https://t.me/loanboss">Telegram</a>
<a href="https://wa.me/85291234567">WhatsApp</a>
<a href="tel:+8613912345678">电话</a>
<a href="/about">关于我们</a>
<a href="javascript:void(0)">ignored</a>
<form action="/apply" method="POST">
  <label for="id">身份证号码</label><input id="id" name="idno">
  <input name="card" placeholder="请输入银行卡号">
  <label><input type="checkbox" name="auth"> 授权读取通讯录</label>
  <input name="pwd" type="password" aria-label="Password">
  <input type="submit" value="提交">
</form>
<input name="orphan_phone" placeholder="手机号">
<iframe src="/embed/chat"></iframe>
<img src="a.png" alt="额度最高20万">
<template><p>template text</p></template>
<noscript>noscript text</noscript>
</body></html>"""


@pytest.fixture(scope="module")
def page():
    return analyze_html(LOAN_PAGE, "https://loan.example/start")


def test_head_fields(page) -> None:
    assert page.title == "急用钱？秒下款"
    assert page.description == "无视黑白户，身份证即可借"
    assert page.keywords == "贷款,网贷,秒批"
    assert page.og == {"title": "极速贷", "description": "最高20万"}


def test_visible_text_leaves_out_code_comments_and_hidden_parts(page) -> None:
    assert "快速放款" in page.text
    for absent in ("notacontact", "comment_wx", "backup_99", "hidden paragraph", "template text", "color: red"):
        assert absent not in page.text


def test_text_split_by_a_hidden_element_reads_as_the_visitor_sees_it(page) -> None:
    assert "贷款" in page.text


def test_hidden_text_is_kept_separately(page) -> None:
    for hidden in ("backup_99", "hidden paragraph", "aria hidden", "noscript text"):
        assert hidden in page.hidden_text


def test_links_are_absolute_with_their_anchor_text(page) -> None:
    links = {link.url: link.text for link in page.links}
    assert links["https://loan.example/app/download/loan.apk"] == "下载安卓APP"
    assert links["https://loan.example/about"] == "关于我们"
    assert not any(url.startswith("javascript:") for url in links)


def test_downloads_include_apk_and_ios_enterprise_installs(page) -> None:
    assert {d.kind for d in page.downloads} == {"apk", "itms-services"}


def test_contact_handles_from_text_hidden_text_and_links(page) -> None:
    found = {(c.kind, c.value) for c in page.contacts}
    assert {
        ("wechat", "loan_8888"),
        ("qq", "12345678"),
        ("phone", "13812345678"),
        ("wechat", "backup_99"),
        ("telegram", "loanboss"),
        ("whatsapp", "85291234567"),
        ("tel", "+8613912345678"),
    } <= found
    assert ("wechat", "notacontact") not in found


def test_forms_flag_id_card_bank_card_and_contacts_requests(page) -> None:
    [form, orphans] = page.forms
    assert form.action == "https://loan.example/apply" and form.method == "post"
    assert form.sensitive == {"id_card", "bank_card", "contacts", "password"}
    by_name = {f.name: f for f in form.fields}
    assert by_name["idno"].label == "身份证号码"
    assert by_name["card"].placeholder == "请输入银行卡号"
    assert "提交" not in [f.label for f in form.fields]
    assert [f.name for f in orphans.fields] == ["orphan_phone"]


@pytest.mark.parametrize(
    ("field_html", "kind"),
    [
        ('<input name="id_card_number">', "id_card"),
        ('<input placeholder="Enter your national ID">', "id_card"),
        ('<label for="b">Bank card number</label><input id="b">', "bank_card"),
        ('<input name="x" placeholder="紧急联系人电话">', "contacts"),
        ('<input name="x" aria-label="Upload your address book">', "contacts"),
        ('<input name="x" placeholder="身份證字號">', "id_card"),
    ],
)
def test_sensitive_fields_in_english_and_chinese(field_html: str, kind: str) -> None:
    features = analyze_html(f"<form>{field_html}</form>")
    assert features.forms[0].sensitive == {kind}


def test_iframes_and_image_alt_text(page) -> None:
    assert page.iframes == ["https://loan.example/embed/chat"]
    assert page.image_alts == ["额度最高20万"]


def test_text_fields_name_where_each_text_came_from(page) -> None:
    fields = dict(page.text_fields())
    assert fields["title"] == "急用钱？秒下款"
    assert "备用" in fields["hidden_text"]
    assert "请输入银行卡号" in fields["forms"]
    assert "下载安卓APP" in fields["links"]
    assert fields["image_alt"] == "额度最高20万"
    assert "极速贷" in fields["og"]


def test_signals_count_the_offering_patterns(page) -> None:
    signals = page.signals()
    assert signals["sensitive_form.id_card"] == 1
    assert signals["sensitive_form.bank_card"] == 1
    assert signals["sensitive_form.contacts"] == 1
    assert signals["app_download"] == 2
    assert signals["offplatform_link"] == 2  # t.me and wa.me
    assert signals["contact_handle"] >= 7
    assert signals["hidden_text"] == 1


def test_a_clean_page_has_no_signals() -> None:
    features = analyze_html("<html><head><title>Recipes</title></head><body><p>Bake at 180C.</p></body></html>")
    signals = features.signals()
    assert all(value == 0 for key, value in signals.items() if key != "form")
    assert features.text == "Bake at 180C."


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("加V：kefu_2024 领取额度", "wechat", "kefu_2024"),
        ("威信 abc123456", "wechat", "abc123456"),
        ("扣扣：987654321", "qq", "987654321"),
        ("致电 +86 139 1234 5678", "phone", "13912345678"),
        ("call +1 415-555-0100 now", "phone", "+14155550100"),
        ("TG: @cardseller88", "telegram", "cardseller88"),
    ],
)
def test_contact_spellings_sellers_use(text: str, kind: str, value: str) -> None:
    assert (kind, value) in {(c.kind, c.value) for c in analyze_text(text).contacts}


@pytest.mark.parametrize("text", ["订单号 213812345678900", "version 1.13812345678", "QQ音乐很好听", "price 13.99"])
def test_numbers_that_are_not_contacts(text: str) -> None:
    assert analyze_text(text).contacts == []


def test_plain_text_urls_become_links_and_downloads() -> None:
    features = analyze_text('{"download": "https://cdn.example/app-v2.apk", "chat": "https://t.me/joinchat/abc"}')
    assert [d.kind for d in features.downloads] == ["apk"]
    assert len(features.offplatform_links) == 1


@pytest.mark.parametrize("html", ["", "   ", "<?xml version='1.0' encoding='gbk'?><html><title>声明</title></html>"])
def test_odd_documents_do_not_fail(html: str) -> None:
    analyze_html(html)
