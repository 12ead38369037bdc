"""The regional overview landing page (AppTest) against the small demo store.

Figures are recomputed independently from the base tables (Python-side rules for the box).
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from analytics.fmt import num, pct
from analytics.reference import open_store
from analytics.rules import ninebox
from tests.factories import APP


def _open(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()  # the landing page is the default page
    assert not at.exception, [e.value for e in at.exception]
    return at


def _independent(path, year: int, instansi: tuple[int, ...] = ()) -> dict:
    db = open_store(path)
    try:
        where = "TRUE" if not instansi else "list_contains($ids, p.instansi_id)"
        params = {"ids": list(instansi)} if instansi else {}
        asn = db.scalar(f"SELECT count(*) FROM pegawai p WHERE {where}", params)
        pns = db.query(
            f"""SELECT p.nip, coalesce(sum(t.jp), 0) AS jp FROM pegawai p
                LEFT JOIN pelatihan t ON t.nip = p.nip AND year(t.tanggal_mulai) = $y
                WHERE {where} AND p.status_kepegawaian = 'PNS'
                  AND p.tanggal_pensiun > make_date($y, 1, 1)
                  AND (p.tmt_cpns IS NULL OR p.tmt_cpns <= make_date($y, 12, 31))
                GROUP BY p.nip""",
            params | {"y": year},
        )
        k = dict(
            db.query(
                f"SELECT k.nip, k.predikat FROM kinerja k JOIN pegawai p ON p.nip = k.nip "
                f"WHERE k.tahun = $y AND {where}",
                params | {"y": year},
            ).iter_rows()
        )
        pot_rows = db.query(
            f"SELECT t.nip, t.tahun, t.level, t.skor FROM potensial t JOIN pegawai p "
            f"ON p.nip = t.nip WHERE t.tahun <= $y AND {where} ORDER BY t.tahun",
            params | {"y": year},
        ).rows()
        kal = dict(
            db.query(
                "SELECT nip, arg_max(kotak_baru, pada) FROM kalibrasi WHERE aktif AND tahun = $y "
                "GROUP BY nip",
                {"y": year},
            ).iter_rows()
        )
    finally:
        db.close()
    latest: dict[str, tuple] = {}
    for nip, _tahun, level, skor in pot_rows:
        if ninebox.potensial_index(level, skor) is not None:
            latest[nip] = (level, skor)
    pool = mapped = 0
    for nip in set(k) | set(latest) | set(kal):
        box = kal.get(nip)
        if box is None and nip in k and nip in latest:
            box = ninebox.box_for(k[nip], *latest[nip])
        if box is not None:
            mapped += 1
            pool += box in (7, 8, 9)
    met = int((pns["jp"] >= 20).sum())
    return {"asn": asn, "pns": pns.height, "met": met, "pool": pool, "mapped": mapped}


def test_headline_figures(app_env):
    at = _open()
    year = at.session_state["filter"].tahun
    ind = _independent(app_env, year)
    m = {x.label: x for x in at.metric}
    assert m["ASN terhitung"].value == num(ind["asn"])
    assert m["MT: membangun / menerapkan"].value == "5 / 1"
    assert m["PNS ≥ 20 JP"].value == pct(ind["met"] / ind["pns"])
    assert m["Talent pool (7–9)"].value == num(ind["pool"])
    assert ind["asn"] > 0 and ind["pool"] > 0
    sentence = " ".join(md.value for md in at.markdown)
    assert "5 dari 44 instansi sudah membangun manajemen talenta, 1 sudah menerapkannya" in sentence


def test_province_table_and_links(app_env):
    at = _open()
    df = at.dataframe[0].value
    assert list(df["Provinsi"]) == ["Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Total"]
    assert list(df["Instansi"]) == ["10", "11", "23", "44"]
    assert list(df["Membangun MT"]) == ["5", "0", "0", "5"]
    assert list(df["Menerapkan MT"]) == ["1", "0", "0", "1"]
    ind = _independent(app_env, at.session_state["filter"].tahun)
    assert df["ASN"].iloc[-1] == num(ind["asn"])
    links = [(p.proto.page, p.proto.label) for p in at.get("page_link")]
    assert [p for p, _ in links][-4:] == [
        "sembilan-kotak", "gap-kompetensi", "jam-pelajaran", "kematangan-mt",
    ]  # fmt: skip


def test_instance_filter_from_url(app_env):
    at = _open({"instansi": "3,8"})
    year = at.session_state["filter"].tahun
    ind = _independent(app_env, year, (3, 8))
    m = {x.label: x.value for x in at.metric}
    assert m["ASN terhitung"] == num(ind["asn"])
    assert m["MT: membangun / menerapkan"] == "2 / 1"
    assert m["Talent pool (7–9)"] == num(ind["pool"])
