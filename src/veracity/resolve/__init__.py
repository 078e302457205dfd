"""Truth discovery: several algorithms behind one interface (`resolve`)."""

from veracity.resolve.base import ClaimTable, Result, algorithms, get


def resolve(table: ClaimTable, algorithm: str = "default", **params: object) -> Result:
    """Run the named algorithm on a claim table."""
    from veracity.resolve import (  # noqa: F401  (registers them)
        accu,
        crh,
        default,
        investment,
        truthfinder,
        vote,
    )

    return get(algorithm)(table, **params)


__all__ = ["ClaimTable", "Result", "algorithms", "resolve"]
