"""Benchmarks. Each ``bench/bench_*.py`` module defines ``run(quick: bool) -> Iterable[dict]``
yielding ``{"metric": NAME, "value": X, "unit": U}``; ``python -m bench`` runs them all."""
