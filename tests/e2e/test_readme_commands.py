"""The README's commands, run as a user pastes them into a shell, against one local stack started by its own line.

Only the README's documented placeholders are filled in: `<pages port>` and `<submission_id>` (the start
banner and the submission's answer say them), the port given to `make start PORT=` (the README says the
API is then on that port in place of 3000), and the words the Command line section names (URL, FILE, DIR,
BASE, and files such as items.jsonl). Editing a command so that it no longer does what the README says
fails a test here.
"""

from __future__ import annotations

import json
import re
import shlex
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import pytest
import requests

from devstack.__main__ import port_taken
from devstack.stack import free_port
from linkscan.models import Outcome
from tests.e2e.readme import (
    README,
    Started,
    block,
    blocks,
    fill,
    inline,
    run,
    started,
    synopsis_forms,
    without_comment,
)
from tests.support import ROOT, load_event

pytestmark = pytest.mark.timeout(600)

# Sections whose commands a user runs on this machine, and those that need AWS credentials or Docker.
RUN_HERE = ["Two commands", "The local stack, left running", "Command line"]
NOT_RUN_HERE = ["Deploy", "With Docker: `sam local`"]
DEFAULT_PORT = 3000
LOAN_TEXT = "无视征信 黑户可贷 当天下款 额度5000元 加微信 dk88 秒批到账"
RULES_DIR = ROOT / "layers/linkscan/python/linkscan/rules"
SETTLED = {"done", "not_scanned", "failed"}
LOAN_APP_BODY = load_event("api_submit_miniprogram_cashloan_wrong_category.json")["body"]  # a submission body


def stack_line(pattern: str) -> str:
    """The one command of the local-stack block that matches ``pattern``."""
    found = [c for c in block("The local stack, left running").commands if re.search(pattern, c)]
    assert len(found) == 1, f"the README's local-stack block has {len(found)} commands matching {pattern!r}"
    return found[0]


START_LINE = r"^make start\s+(#|$)"
START_PORT_LINE = r"^make start PORT=\d+"
SUBMIT_LINE = r"^curl .*-X POST \S+/v1/submissions\s"
STATUS_LINE = r"^curl .*/v1/submissions/<submission_id>"
LOOKUP_LINE = r"^curl .*/v1/lookup\?url="
MANIFEST_LINE = r"^curl .*/lists/manifest\.json"
STACK_LINES = [START_LINE, START_PORT_LINE, SUBMIT_LINE, STATUS_LINE, LOOKUP_LINE, MANIFEST_LINE]


def localize(command: str, port: int, pages_port: int, **values: str) -> str:
    """A curl line with the port `make start PORT=` was given, the pages' port and the given placeholders."""
    command = command.replace(f"127.0.0.1:{DEFAULT_PORT}/", f"127.0.0.1:{port}/")
    return fill(command, {"<pages port>": str(pages_port), **values})


@dataclass
class Session:
    """The local stack started by the README's `make start PORT=` line, and its manifest before any block."""

    running: Started
    port: int
    manifest_before: subprocess.CompletedProcess[str]

    def curl(self, pattern: str, **values: str) -> Any:
        """Run one curl line of the README and read its JSON answer."""
        result = run(localize(stack_line(pattern), self.port, self.running.pages_port, **values), timeout=60)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    @property
    def loan_url(self) -> str:
        return f"http://127.0.0.1:{self.running.pages_port}/loan.html"


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    port = free_port()
    with started(re.sub(r"PORT=\d+", f"PORT={port}", stack_line(START_PORT_LINE))) as running:
        assert running.api == f"http://127.0.0.1:{port}"
        manifest_line = localize(stack_line(MANIFEST_LINE), port, running.pages_port)
        yield Session(running, port, run(manifest_line, timeout=60))  # before anything is submitted


def poll(what: str, ask: Any, done: Any, seconds: float = 60) -> Any:
    """Repeat a README command while the stack's event pump works in the background."""
    deadline = time.monotonic() + seconds
    answer = ask()
    while not done(answer) and time.monotonic() < deadline:
        time.sleep(0.2)
        answer = ask()
    assert done(answer), f"{what}: {answer}"
    return answer


@pytest.fixture(scope="module")
def submitted(session: Session) -> dict[str, Any]:
    answer: dict[str, Any] = session.curl(SUBMIT_LINE)
    return answer


@pytest.fixture(scope="module")
def scanned(session: Session, submitted: dict[str, Any]) -> dict[str, Any]:
    submission_id = submitted["submissions"][0]["submission_id"]
    status: dict[str, Any] = poll(
        "the submission never settled",
        lambda: session.curl(STATUS_LINE, **{"<submission_id>": submission_id}),
        lambda answer: answer.get("state") in SETTLED,
    )
    return status


@pytest.fixture(scope="module")
def published(session: Session, scanned: dict[str, Any]) -> dict[str, Any]:
    """The manifest once the block is published (publication follows the scan through the table's stream)."""
    manifest: dict[str, Any] = poll(
        "no blocklist was published",
        lambda: session.curl(MANIFEST_LINE),
        lambda answer: "version" in answer,
    )
    return manifest


# ---------------------------------------------------------------------------------------------- the blocks


def test_the_readme_shell_blocks_are_those_this_module_runs_or_names() -> None:
    assert [b.heading for b in blocks()] == [*RUN_HERE, *NOT_RUN_HERE]
    two = [without_comment(c) for c in block("Two commands").commands]
    assert two == ["make demo", "make test"]  # make test is what runs this module
    for command in block("The local stack, left running").commands:
        assert sum(bool(re.search(p, command)) for p in STACK_LINES) == 1, f"no test runs: {command}"
    assert all(c.startswith(("linkscan ", "LINKSCAN_")) for c in block("Command line").commands)


def test_the_verdict_table_lists_every_outcome_a_verdict_can_have() -> None:
    row = next(line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("| `outcome` |"))
    assert set(get_args(Outcome)) <= set(re.findall(r"`(\w+)`", row))


@pytest.fixture(scope="module")
def demo_result() -> subprocess.CompletedProcess[str]:
    """One run of the README's `make demo` line, for the tests that read its output."""
    (command,) = [c for c in block("Two commands").commands if c.startswith("make demo")]
    return run(command, timeout=300)


def test_make_demo_runs_the_whole_pipeline_and_exits_0(demo_result: subprocess.CompletedProcess[str]) -> None:
    result = demo_result
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    rows = {line.split("  ")[0].strip(): line for line in result.stdout.splitlines()}
    assert " allow " in rows["clean page"]
    for label, category in [("cash loan", "cash_loan"), ("counterfeit", "counterfeit"), ("contraband", "contraband")]:
        assert " block " in rows[label] and category in rows[label]
    assert " NOT SCANNED " in rows["missing page (404)"] and "HTTP 404" in rows["missing page (404)"]
    assert " allow " not in rows["missing page (404)"]
    linked = rows["mini-program: links to a blocked page"]
    assert " block " in linked and "links to a blocked page" in linked  # the decision says why, not just 0.00
    assert "blocklist version" in result.stdout and "hosts.txt" in result.stdout
    assert "listed=True" in result.stdout and "listed=False" in result.stdout
    # the platform part: an event from the bus, a review decided by a moderator, a rescan
    assert "Target Listed: " in result.stdout
    assert "decision block → 200 (done)" in result.stdout
    assert "listed after the moderator's decision: True" in result.stdout
    assert "RescanFunction queued 1 check(s)" in result.stdout and ": offending, status online" in result.stdout


def test_the_demo_shows_the_evidence_of_pages_that_hide_their_offer(
    demo_result: subprocess.CompletedProcess[str],
) -> None:
    """Cloaking, a script-only page, an offer in an image, a QR code: each blocked, with its evidence."""
    assert demo_result.returncode == 0, demo_result.stdout[-3000:] + demo_result.stderr[-3000:]
    evidence = demo_result.stdout.split("evidence of the pages that hide their offer:", 1)[1]
    assert "audience version (wechat_android)" in evidence and "neutral version (desktop_neutral)" in evidence
    assert "rendered in a browser (script shell" in evidence and "/screenshot.png" in evidence
    assert "text read in 1 image(s)" in evidence and "放款" in evidence
    assert "QR code leads off-platform (contact, wechat): https://u.wechat.com/" in evidence


def test_make_start_serves_on_3000_or_says_that_3000_is_taken() -> None:
    command = stack_line(START_LINE)
    if port_taken(DEFAULT_PORT):
        result = run(command, timeout=120)
        assert result.returncode != 0
        assert f"port {DEFAULT_PORT}" in result.stderr and "PORT=" in result.stderr
        assert "Traceback" not in result.stderr
    else:
        with started(command) as running:
            assert running.api == f"http://127.0.0.1:{DEFAULT_PORT}"


def test_make_start_port_names_the_busy_port_without_a_traceback() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(re.sub(r"PORT=\d+", f"PORT={port}", stack_line(START_PORT_LINE)), timeout=120)
    assert result.returncode != 0
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr and "Traceback" not in result.stderr


# ------------------------------------------------------------------------------------- the local stack's API


def test_manifest_line_before_the_first_block_is_a_json_404(session: Session) -> None:
    answer = json.loads(session.manifest_before.stdout)
    assert answer["error"] == "not_found" and "no blocklist version is published yet" in answer["message"]
    assert set(answer) == {"error", "message", "field", "details"}


def test_submit_line_is_accepted_with_curls_default_content_type(session: Session, submitted: dict[str, Any]) -> None:
    (receipt,) = submitted["submissions"]
    assert receipt["status"] == "queued" and receipt["target"] == session.loan_url
    assert receipt["status_url"].endswith(f"/v1/submissions/{receipt['submission_id']}")


def test_status_line_shows_the_loan_page_blocked(scanned: dict[str, Any]) -> None:
    verdict = scanned["verdict"]
    assert scanned["state"] == "done" and verdict["judged"] is True
    assert verdict["decision"] == "block" and verdict["categories"][0]["category"] == "cash_loan"


def test_lookup_line_finds_the_blocked_page_listed(session: Session, published: dict[str, Any]) -> None:
    answer = poll("the listing never reached lookups", lambda: session.curl(LOOKUP_LINE), lambda a: a.get("listed"))
    assert answer["match"]["category"] == "cash_loan"


def test_manifest_line_names_the_published_lists(published: dict[str, Any]) -> None:
    assert published["version"] >= 1
    assert {"blocklist.json", "hosts.txt", "index.html"} <= set(published["files"])


def test_make_invoke_runs_an_event_in_process_without_docker() -> None:
    result = run(inline(r"^make invoke FN=\S+ EVENT=events/\S+\.json$"), timeout=180)

    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    answer = json.loads(result.stdout[result.stdout.rindex("\n{\n") :])  # after the function's own log lines
    assert "batchItemFailures" in answer  # the ScanFunction's answer to its SQS batch


def test_redrive_line_reads_the_local_stacks_dead_letter_queue(session: Session) -> None:
    command = inline(r"^python -m devstack redrive --endpoint ")
    result = run(command.replace("http://127.0.0.1:<port>", session.running.moto), timeout=120)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("dead-letter queue of local: 0 requeued, 0 recorded as scan_failed")


# -------------------------------------------------------------------------------------------- command line


CLI_FORMS = [form for command in block("Command line").commands for form in synopsis_forms(command)]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory, session: Session, published: dict[str, Any]) -> Path:
    """A user's folder with a file of each kind the Command line section names."""
    folder = tmp_path_factory.mktemp("user")
    (folder / "loan.txt").write_bytes(LOAN_TEXT.encode("gbk"))  # "any charset"
    items = [
        {"id": "loan", "text": LOAN_TEXT},
        {"id": "club", "html": "<p>读书会周六举行，欢迎参加。</p>", "url": "https://club.example/"},
    ]
    (folder / "items.jsonl").write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), "utf-8")
    (folder / "urls.jsonl").write_text(f'"HTTP://Example.ORG/a/../b"\n"{session.loan_url}#top"\n', "utf-8")
    (folder / "metadata.json").write_text(LOAN_APP_BODY, "utf-8")
    app = json.loads(LOAN_APP_BODY)
    line = {"id": "loan-app", "appid": app["appid"], "metadata": app["metadata"]}
    (folder / "apps.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    listing = published["files"]["blocklist.json"]["path"]
    answer = requests.get(f"{session.running.api}/lists/{listing}", timeout=30)
    answer.raise_for_status()
    (folder / "blocklist.json").write_bytes(answer.content)
    return folder


def cli_values(form: str, session: Session) -> dict[str, str]:
    return {
        "<pages port>": str(session.running.pages_port),
        "URL": session.loan_url,
        "FILE": "loan.txt",
        "DIR": str(RULES_DIR) if " rules check " in f" {form} " else "evidence",
        "BASE": session.running.api,
        "ID": json.loads(LOAN_APP_BODY)["appid"],
    }


@pytest.mark.parametrize("form", CLI_FORMS)
def test_command_line(form: str, session: Session, workdir: Path) -> None:
    command = fill(form, cli_values(form, session))
    words = shlex.split(command)
    reads_stdin = "analyze" in words and "--batch" not in words and ("-" in words or "loan.txt" not in words)
    result = run(command, cwd=workdir, stdin=LOAN_TEXT if reads_stdin else "")

    assert "Traceback" not in result.stderr, result.stderr
    name = next(w for w in words if w in CHECKS)
    CHECKS[name](words, result, session, workdir)


def _verdict(words: list[str], result: subprocess.CompletedProcess[str]) -> tuple[str, dict[str, Any] | None]:
    """(decision, the JSON verdict when --json)."""
    if "--json" in words:
        verdict = json.loads(result.stdout)
        return verdict["decision"], verdict
    return result.stdout.split()[0].lower(), None


def check_scan(words: list[str], result: Any, session: Session, workdir: Path) -> None:
    if "--allow-loopback" in words or "LINKSCAN_LOCAL_ALLOW_LOOPBACK=true" in words:
        assert result.returncode == 0, result.stderr
        decision, _ = _verdict(words, result)
        assert decision == "block"
        if "--save-evidence" in words:
            saved = result.stderr.strip().removeprefix("evidence saved: ").split(", ")
            assert saved and all((workdir / path).is_file() for path in saved), result.stderr
    else:  # a loopback page, without the local-only setting: refused like any private address
        assert result.returncode == 3
        if "--json" in words:
            verdict = json.loads(result.stdout)
            assert verdict["judged"] is False and verdict["outcome"] == "blocked_destination"
        else:
            assert result.stdout.startswith("NOT SCANNED (blocked_destination")


def check_analyze(words: list[str], result: Any, session: Session, workdir: Path) -> None:
    assert result.returncode == 0, result.stderr
    if "--batch" in words:
        lines = {line["id"]: line for line in map(json.loads, result.stdout.splitlines())}
        assert (lines["loan"]["decision"], lines["loan"]["target_type"]) == ("block", "text")
        assert (lines["club"]["decision"], lines["club"]["target_type"]) == ("allow", "url")
        assert lines["club"]["target"] == "https://club.example/" and lines["club"]["outcome"] == "not_fetched"
        return
    if "--jurisdiction" in words:  # another profile: another rules digest than the default's
        default = run("linkscan analyze loan.txt", cwd=workdir)
        assert result.stdout.splitlines()[-1] != default.stdout.splitlines()[-1]
        assert result.stdout.splitlines()[-1].startswith("  rules ")
        return
    decision, verdict = _verdict(words, result)
    assert decision == "block"
    if verdict is not None:
        assert verdict["target_type"] == "text" and verdict["outcome"] == "not_fetched"
        assert verdict["target"] == ("loan.txt" if "loan.txt" in words else "standard input")


def check_miniprogram(words: list[str], result: Any, session: Session, workdir: Path) -> None:
    assert result.returncode == 0, result.stderr
    if "--batch" in words:
        (line,) = map(json.loads, result.stdout.splitlines())
        assert (line["id"], line["decision"], line["target_type"]) == ("loan-app", "block", "miniprogram")
        return
    decision, verdict = _verdict(words, result)
    assert decision == "block"
    assert verdict is None or verdict["target_type"] == "miniprogram"


def check_canonicalize(words: list[str], result: Any, session: Session, workdir: Path) -> None:
    assert result.returncode == 0, result.stderr
    canonical = "http://127.0.0.1/loan.html"  # the Safe Browsing form has no port
    if "--jsonl" in words:
        assert result.stdout.splitlines() == ['"http://example.org/b"', json.dumps(canonical)]
    else:
        assert result.stdout.strip() == canonical


def check_expressions(words: list[str], result: Any, session: Session, workdir: Path) -> None:
    assert result.returncode == 0, result.stderr
    assert {"127.0.0.1/loan.html", "127.0.0.1/"} <= set(result.stdout.split())


def check_lookup(words: list[str], result: Any, session: Session, workdir: Path) -> None:
    if "--list" in words or "--api" in words:
        assert result.returncode == 1, result.stderr  # listed
        assert json.loads(result.stdout)["listed"] is True
    else:  # the default API, http://127.0.0.1:3000: whatever answers there, a documented exit code
        assert result.returncode in (0, 1, 4), result.stderr
        if result.returncode == 4:
            assert len(result.stderr.strip().splitlines()) == 1 and "127.0.0.1:3000" in result.stderr


def check_rules(words: list[str], result: Any, session: Session, workdir: Path) -> None:
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


CHECKS = {
    "scan": check_scan,
    "analyze": check_analyze,
    "miniprogram": check_miniprogram,
    "canonicalize": check_canonicalize,
    "expressions": check_expressions,
    "lookup": check_lookup,
    "rules": check_rules,
}
