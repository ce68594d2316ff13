"""vislab's speed, measured against plain torch/timm doing the same work in the same process.

Run with ``make bench``: prints a table of each figure beside its goal and writes ``results.json``.
"""
