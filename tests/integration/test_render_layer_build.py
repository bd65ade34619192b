"""The RenderFunction's layer as `sam build` makes it: x86_64 wheels, linkscan, and the Chromium built
for Lambda, which is then unpacked as at a cold start and renders a sample page through the driver.

The layer's Makefile runs in a copy of layers/, as SAM's makefile build method does; npm's cache keeps
the browser package (70 MB) between runs, so only a first run downloads it.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from devstack.pages import SamplePages
from linkscan.render.browser import render_page
from linkscan.render.lambda_chromium import unpack_chromium
from linkscan.settings import FetchSettings, RenderSettings
from tests.integration.test_layer_build import EM_X86_64, PY313, assert_runtime_bytecode, build_layer, elf_machine
from tests.support import ROOT

pytestmark = [pytest.mark.timeout(600), pytest.mark.browser]


@pytest.fixture(scope="module")
def render_layer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the render layer once for this module; returns the layer's root (what Lambda mounts at /opt)."""
    if shutil.which("npm") is None:
        pytest.fail("npm is needed to build the render layer (the Chromium built for Lambda is an npm package)")
    work = tmp_path_factory.mktemp("render-layer")
    shutil.copytree(ROOT / "layers", work / "layers", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    artifacts = work / "artifacts"
    artifacts.mkdir()
    build_layer(work / "layers/render", "build-RenderLayer", artifacts, f"PY313={PY313 or 'python3.13'}")
    return artifacts


def test_the_render_layer_holds_x86_64_libraries_and_no_boto3(render_layer: Path) -> None:
    python = render_layer / "python"
    compiled = [path for path in python.rglob("*.so") if elf_machine(path) is not None]
    assert compiled and {elf_machine(path) for path in compiled} == {EM_X86_64}
    assert list(python.glob("zxingcpp/*.so")) and (python / "PIL").is_dir()
    assert (python / "linkscan/render/browser.py").is_file() and (python / "linkscan/render/policy.yaml").is_file()
    assert not list(python.glob("boto3*")) and not list(python.glob("botocore*"))


@pytest.mark.skipif(PY313 is None, reason="no Python 3.13 on this machine to compile the layer's bytecode")
def test_the_render_layer_ships_bytecode_for_the_runtime_only(render_layer: Path) -> None:
    """As the scan layer: /opt is read-only, so bytecode not shipped is compiled at every cold start."""
    assert_runtime_bytecode(render_layer / "python")


def test_the_render_layer_fits_lambdas_size_limit(render_layer: Path) -> None:
    size = sum(path.stat().st_size for path in render_layer.rglob("*") if path.is_file())
    assert size < 250 * 1024 * 1024  # unzipped, with the function's own code (a few KB)


@pytest.fixture
def layer_chromium(render_layer: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The layer's browser unpacked as at a cold start; the variables it sets are undone afterwards."""
    for name in ("LD_LIBRARY_PATH", "FONTCONFIG_PATH", "FONTCONFIG_FILE"):
        monkeypatch.delenv(name, raising=False)  # no font of this machine: only the layer's fonts
    return unpack_chromium(render_layer / "chromium", tmp_path / "chromium")


def test_the_layers_chromium_unpacks_and_renders_a_script_page_through_the_driver(layer_chromium: Path) -> None:
    executable = layer_chromium
    assert elf_machine(executable) == EM_X86_64

    with SamplePages() as pages:
        page = render_page(
            pages.url("/spa-loan.html"),
            FetchSettings(allow_loopback=True),
            RenderSettings(chromium_path=str(executable)),
        )

    assert "极速放款" in page.html
    assert page.screenshot is not None and page.screenshot.startswith(b"\x89PNG")


def test_the_render_layer_ships_a_cjk_font_with_its_licence(render_layer: Path) -> None:
    font = render_layer / "fonts/SourceHanSansSC-Regular.otf"
    assert font.read_bytes()[:4] == b"OTTO"  # an OpenType font with CFF outlines
    assert "SIL Open Font License" in (render_layer / "fonts/LICENSE.SourceHanSans").read_text(encoding="utf-8")


def _glyphs(screenshot: Image.Image) -> list[list[int]]:
    """Each band of rows with ink (one character per line in the sample; a gap of a few rows inside a
    character does not split it), cropped to its ink and scaled to 48 x 48 pixels, as 1 (dark) and 0."""
    gray = screenshot.convert("L")
    width, height = gray.size
    pixels = gray.load()
    assert pixels is not None
    inked = [any(pixels[x, y] < 128 for x in range(width)) for y in range(height)]
    bands: list[tuple[int, int]] = []
    for y, ink in enumerate(inked):
        if ink and bands and y - bands[-1][1] <= 12:
            bands[-1] = (bands[-1][0], y)
        elif ink:
            bands.append((y, y))
    glyphs = []
    for top, bottom in bands:
        box = gray.crop((0, top, width, bottom + 1)).point(lambda value: 255 if value < 128 else 0).getbbox()
        assert box is not None
        square = gray.crop((box[0], top + box[1], box[2], top + box[3])).resize((48, 48))
        glyphs.append([1 if value < 128 else 0 for value in square.tobytes()])
    return glyphs


def test_the_layers_chromium_draws_chinese_characters_not_boxes(layer_chromium: Path) -> None:
    """A character without a font is drawn as the same empty box whatever it is (tofu): two different
    characters drawing two different shapes means a CJK font was found."""
    page = '<html><body style="margin:0;background:#fff;font-size:48px"><p>永</p><p>贷</p></body></html>'
    with SamplePages() as pages:
        url = pages.serve("/cjk.html", page.encode("utf-8"), "text/html; charset=utf-8")
        rendered = render_page(
            url, FetchSettings(allow_loopback=True), RenderSettings(chromium_path=str(layer_chromium))
        )

    assert rendered.screenshot is not None
    glyphs = _glyphs(Image.open(io.BytesIO(rendered.screenshot)))
    assert len(glyphs) == 2 and all(sum(glyph) > 100 for glyph in glyphs)  # ink for both lines
    first, second = glyphs
    differing = sum(a != b for a, b in zip(first, second, strict=True))
    assert differing > 0.3 * max(sum(first), sum(second))
