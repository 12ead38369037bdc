"""Regulatory rules, one documented module each (box, gap, JP, maturity, distribution)."""
