"""Resolve: an event's claims to its record (`record`: typed values, aliases, checks, verdicts)
through truth discovery, several algorithms behind one interface (`resolve`)."""

from veracity.resolve.base import ClaimTable, Result, get
from veracity.resolve.base import algorithms as _registered


def _register_all() -> None:
    # importing a module of this package registers the algorithms it defines under their names
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        if module.name in _NOT_ALGORITHMS:
            continue
        importlib.import_module(f"{__name__}.{module.name}")


# modules that define no algorithm: `encode` turns Arrow tables into claim tables for the
# benchmarks and would pull pyarrow into every `veracity check` start-up; `record` and `aliases`
# build the claim table of an event and read its result
_NOT_ALGORITHMS = frozenset({"encode", "record", "aliases"})


def algorithms() -> list[str]:
    """Names of every truth-discovery algorithm available."""
    _register_all()
    return _registered()


def resolve(table: ClaimTable, algorithm: str = "default", **params: object) -> Result:
    """Run the named algorithm on a claim table."""
    _register_all()
    return get(algorithm)(table, **params)


__all__ = ["ClaimTable", "Result", "algorithms", "resolve"]
