"""The RenderFunction's layer as `sam build` makes it: x86_64 wheels, linkscan, and the Chromium built
for Lambda, which is then unpacked as at a cold start and renders a sample page through the driver.

The layer's Makefile runs in a copy of layers/, as SAM's makefile build method does; npm's cache keeps
the browser package (70 MB) between runs, so only a first run downloads it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from devstack.pages import SamplePages
from linkscan.render.browser import render_page
from linkscan.render.lambda_chromium import unpack_chromium
from linkscan.settings import FetchSettings, RenderSettings
from tests.integration.test_layer_build import EM_X86_64, build_layer, elf_machine
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
    build_layer(work / "layers/render", "build-RenderLayer", artifacts)
    return artifacts


def test_the_render_layer_holds_x86_64_libraries_and_no_boto3(render_layer: Path) -> None:
    python = render_layer / "python"
    compiled = [path for path in python.rglob("*.so") if elf_machine(path) is not None]
    assert compiled and {elf_machine(path) for path in compiled} == {EM_X86_64}
    assert list(python.glob("zxingcpp/*.so")) and (python / "PIL").is_dir()
    assert (python / "linkscan/render/browser.py").is_file() and (python / "linkscan/render/policy.yaml").is_file()
    assert not list(python.glob("boto3*")) and not list(python.glob("botocore*"))


def test_the_render_layer_fits_lambdas_size_limit(render_layer: Path) -> None:
    size = sum(path.stat().st_size for path in render_layer.rglob("*") if path.is_file())
    assert size < 250 * 1024 * 1024  # unzipped, with the function's own code (a few KB)


def test_the_layers_chromium_unpacks_and_renders_a_script_page_through_the_driver(
    render_layer: Path, tmp_path: Path
) -> None:
    executable = unpack_chromium(render_layer / "chromium", tmp_path / "chromium")
    assert elf_machine(executable) == EM_X86_64

    with SamplePages() as pages:
        page = render_page(
            pages.url("/spa-loan.html"),
            FetchSettings(allow_loopback=True),
            RenderSettings(chromium_path=str(executable)),
        )

    assert "极速放款" in page.html
    assert page.screenshot is not None and page.screenshot.startswith(b"\x89PNG")
