"""sqlite-utils (the migrations' ``Database`` and ``Migrations``), imported without pandas and numpy.

When pandas and numpy are installed (the test extra installs pandas; so do other tools in a
shared environment), sqlite-utils imports both as it is imported, only to map their types
to column types for rows inserted from them. pizhu never hands it either, and the two take
more CPU to import than the rest of ``pizhu stats`` does at 100,000 reports. They are
hidden from it while it is imported (a ``None`` in ``sys.modules`` makes an import raise
``ImportError``, which sqlite-utils takes as "not installed"), unless something imported
them already; anything importing them afterwards gets them as usual.
"""

from __future__ import annotations

import sys

_hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
for _name in _hidden:
    sys.modules[_name] = None  # type: ignore[assignment]
try:
    from sqlite_utils import Database, Migrations
finally:
    for _name in _hidden:
        if sys.modules.get(_name, sys) is None:
            del sys.modules[_name]

__all__ = ["Database", "Migrations"]
