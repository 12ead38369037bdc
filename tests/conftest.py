"""Shared fixtures: temporary stores and the AppTest environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.factories import make_store

DEMO_EMPLOYEES = 3000

# Machines are shared and noisy: no per-example deadline, no "too slow" health check.
settings.register_profile(
    "talenta", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.load_profile("talenta")


@pytest.fixture
def store(tmp_path: Path):
    """A new store with only reference data, in a temporary folder."""
    db = make_store(tmp_path / "t.duckdb")
    yield db
    db.close()


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory) -> Path:
    """A small demo store (3,000 employees, seed 7) built once per test session."""
    from analytics.demo import build
    from analytics.reference import open_store

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    db = open_store(path)
    build(db, employees=DEMO_EMPLOYEES, seed=7)
    db.close()
    return path


@pytest.fixture
def app_env(demo_db_path: Path, monkeypatch):
    """Environment for AppTest runs against the small demo store."""
    monkeypatch.setenv("TALENTA_DB", str(demo_db_path))
    monkeypatch.setenv("TALENTA_NO_DEMO", "1")
    monkeypatch.setenv("TALENTA_AUTH", "off")
    monkeypatch.setenv("TALENTA_MODE", "demo")  # sign-in may be off only in a local demo
    yield demo_db_path


def pytest_addoption(parser):
    """Opt-in switch for the browser suite (tests/browser; see tests/browser/conftest.py)."""
    parser.addoption(
        "--browser-tests",
        action="store_true",
        default=False,
        help="run the end-to-end tests in headless Chromium (or set RUN_BROWSER_TESTS=1)",
    )
