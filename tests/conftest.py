"""Shared pytest configuration: fixture files and hypothesis profiles."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent
REPORT_TEXT = ROOT / "crates" / "planwatch" / "data" / "ndrc-plan-report-2024.txt"

settings.register_profile(
    "default", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "default")


def load_cases(name: str) -> list[dict[str, Any]]:
    """The `cases` of a shared JSON fixture file."""
    with open(FIXTURES / name, encoding="utf-8") as f:
        cases: list[dict[str, Any]] = json.load(f)["cases"]
    return cases


def case_id(case: dict[str, Any]) -> str:
    return repr(case.get("input", case.get("id", "?")))
