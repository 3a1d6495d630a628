"""Tests of bench/'s own code (the real-file fetcher)."""
