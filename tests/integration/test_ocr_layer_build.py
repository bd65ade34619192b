"""The OcrFunction's layer as `sam build` makes it: arm64 wheels for python3.13, rapidocr's models,
the few linkscan modules OCR needs, and a size under Lambda's limit for a function and its layers.

The layer's Makefile runs in a copy of layers/, as SAM's makefile build method does. arm64 code cannot
run here, so the same Makefile also builds the layer for x86_64 (OCR_ARCH=x86_64), and the OcrFunction's
handler reads a sample image from that build alone in a Python 3.13 subprocess: what the Makefile trims
from the wheels is then shown unused by a real OCR, not only assumed so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.integration.test_layer_build import EM_AARCH64, EM_X86_64, PY313, build_layer, elf_machine
from tests.support import ROOT

pytestmark = pytest.mark.timeout(600)  # a cold build downloads ~110 MB of wheels per architecture

# Lambda's limit for a function's code and all its layers, unzipped (250 MiB, as AWS counts it).
LAMBDA_UNZIPPED_LIMIT = 250 * 1024 * 1024
FUNCTION_CODE = ROOT / "functions/ocr"
# What the OCR step imports of linkscan (layers/ocr/Makefile copies these and nothing else).
LINKSCAN_MODULES = {
    "__init__.py",
    "settings.py",
    "observability.py",
    "errors.py",
    "images/__init__.py",
    "images/load.py",
    "images/ocr.py",
    "images/ocr_wire.py",
}


def _build(tmp_path_factory: pytest.TempPathFactory, arch: str) -> Path:
    work = tmp_path_factory.mktemp(f"ocr-layer-{arch}")
    shutil.copytree(ROOT / "layers", work / "layers", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    artifacts = work / "artifacts"
    artifacts.mkdir()
    build_layer(work / "layers", "build-OcrLayer", artifacts, f"OCR_ARCH={arch}")
    return artifacts


@pytest.fixture(scope="module")
def ocr_layer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The layer for the OcrFunction's architecture (arm64), built once; its root is what Lambda mounts at /opt."""
    return _build(tmp_path_factory, "aarch64")


def _size(root: Path) -> int:
    return sum(path.stat().st_size for path in root.rglob("*") if path.is_file())


def test_the_ocr_layer_and_function_fit_lambdas_unzipped_limit(ocr_layer: Path) -> None:
    size = _size(ocr_layer) + _size(FUNCTION_CODE)

    print(f"OcrLayer + OcrFunction unzipped: {size} bytes ({size / 2**20:.1f} MiB)")
    assert size < LAMBDA_UNZIPPED_LIMIT


def test_the_ocr_layer_holds_the_engine_its_models_and_only_the_linkscan_modules_ocr_needs(ocr_layer: Path) -> None:
    python = ocr_layer / "python"
    models = {path.name for path in (python / "rapidocr/models").glob("*.onnx")}
    assert models == {"PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx"}  # detection and recognition
    for package in ("rapidocr", "onnxruntime/capi", "cv2", "numpy", "PIL", "aws_lambda_powertools/logging"):
        assert (python / package).is_dir(), package
    shipped = {str(path.relative_to(python / "linkscan")) for path in (python / "linkscan").rglob("*.py")}
    assert shipped == LINKSCAN_MODULES
    assert not list(python.glob("boto3*")) and not list(python.glob("botocore*"))
    assert not list(python.rglob("__pycache__")) and not list(python.rglob("tests"))


def test_the_ocr_layers_compiled_code_is_all_for_lambdas_arm64_and_python313(ocr_layer: Path) -> None:
    python = ocr_layer / "python"
    compiled = [path for path in python.rglob("*.so*") if elf_machine(path) is not None]
    assert len(compiled) > 20 and {elf_machine(path) for path in compiled} == {EM_AARCH64}
    tags = {
        wheel.parent.name: line.split(":", 1)[1].strip()
        for wheel in python.glob("*.dist-info/WHEEL")
        for line in wheel.read_text().splitlines()
        if line.startswith("Tag:")
    }
    binary = {name: tag for name, tag in tags.items() if not tag.endswith("-none-any")}
    assert {name.split("-")[0] for name in binary} >= {"onnxruntime", "numpy", "opencv_python_headless", "pillow"}
    for name, tag in binary.items():
        interpreter, abi, platform = tag.split("-")
        assert platform.endswith("_aarch64"), (name, tag)
        assert abi in ("cp313", "abi3", "none") and (interpreter == "cp313" or abi == "abi3"), (name, tag)


@pytest.mark.skipif(PY313 is None, reason="no Python 3.13 on this machine to run the layer's packages")
def test_the_ocr_handler_reads_a_sample_image_from_the_layer_alone(tmp_path_factory: pytest.TempPathFactory) -> None:
    layer = _build(tmp_path_factory, "x86_64")
    assert {elf_machine(path) for path in (layer / "python").rglob("*.so*") if elf_machine(path)} == {EM_X86_64}
    script = (
        "import json, sys, types\n"
        "import app\n"
        "context = types.SimpleNamespace(function_name='ocr', memory_limit_in_mb=2048, aws_request_id='r',"
        " invoked_function_arn='arn:aws:lambda:us-east-1:123456789012:function:ocr')\n"
        "answer = app.handler(json.load(sys.stdin), context)\n"
        "print(json.dumps({'answer': answer, 'rapidocr': sys.modules['rapidocr'].__file__}))\n"
    )
    env = {
        "PATH": os.environ.get("PATH", ""),
        # /opt/python and the function's folder, as Lambda puts them on sys.path; -S: no other site-packages
        "PYTHONPATH": f"{layer / 'python'}:{FUNCTION_CODE}",
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_METRICS_NAMESPACE": "Linkscan",
        "POWERTOOLS_SERVICE_NAME": "linkscan",
    }
    event = (ROOT / "events/ocr_request.json").read_text(encoding="utf-8")

    result = subprocess.run(
        [str(PY313), "-S", "-c", script], input=event, capture_output=True, text=True, env=env, timeout=300, check=False
    )

    assert result.returncode == 0, result.stderr[-3000:]
    output = json.loads(result.stdout.strip().splitlines()[-1])
    assert output["rapidocr"].startswith(str(layer))
    assert "放款" in output["answer"]["text"] and output["answer"]["lines"][0]["box"]
