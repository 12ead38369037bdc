"""The employee card of the nine-box page (reused by the meeting mode, with a masked path)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from analytics.fmt import num, tanggal
from analytics.queries.ninebox import EmployeeCard
from analytics.rules import ninebox as R
from ui.text import ninebox as T


def render_card(card: EmployeeCard, *, tahun: int, masked: bool = False) -> None:
    """Draw a card: identity, box and recommendation, SKP/box history, potential, competency, JP.

    With `masked` the card holds initials and a code instead of name and NIP (the query already
    masked them), and no birth date.
    """
    ident = card.identitas
    st.subheader(ident["nama"])
    c1, c2, c3 = st.columns([1.2, 1.2, 1])
    with c1:
        for key in ("nip", "instansi", "unit", "jabatan", "jenis_jabatan"):
            if ident.get(key):
                st.markdown(f"**{T.CARD_FIELDS[key]}:** {ident[key]}")
    with c2:
        for key in ("jenjang", "golongan", "status", "pendidikan"):
            if ident.get(key):
                st.markdown(f"**{T.CARD_FIELDS[key]}:** {ident[key]}")
        if not masked and ident.get("tanggal_lahir"):
            st.markdown(T.CARD_BORN.format(tanggal=tanggal(ident["tanggal_lahir"])))
        st.markdown(T.CARD_AGE.format(usia=ident["usia"], tanggal=tanggal(ident["data_per"])))
        st.markdown(
            T.CARD_RETIRE.format(tanggal=tanggal(ident["tanggal_pensiun"]), bup=ident["bup"])
        )
    with c3:
        if card.kotak:
            st.metric(
                T.CARD_BOX.format(kotak=card.kotak, label=R.LABEL[card.kotak], tahun=tahun),
                card.kotak,
            )
        else:
            st.info(T.CARD_UNMAPPED.format(tahun=tahun))
        st.markdown(f"**{T.CARD_JP.format(tahun=tahun)}:**")
        st.markdown(
            T.CARD_JP_VALUE.format(
                jp=num(card.jp["jp"], 1),
                klasikal=num(card.jp["jp_klasikal"], 1),
                nonklasikal=num(card.jp["jp_nonklasikal"], 1),
                kegiatan=num(card.jp["kegiatan"]),
            )
        )
    if card.rekomendasi:
        st.success(f"**{T.CARD_REC} (kotak {card.kotak}):** {card.rekomendasi}")
    h1, h2 = st.columns(2)
    with h1:
        st.markdown(f"**{T.CARD_SKP}**")
        st.dataframe(card.riwayat.rename(T.RIWAYAT_COLS), hide_index=True, width="stretch")
        traj = [
            f"{t}: {k if k else T.UNMAPPED_SHORT}"
            for t, k in card.riwayat.select("tahun", "kotak").iter_rows()
        ]
        if traj:
            st.caption(f"{T.CARD_TRAJ}: " + " → ".join(traj))
        st.markdown(f"**{T.CARD_POT}**")
        if card.potensial.is_empty():
            st.caption(T.CARD_POT_NONE)
        else:
            st.dataframe(card.potensial, hide_index=True, width="stretch")
    with h2:
        st.markdown(f"**{T.CARD_KOMP}**")
        st.dataframe(
            card.kompetensi.rename(T.KOMP_COLS),
            hide_index=True,
            width="stretch",
            column_config={
                T.KOMP_COLS["gap"]: st.column_config.NumberColumn(format="%+d"),
            },
        )
        st.caption(T.CARD_KOMP_NOTE)
    if card.kalibrasi.height:
        st.markdown(f"**{T.CARD_CAL}**")
        cols = {k: v for k, v in T.CAL_COLS.items() if k in card.kalibrasi.columns}
        st.dataframe(
            card.kalibrasi.with_columns(pl.col("tahun")).rename(cols | {"tahun": "Tahun"}),
            hide_index=True,
            width="stretch",
        )
