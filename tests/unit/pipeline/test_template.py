"""The SAM template: what the linters cannot check (they missed a misspelt StartingPosition once)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from devstack.template import load_template, resources_of, routes
from linkscan.scanner import scan_budget_ms
from linkscan.settings import FetchSettings, RenderSettings

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_template()


def _functions(template: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return resources_of(template, "AWS::Serverless::Function")


def test_every_function_runs_python313_on_arm64_with_tracing(template: dict[str, Any]) -> None:
    globals_ = template["Globals"]["Function"]
    assert globals_["Runtime"] == "python3.13"
    assert globals_["Architectures"] == ["arm64"]
    assert globals_["Tracing"] == "Active"
    for name, function in _functions(template).items():
        assert "Runtime" not in function["Properties"], f"{name} overrides the runtime"
        if name != "RenderFunction":  # x86_64: the Chromium built for Lambda has no arm64 build
            assert "Architectures" not in function["Properties"], f"{name} overrides the architecture"


def test_each_function_gets_the_layer_of_its_own_architecture(template: dict[str, Any]) -> None:
    layers = resources_of(template, "AWS::Serverless::LayerVersion")
    for name, function in _functions(template).items():
        architecture = function["Properties"].get("Architectures", template["Globals"]["Function"]["Architectures"])
        for layer in function["Properties"]["Layers"]:
            assert layers[layer.value]["Properties"]["CompatibleArchitectures"] == architecture, name


def test_the_render_function_may_write_evidence_and_invoke_ocr_and_only_the_scan_function_may_invoke_it(
    template: dict[str, Any],
) -> None:
    functions = _functions(template)
    render_statements = functions["RenderFunction"]["Properties"]["Policies"][0]["Statement"]
    assert [(st["Action"], st["Resource"].value) for st in render_statements] == [
        ("s3:PutObject", "${EvidenceBucket.Arn}/evidence/*"),
        ("lambda:InvokeFunction", "OcrFunction.Arn"),
    ]
    invoked = {
        name: st["Resource"].value
        for name, function in functions.items()
        for policy in function["Properties"].get("Policies", [])
        if isinstance(policy, dict)
        for st in policy.get("Statement", [])
        if st.get("Action") == "lambda:InvokeFunction"
    }
    assert invoked == {"ScanFunction": "RenderFunction.Arn", "RenderFunction": "OcrFunction.Arn"}


def test_the_ocr_function_has_no_aws_access_and_only_its_own_layer(template: dict[str, Any]) -> None:
    ocr = _functions(template)["OcrFunction"]["Properties"]
    assert ocr["Policies"] == []
    assert [layer.value for layer in ocr["Layers"]] == ["OcrLayer"]
    # The OCR layer has no X-Ray SDK: tracing stays off there, or the handler's tracer would fail to import.
    assert ocr["Tracing"] == "PassThrough" and ocr["Environment"]["Variables"]["POWERTOOLS_TRACE_DISABLED"] == "true"
    render_env = _functions(template)["RenderFunction"]["Properties"]["Environment"]["Variables"]
    assert render_env["OCR_FUNCTION_NAME"].value == "OcrFunction"


def test_every_queue_the_scan_function_drains_has_six_times_its_timeout_as_visibility(
    template: dict[str, Any],
) -> None:
    scan = _functions(template)["ScanFunction"]["Properties"]
    queues = [str(event["Properties"]["Queue"].value).split(".")[0] for event in scan["Events"].values()]
    assert sorted(queues) == ["RescanQueue", "ScanQueue"]
    for queue in queues:
        assert template["Resources"][queue]["Properties"]["VisibilityTimeout"] >= 6 * scan["Timeout"], queue


def test_a_scan_batch_fits_the_scan_timeout_even_when_every_fetch_and_render_runs_to_its_deadline(
    template: dict[str, Any],
) -> None:
    scan = _functions(template)["ScanFunction"]["Properties"]
    source = scan["Events"]["ScanQueueEvent"]["Properties"]
    env = {k: str(v) for k, v in scan["Environment"]["Variables"].items() if k.startswith("LINKSCAN_")}
    fetch, render = FetchSettings.from_env(env), RenderSettings.from_env(env)
    assert render.mode == "lambda"
    batch_ms = source["BatchSize"] * scan_budget_ms(fetch, render)
    assert batch_ms < scan["Timeout"] * 1000
    visibility = template["Resources"]["ScanQueue"]["Properties"]["VisibilityTimeout"]
    assert visibility >= 6 * scan["Timeout"] >= scan["Timeout"] + source["MaximumBatchingWindowInSeconds"]


def test_scan_queue_has_a_dead_letter_queue_after_a_few_receives(template: dict[str, Any]) -> None:
    redrive = template["Resources"]["ScanQueue"]["Properties"]["RedrivePolicy"]
    assert 2 <= redrive["maxReceiveCount"] <= 5


def test_the_scan_function_knows_which_delivery_is_the_last(template: dict[str, Any]) -> None:
    redrive = template["Resources"]["ScanQueue"]["Properties"]["RedrivePolicy"]
    scan_env = _functions(template)["ScanFunction"]["Properties"]["Environment"]["Variables"]
    assert scan_env["SCAN_MAX_RECEIVES"] == redrive["maxReceiveCount"]


def test_event_sources_report_partial_batch_failures(template: dict[str, Any]) -> None:
    functions = _functions(template)
    sqs = functions["ScanFunction"]["Properties"]["Events"]["ScanQueueEvent"]["Properties"]
    stream = functions["PublishFunction"]["Properties"]["Events"]["VerdictChanges"]["Properties"]
    assert sqs["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert stream["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert stream["StartingPosition"] in {"TRIM_HORIZON", "LATEST"}
    pattern = json.loads(stream["FilterCriteria"]["Filters"][0]["Pattern"])
    assert pattern == {"dynamodb": {"Keys": {"SK": {"S": ["CURRENT"]}}}}


def test_publisher_is_a_single_writer(template: dict[str, Any]) -> None:
    assert _functions(template)["PublishFunction"]["Properties"]["ReservedConcurrentExecutions"] == 1


def test_no_policy_grants_every_resource(template: dict[str, Any]) -> None:
    text = (ROOT / "template.yaml").read_text(encoding="utf-8")
    assert 'Resource: "*"' not in text and "Resource: '*'" not in text
    for name, function in _functions(template).items():
        for policy in function["Properties"].get("Policies", []):
            assert not isinstance(policy, str), f"{name} uses a managed policy {policy}; scope it instead"


def test_lookup_function_cannot_write_or_read_the_scanner_data(template: dict[str, Any]) -> None:
    lookup = _functions(template)["LookupFunction"]["Properties"]["Policies"]
    statements = [statement for policy in lookup for statement in policy["Statement"]]
    actions = {a for statement in statements for a in statement["Action"]}
    assert actions == {"dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "s3:GetObject"}
    # S3: only what the hash-prefix filter reads (the manifest, prefix files and diffs), not every object
    s3_resources = [r for s in statements if "s3:GetObject" in s["Action"] for r in s["Resource"]]
    assert [r.value.split("}", 1)[1] for r in s3_resources] == [
        "/manifest.json",
        "/v/*/prefixes.bin",
        "/v/*/diff.json",
    ]


def test_public_routes_are_exactly_lookup_hashes_appeals_reports_and_openapi(template: dict[str, Any]) -> None:
    public = {(r.method, r.path) for r in routes(template) if r.auth == "NONE"}
    assert public == {
        ("GET", "/v1/lookup"),
        ("POST", "/v1/lookup"),
        ("GET", "/v1/hashes/{prefix}"),
        ("GET", "/v1/openapi.json"),
        ("POST", "/v1/appeals"),
        ("GET", "/v1/appeals/{appeal_id}"),
        ("POST", "/v1/reports"),
    }
    private = {(r.method, r.path) for r in routes(template) if r.auth == "AWS_IAM"}
    assert ("PUT", "/v1/targets/{id}/decision") in private and ("POST", "/v1/submissions") in private


def test_every_function_code_uri_has_its_handler(template: dict[str, Any]) -> None:
    for name, function in _functions(template).items():
        props = function["Properties"]
        module = props["Handler"].split(".")[0]
        assert (ROOT / props["CodeUri"] / f"{module}.py").is_file(), name


def test_every_event_file_is_used_by_a_test() -> None:
    tests_text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    # Parametrized tests name events by scenario: load_event(f"api_submit_miniprogram_{scenario}.json").
    templates = re.findall(r'load_event\(f"([a-z_]+)\{', tests_text)

    def used(name: str) -> bool:
        if name in tests_text:
            return True
        stem = name.removesuffix(".json")
        return any(stem.startswith(t) and f'"{stem.removeprefix(t)}"' in tests_text for t in templates)

    unused = [p.name for p in sorted((ROOT / "events").glob("*.json")) if not used(p.name)]
    assert unused == []


def test_the_evidence_bucket_refuses_every_request_without_tls(template: dict[str, Any]) -> None:
    policies = resources_of(template, "AWS::S3::BucketPolicy")
    (policy,) = [p for p in policies.values() if p["Properties"]["Bucket"].value == "EvidenceBucket"]
    (deny,) = [s for s in policy["Properties"]["PolicyDocument"]["Statement"] if s["Effect"] == "Deny"]
    assert deny["Principal"] == "*" and deny["Action"] == "s3:*"
    assert deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    assert [r.value for r in deny["Resource"]] == ["EvidenceBucket.Arn", "${EvidenceBucket.Arn}/*"]


def test_api_requests_are_access_logged_to_a_log_group_with_retention(template: dict[str, Any]) -> None:
    (api,) = resources_of(template, "AWS::Serverless::Api").values()
    setting = api["Properties"]["AccessLogSetting"]
    group = setting["DestinationArn"].value.split(".")[0]
    assert template["Resources"][group]["Type"] == "AWS::Logs::LogGroup"
    assert "RetentionInDays" in template["Resources"][group]["Properties"]
    logged = json.loads(setting["Format"])
    assert {"requestId", "ip", "caller", "status"} <= logged.keys()


def test_the_optional_per_client_limit_covers_every_public_route(template: dict[str, Any]) -> None:
    acl = template["Resources"]["PublicRateLimitWebAcl"]
    assert acl["Condition"] == "PerClientRateLimit"
    assert template["Resources"]["PublicRateLimitAssociation"]["Condition"] == "PerClientRateLimit"
    (rule,) = acl["Properties"]["Rules"]
    rate = rule["Statement"]["RateBasedStatement"]
    assert rate["AggregateKeyType"] == "IP" and "Block" in rule["Action"]
    searched = [
        s["ByteMatchStatement"]["SearchString"] for s in rate["ScopeDownStatement"]["OrStatement"]["Statements"]
    ]
    public = {r.path for r in routes(template) if r.auth == "NONE"}
    assert all(any(p.split("{")[0].startswith(s) or s in p for s in searched) for p in public), (public, searched)


@pytest.mark.parametrize("kind", ["DEFAULT_4XX", "DEFAULT_5XX"])
def test_the_gateways_own_errors_have_the_apis_error_shape(template: dict[str, Any], kind: str) -> None:
    api = resources_of(template, "AWS::Serverless::Api")["LinkscanApi"]["Properties"]
    response = api["GatewayResponses"][kind]
    body = response["ResponseTemplates"]["application/json"]
    # API Gateway fills these in; messageString arrives quoted, as a JSON string
    filled = body.replace("$context.error.responseType", "MISSING_AUTHENTICATION_TOKEN").replace(
        "$context.error.messageString", json.dumps("Missing Authentication Token")
    )
    assert json.loads(filled) == {
        "error": "MISSING_AUTHENTICATION_TOKEN",
        "message": "Missing Authentication Token",
        "field": None,
        "details": [],
    }
    assert response["ResponseParameters"]["Headers"]["Access-Control-Allow-Origin"] == "'*'"  # the public page reads it
