"""The README's shell blocks as a user reads them: commands, placeholders, and the local stack they start."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support import ROOT

README = ROOT / "README.md"
_FENCE = re.compile(r"^```bash\n(.*?)^```", re.MULTILINE | re.DOTALL)
_HEADING = re.compile(r"^#+ (.+)$", re.MULTILINE)
_COMMENT = re.compile(r"\s+#\s.*$")
_OPTIONAL = re.compile(r"\[([^\[\]]+)\]")
_NOT_THE_USERS = frozenset({"MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES", "AWS_DEFAULT_REGION", "AWS_REGION"})


@dataclass(frozen=True)
class Block:
    """One fenced bash block: the heading it sits under and its commands (continued lines joined)."""

    heading: str
    commands: tuple[str, ...]


def blocks(text: str | None = None) -> list[Block]:
    text = README.read_text(encoding="utf-8") if text is None else text
    found = []
    for fence in _FENCE.finditer(text):
        headings = _HEADING.findall(text, 0, fence.start())
        joined = fence.group(1).replace("\\\n", " ")
        commands = tuple(line.strip() for line in joined.splitlines() if line.strip())
        found.append(Block(headings[-1].strip() if headings else "", commands))
    return found


def block(heading: str) -> Block:
    matches = [b for b in blocks() if b.heading == heading]
    assert len(matches) == 1, f"the README has {len(matches)} bash blocks under '{heading}'"
    return matches[0]


def inline(pattern: str) -> str:
    """The one inline `code` span of the README that matches ``pattern`` (a command quoted in the prose)."""
    spans = [
        span for span in re.findall(r"`([^`\n]+)`", README.read_text(encoding="utf-8")) if re.search(pattern, span)
    ]
    assert len(spans) == 1, f"the README quotes {len(spans)} commands matching {pattern!r}"
    return spans[0]


def without_comment(command: str) -> str:
    return _COMMENT.sub("", command).strip()


def synopsis_forms(command: str) -> list[str]:
    """A synopsis line as the commands it shows: with no `[...]`, with each option alone, and with every
    group at once (once for each alternative of an `[a|b]` group), so that every option runs alone and
    together with the others."""
    line = without_comment(command)
    groups = [[alt.strip() for alt in group.split("|")] for group in _OPTIONAL.findall(line)]
    template = _OPTIONAL.sub("{}", line)
    absent = [""] * len(groups)
    forms = [template.format(*absent)]
    for index, alternatives in enumerate(groups):
        forms += [template.format(*[alt if i == index else "" for i in range(len(groups))]) for alt in alternatives]
    for index, alternatives in enumerate(groups):
        forms += [template.format(*[alt if i == index else g[0] for i, g in enumerate(groups)]) for alt in alternatives]
    return list(dict.fromkeys(" ".join(form.split()) for form in forms))  # in order, without repeats


def fill(command: str, values: dict[str, str]) -> str:
    """The README's placeholders (a word such as URL or FILE, `URL...`, or `<pages port>`) replaced."""
    for name, value in values.items():
        if name.startswith("<"):
            command = command.replace(name, value)
        else:
            word = re.compile(rf"(?<![\w/.-]){re.escape(name)}(\.\.\.)?(?![\w.-])")
            command = word.sub(value.replace("\\", "\\\\"), command)
    return command


def user_env() -> dict[str, str]:
    """A user's shell after `make install`: the virtualenv's console scripts first on PATH, no linkscan settings."""
    # not the settings of a make that runs the tests (a nested make prints "make[1]: Entering directory")
    # nor the region tests/conftest.py sets: a user's shell may have none (the local redrive line once needed it)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINKSCAN_") and k not in _NOT_THE_USERS}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run(command: str, cwd: Path = ROOT, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """One README command, as bash runs it when pasted (comments, redirections and all)."""
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=user_env(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@dataclass(frozen=True)
class Started:
    """A running `make start`: what its banner says."""

    api: str
    pages_port: int
    moto: str
    banner: str


@contextmanager
def started(command: str, timeout: float = 90) -> Iterator[Started]:
    """Run a `make start ...` line until its banner is printed; stop it with Ctrl-C (SIGINT) at the end."""
    process = subprocess.Popen(
        ["bash", "-c", command],
        cwd=ROOT,
        env=user_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: make and the stack it runs get the Ctrl-C together
    )
    try:
        assert process.stdout is not None
        lines: list[str] = []
        deadline = time.monotonic() + timeout
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Try:") or time.monotonic() > deadline:
                break
        banner = "".join(lines)
        api = re.search(r"API:\s+(http://127\.0\.0\.1:\d+)", banner)
        pages = re.search(r"sample pages:\s+http://127\.0\.0\.1:(\d+)/", banner)
        moto = re.search(r"moto \(AWS\):\s+(http://127\.0\.0\.1:\d+)", banner)
        assert api and pages and moto, f"the local stack did not start:\n{banner}"
        yield Started(api.group(1), int(pages.group(1)), moto.group(1), banner)
    finally:
        stop(process)


def stop(process: subprocess.Popen[str]) -> None:
    """Ctrl-C to the command's process group, as in a terminal; SIGKILL what is still there after 20 s."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and _group_alive(process.pid):
        process.poll()
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    if process.stdout is not None:
        process.stdout.close()


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True
