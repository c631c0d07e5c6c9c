"""Benchmarks of lessonkit (not installed with the package): `make bench`."""
