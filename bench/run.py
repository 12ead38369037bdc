"""Benchmark harness: build the demo at each scale, measure, compare with pandas, write a report.

    python -m bench --scales 250000,4700000 --out BENCHMARKS.md     # full run (about an hour)
    python -m bench --scales 20000 --out /tmp/bench.md               # smoke run (minutes)

Per scale, each step in its own process (so that memory figures are per step; the results
so far are saved after each step to results-N.json):
1. build the demo store (`python -m analytics demo`): wall time and peak memory;
2. refresh the pre-aggregates (`analytics.aggregates.refresh` in one transaction);
3. heavy computations through the analytics layer (DuckDB): nine-box counts, competency gap
   pivot, JP completion per unit (bench.baseline_pandas duckdb);
4. the same computations in pandas on the raw tables, under a memory guard, plus a
   correctness check against the analytics results (bench.baseline_pandas pandas);
5. every page's full server-side rerun through AppTest: cold, warm after a filter change
   (uncached), fully cached, with the per-query breakdown (bench.apptest);
6. the memory of a real `streamlit run` server after a browser visited every page
   (bench.browser; skipped with --no-browser).
Figures are medians of --reps repetitions. Stores go to --data-dir (default bench-data/, git
ignored) and are deleted at the end unless --keep is given (--reuse keeps an existing store of
the right size instead of building it again; the build figure then reads "reused").
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GIB = 1024.0

# Budgets (issue 8): medians on a 2-core machine.
REGIONAL = 250_000
NATIONAL = 4_700_000


def budgets(n: int) -> dict:
    """Budgets for a scale: the regional ones up to 1 million people, the national beyond."""
    if n < 1_000_000:
        return {"warm_s": 0.150, "cold_s": 1.5, "server_mib": None, "ratio": 10.0}
    return {"warm_s": 0.500, "cold_s": None, "server_mib": 2 * GIB, "ratio": 10.0}


# -- processes -----------------------------------------------------------------------------


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT), TALENTA_AUTH="off", TALENTA_MODE="demo")


def run_child(cmd: list[str], log: Path, limit_mib: float | None = None) -> dict:
    """Run a child process; return wall time, peak RSS (polled and rusage), exit status.

    With `limit_mib`, the child is killed once its resident memory passes the limit."""
    t = time.perf_counter()
    with open(log, "ab") as f:
        f.write(f"\n$ {' '.join(cmd)}\n".encode())
        f.flush()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(), stdout=f, stderr=subprocess.STDOUT)
    peak = [0.0]
    killed = [False]

    def watch() -> None:
        while proc.poll() is None:
            try:
                with open(f"/proc/{proc.pid}/status") as fh:
                    for line in fh:
                        if line.startswith("VmRSS:"):
                            rss = int(line.split()[1]) / 1024
                            peak[0] = max(peak[0], rss)
                            if limit_mib and rss > limit_mib:
                                killed[0] = True
                                proc.kill()
            except OSError:
                return
            time.sleep(0.2)

    th = threading.Thread(target=watch, daemon=True)
    th.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    th.join(1)
    return {
        "wall_s": time.perf_counter() - t,
        "peak_mib": max(peak[0], usage.ru_maxrss / 1024),
        "rc": proc.returncode,
        "killed_by_guard": killed[0],
    }


def _mem_available_mib() -> float:
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    return 0.0


def machine() -> dict:
    """CPU model, cores, RAM, load, versions."""
    import importlib.metadata as md

    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        ram = int(f.readline().split()[1]) / 1024 / 1024
    vers = {}
    for pkg in ("duckdb", "polars", "pandas", "pyarrow", "streamlit", "plotly"):
        try:
            vers[pkg] = md.version(pkg)
        except md.PackageNotFoundError:
            vers[pkg] = "-"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": ram,
        "python": platform.python_version(),
        "os": platform.platform(),
        "versions": vers,
        "load": os.getloadavg(),
    }


REFRESH_CODE = r"""
import sys, time, json
from analytics.aggregates import rebuild, signature
from analytics.reference import open_store
from analytics.store import Database
db = Database(sys.argv[1])
stale = db.meta('aggregates') != signature()
t = time.perf_counter()
with db.transaction('bench', 'segarkan_agregat') as cur:
    if sys.argv[3] == 'full':
        rebuild(cur)
    else:  # 'new': only pre-aggregates added or redefined after the store was built
        import re
        from analytics.aggregates import REFRESHERS, agg_ddl
        ddl = {re.search(r'agg_\w+', s).group(0): s for s in agg_ddl()}
        def cols(name):
            return cur.execute(f"SELECT column_name, data_type FROM information_schema.columns "
                               f"WHERE table_name = '{name}' ORDER BY ordinal_position").fetchall()
        for step in REFRESHERS:
            table = step.__name__.removeprefix('refresh_')
            cur.execute('DROP TABLE IF EXISTS tmp_check')
            cur.execute(ddl[table].replace(f'IF NOT EXISTS {table}', 'tmp_check', 1))
            if cols(table) != cols('tmp_check'):
                cur.execute(f'DROP TABLE IF EXISTS {table}')
                cur.execute(ddl[table])
            cur.execute('DROP TABLE tmp_check')
            if not cur.execute(f'SELECT count(*) FROM {table}').fetchall()[0][0]:
                step(cur)
        cur.execute("INSERT OR REPLACE INTO meta VALUES ('aggregates', $s)", {'s': signature()})
dt = time.perf_counter() - t
db.close()
db = open_store(sys.argv[1])
rows = {t: db.count(t) for t in db.tables() if t.startswith('agg_') or t in
        ('pegawai', 'kinerja', 'potensial', 'kompetensi', 'pelatihan')}
db.close()
out = {'refresh_s': dt, 'rows': rows, 'was_stale': stale, 'mode': sys.argv[3]}
open(sys.argv[2], 'w').write(json.dumps(out))
"""


def _wait_unlocked(db: Path, timeout_s: float = 7200) -> None:
    """Wait while another process writes the store (e.g. a demo build still running)."""
    import duckdb

    end = time.time() + timeout_s
    while True:
        try:
            duckdb.connect(str(db), read_only=True).close()
            return
        except duckdb.Error:
            if time.time() > end:
                raise
            time.sleep(10)


def bench_scale(n: int, args: argparse.Namespace, log: Path) -> dict:
    """All measurements at one scale."""
    data = Path(args.data_dir)
    data.mkdir(parents=True, exist_ok=True)
    db = data / f"bench-{n}.duckdb"
    out: dict = {"employees": n, "db": str(db)}
    py = sys.executable
    print(f"[{n:,}] store {db}", flush=True)
    if args.reuse and db.exists():
        _wait_unlocked(db)
        out["build"] = None
    else:
        for p in (db, Path(f"{db}.wal")):
            p.unlink(missing_ok=True)
        out["build"] = run_child(
            [py, "-m", "analytics", "demo", "--employees", str(n), "--seed", str(args.seed),
             "--db", str(db)],
            log,
        )  # fmt: skip
        if out["build"]["rc"] != 0:
            raise RuntimeError(f"demo build failed, see {log}")
    out["db_mib"] = db.stat().st_size / 2**20
    print(f"[{n:,}] build {out['build']}", flush=True)

    tmp = data / f"res-{n}"
    tmp.mkdir(exist_ok=True)
    r = run_child([py, "-c", REFRESH_CODE, str(db), str(tmp / "refresh.json"), args.refresh], log)
    out["refresh"] = {**r, **_load(tmp / "refresh.json")}
    print(f"[{n:,}] refresh {out['refresh'].get('refresh_s')}", flush=True)

    r = run_child(
        [py, "-m", "bench.baseline_pandas", "duckdb", str(db), "--reps", str(args.reps),
         "--out", str(tmp / "duck.json")],
        log,
    )  # fmt: skip
    out["duck"] = {**r, **_load(tmp / "duck.json")}
    print(f"[{n:,}] duckdb {out['duck'].get('median')}", flush=True)
    _save(data, n, out)

    if not args.no_browser:
        r = run_child(
            [py, "-m", "bench.browser", str(db), "--port", str(args.port),
             "--out", str(tmp / "browser.json")],
            log,
        )  # fmt: skip
        out["browser"] = {**r, **_load(tmp / "browser.json")}
        print(f"[{n:,}] browser hwm={out['browser'].get('hwm_mib')}", flush=True)
        _save(data, n, out)
    if not args.no_apptest:
        r = run_child(
            [py, "-m", "bench.apptest", str(db), "--reps", str(args.reps),
             "--out", str(tmp / "apptest.json")],
            log,
        )  # fmt: skip
        out["apptest"] = {**r, **_load(tmp / "apptest.json")}
        print(f"[{n:,}] apptest rc={r['rc']}", flush=True)
        _save(data, n, out)

    if not args.no_pandas:
        limit = min(args.pandas_limit_gib * GIB, _mem_available_mib() - 1.5 * GIB)
        preps = args.reps if n < 1_000_000 else max(1, min(args.reps, 3))
        r = run_child(
            [py, "-m", "bench.baseline_pandas", "pandas", str(db), "--reps", str(preps),
             "--out", str(tmp / "pandas.json")],
            log,
            limit_mib=limit,
        )  # fmt: skip
        out["pandas"] = {
            **r,
            "limit_mib": limit,
            **(_load(tmp / "pandas.json") if r["rc"] == 0 else {}),
        }
        print(f"[{n:,}] pandas {out['pandas'].get('median')} rc={r['rc']}", flush=True)

    _save(data, n, out)
    if not args.keep:
        for p in (db, Path(f"{db}.wal")):
            p.unlink(missing_ok=True)
    return out


def _save(data: Path, n: int, out: dict) -> None:
    """Write the results so far (a later --report-only run can render partial results)."""
    out["machine"] = machine()
    (data / f"results-{n}.json").write_text(json.dumps(out, indent=1, default=str))


def _load(p: Path) -> dict:
    try:
        return json.loads(p.read_text())
    except (OSError, ValueError):
        return {}


# -- report --------------------------------------------------------------------------------


def _ms(s: float | None) -> str:
    if s is None:
        return "–"
    return f"{s * 1000:,.0f} ms" if s < 10 else f"{s:,.1f} s"


def _mib(m: float | None) -> str:
    if m is None:
        return "–"
    return f"{m / GIB:.2f} GiB" if m >= 1024 else f"{m:,.0f} MiB"


def _met(ok: bool | None) -> str:
    return "–" if ok is None else ("met" if ok else "**NOT met**")


def report(mach: dict, results: list[dict], args: argparse.Namespace, started: str) -> str:
    from bench.apptest import PAGES

    L: list[str] = []
    v = mach["versions"]
    L += [
        "# Benchmarks",
        "",
        f"Generated by `python -m bench --scales {args.scales} --reps {args.reps}"
        f"{' --reuse' if args.reuse else ''}"
        f"{' --refresh ' + args.refresh if args.reuse else ''}` "
        f"on {started}. Reproduce with the same command (see bench/run.py for the steps and "
        "bench/apptest.py for the exact definition of each figure).",
        "",
        "## Machine",
        "",
        f"- CPU: {mach['cpu']}, {mach['cores']} cores; RAM {mach['ram_gib']:.1f} GiB; {mach['os']}",
        f"- Python {mach['python']}; duckdb {v['duckdb']}, polars {v['polars']}, "
        f"pandas {v['pandas']}, pyarrow {v['pyarrow']}, streamlit {v['streamlit']}, "
        f"plotly {v['plotly']}",
        f"- Load average when the run started: {', '.join(f'{x:.1f}' for x in mach['load'])} "
        "(the machine is shared: absolute times are noisy; the pandas ratios are measured in "
        "the same run and hold better).",
        "",
        "## Definitions",
        "",
        "- **Cold (first render)**: a page's first render in a new session with an empty "
        "result cache; the process, the store connection and DuckDB's buffers are warm. "
        "*First render in a new process* (store opened, nothing cached) is given once.",
        "- **Warm, filter change (instance)**: the page is loaded; the user picks one instance "
        "(a different one each repetition, so no query result is cached); full server-side "
        "rerun of the page, every query recomputed.",
        "- **Warm, filter change (region)**: the same with a region-wide change (jenis jabatan "
        "or golongan range) — the heaviest case, every query over all people.",
        "- **Cached rerun**: back to a filter already seen; every query is a cache hit.",
        "- Reruns are timed with Streamlit's AppTest (the page script and every element; no "
        "browser, no network). Page scripts are compiled once per process, as the Streamlit "
        "server does (AppTest alone would recompile app.py and the page on every run). "
        "Budgets apply to the warm reruns after a filter change (both kinds).",
        "- **Heavy computations** are timed by calling the analytics functions the pages call "
        "(DuckDB, warm, median) and the pandas baseline (bench/baseline_pandas.py: the raw "
        "tables read into pandas once, then groupby / merge / pivot_table). Both for the whole "
        "region, latest year. The correctness check compares the two results cell by cell.",
        "- **App server memory**: peak resident memory (VmHWM) of a `streamlit run` process "
        "after headless Chromium visited every dashboard page (bench/browser.py).",
        "",
    ]
    for res in results:
        n = res["employees"]
        b = budgets(n)
        L += [f"## {n:,} employees", ""]
        rows = res.get("refresh", {}).get("rows", {})
        if rows:
            L.append("Rows: " + ", ".join(f"{k} {v:,}" for k, v in rows.items()) + ".")
            L.append("")
        L += ["### Store", "", "| figure | value |", "|---|---|"]
        bd = res.get("build")
        if bd:
            L.append(f"| demo build (`python -m analytics demo`) | {_ms(bd['wall_s'])}, "
                     f"peak memory {_mib(bd['peak_mib'])} |")  # fmt: skip
        else:
            L.append("| demo build | store reused (--reuse), not timed |")
        rf = res.get("refresh", {})
        what = (
            "all `agg_*`, one transaction"
            if rf.get("mode", "full") == "full"
            else "only the empty `agg_*` tables of the reused store (--refresh new)"
        )
        L.append(f"| pre-aggregate refresh ({what}) | "
                 f"{_ms(rf.get('refresh_s'))}, process peak {_mib(rf.get('peak_mib'))} |")  # fmt: skip
        L.append(f"| store file | {_mib(res.get('db_mib'))} |")
        L.append("")

        at = res.get("apptest", {})
        if at.get("pages"):
            L += [
                "### Pages (full server-side rerun, AppTest, medians)",
                "",
                f"New process: store opened and sidebar drawn in {_ms(at.get('start_s'))}, "
                f"then the landing page's first render {_ms(at.get('first_process_s'))}.",
                "",
                "| page | cold (first render) | budget | warm, filter change: instance | "
                "warm, filter change: region | budget | met | cached rerun |",
                "|---|---|---|---|---|---|---|---|",
            ]
            for page, label in PAGES:
                p = at["pages"].get(page)
                if not p:
                    continue
                m = p["median"]
                cold_ok = None if b["cold_s"] is None else m["cold"] <= b["cold_s"]
                warm_ok = max(m["inst"], m["region"]) <= b["warm_s"]
                L.append(
                    f"| {label} | {_ms(m['cold'])} {'' if cold_ok is None else '(' + _met(cold_ok) + ')'} "
                    f"| {'≤ ' + _ms(b['cold_s']) if b['cold_s'] else '–'} "
                    f"| {_ms(m['inst'])} | {_ms(m['region'])} | ≤ {_ms(b['warm_s'])} "
                    f"| {_met(warm_ok)} | {_ms(m['cached'])} |"
                )
            L += ["", "Slowest data queries per page in the region-wide warm rerun "
                  "(analytics function through `ui.cache.run`, median):", ""]  # fmt: skip
            for page, label in PAGES:
                p = at["pages"].get(page)
                if not p:
                    continue
                q = sorted(p["queries"].items(), key=lambda kv: -kv[1])[:4]
                L.append(f"- {label}: " + ", ".join(f"`{k}` {_ms(t)}" for k, t in q))
            L.append(
                f"\nAppTest host process: {_mib(at.get('rss_start_mib'))} after the first "
                f"render, {_mib(at.get('rss_end_mib'))} after all pages "
                f"(peak {_mib(at.get('hwm_mib'))})."
            )
            L.append("")
        elif "apptest" in res:
            L += ["### Pages", "", f"AppTest run failed (exit {at.get('rc')}).", ""]

        du, pd_ = res.get("duck", {}), res.get("pandas")
        L += [
            "### Heavy computations: DuckDB (analytics layer) vs pandas baseline",
            "",
            "| computation | DuckDB warm | DuckDB first call | pandas | ratio | budget | met "
            "| results equal |",
            "|---|---|---|---|---|---|---|---|",
        ]
        names = {
            "ninebox": "nine-box counts (`ninebox.box_counts`)",
            "gap_pivot": "competency gap pivot, unit × competency (`competency.heatmap`)",
            "jp_unit": "JP completion per unit (`jp.completion`, default view: `agg_jp_ringkas`)",
            "jp_unit_rows": "JP completion per unit, any view (person-year rows `agg_jp_pegawai`)",
        }
        for key, label in names.items():
            d = du.get("median", {}).get(key)
            f = du.get("first", {}).get(key)
            if pd_ and pd_.get("median"):
                pm = pd_["median"].get(key.removesuffix("_rows"))
                ratio = pm / d if d and pm else None
                chk = pd_.get("check", {}).get(key, {})
                eq = ("yes" if chk.get("equal") else "**NO**") + f" ({chk.get('detail', '')})"
                ok = ratio is not None and ratio >= b["ratio"]
                L.append(f"| {label} | {_ms(d)} | {_ms(f)} | {_ms(pm)} | "
                         f"{ratio:,.1f}× | ≥ {b['ratio']:.0f}× | {_met(ok)} | {eq} |")  # fmt: skip
            else:
                why = "not run"
                if pd_:
                    why = ("did not complete: killed by the memory guard at "
                           f"{_mib(pd_.get('limit_mib'))}" if pd_.get("killed_by_guard")
                           else f"stopped before completing (signal {-pd_['rc']})"
                           if (pd_.get("rc") or 0) < 0
                           else f"failed (exit {pd_.get('rc')})")  # fmt: skip
                L.append(f"| {label} | {_ms(d)} | {_ms(f)} | {why} | – | ≥ 10× | – | – |")
        if pd_:
            if pd_.get("median"):
                L.append(
                    f"\npandas: loading the tables took {_ms(pd_.get('load_s'))}; frames "
                    f"{_mib(sum(pd_.get('frames_mib', {}).values()))}; process peak "
                    f"{_mib(pd_.get('peak_mib'))}."
                )
            else:
                L.append(
                    f"\npandas baseline peak memory before it stopped: "
                    f"{_mib(pd_.get('peak_mib'))} (guard {_mib(pd_.get('limit_mib'))})."
                )
        L.append(f"DuckDB process peak: {_mib(du.get('peak_mib'))}.")
        L.append("")

        br = res.get("browser")
        L += ["### App server memory", ""]
        if br and br.get("hwm_mib"):
            ok = None if b["server_mib"] is None else br["hwm_mib"] <= b["server_mib"]
            L += [
                "| figure | value | budget | met |",
                "|---|---|---|---|",
                f"| `streamlit run` peak RSS after every page | {_mib(br['hwm_mib'])} | "
                f"{'≤ ' + _mib(b['server_mib']) if b['server_mib'] else '–'} | {_met(ok)} |",
                f"| idle after start | {_mib(br.get('rss_idle_mib'))} | | |",
                f"| at the end | {_mib(br.get('rss_end_mib'))} | | |",
                "",
                "Browser load per page (navigation until the script finished): "
                + ", ".join(f"{Path(k).stem} {_ms(v['load_s'])}" for k, v in br["pages"].items()),
                "",
            ]
        elif br:
            L += [f"Browser run failed (exit {br.get('rc')}).", ""]
        else:
            L += ["Not measured (--no-browser).", ""]
    return "\n".join(L) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default=f"{REGIONAL},{NATIONAL}")
    ap.add_argument("--out", default="BENCHMARKS.md")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--data-dir", default=str(ROOT / "bench-data"))
    ap.add_argument("--keep", action="store_true", help="keep the stores afterwards")
    ap.add_argument("--reuse", action="store_true", help="reuse a store of the same size")
    ap.add_argument(
        "--refresh",
        choices=("full", "new"),
        default="full",
        help="time a full pre-aggregate refresh (default) or only build empty agg_* tables "
        "of a reused store (quicker; the report says so)",
    )
    ap.add_argument("--pandas-limit-gib", type=float, default=20.0)
    ap.add_argument("--no-pandas", action="store_true")
    ap.add_argument("--no-apptest", action="store_true")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--port", type=int, default=8591)
    ap.add_argument(
        "--report-only",
        action="store_true",
        help="write the report from the results-N.json files of earlier runs in --data-dir",
    )
    args = ap.parse_args(argv)
    if args.report_only:
        results = [
            json.loads((Path(args.data_dir) / f"results-{int(x)}.json").read_text())
            for x in args.scales.split(",")
            if x.strip()
        ]
        mach = results[-1].get("machine") or machine()
        Path(args.out).write_text(report(mach, results, args, "earlier runs (see results)"))
        print(f"wrote {args.out}")
        return 0
    started = datetime.now().strftime("%Y-%m-%d %H:%M")
    mach = machine()
    log = Path(args.data_dir) / "bench.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    results = []
    for n in (int(x) for x in args.scales.split(",") if x.strip()):
        results.append(bench_scale(n, args, log))
        Path(args.out).write_text(report(mach, results, args, started))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
