"""Shared fixtures: the project's corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis import config


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The default corpus shipped with the project."""
    return config.ARTICLES
