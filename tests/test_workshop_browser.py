"""The workshop in a real browser: ``svcwork workshop``'s Voilà command on a demo client, a weight slider
dragged in headless Chromium (Debian's, through Playwright), and the ranking seen to change."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import ROOT
from test_pdf import TEST_OUTPUT, require_chromium
from svcwork.workshop.serve import launch


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_up(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"Voilà exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"Voilà did not answer at {url} within {seconds} s")


def _ranking(page) -> list[str]:
    return page.locator(".svcwork-ranking-view tbody tr td:nth-child(3)").all_inner_texts()


@pytest.mark.slow
def test_dragging_a_weight_slider_reorders_the_ranking_in_chromium(tmp_path):
    from playwright.sync_api import sync_playwright

    from svcwork.pdf import CHROMIUM_ARGS

    executable = require_chromium()
    plan = launch(ROOT / "data" / "clients" / "northfield-licensing", port=_free_port())
    assert plan.token is None  # 127.0.0.1: no token
    log = (tmp_path / "voila.log").open("w")
    process = subprocess.Popen(plan.command, env=plan.env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_up(plan.url, process)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                errors: list[str] = []
                page.on("pageerror", lambda exc: errors.append(str(exc)))
                page.goto(plan.url, wait_until="load", timeout=120_000)
                page.wait_for_selector(".svcwork-ranking-view table", timeout=120_000)
                before = _ranking(page)
                status_before = page.locator(".svcwork-status-view").inner_text()
                assert len(before) == 11 and "Updated in" in status_before
                track = page.locator(".svcwork-weight-visibility .noUi-target")
                handle = page.locator(".svcwork-weight-visibility .noUi-handle")
                box, knob = track.bounding_box(), handle.bounding_box()
                page.mouse.move(knob["x"] + knob["width"] / 2, knob["y"] + knob["height"] / 2)
                page.mouse.down()
                page.mouse.move(box["x"] + box["width"] * 0.98, knob["y"] + knob["height"] / 2, steps=12)
                page.mouse.up()
                page.wait_for_function(
                    "before => Array.from(document.querySelectorAll('.svcwork-ranking-view tbody tr td:nth-child(3)'))"
                    ".map(e => e.innerText).join('|') !== before", arg="|".join(before), timeout=30_000)
                after = _ranking(page)
                assert sorted(after) == sorted(before) and after != before
                assert page.locator(".svcwork-ranking-view").inner_text().count("▲") >= 1
                TEST_OUTPUT.mkdir(exist_ok=True)
                page.screenshot(path=str(TEST_OUTPUT / "workshop-northfield.png"), full_page=True)
                assert errors == [], errors
            finally:
                browser.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
