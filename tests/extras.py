"""Skip markers for tests that need one of pizhu's optional extras (pyproject's
``[project.optional-dependencies]``): without the extra they skip and say which one to
install, instead of failing. ``pip install -e '.[test]'`` installs them all."""

from __future__ import annotations

import importlib.util

import pytest


def installed(module: str) -> bool:
    """Whether ``module`` can be imported here, without importing it (spaCy takes seconds)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:  # a parent package missing, or an import hook refusing it
        return False


needs_spacy = pytest.mark.skipif(
    not installed("spacy"), reason="needs spaCy, the spacy/train extra: pip install 'pizhu[train]'"
)
