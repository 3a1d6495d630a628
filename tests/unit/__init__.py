"""Unit tests: extract, store and the CLI."""
