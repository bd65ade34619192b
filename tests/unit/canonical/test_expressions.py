"""Safe Browsing host-suffix / path-prefix expressions, in the order a client looks them up."""

from __future__ import annotations

import hashlib

from linkscan.canonical import expression_hash, url_expressions


def test_spec_example_with_query_string() -> None:
    assert url_expressions("http://a.b.c/1/2.html?param=1") == [
        "a.b.c/1/2.html?param=1",
        "a.b.c/1/2.html",
        "a.b.c/",
        "a.b.c/1/",
        "b.c/1/2.html?param=1",
        "b.c/1/2.html",
        "b.c/",
        "b.c/1/",
    ]


def test_spec_example_with_many_host_components_uses_last_five() -> None:
    assert url_expressions("http://a.b.c.d.e.f.g/1.html") == [
        "a.b.c.d.e.f.g/1.html",
        "a.b.c.d.e.f.g/",
        "c.d.e.f.g/1.html",
        "c.d.e.f.g/",
        "d.e.f.g/1.html",
        "d.e.f.g/",
        "e.f.g/1.html",
        "e.f.g/",
        "f.g/1.html",
        "f.g/",
    ]


def test_spec_example_ip_host_has_no_suffixes() -> None:
    assert url_expressions("http://1.2.3.4/1/") == ["1.2.3.4/1/", "1.2.3.4/"]


def test_spec_example_two_component_host() -> None:
    assert url_expressions("http://a.b/") == ["a.b/"]


def test_at_most_thirty_expressions_and_four_path_prefixes() -> None:
    expressions = url_expressions("http://a.b.c.d.e.f.g.h/1/2/3/4/5/6.html?q=1")
    assert len(expressions) == 30
    assert expressions[:6] == [
        "a.b.c.d.e.f.g.h/1/2/3/4/5/6.html?q=1",
        "a.b.c.d.e.f.g.h/1/2/3/4/5/6.html",
        "a.b.c.d.e.f.g.h/",
        "a.b.c.d.e.f.g.h/1/",
        "a.b.c.d.e.f.g.h/1/2/",
        "a.b.c.d.e.f.g.h/1/2/3/",
    ]


def test_expressions_are_computed_from_the_canonical_form() -> None:
    assert url_expressions("HTTP://Evil.COM.:80/a/../b?x#frag") == ["evil.com/b?x", "evil.com/b", "evil.com/"]


def test_expression_hash_is_sha256_of_the_expression() -> None:
    assert expression_hash("evil.com/") == hashlib.sha256(b"evil.com/").digest()
    assert len(expression_hash("evil.com/")) == 32
