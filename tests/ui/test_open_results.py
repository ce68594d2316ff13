"""File ▸ Open results…: result files (Parquet) made here from real records of the bundled EfficientNet-Lite0 are
read into a real store on a worker, and the Collection view shows them from the store: its rows are the records,
the model runs on none of them (the view's own count of photos computed stays 0, the store gains nothing)."""

from __future__ import annotations

import dataclasses
import sqlite3
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from vislab.core import collection as core
from vislab.core import result_files
from vislab.core.store import FILE_NAME, model_key
from vislab.ui.collection.model import COLUMN_IDS

pytest.importorskip("pyarrow")

WAIT_MS = 120_000


@pytest.fixture(scope="module")
def run(request, tmp_path_factory, lite0):
    """A labelled folder of 15 files (2 unreadable) and its records, computed here without a store."""
    shared = request.config.pluginmanager.get_plugin(str(Path(__file__).parents[1] / "conftest.py"))
    build_photo_folder = shared.build_photo_folder
    root = tmp_path_factory.mktemp("results")
    folder = build_photo_folder(root / "photos")
    collection = core.scan(folder)
    records = [r for batch in core.process(collection.files, lite0, None) for r in batch]
    return dataclasses.make_dataclass("Run", ["root", "folder", "collection", "records", "key", "labels"])(
        root, folder, collection, records, model_key(lite0), lite0.labels)


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("VISLAB_DATA_DIR", str(folder))
    return folder / FILE_NAME


def _write(run, folder: Path, records=None, source: str = "bundled") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    records = run.records if records is None else records
    result_files.write(folder / "part-00000.parquet", records, "efficientnet_lite0", run.key, run.labels, source)
    return folder


def _created(path: Path) -> dict[str, float]:
    db = sqlite3.connect(path)
    try:
        return dict(db.execute("SELECT digest, created FROM results"))
    finally:
        db.close()


def _open_results(qtbot, window, folder: Path):
    window.files.open_results_folder(str(folder))
    importer = window.collection_mode.results
    assert importer.running and importer.progress.isVisible()  # in the status bar, with Cancel
    qtbot.waitUntil(lambda: not importer.running, timeout=WAIT_MS)
    assert not importer.progress.isVisible()


def test_open_results_shows_the_imported_photos_without_running_the_model(qtbot, window, run, data, tmp_path):
    # Made with a weights file that is not on this computer: the model could not be loaded with it here.
    gone = tmp_path / "cluster" / "lite0-finetuned.pth"
    out = _write(run, tmp_path / "out", source=str(gone))
    _open_results(qtbot, window, out)
    view = window.collection_mode.view
    assert view is not None and window.collection_mode.shown
    assert "lite0-finetuned.pth" in window.messages.text.text()  # not the window's weights: said once
    created = _created(data)
    assert len(created) == 13
    qtbot.waitUntil(lambda: view.header.state == "done" and view.matrix is not None, timeout=WAIT_MS)
    assert view.rate.computed == 0 and view.rate.done == 15  # every row from the store; the model ran on none
    assert view.header.state == "done" and not view.header.reason
    assert _created(data) == created  # nothing stored anew
    assert view.collection.root == run.folder and view.model.rowCount() == 15
    assert "efficientnet_lite0" in view.header.title.text()

    local = {r.path: r for r in run.records}
    probability = COLUMN_IDS.index("probability")
    for row, path in enumerate(view.model.files):
        shown, record = view.model.records[row], local[path]
        if record.error:
            assert shown.error == record.error
            assert view.model.data(view.model.index(row, 0)).startswith("⚠")
            continue
        assert shown.indices == record.indices and np.array_equal(shown.vector, record.vector)
        assert shown.probabilities == pytest.approx(record.probabilities, abs=1e-6)
        assert view.model.top1_name(row) == run.labels[record.top1]
        assert view.model.data(view.model.index(row, probability)) == f"{100 * record.probability:.1f} %"
    # The mistakes and similar images come from the stored vectors, as from a local run.
    ordered = [local[p] for p in view.model.files]
    expected = core.evaluate(ordered, view.collection.labels, run.labels)
    assert view.evaluation.confusion == expected.confusion and view.evaluation.classes == ["657", "espresso", "tabby"]
    matrix = core.vectors([local[p] for i, p in enumerate(view.model.files) if i in view.matrix_rows])
    assert np.allclose(view.matrix, matrix, atol=1e-6)

    # A photo from outside needs its vector from the results' model and weights, never the window's bundled ones:
    # here those weights are not on this computer, and the row says so.
    outside = tmp_path / "outside.png"
    outside.write_bytes((run.folder / "espresso" / "coffee.png").read_bytes())
    view.find_similar_to(str(outside))
    qtbot.waitUntil(lambda: "lite0-finetuned.pth" in view.similar._message, timeout=WAIT_MS)
    assert not view.similar.results


def test_photos_that_are_not_here_are_counted_and_the_others_shown(qtbot, window, run, data, tmp_path):
    elsewhere = [dataclasses.replace(r, path=Path("/cluster/scratch/photos") / r.path.relative_to(run.folder))
                 for r in run.records[:5]]
    out = _write(run, tmp_path / "out", elsewhere + run.records[5:])
    _open_results(qtbot, window, out)
    text = window.messages.text.text()
    assert "5 of the 15 photos in these results are not on this computer (e.g. /cluster/scratch/photos/" in text
    view = window.collection_mode.view
    assert view is not None and view.model.rowCount() == 10
    qtbot.waitUntil(lambda: view.header.state == "done", timeout=WAIT_MS)
    assert view.rate.computed == 0

    nowhere = _write(run, tmp_path / "nowhere", elsewhere)
    _open_results(qtbot, window, nowhere)
    assert "None of the 5 photos in these results is on this computer" in window.messages.text.text()
    assert window.collection_mode.view is view  # what was shown stays


def test_a_damaged_result_file_is_one_message_and_the_open_collection_stays(qtbot, window, run, data, tmp_path,
                                                                            monkeypatch):
    out = _write(run, tmp_path / "out")
    _open_results(qtbot, window, out)
    view = window.collection_mode.view
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    whole = (out / "part-00000.parquet").read_bytes()
    (damaged / "part-00000.parquet").write_bytes(whole[: len(whole) // 3])
    _open_results(qtbot, window, damaged)
    text = window.messages.text.text()
    assert "part-00000.parquet: is not a readable Parquet file" in text and "Traceback" not in text
    assert window.collection_mode.view is view and view.model.rowCount() == 15

    window.files.open_results_folder(str(tmp_path / "no such folder"))
    qtbot.waitUntil(lambda: not window.collection_mode.results.running, timeout=WAIT_MS)
    assert "no such folder of result files" in window.messages.text.text()

    # What `import pyarrow` meets where it is not installed (for the whole process: scikit-learn, which the view's
    # map runs on another worker, looks for it too; so once that work is done).
    qtbot.waitUntil(lambda: "tsne" in view.layouts, timeout=WAIT_MS)  # the view's last work (t-SNE) is done
    assert window.session.runner.wait(WAIT_MS)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    window.files.open_results_folder(str(out))
    qtbot.waitUntil(lambda: not window.collection_mode.results.running, timeout=WAIT_MS)
    assert "reading and writing result files needs PyArrow: pip install 'vislab[cluster]'" in \
        window.messages.text.text()
    assert window.collection_mode.view is view


def test_the_file_menu_offers_open_results_and_remembers_the_folder(qtbot, window, run, data, tmp_path, monkeypatch,
                                                                    settings):
    out = _write(run, tmp_path / "out")
    action = window.window_actions["open_results"]
    menu = window.window_actions.menu("file").actions()
    assert menu.index(action) == menu.index(window.window_actions["open_folder"]) + 1
    assert action.text() == "Open res&ults…" and action.shortcut().isEmpty()
    asked = []

    def choose(_parent, _title, start):
        asked.append(start)
        return str(out)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    action.trigger()
    qtbot.waitUntil(lambda: not window.collection_mode.results.running, timeout=WAIT_MS)
    assert window.collection_mode.view is not None
    assert settings.get("results_folder") == str(out)
    action.trigger()
    qtbot.waitUntil(lambda: not window.collection_mode.results.running, timeout=WAIT_MS)
    assert asked == ["", str(out)]  # the second dialog opens where the first one ended


def test_cancel_stops_reading_and_opens_nothing(qtbot, window, run, data, tmp_path):
    out = _write(run, tmp_path / "out")
    importer = window.collection_mode.results
    finished = []
    importer.finished.connect(finished.append)
    window.files.open_results_folder(str(out))
    assert importer.progress.cancel.isVisible()
    qtbot.mouseClick(importer.progress.cancel, Qt.MouseButton.LeftButton)
    assert finished == ["cancelled"] and not importer.running and not importer.progress.isVisible()
    assert "Reading the results was stopped" in window.messages.text.text()
    assert window.session.runner.wait(WAIT_MS)
    qtbot.wait(300)  # the worker's answer, queued for the window's thread, is taken (and dropped)
    assert window.collection_mode.view is None  # the stopped import's answer, if it came, was dropped
