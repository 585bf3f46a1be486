"""Reading and tables: article files -> `Article` values and sentences; the pandera schemas
and the facts vocabulary; the tables built, written atomically and read back; the local
and Dask engines that run a per-batch function over a corpus.

May import: nothing of the other stages (only `analysis.config`).
"""
