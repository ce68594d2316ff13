"""The model picker's search is the core's: typing a word shows the models ``vislab models WORD`` lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from vislab.core.catalog import DEFAULT_MODEL, list_models, search_models
from vislab.ui.model_picker import ID_ROLE, ModelPicker


@pytest.fixture
def picker(qtbot) -> ModelPicker:
    widget = ModelPicker()
    qtbot.addWidget(widget)
    widget.select(DEFAULT_MODEL)
    widget.show()
    return widget


def shown_ids(picker: ModelPicker) -> list[str]:
    """The ids of the rows the completer's popup offers."""
    rows = picker.completer().completionModel()
    return [rows.index(row, 0).data(ID_ROLE) for row in range(rows.rowCount())]


def type_into(qtbot, picker: ModelPicker, text: str) -> None:
    picker.lineEdit().clear()
    qtbot.keyClicks(picker.lineEdit(), text)


@pytest.mark.parametrize("word", ["resnet", "vit", "2021", "transformer", "swin-t", "ResNet-18", "vit_*"])
def test_typing_shows_what_the_core_search_finds(qtbot, picker: ModelPicker, word: str) -> None:
    type_into(qtbot, picker, word)
    found = [spec.id for spec in search_models(word)]
    assert found and sorted(shown_ids(picker)) == sorted(found) and len(set(shown_ids(picker))) == len(found)
    assert picker.completer().popup().isVisible()


def test_the_year_finds_swin_and_coatnet(qtbot, picker: ModelPicker) -> None:
    type_into(qtbot, picker, "2021")
    assert set(shown_ids(picker)) == {"swin_tiny_patch4_window7_224", "coatnet_0_rw_224"}


def test_a_word_that_finds_nothing_hides_the_popup(qtbot, picker: ModelPicker) -> None:
    type_into(qtbot, picker, "nothing")
    assert shown_ids(picker) == [] and not picker.completer().popup().isVisible()


def test_choosing_from_the_search_selects_and_reports_the_id(qtbot, picker: ModelPicker) -> None:
    chosen: list[str] = []
    picker.modelChosen.connect(chosen.append)
    type_into(qtbot, picker, "swin")
    popup = picker.completer().popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert chosen == ["swin_tiny_patch4_window7_224"]
    assert picker.current_id() == "swin_tiny_patch4_window7_224"
    assert picker.lineEdit().text().startswith("Swin-T · ")


def test_the_full_list_keeps_every_model_grouped_by_family(picker: ModelPicker) -> None:
    ids = [picker.itemData(row, ID_ROLE) for row in range(picker.count())]
    assert sorted(i for i in ids if i) == sorted(spec.id for spec in list_models())
    assert ids.count(None) == 3  # the family headers
