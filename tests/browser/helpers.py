"""Small helpers shared by the browser journeys and the screenshot suite.

Streamlit draws widgets as grey skeletons until its JavaScript chunks have loaded, and reruns
mark elements stale while the script runs: every helper waits for real elements and for the
app to go idle, never for a fixed time alone.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

# One timeout for everything the app does (a first page load of a small demo takes a few
# seconds on an idle machine; on a shared, loaded one it took up to 100 s).
TIMEOUT_MS = int(os.environ.get("E2E_TIMEOUT_MS", "180000"))
SCREENSHOT_TIMEOUT_MS = 120_000

CHART = ".js-plotly-plot"
METRIC = '[data-testid="stMetric"]'
DATAFRAME = '[data-testid="stDataFrame"]'
SIDEBAR = '[data-testid="stSidebar"]'

_BUSY_JS = """() => {
  const running = document.querySelector('[data-testid="stStatusWidgetRunningIcon"],'
      + '[data-testid="stStatusWidgetRunningManIcon"]');
  const stale = document.querySelector('[data-stale="true"]');
  return !running && !stale;
}"""


def settle(page: Page) -> None:
    """Wait until the script run has finished (no running icon, no stale elements)."""
    page.wait_for_timeout(400)
    page.wait_for_function(_BUSY_JS, timeout=TIMEOUT_MS, polling=250)
    page.wait_for_timeout(200)
    page.wait_for_function(_BUSY_JS, timeout=TIMEOUT_MS, polling=250)


def goto(page: Page, base: str, path: str, ready: str | None = None) -> None:
    """Open `path` and wait for the sidebar filters, `ready` (a selector) and an idle app."""
    page.goto(base.rstrip("/") + "/" + path.lstrip("/"), wait_until="domcontentloaded")
    # The filters exist on every page (attached: meeting mode hides the sidebar).
    page.locator(f'{SIDEBAR} [data-testid="stSelectbox"]').first.wait_for(
        state="attached", timeout=TIMEOUT_MS
    )
    if ready:
        page.locator(ready).first.wait_for(state="visible", timeout=TIMEOUT_MS)
    settle(page)


def query(page: Page) -> dict[str, str]:
    """The current URL's query parameters (decoded)."""
    from urllib.parse import parse_qsl, urlsplit

    return dict(parse_qsl(urlsplit(page.url).query))


def metric(page: Page, label: str, nth: int = 0) -> Locator:
    """The value element of the metric whose label is exactly `label`."""
    box = page.locator(METRIC).filter(
        has=page.locator(
            '[data-testid="stMetricLabel"]', has_text=re.compile(rf"^{re.escape(label)}$")
        )
    )
    return box.nth(nth).locator('[data-testid="stMetricValue"]')


def combo(page: Page, label: str, where: str = "main") -> Locator:
    """The input of a selectbox / multiselect by its exact label ("main" area or "sidebar").

    Streamlit 1.67 draws both as a react-aria combobox whose input carries the label."""
    area = SIDEBAR if where == "sidebar" else '[data-testid="stMain"]'
    return page.locator(area).get_by_role("combobox", name=label, exact=True)


def widget(page: Page, label: str, where: str = "main") -> Locator:
    """The whole selectbox / multiselect element holding the combobox `label` (for chips)."""
    area = SIDEBAR if where == "sidebar" else '[data-testid="stMain"]'
    return page.locator(
        f'{area} [data-testid="stMultiSelect"], {area} [data-testid="stSelectbox"]'
    ).filter(has=page.get_by_role("combobox", name=label, exact=True))


def choose(page: Page, box: Locator, option: str) -> None:
    """Pick `option` in a selectbox or multiselect combobox (typing filters; exact match)."""
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).first.click()
    page.keyboard.press("Escape")
    settle(page)


def chart_data(page: Page, nth: int = 0) -> list[dict]:
    """The traces (x, y, customdata, text) of the n-th Plotly chart on the page."""
    return (
        page.locator(CHART)
        .nth(nth)
        .evaluate(
            """gd => gd.data.map(t => ({type: t.type || 'scatter', name: t.name,
             x: Array.from(t.x || []), y: Array.from(t.y || []),
             text: Array.from(t.text || []), customdata: t.customdata || null}))"""
        )
    )


def grid_rows(frame: Locator, min_rows: int = 0, timeout_s: float = 20.0) -> list[dict[str, str]]:
    """Rows of a st.dataframe as {column header: text}, read from Glide's accessible table
    (it holds the rendered rows and columns only: enough for short lists). With `min_rows`,
    wait until the grid has rendered at least that many rows (it fills after the frame
    appears)."""
    end = time.monotonic() + timeout_s
    rows = _grid_rows(frame)
    while len(rows) < min_rows and time.monotonic() < end:
        time.sleep(0.25)
        rows = _grid_rows(frame)
    return rows


def _grid_rows(frame: Locator) -> list[dict[str, str]]:
    return frame.evaluate(
        """df => { const heads = {};
             df.querySelectorAll('thead th').forEach(th =>
               heads[th.getAttribute('aria-colindex')] = th.textContent);
             return Array.from(df.querySelectorAll('tbody tr')).map(tr => { const o = {};
               tr.querySelectorAll('td').forEach(td => {
                 const h = heads[td.getAttribute('aria-colindex')];
                 if (h !== undefined) o[h] = td.textContent; });
               return o; }); }"""
    )


def click_row_marker(page: Page, frame: Locator, row: int) -> None:
    """Tick the selection checkbox of data row `row` (0-based) of a selectable st.dataframe."""
    frame.scroll_into_view_if_needed()
    box = frame.locator("canvas").first.bounding_box()
    assert box, "dataframe canvas not visible"
    header = 35  # Glide's default header height in Streamlit (and row height)
    page.mouse.click(box["x"] + 18, box["y"] + header + 35 * row + 17)
    settle(page)


def shot(page: Page, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), timeout=SCREENSHOT_TIMEOUT_MS, animations="disabled")


def no_exception(page: Page) -> None:
    """No Streamlit exception box anywhere on the page."""
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
