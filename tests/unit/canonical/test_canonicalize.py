"""Safe Browsing v4 canonicalization: the specification's own examples, plus IDN and rejection rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkscan.canonical import canonicalize, target_id_for_url
from linkscan.errors import InvalidUrlError

# (input, canonical form) pairs from the "URLs and hashing" section of the Safe Browsing v4 API.
SPEC_EXAMPLES = [
    ("http://host/%25%32%35", "http://host/%25"),
    ("http://host/%25%32%35%25%32%35", "http://host/%25%25"),
    ("http://host/%2525252525252525", "http://host/%25"),
    ("http://host/asdf%25%32%35asd", "http://host/asdf%25asd"),
    ("http://host/%%%25%32%35asd%%", "http://host/%25%25%25asd%25%25"),
    ("http://www.google.com/", "http://www.google.com/"),
    (
        "http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/",
        "http://168.188.99.26/.secure/www.ebay.com/",
    ),
    (
        "http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/",
        "http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/",
    ),
    (
        "http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B",
        "http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+",
    ),
    ("http://3279880203/blah", "http://195.127.0.11/blah"),
    ("http://www.google.com/blah/..", "http://www.google.com/"),
    ("www.google.com/", "http://www.google.com/"),
    ("www.google.com", "http://www.google.com/"),
    ("http://www.evil.com/blah#frag", "http://www.evil.com/blah"),
    ("http://www.GOOgle.com/", "http://www.google.com/"),
    ("http://www.google.com.../", "http://www.google.com/"),
    ("http://www.google.com/foo\tbar\rbaz\n2", "http://www.google.com/foobarbaz2"),
    ("http://www.google.com/q?", "http://www.google.com/q?"),
    ("http://www.google.com/q?r?", "http://www.google.com/q?r?"),
    ("http://www.google.com/q?r?s", "http://www.google.com/q?r?s"),
    ("http://evil.com/foo#bar#baz", "http://evil.com/foo"),
    ("http://evil.com/foo;", "http://evil.com/foo;"),
    ("http://evil.com/foo?bar;", "http://evil.com/foo?bar;"),
    # The spec writes this host with raw bytes 0x01 0x80; a Python str carries them escaped.
    ("http://%01%80.com/", "http://%01%80.com/"),
    ("http://notrailingslash.com", "http://notrailingslash.com/"),
    ("http://www.gotaport.com:1234/", "http://www.gotaport.com/"),
    ("  http://www.google.com/  ", "http://www.google.com/"),
    ("http:// leadingspace.com/", "http://%20leadingspace.com/"),
    ("http://%20leadingspace.com/", "http://%20leadingspace.com/"),
    ("%20leadingspace.com/", "http://%20leadingspace.com/"),
    ("https://www.securesite.com/", "https://www.securesite.com/"),
    ("http://host.com/ab%23cd", "http://host.com/ab%23cd"),
    ("http://host.com//twoslashes?more//slashes", "http://host.com/twoslashes?more//slashes"),
]


@pytest.mark.parametrize(("url", "expected"), SPEC_EXAMPLES)
def test_spec_examples_canonicalize_as_safe_browsing_does(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://0x7f.0.0.1/", "http://127.0.0.1/"),  # hex component
        ("http://0177.0.0.1/", "http://127.0.0.1/"),  # octal component
        ("http://127.1/", "http://127.0.0.1/"),  # short form: the last part fills the remaining bytes
        ("http://10.1.65535/x", "http://10.1.255.255/x"),
        ("http://[2001:DB8:0::1]:8080/a", "http://[2001:db8::1]/a"),
        ("http://user:secret@Example.COM/", "http://example.com/"),
        ("http://example.com/a/./b/../c//d", "http://example.com/a/c/d"),
        ("http://example.com/a/.", "http://example.com/a/"),
        ("HTTPS://Example.com", "https://example.com/"),
        ("//example.com/x", "http://example.com/x"),
        ("example.com:8080/path", "http://example.com/path"),
        ("http://example.com/caf\u00e9", "http://example.com/caf%C3%A9"),
    ],
)
def test_ip_forms_ports_userinfo_and_paths_are_normalized(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://bücher.example/", "http://xn--bcher-kva.example/"),
        ("http://BÜCHER.example/", "http://xn--bcher-kva.example/"),
        ("http://%E4%BE%8B%E5%AD%90.%E6%B5%8B%E8%AF%95/", "http://xn--fsqu00a.xn--0zwm56d/"),
        ("http://例子。测试/", "http://xn--fsqu00a.xn--0zwm56d/"),
    ],
)
def test_internationalized_hosts_become_punycode(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/file",
        "javascript:alert(1)",
        "mailto:someone@example.com",
        "http:example.com",
        "http://",
        "http://.../",
        "",
        "http://example.com:99999/",
        "http://example.com:port/",
        "http://[::1/",
        "http://[not-ipv6]/",
    ],
)
def test_urls_that_are_not_web_urls_are_rejected(url: str) -> None:
    with pytest.raises(InvalidUrlError):
        canonicalize(url)


@pytest.mark.parametrize(
    "scheme", ["javascript", "JavaScript", "vbscript", "data", "mailto", "tel", "file", "about", "blob"]
)
@pytest.mark.parametrize("rest", ["1", "0", "8080/x", "12345"])
def test_non_web_schemes_are_rejected_even_when_a_digit_follows(scheme: str, rest: str) -> None:
    # "javascript:1" once read as host "javascript" on port 1 and became http://javascript/.
    with pytest.raises(InvalidUrlError, match=scheme.lower()):
        canonicalize(f"{scheme}:{rest}")


def test_a_host_with_a_port_and_no_scheme_is_still_a_web_url() -> None:
    assert canonicalize("example.com:8080/x") == "http://example.com/x"


def test_target_id_is_stable_and_short() -> None:
    target = target_id_for_url("http://www.google.com/")
    assert target == target_id_for_url(canonicalize("www.GOOGLE.com"))
    assert target.startswith("u") and len(target) == 33


# Single characters that exercise every rule, and escapes that unescape into them.
_PIECES = [*"abcXYZ019.-/:?#%@[]_~ \t\x01\x7fé例。", "%25", "%2e", "%2F", "%3F", "%23", "%41", "0x", ".."]
_url_text = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(scheme=st.sampled_from(["", "http://", "https://", "HTTP://"]), host=_url_text, rest=_url_text)
def test_canonicalize_is_idempotent(scheme: str, host: str, rest: str) -> None:
    try:
        once = canonicalize(scheme + host + "/" + rest)
    except InvalidUrlError:
        return
    assert canonicalize(once) == once
