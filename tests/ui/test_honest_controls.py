"""Honest, complete controls: any class as the target, a colour scale beside every map, controls that say
what a method ignores, the feed badge everywhere, layer sizes, feature maps, Compare and the Models tab."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from vislab.core.ops import Step
from vislab.ui.central_view import VIEW_MODES
from vislab.ui.panels.explain import find_class

LONG = 60_000


def _explained(qtbot, window, cat):
    window.add_paths([str(cat)])
    qtbot.waitUntil(lambda: window._explanation is not None, timeout=LONG)
    return window.panels["explain"]


def _wait_target(qtbot, window, target: int) -> None:
    qtbot.waitUntil(lambda: window._explanation is not None and window._explanation.explanation.target == target
                    and window.panels["explain"]._result is window._explanation, timeout=LONG)


# --- any class as the target ----------------------------------------------------------------------------------

def test_typing_a_class_number_makes_it_the_target_and_the_map_follows(qtbot, window, cat):
    panel = _explained(qtbot, window, cat)
    before = window._explanation.explanation.heatmap
    panel.classes.setFocus()
    panel.classes.clear()
    qtbot.keyClicks(panel.classes, "817")
    qtbot.keyClick(panel.classes, Qt.Key.Key_Return)
    assert window.session.choices.target == 817
    _wait_target(qtbot, window, 817)
    e = window._explanation.explanation
    assert e.target_label == "sports car, sport car" and not np.array_equal(e.heatmap, before)
    assert "sports car" in panel.target.text() and "#817" in panel.target.text()
    assert window.current_picture()[1] == "Grad-CAM · sports car, sport car"


def test_typing_a_class_name_any_case_finds_it_and_the_list_offers_it(qtbot, window, cat):
    panel = _explained(qtbot, window, cat)
    assert len(panel.labels_known) == 1000
    completer = panel.classes.completer()
    completer.setCompletionPrefix("SPORT CAR")  # one of its names, in another case
    assert completer.completionCount() >= 1 and completer.currentCompletion() == "817 · sports car, sport car"
    panel.classes.setText("Sports Car")
    panel.classes.returnPressed.emit()
    _wait_target(qtbot, window, 817)
    completer.setCompletionPrefix("tabby")
    completer.activated.emit(completer.currentCompletion())  # a pick from the list
    _wait_target(qtbot, window, 281)
    assert panel.classes.text() == "281 · tabby, tabby cat"


def test_a_class_that_does_not_exist_is_one_clear_line(qtbot, window, cat):
    panel = _explained(qtbot, window, cat)
    target = window.session.choices.target
    panel.classes.setText("flux capacitor")
    panel.classes.returnPressed.emit()
    assert window.session.choices.target == target
    assert "No class matches “flux capacitor”" in panel.state.text()


def test_find_class_reads_numbers_entries_and_any_of_the_names():
    labels = ("tench, Tinca tinca", "goldfish, Carassius auratus", "great white shark")
    assert find_class("1", labels) == [1] and find_class("#2", labels) == [2] and find_class("7", labels) == []
    assert find_class("0 · tench, Tinca tinca", labels) == [0]
    assert find_class("carassius AURATUS", labels) == [1]
    assert find_class("shark", labels) == [2]
    assert find_class("12", ()) == [12]  # before the names arrive, a number still works


def test_a_prediction_row_click_shows_in_the_class_box(qtbot, window, cat):
    panel = _explained(qtbot, window, cat)
    qtbot.waitUntil(lambda: bool(window.predictions.items), timeout=LONG)
    third = window.predictions.items[2]
    qtbot.mouseClick(window.predictions, Qt.MouseButton.LeftButton,
                     pos=QPoint(40, 4 + 2 * window.predictions.row_height() + 10))
    _wait_target(qtbot, window, third.index)
    assert panel.classes.text() == f"{third.index} · {third.label}"


# --- maps: a colour scale, the layer, the class -----------------------------------------------------------------

def test_the_map_has_a_colour_scale_beside_it_in_the_colormap_in_use(qtbot, window, cat):
    _explained(qtbot, window, cat)
    legend = window.centre.legend
    qtbot.waitUntil(legend.isVisible)
    assert legend.ends() == ("low", "high")
    view = window.view.geometry()
    assert legend.geometry().left() >= view.right() and abs(legend.geometry().center().y() - view.center().y()) < 40
    window.colormap.setCurrentText("viridis")
    assert legend.colormap == "viridis"
    assert legend.colour_at(1.0) == (253, 231, 37)  # viridis' yellow at the top
    image = legend.grab().toImage()
    top = image.pixelColor(legend.width() // 2, legend.fontMetrics().height() + 6)
    assert abs(top.red() - 253) < 12 and abs(top.green() - 231) < 12 and top.blue() < 70
    window.mode_group.button(VIEW_MODES.index("Original")).click()
    assert not legend.isVisible()


@pytest.mark.parametrize("method", ["occlusion"])
def test_the_layer_list_is_disabled_for_a_method_that_ignores_it(qtbot, window, cat, method):
    panel = _explained(qtbot, window, cat)
    assert panel.layer.isEnabled()
    index = panel.method.findData(method)
    panel.method.setCurrentIndex(index)
    panel.method.activated.emit(index)
    assert not panel.layer.isEnabled() and "does not use a layer" in panel.layer.toolTip()
    assert panel.layer.itemText(0) == "the input (default)"
    panel.method.setCurrentIndex(panel.method.findData("gradcam"))
    panel.method.activated.emit(panel.method.currentIndex())
    assert panel.layer.isEnabled()


def test_eigen_cam_is_not_labelled_with_a_class(qtbot, window, cat):
    panel = _explained(qtbot, window, cat)
    index = panel.method.findData("eigencam")
    panel.method.setCurrentIndex(index)
    panel.method.activated.emit(index)
    qtbot.waitUntil(lambda: window._explanation is not None and window._explanation.explanation.method == "eigencam",
                    timeout=LONG)
    label = window._explanation.explanation.target_label
    _picture, caption = window.current_picture()
    assert caption == "Eigen-CAM · the same map for every class" and label not in caption
    qtbot.waitUntil(lambda: "no target class" in panel.target.text())
    assert not panel.classes.isEnabled() and not panel.top1.isEnabled()


def test_the_sanity_check_shows_both_maps_for_one_class_and_their_similarity(qtbot, window, cat):
    panel = _explained(qtbot, window, cat)
    assert not panel.sanity.isVisible()
    window.session.set_explain(target=285)
    _wait_target(qtbot, window, 285)
    panel.randomized.setChecked(True)
    qtbot.waitUntil(lambda: window._explanation.randomized and panel.sanity.isVisible(), timeout=LONG)
    result = window._explanation
    assert result.trained.target == result.explanation.target == 285
    assert panel.trained_map.image is not None and panel.random_map.image is not None
    assert not np.array_equal(panel.trained_map.image, panel.random_map.image)
    assert panel.trained_map.geometry().right() < panel.random_map.geometry().left()  # side by side
    assert panel.sanity_legend.isVisible()
    text = panel.similarity.text()
    assert "Spearman" in text and f"{result.similarity:.2f}" in text and "Egyptian cat" in text
    panel.randomized.setChecked(False)
    qtbot.waitUntil(lambda: not window._explanation.randomized and not panel.sanity.isVisible(), timeout=LONG)


def test_layer_lists_say_each_layers_output_size(qtbot, window, cat):
    panel = _explained(qtbot, window, cat)
    sizes = window._explanation.layer_sizes
    qtbot.waitUntil(lambda: panel.layer.count() == len(sizes) + 1)
    for i in range(1, panel.layer.count()):
        name = panel.layer.itemData(i)
        h, w, c = sizes[name]
        assert panel.layer.itemText(i) == f"{name} · {h}x{w}x{c}"
    assert panel.layer.itemText(panel.layer.findData("blocks.6")) == "blocks.6 · 7x7x320"
    assert panel.layer.itemText(0) == "conv_head (default) · 7x7x1280" or "(default)" in panel.layer.itemText(0)
    index = panel.layer.findData("blocks.5")  # choosing an entry explains that layer, not its label
    panel.layer.setCurrentIndex(index)
    panel.layer.activated.emit(index)
    assert window.session.choices.layer == "blocks.5"
    window.tabs.setCurrentWidget(window.panels["features"])
    features = window.panels["features"]
    qtbot.waitUntil(lambda: features._result is not None, timeout=LONG)
    assert features.layer.count() == len(sizes)
    for i in range(features.layer.count()):
        name = features.layer.itemData(i)
        assert features.layer.itemText(i) == "{} · {}x{}x{}".format(name, *sizes[name])


# --- feeding the pipeline ----------------------------------------------------------------------------------------

def test_every_view_says_when_the_model_is_fed_the_preprocessed_image(qtbot, window, cat):
    window.add_paths([str(cat)])
    badges = window.feed_badges()
    assert not any(b.isVisible() for b in badges)
    preprocess = window.panels["previews"]
    window.resize(1280, 720)
    QApplication.processEvents()
    width = window.width()
    preprocess.set_steps([Step.make("grayscale")])
    preprocess.feed.setChecked(True)
    for tab in (window.panels["explain"], window.panels["features"], window.panels["previews"]):
        window.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        assert all(b.isVisible() for b in badges), tab
        assert all(b.text() == "Model fed the preprocessed image" for b in badges)
    assert window.centre.isAncestorOf(badges[0]) and window.side.isAncestorOf(badges[1])
    assert window.tabs.cornerWidget(Qt.Corner.TopRightCorner) is badges[2]
    assert window.width() == width  # the badges take no room the window does not have
    corner = badges[0].geometry()  # in the picture's top-right corner, over it
    assert badges[0].parentWidget() is window.view and corner.top() <= 10
    assert window.view.width() - 20 <= corner.right() < window.view.width()
    preprocess.feed.setChecked(False)
    assert not any(b.isVisible() for b in badges)


# --- feature maps ------------------------------------------------------------------------------------------------

def test_feature_maps_are_large_numbered_and_a_click_enlarges_one(qtbot, window, cat):
    window.add_paths([str(cat)])
    window.tabs.setCurrentWidget(window.panels["features"])
    panel = window.panels["features"]
    qtbot.waitUntil(lambda: panel._result is not None, timeout=LONG)
    QApplication.processEvents()
    result = panel._result
    assert [t.channel for t in panel.tiles] == list(result.cell_channels)
    assert len(set(result.cell_channels)) == 16
    assert all(t.picture_rect().width() >= 64 for t in panel.tiles), [t.size() for t in panel.tiles]
    assert panel.legend.isVisible() and panel.legend.geometry().left() >= panel.maps.geometry().right()
    third = panel.tiles[2]
    qtbot.mouseClick(third, Qt.MouseButton.LeftButton, pos=third.rect().center())
    dialog = panel.enlarged
    qtbot.waitUntil(dialog.isVisible)
    assert np.array_equal(dialog.picture.image, result.cells[2])
    assert f"Channel {result.cell_channels[2]} of {result.layer}" in dialog.caption.text()
    assert dialog.picture.width() >= 4 * third.picture_rect().width() or dialog.picture.width() >= 360
    dialog.close()


# --- the image strip ---------------------------------------------------------------------------------------------

def test_thumbnails_fill_their_tile_without_a_letterbox(qtbot, window, tmp_path):
    from PIL import Image

    from vislab.ui.session import THUMB

    wide = np.zeros((100, 400, 3), np.uint8)
    wide[:, :] = (200, 180, 40)  # a wide, bright photo: padding would show black above and below
    wide[:, 190:210] = (10, 10, 200)  # its centre
    Image.fromarray(wide).save(tmp_path / "wide.png")
    window.add_paths([str(tmp_path / "wide.png")])
    qtbot.waitUntil(lambda: window.session.images[0].thumbnail is not None, timeout=LONG)
    QApplication.processEvents()
    icon = window.strip.item(0).icon().pixmap(THUMB, THUMB).toImage()
    assert (icon.width(), icon.height()) == (THUMB, THUMB)
    for x, y in ((1, 1), (THUMB - 2, 1), (1, THUMB - 2), (THUMB - 2, THUMB - 2), (THUMB // 2, 2)):
        colour = icon.pixelColor(x, y)
        assert colour.red() > 150 or colour.blue() > 150, (x, y, colour.getRgb())  # the photo, not black
    middle = icon.pixelColor(THUMB // 2, THUMB // 2)
    assert middle.blue() > 150 and middle.red() < 80  # the photo's centre is the tile's centre


# --- the Models tab ----------------------------------------------------------------------------------------------

def _all_measured(panel):
    """Every catalog model with a latency that grows with its GFLOPs (as a machine would give)."""
    from vislab.core.catalog import list_models
    from vislab.core.measure import Measurement

    for spec in list_models():
        panel.measurements[spec.id] = Measurement(spec.id, 0.004 + 0.01 * spec.gflops, "random", passes=5)
        panel._show_measurement(panel.measurements[spec.id])
    panel._update_plot()


def test_the_models_table_needs_no_sideways_scrolling_at_the_default_width(qtbot, window):
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.panels.get("catalog") is not None, timeout=LONG)
    panel = window.panels["catalog"]
    window.tabs.setCurrentWidget(panel)
    _all_measured(panel)  # the latency and "timed with" columns filled in too
    panel.fit_table()
    qtbot.waitUntil(panel.table.isVisible)
    QApplication.processEvents()
    table = panel.table
    assert not table.horizontalScrollBar().isVisible()
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert panel.canvas.width() >= panel.canvas.minimumWidth() >= 300


def test_scatter_labels_only_the_selected_and_the_best_trade_offs(qtbot, window):
    from matplotlib.backend_bases import MouseEvent

    from vislab.core.catalog import get_spec
    from vislab.ui.panels.catalog import MAX_LABELS, pareto_ids

    qtbot.waitUntil(lambda: window.panels.get("catalog") is not None, timeout=LONG)
    panel = window.panels["catalog"]
    window.tabs.setCurrentWidget(panel)
    _all_measured(panel)
    panel.canvas.draw()
    named = [t.get_text() for t in panel.axes.texts]
    assert 2 <= len(named) <= MAX_LABELS < len(panel.measurements)
    assert set(panel.labelled_ids()) <= set(pareto_ids(panel._points))  # nothing selected: the best trade-offs
    boxes = [t.get_window_extent() for t in panel.axes.texts]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])  # never piled up
    fastest = min(panel._points, key=lambda p: p[1])[0]
    assert fastest in panel.labelled_ids()
    unnamed = next(i for i, _x, _y in panel._points if get_spec(i).name not in named)
    panel.select([unnamed])
    assert get_spec(unnamed).name in [t.get_text() for t in panel.axes.texts]  # the selected one is named
    panel.canvas.draw()
    other = next(p for p in panel._points if get_spec(p[0]).name not in [t.get_text() for t in panel.axes.texts])
    x, y = panel.axes.transData.transform(other[1:])
    panel.canvas.callbacks.process("motion_notify_event", MouseEvent("motion_notify_event", panel.canvas, x, y))
    assert panel._hover is not None and panel._hover.get_text().startswith(get_spec(other[0]).name + ":")
    assert all(t.get_fontsize() >= 8 for t in panel.axes.get_xticklabels() + panel.axes.get_yticklabels())
    assert pareto_ids([("a", 1, 70), ("b", 2, 80), ("c", 3, 75)]) == ["a", "b"]


def test_measure_here_says_how_long_it_will_take_before_it_starts(qtbot, window):
    from vislab.core.catalog import list_models
    from vislab.core.measure import Measurement
    from vislab.ui.panels.catalog import estimate_seconds

    qtbot.waitUntil(lambda: window.panels.get("catalog") is not None, timeout=LONG)
    panel = window.panels["catalog"]
    assert "an estimate" in panel.estimate.text() and f"for {len(list_models())} models" in panel.estimate.text()
    assert "an estimate" in panel.measure.toolTip()
    specs = list_models()
    guess = estimate_seconds(specs, {}, 5)
    fast = {s.id: Measurement(s.id, 0.001, "random") for s in specs}
    assert estimate_seconds(specs, fast, 5) < guess  # what was measured here replaces the guess
    bigger = max(specs, key=lambda s: s.gflops)
    smaller = min(specs, key=lambda s: s.gflops)
    assert estimate_seconds([bigger], {}, 5) > estimate_seconds([smaller], {}, 5)
    panel.select([smaller.id])
    assert "for 1 models" in panel.measure_selected.toolTip() or "for 1 model" in panel.measure_selected.toolTip()


# --- Compare -----------------------------------------------------------------------------------------------------

def test_compare_columns_line_up_with_large_maps_and_top_k_bars(qtbot, window, cat, tmp_path):
    import torch
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture as _architecture

    weights = tmp_path / "vit.pth"
    torch.manual_seed(0)
    torch.save(_architecture(get_spec("vit_tiny_patch16_224")).state_dict(), weights)
    window.session.weights_files["vit_tiny_patch16_224"] = str(weights)
    window.resize(1280, 800)
    window.add_paths([str(cat)])
    qtbot.waitUntil(lambda: window.panels.get("compare") is not None and window.session.request() is not None,
                    timeout=LONG)
    panel = window.panels["compare"]
    window.tabs.setCurrentWidget(panel)
    panel.models.check_only(["efficientnet_lite0", "vit_tiny_patch16_224"])
    panel.run.click()
    qtbot.waitUntil(lambda: len(panel._results) == 2, timeout=LONG)
    QApplication.processEvents()
    (t0, p0, _), (t1, p1, _) = panel.columns[:2]
    b0, b1 = panel.bars[:2]
    assert t0.geometry().top() == t1.geometry().top()
    assert p0.geometry().top() == p1.geometry().top() and p0.height() == p1.height()
    assert b0.geometry().top() == b1.geometry().top()
    assert min(p0.width(), p0.height()) >= 100
    assert not panel.columns[2][1].isVisible() and not panel.bars[2].isVisible()  # two models, two columns
    assert panel.legend.isVisible() and panel.legend.geometry().left() >= p1.geometry().right()
    for bars, column in zip((b0, b1), (panel._results[0], panel._results[1]), strict=True):
        assert [p.index for p in bars.items] == [p.index for p in column.predictions]
        assert not bars.interactive and bars.isVisible()
    b0.setMinimumWidth(60)  # too narrow for a name even on two lines: it is elided, its tooltip gives it in full
    b0.resize(60, b0.height())
    row = next(r for r in range(len(b0.items)) if b0.is_elided(r))
    y = 4 + row * b0.row_height() + 5
    QApplication.sendEvent(b0, QHelpEvent(QEvent.Type.ToolTip, QPoint(20, y), b0.mapToGlobal(QPoint(20, y))))
    assert QToolTip.text().startswith(f"{b0.items[row].label} (#{b0.items[row].index})")


def test_the_patch_view_has_a_colour_scale_and_its_blocks_say_their_size(qtbot, window, cat, tmp_path):
    import torch

    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture as _architecture

    path = tmp_path / "vit.pth"
    torch.manual_seed(0)
    torch.save(_architecture(get_spec("vit_tiny_patch16_224")).state_dict(), path)
    window.add_paths([str(cat)])
    panel = window.panels["patches"]
    window.tabs.setCurrentWidget(panel)
    window.session.set_model("vit_tiny_patch16_224", weights=str(path))
    qtbot.waitUntil(lambda: panel.result is not None and panel.map_image is not None, timeout=LONG)
    assert panel.legend.isVisible() and panel.legend.colormap == "inferno"
    assert panel.legend.geometry().left() >= panel.picture.geometry().right()
    weights = panel.result.of_patch(panel.patch, layer=panel.layer.currentIndex())
    assert panel.legend.ends() == (f"{float(weights.min()):.1%}", f"{float(weights.max()):.1%}")
    assert panel.layer.itemText(0) == "1 of 12 · 197 tokens"
