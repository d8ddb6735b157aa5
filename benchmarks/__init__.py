"""Benchmarks for the speed and memory targets of the issues: ``make bench`` (``python -m benchmarks``)."""
