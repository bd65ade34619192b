"""The embedded local stack: moto's server as AWS, the template's resources, handlers run in-process.

Event sources are driven the way Lambda drives them: SQS batches with partial-failure responses, DynamoDB
stream records with the template's filter criteria, API Gateway proxy events for HTTP requests.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import logging
import os
import socket
import sys
import threading
import time
import uuid
from collections.abc import Callable
from types import ModuleType
from typing import Any

from devstack.template import FunctionSpec, Resolver, functions, load_template, parameters, resources_of

REGION = "us-east-1"
ACCOUNT = "123456789012"


def use_local_aws(endpoint: str | None) -> None:
    """Point this process's boto3 at the local stack: moto's address (None: moto in-process), made-up
    credentials, and the region the stack's resources are created in, whatever the user's shell says."""
    from linkscan.storage import reset_clients

    if endpoint:
        os.environ["AWS_ENDPOINT_URL"] = endpoint
    else:
        os.environ.pop("AWS_ENDPOINT_URL", None)
    os.environ.update(
        {
            "AWS_ACCESS_KEY_ID": "local",
            "AWS_SECRET_ACCESS_KEY": "local",
            "AWS_DEFAULT_REGION": REGION,
            "AWS_REGION": REGION,
        }
    )
    os.environ.pop("AWS_SESSION_TOKEN", None)
    os.environ.pop("AWS_PROFILE", None)
    reset_clients()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LambdaContext:
    def __init__(self, name: str, timeout_s: int = 60) -> None:
        self.function_name = name
        self.function_version = "$LATEST"
        self.invoked_function_arn = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{name}"
        self.memory_limit_in_mb = 512
        self.aws_request_id = str(uuid.uuid4())
        self.log_group_name = f"/aws/lambda/{name}"
        self.log_stream_name = "local"
        self._deadline = time.monotonic() + timeout_s

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def matches_filter(pattern: Any, value: Any) -> bool:
    """The subset of Lambda event-filter patterns the template uses: nested keys and lists of values."""
    if isinstance(pattern, list):
        return value in pattern
    if isinstance(pattern, dict):
        return isinstance(value, dict) and all(matches_filter(p, value.get(k)) for k, p in pattern.items())
    return bool(pattern == value)


def _moto_server(port: int) -> Any:
    """moto's threaded server, with DynamoDB requests applied one at a time.

    DynamoDB applies each request atomically and isolates transactions from each other. moto does not:
    a failing transaction restores a copy of the table taken when it began, undoing what a concurrent
    request wrote meanwhile. Serializing DynamoDB requests restores what the service guarantees, so
    concurrent deliveries behave locally as they do on AWS.
    """
    from moto.moto_server.threaded_moto_server import ThreadedMotoServer
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
    from werkzeug.serving import make_server

    backend = DomainDispatcherApplication(create_backend_app)
    dynamodb = threading.Lock()

    def app(environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB_"):
            with dynamodb:
                return list(backend(environ, start_response))
        return backend(environ, start_response)

    class Server(ThreadedMotoServer):
        def _server_entry(self) -> None:
            self._server = make_server(self._ip_address, self._port, app, True, request_handler=MotoRequestHandler)
            self._server_ready_event.set()
            self._server.serve_forever()

    return Server(ip_address="127.0.0.1", port=port, verbose=False)


class LocalStack:
    """moto server + the template's tables, queues and buckets + every function's handler, in one process."""

    def __init__(self, *, stage: str = "local", extra_env: dict[str, str] | None = None, quiet: bool = False) -> None:
        self.stage = stage
        self.quiet = quiet  # swallow what handlers print (metrics EMF lines) to keep the demo readable
        self.extra_env = extra_env or {}
        self.template = load_template()
        self.params = parameters(self.template, {"Stage": stage})
        self.physical: dict[str, dict[str, str]] = {}
        self.specs: dict[str, FunctionSpec] = {}
        self.handlers: dict[str, Callable[[dict[str, Any], Any], Any]] = {}
        self.modules: dict[str, ModuleType] = {}
        self.server: Any = None
        self.endpoint = ""
        self._stream_iterators: dict[str, str] = {}
        self.lock = threading.RLock()
        self.invocations: dict[str, int] = {}
        self.invoking: str | None = None  # the function whose handler runs now (tests attribute AWS calls)

    # ------------------------------------------------------------------ lifecycle
    def start(self, *, in_process: bool = False) -> LocalStack:
        """Start moto's server on loopback, or (in_process=True, inside `moto.mock_aws`) use moto in-process."""
        if not in_process:
            logging.getLogger("werkzeug").setLevel(logging.ERROR)
            port = free_port()
            self.server = _moto_server(port)
            self.server.start()
            self.endpoint = f"http://127.0.0.1:{port}"
        os.environ.update({"POWERTOOLS_TRACE_DISABLED": "true", "POWERTOOLS_METRICS_DISABLED": "true"})
        use_local_aws(self.endpoint or None)
        self._create_resources()
        self._load_functions()
        return self

    def reset(self) -> None:
        """Wipe moto's state and create the template's resources again (between tests)."""
        import requests

        requests.post(f"{self.endpoint}/moto-api/reset", timeout=10)
        self._stream_iterators.clear()
        self.invocations.clear()
        self._create_resources()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def __enter__(self) -> LocalStack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def client(self, service: str) -> Any:
        import boto3

        return boto3.client(service, region_name=REGION, endpoint_url=self.endpoint or None)  # type: ignore[call-overload]

    # ------------------------------------------------------------------ resources from the template
    def _name(self, logical_id: str) -> str:
        return f"linkscan-{self.stage}-{logical_id.lower()}"

    def _create_resources(self) -> None:
        self.physical["LinkscanApi"] = {"Ref": "localapi"}
        for name in resources_of(self.template, "AWS::Serverless::LayerVersion"):
            self.physical[name] = {"Ref": f"arn:aws:lambda:{REGION}:{ACCOUNT}:layer:{name}:1"}
        # Functions are run in-process, never looked up; a function's name is all another one is given.
        for name in resources_of(self.template, "AWS::Serverless::Function"):
            arn = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{self._name(name)}"
            self.physical[name] = {"Ref": self._name(name), "Arn": arn}
        resolver = Resolver(self.template, self.physical, self.params)
        s3 = self.client("s3")
        for name in resources_of(self.template, "AWS::S3::Bucket"):
            bucket = self._name(name)
            s3.create_bucket(Bucket=bucket)
            self.physical[name] = {
                "Ref": bucket,
                "Arn": f"arn:aws:s3:::{bucket}",
                "RegionalDomainName": f"{bucket}.s3.{REGION}.amazonaws.com",
            }
        sqs = self.client("sqs")
        queues = resources_of(self.template, "AWS::SQS::Queue")
        # Dead-letter queues first: the others' redrive policies name them.
        for name in sorted(queues, key=lambda n: "RedrivePolicy" in queues[n]["Properties"]):
            props = queues[name]["Properties"]
            attributes = {
                "VisibilityTimeout": str(props.get("VisibilityTimeout", 30)),
                "MessageRetentionPeriod": str(props.get("MessageRetentionPeriod", 345600)),
            }
            if "RedrivePolicy" in props:
                attributes["RedrivePolicy"] = json.dumps(resolver.resolve(props["RedrivePolicy"]))
            queue_name = resolver.resolve(props["QueueName"])
            url = sqs.create_queue(QueueName=queue_name, Attributes=attributes)["QueueUrl"]
            arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
            self.physical[name] = {"Ref": url, "Arn": arn, "QueueName": queue_name}
        dynamodb = self.client("dynamodb")
        for name, res in resources_of(self.template, "AWS::DynamoDB::Table").items():
            props = resolver.resolve(res["Properties"])
            kwargs = {key: props[key] for key in ("TableName", "AttributeDefinitions", "KeySchema", "BillingMode")}
            if "GlobalSecondaryIndexes" in props:
                kwargs["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
            if "StreamSpecification" in props:
                kwargs["StreamSpecification"] = {"StreamEnabled": True, **props["StreamSpecification"]}
            table = dynamodb.create_table(**kwargs)["TableDescription"]
            self.physical[name] = {
                "Ref": table["TableName"],
                "Arn": table["TableArn"],
                "StreamArn": table.get("LatestStreamArn", ""),
            }
        self._create_event_buses(resolver)
        self.resolver = resolver

    def _create_event_buses(self, resolver: Resolver) -> None:
        """Event buses and their rules; moto delivers a rule's events to its SQS targets as EventBridge does."""
        events = self.client("events")
        for name, res in resources_of(self.template, "AWS::Events::EventBus").items():
            bus = resolver.resolve(res["Properties"]["Name"])
            arn = events.create_event_bus(Name=bus)["EventBusArn"]
            self.physical[name] = {"Ref": bus, "Arn": arn, "Name": bus}
        for name, res in resources_of(self.template, "AWS::Events::Rule").items():
            props = resolver.resolve(res["Properties"])
            arn = events.put_rule(
                Name=props["Name"], EventBusName=props["EventBusName"], EventPattern=json.dumps(props["EventPattern"])
            )["RuleArn"]
            targets = [{"Id": t["Id"], "Arn": t["Arn"]} for t in props.get("Targets", [])]
            events.put_targets(Rule=props["Name"], EventBusName=props["EventBusName"], Targets=targets)
            self.physical[name] = {"Ref": props["Name"], "Arn": arn}

    def _load_functions(self) -> None:
        self.specs = functions(self.template, self.resolver)
        # Every function's variables name the same resources, so one process environment serves them all.
        for spec in self.specs.values():
            os.environ.update(spec.environment)
        os.environ.update({"PUBLIC_BASE_URL": "", **self.extra_env})
        for name, spec in self.specs.items():
            module_name, attribute = spec.handler.rsplit(".", 1)
            path = spec.directory / f"{module_name}.py"
            module_id = f"linkscan_fn_{spec.directory.name}"
            loader_spec = importlib.util.spec_from_file_location(module_id, path)
            assert loader_spec and loader_spec.loader, path
            module = importlib.util.module_from_spec(loader_spec)
            sys.modules[module_id] = module
            loader_spec.loader.exec_module(module)
            self.modules[name] = module
            self.handlers[name] = getattr(module, attribute)

    # ------------------------------------------------------------------ invoking
    def invoke(self, function: str, event: dict[str, Any], context: Any = None) -> Any:
        """Run a function's handler with a context that counts down from the template's Timeout."""
        with self.lock:
            self.invocations[function] = self.invocations.get(function, 0) + 1
            spec = self.specs[function]
            context = context or LambdaContext(spec.code_uri, spec.timeout_s)
            self.invoking = function
            try:
                if not self.quiet:
                    return self.handlers[function](event, context)
                with contextlib.redirect_stdout(io.StringIO()):
                    return self.handlers[function](event, context)
            finally:
                self.invoking = None

    def sources(self, kind: str) -> list[tuple[str, dict[str, Any]]]:
        found = []
        for name, spec in self.specs.items():
            for event in spec.events.values():
                if event["Type"] == kind:
                    found.append((name, event["Properties"]))
        return found

    def pump_queues(self) -> int:
        """Deliver one round of SQS batches to their functions; delete what succeeded. Returns messages seen."""
        sqs = self.client("sqs")
        delivered = 0
        for function, props in self.sources("SQS"):
            queue_arn = self.resolver.resolve(props["Queue"])
            queue = next(p for p in self.physical.values() if p.get("Arn") == queue_arn)
            response = sqs.receive_message(
                QueueUrl=queue["Ref"],
                MaxNumberOfMessages=min(int(props.get("BatchSize", 10)), 10),
                AttributeNames=["All"],
                WaitTimeSeconds=0,
            )
            messages = response.get("Messages", [])
            if not messages:
                continue
            delivered += len(messages)
            event = {"Records": [self._sqs_record(message, queue_arn) for message in messages]}
            result = self.invoke(function, event) or {}
            failed = {item["itemIdentifier"] for item in result.get("batchItemFailures", [])}
            done = [m for m in messages if m["MessageId"] not in failed]
            if done:
                sqs.delete_message_batch(
                    QueueUrl=queue["Ref"],
                    Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(done)],
                )
        return delivered

    @staticmethod
    def _sqs_record(message: dict[str, Any], queue_arn: str) -> dict[str, Any]:
        return {
            "messageId": message["MessageId"],
            "receiptHandle": message["ReceiptHandle"],
            "body": message["Body"],
            "attributes": message.get("Attributes", {}),
            "messageAttributes": {},
            "md5OfBody": message.get("MD5OfBody", ""),
            "eventSource": "aws:sqs",
            "eventSourceARN": queue_arn,
            "awsRegion": REGION,
        }

    def pump_streams(self) -> int:
        """Deliver new DynamoDB stream records (after the template's filters) to their functions."""
        streams = self.client("dynamodbstreams")
        delivered = 0
        for function, props in self.sources("DynamoDB"):
            stream_arn = self.resolver.resolve(props["Stream"])
            patterns = [json.loads(f["Pattern"]) for f in props.get("FilterCriteria", {}).get("Filters", [])]
            records: list[dict[str, Any]] = []
            for shard in streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]["Shards"]:
                key = f"{function}|{stream_arn}|{shard['ShardId']}"  # each function reads the stream on its own
                iterator = (
                    self._stream_iterators.get(key)
                    or streams.get_shard_iterator(
                        StreamArn=stream_arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
                    )["ShardIterator"]
                )
                response = streams.get_records(ShardIterator=iterator, Limit=1000)
                self._stream_iterators[key] = response["NextShardIterator"]
                for raw in response["Records"]:
                    record = {**raw, "eventSourceARN": stream_arn}
                    if not patterns or any(matches_filter(p, record) for p in patterns):
                        records.append(record)
            batch_size = int(props.get("BatchSize", 100))
            for start in range(0, len(records), batch_size):
                self.invoke(function, {"Records": records[start : start + batch_size]})
            delivered += len(records)
        return delivered

    def drain(self, *, timeout_s: float = 60.0) -> None:
        """Run queue → scan → stream → publish until nothing is left to deliver."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.pump_queues() + self.pump_streams() == 0:
                return
        raise TimeoutError("the local stack did not settle in time")

    def run_schedules(self) -> None:
        for function, props in self.sources("Schedule"):
            self.invoke(function, scheduled_event(props.get("Schedule", "")))

    def pump_forever(self, stop: threading.Event, interval_s: float = 0.3) -> None:
        while not stop.is_set():
            try:
                if self.pump_queues() + self.pump_streams() == 0:
                    stop.wait(interval_s)
            except Exception:
                logging.getLogger("devstack").exception("event pump failed")
                stop.wait(interval_s)


def scheduled_event(schedule: str) -> dict[str, Any]:
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": ACCOUNT,
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "region": REGION,
        "resources": [f"arn:aws:events:{REGION}:{ACCOUNT}:rule/linkscan-{schedule}"],
        "detail": {},
    }
