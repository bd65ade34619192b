"""The Lambda layer as `sam build` makes it: arm64 through and through, the C extension included.

The layer's Makefile runs in a copy of layers/linkscan, as SAM's makefile build method does. The
cross compiler (PyPI's ziglang, ~400 MB unpacked) is kept in .tools/ziglang between runs, so only a
first run installs it; a warm build takes ~20 s, mostly pip placing the layer's wheels.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT

pytestmark = pytest.mark.timeout(600)  # a cold build downloads the toolchain and the layer's wheels

LAYER_SOURCE = ROOT / "layers/linkscan"
ZIG_DIR = ROOT / ".tools/ziglang"  # gitignored; `make clean` removes it
EM_AARCH64 = 183
EM_X86_64 = 62
# What pip could not reach: the registry, not the build, failed (the only reason to skip).
UNREACHABLE = ("No matching distribution found", "Could not fetch URL", "NewConnectionError", "Network is unreachable")


def python313() -> str | None:
    """The runtime's interpreter as `make build` finds it (pyenv's 3.13), to compile the layer's bytecode."""
    pyenv = shutil.which("pyenv")
    root = subprocess.run([pyenv, "root"], capture_output=True, text=True, check=False).stdout.strip() if pyenv else ""
    candidates = [*sorted(Path(root).glob("versions/3.13*/bin/python3.13")), shutil.which("python3.13")]
    for candidate in filter(None, candidates):
        probe = [str(candidate), "-c", "import sys; sys.exit(sys.version_info[:2] != (3, 13))"]
        if subprocess.run(probe, capture_output=True, check=False).returncode == 0:
            return str(candidate)
    return None


PY313 = python313()


def elf_machine(path: Path) -> int | None:
    """e_machine of a 64-bit little-endian ELF file, None for anything else."""
    header = path.read_bytes()[:20]
    if len(header) < 20 or header[:4] != b"\x7fELF" or header[4] != 2 or header[5] != 1:
        return None
    machine: int = struct.unpack_from("<H", header, 18)[0]
    return machine


def x86_64_elf_stub() -> bytes:
    """The start of an x86_64 shared object: enough for anything that reads the header."""
    ident = b"\x7fELF" + bytes([2, 1, 1]) + bytes(9)
    return ident + struct.pack("<HHI", 3, EM_X86_64, 1) + bytes(44)


@pytest.fixture(scope="module")
def layer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the layer once for this module; returns its python/ folder."""
    work = tmp_path_factory.mktemp("layer")
    source = work / "source"
    shutil.copytree(LAYER_SOURCE, source, ignore=shutil.ignore_patterns("__pycache__"))
    # A host build left in the package (pip install -e puts one there): it must never ship.
    (source / "python/linkscan/detect/_native.cpython-313-x86_64-linux-gnu.so").write_bytes(x86_64_elf_stub())
    artifacts = work / "artifacts"
    artifacts.mkdir()
    build_layer(
        source, "build-LinkscanLayer", artifacts, f"LINKSCAN_ZIG_DIR={ZIG_DIR}", f"PY313={PY313 or 'python3.13'}"
    )
    return artifacts / "python"


def build_layer(makefile_dir: Path, target: str, artifacts: Path, *variables: str) -> None:
    """Run a layer's make target as SAM's makefile build method does, into ``artifacts``."""
    command = ["make", "--no-print-directory", "-C", str(makefile_dir), target, f"ARTIFACTS_DIR={artifacts}"]
    run_layer_make([*command, f"PYTHON={sys.executable}", *variables])


def run_layer_make(command: list[str]) -> None:
    """Run a layer's make target; skip when only the package registry was out of reach, else fail loudly."""
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = result.stdout + result.stderr
        if any(sign in output for sign in UNREACHABLE):
            pytest.skip(f"the package registry is unreachable, so the layer cannot be built:\n{output[-2000:]}")
        pytest.fail(f"{' '.join(command[4:5])} failed ({result.returncode}):\n{output[-4000:]}")


def test_the_layer_ships_the_native_extension_built_for_lambdas_arm64(layer: Path) -> None:
    extension = layer / "linkscan/detect/_native.abi3.so"

    assert elf_machine(extension) == EM_AARCH64
    assert b"PyInit__native" in extension.read_bytes()


def test_the_layer_ships_no_shared_object_for_another_architecture(layer: Path) -> None:
    shared_objects = [path for path in layer.rglob("*.so*") if path.is_file()]

    assert len(shared_objects) > 5  # the extension and the compiled wheels (lxml, pydantic-core, ...)
    others = {str(path.relative_to(layer)): elf_machine(path) for path in shared_objects}
    assert {name: machine for name, machine in others.items() if machine != EM_AARCH64} == {}


def test_the_layer_ships_the_package_sources_next_to_the_extension(layer: Path) -> None:
    detect = layer / "linkscan/detect"

    assert (detect / "normalize.py").read_bytes() == (LAYER_SOURCE / "python/linkscan/detect/normalize.py").read_bytes()


def assert_runtime_bytecode(python: Path) -> None:
    """Every linkscan module under a layer's ``python`` folder has bytecode of Python 3.13, hash-based and
    unchecked, and nothing there has bytecode of another Python."""
    compiled = list(python.rglob("*.pyc"))

    assert {path.name.split(".")[-2] for path in compiled} == {"cpython-313"}  # no host (3.11) bytecode
    for module in (python / "linkscan").rglob("*.py"):
        bytecode = module.parent / "__pycache__" / f"{module.stem}.cpython-313.pyc"
        # flags 1: hash-based and unchecked, so the files' times after extraction do not matter
        assert int.from_bytes(bytecode.read_bytes()[4:8], "little") == 1, module


@pytest.mark.skipif(PY313 is None, reason="no Python 3.13 on this machine to compile the layer's bytecode")
def test_the_layer_ships_bytecode_for_the_runtime_only(layer: Path) -> None:
    """/opt is read-only in Lambda: bytecode not shipped would be compiled again at every cold start."""
    assert_runtime_bytecode(layer)
