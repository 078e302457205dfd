"""The web app's own page, and the security headers every HTML answer carries."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import jinja2
from markupsafe import Markup

from veracity.report.html import csp_hash
from veracity.web.uploads import ACCEPTED_SUFFIXES, Limits

COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("veracity.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return (resources.files("veracity.web") / "templates" / name).read_text(encoding="utf-8")


def app_page(limits: Limits) -> tuple[str, dict[str, str]]:
    """The single page of the app and its headers: it may talk to its own server, nothing else."""
    style, script = _asset("app.css"), _asset("app.js")
    policy = (
        "default-src 'none'; "
        f"style-src {csp_hash(style)}; script-src {csp_hash(script)}; "
        "connect-src 'self'; frame-src 'self'; img-src data:; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
    )
    page = _environment().get_template("index.html.j2").render(
        style=Markup(style), script=Markup(script), csp=policy, limits=limits,
        accept=",".join(ACCEPTED_SUFFIXES),
    )
    return page, {**COMMON_HEADERS, "Content-Security-Policy": policy}


def report_headers(page_policy: str) -> dict[str, str]:
    """Headers for a rendered report: its own policy, and it may be framed by the app only."""
    return {**COMMON_HEADERS, "Content-Security-Policy": f"{page_policy}; frame-ancestors 'self'"}
