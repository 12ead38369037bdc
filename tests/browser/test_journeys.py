"""End-to-end journeys in headless Chromium against `streamlit run app.py` (issue 11).

Every journey asserts concrete values computed independently from the demo store (a read-only
copy, queried with plain SQL here), so it fails when the feature it covers breaks. UI labels
come from ui/text/*.py, never hard-coded.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import Page, expect  # noqa: E402

from analytics import fmt  # noqa: E402
from analytics.rules import ninebox as NB  # noqa: E402
from tests.browser.helpers import (  # noqa: E402
    CHART,
    DATAFRAME,
    METRIC,
    chart_data,
    choose,
    click_row_marker,
    combo,
    goto,
    grid_rows,
    metric,
    no_exception,
    query,
    settle,
    widget,
)
from tests.import_data import csv_bytes, make_nip, pegawai  # noqa: E402
from ui.text import common as TC  # noqa: E402
from ui.text import impor as TI  # noqa: E402
from ui.text import jp as TJ  # noqa: E402
from ui.text import kematangan as TM  # noqa: E402
from ui.text import kompetensi as TK  # noqa: E402
from ui.text import ninebox as TN  # noqa: E402
from ui.text import ringkasan as TR  # noqa: E402

pytestmark = pytest.mark.browser

BADUNG = 2  # Kabupaten Badung


# -- independent expectations (plain SQL on the read-only copy) ----------------------------------
def _one(con, sql: str, params: dict | None = None):
    return con.execute(sql, params or {}).fetchall()[0][0]


def box_nips(con, instansi: int, tahun: int, kotak: int) -> set[str]:
    """NIPs in a box: SKP predikat of the year × latest potential in or before it (levels
    preferred, else score < 60 / < 80 / ≥ 80), an active calibration overriding the box."""
    rows = con.execute(
        """
        WITH pot AS (
          SELECT nip, level, skor,
                 row_number() OVER (PARTITION BY nip ORDER BY tahun DESC) AS rn
          FROM potensial WHERE tahun <= $t),
        axes AS (
          SELECT p.nip,
            CASE trim(k.predikat) WHEN 'Sangat Baik' THEN 2 WHEN 'Baik' THEN 1
                 WHEN 'Butuh Perbaikan' THEN 0 WHEN 'Kurang' THEN 0 WHEN 'Sangat Kurang' THEN 0
            END AS ki,
            CASE coalesce(o.level, CASE WHEN o.skor >= 80 THEN 'Tinggi'
                                        WHEN o.skor >= 60 THEN 'Sedang'
                                        WHEN o.skor IS NOT NULL THEN 'Rendah' END)
                 WHEN 'Tinggi' THEN 2 WHEN 'Sedang' THEN 1 WHEN 'Rendah' THEN 0 END AS pi,
            c.kotak_baru
          FROM pegawai p
          LEFT JOIN kinerja k ON k.nip = p.nip AND k.tahun = $t
          LEFT JOIN pot o ON o.nip = p.nip AND o.rn = 1
          LEFT JOIN kalibrasi c ON c.nip = p.nip AND c.tahun = $t AND c.aktif
          WHERE p.instansi_id = $i)
        SELECT nip, ki, pi, kotak_baru FROM axes""",
        {"t": tahun, "i": instansi},
    ).fetchall()
    out = set()
    for nip, ki, pi, cal in rows:
        b = (
            cal
            if cal is not None
            else (NB.LAYOUT[2 - ki][pi] if ki is not None and pi is not None else None)
        )
        if b == kotak:
            out.add(nip)
    return out


def data_as_of(con) -> date:
    return date.fromisoformat(_one(con, "SELECT value FROM meta WHERE key = 'data_as_of'"))


def jp_unit(con, unit_id: int, tahun: int, as_of: date) -> tuple[int, int]:
    """(PNS in the unit counted for the year, of whom ≥ 20 JP by `as_of`)."""
    return con.execute(
        """
        WITH pop AS (
          SELECT nip FROM pegawai
          WHERE unit_id = $u AND status_kepegawaian = 'PNS'
            AND (tmt_cpns IS NULL OR tmt_cpns <= $d) AND tanggal_pensiun > $start),
        j AS (SELECT nip, sum(jp) AS jp FROM pelatihan
              WHERE tanggal_mulai BETWEEN $start AND $d GROUP BY nip)
        SELECT count(*), count(*) FILTER (WHERE coalesce(j.jp, 0) >= 20 - 1e-9)
        FROM pop LEFT JOIN j USING (nip)""",
        {"u": unit_id, "d": as_of, "start": date(tahun, 1, 1)},
    ).fetchall()[0]


# -- 1. every page shows its main content ----------------------------------------------------------
# The landing page is "/" (the default page): a link to its file name would meet Streamlit's
# pages/ fallback before app.py has run once in the server process.
MAIN_PAGES = [
    ("", TR.TITLE, CHART),
    ("sembilan-kotak", TN.TITLE, CHART),
    ("gap-kompetensi", TK.TITLE, CHART),
    ("jam-pelajaran", TJ.TITLE, CHART),
    ("kematangan-mt", TM.TITLE, CHART),
    ("impor-ekspor", TI.TITLE, '[data-testid="stFileUploader"]'),
]


@pytest.mark.parametrize(
    ("path", "title", "main"), MAIN_PAGES, ids=[p[0] or "ringkasan" for p in MAIN_PAGES]
)
def test_page_opens_with_its_main_chart(app, new_page, e2e_data, path, title, main):
    """Open a page and see its title and main chart (with data), no exception."""
    page: Page = new_page()
    goto(page, app, f"{path}?tahun={e2e_data.tahun}", ready=main)
    expect(page.locator("h1").first).to_contain_text(title)
    expect(page.get_by_text(TC.DEMO_BADGE).first).to_be_visible()
    no_exception(page)
    if main == CHART:
        traces = chart_data(page)
        points = sum(len(t["x"]) + len(t["y"]) for t in traces)
        assert points > 0, f"{path}: main chart has no data"


def test_overview_headline_equals_store(app, new_page, e2e_data, oracle):
    """Landing page: the ASN count equals the store's employee count."""
    page = new_page()
    goto(page, app, f"?tahun={e2e_data.tahun}", ready=METRIC)
    n = _one(oracle, "SELECT count(*) FROM pegawai")
    expect(metric(page, TR.M_ASN)).to_have_text(fmt.num(n))


# -- 2. filters ↔ URL, reload, shared link ----------------------------------------------------------
def test_filters_in_url_survive_reload_and_shared_link(app, new_page, e2e_data, oracle):
    """Set filters, see the URL change, reload and open the link in a fresh context."""
    page = new_page()
    goto(page, app, "sembilan-kotak", ready=METRIC)
    name = _one(oracle, "SELECT nama FROM instansi WHERE id = $i", {"i": BADUNG})
    choose(page, combo(page, TC.FILTER_INSTANSI, "sidebar"), name)
    expect(page).to_have_url(re.compile(rf"[?&]instansi={BADUNG}(&|$)"))
    choose(page, combo(page, TC.FILTER_GOLONGAN_DARI, "sidebar"), "III/a")
    expect(page).to_have_url(re.compile(r"[?&]gol=III%2Fa-IV%2Fe(&|$)|[?&]gol=III/a-IV/e(&|$)"))
    q = query(page)
    assert q["instansi"] == str(BADUNG) and q["gol"] == "III/a-IV/e", q
    assert q["tahun"] == str(e2e_data.tahun)

    rank = ["I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
            "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"]  # fmt: skip
    expected = fmt.num(
        _one(
            oracle,
            "SELECT count(*) FROM pegawai WHERE instansi_id = $i AND golongan_rank >= $r",
            {"i": BADUNG, "r": rank.index("III/a") + 1},
        )
    )
    value = metric(page, TN.M_PEGAWAI)
    expect(value).to_have_text(expected)

    url = page.url
    page.reload(wait_until="domcontentloaded")
    value.wait_for()
    settle(page)
    assert query(page) == q
    expect(value).to_have_text(expected)
    expect(widget(page, TC.FILTER_INSTANSI, "sidebar")).to_contain_text(name)
    expect(combo(page, TC.FILTER_GOLONGAN_DARI, "sidebar")).to_have_value("III/a")

    other = new_page()  # another browser context: a colleague opening the shared link
    other.goto(url, wait_until="domcontentloaded")
    expect(metric(other, TN.M_PEGAWAI)).to_have_text(expected)
    settle(other)
    assert query(other) == q
    expect(widget(other, TC.FILTER_INSTANSI, "sidebar")).to_contain_text(name)
    expect(combo(other, TC.FILTER_GOLONGAN_DARI, "sidebar")).to_have_value("III/a")


# -- 3. nine-box: select a box in the chart, the list fills, open a card, export ---------------------
def _drag_over_box(page: Page, kotak: int) -> None:
    """Drag a selection rectangle over one box of the grid (data coordinates → pixels)."""
    cx, cy = NB.cell(kotak)
    gd = page.locator(CHART).first
    gd.scroll_into_view_if_needed()
    settle(page)
    corners = gd.evaluate(
        """(gd, c) => { const fl = gd._fullLayout, r = gd.getBoundingClientRect();
             const px = x => r.left + fl._size.l + fl.xaxis.l2p(x);
             const py = y => r.top + fl._size.t + fl.yaxis.l2p(y);
             return [px(c[0] - 0.49), py(c[1] + 0.49), px(c[0] + 0.49), py(c[1] - 0.49)]; }""",
        [cx, cy],
    )
    x0, y0, x1, y1 = corners
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, steps=5)
    page.mouse.move(x1, y1, steps=5)
    page.mouse.up()
    settle(page)


def test_ninebox_box_selection_fills_list_and_opens_card(app, new_page, e2e_data, oracle):
    """Select box 9 on the nine-box chart, see the list fill with exactly its people, open a card."""
    t = e2e_data.tahun
    nips = box_nips(oracle, BADUNG, t, 9)
    assert nips, "the demo must place someone from Kabupaten Badung in box 9"
    page = new_page(1440, 1600)
    goto(page, app, f"sembilan-kotak?tahun={t}&instansi={BADUNG}", ready=CHART)
    # Pre-selected box 9 (selectbox) agrees with the store.
    header = TN.LIST_HEADER.format(what=TN.LIST_BOX.format(kotak=9, label=NB.LABEL[9]))
    expect(page.get_by_text(f"{header} ({fmt.num(len(nips))})")).to_be_visible()
    # Now pick the box in the chart itself (rectangle selection over its tile). A drag that
    # lands while Plotly is still redrawing the chart selects nothing: drag again (up to 3).
    chosen = page.get_by_text(TN.SELECTED_POINTS.format(n=fmt.num(len(nips))))
    for attempt in range(3):
        _drag_over_box(page, 9)
        try:
            expect(chosen).to_be_visible(timeout=20_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
    expect(chosen).to_be_visible()
    sel_header = TN.LIST_HEADER.format(what=TN.LIST_SELECTION)
    expect(page.get_by_text(f"{sel_header} ({fmt.num(len(nips))})")).to_be_visible()
    frame = page.locator(DATAFRAME).first
    rows = grid_rows(frame, min_rows=len(nips))
    shown = {r[TN.COL["nip"]] for r in rows}
    assert rows and shown <= nips and len(shown) == len(rows), (shown, nips)

    # Open the first person's card from the list.
    click_row_marker(page, frame, 0)
    expect(page.get_by_role("heading", name=TN.CARD)).to_be_visible()
    expect(
        page.get_by_text(TN.CARD_BOX.format(kotak=9, label=NB.LABEL[9], tahun=t))
    ).to_be_visible()
    no_exception(page)


def test_ninebox_list_download_matches_box(app, new_page, e2e_data, oracle):
    """Download the box-9 list as CSV and find exactly the people of box 9 in it."""
    t = e2e_data.tahun
    nips = box_nips(oracle, BADUNG, t, 9)
    page = new_page(1440, 1600)
    goto(page, app, f"sembilan-kotak?tahun={t}&instansi={BADUNG}&p_kotak=9", ready=DATAFRAME)
    button = page.locator('[data-testid="stDownloadButton"]').filter(has_text=TC.DOWNLOAD_CSV).first
    with page.expect_download() as info:
        button.click()
    content = info.value.path().read_bytes().decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(content.splitlines()[0], delimiters=",;")
    rows = list(csv.DictReader(io.StringIO(content), dialect=dialect))
    assert len(rows) == len(nips)
    assert {r[TN.COL["nip"]] for r in rows} == nips
    assert {r[TN.COL["kotak"]] for r in rows} == {"9"}
    names = dict(
        oracle.execute(
            "SELECT nip, nama FROM pegawai WHERE instansi_id = $i", {"i": BADUNG}
        ).fetchall()
    )
    assert all(r[TN.COL["nama"]] == names[r[TN.COL["nip"]]] for r in rows)


# -- 4. competency heatmap rows ----------------------------------------------------------------------
def _heat_rows(page: Page) -> set[str]:
    traces = chart_data(page)
    heat = [t for t in traces if t["type"] == "heatmap"]
    assert heat, "no heatmap on the competency page"
    return {str(y) for t in heat for y in t["y"]}


def test_competency_heatmap_rows_switch(app, new_page, e2e_data, oracle):
    """Switch the heatmap rows from instances to position types; rows and URL follow."""
    page = new_page(1440, 1200)
    goto(page, app, f"gap-kompetensi?tahun={e2e_data.tahun}", ready=CHART)
    inst_names = {r[0] for r in oracle.execute("SELECT nama FROM instansi").fetchall()}
    before = _heat_rows(page)
    assert before and any(any(n in y for n in inst_names) for y in before), before
    choose(page, combo(page, TK.BARIS).first, TK.BARIS_OPSI["jenis"])
    expect(page).to_have_url(re.compile(r"[?&]p_baris=jenis(&|$)"))
    page.wait_for_function(
        """(want) => { const gd = document.querySelector('.js-plotly-plot');
             return gd && gd.data && gd.data.some(t => t.type === 'heatmap' &&
               Array.from(t.y).some(y => want.includes(String(y)))); }""",
        arg=[r[0] for r in oracle.execute("SELECT DISTINCT jenis_jabatan FROM pegawai").fetchall()],
    )
    after = _heat_rows(page)
    assessed = {
        r[0]
        for r in oracle.execute(
            "SELECT DISTINCT p.jenis_jabatan FROM pegawai p SEMI JOIN kompetensi k ON k.nip = p.nip"
        ).fetchall()
    }
    assert after == assessed, (after, assessed)
    assert not (after & before)


# -- 5. JP completion of a unit ------------------------------------------------------------------------
def test_jp_completion_of_a_unit(app, new_page, e2e_data, oracle):
    """Filter one unit: the PNS share with ≥ 20 JP shown equals the one computed from the store."""
    t = e2e_data.tahun
    unit_id = _one(
        oracle,
        """SELECT unit_id FROM pegawai WHERE instansi_id = $i AND status_kepegawaian = 'PNS'
           GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1""",
        {"i": BADUNG},
    )
    as_of = data_as_of(oracle) if data_as_of(oracle).year == t else date(t, 12, 31)
    n, met = jp_unit(oracle, unit_id, t, as_of)
    assert n > 0
    page = new_page(1440, 1200)
    goto(
        page,
        app,
        f"jam-pelajaran?tahun={t}&instansi={BADUNG}&unit={unit_id}&status=PNS",
        ready=METRIC,
    )
    assert query(page).get("unit") == str(unit_id)
    expect(metric(page, TJ.M_PEGAWAI)).to_have_text(fmt.num(n))
    expect(metric(page, TJ.M_MEMENUHI.format(target=fmt.num(20)))).to_have_text(fmt.num(met))
    expect(metric(page, TJ.M_PERSEN)).to_have_text(fmt.pct(met / n))


# -- 6. maturity table → instance filter → page link -----------------------------------------------
def test_maturity_row_opens_instance(app, new_page, e2e_data, oracle):
    """Select an instance in the maturity table: the filter is set, and its links open pages."""
    page = new_page(1440, 1600)
    goto(page, app, f"kematangan-mt?tahun={e2e_data.tahun}", ready=DATAFRAME)
    frame = (
        page.locator(DATAFRAME)
        .filter(has=page.locator("th", has_text=re.compile(rf"^{re.escape(TM.COL_NO)}$")))
        .first
    )
    frame.wait_for()
    first = grid_rows(frame)[0]
    click_row_marker(page, frame, 0)
    expect(page).to_have_url(re.compile(r"[?&]instansi=\d+(&|$)"))
    iid = int(query(page)["instansi"])
    name = _one(oracle, "SELECT nama FROM instansi WHERE id = $i", {"i": iid})
    assert first[TM.COL_NAMA] == name, (first, iid)
    expect(page.get_by_text(TM.SELECTED.format(nama=name).replace("**", ""))).to_be_visible()
    page.get_by_role("link", name=TM.LINK_NINEBOX).last.click()
    expect(page).to_have_url(re.compile(r"/sembilan-kotak\?.*instansi=" + str(iid)))
    n = _one(oracle, "SELECT count(*) FROM pegawai WHERE instansi_id = $i", {"i": iid})
    expect(metric(page, TN.M_PEGAWAI)).to_have_text(fmt.num(n))


# -- 7. meeting mode: no full name on screen -------------------------------------------------------------
def test_meeting_mode_shows_no_full_name(app, new_page, e2e_data, oracle):
    """Meeting mode (grid and agenda card): no full name or NIP of the instance is on screen."""
    if e2e_data.meeting_id is None:
        pytest.skip("meeting mode (pages/rapat.py) not present")
    from ui.text import rapat as TP

    page = new_page(1920, 1080)
    goto(page, app, f"rapat-komite?p_rapat={e2e_data.meeting_id}&p_no=1", ready=CHART)
    expect(page.get_by_text(TP.MASK_BADGE)).to_be_visible()
    no_exception(page)
    people = oracle.execute(
        "SELECT nama, nip FROM pegawai WHERE instansi_id = $i", {"i": BADUNG}
    ).fetchall()

    def check(where: str) -> None:
        text = page.locator("body").inner_text()
        html = page.content()
        names = [n for n, _ in people if n in text or n in html]
        nips = [p for _, p in people if p in text]
        assert not names, f"{where}: full names on screen: {names[:5]}"
        assert not nips, f"{where}: NIPs on screen: {nips[:5]}"

    check("grid")
    page.get_by_text(TP.VIEWS[1], exact=True).click()
    settle(page)
    expect(page.get_by_text(TP.MASKED_CARD)).to_be_visible()
    no_exception(page)
    check("agenda card")
    page.get_by_text(TP.VIEWS[2], exact=True).click()
    settle(page)
    check("decision summary")


# -- 8. uploads (on their own copy of the store) -------------------------------------------------------
def _bad_files() -> list[dict]:
    rows = [
        pegawai(910),
        pegawai(911, nip="12345"),  # row 3: NIP not 18 digits
        pegawai(912, instansi="Kabupaten Badungg"),  # row 4: unknown instance
        pegawai(913, golongan="V/z"),  # row 5: golongan outside the list
    ]
    kin = [
        {"nip": make_nip(910), "tahun": 2025, "predikat": "Baik"},
        {"nip": "199001012015011999", "tahun": 2025, "predikat": "Baik"},  # row 3: unknown NIP
    ]
    return [
        {"name": "pegawai.csv", "mimeType": "text/csv", "buffer": csv_bytes(rows)},
        {"name": "kinerja.csv", "mimeType": "text/csv", "buffer": csv_bytes(kin)},
    ]


BAD_ERRORS = [
    ("kinerja.csv", "3", "nip"),
    ("pegawai.csv", "3", "nip"),
    ("pegawai.csv", "4", "instansi"),
    ("pegawai.csv", "5", "golongan"),
]


def _good_files() -> list[dict]:
    rows = [pegawai(900), pegawai(901, golongan="III/a", jenis_kelamin="P")]
    kin = [{"nip": make_nip(900), "tahun": 2025, "predikat": "sangat baik"}]
    return [
        {"name": "pegawai.csv", "mimeType": "text/csv", "buffer": csv_bytes(rows)},
        {"name": "kinerja.csv", "mimeType": "text/csv", "buffer": csv_bytes(kin)},
    ]


def _asn(page: Page, base: str, tahun: int) -> str:
    goto(page, base, f"?tahun={tahun}", ready=METRIC)
    return metric(page, TR.M_ASN).inner_text()


def _upload_and_check(page: Page, base: str, files: list[dict]) -> None:
    goto(page, base, "impor-ekspor", ready='[data-testid="stFileUploader"]')
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(files)
    settle(page)
    page.get_by_role("button", name=TI.STEP_CHECK).click()
    settle(page)


def test_upload_bad_file_shows_every_error_and_changes_nothing(
    app_writable, new_page, e2e_data, oracle
):
    """Upload bad files: every error is listed (and in the errors CSV); figures stay the same."""
    n = _one(oracle, "SELECT count(*) FROM pegawai")
    page = new_page(1440, 1600)
    assert _asn(page, app_writable, e2e_data.tahun) == fmt.num(n)
    _upload_and_check(page, app_writable, _bad_files())
    expect(page.get_by_text(re.compile(r"\b4 kesalahan"))).to_be_visible()
    expect(page.get_by_role("button", name=TI.STEP_IMPORT)).to_be_disabled()
    with page.expect_download() as info:
        page.get_by_role("button", name=TI.ERRORS_DOWNLOAD).click()
    report = list(csv.DictReader(io.StringIO(info.value.path().read_bytes().decode("utf-8-sig"))))
    got = sorted((r["berkas"], r["baris"], r["kolom"]) for r in report if r["jenis"] == "galat")
    assert got == BAD_ERRORS
    errors = page.locator(DATAFRAME).filter(has=page.locator("th", has_text=TI.COL_ALASAN)).first
    assert len(grid_rows(errors)) == len(BAD_ERRORS)
    no_exception(page)
    assert _asn(page, app_writable, e2e_data.tahun) == fmt.num(n)


def test_upload_good_file_changes_figures(app_writable, new_page, e2e_data, oracle):
    """Upload good files: checked, imported, and the landing page counts two more employees."""
    n = _one(oracle, "SELECT count(*) FROM pegawai")
    page = new_page(1440, 1600)
    _upload_and_check(page, app_writable, _good_files())
    expect(page.get_by_text(TI.REPORT_OK.format(rows=fmt.num(3), n=2))).to_be_visible()
    page.get_by_role("button", name=TI.STEP_IMPORT).click()
    settle(page)
    expect(page.locator('[data-testid="stAlertContentSuccess"]').first).to_be_visible()
    no_exception(page)
    expect_n = fmt.num(n + 2)
    goto(page, app_writable, f"?tahun={e2e_data.tahun}", ready=METRIC)
    expect(metric(page, TR.M_ASN)).to_have_text(expect_n)
