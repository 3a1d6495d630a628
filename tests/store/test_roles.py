"""Roles kept in the database (``store.roles``): the owner, adjudicators, reviewers' names, tokens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pizhu.cli import main
from pizhu.extract.document import prepare
from pizhu.extract.models import Span
from pizhu.store import roles
from pizhu.store.db import Store
from pizhu.store.records import Change
from pizhu.store.roles import AdjudicatedError, RoleError

TEXT = "全年征集社情民意49条,召开会议12次。城中区政协主席王明出席。"
ME = roles.login_name()


def as_user(name: str) -> dict[str, str]:
    """The environment of another login (getpass reads LOGNAME first)."""
    return {"LOGNAME": name, "USER": name, "LNAME": name, "USERNAME": name}


def build(path: Path | None = None) -> tuple[Store, dict[str, int]]:
    store = Store(path) if path else Store.memory()
    draft = prepare(TEXT)[0]
    t = draft.text
    spans = [Span(t.index(x), t.index(x) + len(x), "FIGURE", x, {}, "r", 0.5) for x in ("49条", "12次")]
    doc = store.add_document("t.txt", "utf-8", draft, spans)
    assert doc is not None
    return store, {s.text: s.id for s in store.spans(doc, "")}


def disputed(store: Store, ids: dict[str, int], span: str = "12次") -> int:
    store.decide(ids[span], "ann", Change("confirm"))
    store.decide(ids[span], "bob", Change("reject"))
    return ids[span]


def test_the_creator_owns_the_database_and_alone_grants_roles(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    build(db)[0].close()
    with Store(db) as store:
        assert ME in roles.owners(store)
    runner = CliRunner()
    refused = runner.invoke(main, ["role", "mallory", "adjudicator", "--db", str(db)], env=as_user("mallory"))
    assert refused.exit_code == 1 and refused.stderr.count("\n") == 1
    assert "only the database's owner" in refused.stderr and "you are mallory" in refused.stderr
    granted = runner.invoke(main, ["role", "wang", "adjudicator", "--db", str(db)])
    assert granted.exit_code == 0, granted.output
    listed = runner.invoke(main, ["role", "--db", str(db)])
    assert "wang" in listed.stdout and "login name" in listed.stdout
    with Store(db) as store:
        assert roles.holders(store) == ["wang"] and roles.has_role(store, "adjudicator:wang")
    assert runner.invoke(main, ["role", "wang", "reviewer", "--db", str(db)]).exit_code == 0
    with Store(db) as store:
        assert roles.holders(store) == []


def test_the_prefix_confers_nothing_by_itself() -> None:
    """Before: anyone calling themselves adjudicator:x adjudicated."""
    store, ids = build()
    span = disputed(store, ids)
    rows = len(store.decisions())
    with pytest.raises(RoleError, match="mallory is not an adjudicator"):
        store.adjudicate(span, "adjudicator:mallory", {"status": "rejected"})
    assert len(store.decisions()) == rows
    roles.grant(store, ME, "lead")
    assert store.adjudicate(span, "adjudicator:lead", {"status": "rejected"}).status == "rejected"


def test_a_database_made_before_roles_keeps_its_adjudicators(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    store, ids = build(db)
    span = disputed(store, ids)
    store.close()
    # As a database of the previous schema: an adjudication by adjudicator:lead, no roles yet.
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(
            "INSERT INTO decisions (span_id, document_id, reviewer, action, before, after, at, uid, payload)"
            " VALUES (?, 1, 'adjudicator:lead', 'adjudicate', '{}', '{}', '2024-01-01T00:00:00+00:00', 'u1',"
            ' \'{"accepted": false, "label": "FIGURE"}\')',
            (span,),
        )
        connection.execute("DROP TABLE roles")
        connection.execute("DROP TABLE serve_tokens")
        connection.execute("DELETE FROM _sqlite_migrations WHERE name = '0008_roles'")
        connection.execute("DELETE FROM pizhu_meta WHERE key = 'owner'")
    connection.close()
    with Store(db) as store:
        assert roles.holders(store) == ["lead"]
        assert roles.owners(store) == {ME}  # the OS owner of the file: no creator was recorded


def test_an_earlier_verdict_is_overruled_only_when_asked_to() -> None:
    store, ids = build()
    span = disputed(store, ids)
    roles.grant(store, ME, "lead")
    roles.grant(store, ME, "zhou")
    store.adjudicate(span, "adjudicator:lead", {"status": "rejected"})
    with pytest.raises(AdjudicatedError) as refused:
        store.adjudicate(span, "adjudicator:zhou", {"status": "confirmed"})
    assert refused.value.adjudicator == "adjudicator:lead" and refused.value.at
    assert store.span(span).status == "rejected"
    assert store.adjudicate(span, "adjudicator:zhou", {"status": "confirmed"}, overrule=True).status == "confirmed"


def test_no_adjudicator_decides_their_own_disagreement_while_another_can() -> None:
    store, ids = build()
    span = disputed(store, ids)  # ann confirmed, bob rejected
    roles.grant(store, ME, "ann")
    # ann is the only adjudicator: she may (someone has to).
    assert store.adjudicate(span, "adjudicator:ann", {"status": "confirmed"}).status == "confirmed"
    other = disputed(store, ids, "49条")
    roles.grant(store, ME, "lead")
    with pytest.raises(RoleError, match=r"another adjudicator \(lead\)"):
        store.adjudicate(other, "adjudicator:ann", {"status": "confirmed"})
    assert store.adjudicate(other, "adjudicator:lead", {"status": "confirmed"}).status == "confirmed"


def test_open_records_the_login_name_unless_the_owner_frees_names(tmp_path: Path) -> None:
    """Before: pizhu open --reviewer anybody, and --show-others for anybody."""
    db = tmp_path / "t.db"
    build(db)[0].close()
    runner = CliRunner()
    other = runner.invoke(main, ["open", "--db", str(db), "--reviewer", "bob"])
    assert other.exit_code == 1 and other.stderr.count("\n") == 1
    assert f"--reviewer bob: you are {ME}" in other.stderr and "pizhu role --names free" in other.stderr
    blind = runner.invoke(main, ["open", "--db", str(db), "--show-others"])
    assert blind.exit_code == 1 and "only adjudicators" in blind.stderr
    with Store(db) as store:
        assert roles.reviewer_for(store, ME, None) == ME
        assert roles.reviewer_for(store, ME, ME) == ME
        with pytest.raises(RoleError):
            roles.set_free_names(store, "mallory", True)
        roles.set_free_names(store, ME, True)
        assert roles.reviewer_for(store, ME, "bob") == "bob"
        with pytest.raises(RoleError, match="letters, digits"):
            roles.reviewer_for(store, ME, "bad\x1bname")


def test_a_token_is_shown_once_and_kept_as_a_digest(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    build(db)[0].close()
    result = CliRunner().invoke(main, ["token", "wang", "--adjudicator", "--db", str(db)])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    assert len(token) >= roles.MIN_TOKEN_LENGTH and "shown this once" in result.stderr
    assert token.encode() not in db.read_bytes() + (
        Path(f"{db}-wal").read_bytes() if Path(f"{db}-wal").exists() else b""
    )
    none = roles.TokenSources({})
    with Store(db) as store:
        assert roles.token_reviewer(store, token, none) == "wang" and roles.has_role(store, "wang")
        assert roles.token_reviewer(store, token + "x", none) is None
    # Someone else's token: the owner's business.
    refused = CliRunner().invoke(main, ["token", "li", "--db", str(db)], env=as_user("mallory"))
    assert refused.exit_code == 1 and "only the database's owner" in refused.stderr
    mine = CliRunner().invoke(main, ["token", "mallory", "--db", str(db)], env=as_user("mallory"))
    assert mine.exit_code == 0, mine.output


def test_tokens_from_a_file_and_the_environment(tmp_path: Path) -> None:
    tokens = tmp_path / "tokens"
    tokens.write_text("# the team\nwang wang-token-0123456789\nli   li-token-0123456789\n", "utf-8")
    sources = roles.token_sources(str(tokens), "serving-token-0123456789")
    store = Store.memory()
    assert roles.token_reviewer(store, "wang-token-0123456789", sources) == "wang"
    assert roles.token_reviewer(store, "li-token-0123456789", sources) == "li"
    assert roles.token_reviewer(store, "serving-token-0123456789", sources) == ME
    assert roles.token_reviewer(store, "nobody-token-0123456789", sources) is None
    tokens.write_text("wang short\n", "utf-8")
    with pytest.raises(Exception, match="line 1: a token has at least 12"):
        roles.token_sources(str(tokens), None)
