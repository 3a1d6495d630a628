"""The tests: ``tests.unit`` (extract, store, CLI), ``tests.tui`` (Pilot, tmux), shared helpers in ``tests.harness``."""
