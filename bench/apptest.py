"""Full server-side page reruns through Streamlit's AppTest, with a per-query breakdown.

Run in its own process by `bench.run` (``python -m bench.apptest DB --reps N --out JSON``);
prints nothing but writes a JSON document.

Definitions (the numbers in BENCHMARKS.md):
- **cold**: the first render of a page in a new session with an empty result cache
  (`st.cache_data` cleared) while the process, the store connection and DuckDB's buffers are
  already warm (another page was rendered before). `start_s` is a new process's first run
  (opening the store, the sidebar) and `first_process_s` the landing page right after it.
- **warm, uncached** ("warm rerun after a filter change"): the page is loaded; the user
  changes a sidebar filter to a value whose query results are not cached yet; the rerun
  recomputes every query of the page. Two kinds of change, each its own figure:
  `instansi` (one instance picked, a different one each repetition) and `region`
  (whole region, a different jenis jabatan / golongan range each repetition).
- **warm, cached**: the user switches back to a filter already seen (every query of the page
  is a cache hit; the rerun is widget and chart building only).
- `queries`: time per analytics function (`ui.cache.run` target) during the uncached
  region-wide reruns (medians), i.e. each page's data queries, cache miss included.
- `rss`: resident memory of this process (the AppTest host) before and after visiting every
  page (an approximation of a server process; the browser figure is in bench.browser).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
HOST = ROOT / f".bench_app_{os.getpid()}.py"  # app.py with an empty default page (while running)
_DEFAULT = 'st.Page("pages/ringkasan.py", title=T.NAV_RINGKASAN, default=True)'
_HOSTED = (
    'st.Page(lambda: None, title="bench", url_path="bench", default=True), '
    'st.Page("pages/ringkasan.py", title=T.NAV_RINGKASAN, url_path="beranda")'
)


def host_app() -> str:
    """AppTest cannot rerun an st.navigation default page after a widget change, so the
    benchmark runs a copy of app.py whose default page is empty; everything else is app.py."""
    src = Path(APP).read_text()
    if _DEFAULT not in src:
        raise RuntimeError("app.py changed: update bench.apptest._DEFAULT")
    HOST.write_text(src.replace(_DEFAULT, _HOSTED))
    return str(HOST)


# Pages (file, label) rendered by the benchmark; impor/rapat/admin are forms, not dashboards.
PAGES: tuple[tuple[str, str], ...] = (
    ("pages/ringkasan.py", "Ringkasan (landing)"),
    ("pages/ninebox.py", "Sembilan kotak"),
    ("pages/kompetensi.py", "Gap kompetensi"),
    ("pages/jp.py", "Jam pelajaran"),
    ("pages/kematangan.py", "Kematangan MT"),
)

# Region-wide filter changes (sidebar keys from ui.sidebar): each repetition uses a new one.
REGION_CHANGES: tuple[dict, ...] = (
    {"flt_jabatan": ["Fungsional"]},
    {"flt_jabatan": ["Pelaksana"]},
    {"flt_gol_dari": "III/a"},
    {"flt_jabatan": ["Administrator", "Pengawas"]},
    {"flt_gol_dari": "II/a"},
    {"flt_jabatan": ["Fungsional", "Pelaksana"]},
    {"flt_gol_dari": "III/c"},
    {"flt_gol_dari": "IV/a"},
    {"flt_jabatan": ["Pelaksana", "Pengawas"]},
)
BASE_REGION: dict = {"flt_jabatan": [], "flt_gol_dari": "I/a"}


def rss_mib() -> float:
    """Current resident set size of this process in MiB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def hwm_mib() -> float:
    """Peak resident set size of this process in MiB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


class QueryTimer:
    """Wraps ui.cache.run to time each analytics call of a rerun by function name."""

    def __init__(self) -> None:
        import ui.cache

        self.mod = ui.cache
        self.orig = ui.cache.run
        self.current: dict[str, float] | None = None

    def install(self) -> None:
        orig = self.orig

        def timed(fn, flt, *args, **kwargs):
            t = time.perf_counter()
            try:
                return orig(fn, flt, *args, **kwargs)
            finally:
                if self.current is not None:
                    name = f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__qualname__}"
                    self.current[name] = self.current.get(name, 0.0) + time.perf_counter() - t

        self.mod.run = timed


def _set(at, changes: dict) -> None:
    for key, value in changes.items():
        if key in ("flt_gol_dari", "flt_gol_sampai"):
            at.selectbox(key=key).set_value(value)
        else:
            at.multiselect(key=key).set_value(value)


# AppTest loses the sidebar of the landing page after its first run (a harness limitation):
# there a filter change is a new session opened with the filter in the URL (process, store
# and cache warm), and only the landing page's own run is timed.
URL_PAGE = "pages/ringkasan.py"


def _widget_rerun(at):
    """A rerun after setting the sidebar to (whole region +) `changes` on a loaded page."""

    def rerun(changes: dict) -> float:
        _set(at, {"flt_instansi": [], **BASE_REGION})
        _set(at, changes)
        return _run(at)

    return rerun


def _url_rerun(app: str, page: str, ids: dict[str, int]):
    """A new session on `page` with `changes` in the URL; times the page's run only."""
    from streamlit.testing.v1 import AppTest

    def rerun(changes: dict) -> float:
        at = AppTest.from_file(app, default_timeout=600)
        if changes.get("flt_instansi"):
            at.query_params["instansi"] = ",".join(str(ids[n]) for n in changes["flt_instansi"])
        if changes.get("flt_jabatan"):
            at.query_params["jabatan"] = ",".join(changes["flt_jabatan"])
        if changes.get("flt_gol_dari"):
            at.query_params["gol"] = f"{changes['flt_gol_dari']}-IV/e"
        at.run()
        at.switch_page(page)
        return _run(at)

    return rerun


def _run(at) -> float:
    t = time.perf_counter()
    at.run()
    dt = time.perf_counter() - t
    if at.exception:
        raise RuntimeError(f"page raised: {at.exception[0].message}")
    return dt


def share_script_cache() -> None:
    """Compile page scripts once per process, as the Streamlit server does (its runtime keeps
    one script cache); AppTest would otherwise recompile app.py and the page on every run."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def measure(reps: int, out_path: Path | None = None, only: tuple[str, ...] = ()) -> dict:
    """Render every page cold, then warm reruns after filter changes; return the figures."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    share_script_cache()

    timer = QueryTimer()
    timer.install()
    out: dict = {"pages": {}, "rss_start_mib": rss_mib()}

    app = host_app()
    at = AppTest.from_file(app, default_timeout=600)
    out["start_s"] = _run(at)  # the empty default page: opens the store, draws the sidebar
    at.switch_page(PAGES[0][0])
    out["first_process_s"] = _run(at)  # landing page, store open, nothing cached
    from ui.state import get_db

    inst = get_db().query("SELECT id, nama FROM instansi ORDER BY id")
    names = inst["nama"].to_list()
    ids = dict(zip(names, inst["id"].to_list(), strict=True))
    inst_changes = [{"flt_instansi": [names[(7 * r + 3) % len(names)]]} for r in range(reps)]
    region_changes = [REGION_CHANGES[r % len(REGION_CHANGES)] for r in range(reps)]
    for page, label in PAGES:
        if only and Path(page).stem not in only:
            continue
        res: dict = {"label": label, "cold": [], "inst": [], "region": [], "cached": []}
        qtimes: dict[str, list[float]] = defaultdict(list)
        for _ in range(max(2, min(reps, 3))):
            st.cache_data.clear()
            at = AppTest.from_file(app, default_timeout=600)
            at.run()
            at.switch_page(page)
            res["cold"].append(_run(at))
        st.cache_data.clear()
        if page == URL_PAGE:
            rerun = _url_rerun(app, page, ids)
        else:
            at = AppTest.from_file(app, default_timeout=600)
            at.run()
            at.switch_page(page)
            _run(at)  # the loaded page (whole region)
            rerun = _widget_rerun(at)
        for ch in inst_changes:
            res["inst"].append(rerun(ch))
        rerun({})  # back to the whole region (cached since the page's first render)
        for ch in region_changes:
            timer.current = {}
            res["region"].append(rerun(ch))
            for k, v in timer.current.items():
                qtimes[k].append(v)
            timer.current = None
        # Fully cached reruns: alternate between two filters already seen.
        for r in range(reps):
            res["cached"].append(rerun(region_changes[r % 2]))
        res["queries"] = {k: statistics.median(v) for k, v in qtimes.items()}
        res["median"] = {k: statistics.median(res[k]) for k in ("cold", "inst", "region", "cached")}
        res["method"] = "url" if page == URL_PAGE else "widget"
        out["pages"][page] = res
        if out_path is not None:  # partial results survive an interrupted run
            out["rss_end_mib"] = rss_mib()
            out["hwm_mib"] = hwm_mib()
            out_path.write_text(json.dumps(out, indent=1))
    out["rss_end_mib"] = rss_mib()
    out["hwm_mib"] = hwm_mib()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pages", default="", help="comma-separated page file stems (default all)")
    args = ap.parse_args(argv)
    os.environ.update(
        TALENTA_DB=str(Path(args.db).resolve()),
        TALENTA_NO_DEMO="1",
        TALENTA_AUTH="off",
        TALENTA_MODE="demo",
    )
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    try:
        only = tuple(x for x in args.pages.split(",") if x)
        res = measure(args.reps, Path(args.out), only)
    finally:
        HOST.unlink(missing_ok=True)
    Path(args.out).write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
