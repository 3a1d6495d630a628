"""Widgets of the review app: the section text with highlights, and the span panel."""
