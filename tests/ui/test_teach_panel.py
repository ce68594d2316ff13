"""The Teach panel end to end in the real window: classes from a folder, train, curves, the model in the picker,
predictions in the new classes; from scratch on the same axes; bins edited; Stop keeps the best so far."""

from __future__ import annotations

import pytest

from vislab.core.teach.samples import write_digits

LONG = 300_000  # ms: the engine, a feature pass and a model load on a busy 2-core machine


@pytest.fixture(scope="module")
def digits(tmp_path_factory):
    return write_digits(tmp_path_factory.mktemp("teach") / "digits", per_class=8, classes=4)


@pytest.fixture
def teach(qtbot, window):
    qtbot.waitUntil(lambda: "teach" in window.panels, timeout=LONG)
    panel = window.panels["teach"]
    window.tabs.setCurrentWidget(panel)
    yield panel
    panel.runner.cancel_all()
    panel.runner.wait(LONG)


def test_train_use_and_predict_in_the_new_classes(qtbot, window, teach, digits):
    window.session.add_paths([digits / "2" / "003.png"])
    teach.bins.open_folder(digits)
    assert [teach.bins.list.item(i).text() for i in range(4)] == [f"{d} · 8 images  ⚠" for d in range(4)]
    assert teach.bins.thumbs.count() == 8 and "fewer than 10" in teach.bins.warnings.text()
    teach.settings.epochs.setValue(12)
    teach.settings.patience.setValue(0)
    teach.train_button.click()
    assert not teach.train_button.isEnabled() and teach.stop_button.isEnabled()
    qtbot.waitUntil(lambda: teach.result is not None, timeout=LONG)
    result = teach.result
    assert result.epochs_run == 12 and teach.curves.points("transfer") == 12
    assert len(teach.curves.loss_axes.lines) == 3  # train, validation, the kept epoch
    assert "Validation accuracy" in teach.summary.text() and teach.use_button.isEnabled()
    assert teach.confusion.rowCount() == 4 and teach.per_class.rowCount() == 4
    teach.confusion.cellClicked.emit(2, 2)
    assert teach.members.count() == len(result.members.get((2, 2), []))
    assert teach.mistakes.count() == len(result.mistakes)

    teach.use_button.click()
    qtbot.waitUntil(lambda: (window.picker.current_id() or "").startswith("trained/"), timeout=LONG)
    assert window.picker.currentText().startswith("My model: digits · on EfficientNet-Lite0")
    qtbot.waitUntil(lambda: window._predictions is not None
                    and window._predictions.model_id == window.picker.current_id(), timeout=LONG)
    labels = [p.label for p in window._predictions.items]
    assert labels and set(labels) <= {"0", "1", "2", "3"}

    teach.settings.epochs.setValue(3)
    teach.scratch_button.click()
    qtbot.waitUntil(lambda: teach.scratch is not None, timeout=LONG)
    assert teach.curves.points("scratch") == 3 and teach.curves.points("transfer") == 12
    styles = {line.get_linestyle() for line in teach.curves.accuracy_axes.lines}
    assert {"-", "--"} <= styles  # both runs on the same axes


def test_bins_edit_and_refuse(qtbot, teach, digits, tmp_path):
    bins = teach.bins
    bins.set_dataset(type(bins.dataset)())
    teach.train_button.click()
    assert "no classes; training needs at least 2 classes" in teach.status.text()
    bins.add_to("", [str(digits / "1")])
    bins.add_to("", [str(digits / "3")])
    assert bins.dataset.counts() == {"1": 8, "3": 8} and bins.list.count() == 2
    bins.add_to("1", [str(digits / "0" / "001.png")])
    assert bins.dataset.counts()["1"] == 9
    bins.dataset.rename_class("3", "three")
    bins.refresh()
    assert bins.list.item(1).text().startswith("three · 8 images")
    bins.open_folder(tmp_path / "missing")
    assert "no such folder" in teach.status.text()


def test_stop_keeps_the_best_epoch_so_far(qtbot, teach, digits):
    teach.bins.open_folder(digits)
    teach.settings.epochs.setValue(400)
    teach.settings.batch.setValue(1)  # slow epochs: the run must still be going when Stop is pressed
    teach.settings.patience.setValue(0)
    teach.train_button.click()
    qtbot.waitUntil(lambda: teach.curves.points("transfer") >= 2, timeout=LONG)
    teach.stop_button.click()
    qtbot.waitUntil(lambda: teach.result is not None, timeout=LONG)
    assert teach.result.stopped and teach.result.epochs_run < 400
    assert "stopped by you" in teach.status.text() and teach.train_button.isEnabled()
