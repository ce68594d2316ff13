"""Writing results to files the person chose: predictions as CSV or JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

#: The CSV columns, in order.
CSV_FIELDS = ("image", "model", "rank", "index", "label", "probability")


def write_predictions(path: str | Path, image: str, result: Any) -> None:
    """Write ``result``'s predictions for ``image`` to ``path``: JSON if it ends in ``.json``, else CSV.

    Args:
        path: the file to write (replaced if it exists).
        image: the image the predictions are for (its path or name), written beside each row.
        result: a classification result with ``model_id`` and ``items`` (each with ``index``, ``label`` and
            ``probability``), best first.

    Raises:
        OSError: the file could not be written.
    """
    rows = [{"rank": i + 1, "index": p.index, "label": p.label, "probability": p.probability}
            for i, p in enumerate(result.items)]
    path = Path(path)
    if path.suffix.lower() == ".json":
        data = {"image": image, "model": result.model_id, "predictions": rows}
        path.write_text(json.dumps(data, indent=2, allow_nan=False), encoding="utf-8")
        return
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(CSV_FIELDS))
        writer.writeheader()
        for row in rows:
            writer.writerow({"image": image, "model": result.model_id, **row})
