"""Writes the sample pages' images (devstack/samples/img/*.png); the PNGs are committed.

    python -m devstack.sample_images

Needs Pillow, segno (QR codes) and a CJK font (Debian's fonts-wqy-microhei). The texts are written
for linkscan's samples (no third-party ad copy); the WeChat link is a made-up personal-contact path.
"""

from __future__ import annotations

import sys
from pathlib import Path

IMAGES = Path(__file__).resolve().parent / "samples" / "img"
FONTS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
# The cash-loan offer of image-loan.html, present only as pixels.
OFFER_LINES = (
    ("极速放款 无需征信 当天到账", "black"),
    ("日息低至0.02% 额度5万", "red"),
    ("加微信 loan8888 立即申请", "black"),
)
# A personal WeChat contact card link (u.wechat.com is WeChat's own host for them), for qr-contact.html.
QR_CONTACT = "https://u.wechat.com/kSamplePersonalContact01"


def offer_banner() -> bytes:
    import io

    from PIL import Image, ImageDraw, ImageFont

    font_path = next((path for path in FONTS if Path(path).is_file()), None)
    if font_path is None:
        sys.exit(f"no CJK font found ({', '.join(FONTS)}); apt-get install fonts-wqy-microhei")
    font = ImageFont.truetype(font_path, 36)
    image = Image.new("RGB", (640, 240), "white")
    draw = ImageDraw.Draw(image)
    for row, (text, colour) in enumerate(OFFER_LINES):
        draw.text((20, 20 + 70 * row), text, fill=colour, font=font)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def qr_contact() -> bytes:
    import io

    import segno

    out = io.BytesIO()
    segno.make(QR_CONTACT, error="m").save(out, kind="png", scale=6, border=4)
    return out.getvalue()


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, data in (("loan-offer.png", offer_banner()), ("qr-contact.png", qr_contact())):
        (IMAGES / name).write_bytes(data)
        print(f"wrote {IMAGES / name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
