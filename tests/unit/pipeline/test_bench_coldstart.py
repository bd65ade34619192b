"""The cold-start benchmark starts each function with the environment the template gives it."""

from __future__ import annotations

import pytest

from devstack.bench_coldstart import FUNCTIONS, function_environment
from linkscan.settings import ServiceSettings


@pytest.mark.parametrize("logical_id", FUNCTIONS.values())
def test_each_function_environment_is_plain_text_its_settings_accept(logical_id: str) -> None:
    env = function_environment(logical_id)

    assert all(isinstance(value, str) and value for value in env.values())
    ServiceSettings.from_env(env)  # a !Ref left unresolved would fail here (numbers, thresholds)


def test_the_lookup_function_runs_without_the_xray_sdk() -> None:
    assert function_environment("LookupFunction")["POWERTOOLS_TRACE_DISABLED"] == "true"
