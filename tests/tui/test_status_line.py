"""The reader's status line (tui/widgets/status_line.py): what it says, in one line of the width."""

from __future__ import annotations

from rich.cells import cell_len

from pizhu.store.records import OffsetMap, StoredDocument
from pizhu.tui.widgets.status_line import status_text


def document(organisation: str, source: str = "/home/a/reports/城中区.txt") -> StoredDocument:
    return StoredDocument(
        id=1,
        source=source,
        part=0,
        content_hash="",
        encoding="utf-8",
        script="simplified",
        title="",
        organisation=organisation,
        year=2023,
        text="",
        raw="",
        offset_map=OffsetMap.from_offsets([], 0),
        imported_at="",
    )


def test_status_says_where_and_what_is_pending_first() -> None:
    line = status_text(document("城中区政协"), (3, 12), (2, 9), 14, None, 80).plain
    assert line.startswith("城中区政协 2023")
    assert line.endswith("  doc 3/12  §2/9  14 pending")


def test_status_names_a_report_without_organisation_by_its_file() -> None:
    line = status_text(document(""), (1, 1), (1, 1), 0, None, 80).plain
    assert line.startswith("城中区.txt 2023") and "/home" not in line


def test_status_lists_the_filtered_labels_in_their_order() -> None:
    line = status_text(document("x"), (1, 1), (1, 1), 0, {"ORG", "DATE"}, 80).plain
    assert line.endswith("(DATE ORG)")


def test_status_fits_the_width_keeping_the_counts() -> None:
    line = status_text(document("很长的组织名称" * 10), (1, 1), (1, 1), 5, None, 40).plain
    assert cell_len(line) <= 40 and line.endswith("5 pending")
