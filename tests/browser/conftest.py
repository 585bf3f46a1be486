"""What the browser tests share: the default report, built once per test module and served
on 127.0.0.1, and a fresh browser context per test."""
from __future__ import annotations

import pytest

from tests.browser.pages import browser, require_browser, serve  # noqa: F401
from tests.helpers import run_cli


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The default report, built into a temporary folder (its tables in `../processed`)."""
    require_browser()
    root = tmp_path_factory.mktemp("browser")
    done = run_cli("build", "--reports", root / "reports", "--processed", root / "processed")
    assert done.returncode == 0, done.stderr[-3000:]
    return root / "reports"


@pytest.fixture(scope="module")
def site(report):
    """The base URL of the report, served with the folder it sits in: the index links the
    tables where the build wrote them, beside the report."""
    with serve(report.parent) as url:
        yield url + report.name + "/"


@pytest.fixture
def context(browser):
    """A browser context of a laptop's window, which accepts downloads."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()
