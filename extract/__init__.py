"""Pure text processing for pizhu: decoding, normalization, sectioning and extraction.

Nothing in this package does I/O beyond reading its own bundled data files, and
nothing imports Textual.
"""

if __name__ != "pizhu.extract":
    # The folder extract/ is the package pizhu.extract (pizhu/extract links to it). Imported under a
    # second name, each of its modules would load twice, with two of every class.
    raise ImportError(f"{__name__}: pizhu's extract is the package pizhu.extract; import pizhu.extract, not extract")

EXTRACTOR_VERSION = "0.3.90"
GUIDELINES_VERSION = "1.1"
"""The annotation guidelines the extractor, the help screen and every decision follow."""
