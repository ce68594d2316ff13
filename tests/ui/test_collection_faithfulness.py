"""The Collection view's Faithfulness tab, driven like a person would: a small folder made from the bundled
samples, the bundled EfficientNet-Lite0 (the window's default model), the scores checked against the core's."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QItemSelectionModel, Qt

from vislab.core.faithfulness import score_methods, summarize
from vislab.core.images import read_image
from vislab.ui.collection.faithfulness import MEAN_ROLE, STD_ROLE
from vislab.ui.collection.view import PAGES

WAIT_MS = 120_000
METHODS = ("gradcam", "eigencam")


@pytest.fixture(autouse=True)
def private_store(tmp_path, monkeypatch):
    monkeypatch.setenv("VISLAB_DATA_DIR", str(tmp_path / "data"))


def _folder(root: Path, samples: Path, count: int = 4) -> Path:
    root.mkdir(parents=True)
    sources = sorted(samples.glob("*.png")) + sorted(samples.glob("*.jpg"))
    for i in range(count):
        image = Image.open(sources[i % len(sources)]).convert("RGB").resize((320, 240))
        image.save(root / f"photo_{i:02d}.png")
    return root


def _open_and_select(qtbot, window, folder: Path, rows: list[int]):
    window.add_paths([str(folder)])
    view = window.collection_mode.view
    qtbot.waitUntil(lambda: view.header.state == "done", timeout=WAIT_MS)
    selection = view.grid.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(view.proxy.mapFromSource(view.model.index(row, 0)),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    view.pages.setCurrentIndex(PAGES.index("Faithfulness"))
    return view


def test_the_summary_of_the_selected_photos_is_the_cores(qtbot, window, samples, tmp_path, lite0):
    view = _open_and_select(qtbot, window, _folder(tmp_path / "photos", samples), [0, 2, 3])
    page = view.faithfulness
    paths, selected = view.faithfulness_photos()
    assert selected and [p.name for p in paths] == ["photo_00.png", "photo_02.png", "photo_03.png"]
    page.methods.setText(", ".join(METHODS))
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert page.state == "running" and not page.run_button.isEnabled()
    qtbot.waitUntil(lambda: page.state != "running", timeout=WAIT_MS)
    assert page.state == "done", page.note.text()

    expected = summarize([score_methods(lite0, read_image(path), METHODS) for path in paths])
    assert [s.method for s in expected] == list(METHODS)
    table = page.table
    assert table.rowCount() == len(METHODS)
    by_method = {table.item(r, 0).data(Qt.ItemDataRole.UserRole + 2): r for r in range(table.rowCount())}
    for summary in expected:
        row = by_method[summary.method]
        assert table.item(row, 1).data(MEAN_ROLE) == summary.images == 3
        assert table.item(row, 2).data(MEAN_ROLE) == pytest.approx(summary.deletion_mean, abs=1e-6)
        assert table.item(row, 2).data(STD_ROLE) == pytest.approx(summary.deletion_std, abs=1e-6)
        assert table.item(row, 3).data(MEAN_ROLE) == pytest.approx(summary.insertion_mean, abs=1e-6)
        assert table.item(row, 3).data(STD_ROLE) == pytest.approx(summary.insertion_std, abs=1e-6)
        assert table.item(row, 2).text() == f"{summary.deletion_mean:.3f} ± {summary.deletion_std:.3f}"
    # Sorting by the insertion column orders the rows by its mean.
    table.sortItems(3, Qt.SortOrder.DescendingOrder)
    means = [table.item(r, 3).data(MEAN_ROLE) for r in range(table.rowCount())]
    assert means == sorted(means, reverse=True)

    # One box per method on each of the two plots, named as the methods are.
    deletion, insertion = page.figure.axes
    assert [t.get_text() for t in deletion.get_yticklabels()] == ["Grad-CAM", "Eigen-CAM"]
    assert len(deletion.get_yticks()) == len(insertion.get_yticks()) == len(METHODS)

    out = tmp_path / "summary.csv"
    assert page.export_button.isEnabled()
    page.export_csv(out)
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["method"] for r in rows] == [s.method for s in expected]
    assert float(rows[0]["deletion_mean"]) == pytest.approx(expected[0].deletion_mean, abs=1e-6)
    assert int(rows[1]["images"]) == 3


def test_cancel_returns_the_tab_to_a_clear_state(qtbot, window, samples, tmp_path):
    view = _open_and_select(qtbot, window, _folder(tmp_path / "photos", samples, 3), [])
    page = view.faithfulness
    paths, selected = view.faithfulness_photos()
    assert not selected and len(paths) == 3  # none selected: the photos shown
    page.run(["gradcam"])
    assert page.state == "running" and page.cancel_button.isVisibleTo(page)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert page.state == "cancelled" and page.table.rowCount() == 0 and page.summaries == []
    assert page.run_button.isEnabled() and not page.cancel_button.isVisibleTo(page)
    assert not page.export_button.isEnabled() and "Cancelled" in page.note.text()
    window.session.runner.wait(WAIT_MS)
    qtbot.wait(50)
    assert page.state == "cancelled" and page.table.rowCount() == 0  # the stopped job's answer never shows
