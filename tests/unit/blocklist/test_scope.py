"""Listing scope: whole host, path prefix or exact URL, narrowed on shared hosts."""

from __future__ import annotations

import pytest

from linkscan.blocklist.scope import listing_expression, load_shared_hosts

SHARED = load_shared_hosts()


@pytest.mark.parametrize(
    ("url", "hint", "expected"),
    [
        ("http://www.quick-cash-loan.example/apply?x=1", None, "quick-cash-loan.example/"),
        ("http://quick-cash-loan.example/apply", "path", "quick-cash-loan.example/"),
        ("http://shop.example/a/b/item.html", "path", "shop.example/a/b/"),
        ("http://shop.example/a/item.html?id=3", "exact", "shop.example/a/item.html?id=3"),
        ("http://203.0.113.9/loan/", None, "203.0.113.9/"),
        # shared hosts never lose the whole platform
        ("https://someshop.github.io/replica-watches/index.html", None, "someshop.github.io/replica-watches/"),
        ("https://someshop.github.io/replica-watches/deep/p.html", "path", "someshop.github.io/replica-watches/deep/"),
        ("https://someshop.github.io/", "host", "someshop.github.io/"),
        ("https://sites.google.com/view/cheap-rx/home", None, "sites.google.com/view/cheap-rx/"),
        ("https://cheaploans.blogspot.com/2026/11/post.html", None, "cheaploans.blogspot.com/"),
        ("https://blogspot.com/x", "host", "blogspot.com/x"),
        ("http://bit.ly/3xFakeRx", "host", "bit.ly/3xFakeRx"),
        ("https://item.taobao.com/item.htm?id=42", None, "item.taobao.com/item.htm?id=42"),
        ("https://mp.weixin.qq.com/s/AbCdEf", "host", "mp.weixin.qq.com/s/AbCdEf"),
    ],
)
def test_listing_expression(url: str, hint: str | None, expected: str) -> None:
    assert listing_expression(url, hint, SHARED) == expected  # type: ignore[arg-type]


def test_most_specific_shared_rule_wins() -> None:
    rule = SHARED.find("sites.google.com")
    assert rule is not None and rule.domain == "sites.google.com" and rule.tenant_depth == 2
