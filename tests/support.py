"""Helpers shared by the test suites: load a function's handler by path, load an event fixture."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events"
FUNCTIONS = ROOT / "functions"


def load_handler(function_dir: str, *, fresh: bool = True) -> ModuleType:
    """Import functions/<function_dir>/app.py as its own module (every function's file is named app.py).

    A fresh import re-reads settings from the environment, as a Lambda cold start would.
    """
    name = f"linkscan_fn_{function_dir}"
    if not fresh and name in sys.modules:
        return sys.modules[name]
    path = FUNCTIONS / function_dir / "app.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_event(name: str) -> dict[str, Any]:
    """An event from events/, the same file `sam local invoke -e` uses."""
    data: dict[str, Any] = json.loads((EVENTS / name).read_text(encoding="utf-8"))
    return data


def jump_hub_submission(jumps_to: str) -> dict[str, Any]:
    """A mini-program submission whose only offence is a jump to the mini-program ``jumps_to``."""
    return {
        "type": "miniprogram",
        "appid": "wx5a5a5a5a5a5a5a5a",
        "metadata": {
            "name": "生活服务合集",
            "principal": {"name": "某某网络科技有限公司", "type": "enterprise"},
            "pages": [{"path": "pages/index/index", "text": "常用服务。"}],
            "navigation": [{"appid": jumps_to, "label": "周转"}],
        },
    }


class LambdaContext:
    """The parts of the Lambda context object that powertools and our handlers read."""

    function_name = "test-function"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:test-function"
    memory_limit_in_mb = 512
    aws_request_id = "00000000-0000-0000-0000-000000000000"
    log_group_name = "/aws/lambda/test-function"
    log_stream_name = "2026/11/21/[$LATEST]test"

    def get_remaining_time_in_millis(self) -> int:
        return 60_000
