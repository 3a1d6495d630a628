"""The tests, one folder per floor named after the package it tests: ``tests.extract``,
``tests.store``, ``tests.tui`` (Pilot, snapshots, tmux), ``tests.pizhu`` (CLI, serve,
packaging), ``tests.bench`` (bench's own code); shared helpers in ``tests.harness``."""
