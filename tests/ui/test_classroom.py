"""The classroom: the patch view, presentation mode and the explanations."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from vislab.ui.glossary import CONCEPTS
from vislab.ui.panels.patches import GAP

LONG = 60_000


@pytest.fixture
def vit_weights(tmp_path):
    import torch

    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture as _architecture

    path = tmp_path / "vit.pth"
    torch.manual_seed(0)
    torch.save(_architecture(get_spec("vit_tiny_patch16_224")).state_dict(), path)
    return str(path)


def test_the_patch_view_shows_a_vits_tokens_and_where_a_clicked_patch_looks(qtbot, window, cat, vit_weights):
    window.add_paths([str(cat)])
    window.tabs.setCurrentWidget(window.panels["patches"])
    panel = window.panels["patches"]
    qtbot.waitUntil(lambda: panel.result is None and "no class token" in panel.about.text(), timeout=LONG)
    window.session.set_model("vit_tiny_patch16_224", weights=vit_weights)
    qtbot.waitUntil(lambda: panel.result is not None, timeout=LONG)
    assert "14 x 14 = 196" in panel.about.text() and "= 197 tokens" in panel.about.text()
    assert panel.layer.count() == 12 and panel.head.count() == 4  # 12 blocks; the mean and 3 heads
    assert panel.patch == (7, 7)
    first = panel.map_image.copy()

    # The picture is the grid and the map side by side (224 + gap + 224 px), drawn from the top-left corner.
    size = panel.picture.size()
    scale = min(size.width() / (448 + GAP), size.height() / 224)
    qtbot.mouseClick(panel.picture, Qt.MouseButton.LeftButton, pos=QPointF(6 * scale, 218 * scale).toPoint())
    assert panel.patch == (13, 0)
    qtbot.mouseClick(panel.picture, Qt.MouseButton.LeftButton, pos=QPointF((224 + GAP + 120) * scale,
                                                                            20 * scale).toPoint())
    assert panel.patch == (1, 7)  # a click on the map chooses the same way
    qtbot.mouseClick(panel.picture, Qt.MouseButton.LeftButton, pos=QPointF(6 * scale, 218 * scale).toPoint())
    assert "Patch (13, 0), block 12, mean of heads" in panel.caption.text()
    expected = panel.result.of_patch((13, 0))
    assert f"{float(expected.max()):.1%}" in panel.caption.text()
    assert not np.array_equal(panel.map_image, first)
    panel.layer.setCurrentIndex(0)
    panel.head.setCurrentIndex(2)
    assert "block 1, head 1" in panel.caption.text()


def test_presentation_mode_makes_everything_big_and_hides_the_advanced_parts(qtbot, window, cat):
    app = QApplication.instance()
    before, row = app.font().pointSizeF(), window.predictions.row_height()
    window.presentation_action.trigger()
    try:
        assert window.presentation_action.isChecked() and window.isFullScreen()
        assert app.font().pointSizeF() == pytest.approx(1.6 * before)
        qtbot.waitUntil(lambda: window.predictions.font().pointSizeF() == pytest.approx(1.6 * before))
        assert window.tabs.font().pointSizeF() >= before  # the panels as large as the screen's width allows
        assert window.predictions.row_height() > row
        assert not window.strip.isVisible() and not window.card_scroll.isVisible()
        assert not window.statusBar().isVisible()
    finally:
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presentation_action.isChecked() and not window.isFullScreen()
    qtbot.waitUntil(lambda: window.predictions.row_height() == row)
    assert app.font().pointSizeF() == pytest.approx(before)
    assert window.strip.isVisible() and window.statusBar().isVisible()


def test_each_concept_is_next_to_what_it_explains(qtbot, window):
    qtbot.waitUntil(lambda: window.panels["compare"] is not None, timeout=LONG)
    from PySide6.QtWidgets import QToolButton

    helps = {b.objectName().removeprefix("help_") for b in window.findChildren(QToolButton)
             if b.objectName().startswith("help_")}
    assert helps == {c.id for c in CONCEPTS}
    button = window.panels["patches"].findChild(QToolButton, "help_patch")
    assert "196 patches" in button.toolTip()
    button.click()
    assert window.concepts.isVisible() and "Patch" in window.concepts.text.toPlainText()
    window.show_concept(None)  # F1 toggles the panel
    assert not window.concepts.isVisible()
