"""Synthetic corpora with known answers, for tests and benchmarks only (never used by `check`)."""
