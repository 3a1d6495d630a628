"""Pure text processing for pizhu: decoding, normalization, sectioning and extraction.

Nothing in this package does I/O beyond reading its own bundled data files, and
nothing imports Textual.
"""

EXTRACTOR_VERSION = "0.3.4"
GUIDELINES_VERSION = "1.1"
"""The annotation guidelines the extractor, the help screen and every decision follow."""
