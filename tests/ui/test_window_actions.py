"""The window's actions are declared once: a language switch retranslates them, it never rebuilds a menu."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from vislab.ui import i18n
from vislab.ui.actions import TABLE, ActionSpec, MenuSpec, SectionSpec
from vislab.ui.panels import PANELS

LONG = 60_000


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.install("en")


def _all_actions(window) -> list[QAction]:
    found = []
    for top in window.menuBar().actions():
        found.append(top)
        for action in top.menu().actions():
            found.append(action)
            if action.menu():
                found += action.menu().actions()
    return found


def test_the_table_names_each_action_and_shortcut_once():
    ids = [spec.id for spec in TABLE]
    assert len(ids) == len(set(ids))
    menus = {spec.id for spec in TABLE if isinstance(spec, MenuSpec)}
    assert all(spec.menu in menus for spec in TABLE if isinstance(spec, ActionSpec | SectionSpec))
    shortcuts = [str(spec.shortcut) for spec in TABLE if isinstance(spec, ActionSpec) and spec.shortcut]
    assert len(shortcuts) == len(set(shortcuts))


def test_a_language_switch_keeps_every_action_and_changes_its_text(qtbot, window):
    before = _all_actions(window)
    texts = [a.text() for a in before]
    shortcuts = [a.shortcut().toString() for a in before]
    presentation = window.presentation_action
    window.fast_action.setChecked(False)

    i18n.install("es")
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&Archivo")
    after = _all_actions(window)
    assert len(after) == len(before) and all(a is b for a, b in zip(after, before, strict=True))
    assert window.presentation_action is presentation and window.window_actions["presentation"] is presentation
    assert presentation.text() == "Modo &presentación" and "Pantalla completa" in presentation.toolTip()
    assert presentation.statusTip() == presentation.toolTip()
    assert [a.shortcut().toString() for a in after] == shortcuts
    changed = [a for a, text in zip(after, texts, strict=True) if not a.isSeparator() and a.text() != text]
    assert len(changed) > 30
    assert not window.fast_action.isChecked()  # a state the person set survives the switch
    languages = {a.text(): a for a in window.window_actions.items("language")}
    assert languages["Español"].isChecked() and not languages["English"].isChecked()

    i18n.install("en")
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")
    assert [a.text() for a in _all_actions(window)] == texts


def test_the_view_menu_has_modes_and_panels_with_their_shortcuts(qtbot, window):
    view = window.view_menu.actions()
    modes = window.window_actions.items("modes")
    assert [a.text() for a in modes] == ["Original", "Model's view", "Preprocessed", "Overlay"]
    assert [a.shortcut().toString() for a in modes] == ["Alt+1", "Alt+2", "Alt+3", "Alt+4"]
    first_panels = window.window_actions.items("panels")
    assert view.index(modes[-1]) + 2 == view.index(first_panels[0])  # a line between the two runs

    qtbot.waitUntil(lambda: window.panels.get("compare") is not None, timeout=LONG)  # three more panels
    panels = window.window_actions.items("panels")
    assert panels[:len(first_panels)] == first_panels
    assert [a.shortcut().toString() for a in panels] == [f"Ctrl+{i + 1}" for i in range(window.tabs.count())]
    assert panels[-1].text() == f"{list(PANELS)[-1].title} panel"  # the last of the registry (Teach today)
    view = window.view_menu.actions()
    assert view.index(panels[-1]) + 2 == view.index(window.presentation_action)
    panels[1].trigger()
    assert window.tabs.currentIndex() == 1
    modes[0].trigger()
    assert window.mode_group.checkedId() == 0
