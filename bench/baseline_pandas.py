"""The same heavy computations done the way a typical Streamlit-over-pandas app does them.

Two modes, each run in its own process by `bench.run`:

- ``python -m bench.baseline_pandas pandas DB --reps N --out JSON``: reads the needed base
  tables from DuckDB into pandas once (only the columns the computations use: a generous
  baseline), then times, with groupby / merge / pivot_table on the raw tables:
  nine-box counts (year's SKP + latest potential + active calibration → box per person,
  counts per box and unmapped reason), the competency gap pivot (latest assessment per person
  and competency, required level from position-name / position-type standards or the
  default, mean gap per unit × competency) and JP completion per unit (JP to the data date,
  target by status, met / zero / behind pace per unit). Afterwards it opens the store
  read-only, computes the same three results through the analytics layer and compares them
  (the correctness check in the report). Its peak memory (VmHWM) is reported.
- ``python -m bench.baseline_pandas duckdb DB --reps N --out JSON``: times the analytics
  functions the pages call for the same three results (`ninebox.box_counts`,
  `competency.heatmap`, `jp.completion`), first call (cold buffers) and warm medians.

Both use the whole region, the latest year, calibrated boxes, the default rules.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEAVY = ("ninebox", "gap_pivot", "jp_unit")
TOL = 1e-6


def _hwm_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _setting(db_path: str) -> dict:
    """Year, data date and rule defaults used by both implementations."""
    from analytics.filters import LOCAL_ADMIN, Filter
    from analytics.queries.jp import default_as_of
    from analytics.reference import open_store

    db = open_store(db_path, read_only=True)
    try:
        tahun = int(db.scalar("SELECT max(tahun) FROM kinerja"))
        as_of = default_as_of(db, Filter(tahun=tahun), LOCAL_ADMIN)
    finally:
        db.close()
    return {"tahun": tahun, "as_of": as_of}


# -- pandas ------------------------------------------------------------------------------


def load_pandas(db_path: str) -> dict:
    """Read the base tables into pandas once (the usual st.cache_data(load) pattern)."""
    import duckdb

    con = duckdb.connect(db_path, read_only=True)
    q = {
        "pegawai": "SELECT nip, instansi_id, unit_id, jenis_jabatan, nama_jabatan, jenjang, "
        "golongan_rank, status_kepegawaian, tmt_cpns, tanggal_pensiun FROM pegawai",
        "kinerja": "SELECT nip, tahun, predikat FROM kinerja",
        "potensial": "SELECT nip, tahun, level, skor FROM potensial",
        "kalibrasi": "SELECT nip, tahun, kotak_baru, aktif FROM kalibrasi",
        "kompetensi": "SELECT nip, tahun, kompetensi, level FROM kompetensi",
        "standar": "SELECT jenis_jabatan, nama_jabatan, kompetensi, level_standar "
        "FROM standar_kompetensi",
        "pelatihan": "SELECT nip, tanggal_mulai, jalur, jp FROM pelatihan",
    }
    out = {}
    for name, sql in q.items():
        out[name] = con.sql(sql).df()
    con.close()
    return out


def pandas_ninebox(t: dict, tahun: int):
    """Counts per box (1..9) and per unmapped reason, calibrated placement."""
    import pandas as pd

    from analytics.rules import ninebox as R

    cfg = R.DEFAULT
    peg = t["pegawai"][["nip"]]
    kin = t["kinerja"]
    kin = kin[kin["tahun"] == tahun].drop_duplicates("nip")[["nip", "predikat"]]
    pot = t["potensial"]
    pot = pot[(pot["tahun"] <= tahun) & (pot["level"].notna() | pot["skor"].notna())]
    pot = pot.sort_values(["nip", "tahun"]).drop_duplicates("nip", keep="last")
    kal = t["kalibrasi"]
    kal = kal[(kal["tahun"] == tahun) & kal["aktif"]][["nip", "kotak_baru"]]
    df = peg.merge(kin, on="nip", how="left").merge(
        pot[["nip", "level", "skor"]], on="nip", how="left"
    )
    df = df.merge(kal, on="nip", how="left")
    k = df["predikat"].map(dict(cfg.kinerja_map))
    lvl = df["level"].map({v: i for i, v in enumerate(R.POTENSIAL_AXIS)})
    sk = pd.Series(
        np.select(
            [df["skor"] >= cfg.skor_tinggi, df["skor"] >= cfg.skor_sedang, df["skor"].notna()],
            [2, 1, 0],
            default=np.nan,
        ),
        index=df.index,
    )
    p = lvl.fillna(sk)
    lut = {ki * 3 + pi: float(R.box(ki, pi)) for ki in range(3) for pi in range(3)}
    asli = (k * 3 + p).map(lut)
    kotak = df["kotak_baru"].astype("float64").fillna(asli)
    reason = np.where(
        kotak.notna(),
        None,
        np.where(
            k.isna() & p.isna(),
            R.REASON_NO_BOTH,
            np.where(k.isna(), R.REASON_NO_SKP, R.REASON_NO_POTENTIAL),
        ),
    )
    boxes = kotak.dropna().astype(int).value_counts().to_dict()
    reasons = pd.Series(reason).dropna().value_counts().to_dict()
    return {
        "kotak": {int(b): int(boxes.get(b, 0)) for b in R.BOXES},
        "alasan": {a: int(reasons.get(a, 0)) for a in R.REASONS},
    }


def pandas_gap_pivot(t: dict, tahun: int):
    """Mean gap (required − level) and people assessed per unit × competency."""
    from analytics.rules import gap as G

    cfg = G.DEFAULT
    peg = t["pegawai"]
    k = t["kompetensi"]
    k = k[k["tahun"] <= tahun]
    k = k.groupby(["nip", "kompetensi", "tahun"], as_index=False)["level"].max()
    k = k.sort_values("tahun").drop_duplicates(["nip", "kompetensi"], keep="last")
    st_ = t["standar"]
    sj = (
        st_[st_["nama_jabatan"].notna()]
        .groupby(["nama_jabatan", "kompetensi"], as_index=False)["level_standar"]
        .max()
        .rename(columns={"level_standar": "lvl_jabatan"})
    )
    sn = (
        st_[st_["nama_jabatan"].isna() & st_["jenis_jabatan"].notna()]
        .groupby(["jenis_jabatan", "kompetensi"], as_index=False)["level_standar"]
        .max()
        .rename(columns={"level_standar": "lvl_jenis"})
    )
    df = k.merge(peg[["nip", "unit_id", "jenis_jabatan", "nama_jabatan", "jenjang"]], on="nip")
    df = df.merge(sj, on=["nama_jabatan", "kompetensi"], how="left")
    df = df.merge(sn, on=["jenis_jabatan", "kompetensi"], how="left")
    jenjang = df["jenjang"].map(dict(cfg.standar_jenjang)).fillna(cfg.standar_fungsional_lain)
    jenis = df["jenis_jabatan"].map(dict(cfg.standar_jenis)).fillna(cfg.standar_lain)
    default = np.where(df["jenis_jabatan"] == "Fungsional", jenjang, jenis)
    req = (
        df["lvl_jabatan"]
        .fillna(df["lvl_jenis"])
        .fillna(__import__("pandas").Series(default, index=df.index))
    )
    df["gap"] = req - df["level"]
    piv = df.pivot_table(
        index="unit_id", columns="kompetensi", values="gap", aggfunc=["mean", "count"]
    )
    return piv


def pandas_jp_unit(t: dict, tahun: int, as_of: date):
    """Per unit: people, target met, zero JP, behind the pace line, mean JP."""
    import pandas as pd

    from analytics.rules import jp as J

    peg = t["pegawai"]
    start = pd.Timestamp(tahun, 1, 1)
    end = pd.Timestamp(as_of)
    pop = peg[
        (peg["tmt_cpns"].isna() | (pd.to_datetime(peg["tmt_cpns"]) <= end))
        & (pd.to_datetime(peg["tanggal_pensiun"]) > start)
    ][["nip", "unit_id", "status_kepegawaian"]]
    pel = t["pelatihan"]
    d = pd.to_datetime(pel["tanggal_mulai"])
    pel = pel[(d >= start) & (d <= end)]
    jp = pel.groupby("nip", as_index=False)["jp"].sum()
    df = pop.merge(jp, on="nip", how="left")
    df["jp"] = df["jp"].fillna(0.0)
    target = np.where(
        df["status_kepegawaian"] == "PPPK", J.DEFAULT.target_pppk, J.DEFAULT.target_pns
    )
    frac = J.elapsed_fraction(as_of, tahun)
    df["met"] = df["jp"] >= target - J.EPS
    df["on_pace"] = (df["jp"] >= target * frac - J.EPS) | df["met"]
    df["nol"] = df["jp"] == 0
    g = df.groupby("unit_id").agg(
        pegawai=("nip", "size"),
        memenuhi=("met", "sum"),
        nol_jp=("nol", "sum"),
        sesuai=("on_pace", "sum"),
        rata_jp=("jp", "mean"),
    )
    g["di_belakang"] = g["pegawai"] - g["sesuai"]
    return g


def run_pandas(db_path: str, reps: int) -> dict:
    s = _setting(db_path)
    t0 = time.perf_counter()
    tables = load_pandas(db_path)
    load_s = time.perf_counter() - t0
    rows = {k: len(v) for k, v in tables.items()}
    mem = {k: float(v.memory_usage(deep=True).sum()) / 2**20 for k, v in tables.items()}
    fns = {
        "ninebox": lambda: pandas_ninebox(tables, s["tahun"]),
        "gap_pivot": lambda: pandas_gap_pivot(tables, s["tahun"]),
        "jp_unit": lambda: pandas_jp_unit(tables, s["tahun"], s["as_of"]),
    }
    times: dict[str, list[float]] = {}
    results = {}
    for name, fn in fns.items():
        times[name] = []
        for _ in range(reps):
            t = time.perf_counter()
            results[name] = fn()
            times[name].append(time.perf_counter() - t)
            gc.collect()
    tables.clear()
    gc.collect()
    check = verify(db_path, results, s)
    return {
        "load_s": load_s,
        "rows": rows,
        "frames_mib": mem,
        "times": times,
        "median": {k: statistics.median(v) for k, v in times.items()},
        "check": check,
        "hwm_mib": _hwm_mib(),
        "tahun": s["tahun"],
        "as_of": s["as_of"].isoformat(),
    }


# -- DuckDB (the analytics layer) ---------------------------------------------------------


def _duck_calls(s: dict):
    from analytics.filters import Filter
    from analytics.queries import competency, jp, ninebox

    flt = Filter(tahun=s["tahun"])
    return {
        "ninebox": lambda db, sc: ninebox.box_counts(db, flt, sc, None, True),
        "gap_pivot": lambda db, sc: competency.heatmap(db, flt, sc, "unit", "alami", 0, False),
        "jp_unit": lambda db, sc: jp.completion(db, flt, sc, "unit", s["as_of"], 20.0, "nama"),
        # The same without the default-view table: from the person-year rows (any date/filter).
        "jp_unit_rows": lambda db, sc: _without_summary(
            lambda: jp.completion(db, flt, sc, "unit", s["as_of"], 20.0, "nama")
        ),
    }


def _without_summary(fn):
    """Run `fn` with the JP default-view table switched off (the person-year path)."""
    from analytics.queries import jp_summary

    keep = jp_summary.grouped_sql
    jp_summary.grouped_sql = lambda *a, **k: None
    try:
        return fn()
    finally:
        jp_summary.grouped_sql = keep


def verify(db_path: str, res: dict, s: dict) -> dict:
    """Compare the pandas results with the analytics layer's; return per computation."""
    from analytics.filters import LOCAL_ADMIN
    from analytics.reference import open_store

    db = open_store(db_path, read_only=True)
    calls = _duck_calls(s)
    out = {}
    try:
        nb = calls["ninebox"](db, LOCAL_ADMIN)
        duck_k = dict(nb.kotak.select("kotak", "jumlah").iter_rows())
        duck_a = dict(nb.belum.select("alasan", "jumlah").iter_rows())
        p = res["ninebox"]
        same = duck_k == p["kotak"] and duck_a == p["alasan"]
        out["ninebox"] = {
            "equal": same,
            "detail": f"9 boxes + 3 reasons; people mapped {sum(duck_k.values()):,}",
        }

        hm = calls["gap_pivot"](db, LOCAL_ADMIN).cells
        piv = res["gap_pivot"]
        mean = piv["mean"].stack().rename("gap").reset_index()
        cnt = piv["count"].stack().rename("n").reset_index()
        pdf = mean.merge(cnt, on=["unit_id", "kompetensi"])
        pdf = pdf[pdf["n"] > 0]
        d = hm.filter(hm["pegawai"] > 0).to_pandas()
        d["unit_id"] = d["baris_key"].astype(int)
        m = d.merge(pdf, on=["unit_id", "kompetensi"], how="outer", indicator=True)
        both = m["_merge"] == "both"
        ok = (
            bool(both.all())
            and bool((m["pegawai"] == m["n"]).all())
            and bool(np.allclose(m["rata_gap"], m["gap"], atol=TOL))
        )
        out["gap_pivot"] = {"equal": ok, "detail": f"{len(m):,} unit × competency cells"}

        for key in ("jp_unit", "jp_unit_rows"):
            comp = calls[key](db, LOCAL_ADMIN).to_pandas()
            comp["unit_id"] = comp["kunci"].astype(int)
            g = res["jp_unit"].reset_index()
            m = comp.merge(g, on="unit_id", how="outer", indicator=True, suffixes=("", "_pd"))
            ok = bool((m["_merge"] == "both").all())
            for c in ("pegawai", "memenuhi", "nol_jp", "di_belakang"):
                ok = ok and bool((m[c] == m[f"{c}_pd"]).all())
            ok = ok and bool(np.allclose(m["rata_jp"], m["rata_jp_pd"], atol=TOL))
            out[key] = {"equal": ok, "detail": f"{len(m):,} units"}
    finally:
        db.close()
    return out


def run_duckdb(db_path: str, reps: int) -> dict:
    from analytics.filters import LOCAL_ADMIN
    from analytics.reference import open_store

    s = _setting(db_path)
    db = open_store(db_path, read_only=True)
    calls = _duck_calls(s)
    first: dict[str, float] = {}
    times: dict[str, list[float]] = {}
    try:
        for name, fn in calls.items():
            t = time.perf_counter()
            fn(db, LOCAL_ADMIN)
            first[name] = time.perf_counter() - t
            times[name] = []
            for _ in range(reps):
                t = time.perf_counter()
                fn(db, LOCAL_ADMIN)
                times[name].append(time.perf_counter() - t)
    finally:
        db.close()
    return {
        "first": first,
        "times": times,
        "median": {k: statistics.median(v) for k, v in times.items()},
        "hwm_mib": _hwm_mib(),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("pandas", "duckdb"))
    ap.add_argument("db")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    fn = run_pandas if args.mode == "pandas" else run_duckdb
    res = fn(str(Path(args.db).resolve()), args.reps)
    Path(args.out).write_text(json.dumps(res, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
