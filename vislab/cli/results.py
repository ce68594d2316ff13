"""``vislab import-results DIR``: a cluster run's result files (Parquet, ``classify FOLDER --ray --out DIR``) into
the collection store, so that ``similar``, ``classify``, ``evaluate`` and the window's Collection view answer from
them without running the model again."""

from __future__ import annotations

import argparse

from .options import json_option
from .output import ProgressBar, note, print_json


def arguments(parser: argparse.ArgumentParser) -> None:
    """The result folder (or one .parquet file) and ``--json``."""
    parser.add_argument("folder", metavar="DIR", help="a folder of result files (.parquet, searched recursively), "
                        "or one file")
    json_option(parser)


def run(options: argparse.Namespace) -> int:
    """Read every row of ``DIR`` into the store, with a progress bar; one summary line (or JSON)."""
    from ..core import result_files
    from .collection import open_store

    result_files.files(options.folder)  # a missing folder, or one without result files, fails before the store opens
    total = result_files.total_rows(options.folder)
    store = open_store("nothing was imported")
    if store is None:
        return 1
    bar = ProgressBar("importing", total=total)
    try:
        with store:
            summary = result_files.import_results(options.folder, store,
                                                  progress=lambda rows: bar.count(rows, total))
    finally:
        bar.close()
    if options.json:
        print_json(summary.to_dict(store.path))
    else:
        models = ", ".join(dict.fromkeys(summary.models.values())) or "no model"
        errors = len(summary.errors)
        print(f"{summary.rows} rows from {len(summary.files)} result file{'s' if len(summary.files) != 1 else ''}: "
              f"{summary.stored} answers stored, {errors} error row{'s' if errors != 1 else ''} ({models}) "
              f"in {store.path}")
        if errors:
            note(f"the error rows are files the run could not read, e.g. {summary.errors[0]}")
    return 0
