"""Each dashboard page's first render in a real browser, on the seed graph (issue 12: ≤ 2 s).

    python benchmarks/page_render.py [--runs 5] [--data DIR]

Ingests the seed corpus into DIR (a fresh temporary folder unless given; an already ingested DIR is
reused: unchanged files are skipped), starts `kg serve` on it, and opens every page of the app in a
new headless Chromium context (no cache shared between runs) `--runs` times. A render is timed from
navigation until the page's title is shown and Streamlit's script run is over (no running indicator,
nothing stale). The first run of each page warms Streamlit's query cache and is reported apart.
Prints one line a page: the warm-up, then p50 and max of the other runs, in seconds.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboards.pages import PAGES  # noqa: E402
from kg.processes import stop  # noqa: E402
from seed_data import resource  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def ingest(data: Path) -> None:
    env = {**os.environ, "KG_STORE": "embedded", "KG_DATA_DIR": str(data)}
    subprocess.run([sys.executable, "-m", "kg.cli", "ingest", str(resource("guide-2020.txt")), str(resource("documents"))],
                   env=env, check=True, capture_output=True)


def serve(data: Path) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "KG_STORE": "embedded", "KG_DATA_DIR": str(data)}
    proc = subprocess.Popen([sys.executable, "-m", "dashboards.serve"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def render_seconds(browser, url: str) -> float:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    began = time.perf_counter()
    page.goto(url)
    expect(page.locator("h1").first).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stStatusWidgetRunningIcon")).to_have_count(0, timeout=60_000)
    expect(page.locator("[data-stale=true]")).to_have_count(0, timeout=60_000)
    seconds = time.perf_counter() - began
    context.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    data = args.data or Path(tempfile.mkdtemp(prefix="kg-pages-"))
    ingest(data)
    proc, base = serve(data)
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM)
            for _ in range(50):  # the server answers
                try:
                    render_seconds(browser, base)
                    break
                except Exception:
                    time.sleep(0.2)
            print(f"{'page':<10} {'warm-up s':>10} {'p50 s':>7} {'max s':>7}")
            for key, _file, _icon in PAGES:
                url = base if key == "overview" else f"{base}/{key}"
                times = [render_seconds(browser, url) for _ in range(max(args.runs, 2))]
                rest = times[1:]
                print(f"{key:<10} {times[0]:>10.2f} {statistics.median(rest):>7.2f} {max(rest):>7.2f}", flush=True)
            browser.close()
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
