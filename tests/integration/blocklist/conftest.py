"""moto-backed main table, blocklist table and bucket; the publish and lookup handlers loaded fresh."""

from __future__ import annotations

import os
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import boto3
import pytest
from moto import mock_aws

from devstack.template import load_template
from linkscan.storage import client, reset_clients
from linkscan.storage.blocklist import create_blocklist_table
from linkscan.storage.records import Records
from tests.support import LambdaContext, load_event, load_handler

MAIN_TABLE = "linkscan-test"
BLOCKLIST_TABLE = "linkscan-blocklist-test"
BUCKET = "linkscan-blocklist-test"
# The main table exactly as the template declares it (with GSI1), for tests of the storage itself.
TEMPLATE_TABLE = "linkscan-template-table"


def create_resources() -> None:
    dynamodb = boto3.client("dynamodb")
    dynamodb.create_table(
        TableName=MAIN_TABLE,
        KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "PK", "AttributeType": "S"},
            {"AttributeName": "SK", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    create_blocklist_table(BLOCKLIST_TABLE)
    boto3.client("s3").create_bucket(Bucket=BUCKET)


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TABLE_NAME", MAIN_TABLE)
    monkeypatch.setenv("BLOCKLIST_TABLE_NAME", BLOCKLIST_TABLE)
    monkeypatch.setenv("BLOCKLIST_BUCKET", BUCKET)
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://api.linkscan.example")
    for name in [k for k in os.environ if k.startswith("AWS_ENDPOINT_URL")]:
        monkeypatch.delenv(name)
    with mock_aws():
        reset_clients()
        create_resources()
        yield
    reset_clients()


@pytest.fixture
def records() -> Iterator[Records]:
    with mock_aws():
        reset_clients()
        props = load_template()["Resources"]["LinkscanTable"]["Properties"]
        client("dynamodb").create_table(
            TableName=TEMPLATE_TABLE,
            **{
                key: props[key]
                for key in ("AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes", "BillingMode")
            },
        )
        yield Records(TEMPLATE_TABLE)
    reset_clients()


@pytest.fixture
def publish(aws: None) -> ModuleType:
    return load_handler("publish")


@pytest.fixture
def lookup(aws: None) -> ModuleType:
    return load_handler("lookup")


def invoke(module: ModuleType, event: dict[str, Any]) -> Any:
    return module.handler(event, LambdaContext())


def s3_text(key: str) -> str:
    body: bytes = boto3.client("s3").get_object(Bucket=BUCKET, Key=key)["Body"].read()
    return body.decode("utf-8")


__all__ = ["BUCKET", "invoke", "load_event", "s3_text"]
