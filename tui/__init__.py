"""The Textual review app."""

if __name__ != "pizhu.tui":
    # The folder tui/ is the package pizhu.tui (pizhu/tui links to it). Imported under a
    # second name, each of its modules would load twice, with two of every class.
    raise ImportError(f"{__name__}: pizhu's tui is the package pizhu.tui; import pizhu.tui, not tui")
