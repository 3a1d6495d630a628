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


class BusyError(StoreError):
    """Another connection held the write lock for longer than this one would wait."""


class ReviewError(StoreError):
    """A decision that cannot be recorded: unknown span or action, bounds outside the rules."""


class ChangedSpanError(ReviewError):
    """The span is no longer the version the decision was made on (see ``review.check_seen``)."""


class UnchangedError(ReviewError):
    """A decision equal to the span's current state: refused, nothing written ("already confirmed")."""
