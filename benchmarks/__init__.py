"""Benchmarks: see benchmarks/README.md; run with `python -m benchmarks [--quick]`."""
