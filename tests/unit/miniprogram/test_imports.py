"""Validating a submission must not load the detection engine (the API function stays light)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support import ROOT


def test_parsing_metadata_does_not_import_the_detection_engine() -> None:
    code = (
        "import sys; from linkscan.miniprogram import parse_metadata, target_id_for_appid; "
        "print(sorted(m for m in sys.modules if m.startswith(('linkscan.detect', 'ahocorasick', 'opencc'))))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "layers/linkscan/python"), str(ROOT)])}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[]"
