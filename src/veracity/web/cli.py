"""`veracity serve`: run the web app on this machine (registered by veracity.cli)."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer


def default_db_path() -> Path:
    """Where cases are kept unless told: the user's data folder, not the working directory."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "veracity" / "cases.duckdb"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on. Keep the default "
                                           "(this machine only) unless you mean to share it.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    db: Annotated[Path, typer.Option(help="DuckDB file the cases are kept in.",
                                     dir_okay=False)] = default_db_path(),
) -> None:
    """Serve the web app: drop or paste articles, get the report; REST API under /api."""
    try:
        import uvicorn

        from veracity.web.app import create_app
    except ImportError as error:
        typer.echo(f"veracity serve needs the web extra: pip install 'veracity[web]' ({error})",
                   err=True)
        raise typer.Exit(2) from error
    if not is_loopback(host):
        typer.echo(f"warning: listening on {host}: anyone who can reach this machine can use "
                   "the app and read its cases", err=True)
    typer.echo(f"veracity: cases in {db}; open http://{host}:{port}/", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
