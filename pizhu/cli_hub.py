"""The team hub's commands: ``hub init``, ``hub grant`` and ``sync`` (over ``store.hub``).

A hub's URL is a libpq connection string (``postgresql://role@host:port/db``); its
password comes through the URL, ``PGPASSWORD`` or ``~/.pgpass`` and is never printed:
the hub is named as ``role@host:port/db``.
"""

from __future__ import annotations

import click

from pizhu.cli_common import db_option, fail, open_store, shown

URL_HELP = "libpq URL of the hub, e.g. postgresql://ann@hub.example.org/team (password: PGPASSWORD or ~/.pgpass)."


@click.group("hub")
def hub_group() -> None:
    """Set up a team hub: one PostgreSQL database that reviewers' copies sync with.

    \b
    Example:
        pizhu hub init postgresql://owner@db.example.org/team
        pizhu hub grant postgresql://owner@db.example.org/team ann
    """


@hub_group.command("init")
@click.argument("url")
def hub_init_command(url: str) -> None:
    """Create (or bring up to date) the hub's schema in the existing database at URL.

    Run it as the database's owner; running it again changes nothing.

    \b
    Example:
        pizhu hub init postgresql://owner@hub.example.org/team
    """
    from pizhu.store.hub import HubError, init, redact

    try:
        applied = init(url)
    except HubError as exc:
        fail(str(exc))
    where = redact(url)
    click.echo(f"hub {where}: " + (f"schema {', '.join(applied)} applied" if applied else "schema up to date"))


@hub_group.command("grant")
@click.argument("url")
@click.argument("name")
@click.option("--adjudicator", is_flag=True, help="NAME may also adjudicate (add verdicts under adjudicator:NAME).")
def hub_grant_command(url: str, name: str, adjudicator: bool) -> None:
    """Let the PostgreSQL role NAME take part as the reviewer NAME.

    The hub itself then lets NAME add decisions under its own name only (adjudications
    only with --adjudicator) and nobody change or delete one.

    \b
    Example:
        createuser ann --pwprompt        (on the database server)
        pizhu hub grant postgresql://owner@hub.example.org/team ann
    """
    from pizhu.store.hub import HubError, grant

    try:
        click.echo(grant(url, name, adjudicator=adjudicator))
    except HubError as exc:
        fail(str(exc))


@click.command("sync")
@click.argument("url")
@db_option
def sync_command(url: str, db_path: str) -> None:
    """Push what this copy has that the hub at URL lacks, and pull what it lacks.

    Documents, spans, decisions and library changes move with the rules of pizhu merge,
    so copies that sync in any order end with the same views and gold. A decision the
    hub refuses (someone else's, or an adjudication without the grant) is named in one
    line and kept here; the rest goes through. An interrupted sync is completed by the next.

    \b
    Example:
        pizhu sync postgresql://ann@hub.example.org/team --db annotations.db
    """
    from pizhu.store.hub import HubError, sync

    with open_store(db_path) as store:
        try:
            report = sync(store, url)
        except HubError as exc:
            fail(str(exc))
    for warning in report.warnings:
        click.echo(f"pizhu: warning: {shown(warning)}", err=True)
    for line in report.refused:
        click.echo(f"pizhu: refused by the hub: {shown(line)}", err=True)
    for line in report.lines():
        click.echo(shown(line))


def register(main: click.Group) -> None:
    main.add_command(hub_group, name="hub")
    main.add_command(sync_command, name="sync")
