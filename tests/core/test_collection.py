"""Collections: scanning a folder, one pass of answers and feature vectors through the store, similarity,
layouts, duplicates, outliers and the evaluation against folder labels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from vislab.core.collection import (
    Collection,
    confusion_figure,
    cosine,
    duplicates,
    evaluate,
    layout,
    map_figure,
    match_label,
    outlier_scores,
    process,
    query_vector,
    scan,
    similar,
    vectors,
)
from vislab.core.errors import Cancelled, CollectionCancelled, ImageReadError, OptionError
from vislab.core.images import expand_paths
from vislab.core.store import Record, Store


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "store.sqlite3") as s:
        yield s


def _all(batches) -> list[Record]:
    return [r for batch in batches for r in batch]


def _by_name(records: list[Record]) -> dict[str, Record]:
    return {r.path.name: r for r in records}


# -- scan -----------------------------------------------------------------------------------------------------


def test_scan_lists_every_image_recursively_in_expand_paths_order_with_folder_labels(photo_folder):
    collection = scan(photo_folder)
    assert isinstance(collection, Collection) and collection.root == photo_folder
    assert list(collection.files) == expand_paths([photo_folder])
    assert len(collection) == 15 and not any(f.suffix == ".txt" for f in collection.files)
    assert collection.labels == tuple(f.relative_to(photo_folder).parts[0] for f in collection.files)
    assert collection.classes == ["657", "espresso", "people", "tabby"]


def test_a_folder_with_images_at_its_top_has_no_labels(tmp_path, make_photo_folder):
    collection = scan(make_photo_folder(tmp_path / "flat", labelled=False))
    assert len(collection) == 15 and collection.labels == (None,) * 15 and not collection.labelled


def test_scan_of_ten_thousand_files_lists_them_all_without_reading_them(tmp_path):
    # Empty files: a scan that decoded (or even opened) them would fail on every one. Its speed is
    # benchmarks/bench_collection_view.py's to measure, not a test's.
    for d in range(100):
        folder = tmp_path / "big" / f"class_{d:03d}"
        folder.mkdir(parents=True)
        for i in range(100):
            (folder / f"img_{i:03d}.jpg").touch()
    collection = scan(tmp_path / "big")
    assert len(collection) == 10_000 and collection.labels[0] == "class_000" and collection.labels[-1] == "class_099"
    assert collection.files[:2] == (tmp_path / "big" / "class_000" / "img_000.jpg",
                                    tmp_path / "big" / "class_000" / "img_001.jpg")


@pytest.mark.parametrize("path, reason", [("missing", "no such folder"), ("file.png", "is a file, not a folder")])
def test_scan_of_something_that_is_no_folder_is_one_message(tmp_path, path, reason):
    (tmp_path / "file.png").write_bytes(b"x")
    with pytest.raises(ImageReadError, match=reason):
        scan(tmp_path / path)


# -- labels ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, index", [("tabby", 281), ("281", 281), ("golden retriever", 207),
                                         ("Golden_Retriever", 207), ("TABBY CAT", 281), ("tiger-cat", 282),
                                         (" espresso ", 967), ("0", 0), ("999", 999), ("1000", None),
                                         ("people", None), ("", None), ("cat", None)])
def test_match_label_by_index_or_any_of_the_class_names(lite0, name, index):
    assert match_label(name, lite0.labels) == index


def test_match_label_reads_torchvision_names_too():
    names = ["tench", "goldfish", "golden retriever"]
    assert match_label("Golden Retriever", names) == 2 and match_label("2", names) == 2
    assert match_label("3", names) is None


# -- process --------------------------------------------------------------------------------------------------


def test_process_gives_answers_vectors_and_one_line_errors_and_stores_them(lite0, photo_folder, store):
    files = scan(photo_folder).files
    seen: list[tuple[int, int]] = []
    records = _all(process(files, lite0, store, batch_size=4, progress=lambda d, t: seen.append((d, t))))
    assert sorted(r.path for r in records) == sorted(files)
    assert seen[-1] == (15, 15) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    by = _by_name(records)
    assert by["damaged.jpg"].error.startswith(str(photo_folder / "tabby" / "damaged.jpg"))
    assert by["empty.png"].error == f"{photo_folder / 'people' / 'empty.png'}: the file is empty (0 bytes)"
    good = [r for r in records if r.error is None]
    assert len(good) == 13 and all(r.vector.shape == (1280,) and r.vector.dtype == np.float32 for r in good)
    assert all(len(r.indices) == 5 and list(r.probabilities) == sorted(r.probabilities, reverse=True) for r in good)
    assert by["coffee.png"].top1 == 967 and by["chelsea.png"].top1 in (281, 282, 285)
    coffee = by["coffee.png"]
    assert coffee.margin == pytest.approx(coffee.probabilities[0] - coffee.probabilities[1])
    assert store.count() == 13


def test_the_stored_answer_is_the_models_own_with_the_entropy_of_the_whole_distribution(lite0, photo_folder, store):
    path = photo_folder / "espresso" / "coffee.png"
    record = _all(process([path], lite0, store))[0]
    probs, embedding = lite0.forward(lite0.pipeline(lite0.read(path))[None])
    top = probs[0].topk(5)
    assert record.indices == tuple(top.indices.tolist())
    assert record.probabilities == pytest.approx(top.values.tolist(), abs=1e-6)
    p = probs[0].double()
    assert record.entropy == pytest.approx(float(-(p * p.clamp_min(1e-30).log()).sum()), rel=1e-6)
    again = _all(process([path], lite0, store))[0]  # from the store: float16 vector, same answer
    assert again.indices == record.indices and again.entropy == pytest.approx(record.entropy)
    assert cosine(again.vector, embedding[0].numpy()) > 0.9999


def test_a_second_pass_comes_from_the_store_without_running_the_model(lite0, photo_folder, store):
    files = scan(photo_folder).files
    first = _all(process(files, lite0, store, batch_size=8))
    runs = []
    handle = lite0.module.register_forward_hook(lambda *_: runs.append(1))
    try:
        batches = list(process(files, lite0, store, batch_size=8))
    finally:
        handle.remove()
    stored = batches[0]
    assert len(stored) == 13 and all(r.error is None for r in stored)  # what the store holds comes first
    assert sum(runs) == 0  # only the two unreadable files are tried again, and fail again
    assert {r.path: r.indices for r in _all(batches)} == {r.path: r.indices for r in first}


def test_cancel_stops_between_batches_and_a_rerun_resumes(lite0, photo_folder, store):
    files = [f for f in scan(photo_folder).files if "tabby" in f.parts or "espresso" in f.parts]
    calls = []

    def cancel() -> None:
        calls.append(1)
        if len(calls) == 3:
            raise CollectionCancelled("stopped")

    done = []
    with pytest.raises(Cancelled):
        for batch in process(files, lite0, store, batch_size=3, cancel=cancel):
            done += batch
    assert len(done) == 6 and store.count() == 6  # two batches stored, the third never run
    resumed = list(process(files, lite0, store, batch_size=3))
    assert {r.path for r in resumed[0]} == {r.path for r in done if r.error is None}
    assert len(_all(resumed)) == len(files)


def test_without_a_store_process_still_identifies_and_answers(lite0, photo_folder):
    records = _all(process([photo_folder / "657" / "rocket.jpg"], lite0, None))
    assert records[0].top1 == 657 and len(records[0].digest) == 32


# -- similarity -----------------------------------------------------------------------------------------------


def test_an_image_is_itself_at_one_and_close_to_its_flipped_copy(lite0, photo_folder, store):
    files = scan(photo_folder).files
    records = _all(process(files, lite0, store))
    order = {r.path: r for r in records}
    matrix = vectors([order[f] for f in files])
    index = {f.name: i for i, f in enumerate(files)}
    cat = index["chelsea.png"]
    assert cosine(matrix[cat], matrix[cat]) == pytest.approx(1.0, abs=1e-6)
    assert similar(matrix, matrix[cat], k=1)[0] == (cat, pytest.approx(1.0, abs=1e-5))
    flipped = cosine(matrix[cat], matrix[index["chelsea_flipped.png"]])
    assert flipped > 0.85
    assert flipped > cosine(matrix[cat], matrix[index["coffee.png"]]) + 0.4
    best = similar(matrix, matrix[cat], k=5, exclude=cat)
    assert cat not in [i for i, _ in best] and all(files[i].parent.name == "tabby" for i, _ in best)
    assert [s for _, s in best] == sorted((s for _, s in best), reverse=True)
    errors = {index["damaged.jpg"], index["empty.png"]}
    assert not errors & {i for i, _ in similar(matrix, matrix[cat], k=15)}  # rows without a vector never match
    assert len(similar(matrix, matrix[cat], k=15)) == 13


def test_similar_matches_an_independent_cosine_over_timms_pre_logits_features(lite0, photo_folder, store):
    import timm.data
    from PIL import Image

    files = [f for f in scan(photo_folder).files if f.name not in ("damaged.jpg", "empty.png")]
    records = {r.path: r for r in _all(process(files, lite0, store))}
    matrix = vectors([records[f] for f in files])
    module = lite0.module
    transform = timm.data.create_transform(**timm.data.resolve_data_config(model=module))
    with torch.inference_mode():
        batch = torch.stack([transform(Image.open(f).convert("RGB")) for f in files])
        features = module.forward_head(module.forward_features(batch), pre_logits=True)
    features = torch.nn.functional.normalize(features, dim=1)
    query = files.index(photo_folder / "espresso" / "coffee.png")
    expected = (features @ features[query]).numpy()
    ranked = similar(matrix, matrix[query], k=len(files))
    assert [i for i, _ in ranked[:4]] == list(np.argsort(-expected, kind="stable")[:4])
    for i, score in ranked:
        assert score == pytest.approx(float(expected[i]), abs=0.02)  # float16 storage, draft-size JPEG decoding


def test_a_query_from_outside_the_collection(lite0, photo_folder, store, cat):
    files = scan(photo_folder).files
    records = {r.path: r for r in _all(process(files, lite0, store))}
    matrix = vectors([records[f] for f in files])
    best = similar(matrix, query_vector(lite0, cat), k=3)
    assert files[best[0][0]].name == "chelsea.png" and best[0][1] > 0.999


def test_vectors_refuse_a_mix_of_models_and_similar_a_query_of_another_length():
    a = Record(Path("a.png"), "a", 1, 0.0, (1,), (0.5,), np.ones(4, np.float32))
    b = Record(Path("b.png"), "b", 1, 0.0, (1,), (0.5,), np.ones(8, np.float32))
    with pytest.raises(OptionError, match="different models"):
        vectors([a, b])
    with pytest.raises(OptionError, match="different models"):
        similar(vectors([a]), np.ones(8))
    assert cosine(np.zeros(3), np.ones(3)) == 0.0 and similar(vectors([a]), np.zeros(4)) == []


def _clusters(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(2, 32))
    rows = [centres[i % 2] + 0.05 * rng.normal(size=32) for i in range(20)]
    rows.append(rng.normal(size=32))  # far from both clusters
    rows.append(np.zeros(32))  # a record without a vector
    return vectors([Record(Path(f"{i}.png"), str(i), 1, 0.0, (0,), (1.0,), np.asarray(r, np.float32) if r.any()
                           else None) for i, r in enumerate(rows)])


def test_outliers_are_far_from_their_neighbours_and_rows_without_vectors_have_no_score():
    scores = outlier_scores(_clusters(), k=3)
    assert int(np.nanargmax(scores)) == 20 and np.isnan(scores[21])
    assert np.nanmax(scores[:20]) < 0.05 < scores[20]


def test_duplicates_are_pairs_above_the_threshold_most_alike_first(lite0, photo_folder, store):
    matrix = _clusters()
    pairs = duplicates(matrix, 0.99)
    assert pairs and all(i < j and i % 2 == j % 2 and s >= 0.99 for i, j, s in pairs)
    assert [s for *_, s in pairs] == sorted((s for *_, s in pairs), reverse=True)
    assert not any(21 in (i, j) for i, j, _ in duplicates(matrix, -1.0))
    files = scan(photo_folder).files
    records = {r.path: r for r in _all(process(files, lite0, store))}
    real = duplicates(vectors([records[f] for f in files]), 0.95)
    names = {frozenset((files[i].name, files[j].name)) for i, j, _ in real}
    assert frozenset(("chelsea.png", "chelsea_large.jpg")) in names  # the same photo at twice the size
    assert not any("coffee.png" in pair and "chelsea.png" in pair for pair in names)


@pytest.mark.parametrize("method", ["pca", "tsne"])
def test_layout_is_two_columns_repeatable_and_keeps_clusters_apart(method):
    matrix = _clusters()[:21]
    points = layout(matrix, method, seed=1)
    assert points.shape == (21, 2) and np.isfinite(points).all()
    assert np.array_equal(points, layout(matrix, method, seed=1))
    even, odd = points[0:20:2], points[1:20:2]
    spread = max(np.linalg.norm(even - even.mean(0), axis=1).max(), np.linalg.norm(odd - odd.mean(0), axis=1).max())
    assert np.linalg.norm(even.mean(0) - odd.mean(0)) > spread


def test_layout_of_too_few_rows_and_unknown_methods():
    assert layout(np.ones((1, 4), np.float32)).shape == (1, 2)
    assert layout(np.eye(3, dtype=np.float32), "tsne").shape == (3, 2)  # PCA stands in for t-SNE below 4 rows
    with pytest.raises(OptionError, match="unknown layout 'umap'"):
        layout(np.eye(3), "umap")


# -- evaluation -----------------------------------------------------------------------------------------------


def test_evaluate_against_folder_labels(lite0, photo_folder, store):
    collection = scan(photo_folder)
    records = {r.path: r for r in _all(process(collection.files, lite0, store))}
    ordered = [records[f] for f in collection.files]
    result = evaluate(ordered, collection.labels, lite0.labels)
    assert result.classes == ["657", "espresso", "tabby"] and result.class_indices == [657, 967, 281]
    assert result.columns == ["657", "espresso", "tabby", "other"]
    assert sorted(result.unlabelled) == sorted(str(f) for f in collection.files if f.parent.name == "people"
                                               and f.name != "empty.png")
    assert {e["image"] for e in result.errors} == {str(photo_folder / "tabby" / "damaged.jpg"),
                                                   str(photo_folder / "people" / "empty.png")}
    assert result.unmatched == ["people"]
    labelled = [(r, label) for r, label in zip(ordered, collection.labels, strict=True)
                if r.error is None and label != "people"]
    truth = {"657": 657, "espresso": 967, "tabby": 281}
    assert sum(map(sum, result.confusion)) == len(labelled) == 11
    assert result.accuracy == pytest.approx(sum(r.top1 == truth[lab] for r, lab in labelled) / 11)
    assert result.top5_accuracy == pytest.approx(sum(truth[lab] in r.indices for r, lab in labelled) / 11)
    assert result.per_class["tabby"]["n"] == 6 and result.per_class["espresso"] == {"n": 3, "accuracy": 1.0}
    for row, label in enumerate(result.classes):
        for col in range(4):
            members = result.members(row, col)
            assert len(members) == result.confusion[row][col]
            assert all(collection.labels[i] == label for i in members)
            predicted = {ordered[i].top1 for i in members}
            assert predicted <= ({truth[result.classes[col]]} if col < 3 else set(range(1000)) - set(truth.values()))
    as_dict = result.to_dict("efficientnet_lite0", len(collection))
    assert list(as_dict) == ["model", "images", "accuracy", "top5_accuracy", "per_class", "classes", "confusion",
                             "unlabelled", "errors"]
    assert as_dict["images"] == 15


def test_a_confusion_matrix_and_a_map_are_figures(lite0, photo_folder, store, tmp_path):
    collection = scan(photo_folder)
    records = {r.path: r for r in _all(process(collection.files, lite0, store))}
    ordered = [records[f] for f in collection.files]
    result = evaluate(ordered, collection.labels, lite0.labels)
    figure = confusion_figure(result)
    figure.savefig(tmp_path / "confusion.png")
    assert (tmp_path / "confusion.png").stat().st_size > 5000
    assert [t.get_text() for t in figure.axes[0].get_xticklabels()] == result.columns
    points = layout(vectors(ordered))
    map_figure(points, collection.labels, title="map").savefig(tmp_path / "map.png")
    assert (tmp_path / "map.png").stat().st_size > 5000


def test_evaluate_needs_one_label_per_record():
    with pytest.raises(OptionError, match="one label per record"):
        evaluate([], ["tabby"], ["tabby"])
