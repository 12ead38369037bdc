"""Screenshots of every page for the README (docs/screenshots/<page>.png), taken by the suite.

Pages at 1440×900 (the nine-box, which is a tall grid with its list beside it, at 1440×1100 so
the whole grid is in the picture); meeting mode at 1920×1080 (a projector). Each screenshot is
taken only once the page's main element has rendered with data and the app is idle.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api")

from playwright.sync_api import expect  # noqa: E402

from tests.browser.helpers import CHART, METRIC, goto, no_exception, settle, shot  # noqa: E402
from ui.text import common as TC  # noqa: E402

pytestmark = pytest.mark.browser

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
BADUNG = 2

# (file name, url path with parameters ({t} = year), element to wait for, viewport height)
SHOTS = [
    ("ringkasan", "?tahun={t}", CHART, 900),
    ("ninebox", "sembilan-kotak?tahun={t}&instansi=" + str(BADUNG), CHART, 1100),
    ("kompetensi", "gap-kompetensi?tahun={t}", CHART, 900),
    ("jp", "jam-pelajaran?tahun={t}", CHART, 900),
    ("kematangan", "kematangan-mt?tahun={t}", CHART, 900),
    ("impor", "impor-ekspor?tahun={t}", '[data-testid="stFileUploader"]', 900),
    ("admin", "administrasi?tahun={t}", '[data-testid="stMain"] h1', 900),
]


@pytest.mark.parametrize(("name", "path", "ready", "height"), SHOTS, ids=[s[0] for s in SHOTS])
def test_page_screenshot(app, new_page, e2e_data, name, path, ready, height):
    """Screenshot of a page at 1440 px wide once its main element has rendered."""
    page = new_page(1440, height)
    goto(page, app, path.format(t=e2e_data.tahun), ready=ready)
    if ready == CHART:
        page.wait_for_function(
            "() => { const gd = document.querySelector('.js-plotly-plot');"
            " return gd && gd.data && gd.data.length > 0; }"
        )
    expect(page.get_by_text(TC.DEMO_BADGE).first).to_be_visible()
    no_exception(page)
    settle(page)
    shot(page, OUT / f"{name}.png")
    assert (OUT / f"{name}.png").stat().st_size > 10_000


def test_meeting_mode_screenshot(app, new_page, e2e_data):
    """Meeting mode on a 1920×1080 projector: the grid of the meeting's snapshot."""
    if e2e_data.meeting_id is None:
        pytest.skip("meeting mode (pages/rapat.py) not present")
    from ui.text import rapat as TP

    page = new_page(1920, 1080)
    goto(page, app, f"rapat-komite?p_rapat={e2e_data.meeting_id}&p_no=1", ready=CHART)
    expect(page.locator(METRIC).first).to_be_visible()
    expect(page.get_by_text(TP.MASK_BADGE)).to_be_visible()
    no_exception(page)
    shot(page, OUT / "rapat.png")
    page.get_by_text(TP.VIEWS[1], exact=True).click()
    settle(page)
    expect(page.get_by_text(TP.MASKED_CARD)).to_be_visible()
    shot(page, OUT / "rapat_agenda.png")
