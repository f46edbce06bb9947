"""Fixtures shared across the test folders (plain helpers live in tests/helpers.py)."""

from __future__ import annotations

import pytest

from tests.helpers import seeds_pool


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run the test inside its own empty folder, so written briefings land there."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def seed_pool():
    """The pool of the bundled sample articles under the default settings (read-only: shared)."""
    pool, _ = seeds_pool()
    return pool
