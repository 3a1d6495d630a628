"""SQLite storage for pizhu through sqlite-utils: schema, migrations, import and export."""

if __name__ != "pizhu.store":
    # The folder store/ is the package pizhu.store (pizhu/store links to it). Imported under a
    # second name, each of its modules would load twice, with two of every class.
    raise ImportError(f"{__name__}: pizhu's store is the package pizhu.store; import pizhu.store, not store")
