"""Keys typed in one burst in a real terminal: ``tmux send-keys`` writes the whole string at once.

The real ``pizhu open`` in tmux at 80×24 on the seeds imported with the real extractor; the
database is read afterwards. Skipped where tmux is absent.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from pizhu.store.db import Store
from tests.harness import TMUX, run_pizhu, start, wait_for

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def send(session: str, *keys: str) -> None:
    subprocess.run([*TMUX, "send-keys", "-t", session, *keys], check=True)


def until(condition: object, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.1)


def test_a_burst_of_keys_lands_where_the_screen_shows_the_focus(tmp_path: Path) -> None:
    db = tmp_path / "burst.db"
    done = run_pizhu("import", str(ROOT / "seeds"), "--db", str(db))
    assert done.returncode == 0, done.stderr
    session = f"pizhu-burst-{tmp_path.name}"
    start(db, "ann", tmp_path, session)
    try:
        wait_for(session, "documents")
        send(session, "Enter")
        wait_for(session, "pending")
        time.sleep(1.5)  # jieba's words (v selects a word, or the match it is on)
        # One burst: search 12次, open the attribute form, value 15, unit 次, save.
        send(session, "/12次", "Enter", "e", "15", "Tab", "次", "Enter")
        # One burst: search 陈家窑, select the match, label it GPE.
        send(session, "/陈家窑", "Enter", "v", "5")

        def figure() -> tuple[object, object] | None:
            with Store(db) as store:
                for span in store.spans(store.document_ids()[0], "ann"):
                    if span.label == "FIGURE" and span.text == "12次" and span.status != "pending":
                        return span.attrs.get("value"), span.attrs.get("unit")
            return None

        def added() -> list[str]:
            with Store(db) as store:
                return [s.text for s in store.spans(store.document_ids()[0], "ann") if s.origin == "human"]

        until(lambda: figure() is not None and added())
        assert figure() == (15, "次")
        assert added() == ["陈家窑"]
        with Store(db) as store:
            assert [s.label for s in store.spans(store.document_ids()[0], "ann") if s.origin == "human"] == ["GPE"]
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", session], capture_output=True, check=False)
