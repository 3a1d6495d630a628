"""Tests of pizhu/: the CLI, serve, packaging and the floors."""
