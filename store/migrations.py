"""Schema of the pizhu database as numbered migrations (sqlite-utils ``Migrations``).

Never edit a migration that has shipped: add a new numbered one, so that an older
database opens with newer code.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("pizhu")


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db["documents"].create(
        {
            "id": int,
            "source": str,
            "part": int,
            "content_hash": str,
            "encoding": str,
            "script": str,
            "title": str,
            "organisation": str,
            "year": int,
            "raw": str,
            "text": str,
            "offset_map": str,
            "extractor_version": str,
            "imported_at": str,
        },
        pk="id",
        not_null={"source", "content_hash", "raw", "text", "offset_map"},
    )
    db["documents"].create_index(["content_hash"], unique=True)
    db["sections"].create(
        {
            "id": int,
            "document_id": int,
            "ordinal": int,
            "heading": str,
            "start": int,
            "end": int,
            "kind": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["sections"].create_index(["document_id", "ordinal"], unique=True)
    db["spans"].create(
        {
            "id": int,
            "document_id": int,
            "origin": str,
            "label": str,
            "start": int,
            "end": int,
            "text": str,
            "attrs": str,
            "rule": str,
            "confidence": float,
            "extractor_version": str,
            "created_by": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["spans"].create_index(["document_id", "start"])
    db["spans"].create_index(["origin", "confidence"])
    db["decisions"].create(
        {
            "id": int,
            "span_id": int,
            "document_id": int,
            "reviewer": str,
            "action": str,
            "before": str,
            "after": str,
            "ref": int,
            "at": str,
        },
        pk="id",
        foreign_keys=[("span_id", "spans", "id"), ("document_id", "documents", "id")],
    )
    db["decisions"].create_index(["span_id", "reviewer"])
    db["decisions"].create_index(["document_id", "reviewer"])
    db["decisions"].create_index(["reviewer"])
    db["tags"].create({"id": int, "name": str, "created_by": str, "created_at": str}, pk="id")
    db["tags"].create_index(["name"], unique=True)


KNOWN = [m.name for m in migrations._migrations]
