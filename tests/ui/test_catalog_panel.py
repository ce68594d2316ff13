"""The catalog panel on real widgets: every model listed, numeric sorting, live measuring and cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from vislab.core.catalog import list_models
from vislab.ui.panels.catalog import GFLOPS, LATENCY, MODEL, PARAMS, SORT_ROLE, TIMED_WITH, CatalogPanel
from vislab.ui.session import Session

LONG = 240_000  # ms: building and timing two models on a busy 2-core machine
SMALL = ["efficientnet_lite0", "torchvision/resnet18"]


@pytest.fixture
def panel(qtbot):
    session = Session()
    widget = CatalogPanel(session, passes=2)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    yield widget
    session.runner.cancel_all()
    session.runner.wait(LONG)


def _shown(panel: CatalogPanel, column: int) -> list[str]:
    return [panel.proxy.index(row, column).data() for row in range(panel.proxy.rowCount())]


def _click_header(qtbot, panel: CatalogPanel, column: int) -> None:
    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _points(panel: CatalogPanel) -> int:
    return sum(len(collection.get_offsets()) for collection in panel.axes.collections)


def test_the_table_lists_every_catalog_model(panel):
    assert _shown(panel, MODEL) == [spec.name for spec in list_models()]
    assert "efficientnet_lite0" in panel.model.item(0, MODEL).toolTip()
    tip = panel.model.headerData(GFLOPS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "multiply-adds" in tip
    assert all(text == "" for text in _shown(panel, LATENCY))
    assert _points(panel) == 0


def test_sorting_by_parameters_is_numeric(qtbot, panel):
    _click_header(qtbot, panel, PARAMS)
    first = [float(text) for text in _shown(panel, PARAMS)]
    # As text, "138.4" (VGG-16) would come before "25.6" and "5.3".
    assert first in (sorted(first), sorted(first, reverse=True)) and first[0] != first[-1]
    assert max(first) == pytest.approx(138.4)
    _click_header(qtbot, panel, PARAMS)
    second = [float(text) for text in _shown(panel, PARAMS)]
    assert second == sorted(first, reverse=first[0] < first[-1])


def test_measuring_two_selected_models_fills_their_rows_and_the_scatter(qtbot, panel):
    panel.select(SMALL)
    assert panel.selected_ids() == SMALL
    qtbot.mouseClick(panel.measure_selected, Qt.MouseButton.LeftButton)
    assert panel.running and panel.measure.text() == "Cancel"
    assert panel.status.text() == "1 of 2 · EfficientNet-Lite0"
    qtbot.waitUntil(lambda: not panel.running, timeout=LONG)
    for model_id in SMALL:
        assert float(panel.latency_text(model_id)) > 0
    timed = [panel.model.item(panel.row_of(model_id), TIMED_WITH).text() for model_id in SMALL]
    assert timed == ["bundled", "random"]
    assert panel.plotted_ids() == SMALL and _points(panel) == 2
    assert panel.axes.get_xscale() == "log"
    assert panel.measure.text() == "Measure here" and panel.measure_selected.isEnabled()
    assert panel.status.text().startswith("Measured 2 of 2")
    latency = panel.model.item(panel.row_of(SMALL[0]), LATENCY).data(SORT_ROLE)
    assert isinstance(latency, float) and latency > 0


def test_cancel_stops_measuring_and_drops_the_answer(qtbot, panel):
    qtbot.mouseClick(panel.measure, Qt.MouseButton.LeftButton)
    assert panel.running and panel.status.text() == f"1 of {len(list_models())} · EfficientNet-Lite0"
    qtbot.mouseClick(panel.measure, Qt.MouseButton.LeftButton)
    assert not panel.running and panel.measure.text() == "Measure here"
    assert panel.status.text().startswith("Cancelled after 0 of")
    assert panel.session.runner.wait(LONG)
    qtbot.wait(200)  # any late answer would arrive now
    assert panel.plotted_ids() == [] and all(text == "" for text in _shown(panel, LATENCY))


def test_measure_selected_with_nothing_selected_says_what_to_do(qtbot, panel):
    qtbot.mouseClick(panel.measure_selected, Qt.MouseButton.LeftButton)
    assert not panel.running and "Select" in panel.status.text()


def test_switching_language_keeps_the_selection_and_the_order(qtbot, panel):
    from vislab.ui import i18n
    from vislab.ui.panels.catalog import FAMILY

    _click_header(qtbot, panel, PARAMS)
    order = _shown(panel, MODEL)
    panel.select(["efficientnet_lite0", "vit_tiny_patch16_224"])
    try:
        i18n.install("es")
        qtbot.waitUntil(lambda: panel.model.horizontalHeaderItem(MODEL).text() == "Modelo")
        assert _shown(panel, MODEL) == order
        assert sorted(panel.selected_ids()) == ["efficientnet_lite0", "vit_tiny_patch16_224"]
        assert "Híbrido" in _shown(panel, FAMILY)
    finally:
        i18n.install("en")
    qtbot.waitUntil(lambda: panel.model.horizontalHeaderItem(MODEL).text() == "Model")
