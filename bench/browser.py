"""Memory of a real app server: `streamlit run app.py` driven by headless Chromium.

``python -m bench.browser DB --port P --out JSON`` starts the server on the store, visits every
dashboard page in one browser session (waiting until the page has finished running), changes
nothing, and reads the server's peak resident memory (VmHWM of the server process, which
includes DuckDB's buffers) and its memory at the end. The browser-side load time of each page
(navigation until Streamlit reports the script finished) is recorded too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# url paths of app.py (they differ from the file names)
URLS: tuple[tuple[str, str], ...] = (
    ("pages/ringkasan.py", "ringkasan"),
    ("pages/ninebox.py", "sembilan-kotak"),
    ("pages/kompetensi.py", "gap-kompetensi"),
    ("pages/jp.py", "jam-pelajaran"),
    ("pages/kematangan.py", "kematangan-mt"),
)


def _status(pid: int) -> dict[str, float]:
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                k, v = line.split(":")
                out[k] = int(v.split()[0]) / 1024
    return out


def _wait_http(port: int, timeout: float) -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("the streamlit server did not start")


def _wait_done(page, timeout_ms: int) -> None:
    """Wait until the page's script run has finished: Streamlit marks the app element with
    data-test-script-state; it must read notRunning for a full second (a rerun may follow)."""
    page.wait_for_selector('[data-testid="stMain"]', timeout=timeout_ms)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            const idle = app && app.getAttribute('data-test-script-state') === 'notRunning';
            const now = Date.now();
            if (!idle) { window.__benchIdle = 0; return false; }
            if (!window.__benchIdle) { window.__benchIdle = now; }
            return now - window.__benchIdle > 1000;
        }""",
        timeout=timeout_ms,
        polling=100,
    )
    page.evaluate("() => { window.__benchIdle = 0; }")


def measure(db: str, port: int, timeout_s: float = 600) -> dict:
    from playwright.sync_api import sync_playwright

    env = dict(
        os.environ,
        TALENTA_DB=db,
        TALENTA_NO_DEMO="1",
        TALENTA_AUTH="off",
        TALENTA_MODE="demo",
    )
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
           "--server.port", str(port), "--browser.gatherUsageStats", "false"]  # fmt: skip
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    res: dict = {"pages": {}}
    try:
        _wait_http(port, 120)
        res["rss_idle_mib"] = _status(proc.pid)["VmRSS"]
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu",
                      "--disable-background-networking"],
            )  # fmt: skip
            page = browser.new_page(viewport={"width": 1440, "height": 1800})
            for file, url in URLS:
                t = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/{url}", timeout=int(timeout_s * 1000))
                _wait_done(page, int(timeout_s * 1000))
                res["pages"][file] = {"load_s": time.perf_counter() - t}
                res["pages"][file].update(_status(proc.pid))
            browser.close()
        st = _status(proc.pid)
        res["rss_end_mib"] = st["VmRSS"]
        res["hwm_mib"] = st["VmHWM"]
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--port", type=int, default=8591)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    res = measure(str(Path(args.db).resolve()), args.port)
    Path(args.out).write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
