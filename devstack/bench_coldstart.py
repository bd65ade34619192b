"""Whole-process cold starts: from a new interpreter to each handler being ready, as ratios to a floor.

A Lambda cold start runs the interpreter, imports the handler's module and runs its top level; only
then can the first event be handled. The layer and the handlers are copied to a temporary folder and
compiled to bytecode first, as the built layer ships them (layers/linkscan/Makefile). Each measurement
starts a fresh ``python`` (no bytecode writes) and reports the wall time from just before the process was
started to the moment the handler module finished importing. The floor is the same for a module that
only imports boto3, builds one client and defines a trivial handler: what any Python function that
talks to AWS pays. Each figure is the median of ``RUNS`` runs, taken in the same session as the floor,
so the ratios hold on a busy machine where the absolute times do not.
"""

from __future__ import annotations

import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from devstack.template import load_template

ROOT = Path(__file__).resolve().parent.parent
FUNCTIONS = {
    "api": "ApiFunction",
    "scan": "ScanFunction",
    "publish": "PublishFunction",
    "lookup": "LookupFunction",
    "platform": "PlatformFunction",
    "events": "EventsFunction",
    "webhooks": "WebhookFunction",
    "rescan": "RescanFunction",
    "render": "RenderFunction",
}
RUNS = 7
# The targets of issue #17: a handler's cold start as a multiple of the floor (the other functions are
# measured and reported without one).
TARGETS = {"lookup": 1.3, "api": 1.6, "publish": 1.6, "scan": 2.0}

FLOOR_MODULE = """
import boto3

DYNAMODB = boto3.client("dynamodb")


def handler(event, context):
    return {"statusCode": 200}
"""

# Stand-ins for the !Ref values the template passes (every function refuses to start without its names).
_RESOURCE_VALUES = {
    "TABLE_NAME": "linkscan-bench",
    "BLOCKLIST_TABLE_NAME": "linkscan-bench-blocklist",
    "SCAN_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/123456789012/linkscan-bench-scan",
    "EVIDENCE_BUCKET": "linkscan-bench-evidence",
    "BLOCKLIST_BUCKET": "linkscan-bench-blocklist",
    "RESCAN_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/123456789012/linkscan-bench-rescan",
    "WEBHOOK_QUEUE_URL": "https://sqs.us-east-1.amazonaws.com/123456789012/linkscan-bench-webhooks",
    "EVENT_BUS_NAME": "linkscan-bench-verdicts",
    "RENDER_FUNCTION_NAME": "linkscan-bench-render",
}


def function_environment(logical_id: str) -> dict[str, str]:
    """The variables the template gives a function (Globals and its own), resolved to plain values."""
    template = load_template()
    variables: dict[str, Any] = dict(template["Globals"]["Function"]["Environment"]["Variables"])
    own = template["Resources"][logical_id]["Properties"].get("Environment", {}).get("Variables", {})
    variables.update(own)
    parameters = template["Parameters"]
    resolved = {}
    for name, value in variables.items():
        if isinstance(value, str | int | float):
            resolved[name] = str(value)
        elif name in _RESOURCE_VALUES:
            resolved[name] = _RESOURCE_VALUES[name]
        elif getattr(value, "value", None) in parameters:  # a !Ref to a parameter: its default
            resolved[name] = str(parameters[value.value]["Default"])
        else:  # a !Sub or !GetAtt: a URL or name that only matters once requests arrive
            resolved[name] = "https://bench.example"
    return resolved


def _lambda_like_environment(extra: dict[str, str], code_dirs: list[Path]) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join(str(path) for path in code_dirs),
        "PYTHONDONTWRITEBYTECODE": "1",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench",
        "AWS_LAMBDA_FUNCTION_NAME": "bench",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512",
        "LAMBDA_TASK_ROOT": str(code_dirs[-1]),
    }
    return {**env, **extra}


def _ready_sample(code_dirs: list[Path], env: dict[str, str]) -> tuple[float, float]:
    """Wall time from starting ``python`` to ``import app`` having returned, and the CPU time the process
    used (its exit included), in milliseconds."""
    code = "import time, app; print(time.time_ns())"
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time_ns()
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime) * 1000
    return (int(out.stdout.strip().splitlines()[-1]) - started) / 1e6, cpu


def run(runs: int = RUNS, root: Path = ROOT) -> dict[str, Any]:
    """Each handler's cold start and its ratio to the floor: medians of ``runs`` rounds.

    Each round starts the floor and every handler once, in turn, and a handler's ratio is the median of
    its per-round ratios: a neighbour's load that slows one round slows the floor of that round too.
    The CPU-time ratio is reported beside it (steadier on a shared machine, blind to waiting on I/O).
    """
    with tempfile.TemporaryDirectory() as work:
        layer, functions, floor_dir = Path(work, "layer"), Path(work, "functions"), Path(work, "floor")
        shutil.copytree(root / "layers/linkscan/python", layer, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(root / "functions", functions, ignore=shutil.ignore_patterns("__pycache__"))
        floor_dir.mkdir()
        (floor_dir / "app.py").write_text(FLOOR_MODULE, encoding="utf-8")
        for folder in (layer, functions, floor_dir):
            compileall.compile_dir(folder, quiet=1)
        subjects = {"floor": ([floor_dir], _lambda_like_environment({}, [floor_dir]))}
        for function, logical_id in FUNCTIONS.items():
            dirs = [layer, functions / function]
            subjects[function] = (dirs, _lambda_like_environment(function_environment(logical_id), dirs))
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in subjects}
        for _ in range(runs):
            for name, (dirs, env) in subjects.items():
                samples[name].append(_ready_sample(dirs, env))
    floors = samples["floor"]
    figures: dict[str, Any] = {
        "floor_ms": round(statistics.median(wall for wall, _ in floors), 1),
        "floor_cpu_ms": round(statistics.median(cpu for _, cpu in floors), 1),
        "runs": runs,
    }
    for function in FUNCTIONS:
        own = samples[function]
        figures[function] = {
            "ready_ms": round(statistics.median(wall for wall, _ in own), 1),
            "ratio": round(statistics.median(w / f for (w, _), (f, _) in zip(own, floors, strict=True)), 2),
            "cpu_ratio": round(statistics.median(c / f for (_, c), (_, f) in zip(own, floors, strict=True)), 2),
            "target": TARGETS.get(function),
        }
    return figures


if __name__ == "__main__":
    import json

    # python -m devstack.bench_coldstart [ROOT]: another checkout's handlers, e.g. to compare with main.
    print(json.dumps(run(root=Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT), indent=2))
