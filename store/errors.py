"""The store's named errors, every one of them here: each carries a one-line explanation for
the user. (Reading a source file raises the readers' own ``ValueError`` family, in
``store.sources``.)"""

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


# --- writing files --------------------------------------------------------------------


class OutputError(StoreError):
    """An output file or folder that cannot be written, with a one-line reason."""


class ExportError(StoreError):
    """An export that cannot be written, with a one-line explanation."""


class BackupError(StoreError):
    """A backup that cannot be made, with a one-line reason."""


# --- gold files, merges, training -----------------------------------------------------


class GoldFileError(StoreError):
    """A gold file that cannot be scored against, with its name and the line at fault."""


class MergeError(StoreError):
    """Another database that cannot be merged, with a one-line reason."""


class TrainError(StoreError):
    """Training that cannot run, with a one-line explanation."""


# --- roles and adjudication -----------------------------------------------------------


class RoleError(StoreError):
    """Something only another role (the owner, an adjudicator) may do, with a one-line reason."""


class AdjudicatedError(ReviewError):
    """A verdict over an earlier one, not confirmed as an overrule."""

    def __init__(self, adjudicator: str, at: str) -> None:
        super().__init__(f"adjudicated already by {adjudicator} on {at[:16].replace('T', ' ')}: overrule it?")
        self.adjudicator = adjudicator
        self.at = at


class AdjudicationError(StoreError):
    """An adjudication that cannot be recorded (unknown span, label, offsets)."""
