"""Fixtures for the browser suite: a demo store built for the run, Streamlit servers on free
ports, Debian's /usr/bin/chromium through pytest-playwright, and a screenshot of every failure.

Opt-in: the tests run only with `--browser-tests` (option defined in tests/conftest.py) or
RUN_BROWSER_TESTS=1; otherwise they are reported as skipped.

Servers (session-scoped, started lazily, torn down at the end):
- `app`: the main server over the demo store (read by every journey, never written to);
- `app_writable`: a second server over a copy of the same store, for the upload journeys.
The test process never opens a store a server holds (DuckDB locks the file): expectations are
computed on `oracle`, a read-only copy taken before the servers start.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EMPLOYEES = int(os.environ.get("E2E_EMPLOYEES", "3000"))
SEED = 11
MEETING_INSTANSI = 2  # Kabupaten Badung
FAILURES = ROOT / "test-artifacts" / "failures"
SERVER_START_TIMEOUT = 180
_PAGES = pytest.StashKey[list]()


# -- opt-in ------------------------------------------------------------------------------------
def _enabled(config: pytest.Config) -> bool:
    try:
        flag = config.getoption("--browser-tests")
    except ValueError:
        flag = False
    return bool(flag) or os.environ.get("RUN_BROWSER_TESTS") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    mine = [i for i in items if here in Path(str(i.path)).parents]
    for item in mine:
        item.add_marker(pytest.mark.browser)
    if _enabled(config):
        return
    skip = pytest.mark.skip(
        reason="browser tests are opt-in: --browser-tests or RUN_BROWSER_TESTS=1"
    )
    for item in mine:
        item.add_marker(skip)


# -- failure report with a screenshot ------------------------------------------------------------
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    outcome = yield
    rep = outcome.get_result()
    if rep.when != "call" or not rep.failed:
        return
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.name)
    pages = [p for p in item.stash.get(_PAGES, []) if not p.is_closed()]
    saved = []
    for i, page in enumerate(reversed(pages)):  # the most recent page first
        path = FAILURES / (f"{name}.png" if i == 0 else f"{name}.{i}.png")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(path), timeout=120_000, animations="disabled")
            saved.append(path)
        except Exception as exc:  # noqa: BLE001 - never hide the original failure
            rep.sections.append(("browser journey", f"screenshot failed: {exc}"))
    where = ", ".join(str(p.relative_to(ROOT)) for p in saved) or "(no page open)"
    url = pages[-1].url if pages else "-"
    doc = (
        (item.function.__doc__ or "").strip().splitlines()[0]
        if hasattr(item, "function") and item.function.__doc__
        else item.name
    )
    line = f"BROWSER JOURNEY FAILED: {item.nodeid} — {doc} — at {url} — screenshot: {where}"
    rep.sections.append(("browser journey", line))
    tr = item.config.pluginmanager.get_plugin("terminalreporter")
    if tr is not None:
        tr.write_line("")
        tr.write_line(line, red=True, bold=True)


# -- pytest-playwright: Debian's chromium, never a downloaded browser ----------------------------
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: apt-get install -y chromium chromium-driver")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


# -- the store built for the run -------------------------------------------------------------------
@dataclass(frozen=True)
class E2EData:
    main: Path  # served by `app`
    writable: Path  # served by `app_writable` (uploads)
    oracle: Path  # read-only copy for independent expectations
    meeting_id: int | None  # a meeting on Kabupaten Badung (None when meeting mode is absent)
    tahun: int


def _create_meeting(path: Path, tahun: int) -> int | None:
    try:
        from analytics import meeting as M
    except ImportError:
        return None
    from analytics.filters import LOCAL_ADMIN, Filter
    from analytics.reference import open_store

    db = open_store(path)
    try:
        return M.create_meeting(
            db,
            Filter(tahun=tahun),
            LOCAL_ADMIN,
            instansi_id=MEETING_INSTANSI,
            tahun=tahun,
            judul=f"Rapat Komite Talenta Kabupaten Badung {tahun}",
            tanggal=date(tahun, 11, 20),
            peserta=["Ketua Komite", "Sekretaris"],
        )
    finally:
        db.close()


@pytest.fixture(scope="session")
def e2e_data(tmp_path_factory) -> E2EData:
    base = tmp_path_factory.mktemp("e2e")
    main = base / "demo.duckdb"
    subprocess.run(
        [sys.executable, "-m", "analytics", "demo", "--employees", str(EMPLOYEES),
         "--seed", str(SEED), "--db", str(main)],
        cwd=ROOT, check=True, capture_output=True, timeout=900,
    )  # fmt: skip
    import duckdb

    con = duckdb.connect(str(main), read_only=True)
    tahun = int(con.execute("SELECT value FROM meta WHERE key = 'tahun_max'").fetchall()[0][0])
    con.close()
    rid = _create_meeting(main, tahun) if (ROOT / "pages" / "rapat.py").exists() else None
    oracle, writable = base / "oracle.duckdb", base / "writable.duckdb"
    shutil.copy(main, oracle)
    shutil.copy(main, writable)
    return E2EData(main=main, writable=writable, oracle=oracle, meeting_id=rid, tahun=tahun)


@pytest.fixture(scope="session")
def oracle(e2e_data: E2EData):
    """A read-only DuckDB connection to the copy of the demo store (independent expectations)."""
    import duckdb

    con = duckdb.connect(str(e2e_data.oracle), read_only=True)
    yield con
    con.close()


# -- Streamlit servers -------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run app.py` on a free port over one store."""

    def __init__(self, db: Path, log: Path, **env: str) -> None:
        self.port = _free_port()
        self.url = f"http://localhost:{self.port}"
        self.log = log
        full_env = {
            **os.environ,
            "TALENTA_DB": str(db),
            "TALENTA_NO_DEMO": "1",
            "TALENTA_MODE": "demo",
            "TALENTA_AUTH": "off",
            **env,
        }
        self._out = log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(self.port), "--browser.gatherUsageStats", "false",
             # a source edit during a run must not rerun pages under the test's feet
             "--server.fileWatcherType", "none"],
            cwd=ROOT, env=full_env, stdout=self._out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited: {self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"streamlit did not answer in {SERVER_START_TIMEOUT} s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._out.close()


@pytest.fixture(scope="session")
def app(e2e_data: E2EData, tmp_path_factory) -> Iterator[str]:
    """Base URL of the main server (sign-in off, local demo mode)."""
    server = Server(e2e_data.main, tmp_path_factory.mktemp("logs") / "app.log")
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def app_writable(e2e_data: E2EData, tmp_path_factory) -> Iterator[str]:
    """Base URL of a server over its own copy of the store (the upload journeys write to it)."""
    server = Server(e2e_data.writable, tmp_path_factory.mktemp("logs") / "writable.log")
    yield server.url
    server.stop()


# -- pages ------------------------------------------------------------------------------------------
@pytest.fixture
def new_page(browser, request) -> Iterator[Callable[..., object]]:
    """Factory: a page in a fresh browser context (a new Streamlit session) of a given size.

    Every page is remembered for the failure screenshot and closed at the end of the test.
    """
    from tests.browser.helpers import TIMEOUT_MS

    contexts = []
    request.node.stash[_PAGES] = []

    def make(width: int = 1440, height: int = 900):
        ctx = browser.new_context(
            viewport={"width": width, "height": height}, accept_downloads=True, locale="id-ID"
        )
        ctx.set_default_timeout(TIMEOUT_MS)
        ctx.set_default_navigation_timeout(TIMEOUT_MS)
        contexts.append(ctx)
        page = ctx.new_page()
        request.node.stash[_PAGES].append(page)
        return page

    yield make
    for ctx in contexts:
        ctx.close()


@pytest.fixture(autouse=True, scope="session")
def _expect_timeout():
    """Playwright's `expect` polls up to the app timeout (loaded machines are slow)."""
    try:
        from playwright.sync_api import expect
    except ImportError:
        yield
        return
    from tests.browser.helpers import TIMEOUT_MS

    expect.set_options(timeout=TIMEOUT_MS)
    yield
