"""Benchmarks and the synthetic corpus they run on (`bench.make_corpus`)."""
