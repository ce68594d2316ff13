"""The table as a file: CSV or (strict) JSON, the rows shown, in the order shown."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Sequence
from pathlib import Path

from .model import COLUMN_IDS, LABEL_COLUMNS, CollectionModel


def table_rows(model: CollectionModel, rows: Sequence[int]) -> list[dict]:
    """One dict per row: the path and every column (the label columns only for a labelled folder)."""
    columns = [c for c in COLUMN_IDS if model.labelled or c not in LABEL_COLUMNS]
    out = []
    for row in rows:
        record = model.records[row]
        item: dict = {"path": str(model.files[row])}
        for column in columns:
            value = model.value(row, column)
            if column == "duplicate":
                item["duplicate"] = None if value is None else value[0]
                item["duplicate_similarity"] = None if value is None else round(value[1], 6)
            elif isinstance(value, float):
                item[column] = round(value, 6) if math.isfinite(value) else None
            else:
                item[column] = value
        item["error"] = None if record is None else record.error
        out.append(item)
    return out


def write_table(path: str | Path, model: CollectionModel, rows: Sequence[int]) -> Path:
    """Write ``rows`` of ``model`` to ``path``: JSON when it ends in ``.json``, else CSV.

    Raises:
        OSError: the file could not be written.
    """
    path = Path(path)
    items = table_rows(model, rows)
    if path.suffix.lower() == ".json":
        path.write_text(json.dumps(items, indent=1, allow_nan=False) + "\n", encoding="utf-8")
        return path
    fields = list(items[0]) if items else ["path"]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for item in items:
            writer.writerow({k: "" if v is None else v for k, v in item.items()})
    return path
