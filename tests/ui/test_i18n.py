"""The interface in English and Spanish: every text translated, the catalog current, the switch live."""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QListWidget, QTabWidget, QWidget

from vislab.ui import i18n, texts
from vislab.ui.app import create_window

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
LONG = 60_000
FIELD = re.compile(r"\{[^{}]*\}")
#: Words that give away English in a Spanish window.
ENGLISH = re.compile(r"(?<![\w-])(the|of|and|with|from|to|image|images|model|click|weights|layer|open|save|show|"
                     r"loading)(?![\w-])", re.IGNORECASE)


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.install("en")


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_every_text_has_a_translation(language):
    catalog = i18n.read_ts(FOLDER / f"vislab_{language}.ts")
    assert len(catalog) > 300
    assert [key for key, text in catalog.items() if text is None] == []


def test_the_catalog_holds_every_text_of_the_code(tmp_path):
    assert texts.GENERATED.read_text(encoding="utf-8") == texts.generated_source()
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *sorted(map(str, (ROOT / "vislab" / "ui").rglob("*.py"))), "-ts", str(fresh)],
                   check=True, capture_output=True)
    for language in i18n.LANGUAGES:
        assert set(i18n.read_ts(fresh)) == set(i18n.read_ts(FOLDER / f"vislab_{language}.ts")), (
            "run `make translations` and translate the new texts")


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_the_shipped_qm_is_compiled_from_the_ts(language):
    translator = QTranslator()
    assert translator.load(str(FOLDER / f"vislab_{language}.qm"))
    for (context, source), text in i18n.read_ts(FOLDER / f"vislab_{language}.ts").items():
        assert translator.translate(context, source) == text, (context, source)


def test_spanish_keeps_every_placeholder_and_accelerator():
    for (context, source), text in i18n.read_ts(FOLDER / "vislab_es.ts").items():
        assert sorted(FIELD.findall(source)) == sorted(FIELD.findall(text)), (context, source, text)
        assert source.count("&") == text.count("&"), (context, source, text)


def _shown_texts(window) -> list[str]:
    """Every text the window and its panels show: labels, buttons, tabs, combo items, menus, tooltips."""
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        found.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        if isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QComboBox) and widget is not window.picker:
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget) and widget is not window.strip:  # not the file names
            found += [widget.item(i).text() for i in range(widget.count())]
    for menu in window.menuBar().actions():
        found.append(menu.text())
        found += [a.text() for a in menu.menu().actions()] + [a.toolTip() for a in menu.menu().actions()]
    found.append(window.predictions.placeholder)
    return [t for t in found if t]


def _plain(text: str) -> str:
    text = re.sub(r"<i>.*?</i>", "", text, flags=re.DOTALL)  # a paper's title is a citation: not translated
    return unescape(re.sub(r"<[^>]+>", " ", text))


def test_the_window_speaks_spanish_and_switches_back_without_losing_anything(qtbot, settings, cat):
    settings.set("language", "es")
    window = create_window([str(cat)], settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.predictions.items) and window.panels["compare"] is not None, timeout=LONG)
    qtbot.waitUntil(lambda: window.panels["explain"].method.count() > 0, timeout=LONG)
    assert [a.text() for a in window.menuBar().actions()] == ["&Archivo", "&Ver", "&Modelo", "Ay&uda"]
    assert window.tabs.tabText(1) == "Mapas de características"
    assert "Familia" in window.card.text()
    english = [t for t in map(_plain, _shown_texts(window)) if ENGLISH.search(t)]
    assert english == []

    items = list(window.predictions.items)
    window.languageChosen.emit("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "Feature maps")
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&View", "&Model", "&Help"]
    assert "Family" in window.card.text() and settings.get("language") == "en"
    assert window.predictions.items == items and len(window.session.images) == 1

    # What appeared in English turns Spanish too: the Patches panel with a CNN, a preprocessing step and its
    # preview captions, the "?" tooltips, the status bar.
    window.tabs.setCurrentWidget(window.panels["patches"])
    qtbot.waitUntil(lambda: "no class token" in window.panels["patches"].about.text(), timeout=LONG)
    window.panels["previews"].ops.setCurrentIndex(window.panels["previews"].ops.findData("gaussian_blur"))
    window.panels["previews"].add.click()
    qtbot.waitUntil(lambda: len(window.panels["previews"].strip.cells) == 2, timeout=LONG)
    window.languageChosen.emit("es")
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "Mapas de características")
    assert window.panels["previews"].list.item(0).text().startswith("1. Desenfoque gaussiano (")
    captions = [c.parentWidget().layout().itemAt(1).widget().text() for c in window.panels["previews"].strip.cells]
    assert captions[0] == "entrada" and captions[1].startswith("Desenfoque gaussiano (")
    assert "Parche" in window.panels["patches"].findChild(QAbstractButton, "help_patch").toolTip()
    assert "no tiene un token de clase" in window.panels["patches"].about.text()
    english = [t for t in map(_plain, _shown_texts(window)) if ENGLISH.search(t)]
    assert english == []
    window.session.runner.cancel_all()
    window.session.runner.wait(LONG)


def test_the_system_locale_chooses_the_language(monkeypatch):
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("es_ES")))
    assert i18n.resolve("") == "es"
    assert i18n.resolve("en") == "en"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve("") == "en"


def test_without_translations_the_interface_stays_in_english(qtbot, monkeypatch, tmp_path):
    from vislab.ui.predictions_view import PredictionsView

    monkeypatch.setattr(i18n, "translations_dir", lambda: str(tmp_path))  # a bundle without them
    assert i18n.install("es") == "es"
    view = PredictionsView()
    qtbot.addWidget(view)
    assert view.toolTip().startswith("Click a class")
