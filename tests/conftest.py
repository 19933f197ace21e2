"""Shared fixtures: the reference material in ../shared (skipped when absent) and one pipeline per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"reference material not present at {SHARED} (../shared beside the repo)")
    return SHARED


@pytest.fixture(scope="session")
def founding(shared_dir: Path) -> dict:
    """The founding article and its hand-made expectations."""
    d = shared_dir / "corpus" / "niger-us-2024-03"
    return {"text": (d / "article.txt").read_text(encoding="utf-8"),
            "expected": json.loads((d / "expected.json").read_text(encoding="utf-8"))}


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def founding_record(pipeline, founding):
    return pipeline.extract(founding["text"], published=founding["expected"]["published"])
