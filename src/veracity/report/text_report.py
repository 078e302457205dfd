"""Readable summaries for the terminal (text) and for documents (Markdown).

The text report is built once as styled lines (rich `Text`): written plain to a file or a pipe,
in colour on a terminal, where disputed fields, undetermined ones and contradicted claims stand
out. `NO_COLOR` (any value) turns colour off; `FORCE_COLOR` turns it on where no terminal is seen.
"""

from __future__ import annotations

from typing import IO, Any

from rich.console import Console
from rich.text import Text

# how each status is shown; disputed and undetermined are the fields a reader must look at
STATUS_STYLE = {
    "agreed": "green",
    "resolved": "cyan",
    "single-source": "dim",
    "disputed": "bold yellow",
    "undetermined": "bold magenta",
}
CONTRADICTED = "bold red"
HEADING = "bold underline"


def _value(v: Any) -> str:
    if v is None:
        return "not determined"
    if isinstance(v, dict):
        return f"{v['low']}–{v['high']}" if v.get("high") is not None else f"≥{v['low']}"
    return str(v)


def render_text(report: dict[str, Any]) -> str:
    """The text report, plain (for a file or a pipe)."""
    return "\n".join(line.plain for line in text_lines(report)) + "\n"


def print_text(report: dict[str, Any], file: IO[str] | None = None) -> None:
    """Write the text report to `file` (stdout): in colour when it is a terminal that takes
    colour (rich's detection, `FORCE_COLOR` included) and `NO_COLOR` is not set, else plain."""
    console = Console(file=file, highlight=False, soft_wrap=True, emoji=False, markup=False)
    if not wants_colour(console):
        console.file.write(render_text(report))
        console.file.flush()
        return
    for line in text_lines(report):
        console.print(line)


def wants_colour(console: Console) -> bool:
    return console.is_terminal and not console.no_color and not console.is_dumb_terminal


def text_lines(report: dict[str, Any]) -> list[Text]:
    """Every line of the text report, with the styles a terminal shows."""
    lines: list[Text] = []
    for event in report["events"]:
        lines.append(
            Text.assemble(
                (f"Event {event['id']}: {event['title']}", "bold"),
                f"  ({len(event['documents'])} documents)",
            )
        )
        for passing in event.get("in_passing", []):
            lines.append(Text(f"  in passing: {_short(passing['document'])}, {passing['reason']}",
                              "dim"))
        lines.append(Text())
        lines.append(Text("Reconciled record", HEADING))
        shown = {
            a: r
            for a, r in event["record"].items()
            if not (a.startswith("other.") or a == "demands")
        }
        width = max((len(a) for a in shown), default=10)
        for attribute, res in shown.items():
            lines.append(_record_line(attribute, res, width))
            if res.get("history"):
                steps = " -> ".join(
                    f"{_value(h['value'])} ({h['published']})" for h in res["history"]
                )
                lines.append(Text(f"  {'':<{width}}  as reported: {steps}", "dim"))
        for check in event.get("checks", []):
            style = "bold red" if check["result"] == "inconsistent" else ""
            lines.append(Text(f"  check: {check['check']}: {check['result']}", style))
        lines.append(Text())
    lines.append(Text("Sources", HEADING))
    for d in report["documents"]:
        line = Text(
            f"  {d['id']:<28} {d['language']:<3} reliability {d['reliability']:.2f}  "
            f"claims {d['claims']:>3}  supported {d['supported']:>3}  "
        )
        line.append(f"contradicted {d['contradicted']:>3}", CONTRADICTED if d["contradicted"] else "")
        line.append(f"  uncorroborated {d['uncorroborated']:>3}")
        lines.append(line)
    lines.append(Text())
    lines.append(Text("Lineage", HEADING))
    if not report["lineage"]:
        lines.append(Text("  no copies or translations found"))
    for link in report["lineage"]:
        arrow = "->" if link.get("directed", True) else "<->"
        lines.append(
            Text(f"  {link['document']} {arrow} {link['of']}  {link['relation']} ({link['score']:.2f})")
        )
    lines.append(Text())
    contradicted = [c for c in report["claims"] if c["verdict"] == "contradicted"]
    lines.append(Text(f"Contradicted claims ({len(contradicted)})", HEADING))
    for c in contradicted:
        lines.append(
            Text.assemble(
                f"  {c['document']}  ",
                (f"{c['attribute']} = {_value(c['value'])}", CONTRADICTED),
                f'  "{c["text"]}"',
            )
        )
    return lines


def _record_line(attribute: str, res: dict[str, Any], width: int) -> Text:
    status = res["status"]
    style = STATUS_STYLE.get(status, "")
    flagged = status in ("disputed", "undetermined")
    undetermined = res.get("value") is None
    rivals = "; ".join(
        f"{_value(a['value'])} ({', '.join(_short(s) for s in a['supported_by'])})"
        for a in res["alternatives"]
    )
    value = _value(res.get("value"))
    line = Text("  ")
    line.append(attribute, style if flagged else "")
    line.append(" " * (width - len(attribute) + 2))
    line.append(value, style if flagged else "bold")
    line.append(" " * (24 - len(value)))
    line.append(f" {res['confidence']:.2f} ")
    line.append(status, style)
    line.append(" " * (13 - len(status)))
    supporters = ", ".join(_short(s) for s in res["supported_by"]) or "-"
    line.append(f" by {supporters}")
    if rivals:
        # an undetermined field has no value: its alternatives are the candidates
        line.append("  | candidates: " if undetermined else "  | rivals: ")
        line.append(rivals, "yellow" if flagged else "")
    if res.get("derived_from"):
        line.append(f"  (derived: {res['derived_from']})", "dim")
    return line


def render_markdown(report: dict[str, Any]) -> str:
    out: list[str] = []
    for event in report["events"]:
        out.append(f"# {event['title']}\n")
        out.append("| attribute | value | confidence | status | supported by | rivals |")
        out.append("| --- | --- | --- | --- | --- | --- |")
        for attribute, res in event["record"].items():
            rivals = "; ".join(
                f"{_value(a['value'])} ({', '.join(a['supported_by'])})"
                for a in res["alternatives"]
            )
            if rivals and res.get("value") is None:
                rivals = f"candidates: {rivals}"  # undetermined: no value, only candidates
            out.append(
                f"| {attribute} | {_md(_value(res.get('value')))} | {res['confidence']:.2f} | {res['status']} "
                f"| {', '.join(res['supported_by'])} | {_md(rivals)} |"
            )
        out.append("")
        counts = {a: r["history"] for a, r in event["record"].items() if r.get("history")}
        if counts:
            out.append("Running counts as reported, oldest first:\n")
            for attribute, history in counts.items():
                steps = " → ".join(
                    f"{_value(h['value'])} ({h['published']}, {', '.join(h['documents'])})"
                    for h in history
                )
                out.append(f"- {attribute}: {_md(steps)}")
            out.append("")
    out.append("## Sources\n")
    out.append(
        "| document | language | reliability | claims | supported | contradicted | uncorroborated |"
    )
    out.append("| --- | --- | --- | --- | --- | --- | --- |")
    for d in report["documents"]:
        out.append(
            f"| {d['id']} | {d['language']} | {d['reliability']:.2f} | {d['claims']} | {d['supported']} "
            f"| {d['contradicted']} | {d['uncorroborated']} |"
        )
    out.append("\n## Lineage\n")
    for link in report["lineage"] or []:
        out.append(f"- {link['document']} → {link['of']}: {link['relation']} ({link['score']:.2f})")
    if not report["lineage"]:
        out.append("- no copies or translations found")
    out.append("\n## Claims\n")
    out.append("| document | attribute | value | words | verdict |")
    out.append("| --- | --- | --- | --- | --- |")
    for c in report["claims"]:
        out.append(
            f"| {c['document']} | {c['attribute']} | {_md(_value(c['value']))} | {_md(c['text'])} | {c['verdict']} |"
        )
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _short(doc_id: str) -> str:
    return doc_id.split("_")[0] if "_" in doc_id and doc_id.split("_")[0].isdigit() else doc_id
