"""Each module of the package binds a top-level name once.

A word list or function defined twice in one module silently replaces the first for every rule that reads it (the
events stage once gained a second, narrower ``REACTION_ROOTS`` that way). ruff reports functions and imports
redefined, not module constants, so this checks both.
"""

from __future__ import annotations

import ast
import collections
from pathlib import Path

import pytest

import eventwire

PACKAGE = Path(eventwire.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))


def top_level_bindings(tree: ast.Module) -> collections.Counter:
    names: collections.Counter = collections.Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


def test_the_check_finds_a_name_bound_twice():
    tree = ast.parse("A = frozenset({'1'})\ndef f():\n    return A\nA = frozenset({'2'})\n")
    assert [n for n, k in top_level_bindings(tree).items() if k > 1] == ["A"]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_top_level_name_is_bound_twice(path):
    names = top_level_bindings(ast.parse(path.read_text(encoding="utf-8")))
    assert [n for n, k in names.items() if k > 1] == []
