"""Screens of the review app: library, reader, queue, help and the small dialogs."""
