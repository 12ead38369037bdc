"""Masking of names and NIPs for masked scopes (tamu, meeting mode).

Masked callers never receive a full name or NIP from the server: queries select
`name_sql` / `nip_sql` instead of the raw columns, so masking happens inside DuckDB.
A masked name is the person's initials; a masked NIP is a short stable code derived from
a keyed hash (the same person gets the same code, the NIP cannot be read back from it).
"""

from __future__ import annotations

import hashlib
import re

from analytics.filters import Scope

_INITIALS = re.compile(r"(\w)\w*[\s.,]*")


def name_sql(scope: Scope, alias: str = "p") -> str:
    """SQL expression for the name column as the scope may see it."""
    if scope.masked:
        return (
            f"upper(regexp_replace(trim(regexp_replace({alias}.nama, ',.*$', '')), "
            f"'(\\w)\\w*[\\s.]*', '\\1.', 'g'))"
        )
    return f"{alias}.nama"


def nip_sql(scope: Scope, alias: str = "p") -> str:
    """SQL expression for the NIP column as the scope may see it."""
    if scope.masked:
        return f"'K-' || lpad(CAST(hash({alias}.nip || 'talenta') % 100000 AS VARCHAR), 5, '0')"
    return f"{alias}.nip"


def mask_name(nama: str) -> str:
    """Initials of a name, as `name_sql` computes them in SQL ('Ni Made Sari, S.E.' -> 'N.M.S.')."""
    core = nama.split(",")[0].strip()
    return _INITIALS.sub(lambda m: m.group(1) + ".", core).upper()


def short_code(text: str) -> str:
    """A stable short code for display in Python-side artefacts (not equal to the SQL code)."""
    return "K-" + hashlib.sha256(("talenta" + text).encode()).hexdigest()[:5].upper()
