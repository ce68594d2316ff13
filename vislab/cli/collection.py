"""``vislab embed``, ``similar``, ``similarity`` and ``evaluate``: folders of photos, their feature vectors, what
looks alike and what the model gets wrong. Like ``classify``, they read and fill the collection store (an SQLite
file in vislab's data folder, ``VISLAB_DATA_DIR`` moves it): a photo seen before under the same model and
weights is not run again."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import DirectoryNotImageError, OptionError, StoreError, VislabError
from . import cluster
from .models import load_many, load_one
from .options import device_option, json_option, model_options, positive
from .output import ProgressBar, check_outputs, fail, note, print_json, print_table, write_outputs

if TYPE_CHECKING:
    from ..core.model import LoadedModel
    from ..core.store import Record, Store

#: Classes stored per photo at least, whatever ``--top-k`` asked: a later run asking for up to 5 reuses them.
STORED_TOP_K = 5


# -- shared by classify and the commands here -------------------------------------------------------------------


def batch_option(parser: argparse.ArgumentParser) -> None:
    """``--batch-size``: photos per model batch, and per store transaction."""
    parser.add_argument("--batch-size", type=positive, default=16, metavar="N",
                        help="photos per batch; each batch is stored as it is done (16)")


def open_store(without: str = "results are not kept this time") -> Store | None:
    """The collection store, or None (with one note ending in ``without``) when it cannot be used; a damaged
    file set aside is one note too."""
    from ..core.store import Store

    try:
        store = Store.open()
    except StoreError as exc:
        note(f"{exc}; {without}")
        return None
    if store.notice:
        note(store.notice)
    return store


def run_records(files: Sequence[Path], model: LoadedModel, store: Store | None, *, top_k: int = STORED_TOP_K,
                batch_size: int = 16, label: str = "classifying", bar: ProgressBar | None = None,
                on_batch=None) -> dict[Path, Record]:
    """Every file's :class:`Record` (from the store, or computed and stored), with a progress bar on a terminal."""
    from ..core.collection import process

    own_bar = bar is None and len(files) > 1
    bar = ProgressBar(label, total=len(files)) if own_bar else bar
    found: dict[Path, Record] = {}
    try:
        for batch in process(files, model, store, top_k=max(top_k, STORED_TOP_K), batch_size=batch_size,
                             progress=bar.count if bar else None):
            for record in batch:
                found[record.path] = record
            if on_batch is not None:
                on_batch(found)
    finally:
        if own_bar and bar:
            bar.close()
    return found


def image_files(arguments: Sequence[str]) -> list[str | Path | DirectoryNotImageError]:
    """The files of ``FOLDER_OR_FILES...`` in order: a file as given, a folder's images (recursively, in name
    order, as the window opens a dropped folder), or, for a folder without any image, the error that says so."""
    from ..core.images import expand_paths

    inputs: list[str | Path | DirectoryNotImageError] = []
    for argument in arguments:
        if not Path(argument).is_dir():
            inputs.append(argument)  # as typed: it names the result, and reading it reports what is wrong
            continue
        found = expand_paths([argument])
        inputs += found or [DirectoryNotImageError(argument, "no images in this folder")]
    return inputs


def _files_or_fail(arguments: Sequence[str]) -> tuple[list[Path], int]:
    """The files to work on, and how many of the arguments were folders without images (each one error line)."""
    files, empty = [], 0
    for item in image_files(arguments):
        if isinstance(item, DirectoryNotImageError):
            fail(str(item))
            empty += 1
        else:
            files.append(Path(item))
    return files, empty


# -- embed ------------------------------------------------------------------------------------------------------


def embed_arguments(parser: argparse.ArgumentParser) -> None:
    """The images or folders, the model options, ``--out FILE.npz``, ``--batch-size``, ``--json`` and the
    options of a run on Ray (:mod:`vislab.cli.cluster`)."""
    parser.add_argument("images", nargs="+", metavar="FOLDER_OR_FILES", help="image files or folders")
    model_options(parser)
    parser.add_argument("--out", metavar="FILE.npz",
                        help="save the vectors (float32, one row per image, as stored: float16 precision), "
                             "the files and the model; with --ray, the folder of the result files (Parquet)")
    batch_option(parser)
    json_option(parser)
    cluster.ray_options(parser, out=False)


def embed(options: argparse.Namespace) -> int:
    """Compute (or read from the store) each image's pre-logits feature vector; save them to ``--out``."""
    import numpy as np

    if cluster.wanted(options):
        return cluster.run(options, "embed")
    if options.out is not None:
        _check_npz(options.out)
    files, empty = _files_or_fail(options.images)
    model = load_one(options, fast_path=True)
    records = run_records(files, model, open_store(), batch_size=options.batch_size, label="embedding")
    good = [records[f] for f in files if records[f].vector is not None]
    for f in files:
        if records[f].error:
            fail(records[f].error)
    dims = good[0].vector.shape[0] if good else 0
    if options.out is not None:
        def write(path: str) -> None:
            matrix = np.stack([r.vector for r in good]) if good else np.zeros((0, dims), np.float32)
            np.savez(path, vectors=matrix.astype(np.float32), files=np.array([str(r.path) for r in good], dtype=str),
                     model=np.array(model.spec.id))

        write_outputs([(options.out, write)])
    summary = {"model": model.spec.id, "images": len(good), "dimensions": int(dims), "out": options.out,
               "errors": [{"image": str(f), "error": records[f].error} for f in files if records[f].error]}
    if options.json:
        print_json(summary)
    else:
        where = f", saved to {options.out}" if options.out else ""
        print(f"{len(good)} feature vectors of {dims} dimensions ({model.spec.id}){where}")
    return 1 if empty or summary["errors"] or (options.out and not Path(options.out).exists()) else 0


def _check_npz(path: str) -> None:
    """Refuse, before any work, an ``--out`` that is not a writable ``.npz`` file."""
    target = Path(path).expanduser()
    if not path.strip():
        raise OptionError("--out is empty: name the .npz file to write")
    if target.is_dir():
        raise OptionError(f"--out {path}: is a folder; name a file in it")
    if target.suffix.lower() != ".npz":
        raise OptionError(f"--out {path}: vislab writes the vectors as .npz, not "
                          f"{target.suffix or 'a name without a suffix'}")
    if not target.parent.is_dir():
        raise OptionError(f"--out {path}: the folder {target.parent} does not exist")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise OptionError(f"--out {path}: the folder {target.parent} is not writable")


# -- similar ----------------------------------------------------------------------------------------------------


def similar_arguments(parser: argparse.ArgumentParser) -> None:
    """The query image, the folder, ``-k``, the model options and ``--json``."""
    parser.add_argument("query", metavar="QUERY_IMAGE", help="the photo to find look-alikes of (in the folder or not)")
    parser.add_argument("folder", metavar="FOLDER")
    parser.add_argument("-k", type=positive, default=8, metavar="K", help="how many look-alikes (8)")
    model_options(parser)
    batch_option(parser)
    json_option(parser)


def similar(options: argparse.Namespace) -> int:
    """The ``k`` images of the folder most like the query by cosine similarity of their feature vectors, best
    first; the query's own file is left out."""
    from ..core.collection import scan, vectors
    from ..core.collection import similar as nearest

    collection = scan(options.folder)
    if not collection.files:
        raise DirectoryNotImageError(options.folder, "no images in this folder")
    query = Path(options.query)
    store = open_store()
    stored = stored_records(options, [query, *collection.files], store)
    if stored is not None:  # every photo answered from the store (or unreadable): the model is not loaded
        model_id, records = stored
        asked = records[query]
        if asked.error:
            raise VislabError(asked.error)
    else:
        model = load_one(options, fast_path=True)
        model_id = model.spec.id
        asked = run_records([query], model, store)[query]
        if asked.error:
            raise VislabError(asked.error)
        records = run_records(list(collection.files), model, store, batch_size=options.batch_size)
    ordered = [records[f] for f in collection.files]
    own = os.path.abspath(query)
    exclude = next((i for i, f in enumerate(collection.files) if os.path.abspath(f) == own), None)
    best = nearest(vectors(ordered), asked.vector, options.k, exclude=exclude)
    found = [{"image": str(collection.files[i]), "similarity": round(score, 6)} for i, score in best]
    errors = [r for r in ordered if r.error]
    for r in errors:
        fail(r.error)
    if options.json:
        print_json(found)
    else:
        print(f"the {len(found)} images of {options.folder} most like {options.query} ({model_id}, "
              "cosine similarity of feature vectors):")
        print_table([("rank", "similarity", "image")] + [(str(n), f"{item['similarity']:.3f}", item["image"])
                                                         for n, item in enumerate(found, 1)], {"rank", "similarity"})
    return 1 if errors else 0


def stored_records(options: argparse.Namespace, files: Sequence[Path],
                   store: Store | None) -> tuple[str, dict[Path, Record]] | None:
    """``(model id, each file's record)`` when the store answers for every file under exactly one key of
    ``--model`` whose weights came from ``--weights`` (resolved), or from the model's own weights when none is
    given (imported results, an earlier run); a file without an answer that is not an image vislab can read
    is its error, as the model would say. Else None, and the model is loaded as usual. Loads no model and
    imports no torch."""
    if store is None:
        return None
    from ..core.catalog import resolve_model
    from ..core.errors import ImageReadError
    from ..core.images import read_image
    from ..core.store import Record, same_source, weights_source

    spec = resolve_model(options.model)
    source = weights_source(options.weights, "bundled" if spec.bundled else "pretrained")
    if not any(same_source(source, stored.sources) for stored in store.models(spec.id)):
        return None  # nothing stored for these weights: not even worth identifying the files
    ids = store.identify(files)
    if not all(Path(f) in ids for f in files):  # a file that is not there: the model's path says so
        return None
    unreadable: dict[Path, str | None] = {}

    def excused(path: Path) -> bool:  # decoded with PIL alone, only for the files without an answer
        if path not in unreadable:
            try:
                read_image(path)
                unreadable[path] = None
            except ImageReadError as exc:
                unreadable[path] = str(exc)
        return unreadable[path] is not None

    answer = store.answering(spec.id, source, ids, excused)
    if answer is None:
        return None
    found = answer[1]
    for path, fid in ids.items():
        if path not in found:
            found[path] = Record(path, fid.digest, fid.size, fid.mtime_ns / 1e9, error=unreadable[path])
    return spec.id, found


# -- similarity -------------------------------------------------------------------------------------------------


def similarity_arguments(parser: argparse.ArgumentParser) -> None:
    """The two images, ``--models A,B``, their ``--weights ID=FILE``, ``--device`` and ``--json``."""
    from ..core.catalog import DEFAULT_MODEL

    parser.add_argument("image_a", metavar="IMAGE_A")
    parser.add_argument("image_b", metavar="IMAGE_B")
    parser.add_argument("--models", default=DEFAULT_MODEL, metavar="A,B",
                        help=f"catalog ids, comma-separated, e.g. a CNN and a ViT (default {DEFAULT_MODEL})")
    parser.add_argument("--weights", action="append", default=[], metavar="ID=FILE",
                        help="a local weights file for one of the models (repeatable)")
    device_option(parser)
    json_option(parser)


def similarity(options: argparse.Namespace) -> int:
    """The cosine similarity of the two images' feature vectors under each model."""
    from ..core.collection import cosine

    a, b = Path(options.image_a), Path(options.image_b)
    for path in (a, b):  # a bad file fails before any model loads
        if not path.is_file():
            from ..core.images import read_image

            read_image(path)
    models = load_many(options, fast_path=False)
    store = open_store()
    scores: dict[str, float] = {}
    for model in models:
        records = run_records([a, b], model, store, label=f"embedding ({model.spec.id})")
        for path in (a, b):
            if records[path].error:
                raise VislabError(records[path].error)
        scores[model.spec.id] = round(cosine(records[a].vector, records[b].vector), 6)
    if options.json:
        print_json(scores)
    else:
        print(f"cosine similarity of the feature vectors of {a} and {b}: 1 is the same direction (the model sees "
              "the same thing), 0 unrelated, negative opposite")
        print_table([("model", "cosine")] + [(m, f"{s:.3f}") for m, s in scores.items()], {"cosine"})
    return 0


# -- evaluate ---------------------------------------------------------------------------------------------------


def evaluate_arguments(parser: argparse.ArgumentParser) -> None:
    """The labelled folder, the model options, ``--confusion FILE.png``, ``--batch-size`` and ``--json``."""
    parser.add_argument("folder", metavar="FOLDER",
                        help="one subfolder per class, named by an ImageNet class index or name (281, tabby)")
    model_options(parser)
    parser.add_argument("--confusion", metavar="FILE.png", help="save the confusion matrix as a picture")
    batch_option(parser)
    json_option(parser)


def evaluate(options: argparse.Namespace) -> int:
    """Accuracy, top-5 accuracy, per-class accuracy and the confusion matrix against the subfolder names."""
    from ..core.collection import confusion_figure, match_label, scan
    from ..core.collection import evaluate as score

    check_outputs(("--confusion", options.confusion, "plot"))
    collection = scan(options.folder)
    if not collection.files:
        raise DirectoryNotImageError(options.folder, "no images in this folder")
    if not collection.labelled:
        raise VislabError(f"{options.folder}: is not one subfolder per class (images lie directly in it), so it "
                          "has no labels to evaluate against")
    store = open_store()
    stored = stored_records(options, list(collection.files), store)
    if stored is not None:  # every photo answered from the store: the class names from the library, no model
        from ..core.catalog import get_spec
        from ..core.libraries import library

        spec = get_spec(stored[0])
        model, model_id, labels, records = None, spec.id, tuple(library(spec).labels(spec)), stored[1]
    else:
        model = load_one(options, fast_path=True)
        model_id, labels = model.spec.id, model.labels
    unmatched = [c for c in collection.classes if match_label(c, labels) is None]
    if len(unmatched) == len(collection.classes):
        raise VislabError(f"{options.folder}: no subfolder names an ImageNet class by index or name "
                          f"({', '.join(unmatched[:5])}{', ...' if len(unmatched) > 5 else ''})")
    if model is not None:
        records = run_records(list(collection.files), model, store, batch_size=options.batch_size)
    result = score([records[f] for f in collection.files], collection.labels, labels)
    for error in result.errors:
        fail(error["error"])
    if unmatched:
        several = len(unmatched) > 1
        note(f"{len(unmatched)} subfolder{'s' if several else ''} name{'' if several else 's'} no ImageNet class "
             f"({', '.join(unmatched[:5])}); their images are listed as unlabelled")
    if options.confusion:
        write_outputs([(options.confusion, lambda p: confusion_figure(result).savefig(p, dpi=120))])
    if options.json:
        print_json(result.to_dict(model_id, len(collection.files)))
    else:
        _print_evaluation(result, model_id, len(collection.files))
    return 1 if result.errors else 0


def _print_evaluation(result, model_id: str, images: int) -> None:
    def percent(value: float | None) -> str:
        return "-" if value is None else f"{100 * value:.1f} %"

    print(f"{model_id} on {images} images: accuracy {percent(result.accuracy)}, "
          f"top-5 accuracy {percent(result.top5_accuracy)}")
    rows = [("class", "images", "accuracy")]
    rows += [(label, str(v["n"]), percent(v["accuracy"])) for label, v in result.per_class.items()]
    print_table(rows, {"images", "accuracy"})
    print("\nconfusion matrix (rows: folder, columns: predicted)")
    print_table([("", *result.columns)] + [(label, *map(str, row)) for label, row in zip(result.classes,
                                                                                        result.confusion, strict=True)],
                set(result.columns))
    if result.unlabelled:
        print(f"\n{len(result.unlabelled)} images without a class label")
