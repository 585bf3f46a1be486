"""Helpers for the browser tests: headless Chromium (Debian's), a static file server, and a
page that records what a reader would not want to see (errors, dialogs, remote requests).

Chromium comes from apt (`scripts/setup-browser.sh`), never from playwright's own download.
Without it, or without the playwright package, the browser tests skip and say why; with
AIRWAR_REQUIRE_BROWSER=1 (set by `.ci/run`) they fail instead.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from analysis import config

CHROMIUM = Path(os.environ.get("AIRWAR_CHROMIUM", "/usr/bin/chromium"))
REQUIRED = os.environ.get("AIRWAR_REQUIRE_BROWSER", "") == "1"
SCREENSHOTS = config.REPORTS / "screenshots"
# running as root (containers, CI) needs --no-sandbox; /dev/shm is often tiny there
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]
TIMEOUT_MS = 60_000


def missing_browser() -> str | None:
    """Give why the browser tests cannot run here, or None when they can."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM} (scripts/setup-browser.sh installs Debian's chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (scripts/setup-browser.sh installs it)"
    return None


def require_browser() -> None:
    """Skip the calling test (fail it in CI) when there is no browser to run it in."""
    reason = missing_browser()
    if reason:
        if REQUIRED:
            pytest.fail(f"{reason}; AIRWAR_REQUIRE_BROWSER=1 asks for the browser tests to run")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, for one test module."""
    require_browser()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=CHROMIUM_ARGS, timeout=TIMEOUT_MS)
        try:
            yield chromium
        finally:
            chromium.close()


def free_port() -> int:
    """Give a TCP port on 127.0.0.1 nobody listens on (right now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):          # noqa: A002 (the base class's name)
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serve `folder` over HTTP on 127.0.0.1 (a random free port); give the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@dataclass
class Watch:
    """What a page did besides showing itself."""
    console: list = field(default_factory=list)       # (type, text, url) of every console message
    page_errors: list = field(default_factory=list)   # uncaught exceptions
    dialogs: list = field(default_factory=list)       # (type, message) of alert/confirm/prompt
    remote: list = field(default_factory=list)        # requests that left the local server
    failed: list = field(default_factory=list)        # requests that failed

    @property
    def console_errors(self) -> list:
        # the browser asks for /favicon.ico on its own; the report has none, and says nothing
        # and a blob: URL is the page's own script in memory (the tables' library), whose
        # loading a quick next navigation cancels: nothing the report fetches
        return [text for kind, text, url in self.console
                if kind == "error" and not url.endswith("/favicon.ico")
                and not url.startswith("blob:")]

    def problems(self) -> list:
        return ([f"console error: {t}" for t in self.console_errors]
                + [f"page error: {e}" for e in self.page_errors]
                + [f"dialog: {d}" for d in self.dialogs]
                + [f"remote request: {u}" for u in self.remote]
                + [f"failed request: {u}" for u in self.failed])


def watched_page(context, local: str):
    """Open a page in `context` that records console messages, errors, dialogs and requests
    to anywhere but the server of `local` (a URL); give (page, Watch)."""
    parts = urlsplit(local)
    local = f"{parts.scheme}://{parts.netloc}/"
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    watch = Watch()
    page.on("console", lambda msg: watch.console.append(
        (msg.type, msg.text, msg.location.get("url", ""))))
    page.on("pageerror", lambda err: watch.page_errors.append(str(err)))

    def on_dialog(dialog):
        watch.dialogs.append((dialog.type, dialog.message))
        dialog.dismiss()
    page.on("dialog", on_dialog)

    def on_request(request):
        if not request.url.startswith((local, "data:", "blob:", "about:")):
            watch.remote.append(request.url)
    page.on("request", on_request)
    page.on("requestfailed", lambda request: None if request.url.startswith("blob:")
            else watch.failed.append(request.url))
    return page, watch


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Save a PNG of `page` (the whole page, or what the window shows) as
    reports/screenshots/NAME.png; give its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
