"""Benchmarks and synthetic data for the timeline app."""
