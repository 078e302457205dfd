"""Readable summaries for the terminal (text) and for documents (Markdown)."""

from __future__ import annotations

from typing import Any


def _value(v: Any) -> str:
    if isinstance(v, dict):
        return f"{v['low']}–{v['high']}" if v.get("high") is not None else f"≥{v['low']}"
    return str(v)


def render_text(report: dict[str, Any]) -> str:
    lines: list[str] = []
    for event in report["events"]:
        lines.append(
            f"Event {event['id']}: {event['title']}  ({len(event['documents'])} documents)"
        )
        lines.append("")
        lines.append("Reconciled record")
        shown = {
            a: r
            for a, r in event["record"].items()
            if not (a.startswith("other.") or a == "demands")
        }
        width = max((len(a) for a in shown), default=10)
        for attribute, res in shown.items():
            rivals = "; ".join(
                f"{_value(a['value'])} ({', '.join(_short(s) for s in a['supported_by'])})"
                for a in res["alternatives"]
            )
            line = (
                f"  {attribute:<{width}}  {_value(res['value']):<24} {res['confidence']:.2f} "
                f"{res['status']:<13} by {', '.join(_short(s) for s in res['supported_by']) or '-'}"
            )
            if rivals:
                line += f"  | rivals: {rivals}"
            if res.get("derived_from"):
                line += f"  (derived: {res['derived_from']})"
            lines.append(line)
            if res.get("history"):
                steps = " -> ".join(
                    f"{_value(h['value'])} ({h['published']})" for h in res["history"]
                )
                lines.append(f"  {'':<{width}}  as reported: {steps}")
        for check in event.get("checks", []):
            lines.append(f"  check: {check['check']}: {check['result']}")
        lines.append("")
    lines.append("Sources")
    for d in report["documents"]:
        lines.append(
            f"  {d['id']:<28} {d['language']:<3} reliability {d['reliability']:.2f}  claims {d['claims']:>3}"
            f"  supported {d['supported']:>3}  contradicted {d['contradicted']:>3}"
            f"  uncorroborated {d['uncorroborated']:>3}"
        )
    lines.append("")
    lines.append("Lineage")
    if not report["lineage"]:
        lines.append("  no copies or translations found")
    for link in report["lineage"]:
        arrow = "->" if link.get("directed", True) else "<->"
        lines.append(
            f"  {link['document']} {arrow} {link['of']}  {link['relation']} ({link['score']:.2f})"
        )
    lines.append("")
    contradicted = [c for c in report["claims"] if c["verdict"] == "contradicted"]
    lines.append(f"Contradicted claims ({len(contradicted)})")
    for c in contradicted:
        lines.append(f'  {c["document"]}  {c["attribute"]} = {_value(c["value"])}  "{c["text"]}"')
    return "\n".join(lines) + "\n"


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
            out.append(
                f"| {attribute} | {_md(_value(res['value']))} | {res['confidence']:.2f} | {res['status']} "
                f"| {', '.join(res['supported_by'])} | {_md(rivals)} |"
            )
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
