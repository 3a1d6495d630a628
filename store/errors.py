"""The store's named errors: each carries a one-line explanation for the user."""

from __future__ import annotations


class StoreError(Exception):
    """A database problem with a one-line explanation for the user."""


class NewerDatabaseError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    pass


class ReadOnlyDatabaseError(StoreError):
    pass


class DiskFullError(StoreError):
    pass


class ReviewError(StoreError):
    """A decision that cannot be recorded: unknown span or action, bounds outside the rules."""


class UnchangedError(ReviewError):
    """A decision equal to the span's current state: refused, nothing written ("already confirmed")."""
