"""One Logger, Tracer and Metrics for every handler, so all functions log and measure alike."""

from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics, Tracer

SERVICE = "linkscan"
NAMESPACE = "Linkscan"

logger = Logger(service=SERVICE)
tracer = Tracer(service=SERVICE)
metrics = Metrics(namespace=NAMESPACE, service=SERVICE)
