"""The RenderFunction's Chromium: the render layer ships it brotli-compressed (the npm registry's
@sparticuz/chromium build for Lambda) under /opt/chromium; the first invocation of a container
unpacks it to /tmp, which later invocations reuse."""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

# Shared libraries Amazon Linux 2023 lacks, the software GL and a Latin font, each a .tar.br beside the browser.
_ARCHIVES = ("al2023.tar.br", "swiftshader.tar.br", "fonts.tar.br")
_CHUNK = 1 << 20

_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
{dirs}
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def unpack_chromium(layer_dir: Path, target_dir: Path) -> Path:
    """The path of an executable Chromium under ``target_dir``, unpacked from ``layer_dir`` if not yet there.

    Sets LD_LIBRARY_PATH and FONTCONFIG_PATH for the browser process (render.browser passes them on)."""
    import brotli

    executable = target_dir / "chromium"
    if not executable.exists():
        target_dir.mkdir(parents=True, exist_ok=True)
        partial = target_dir / "chromium.partial"
        decompressor = brotli.Decompressor()
        with (layer_dir / "chromium.br").open("rb") as source, partial.open("wb") as sink:
            while chunk := source.read(_CHUNK):
                sink.write(decompressor.process(chunk))
        partial.chmod(0o755)
        for archive in _ARCHIVES:
            path = layer_dir / archive
            if path.exists():
                data = brotli.decompress(path.read_bytes())
                # The Latin font goes to <tmp>/fonts, beside the browser's folder.
                into = target_dir.parent if archive == "fonts.tar.br" else target_dir
                with tarfile.open(fileobj=io.BytesIO(data)) as tar:
                    tar.extractall(into, filter="data")
        _write_fonts_conf(target_dir, [layer_dir.parent / "fonts", target_dir.parent / "fonts"])
        partial.rename(executable)  # last: a container killed mid-unpack starts over next time
    libraries = [str(target_dir / "lib"), str(target_dir)]
    os.environ["LD_LIBRARY_PATH"] = ":".join([*libraries, os.environ.get("LD_LIBRARY_PATH", "")]).rstrip(":")
    os.environ.setdefault("FONTCONFIG_PATH", str(target_dir))  # the fonts.conf written beside the browser
    return executable


def _write_fonts_conf(target_dir: Path, font_dirs: list[Path]) -> None:
    """The browser's font folders where they are: the layer's fonts/ (a CJK font, read in place from
    /opt/fonts) and the Latin font unpacked beside the browser. The package's own fonts.conf names
    fixed paths under /tmp and /opt, which hold only in Lambda."""
    dirs = "\n".join(f"  <dir>{folder}</dir>" for folder in font_dirs)
    conf = _FONTS_CONF.format(dirs=dirs, cache=target_dir.parent / "fonts-cache")
    (target_dir / "fonts.conf").write_text(conf, encoding="utf-8")
