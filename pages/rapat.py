"""Komite Talenta meeting mode: setup, nine-box, agenda with card and decision, summary, files.

Everything on screen in the meeting view comes from the meeting's frozen snapshot and is masked
(initials + code) unless one person is revealed on purpose (audited). URL: p_rapat (meeting id),
p_no (agenda position).
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from analytics import meeting as M
from analytics import minutes as MN
from analytics.auth import can
from analytics.fmt import num, tanggal
from analytics.queries.common import instansi_options
from analytics.queries.ninebox import CalibrationError, data_years
from analytics.rules import ninebox as R
from ui.cache import run
from ui.charts import NINEBOX_LABEL_COLORS
from ui.common import downloads, header
from ui.ninebox_card import render_card
from ui.ninebox_chart import ninebox_figure, selection
from ui.state import current_filter, current_scope, get_db
from ui.text import rapat as T

MEETING_CSS = """
<style>
/* Meeting mode: readable from the back of a room on a 1920x1080 projector. */
[data-testid="stMainBlockContainer"], .block-container {padding-top: 1.2rem; max-width: 100%;}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {
  font-size: 1.45rem; line-height: 1.45;}
h1 {font-size: 2.5rem !important;} h2 {font-size: 2.1rem !important;}
h3 {font-size: 1.8rem !important;}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {font-size: 3rem !important;
  line-height: 1.2;}
[data-testid="stMetricLabel"] p {font-size: 1.3rem !important;}
[data-testid="stWidgetLabel"] p, label p {font-size: 1.3rem !important;}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {font-size: 1.15rem;}
.stButton button, .stDownloadButton button, .stFormSubmitButton button {
  min-height: 3.4rem; padding: 0.5rem 1.6rem;}
.stButton button p, .stDownloadButton button p, .stFormSubmitButton button p {
  font-size: 1.45rem; font-weight: 600;}
div[data-baseweb="select"] *, textarea, input {font-size: 1.3rem !important;}
.rapat-badge {display:inline-block; padding:4px 14px; border-radius:14px; font-weight:700;
  font-size:1.2rem; background:#E8F1FA; color:#0B4F8A; border:2px solid #0B4F8A;}
.rapat-open {background:#FFF4CE; color:#5C4400; border-color:#C9A227;}
</style>
"""
HIDE_CHROME_CSS = """
<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], header[data-testid="stHeader"] {display: none;}
</style>
"""
K_RAPAT, K_NO, K_VIEW, K_JUMP, K_REVEAL = (
    "p_rapat",
    "p_no",
    "rapat_view",
    "rapat_jump",
    "rapat_reveal",
)

K_VIEW_URL = "p_tampilan"
VIEW_KEYS = ("peta", "agenda", "ringkasan", "berkas")

scope = current_scope()
flt = current_filter()
db = get_db()

if scope.aggregates_only or not can(scope, "meeting"):
    header(T.TITLE, T.CAPTION)
    st.error(T.NO_ACCESS)
    st.stop()


def _int_param(name: str) -> int | None:
    raw = st.query_params.get(name)
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def _open(rid: int | None) -> None:
    """Switch to a meeting (None = back to setup); the agenda starts at item 1."""
    st.session_state.pop(K_REVEAL, None)
    st.session_state.pop(K_JUMP, None)
    st.session_state.pop(K_VIEW, None)
    if rid is None:
        st.query_params.pop(K_RAPAT, None)
        st.query_params.pop(K_NO, None)
        st.query_params.pop(K_VIEW_URL, None)
    else:
        st.query_params[K_RAPAT] = str(rid)
        st.query_params[K_NO] = "1"


# -- setup view ---------------------------------------------------------------------------------


def _setup() -> None:
    header(T.TITLE, T.CAPTION)
    rows = run(M.meetings, flt)
    st.subheader(T.SETUP_OPEN)
    if rows.is_empty():
        st.info(T.SETUP_NONE)
    else:
        labels = {
            int(r["id"]): T.SETUP_OPTION.format(
                id=r["id"],
                judul=r["judul"],
                instansi=r["instansi"],
                tanggal=tanggal(r["tanggal"]),
                diputuskan=num(r["diputuskan"]),
                agenda=num(r["jumlah_agenda"]),
                tutup=T.SETUP_CLOSED if r["ditutup"] else "",
            )
            for r in rows.iter_rows(named=True)
        }
        c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
        pick = c1.selectbox(T.SETUP_PICK, list(labels), format_func=labels.get, key="rapat_pick")
        if c2.button(T.SETUP_OPEN_BUTTON, type="primary", key="rapat_open", width="stretch"):
            _open(int(pick))
            st.rerun()

    st.subheader(T.SETUP_NEW)
    st.caption(T.SETUP_NEW_NOTE)
    inst = instansi_options(db, scope)
    names = dict(zip(inst["id"].to_list(), inst["nama"].to_list(), strict=True))
    if not names:
        st.info(T.ERR["tanpa_pegawai"])
        return
    years = run(data_years, flt) or [flt.tahun]
    default_inst = flt.instansi[0] if len(flt.instansi) == 1 and flt.instansi[0] in names else None
    if st.session_state.pop("rapat_clear_nip", False):
        st.session_state["rapat_f_nip"] = ""
    c1, c2 = st.columns([3, 1])
    iid = c1.selectbox(
        T.F_INSTANSI,
        list(names),
        index=list(names).index(default_inst) if default_inst else 0,
        format_func=names.get,
        key="rapat_f_instansi",
    )
    tahun = c2.selectbox(
        T.F_TAHUN,
        years,
        index=years.index(flt.tahun) if flt.tahun in years else len(years) - 1,
        key="rapat_f_tahun",
    )
    mode = st.radio(
        T.F_AGENDA,
        list(T.AGENDA_OPTIONS),
        format_func=T.AGENDA_OPTIONS.get,
        horizontal=True,
        key="rapat_f_agenda",
    )
    with st.form("rapat_baru"):
        judul = st.text_input(
            T.F_JUDUL, value=T.F_JUDUL_DEFAULT.format(instansi=names[iid], tahun=tahun)
        )
        c1, c2 = st.columns(2)
        tgl = c1.date_input(T.F_TANGGAL, value=date.today(), format="DD/MM/YYYY")
        tempat = c2.text_input(T.F_TEMPAT)
        peserta = st.text_area(T.F_PESERTA, help=T.F_PESERTA_HELP, key="rapat_f_peserta")
        boxes: list[int] = list(M.AGENDA_BOXES)
        nip_text = ""
        if mode == "kotak":
            boxes = st.multiselect(
                T.F_KOTAK,
                list(M.AGENDA_BOXES),
                default=list(M.AGENDA_BOXES),
                format_func=lambda b: f"{b} · {R.LABEL[b]}",
                help=T.F_KOTAK_HELP,
                key="rapat_f_kotak",
            )
        else:
            nip_text = st.text_area(T.F_NIP, help=T.F_NIP_HELP, key="rapat_f_nip")
        submitted = st.form_submit_button(T.F_SUBMIT, type="primary")
    if not submitted:
        return
    try:
        rid = M.create_meeting(
            db,
            flt,
            scope,
            instansi_id=int(iid),
            tahun=int(tahun),
            judul=judul,
            tanggal=tgl,
            peserta=peserta,
            agenda_kotak=tuple(boxes),
            agenda_nip=nip_text if mode == "daftar" else None,
            tempat=tempat,
        )
    except M.MeetingError as e:
        if e.code == "nip_tidak_dikenal":
            lines = [" ".join(x.split()) for x in nip_text.splitlines()]
            rows_bad = [str(i) for i, x in enumerate(lines, start=1) if x in set(e.items)]
            st.error(T.ERR[e.code].format(n=len(e.items), baris=", ".join(rows_bad)))
        else:
            st.error(T.ERR.get(e.code, e.code))
        return
    info = M.meeting_info(db, flt, scope, rid)
    st.session_state["rapat_saved"] = T.CREATED.format(
        id=rid, snap=info.snapshot_id, n=num(info.jumlah_pegawai), agenda=num(info.jumlah_agenda)
    )
    st.session_state["rapat_clear_nip"] = True
    _open(rid)
    st.rerun()


# -- meeting view ---------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=64)
def _grid_figure(kotak, demo: bool):
    """The nine-box tiles (building the figure takes ~0.5 s on a busy machine; the figure is
    shared read-only, keyed by the counts)."""
    return ninebox_figure(kotak, None, masked=True, demo=demo, height=740)


def _grid(rid: int, info: M.Meeting, ag) -> None:
    left, right = st.columns([4, 1], gap="large")
    with right:
        after = st.toggle(T.GRID_AFTER, key="rapat_grid_after")
        summary = run(M.box_summary, flt, rid, after)
        counts = run(M.decision_counts, flt, rid)
        st.metric(T.M_AGENDA, num(info.jumlah_agenda))
        st.metric(T.M_DECIDED, num(counts["diputuskan"]))
        st.metric(T.M_POOL, num(summary.suksesi))
        st.metric(T.M_CAL, num(counts["kalibrasi"]))
    with left:
        event = st.plotly_chart(
            _grid_figure(summary.kotak, db.is_demo),
            key="rapat_grid",
            on_select="rerun",
            selection_mode=("points",),
            width="stretch",
        )
        st.caption(T.GRID_CAPTION.format(total=num(summary.total), belum=num(summary.belum_total)))
    _, box = selection(event)
    if box is not None:
        hits = ag.filter(ag["kotak"] == box)
        if hits.is_empty():
            st.info(T.BOX_NOT_IN_AGENDA.format(kotak=box))
        else:
            _goto(int(hits["urutan"][0]))
            st.session_state["rapat_view_next"] = T.VIEWS[1]
            st.rerun()


def _goto(no: int) -> None:
    st.session_state.pop(K_REVEAL, None)
    st.session_state[K_JUMP] = no
    st.query_params[K_NO] = str(no)


def _step(delta: int, n: int) -> None:
    cur = int(st.session_state.get(K_JUMP, 1))
    _goto(min(max(cur + delta, 1), n))


def _decision_panel(rid: int, no: int, info: M.Meeting, card) -> None:
    st.subheader(T.DECISION)
    hist = run(M.decision_history, flt, rid, no, True)
    cur = hist.filter(hist["aktif"]) if hist.height else hist
    if cur.height:
        row = cur.row(0, named=True)
        oleh = f", {row['oleh']}" if row["oleh"] else ""
        st.caption(
            T.DECISION_CURRENT.format(
                versi=row["versi"], pada=f"{tanggal(row['pada'])} {row['pada']:%H.%M}", oleh=oleh
            )
        )
        kes0, rec0 = row["kesiapan"], list(row["rekomendasi"])
        note0, kal0 = row["catatan"] or "", row["kotak_kalibrasi"]
    else:
        kes0, rec0 = M.suggestion(card.kotak, card.riwayat, info.tahun)
        rec0 = list(rec0)
        note0, kal0 = "", None
        st.caption(T.DECISION_NONE)
    s_kes, s_rec = M.suggestion(card.kotak, card.riwayat, info.tahun)
    st.caption(
        T.SUGGESTION.format(
            kesiapan=s_kes, rekomendasi="; ".join(M.REKOMENDASI[c] for c in s_rec) or "–"
        )
    )
    cal_opts = [None, *reversed(R.BOXES)]
    with st.form(f"keputusan_{rid}_{no}", border=True):
        kes = st.radio(
            T.F_KESIAPAN,
            list(M.READINESS),
            index=list(M.READINESS).index(kes0),
            horizontal=True,
            help=T.READINESS_NOTE,
        )
        rec = st.multiselect(
            T.F_REKOMENDASI, list(M.REKOMENDASI), default=rec0, format_func=M.REKOMENDASI.get
        )
        note = st.text_area(T.F_CATATAN, value=note0, help=T.F_CATATAN_HELP, height=120)
        kal = st.selectbox(
            T.F_KALIBRASI,
            cal_opts,
            index=cal_opts.index(kal0) if kal0 in cal_opts else 0,
            format_func=lambda b: (
                T.NO_CAL if b is None else T.CAL_OPTION.format(kotak=b, label=R.LABEL[b])
            ),
            help=T.F_KALIBRASI_HELP,
        )
        save = st.form_submit_button(
            T.F_SAVE, type="primary", width="stretch", disabled=info.ditutup
        )
    if save:
        try:
            v = M.decide(
                db,
                flt,
                scope,
                rid,
                no,
                kesiapan=kes,
                rekomendasi=rec,
                catatan=note,
                kotak_kalibrasi=kal,
            )
        except M.MeetingError as e:
            st.error(T.ERR.get(e.code, e.code))
        except CalibrationError as e:
            st.error(T.ERR_CAL.get(e.code, e.code))
        else:
            st.session_state["rapat_saved"] = T.SAVED.format(versi=v)
            st.rerun()
    if hist.height > 1:
        with st.expander(T.HISTORY.format(n=hist.height)):
            cols = [c for c in T.DEC_COLS if c in hist.columns and c not in ("nama", "nip")]
            st.dataframe(
                hist.select(cols).rename({c: T.DEC_COLS[c] for c in cols}),
                hide_index=True,
                width="stretch",
            )


def _agenda(rid: int, info: M.Meeting, ag) -> None:
    n = ag.height
    if n == 0:
        st.info(T.EMPTY_AGENDA)
        return
    if K_JUMP not in st.session_state:
        start = _int_param(K_NO) or 1
        st.session_state[K_JUMP] = min(max(start, 1), n)
    labels = {
        int(r["urutan"]): T.JUMP_OPTION.format(
            no=r["urutan"],
            n=n,
            nama=r["nama"],
            nip=r["nip"],
            kotak=r["kotak"] if r["kotak"] else T.NO_BOX,
            done=T.JUMP_DONE if r["diputuskan"] else "",
        )
        for r in ag.iter_rows(named=True)
    }
    if st.session_state[K_JUMP] not in labels:
        st.session_state[K_JUMP] = 1
    c1, c2, c3 = st.columns([1, 3, 1], vertical_alignment="bottom")
    c1.button(T.PREV, key="rapat_prev", on_click=_step, args=(-1, n), width="stretch")
    no = c2.selectbox(
        T.JUMP, list(labels), format_func=labels.get, key=K_JUMP, label_visibility="collapsed"
    )
    c3.button(
        T.NEXT, key="rapat_next", on_click=_step, args=(1, n), width="stretch", type="primary"
    )
    st.query_params[K_NO] = str(no)
    revealed = st.session_state.get(K_REVEAL) == (rid, no)
    card = run(M.card, flt, rid, no, not revealed)
    if card is None:
        st.warning(T.GONE)
        return
    left, right = st.columns([2.3, 1], gap="large")
    with left:
        render_card(card, tahun=info.tahun, masked=not revealed)
        if scope.masked:
            pass  # masked by role: never revealed
        elif revealed:
            st.warning(T.REVEALED)
            if st.button(T.HIDE, key=f"rapat_hide_{rid}_{no}"):
                st.session_state.pop(K_REVEAL, None)
                st.rerun()
        else:
            st.caption(T.MASKED_CARD)
            if st.button(T.REVEAL, key=f"rapat_reveal_{rid}_{no}", help=T.REVEAL_HELP):
                if M.reveal(db, flt, scope, rid, no) is not None:
                    st.session_state[K_REVEAL] = (rid, no)
                st.rerun()
    with right:
        _decision_panel(rid, no, info, card)


def _summary(rid: int, info: M.Meeting) -> None:
    counts = run(M.decision_counts, flt, rid)
    c = st.columns(4)
    c[0].metric(T.M_DECIDED, f"{num(counts['diputuskan'])} / {num(counts['agenda'])}")
    c[1].metric(R.READY_NOW, num(counts["kesiapan"][R.READY_NOW]))
    c[2].metric(R.NEED_DEVELOPMENT, num(counts["kesiapan"][R.NEED_DEVELOPMENT]))
    c[3].metric(T.M_CAL, num(counts["kalibrasi"]))
    dec = run(M.decisions, flt, rid, True)
    if dec.is_empty():
        st.info(T.SUM_NONE)
    else:
        st.caption(T.SUM_CAPTION)
        cols = [c for c in T.DEC_COLS if c in dec.columns and c != "oleh"]
        st.dataframe(
            dec.select(cols).rename({c: T.DEC_COLS[c] for c in cols}),
            hide_index=True,
            width="stretch",
        )
    open_n = counts["agenda"] - counts["diputuskan"]
    if open_n:
        st.caption(T.SUM_OPEN.format(n=num(open_n)))
    if not info.ditutup and can(scope, "decide"):
        sure = st.checkbox(T.CLOSE_CONFIRM, key=f"rapat_close_ok_{rid}")
        if st.button(T.CLOSE, key=f"rapat_close_{rid}", disabled=not sure):
            M.close_meeting(db, flt, scope, rid)
            st.session_state["rapat_saved"] = T.CLOSED
            st.rerun()


def _files(rid: int, info: M.Meeting) -> None:
    st.markdown(T.EXPORT_INFO.format(snap=info.snapshot_id, peserta="; ".join(info.peserta) or "–"))
    stamp = MN.generated_at()
    c1, c2 = st.columns(2)
    c1.download_button(
        T.PDF,
        data=lambda: MN.minutes_pdf(db, flt, scope, rid, True),
        file_name=f"berita_acara_rapat_{rid}_{stamp}.pdf",
        mime="application/pdf",
        key=f"rapat_pdf_{rid}",
        on_click="ignore",
        width="stretch",
        type="primary",
    )
    c2.download_button(
        T.PPTX,
        data=lambda: MN.slides_pptx(db, flt, scope, rid, True, NINEBOX_LABEL_COLORS),
        file_name=f"rapat_{rid}_{stamp}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        key=f"rapat_pptx_{rid}",
        on_click="ignore",
        width="stretch",
    )
    st.caption(T.EXPORT_MASKED)
    downloads(
        run(MN.decisions_frame, flt, rid, True), T.CSV_NAME.format(id=rid), f"rapat_tab_{rid}"
    )
    if scope.masked:
        return
    with st.expander(T.ARCHIVE):
        ok = st.checkbox(T.ARCHIVE_CONFIRM, key=f"rapat_archive_ok_{rid}")
        if ok:
            a1, a2 = st.columns(2)
            a1.download_button(
                T.PDF_FULL,
                data=lambda: MN.minutes_pdf(db, flt, scope, rid, False),
                file_name=f"berita_acara_rapat_{rid}_bernama_{stamp}.pdf",
                mime="application/pdf",
                key=f"rapat_pdf_full_{rid}",
                on_click="ignore",
                width="stretch",
            )
            a2.download_button(
                T.PPTX_FULL,
                data=lambda: MN.slides_pptx(db, flt, scope, rid, False, NINEBOX_LABEL_COLORS),
                file_name=f"rapat_{rid}_bernama_{stamp}.pptx",
                mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                key=f"rapat_pptx_full_{rid}",
                on_click="ignore",
                width="stretch",
            )


def _meeting(rid: int) -> None:
    try:
        info = run(M.meeting_info, flt, rid)
    except M.MeetingError:
        st.error(T.ERR["tidak_ditemukan"])
        _open(None)
        return
    st.markdown(MEETING_CSS, unsafe_allow_html=True)
    top = st.columns([5, 1.3, 1.3], vertical_alignment="center")
    with top[2]:
        if st.button(T.BACK, key="rapat_back", width="stretch"):
            _open(None)
            st.rerun()
        full = st.toggle(T.FULLSCREEN, value=True, key="rapat_fullscreen")
    if full:
        st.markdown(HIDE_CHROME_CSS, unsafe_allow_html=True)
    with top[0]:
        header(
            info.judul,
            T.SNAPSHOT_LINE.format(
                instansi=info.instansi,
                tahun=info.tahun,
                snap=info.snapshot_id,
                versi=info.data_version,
            ),
        )
    with top[1]:
        st.markdown(f'<span class="rapat-badge">{T.MASK_BADGE}</span>', unsafe_allow_html=True)
    if info.ditutup:
        st.info(T.CLOSED_LINE.format(pada=tanggal(info.ditutup_pada)))
    if msg := st.session_state.pop("rapat_saved", None):
        st.success(msg)
    if nxt := st.session_state.pop("rapat_view_next", None):
        st.session_state[K_VIEW] = nxt
    if K_VIEW not in st.session_state:
        st.session_state[K_VIEW] = dict(zip(VIEW_KEYS, T.VIEWS, strict=True)).get(
            st.query_params.get(K_VIEW_URL, ""), T.VIEWS[0]
        )
    view = st.segmented_control(
        T.VIEW, list(T.VIEWS), key=K_VIEW, label_visibility="collapsed", width="stretch"
    )
    if view in T.VIEWS:
        st.query_params[K_VIEW_URL] = VIEW_KEYS[T.VIEWS.index(view)]
    ag = run(M.agenda, flt, rid, True)
    if view == T.VIEWS[1]:
        _agenda(rid, info, ag)
    elif view == T.VIEWS[2]:
        _summary(rid, info)
    elif view == T.VIEWS[3]:
        _files(rid, info)
    else:
        _grid(rid, info, ag)


rid = _int_param(K_RAPAT)
if rid is None:
    _setup()
else:
    _meeting(rid)
