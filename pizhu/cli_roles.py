"""``pizhu role`` and ``pizhu token``: who may adjudicate, how reviewers are named, serve tokens.

A thin click layer over ``store.roles``; ``register(main)`` adds the commands. Only the
database's owner (who created it, or the OS owner of its file) changes anything.
"""

from __future__ import annotations

import click

from pizhu.cli_common import console, db_option, fail, open_store, say, shown, table


@click.command("role")
@click.argument("name", required=False)
@click.argument("role", required=False, type=click.Choice(("adjudicator", "reviewer")))
@db_option
@click.option(
    "--names",
    type=click.Choice(("login", "free")),
    default=None,
    help="login: decisions under each reviewer's login name (default); free: pizhu open --reviewer any name.",
)
def role_command(name: str | None, role: str | None, db_path: str, names: str | None) -> None:
    """Grant or take back the adjudicator role; set how reviewers are named; or list them.

    Only the database's owner (who created it, or the OS owner of its file) may change
    them. An adjudicator opens the adjudication screen (J) and sees everyone's
    decisions; "reviewer" takes the role back. Without arguments: the owner, the
    adjudicators and the naming rule.

    \b
    Example:
        pizhu role wang adjudicator      wang may adjudicate
        pizhu role wang reviewer         ... and no longer
        pizhu role --names free          tests, a training account: --reviewer any name
        pizhu role                       who holds what
    """
    from pizhu.store import roles

    if (name is None) != (role is None):
        fail("give a NAME and a ROLE (adjudicator or reviewer), or neither")
    me = roles.login_name()
    with open_store(db_path) as store:
        if name is not None and role is not None:
            if role == "adjudicator":
                roles.grant(store, me, name)
            else:
                roles.revoke(store, me, name)
            say(f"{shown(name)}: {role}")
        if names is not None:
            roles.set_free_names(store, me, names == "free")
            say(f"reviewer names: {names}")
        if name is None and names is None:
            grid = table("pizhu role")
            grid.add_column("what")
            grid.add_column("who")
            grid.add_row("owner", ", ".join(sorted(roles.owners(store))))
            grid.add_row("adjudicators", ", ".join(roles.holders(store)) or "—")
            grid.add_row("reviewer names", "free (--reviewer)" if roles.free_names(store) else "login name")
            console().print(grid)


@click.command("token")
@click.argument("name")
@db_option
@click.option("--adjudicator", is_flag=True, help="Also grant NAME the adjudicator role (the owner only).")
def token_command(name: str, db_path: str, adjudicator: bool) -> None:
    """Make a pizhu serve token for reviewer NAME and print it, this once.

    The database keeps only a digest of it: a lost token is replaced by a new one. A
    browser that opens http://HOST:PORT/?token=TOKEN reviews as NAME. Anyone may make a
    token for themselves; only the database's owner for someone else.

    \b
    Example:
        pizhu token wang --db team.db
        pizhu token li --adjudicator --db team.db
    """
    from pizhu.store import roles

    me = roles.login_name()
    with open_store(db_path) as store:
        if adjudicator:
            roles.grant(store, me, name)
        token = roles.new_token(store, me, name)
    click.echo(token)
    say(f"token for {shown(name)}{' (adjudicator)' if adjudicator else ''}: shown this once; open ?token=… with it")


def register(main: click.Group) -> None:
    main.add_command(role_command)
    main.add_command(token_command)
