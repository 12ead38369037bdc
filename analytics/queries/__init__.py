"""Query functions: each takes (db, filter, scope, ...) and returns a small Polars frame."""
