"""``python -m benchmarks [--markdown] [--readme] [SUITE...]``: run the benchmarks, print each figure beside
its goal, write results.json. ``--markdown`` prints the table as the README shows it, ``--readme`` puts it
in the README; SUITE names pick suites (``classify image batch explain faithfulness app memory collection
collection_view instant live teach cluster``)."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import torch

from vislab.core.devices import physical_cores, use_physical_cores

from . import (
    bench_app,
    bench_batch,
    bench_classify,
    bench_cluster,
    bench_collection,
    bench_collection_view,
    bench_explain,
    bench_faithfulness,
    bench_image,
    bench_instant,
    bench_live,
    bench_memory,
    bench_teach,
)
from ._harness import ROOT, Result

SUITES = {"classify": bench_classify, "image": bench_image, "batch": bench_batch, "explain": bench_explain,
          "faithfulness": bench_faithfulness, "app": bench_app, "memory": bench_memory, "collection": bench_collection,
          "collection_view": bench_collection_view, "instant": bench_instant, "live": bench_live,
          "teach": bench_teach, "cluster": bench_cluster}


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict:
    import onnxruntime

    return {"cpu": _cpu_name(), "cores": os.cpu_count(), "physical_cores": physical_cores(),
            "torch_threads": torch.get_num_threads(), "torch": torch.__version__,
            "onnxruntime": onnxruntime.__version__, "python": platform.python_version(),
            "date": time.strftime("%Y-%m-%d")}


def _value(r: Result) -> str:
    return f"{r.value:.2f} {r.unit}".strip()


def _goal(r: Result) -> str:
    return f"{'>=' if r.higher_is_better else '<='} {r.goal:g} {r.unit}".strip()


def text_table(results: list[Result]) -> str:
    width = max(len(r.name) for r in results)
    lines = [f"{'figure':<{width}}  {'value':>12}  {'goal':>12}  ok   detail"]
    lines += [f"{r.name:<{width}}  {_value(r):>12}  {_goal(r):>12}  {'yes' if r.ok else 'NO ':3}  {r.detail}"
              for r in results]
    return "\n".join(lines)


def markdown_table(results: list[Result], info: dict) -> str:
    lines = ["| figure | value | goal | met | detail |", "|---|---:|---:|:---:|---|"]
    lines += [f"| {r.name} | {_value(r)} | {_goal(r)} | {'yes' if r.ok else '**no**'} | {r.detail} |"
              for r in results]
    lines.append("")
    lines.append(f"{info['cpu']}, {info['cores']} cores ({info['physical_cores']} physical), torch {info['torch']} "
                 f"on {info['torch_threads']} threads, ONNX Runtime {info['onnxruntime']}, Python {info['python']}, "
                 f"{info['date']}.")
    return "\n".join(lines)


def update_readme(table: str, readme: Path = ROOT / "README.md") -> None:
    """Replace the table between the README's ``bench:start`` and ``bench:end`` markers."""
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->\n", "<!-- bench:end -->"
    head, found, rest = text.partition(start)
    if not found or end not in rest:
        raise SystemExit(f"{readme} has no {start.strip()} ... {end} markers")
    readme.write_text(head + start + table + "\n" + end + rest.split(end, 1)[1], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("suites", nargs="*", metavar="SUITE", help=f"among {', '.join(SUITES)} (default: all)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--readme", action="store_true", help="write the Markdown table into README.md")
    options = parser.parse_args(argv)
    unknown = [name for name in options.suites if name not in SUITES]
    if unknown:
        parser.error(f"unknown suite {unknown[0]!r}; suites: {', '.join(SUITES)}")
    use_physical_cores()
    results = [r for name in (options.suites or SUITES) for r in SUITES[name].run()]
    info = machine()
    print(markdown_table(results, info) if options.markdown else text_table(results))
    if options.readme:
        update_readme(markdown_table(results, info))
    out = Path(__file__).with_name("results.json")
    out.write_text(json.dumps({"machine": info, "results": [r.to_dict() for r in results]}, indent=2))
    print(f"\nwritten to {out}", file=sys.stderr)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
