"""The Collection view, driven like a person would: real folders made from the bundled samples, the bundled
EfficientNet-Lite0 (the window's default model), a real SQLite store per test."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from vislab.core.collection import match_label
from vislab.core.store import Store
from vislab.ui.collection.jobs import CollectionJobs
from vislab.ui.collection.model import COLUMN_IDS

WAIT_MS = 240_000


@pytest.fixture(autouse=True)
def private_store(tmp_path, monkeypatch):
    """A store of its own for each test: a resume must not find another test's results."""
    monkeypatch.setenv("VISLAB_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _labelled(root: Path, samples: Path) -> Path:
    """tabby/ (the cat, its flip, a small copy, the coffee: surely wrong, an unreadable file), espresso/ (the
    coffee), 657/ (the rocket, by class index). 7 files, 6 readable."""
    cat = Image.open(samples / "chelsea.png").convert("RGB")
    for folder in ("tabby", "espresso", "657"):
        (root / folder).mkdir(parents=True)
    cat.save(root / "tabby" / "chelsea.png")
    cat.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(root / "tabby" / "chelsea_flipped.png")
    cat.resize((cat.width // 2, cat.height // 2)).save(root / "tabby" / "chelsea_small.jpg", quality=92)
    shutil.copy(samples / "coffee.png", root / "tabby" / "not_a_cat.png")
    (root / "tabby" / "broken.jpg").write_bytes(b"not a JPEG at all")
    shutil.copy(samples / "coffee.png", root / "espresso" / "coffee.png")
    shutil.copy(samples / "rocket.jpg", root / "657" / "rocket.jpg")
    return root


def _flat(root: Path, samples: Path, count: int) -> Path:
    """``count`` photos directly in ``root`` (no labels): the samples at several sizes and flips."""
    root.mkdir(parents=True)
    sources = sorted(samples.glob("*.png")) + sorted(samples.glob("*.jpg"))
    for i in range(count):
        image = Image.open(sources[i % len(sources)]).convert("RGB")
        side = 400 + 24 * (i // len(sources))
        image = image.resize((side, side * image.height // image.width))
        if i % 2:
            image = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        image.save(root / f"photo_{i:02d}.jpg", quality=90)
    return root


def _open(qtbot, window, folder: Path):
    window.add_paths([str(folder)])
    view = window.collection_mode.view
    assert view is not None and window.collection_mode.shown
    return view


def _wait_done(qtbot, view) -> None:
    qtbot.waitUntil(lambda: view.header.state == "done", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.matrix is not None, timeout=WAIT_MS)


def _row(view, name: str) -> int:
    return next(row for row, path in enumerate(view.model.files) if path.name == name)


def _click_row(qtbot, view, row: int) -> None:
    view.pages.setCurrentIndex(0)
    index = view.proxy.mapFromSource(view.model.index(row, 0))
    view.grid.scrollTo(index)
    qtbot.mouseClick(view.grid.viewport(), Qt.MouseButton.LeftButton, pos=view.grid.visualRect(index).center())


def test_a_folder_opens_as_a_collection_and_is_classified_with_progress(qtbot, window, samples, tmp_path,
                                                                        monkeypatch):
    monkeypatch.setattr(CollectionJobs, "batch_size", 2)
    folder = _labelled(tmp_path / "photos", samples)
    view = window.collection_mode.view
    assert view is None
    window.add_paths([str(folder)])
    view = window.collection_mode.view
    batches = []
    view.jobs.records.connect(lambda records, computed: batches.append((len(records), computed)))
    assert window.window_actions["collection"].isChecked()
    assert view.model.rowCount() == 7 and view.grid.model().rowCount() == 7
    assert view.header.state == "running" and view.header.cancel.isVisible()
    assert [view.model.files[r].name for r in view.proxy.source_rows()][:3] == ["rocket.jpg", "coffee.png",
                                                                                "broken.jpg"]
    assert len(window.session.images) == 7  # a small folder joins the image strip too

    _wait_done(qtbot, view)
    assert all(computed for _n, computed in batches) and sum(n for n, _c in batches) == 7
    assert view.header.counts.text() == "7/7" and not view.header.cancel.isVisible()
    broken = view.model.records[_row(view, "broken.jpg")]
    assert broken.error and "broken.jpg" in broken.error
    assert view.model.data(view.model.index(_row(view, "broken.jpg"), 0)).startswith("⚠")
    rocket = _row(view, "rocket.jpg")
    assert view.model.value(rocket, "label") == "657"
    assert view.model.correct(rocket) is (view.model.records[rocket].top1 == 657)
    # The table's numbers are the record's.
    record = view.model.records[_row(view, "chelsea.png")]
    text = view.model.data(view.model.index(_row(view, "chelsea.png"), COLUMN_IDS.index("probability")))
    assert text == f"{100 * record.probability:.1f} %"
    assert view.model.value(_row(view, "chelsea.png"), "margin") == pytest.approx(
        record.probabilities[0] - record.probabilities[1])


def test_cancel_keeps_what_was_done_and_a_rerun_resumes_where_it_stopped(qtbot, window, samples, tmp_path,
                                                                           monkeypatch):
    monkeypatch.setattr(CollectionJobs, "batch_size", 1)
    folder = _flat(tmp_path / "flat", samples, 24)
    view = _open(qtbot, window, folder)
    first = []

    def cancel_once(_records, _computed) -> None:  # as soon as results show
        if not first:
            first.append(True)
            view.cancel()

    view.jobs.records.connect(cancel_once)
    qtbot.waitUntil(lambda: view.model.done() > 0, timeout=WAIT_MS)
    assert view.header.state == "cancelled" and not view.header.cancel.isVisible()
    assert "cancelled" in view.header.counts.text()
    assert window.session.runner.wait(WAIT_MS)
    with Store.open() as store:
        stored = store.count()
    assert 0 < stored < 24  # stopped between two batches; what was done is in the store
    assert view.header.classify.isVisible() and view.header.classify.text() == "Resume"

    view.classify()
    _wait_done(qtbot, view)
    assert view.model.done() == 24
    assert view.rate.computed == 24 - stored  # the model ran only on what the store did not hold
    assert view.table.isColumnHidden(COLUMN_IDS.index("label"))  # no labels: no label columns
    assert "not one subfolder per class" in view.mistakes.summary.text()


def test_clicking_a_confusion_cell_shows_exactly_those_images(qtbot, window, samples, tmp_path):
    folder = _labelled(tmp_path / "photos", samples)
    view = _open(qtbot, window, folder)
    _wait_done(qtbot, view)
    evaluation = view.evaluation
    assert evaluation.classes == ["657", "espresso", "tabby"]
    assert "Accuracy" in view.mistakes.summary.text()
    view.pages.setCurrentIndex(3)
    tabby = evaluation.classes.index("tabby")
    names = view.model.class_names
    truth = match_label("tabby", names)
    cells = [c for c, n in enumerate(evaluation.confusion[tabby]) if n]
    assert cells
    for column in cells:
        index = view.mistakes.confusion.index(tabby, column)
        qtbot.mouseClick(view.mistakes.matrix.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.mistakes.matrix.visualRect(index).center())
        shown = set(view.proxy.source_rows())
        # Independently: the readable tabby photos whose top-1 falls in this column.
        wanted = {row for row in range(7) if view.model.labels[row] == "tabby" and view.model.records[row].ok
                  and ((view.model.records[row].top1 == truth) == (column == tabby))
                  and (column == tabby or column == _column_of(evaluation, view.model.records[row].top1))}
        assert shown == wanted and len(shown) == evaluation.confusion[tabby][column]
        assert view.pages.currentIndex() == 0 and view.grid.model().rowCount() == len(wanted)
        assert view.group.isVisible() and view.show_all.isVisible()
    view.show_all.click()
    assert view.grid.model().rowCount() == 7


def _column_of(evaluation, top1: int) -> int:
    return evaluation.class_indices.index(top1) if top1 in evaluation.class_indices else len(evaluation.classes)


def test_confidently_wrong_first(qtbot, window, samples, tmp_path):
    view = _open(qtbot, window, _labelled(tmp_path / "photos", samples))
    _wait_done(qtbot, view)
    view.mistakes.wrong.click()
    rows = view.proxy.source_rows()
    assert rows and all(view.model.correct(row) is False for row in rows)
    assert _row(view, "not_a_cat.png") in rows
    probabilities = [view.model.records[row].probability for row in rows]
    assert probabilities == sorted(probabilities, reverse=True)
    assert view.pages.currentIndex() == 1


def test_selecting_a_row_makes_it_the_current_image_everywhere(qtbot, window, samples, tmp_path, monkeypatch):
    import vislab.ui.collection as collection_package

    monkeypatch.setattr(collection_package, "STRIP_LIMIT", 3)  # a "large" folder: it joins the strip photo by photo
    view = _open(qtbot, window, _labelled(tmp_path / "photos", samples))
    assert window.session.images == []
    row = _row(view, "coffee.png")
    _click_row(qtbot, view, row)
    session = window.session
    assert session.images[session.current].source == str(view.model.files[row])
    assert window.strip.currentRow() == session.current
    assert view.table.selectionModel().currentIndex().data(Qt.ItemDataRole.UserRole + 2) == row  # one selection
    qtbot.waitUntil(lambda: window._predictions is not None and window._predictions.image == session.current,
                    timeout=WAIT_MS)
    # Choosing it again reuses its entry; the arrows move the collection's selection too.
    _click_row(qtbot, view, _row(view, "rocket.jpg"))
    _click_row(qtbot, view, row)
    assert len(session.images) == 2
    session.step(1)
    assert view.current_row == _row(view, "rocket.jpg")
    assert view.grid.currentIndex().data(Qt.ItemDataRole.UserRole + 2) == view.current_row


def test_find_similar_for_a_photo_of_the_collection_and_a_dropped_query(qtbot, window, samples, tmp_path):
    view = _open(qtbot, window, _labelled(tmp_path / "photos", samples))
    _wait_done(qtbot, view)
    cat = _row(view, "chelsea.png")
    _click_row(qtbot, view, cat)
    qtbot.waitUntil(lambda: bool(view.similar.results), timeout=WAIT_MS)
    results = view.similar.results
    names = [view.model.files[row].name for row, _s in results]
    assert cat not in [row for row, _s in results] and "broken.jpg" not in names
    assert names[0] in ("chelsea_flipped.png", "chelsea_small.jpg")
    assert [s for _r, s in results] == sorted((s for _r, s in results), reverse=True)
    for row, score in results:  # the score is the cosine of the two photos' feature vectors
        a, b = view.model.records[cat].vector, view.model.records[row].vector
        assert score == pytest.approx(float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)), abs=1e-4)
    assert view.similar.list.count() == len(results) and "Similar to chelsea.png" in view.similar.caption.text()

    # A photo from outside the collection: its vector is computed, its twin inside is found.
    view.find_similar_to(str(samples / "chelsea.png"))
    qtbot.waitUntil(lambda: bool(view.similar.results) and view.similar._query == "chelsea.png"
                    and view.similar.results[0][0] == cat, timeout=WAIT_MS)
    assert view.similar.results[0][1] > 0.99

    # Compare: the current photo and a neighbour under the current model (and the others, or why not).
    view.similar.compareWith.emit(_row(view, "coffee.png"))
    qtbot.waitUntil(lambda: "Cosine similarity" in view.similar.comparison.text(), timeout=WAIT_MS)
    assert "EfficientNet-Lite0" in view.similar.comparison.text()


def test_the_map_places_every_readable_photo_and_a_click_or_a_box_chooses(qtbot, window, samples, tmp_path):
    view = _open(qtbot, window, _labelled(tmp_path / "photos", samples))
    _wait_done(qtbot, view)
    view.pages.setCurrentIndex(2)
    assert view.map is not None
    qtbot.waitUntil(lambda: view.map.method == "tsne", timeout=WAIT_MS)
    readable = [row for row in range(7) if view.model.records[row].ok]
    assert sorted(view.map.rows) == readable and view.map.xy.shape == (6, 2)
    view.map.canvas.draw()
    i = view.map.rows.index(_row(view, "rocket.jpg"))
    x, y = view.map.axes.transData.transform(view.map.xy[i])
    ratio = view.map.canvas.device_pixel_ratio
    pos = QPoint(round(x / ratio), round(view.map.canvas.height() - y / ratio))
    assert view.map.nearest(x, y) == view.map.rows[i]
    qtbot.mouseClick(view.map.canvas, Qt.MouseButton.LeftButton, pos=pos)
    session = window.session
    assert session.images[session.current].source == str(view.model.files[view.map.rows[i]])

    low, high = view.map.xy.min(axis=0), view.map.xy.max(axis=0)
    view.map._on_box(SimpleNamespace(xdata=low[0] - 1, ydata=low[1] - 1), SimpleNamespace(xdata=high[0] + 1,
                                                                                          ydata=high[1] + 1))
    assert set(view.proxy.source_rows()) == set(readable) and view.pages.currentIndex() == 2
    view.map.clear.click()
    assert view.proxy.rowCount() == 7


def test_exports_the_rows_shown(qtbot, window, samples, tmp_path):
    view = _open(qtbot, window, _labelled(tmp_path / "photos", samples))
    _wait_done(qtbot, view)
    view.search.setText("chelsea")
    assert view.proxy.rowCount() == 3
    view.export_table(tmp_path / "table.csv")
    with (tmp_path / "table.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert [Path(r["path"]).name for r in rows] == ["chelsea.png", "chelsea_flipped.png", "chelsea_small.jpg"]
    assert {"top1", "probability", "margin", "entropy", "label", "correct", "duplicate", "outlier"} <= set(rows[0])
    view.search.clear()
    view.export_table(tmp_path / "table.json")
    items = json.loads((tmp_path / "table.json").read_text())
    assert len(items) == 7
    broken = next(i for i in items if i["path"].endswith("broken.jpg"))
    assert broken["error"] and broken["top1"] is None
    with qtbot.waitSignal(view.message, timeout=WAIT_MS) as said:
        view.export_confusion(tmp_path / "confusion.png")
    assert said.args == [f"Saved {tmp_path / 'confusion.png'}"]
    assert Image.open(tmp_path / "confusion.png").size[0] > 300


def test_another_weights_file_classifies_the_collection_again(qtbot, window, samples, tmp_path):
    import torch

    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture

    view = _open(qtbot, window, _labelled(tmp_path / "photos", samples))
    _wait_done(qtbot, view)
    cat = _row(view, "chelsea.png")
    trained = view.model.records[cat]
    torch.manual_seed(0)
    weights = tmp_path / "random.pth"
    torch.save(architecture(get_spec("efficientnet_lite0")).state_dict(), weights)

    window.session.set_model("efficientnet_lite0", str(weights))
    assert view.matrix is None and view.model.done() == 0  # the trained model's rows are gone at once
    _wait_done(qtbot, view)
    assert view.rate.computed == 7  # nothing was stored for these weights: every photo ran again
    random = view.model.records[cat]
    assert random.probabilities != trained.probabilities
    assert not np.allclose(random.vector, trained.vector)
