"""Competency vocabulary seeded into every store (kompetensi_ref).

Managerial and sosial kultural competencies are fixed by PermenPANRB 38/2017; the technical
competencies listed here are the ones the demo uses and that imports may extend.
"""

from __future__ import annotations

import duckdb

from analytics.domain import KOMPETENSI_MANAJERIAL, KOMPETENSI_SOSIAL_KULTURAL

KOMPETENSI_TEKNIS_DEMO: tuple[str, ...] = (
    "Teknis Pendidikan",
    "Teknis Kesehatan",
    "Teknis Administrasi Pemerintahan",
    "Teknis Pengelolaan Keuangan",
    "Teknis Infrastruktur",
)


def seed_kompetensi_ref(cur: duckdb.DuckDBPyConnection) -> None:
    """Insert the known competencies with their group and display order."""
    rows = [(k, "manajerial", i) for i, k in enumerate(KOMPETENSI_MANAJERIAL, 1)]
    rows += [(k, "sosial kultural", 20 + i) for i, k in enumerate(KOMPETENSI_SOSIAL_KULTURAL, 1)]
    rows += [(k, "teknis", 40 + i) for i, k in enumerate(KOMPETENSI_TEKNIS_DEMO, 1)]
    cur.executemany("INSERT OR IGNORE INTO kompetensi_ref VALUES (?, ?, ?)", rows)
