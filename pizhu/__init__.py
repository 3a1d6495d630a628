"""pizhu (批注): a terminal reader and annotator for CPPCC work reports."""

__version__ = "0.1.0"
