"""Nine-box talent map: grid, drill-down and card, succession, movement, calibration, curve."""

from __future__ import annotations

import streamlit as st

from analytics.filters import Filter
from analytics.fmt import num, pct, tanggal
from analytics.queries import ninebox as Q
from analytics.rules import distribution as D
from analytics.rules import ninebox as R
from ui import ninebox_chart as C
from ui.cache import run
from ui.common import downloads, header
from ui.ninebox_card import render_card
from ui.state import current_filter, current_scope, get_db
from ui.text import ninebox as T

header(T.TITLE, T.CAPTION)
db = get_db()
demo = db.is_demo
scope = current_scope()
flt = current_filter()
people_ok = not scope.aggregates_only

# -- controls ---------------------------------------------------------------------------------
c1, c2 = st.columns([1.2, 1])
qp = st.query_params
if "nb_placement" not in st.session_state:
    st.session_state["nb_placement"] = "asli" if qp.get("p_tampilan") == "asli" else "kalibrasi"
placement = c1.radio(
    T.PLACEMENT, list(T.PLACEMENT_OPTIONS), format_func=T.PLACEMENT_OPTIONS.get,
    horizontal=True, key="nb_placement", help=T.PLACEMENT_HELP,
)  # fmt: skip
calibrated = placement == "kalibrasi"
if calibrated:
    qp.pop("p_tampilan", None)
else:
    qp["p_tampilan"] = "asli"
with c2.expander(T.SETTINGS):
    s_sedang = st.number_input(
        T.SKOR_SEDANG, 0.0, 100.0, R.DEFAULT.skor_sedang, 1.0, key="nb_sedang", help=T.SKOR_HELP
    )
    s_tinggi = st.number_input(
        T.SKOR_TINGGI, 0.0, 100.0, R.DEFAULT.skor_tinggi, 1.0, key="nb_tinggi", help=T.SKOR_HELP
    )
    ratio = st.number_input(
        T.TARGET_RATIO, 1, 10, R.DEFAULT.target_ratio, 1, key="nb_ratio", help=T.TARGET_RATIO_HELP
    )
    ready_years = st.number_input(
        T.READY_YEARS, 1, 5, R.DEFAULT.ready_years_in_pool, 1, key="nb_ready", help=T.READY_HELP
    )
try:
    cfg = R.NineBoxConfig(
        skor_sedang=float(s_sedang), skor_tinggi=float(s_tinggi), target_ratio=int(ratio),
        ready_years_in_pool=int(ready_years),
    )  # fmt: skip
except ValueError:
    st.error(T.BAD_THRESHOLDS)
    cfg = R.DEFAULT

years = run(Q.data_years, Filter(tahun=flt.tahun))  # the same for every filter: one cache entry
if flt.tahun not in years:
    st.info(T.NO_SKP_YEAR.format(tahun=flt.tahun))
summary = run(Q.box_counts, flt, cfg, calibrated)
m = st.columns(4)
m[0].metric(T.M_PEGAWAI, num(summary.total))
m[1].metric(
    T.M_DIPETAKAN,
    T.M_DIPETAKAN_VALUE.format(
        n=num(summary.dipetakan),
        p=pct(summary.dipetakan / summary.total if summary.total else None),
    ),
)
m[2].metric(T.M_BELUM, num(summary.belum_total))
m[3].metric(T.M_SUKSESI, num(summary.suksesi))
if summary.total == 0:
    st.info(T.NO_PEOPLE)
    st.stop()

tabs = st.tabs(list(T.TABS), key="nb_tab", on_change="rerun")

# -- tab 1: the grid, the list of a box, the employee card ------------------------------------
with tabs[0]:
    point_mode = people_ok and summary.dipetakan <= Q.POINTS_LIMIT
    points = run(Q.people, flt, (), cfg, calibrated, False, Q.POINTS_LIMIT) if point_mode else None
    counts = dict(summary.kotak.select("kotak", "jumlah").iter_rows())
    box_options = [*reversed(R.BOXES), 0]
    if "nb_box" not in st.session_state:
        try:
            st.session_state["nb_box"] = int(qp.get("p_kotak", "9"))
        except ValueError:
            st.session_state["nb_box"] = 9
        if st.session_state["nb_box"] not in box_options:
            st.session_state["nb_box"] = 9
    g1, g2 = st.columns([2.3, 1])
    with g1:
        fig = C.ninebox_figure(
            summary.kotak, points, masked=scope.masked, demo=demo,
            selected=st.session_state["nb_box"] or None,
        )  # fmt: skip
        event = st.plotly_chart(
            fig, key=f"nb_chart_{'p' if point_mode else 't'}", on_select="rerun",
            selection_mode=("points", "box"), width="stretch",
        )  # fmt: skip
        st.caption(
            T.POINT_MODE
            if point_mode
            else T.TILE_MODE.format(n=num(summary.dipetakan), limit=num(Q.POINTS_LIMIT))
        )
    keys, chart_box = C.selection(event)
    if chart_box is not None and chart_box != st.session_state.get("_nb_last_chart_box"):
        st.session_state["nb_box"] = chart_box
    st.session_state["_nb_last_chart_box"] = chart_box
    with g2:
        box = st.selectbox(
            T.PICK_BOX, box_options, key="nb_box",
            format_func=lambda b: (
                T.BOX_OPTION.format(kotak=b, label=R.LABEL[b], n=num(counts.get(b, 0)))
                if b else T.UNMAPPED_OPTION.format(n=num(summary.belum_total))
            ),
        )  # fmt: skip
        qp["p_kotak"] = str(box)
        if box:
            st.markdown(f"**{T.RECOMMENDATION.format(kotak=box)}**")
            st.info(R.RECOMMENDATION[box])
        st.markdown(f"**{T.UNMAPPED_HEADER.format(n=num(summary.belum_total))}**")
        for alasan, n in summary.belum.iter_rows():
            st.markdown(f"- {T.REASON[alasan]}: **{num(n)}**")

    if not people_ok:
        st.info(T.AGG_ONLY)
    else:
        unmapped = box == 0 and not keys
        if keys and points is not None:
            listing = C.rows_for(points, keys)
            what = T.LIST_SELECTION
            st.caption(T.SELECTED_POINTS.format(n=num(len(keys))))
            total = listing.height
            full = C.list_view(listing, unmapped=False)
        else:  # a page of the box's people; the download queries the whole list on click
            boxes = (box,) if box else ()
            listing = run(Q.people, flt, boxes, cfg, calibrated, box == 0, Q.PAGE_ROWS)
            what = T.LIST_BOX.format(kotak=box, label=R.LABEL[box]) if box else R.UNMAPPED_LABEL
            total = counts.get(box, 0) if box else summary.belum_total

            def full(boxes=boxes, unmapped=box == 0):
                rows = Q.people(db, flt, scope, boxes, cfg, calibrated, unmapped, None)
                return C.list_view(rows, unmapped=unmapped)

        st.markdown(f"#### {T.LIST_HEADER.format(what=what)} ({num(total)})")
        if listing.height < total:
            st.caption(T.LIST_TRUNCATED.format(shown=num(listing.height), total=num(total)))
        view = C.list_view(listing, unmapped=unmapped)
        st.caption(T.LIST_HINT)
        picked = st.dataframe(
            view, hide_index=True, width="stretch", on_select="rerun",
            selection_mode="single-row", key=f"nb_list_{box}_{len(keys)}",
        )  # fmt: skip
        downloads(full, f"9kotak_{flt.tahun}_{'seleksi' if keys else f'kotak{box}'}", "nb_dl")
        rows = picked["selection"]["rows"] if picked else []
        if rows:
            kunci = listing["kunci"][rows[0]]
            st.divider()
            st.markdown(f"### {T.CARD}")
            card = run(Q.employee_card, flt, kunci, cfg)
            if card is None:
                st.warning(T.CARD_GONE)
            else:
                render_card(card, tahun=flt.tahun, masked=scope.masked)
                if scope.role in Q.CALIBRATION_ROLES and card.kotak:
                    with st.form(f"nb_cal_{kunci}"):
                        st.markdown(f"**{T.CAL_FORM.format(tahun=flt.tahun)}**")
                        new_box = st.selectbox(
                            T.CAL_NEW, [b for b in reversed(R.BOXES) if b != card.kotak],
                            format_func=lambda b: f"{b} · {R.LABEL[b]}", key=f"nb_cal_box_{kunci}",
                        )  # fmt: skip
                        reason = st.text_area(
                            T.CAL_REASON, key=f"nb_cal_reason_{kunci}", help=T.CAL_REASON_HELP
                        )
                        f1, f2 = st.columns(2)
                        save = f1.form_submit_button(T.CAL_SUBMIT, type="primary")
                        cancel = f2.form_submit_button(T.CAL_CANCEL)
                    if db.read_only and (save or cancel):
                        st.error(T.CAL_READ_ONLY)
                    elif save:
                        try:
                            Q.calibrate(db, flt, scope, kunci, int(new_box), reason, cfg)
                            st.session_state["_nb_flash"] = T.CAL_DONE.format(
                                asal=card.kotak, baru=new_box
                            )
                            st.rerun()
                        except Q.CalibrationError as e:
                            st.error(T.CAL_ERRORS[e.code])
                    elif cancel:
                        try:
                            done = Q.cancel_calibration(db, flt, scope, kunci, reason)
                            if done:
                                st.session_state["_nb_flash"] = T.CAL_CANCELLED
                                st.rerun()
                            st.info(T.CAL_NONE_ACTIVE)
                        except Q.CalibrationError as e:
                            st.error(T.CAL_ERRORS[e.code])
    flash = st.session_state.pop("_nb_flash", None)
    if flash:
        st.toast(flash)
        st.success(flash)

# -- tab 2: succession --------------------------------------------------------------------------
with tabs[1]:
    if tabs[1].open:  # lazy: only the selected view runs
        st.caption(T.POOL_NOTE)
        pool = run(Q.succession_pool, flt, cfg, calibrated)
        st.markdown(f"#### {T.TARGET_HEADER}")
        start, end = run(Q.target_window, flt, cfg)
        st.caption(
            T.TARGET_NOTE.format(mulai=tanggal(start), akhir=tanggal(end), rasio=cfg.target_ratio)
        )
        targets = run(Q.target_positions, flt, cfg, calibrated)
        if targets.is_empty():
            st.info(T.TARGET_NONE)
        else:
            tview = C.target_view(targets)
            st.dataframe(
                tview.rename(T.TARGET_COLS),
                hide_index=True, width="stretch",
            )  # fmt: skip
            downloads(tview, f"jabatan_target_{flt.tahun}", "nb_dl_target")
        st.markdown(f"#### {T.POOL_HEADER}")
        if len(set(pool["instansi"].to_list())) > 1:
            st.markdown(f"**{T.POOL_CHART}**")
            st.plotly_chart(C.pool_figure(pool, demo=demo), key="nb_pool_chart", width="stretch")
        pview = pool.select(list(T.POOL_COLS))
        st.dataframe(
            pview.rename(T.POOL_COLS), hide_index=True, width="stretch",
            column_config={T.POOL_COLS["persen"]: st.column_config.NumberColumn(format="percent")},
        )  # fmt: skip
        downloads(pview, f"kelompok_suksesi_{flt.tahun}", "nb_dl_pool")
        if people_ok:
            st.markdown(f"#### {T.HOLDERS}")
            holders = run(Q.target_holders, flt, cfg, Q.PAGE_ROWS)
            n_holders = int(targets["target"].sum()) if targets.height else 0
            if holders.height < n_holders:
                st.caption(T.LIST_TRUNCATED.format(shown=num(holders.height), total=num(n_holders)))
            hcols = [
                "nama",
                "nip",
                "instansi",
                "unit",
                "jabatan",
                "jenis_jabatan",
                "golongan",
                "tanggal_pensiun",
            ]
            st.dataframe(C.person_view(holders, hcols), hide_index=True, width="stretch")
            downloads(  # the whole list, queried on click
                lambda: C.person_view(Q.target_holders(db, flt, scope, cfg, None), hcols),
                f"pemangku_jabatan_target_{flt.tahun}", "nb_dl_holders",
            )  # fmt: skip
            st.markdown(f"#### {T.CANDIDATES}")
            st.caption(T.READINESS_NOTE.format(n=cfg.ready_years_in_pool))
            cand = run(Q.pool_candidates, flt, cfg, calibrated, Q.PAGE_ROWS)
            n_cand = int(pool["kelompok"].sum()) if pool.height else 0
            if cand.height < n_cand:
                st.caption(T.LIST_TRUNCATED.format(shown=num(cand.height), total=num(n_cand)))
            ccols = ["nama", "nip", "instansi", "unit", "jabatan", "jenis_jabatan", "golongan", "kotak",
                     "tahun_kelompok", "kesiapan", "tanggal_pensiun"]  # fmt: skip
            st.dataframe(C.person_view(cand, ccols), hide_index=True, width="stretch")
            downloads(  # the whole list, queried on click
                lambda: C.person_view(
                    Q.pool_candidates(db, flt, scope, cfg, calibrated, None), ccols
                ),
                f"calon_suksesi_{flt.tahun}", "nb_dl_cand",
            )  # fmt: skip

# -- tab 3: movement ---------------------------------------------------------------------------
with tabs[2]:
    if tabs[2].open:  # lazy: only the selected view runs
        if len(years) < 2:
            st.info(T.ONE_YEAR.format(n=len(years)))
        else:
            y1, y2, _ = st.columns([1, 1, 2])
            b_idx = years.index(flt.tahun) if flt.tahun in years else len(years) - 1
            tahun_a = y1.selectbox(T.YEAR_A, years, index=max(b_idx - 1, 0), key="nb_year_a")
            tahun_b = y2.selectbox(T.YEAR_B, years, index=b_idx, key="nb_year_b")
            if tahun_a == tahun_b:
                st.warning(T.SAME_YEAR)
            else:
                mv = run(Q.transitions, flt, tahun_a, tahun_b, cfg, calibrated)
                mm = st.columns(4)
                for i, k in enumerate(("naik", "tetap", "turun", "tidak_lengkap")):
                    mm[i].metric(T.MOVE[k], num(mv.ringkas[k]), help=T.MOVE_HELP)
                st.markdown(f"**{T.SANKEY.format(a=tahun_a, b=tahun_b)}**")
                st.plotly_chart(
                    C.sankey_figure(mv.pairs, tahun_a, tahun_b, demo=demo),
                    key="nb_sankey",
                    width="stretch",
                )
                st.markdown(f"**{T.MATRIX.format(a=tahun_a, b=tahun_b)}**")
                st.plotly_chart(
                    C.matrix_figure(mv.matrix, tahun_a, tahun_b, demo=demo),
                    key="nb_matrix",
                    width="stretch",
                )
                downloads(mv.matrix, f"perpindahan_{tahun_a}_{tahun_b}", "nb_dl_move")

# -- tab 4: calibration log ----------------------------------------------------------------------
with tabs[3]:
    if tabs[3].open:  # lazy: only the selected view runs
        st.info(T.CAL_INTRO)
        if people_ok:
            st.markdown(f"#### {T.CAL_HISTORY.format(tahun=flt.tahun)}")
            cal = run(Q.calibrations, flt)
            if cal.is_empty():
                st.caption(T.CAL_EMPTY)
            else:
                calview = cal.drop("kunci").rename(T.CAL_COLS)
                st.dataframe(calview, hide_index=True, width="stretch")
                downloads(calview, f"kalibrasi_{flt.tahun}", "nb_dl_cal")
        else:
            st.info(T.AGG_ONLY)

# -- tab 5: distribution curve -----------------------------------------------------------------
with tabs[4]:
    if tabs[4].open:  # lazy: only the selected view runs
        st.warning(T.DIST_UNCERTAIN)
        org = st.selectbox(T.ORG_PREDIKAT, D.ORG_PREDIKAT, index=1, key="nb_org", help=T.ORG_HELP)
        if len(flt.instansi) != 1:
            st.caption(T.DIST_ONE_INST)
        dist = run(Q.skp_distribution, flt)
        rated = int(dist["jumlah"].sum())
        if rated == 0:
            st.info(T.DIST_NONE)
        else:
            d1, d2 = st.columns([1.4, 1])
            with d1:
                st.markdown(f"**{T.DIST_CHART.format(tahun=flt.tahun, n=num(rated))}**")
                st.plotly_chart(
                    C.distribution_figure(dist, demo=demo), key="nb_dist", width="stretch"
                )
            with d2:
                chk = run(Q.distribution_check, flt, org)
                cview = C.distribution_view(chk)
                st.dataframe(cview.rename(T.DIST_COLS), hide_index=True, width="stretch")
            if len(flt.instansi) != 1:
                st.markdown(f"**{T.DIST_BY_INST}**")
                per = run(Q.distribution_by_instansi, flt, org)
                st.dataframe(
                    per.drop("instansi_id").rename(T.DIST_INST_COLS), hide_index=True, width="stretch",
                    column_config={p: st.column_config.NumberColumn(format="percent") for p in ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")},
                )  # fmt: skip
                downloads(per, f"kurva_distribusi_{flt.tahun}", "nb_dl_dist")
