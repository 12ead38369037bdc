"""Performance benchmark harness (issue 8): `python -m bench --scales 250000,4700000`.

See bench/run.py for the steps and BENCHMARKS.md for the latest figures.
"""
