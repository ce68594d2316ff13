"""``python -m benchmarks``: run every benchmark, print each figure beside its goal, write results.json."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

import torch

from . import bench_explain

SUITES = [bench_explain]


def main() -> int:
    results = [r for suite in SUITES for r in suite.run()]
    machine = {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
               "torch_threads": torch.get_num_threads(), "torch": torch.__version__,
               "python": platform.python_version()}
    width = max(len(r.name) for r in results)
    print(f"{'figure':<{width}}  {'value':>9}  {'goal':>9}  ok   detail")
    for r in results:
        sign = ">=" if r.higher_is_better else "<="
        print(f"{r.name:<{width}}  {r.value:>7.2f} {r.unit:<2} {sign}{r.goal:>6.2f} {r.unit:<2} "
              f"{'yes' if r.ok else 'NO ':3}  {r.detail}")
    out = Path(__file__).with_name("results.json")
    out.write_text(json.dumps({"machine": machine, "results": [r.to_dict() for r in results]}, indent=2))
    print(f"\n{machine['cores']} cores, {machine['torch_threads']} torch threads, torch {machine['torch']}; "
          f"written to {out}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
