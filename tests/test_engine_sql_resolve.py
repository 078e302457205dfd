"""The SQL formulation is the numpy default model: same confidences, winners, reliabilities."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from veracity.engines.local import DuckDBBackend
from veracity.engines.relational import RelationalSolver
from veracity.engines.sql_resolve import Parameters
from veracity.extract import extract_claims
from veracity.lineage import find_lineage, witness_groups
from veracity.pipeline import _profile
from veracity.resolve import resolve
from veracity.resolve.record import EventTable, build_table
from veracity.synth.corpus import generate_corpus


@pytest.fixture(scope="module")
def tables() -> list[EventTable]:
    corpus = generate_corpus(6, docs_per_event=(4, 8), seed=11)
    profile = _profile("attack")
    out = []
    for index in range(6):
        docs = [a.to_document() for a in corpus.event_articles(index)]
        claims = [c for d in docs for c in extract_claims(d, profile).claims]
        groups = witness_groups([d.id for d in docs], find_lineage(docs))
        facts = [c for c in claims if "relative_to" not in c.qualifiers]
        out.append(build_table(f"e{index}", facts, [d.id for d in docs], groups))
    return out


def test_engine_sql_resolve_matches_numpy_default_per_event(tables: list[EventTable]):
    for table in tables:
        expected = resolve(table.table, "default")
        got = RelationalSolver(DuckDBBackend, {})([table])[0]
        assert got.iterations == expected.iterations
        np.testing.assert_allclose(got.confidence, expected.confidence, atol=1e-9)
        np.testing.assert_allclose(got.reliability, expected.reliability, atol=1e-9)
        assert (got.truth == expected.truth).all()


def test_engine_sql_resolve_weighs_claims_by_extraction_confidence(tables: list[EventTable]):
    # the same tables with uneven claim weights: both formulations weigh them alike
    rng = np.random.default_rng(5)
    for table in tables:
        weighted = replace(
            table,
            table=replace(table.table, claim_weight=rng.uniform(0.05, 1.0, len(table.claims))),
        )
        expected = resolve(weighted.table, "default")
        plain = resolve(table.table, "default")
        got = RelationalSolver(DuckDBBackend, {})([weighted])[0]
        np.testing.assert_allclose(got.confidence, expected.confidence, atol=1e-9)
        np.testing.assert_allclose(got.reliability, expected.reliability, atol=1e-9)
        assert (got.truth == expected.truth).all()
        assert not np.allclose(expected.confidence, plain.confidence)


def test_engine_sql_resolve_many_events_in_one_run(tables: list[EventTable]):
    # documents as sources: pooling changes nothing but the shared stopping point (a round more
    # or less moves a reliability by about the tolerance)
    together = RelationalSolver(DuckDBBackend, {})(tables)
    tolerance = Parameters.of_default_model().tolerance
    for table, got in zip(tables, together, strict=True):
        expected = resolve(table.table, "default")
        assert (got.truth == expected.truth).all()
        np.testing.assert_allclose(got.reliability, expected.reliability, atol=10 * tolerance)


def test_engine_sql_resolve_publishers_share_one_reliability(tables: list[EventTable]):
    everyone = {d: "one publisher" for t in tables for d in t.document_ids}
    solver = RelationalSolver(DuckDBBackend, everyone)
    results = solver(tables)
    values = {float(r) for result in results for r in result.reliability}
    assert values == {solver.reliability["facts"]["one publisher"]}
