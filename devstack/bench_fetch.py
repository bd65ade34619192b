"""Figures for the fetch and analyze stages: `python -m devstack.bench_fetch` prints them.

run() returns {name: value}; names end in their unit. Only loopback sockets are used.
"""

from __future__ import annotations

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from devstack.timing import median_ms
from linkscan.analyze import analyze_html
from linkscan.fetch import fetch
from linkscan.fetch.decode import decode_body
from linkscan.fetch.destination import check_url
from linkscan.settings import FetchSettings

_BLOCK = (
    '<div class="item" style="margin:4px"><h3><a href="/loan/{i}">极速贷款 {i} 号产品</a></h3>'
    "<p>无视黑白户，身份证即可申请，当天放款。Fast approval, no credit check. 客服微信 kefu{i:04d}"
    '</p><img src="/img/{i}.png" alt="额度 {i} 万"><span hidden>备用 QQ 1000{i:04d}</span></div>\n'
)
_FORM = (
    '<form action="/apply" method="post"><label for="n">姓名</label><input id="n" name="name">'
    '<label for="id">身份证号</label><input id="id" name="idcard"><input name="bank" '
    'placeholder="银行卡号"><label><input type="checkbox" name="c">授权读取通讯录</label></form>'
)


def sample_page(size: int = 100 * 1024) -> str:
    """A cash-loan landing page of about ``size`` UTF-8 bytes: text, links, images, a form."""
    head = (
        "<!doctype html><html><head><meta charset='utf-8'><title>急用钱 秒下款</title>"
        "<meta name='description' content='小额贷款'><style>.item{color:red}</style></head><body>"
    )
    blocks: list[str] = []
    total = len(head.encode())
    while total < size - 600:
        blocks.append(_BLOCK.format(i=len(blocks)))
        total += len(blocks[-1].encode())
    return head + "".join(blocks) + _FORM + "<script>var t=1;</script></body></html>"


def _serve(body: bytes) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run() -> dict[str, float]:
    page = sample_page()
    gbk_page = page.replace("charset='utf-8'", "").encode("gb18030")
    figures = {
        "page_bytes": float(len(page.encode())),
        "analyze_100kb_page_ms_median": median_ms(lambda: analyze_html(page, "https://example.com/"), 31),
        "check_url_us_median": round(median_ms(lambda: check_url("http://user@Example.COM.:443/a?b#c"), 201) * 1000, 3),
        "decode_undeclared_gb18030_100kb_ms_median": median_ms(lambda: decode_body(gbk_page, None, html=True), 11),
    }
    server = _serve(gzip.compress(page.encode()))
    try:
        port = server.server_address[1]
        settings = FetchSettings(allow_loopback=True, extra_ports=(port,))
        figures["fetch_loopback_gzip_100kb_ms_median"] = median_ms(
            lambda: fetch(f"http://127.0.0.1:{port}/", settings), 21
        )
    finally:
        server.shutdown()
        server.server_close()
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
