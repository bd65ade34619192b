"""One Logger, Tracer and Metrics for every handler, so all functions log and measure alike.

The tracer is lazy: powertools' Tracer imports the X-Ray SDK (the largest single import of a handler)
and opens its UDP emitter, so it is built at the first traced call, and only where tracing is on.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from aws_lambda_powertools import Logger, Metrics

if TYPE_CHECKING:
    from aws_lambda_powertools import Tracer

SERVICE = "linkscan"
NAMESPACE = "Linkscan"

Traced = TypeVar("Traced", bound=Callable[..., Any])


def tracing_enabled(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Tracing runs in Lambda (not under `sam local`) unless POWERTOOLS_TRACE_DISABLED says otherwise."""
    disabled = environ.get("POWERTOOLS_TRACE_DISABLED", "false").strip().lower() in ("1", "true", "yes", "on")
    in_lambda = bool(environ.get("LAMBDA_TASK_ROOT")) and not environ.get("AWS_SAM_LOCAL")
    return in_lambda and not disabled


class LazyTracer:
    """The decorators of powertools' Tracer; the Tracer itself is built by the first decorated call."""

    def __init__(self, service: str) -> None:
        self.service = service
        self._tracer: Tracer | None = None
        self._decided = False
        self._wrapped: dict[tuple[str, Callable[..., Any]], Callable[..., Any]] = {}

    def real(self) -> Tracer | None:
        """The powertools Tracer, or None where tracing is off (then no X-Ray code is ever imported)."""
        if not self._decided:
            if tracing_enabled():
                from aws_lambda_powertools import Tracer

                self._tracer = Tracer(service=self.service)
            self._decided = True
        return self._tracer

    def _traced(self, kind: str, function: Callable[..., Any]) -> Callable[..., Any]:
        real = self.real()
        if real is None:
            return function
        key = (kind, function)
        if key not in self._wrapped:
            decorate = real.capture_lambda_handler if kind == "handler" else real.capture_method
            self._wrapped[key] = decorate(function)
        return self._wrapped[key]

    def capture_lambda_handler(self, handler: Traced) -> Traced:
        @functools.wraps(handler)
        def traced_handler(event: Any, context: Any) -> Any:
            return self._traced("handler", handler)(event, context)

        return traced_handler  # type: ignore[return-value]

    def capture_method(self, method: Traced) -> Traced:
        @functools.wraps(method)
        def traced_method(*args: Any, **kwargs: Any) -> Any:
            return self._traced("method", method)(*args, **kwargs)

        return traced_method  # type: ignore[return-value]


logger = Logger(service=SERVICE)
tracer = LazyTracer(service=SERVICE)
metrics = Metrics(namespace=NAMESPACE, service=SERVICE)
