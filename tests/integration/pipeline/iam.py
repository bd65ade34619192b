"""Every AWS call a handler makes, checked against its function's policies in template.yaml.

botocore's ``before-parameter-build`` event on the default session sees each call of every client the
handlers create, with the caller's parameters (``before-call`` sees the serialized request instead);
calls are attributed to the function the local stack is invoking. SAM policy templates
(``SQSSendMessagePolicy``...) are expanded from ``sam_policy_templates.json``, their definitions as
aws-sam-translator ships them (see its ``_source``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from devstack.stack import ACCOUNT, REGION, LocalStack

SAM_TEMPLATES = json.loads((Path(__file__).with_name("sam_policy_templates.json")).read_text())["Templates"]

# Operations whose IAM action is not named like the operation.
_ACTIONS = {
    ("s3", "ListObjectsV2"): "ListBucket",
    ("s3", "ListObjects"): "ListBucket",
    ("s3", "HeadObject"): "GetObject",
    ("s3", "HeadBucket"): "ListBucket",
    ("sqs", "SendMessageBatch"): "SendMessage",
    ("sqs", "DeleteMessageBatch"): "DeleteMessage",
    ("sqs", "ChangeMessageVisibilityBatch"): "ChangeMessageVisibility",
}


@dataclass(frozen=True)
class Call:
    function: str
    action: str  # e.g. dynamodb:BatchWriteItem
    resource: str  # the ARN the call acts on


@dataclass(frozen=True)
class Grant:
    function: str
    action: str  # may hold wildcards, as in the policy
    resource: str

    def allows(self, call: Call) -> bool:
        return fnmatchcase(call.action, self.action) and fnmatchcase(call.resource, self.resource)


def _table_arn(name: str, index: str | None = None) -> str:
    arn = f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{name}"
    return f"{arn}/index/{index}" if index else arn


def _resources(service: str, operation: str, params: Mapping[str, Any]) -> list[str]:
    """The ARNs one call acts on, as IAM evaluates them."""
    if service == "dynamodb":
        if "RequestItems" in params:
            return [_table_arn(name) for name in params["RequestItems"]]
        if "TransactItems" in params:
            return [_table_arn(next(iter(item.values()))["TableName"]) for item in params["TransactItems"]]
        return [_table_arn(params["TableName"], params.get("IndexName"))]
    if service == "s3":
        if "Key" in params:
            return [f"arn:aws:s3:::{params['Bucket']}/{params['Key']}"]
        return [f"arn:aws:s3:::{params['Bucket']}"]
    if service == "sqs":
        name = urlsplit(params["QueueUrl"]).path.rstrip("/").rsplit("/", 1)[-1] if "QueueUrl" in params else ""
        return [f"arn:aws:sqs:{REGION}:{ACCOUNT}:{name or params.get('QueueName', '')}"]
    if service == "events" and "Entries" in params:
        buses = {entry.get("EventBusName", "default") for entry in params["Entries"]}
        return [f"arn:aws:events:{REGION}:{ACCOUNT}:event-bus/{bus}" for bus in sorted(buses)]
    return ["*"]


class CallRecorder:
    """Records (function, action, resource) for each AWS call made while the stack invokes a function."""

    def __init__(self, stack: LocalStack) -> None:
        self.stack = stack
        self.calls: list[Call] = []

    def install(self, session: Any) -> None:
        """Register on a boto3 session: clients created afterwards report their calls."""
        session.events.register("before-parameter-build", self._before_call, unique_id="linkscan-iam-recorder")

    def _before_call(self, model: Any, params: Mapping[str, Any], **_: Any) -> None:
        function = self.stack.invoking
        if function is None:
            return  # the test's own calls, or the local stack driving event sources
        service = model.service_model.signing_name
        operation = model.name
        action = f"{service}:{_ACTIONS.get((service, operation), operation)}"
        try:
            if (service, operation) == ("s3", "CopyObject"):  # IAM checks a read of the source, a write here
                source = params["CopySource"]
                source = source if isinstance(source, str) else f"{source['Bucket']}/{source['Key']}"
                self.calls.append(Call(function, "s3:GetObject", f"arn:aws:s3:::{source.lstrip('/')}"))
                action = "s3:PutObject"
            resources = _resources(service, operation, params)
        except (KeyError, TypeError, StopIteration):
            resources = [f"<unparsed {operation} call>"]  # never break the handler; no grant matches this
        for resource in resources:
            self.calls.append(Call(function, action, resource))


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _sam_sub(value: Any, arguments: Mapping[str, str]) -> str:
    """A SAM policy template's Fn::Sub, with its ${name} variables bound to the template's arguments."""
    text, variables = value["Fn::Sub"]
    bound = {name: arguments[ref["Ref"]] for name, ref in variables.items()}
    bound |= {"AWS::Partition": "aws", "AWS::Region": REGION, "AWS::AccountId": ACCOUNT}
    return re.sub(r"\$\{([^}]+)\}", lambda m: bound[m.group(1)], text)


def grants(stack: LocalStack) -> list[Grant]:
    """Every (action, resource) each function's Policies allow, intrinsics resolved against the local stack."""
    found: list[Grant] = []
    for name, resource in stack.template["Resources"].items():
        if resource["Type"] != "AWS::Serverless::Function":
            continue
        for policy in resource["Properties"].get("Policies", []):
            for statement in _statements(stack, policy):
                if statement.get("Effect", "Allow") != "Allow":
                    continue
                for action in _as_list(statement["Action"]):
                    for arn in _as_list(statement["Resource"]):
                        found.append(Grant(name, action, arn))
    return found


def _statements(stack: LocalStack, policy: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    if "Statement" in policy:
        for statement in stack.resolver.resolve(policy["Statement"]):
            yield statement
        return
    ((template_name, arguments),) = policy.items()
    bound = {key: str(stack.resolver.resolve(value)) for key, value in arguments.items()}
    for statement in SAM_TEMPLATES[template_name]["Definition"]["Statement"]:
        yield {**statement, "Resource": [_sam_sub(r, bound) for r in _as_list(statement["Resource"])]}


def missing_grants(calls: Iterable[Call], allowed: list[Grant]) -> list[Call]:
    """Calls no statement of their own function allows: each would be AccessDenied on AWS."""
    return sorted(
        {c for c in calls if not any(g.function == c.function and g.allows(c) for g in allowed)},
        key=lambda c: (c.function, c.action, c.resource),
    )


def unused_grants(calls: Iterable[Call], allowed: list[Grant]) -> list[Grant]:
    """Grants no recorded call needed (least privilege: candidates to drop, or paths the run missed)."""
    made = list(calls)
    return [g for g in allowed if not any(g.function == c.function and g.allows(c) for c in made)]
