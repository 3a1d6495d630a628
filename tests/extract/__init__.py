"""Tests of extract/: the finders, normalization, layout, the pipeline and its gold."""
