"""Fixtures for every suite: fake AWS credentials so nothing can reach a real account."""

from __future__ import annotations

import os

# Set before any boto3 client exists: tests must never touch a real AWS account.
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_SESSION_TOKEN", "testing")
os.environ["AWS_DEFAULT_REGION"] = "us-east-1"
os.environ.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "Linkscan")
os.environ.setdefault("POWERTOOLS_DEV", "false")
