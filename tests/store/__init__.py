"""Tests of store/: the database, review log, import and its sources, export, merge, train."""
