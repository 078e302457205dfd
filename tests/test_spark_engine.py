"""The Spark engine gives exactly the local engine's report (marker `spark`: not in the default
run; `.ci/spark-tests` runs these with the [spark] extra installed)."""

from __future__ import annotations

import os

import pytest

pytestmark = pytest.mark.spark

pyspark = pytest.importorskip("pyspark", reason="the [spark] extra is not installed")
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
os.environ.setdefault("VERACITY_SPARK_PARTITIONS", "2")


def test_spark_sql_transpiles_every_statement():
    from veracity.engines import sql_resolve
    from veracity.engines.spark import to_spark_sql

    for name, template in sql_resolve.STATEMENTS.items():
        sql = sql_resolve._sql(template, sql_resolve.Parameters.of_default_model())
        tables = {t: f"t_{t}" for t in sql_resolve.TABLES}
        assert to_spark_sql(sql.format(**tables)), name


def test_spark_engine_report_equals_local():
    from veracity.pipeline import _profile, check_documents
    from veracity.synth.corpus import generate_corpus

    documents = list(generate_corpus(6, docs_per_event=(3, 6), seed=8).documents())
    profile = _profile("attack")
    local = check_documents(documents, profile=profile, events="cluster")
    spark = check_documents(documents, profile=profile, events="cluster", engine="spark")
    assert spark.to_dict() == local.to_dict()
    # and beneath the report's rounding: publisher reliabilities to 1e-9
    assert spark.sources.keys() == local.sources.keys()
    for name, value in local.sources.items():
        assert abs(spark.sources[name] - value) < 1e-9


def test_spark_extraction_equals_local():
    from veracity.engines.spark import extract_all
    from veracity.pipeline import _profile, extract_documents
    from veracity.synth.corpus import generate_corpus

    documents = list(generate_corpus(4, seed=9).documents())
    profile = _profile("attack")
    assert extract_all(documents, profile) == extract_documents(documents, profile)
