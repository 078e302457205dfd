"""Held-out accuracy on the development events: k-fold by event.

    PYTHONPATH=src python benchmarks/heldout.py [--events ../shared/data/events] [--folds 5]
    PYTHONPATH=src python benchmarks/heldout.py --train-all     # write the shipped models

Whatever is learnt (the claim model that gives extraction confidence, the record model that
calibrates confidence and decides when to abstain) is fitted on the events of four folds and
scored on the fifth; every event is scored exactly once, by models that never saw it. The record
model is itself fitted on records whose claim confidences came from claim models that had not
seen those events either (cross-fitting inside the training folds).

Scored with ../shared/eval/score.py's rules (imported at run time). Printed per fold and overall:
gold fields, answered, right, precision, recall, the per-document vote over the same claims,
"some claim right" (oracle), accuracy by status, the calibration table and its expected error.
`--train-all` fits both models on every event (the same way) and writes them into the package:
those are the models `veracity check` uses; their figures on these events are in-sample.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from veracity.assess import claim_features, record_features  # noqa: E402
from veracity.assess.logistic import fit  # noqa: E402
from veracity.assess.models import ABSTAIN_BELOW, Models  # noqa: E402
from veracity.extract import load_profile  # noqa: E402
from veracity.extract.scope import is_background, scope_claims  # noqa: E402
from veracity.ingest.readers import load_documents  # noqa: E402
from veracity.lineage import find_lineage, witness_groups  # noqa: E402
from veracity.model import Claim, Document, Lineage  # noqa: E402
from veracity.pipeline import extract_documents, link_claim_names, reconcile_documents  # noqa: E402

SHARED = ROOT.parent / "shared"
TRAINED = ROOT / "src" / "veracity" / "assess" / "trained"


@dataclass
class Event:
    """One development event, extracted once: everything resolution needs, and its gold."""

    name: str
    documents: list[Document]
    claims: list[Claim]
    aliases: dict[str, list[tuple[str, str]]]
    lineage: list[Lineage]
    gold: dict
    specs: dict = field(default_factory=dict)

    @property
    def groups(self) -> dict[str, str]:
        return witness_groups([d.id for d in self.documents], self.lineage)

    def linked(self, profile) -> list[Claim]:
        pairs = [p for ps in self.aliases.values() for p in ps]
        return link_claim_names(list(self.claims), pairs, profile)


def load_events(folder: Path, profile) -> list[Event]:
    """Each event folder read as `run_events.py` hands it to `veracity check` (URL line dropped)."""
    events = []
    for path in sorted(p for p in folder.iterdir() if (p / "gold.json").exists()):
        with tempfile.TemporaryDirectory() as tmp:
            for f in sorted(path.glob("*.txt")):
                lines = f.read_text(errors="replace").splitlines()
                if lines and lines[0].startswith("URL:"):
                    lines = lines[1:]
                (Path(tmp) / f.name).write_text("\n".join(lines) + "\n")
            documents = load_documents([tmp], frozenset(profile.languages))
        claims, aliases = extract_documents(documents, profile, workers=1)
        lineage = find_lineage(documents)
        gold = json.loads((path / "gold.json").read_text())
        event = Event(path.name, documents, claims, aliases, lineage, gold)
        event.specs = {}
        for attribute, spec in score.gold_from_file(gold):
            event.specs.setdefault(attribute, spec)
        events.append(event)
    return events


def claim_rows(events: list[Event], profile) -> tuple[np.ndarray, np.ndarray]:
    """Features and right/wrong of every claim whose attribute the gold scores."""
    xs, ys = [], []
    for event in events:
        # as at run time: the claims of other events an article mentions are set aside first
        claims = [c for c in scope_claims(event.linked(profile), event.documents)
                  if not is_background(c)]
        x = claim_features.claim_features(claims, event.documents, event.groups, profile)
        for row, claim in enumerate(claims):
            spec = event.specs.get(claim.attribute)
            if spec is not None:
                xs.append(x[row])
                ys.append(claim_right(spec, claim.value.to_json()))
    return np.array(xs), np.array(ys, dtype=bool)


def claim_right(spec: dict, value) -> bool:
    """A claim is right when the scorer accepts its value, or when it is a date coarser than the
    gold's and contains it ("December 1996" of 17 December 1996): coarse, not wrong."""
    if score.check(spec, value):
        return True
    return "date" in spec and isinstance(value, str) and spec["date"].startswith(value)


def reconciled(event: Event, profile, models: Models):
    """The event's report as `veracity check` makes it, from the cached extraction."""
    ids = [d.id for d in event.documents]
    report, _ = reconcile_documents(
        event.documents, event.claims, event.aliases, event.lineage, [("e1", ids, [])],
        profile=profile, models=models,
    )
    return report


def report_of(event: Event, profile, models: Models) -> dict:
    return reconciled(event, profile, models).to_dict()


def record_rows(events: list[Event], profile, models: Models) -> tuple[np.ndarray, np.ndarray]:
    """Features and right/wrong of every record value the gold scores (record model not used)."""
    xs, ys = [], []
    plain = Models(models.claim, None, models.abstain_below)
    for event in events:
        report = reconciled(event, profile, plain)
        record = report.events[0].record
        attributes, x = record_features.record_features(
            record, report.claims, event.groups, event.documents, profile
        )
        for row, attribute in enumerate(attributes):
            spec = event.specs.get(attribute)
            if spec is not None:
                xs.append(x[row])
                ys.append(bool(score.check(spec, record[attribute].value.to_json())))
    return np.array(xs), np.array(ys, dtype=bool)


def train(events: list[Event], profile, inner_folds: int = 4) -> Models:
    claim_names = claim_features.feature_names(profile)
    claim_model = fit(claim_names, *claim_rows(events, profile), penalty=CLAIM_PENALTY)
    # the record model learns from records whose claims were weighed by claim models that had
    # not seen them, as at run time
    xs, ys = [], []
    for k in range(inner_folds):
        held = events[k::inner_folds]
        rest = [e for e in events if e not in held]
        inner = fit(claim_names, *claim_rows(rest, profile), penalty=CLAIM_PENALTY)
        xr, yr = record_rows(held, profile, Models(inner))
        if len(xr):
            xs.append(xr)
            ys.append(yr)
    record_model = fit(
        record_features.feature_names(profile), np.vstack(xs), np.concatenate(ys),
        penalty=RECORD_PENALTY,
    )
    return Models(claim_model, record_model, ABSTAIN_BELOW)


CLAIM_PENALTY = 4.0
RECORD_PENALTY = 20.0


@dataclass
class Tally:
    fields: int = 0
    answered: int = 0
    right: int = 0
    vote: int = 0
    oracle: int = 0
    by_status: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    bins: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0.0]))
    by_attribute: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    # (confidence, right) of every value the record would state with no bar to abstain
    stated: list = field(default_factory=list)

    def add(self, event: Event, report: dict) -> None:
        ev = max(report["events"], key=lambda e: len(e["documents"]))
        record = ev["record"]
        claims = [c for c in report["claims"] if c.get("event") in (ev["id"], None)]
        for attribute, spec in event.specs.items():
            entry = record.get(attribute) or {}
            value = entry.get("value")
            if entry.get("status") == "undetermined":
                leading = entry["alternatives"][0]["value"]
                self.stated.append((float(entry["confidence"]), bool(score.check(spec, leading))))
            elif value is not None:
                self.stated.append((float(entry["confidence"]), bool(score.check(spec, value))))
            ok = bool(score.check(spec, value))
            oracle = any(score.check(spec, c["value"]) for c in claims if c["attribute"] == attribute)
            self.fields += 1
            self.answered += value is not None
            self.right += ok
            self.vote += bool(score.check(spec, score.vote(claims, attribute)))
            self.oracle += oracle
            a = self.by_attribute[attribute]
            a[0] += 1
            a[1] += ok
            a[2] += oracle
            if value is not None:
                s = self.by_status[entry.get("status", "?")]
                s[0] += 1
                s[1] += ok
                c = float(entry.get("confidence") or 0.0)
                b = self.bins[min(int(c * 10), 9)]
                b[0] += 1
                b[1] += ok
                b[2] += c

    def merge(self, other: Tally) -> None:
        self.fields += other.fields
        self.answered += other.answered
        self.right += other.right
        self.vote += other.vote
        self.oracle += other.oracle
        self.stated += other.stated
        for k, (m, r) in other.by_status.items():
            self.by_status[k][0] += m
            self.by_status[k][1] += r
        for k, (m, r, c) in other.bins.items():
            self.bins[k][0] += m
            self.bins[k][1] += r
            self.bins[k][2] += c
        for k, (m, r, o) in other.by_attribute.items():
            self.by_attribute[k][0] += m
            self.by_attribute[k][1] += r
            self.by_attribute[k][2] += o

    @property
    def ece(self) -> float:
        return sum(abs(r - c) for m, r, c in self.bins.values()) / max(self.answered, 1)

    def line(self) -> str:
        p = self.right / max(self.answered, 1)
        r = self.right / max(self.fields, 1)
        return (
            f"fields {self.fields} answered {self.answered} right {self.right} "
            f"precision {p:.3f} recall {r:.3f} vote {self.vote} ({self.vote / max(self.fields, 1):.3f}) "
            f"oracle {self.oracle} ({self.oracle / max(self.fields, 1):.3f}) ECE {self.ece:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=Path, default=SHARED / "data" / "events")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--train-all", action="store_true", help="fit on every event and write the shipped models")
    parser.add_argument("--no-models", action="store_true", help="score without any model (the resolver alone)")
    args = parser.parse_args()
    profile = load_profile("attack")
    started = time.perf_counter()
    events = load_events(args.events, profile)
    print(f"{len(events)} events, {sum(len(e.documents) for e in events)} articles, "
          f"{sum(len(e.claims) for e in events)} claims extracted in {time.perf_counter() - started:.1f} s")
    if args.train_all:
        models = train(events, profile)
        models.save(TRAINED)
        print(f"wrote {TRAINED} (fitted on all {len(events)} events; figures on them are in-sample)")
        return
    total = Tally()
    for k in range(args.folds):
        test = events[k::args.folds]
        rest = [e for e in events if e not in test]
        models = Models.none() if args.no_models else train(rest, profile)
        tally = Tally()
        for event in test:
            tally.add(event, report_of(event, profile, models))
        print(f"fold {k + 1} ({', '.join(e.name for e in test)}):\n  {tally.line()}")
        total.merge(tally)
    print(f"held-out, all folds: {total.line()}")
    print("  status: " + ", ".join(
        f"{s} {r}/{m} ({r / m:.2f})" for s, (m, r) in sorted(total.by_status.items())))
    print("  calibration (confidence bin: answers, right, mean confidence):")
    for b in sorted(total.bins):
        m, r, c = total.bins[b]
        print(f"    {b / 10:.1f}-{(b + 1) / 10:.1f}: {m:4d}  {r / m:.2f}  {c / m:.2f}")
    print("  abstaining below a bar alone, no tie rule (bar: answered, right, precision, recall):")
    for bar in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        kept = [ok for c, ok in total.stated if c >= bar]
        print(f"    {bar:.1f}: {len(kept):4d} {sum(kept):4d}  {sum(kept) / max(len(kept), 1):.3f}  "
              f"{sum(kept) / max(total.fields, 1):.3f}")
    print("  by attribute (right/fields, oracle): " + "; ".join(
        f"{a} {r}/{m} ({o})" for a, (m, r, o) in sorted(total.by_attribute.items())))
    print(f"{time.perf_counter() - started:.1f} s in all")


sys.path.insert(0, str(SHARED / "eval"))
import score  # noqa: E402

if __name__ == "__main__":
    main()
