"""Read template.yaml: the local stack builds exactly what the template declares, from the template itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "template.yaml"


class _Tag:
    """A CloudFormation intrinsic (!Ref, !Sub, !GetAtt...) kept as data until resolved."""

    def __init__(self, name: str, value: Any) -> None:
        self.name, self.value = name, value


class _Loader(yaml.SafeLoader):
    pass


def _construct(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tag:
    if isinstance(node, yaml.ScalarNode):
        return _Tag(suffix, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tag(suffix, loader.construct_sequence(node, deep=True))
    return _Tag(suffix, loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _construct)


def load_template(path: Path = TEMPLATE) -> dict[str, Any]:
    data: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    return data


@dataclass
class FunctionSpec:
    logical_id: str
    code_uri: str
    handler: str
    environment: dict[str, str]
    events: dict[str, dict[str, Any]] = field(default_factory=dict)
    timeout_s: int = 3  # Lambda's own default

    @property
    def directory(self) -> Path:
        return ROOT / self.code_uri


@dataclass
class Route:
    method: str
    path: str  # API Gateway resource path, e.g. /v1/submissions/{id}
    function: str
    auth: str  # "AWS_IAM" or "NONE"

    @property
    def pattern(self) -> re.Pattern[str]:
        regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(self.path))
        return re.compile(f"^{regex}$")


class Resolver:
    """Resolves intrinsics against local physical names and attributes."""

    def __init__(self, template: dict[str, Any], physical: dict[str, dict[str, str]], parameters: dict[str, str]):
        self.template, self.physical, self.parameters = template, physical, parameters

    def ref(self, name: str) -> str:
        if name in self.parameters:
            return self.parameters[name]
        if name == "AWS::Region":
            return "us-east-1"
        if name == "AWS::AccountId":
            return "123456789012"
        return self.physical[name]["Ref"]

    def get_att(self, name: str, attribute: str) -> str:
        return self.physical[name][attribute]

    def resolve(self, value: Any) -> Any:
        if isinstance(value, _Tag):
            if value.name == "Ref":
                return self.ref(value.value)
            if value.name == "GetAtt":
                parts = value.value.split(".", 1) if isinstance(value.value, str) else value.value
                return self.get_att(parts[0], parts[1])
            if value.name == "Sub":
                text, variables = (value.value, {}) if isinstance(value.value, str) else value.value
                return re.sub(r"\$\{([^}]+)\}", lambda m: self._sub_var(m.group(1), variables), text)
            if value.name == "Select":
                index, items = value.value
                return self.resolve(items)[int(index)]
            raise ValueError(f"unsupported intrinsic !{value.name}")
        if isinstance(value, dict):
            return {k: self.resolve(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        return value

    def _sub_var(self, name: str, variables: dict[str, Any]) -> str:
        if name in variables:
            return str(self.resolve(variables[name]))
        if "." in name:
            logical, attribute = name.split(".", 1)
            return self.get_att(logical, attribute)
        return self.ref(name)


def parameters(template: dict[str, Any], overrides: dict[str, str] | None = None) -> dict[str, str]:
    values = {name: str(spec.get("Default", "")) for name, spec in template.get("Parameters", {}).items()}
    return values | (overrides or {})


def resources_of(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: res for name, res in template["Resources"].items() if res["Type"] == kind}


def functions(template: dict[str, Any], resolver: Resolver) -> dict[str, FunctionSpec]:
    globals_function = template.get("Globals", {}).get("Function", {})
    globals_env = globals_function.get("Environment", {}).get("Variables", {})
    specs: dict[str, FunctionSpec] = {}
    for name, res in resources_of(template, "AWS::Serverless::Function").items():
        props = res["Properties"]
        env = {**globals_env, **props.get("Environment", {}).get("Variables", {})}
        specs[name] = FunctionSpec(
            logical_id=name,
            code_uri=props["CodeUri"],
            handler=props["Handler"],
            environment={k: str(resolver.resolve(v)) for k, v in env.items()},
            events=props.get("Events", {}),
            timeout_s=int(props.get("Timeout", globals_function.get("Timeout", 3))),
        )
    return specs


def routes(template: dict[str, Any]) -> list[Route]:
    default_auth = (
        next(iter(resources_of(template, "AWS::Serverless::Api").values()), {})
        .get("Properties", {})
        .get("Auth", {})
        .get("DefaultAuthorizer", "NONE")
    )
    found: list[Route] = []
    for name, res in resources_of(template, "AWS::Serverless::Function").items():
        for event in res["Properties"].get("Events", {}).values():
            if event["Type"] != "Api":
                continue
            props = event["Properties"]
            auth = props.get("Auth", {}).get("Authorizer", default_auth)
            found.append(Route(props["Method"].upper(), props["Path"], name, auth))
    return found
