"""The `veracity` command: thin wrappers over the public API."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from veracity.errors import InputError

if TYPE_CHECKING:
    from veracity.report.contract import Report

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Reconcile several accounts of the same event into one record you can trust.",
)


class Format(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


@app.command("check")
def check_cli(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders of .txt, .md, .html, .jsonl, .parquet")
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format")] = Format.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report here")
    ] = None,
    profile: Annotated[str, typer.Option(help="Event profile")] = "attack",
    resolver: Annotated[
        str, typer.Option(help="Truth-discovery model: default, vote, ...")
    ] = "default",
    events: Annotated[
        str, typer.Option(help="auto: cluster a JSONL feed or several folders; one; cluster")
    ] = "auto",
    db: Annotated[
        Path | None, typer.Option("--db", help="Keep everything in this store (DuckDB file)")
    ] = None,
    engine: Annotated[str, typer.Option(help="local (DuckDB) or spark (needs [spark])")] = "local",
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="Processes for extraction (default: $VERACITY_WORKERS or every core)"
        ),
    ] = None,
    lang: Annotated[
        str,
        typer.Option(
            "--lang", help="Show names (group, site, operation) in this language where a source "
            "gives them in it; every form stays in the JSON as aliases",
        ),
    ] = "en",
    abstain_below: Annotated[
        float | None,
        typer.Option(
            min=0.0, max=1.0,
            help="State a value only when the chance it is right is at least this; below, the "
            "record says undetermined and lists the candidates (default 0.5: only what is more likely right than wrong; 0 states every value)",
        ),
    ] = None,
) -> None:
    """Read the articles, resolve every fact, and report the record, sources and verdicts."""
    from dataclasses import replace

    from veracity.assess.models import shipped_models
    from veracity.pipeline import check

    if output is not None:
        _check_output(output)  # before the work, not after it
    if db is not None and (abstain_below is not None or lang != "en"):
        raise InputError("--abstain-below and --lang are not kept in a store; use them without --db")
    models = None if abstain_below is None else replace(shipped_models(), abstain_below=abstain_below)
    if db is not None:
        from veracity.engines.store import check_to_store

        report = check_to_store(paths, db, profile=profile, resolver=resolver, events=events,
                                engine=engine, progress=True)
    else:
        report = check(paths, profile=profile, resolver=resolver, progress=True, events=events,
                       engine=engine, workers=workers, models=models, lang=lang)
    _emit(report, format, output)


@app.command("add")
def add_cli(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of new articles")],
    db: Annotated[Path, typer.Option("--db", help="The store built by `check --db`")],
    engine: Annotated[str, typer.Option(help="local (DuckDB) or spark (needs [spark])")] = "local",
) -> None:
    """Add articles to a store; only the events they touch are resolved again."""
    from veracity.engines.store import add_to_store

    summary = add_to_store(paths, db, engine=engine, progress=True)
    print(
        f"added {summary.added} article(s), skipped {summary.skipped} already stored; "
        f"events resolved again: {len(summary.events_touched)} "
        f"({len(summary.events_created)} new)",
        file=sys.stderr,
    )


@app.command("report")
def report_cli(
    db: Annotated[Path, typer.Option("--db", help="The store to report")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Report format")] = Format.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report here")
    ] = None,
) -> None:
    """Print the report kept in a store."""
    from veracity.engines.store import report_from_store

    if output is not None:
        _check_output(output)
    _emit(report_from_store(db), format, output)


def _emit(report: Report, format: Format, output: Path | None) -> None:
    data = report.to_dict()
    if format is Format.json:
        content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif format is Format.md:
        from veracity.report.text_report import render_markdown

        content = render_markdown(data)
    elif format is Format.html:
        from veracity.report.html import render_html

        content = render_html(data, {d.id: d.text for d in report.documents})
    elif output is None:
        from veracity.report.text_report import print_text

        print_text(data)  # in colour on a terminal, plain in a pipe
        return
    else:
        from veracity.report.text_report import render_text

        content = render_text(data)
    if output is None:
        sys.stdout.write(content)
        sys.stdout.flush()
    else:
        from veracity.output import write_atomic

        try:
            write_atomic(output, content)
        except OSError as err:
            reason = (err.strerror or type(err).__name__).lower()
            raise InputError(f"cannot write the report ({reason})", str(output)) from None
        print(f"report written to {output}", file=sys.stderr)


def _check_output(output: Path) -> None:
    """Refuse an output path the report could not be written to."""
    folder = output.parent
    if output.is_dir():
        raise InputError("output path is a folder", str(output))
    if not folder.is_dir():
        raise InputError("output folder does not exist", str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError("output folder is not writable", str(folder))


def _register_serve() -> None:
    # the web app is an optional extra ([web]); the command is listed either way and explains
    # what to install when its packages are missing
    from veracity.web.cli import serve

    app.command("serve")(serve)


_register_serve()


@app.callback()
def _root() -> None:
    """veracity: several accounts in, one trustworthy record out."""


def main() -> None:
    """Entry point: bad input exits 2 with one line; a bug exits 1 and asks to be reported."""
    # typer 0.29 carries its own click; its usage errors are TyperExceptions
    from typer._click.exceptions import NoArgsIsHelpError

    try:
        app(standalone_mode=False)
    except InputError as err:
        _fail(f"veracity: error: {err}", 2)
    except NoArgsIsHelpError as err:
        err.show()
        sys.exit(2)
    except (
        typer.TyperException
    ) as err:  # a bad option or argument: one line, like any input problem
        _fail(f"veracity: error: {err.format_message()}", 2)
    except (typer.Exit, SystemExit) as done:
        code = getattr(done, "exit_code", None)
        if code is None:
            code = getattr(done, "code", 0)
        sys.exit(code or 0)
    except (KeyboardInterrupt, typer.Abort):
        _fail("veracity: interrupted", 130)
    except BrokenPipeError:
        # the reader went away (`veracity check ... | head`); nothing is wrong with the run
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
    except Exception as err:
        _fail(
            f"veracity: internal error: {type(err).__name__}: {err}\n"
            "This is a bug; please report it with the command you ran.",
            1,
            one_line=False,
        )


def _fail(message: str, code: int, one_line: bool = True) -> None:
    if one_line:
        # a file name or message may hold a line break; the error stays on one line
        message = message.replace("\r", "\\r").replace("\n", "\\n")
    print(message, file=sys.stderr)
    sys.exit(code)
