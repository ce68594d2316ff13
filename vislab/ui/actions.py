"""The window's commands, declared once in a table: built into QActions and menus once, retranslated in place.

A language switch sets each action's text and tips again (:meth:`WindowActions.retranslate`); it never
rebuilds a menu, so an action keeps its identity, its shortcut and its checked state. The parts of a menu
that come from data (the samples, the recent files, the languages, the view modes, the panels) are filled
with :meth:`WindowActions.set_items`, which reuses the actions it already made.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from ..resources import sample_images
from . import i18n

#: The translation context of the table's texts.
CONTEXT = "WindowActions"
#: The slots of the submenus filled from data, called with the item chosen: a sample's path, a recent
#: file's path, a language's code.
DATA_SLOTS = ("sample", "recent", "language")
Shortcut = QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class MenuSpec:
    """A menu: on the menu bar (``parent`` None) or a submenu filled from data (its items by ``set_items``)."""

    id: str
    text: str
    parent: str | None = None
    separated: bool = False  #: a line above it in its parent


@dataclass(frozen=True)
class ActionSpec:
    """One command, in the menu ``menu``; ``tip`` (tooltip and status tip) defaults to the text without "&"."""

    id: str
    text: str
    menu: str
    shortcut: Shortcut = None
    tip: str = ""
    checkable: bool = False
    separated: bool = False  #: a line above it


@dataclass(frozen=True)
class SectionSpec:
    """A run of items inside a menu that come from data, like the view modes (filled by ``set_items``)."""

    id: str
    menu: str
    separated: bool = False


#: Every menu, command and data-filled section of the window, in the order the menus show them.
TABLE: tuple[MenuSpec | ActionSpec | SectionSpec, ...] = (
    MenuSpec("file", QT_TRANSLATE_NOOP("WindowActions", "&File")),
    ActionSpec("open_images", QT_TRANSLATE_NOOP("WindowActions", "&Open images…"), "file",
               QKeySequence.StandardKey.Open),
    ActionSpec("open_folder", QT_TRANSLATE_NOOP("WindowActions", "Open &folder…"), "file", "Ctrl+Shift+O"),
    ActionSpec("open_results", QT_TRANSLATE_NOOP("WindowActions", "Open res&ults…"), "file",
               tip=QT_TRANSLATE_NOOP("WindowActions", "Open the result files (Parquet) of a run on a cluster: the "
                                                      "Collection view shows them without running the model")),
    ActionSpec("paste", QT_TRANSLATE_NOOP("WindowActions", "&Paste image"), "file", QKeySequence.StandardKey.Paste,
               QT_TRANSLATE_NOOP("WindowActions", "Add the image (or image files) on the clipboard")),
    MenuSpec("samples", QT_TRANSLATE_NOOP("WindowActions", "&Samples"), "file"),
    MenuSpec("recent", QT_TRANSLATE_NOOP("WindowActions", "&Recent"), "file"),
    ActionSpec("save_view", QT_TRANSLATE_NOOP("WindowActions", "&Save view as image…"), "file",
               QKeySequence.StandardKey.Save,
               QT_TRANSLATE_NOOP("WindowActions", "Save the picture shown (the overlay, the model's view...)"),
               separated=True),
    ActionSpec("export_predictions", QT_TRANSLATE_NOOP("WindowActions", "&Export predictions…"), "file", "Ctrl+E",
               QT_TRANSLATE_NOOP("WindowActions", "Save the predictions as CSV or JSON")),
    ActionSpec("copy_view", QT_TRANSLATE_NOOP("WindowActions", "&Copy image"), "file", "Ctrl+Shift+C",
               QT_TRANSLATE_NOOP("WindowActions", "Copy the picture shown")),
    ActionSpec("quit", QT_TRANSLATE_NOOP("WindowActions", "&Quit"), "file", QKeySequence.StandardKey.Quit,
               separated=True),

    MenuSpec("view", QT_TRANSLATE_NOOP("WindowActions", "&View")),
    ActionSpec("previous", QT_TRANSLATE_NOOP("WindowActions", "&Previous image"), "view", "Left"),
    ActionSpec("next", QT_TRANSLATE_NOOP("WindowActions", "&Next image"), "view", "Right"),
    ActionSpec("collection", QT_TRANSLATE_NOOP("WindowActions", "Co&llection"), "view", "Ctrl+Shift+L",
               QT_TRANSLATE_NOOP("WindowActions", "The folder opened last as a grid, a table, a map and its "
                                                  "mistakes, or the picture again"), checkable=True,
               separated=True),
    ActionSpec("live", QT_TRANSLATE_NOOP("WindowActions", "Li&ve camera"), "view", "Ctrl+L",
               QT_TRANSLATE_NOOP("WindowActions", "The camera (or a video file) in the picture, classified and "
                                                  "explained as it plays; Space keeps a frame"), checkable=True),
    ActionSpec("fit", QT_TRANSLATE_NOOP("WindowActions", "&Fit to window"), "view", "Ctrl+0"),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("WindowActions", "Zoom &in"), "view", QKeySequence.StandardKey.ZoomIn),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("WindowActions", "Zoom &out"), "view",
               QKeySequence.StandardKey.ZoomOut),
    SectionSpec("modes", "view", separated=True),  # Alt+1..4
    SectionSpec("panels", "view", separated=True),  # Ctrl+1..N
    ActionSpec("presentation", QT_TRANSLATE_NOOP("WindowActions", "P&resentation mode"), "view", "F11",
               QT_TRANSLATE_NOOP("WindowActions", "Full screen, large fonts and high contrast, for a classroom; "
                                                  "F11 or Esc leaves it"), checkable=True, separated=True),
    ActionSpec("concepts", QT_TRANSLATE_NOOP("WindowActions", "&Concepts"), "view", "F1",
               QT_TRANSLATE_NOOP("WindowActions", "What a convolution, a feature map, a patch, an attention head "
                                                  "and a CAM are")),
    MenuSpec("language", QT_TRANSLATE_NOOP("WindowActions", "&Language"), "view"),

    MenuSpec("model", QT_TRANSLATE_NOOP("WindowActions", "&Model")),
    ActionSpec("load_weights", QT_TRANSLATE_NOOP("WindowActions", "Load &weights file…"), "model", "Ctrl+W",
               QT_TRANSLATE_NOOP("WindowActions", "Use a local .pth/.pt/.bin/.safetensors file with the chosen "
                                                  "architecture")),
    ActionSpec("use_pretrained", QT_TRANSLATE_NOOP("WindowActions", "Use the &pretrained weights"), "model"),
    ActionSpec("refresh_weights", QT_TRANSLATE_NOOP("WindowActions", "&Refresh weights status"), "model"),
    ActionSpec("fast_path", QT_TRANSLATE_NOOP("WindowActions", "&Fast inference (ONNX Runtime)"), "model",
               tip=QT_TRANSLATE_NOOP("WindowActions", "Classify with ONNX Runtime once the model is exported (in "
                                                      "the background, once); explanations always run on PyTorch"),
               checkable=True, separated=True),

    MenuSpec("help", QT_TRANSLATE_NOOP("WindowActions", "&Help")),
    ActionSpec("about", QT_TRANSLATE_NOOP("WindowActions", "&About vislab"), "help"),
)


@dataclass
class _Section:
    """The items of a data-filled part of a menu, and where it ends."""

    menu: QMenu
    submenu: bool = False  #: the section is a whole submenu, disabled while empty
    anchor: QAction | None = None  #: the first action after the section; None: it ends its menu
    actions: list[QAction] = field(default_factory=list)
    triggered: Callable[[int], None] = lambda _index: None
    group: QActionGroup | None = None


class WindowActions:
    """The window's menus and actions, built once from :data:`TABLE` onto ``menu_bar``.

    Args:
        menu_bar: the window's menu bar.
        slots: what each command of the table does, by its id (a checkable command's slot gets the new
            state), and the :data:`DATA_SLOTS`.
    """

    def __init__(self, menu_bar: QMenuBar, slots: Mapping[str, Callable]) -> None:
        missing = ({s.id for s in TABLE if isinstance(s, ActionSpec)} | set(DATA_SLOTS)) - set(slots)
        if missing:
            raise KeyError(f"no slot for the window's actions {sorted(missing)}")
        self._slots = slots
        self._actions: dict[str, QAction] = {}
        self._menus: dict[str, QMenu] = {}
        self._sections: dict[str, _Section] = {}
        before: dict[str, QAction | None] = {}  # by section: the last action ahead of it in its menu
        for spec in TABLE:
            if isinstance(spec, MenuSpec) and spec.parent is None:
                self._menus[spec.id] = menu_bar.addMenu("")
                continue
            parent = self._menus[spec.parent if isinstance(spec, MenuSpec) else spec.menu]
            if spec.separated:
                parent.addSeparator()
            if isinstance(spec, SectionSpec):
                self._sections[spec.id] = _Section(parent)
                before[spec.id] = parent.actions()[-1] if parent.actions() else None
            elif isinstance(spec, MenuSpec):
                menu = self._menus[spec.id] = parent.addMenu("")
                self._sections[spec.id] = _Section(menu, submenu=True)
            else:
                self._actions[spec.id] = self._add(spec, parent, slots[spec.id])
        for section_id, last in before.items():  # each section, still empty, ends where the next action starts
            section = self._sections[section_id]
            actions = section.menu.actions()
            start = actions.index(last) + 1 if last is not None else 0
            section.anchor = actions[start] if start < len(actions) else None
        samples = sample_images()
        self.set_items("samples", [p.stem.replace("_", " ").capitalize() for p in samples],
                       lambda i: slots["sample"](samples[i]))

    @staticmethod
    def _add(spec: ActionSpec, menu: QMenu, slot: Callable) -> QAction:
        action = QAction(menu)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setCheckable(spec.checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def menu(self, menu_id: str) -> QMenu:
        return self._menus[menu_id]

    def items(self, section: str) -> list[QAction]:
        """The actions ``set_items`` made for ``section`` (a data-filled submenu or section), in order."""
        return list(self._sections[section].actions)

    def retranslate(self) -> None:
        """Each menu's title and each command's text and tips, in the current language; the language chosen."""
        for spec in TABLE:
            if isinstance(spec, MenuSpec):
                self._menus[spec.id].setTitle(QCoreApplication.translate(CONTEXT, spec.text))
            elif isinstance(spec, ActionSpec):
                text = QCoreApplication.translate(CONTEXT, spec.text)
                tip = QCoreApplication.translate(CONTEXT, spec.tip) if spec.tip else text.replace("&", "")
                action = self._actions[spec.id]
                action.setText(text)
                action.setToolTip(tip)
                action.setStatusTip(tip)
        codes = list(i18n.LANGUAGES)
        self.set_items("language", list(i18n.LANGUAGES.values()), lambda i: self._slots["language"](codes[i]),
                       checked=codes.index(i18n.current()))

    def set_recent(self, paths: Sequence[str]) -> None:
        """Fill File ▸ Recent with ``paths``, newest first."""
        paths = list(paths)
        self.set_items("recent", paths, lambda i: self._slots["recent"](paths[i]))

    def set_items(self, section: str, texts: Sequence[str], triggered: Callable[[int], None], *,
                  shortcuts: Sequence[str] = (), checked: int | None = None) -> None:
        """Fill ``section`` with one action per text, reusing the actions already there; the tooltip and status
        tip of each is its text without "&".

        Args:
            section: the id of a data-filled submenu or section of :data:`TABLE`.
            texts: the items' texts, already in the current language.
            triggered: called with an item's index when it is chosen.
            shortcuts: the first items' shortcuts.
            checked: the index of the checked item, for a choice of one (None: the items are commands).
        """
        part = self._sections[section]
        part.triggered = triggered
        while len(part.actions) > len(texts):
            action = part.actions.pop()
            part.menu.removeAction(action)
            action.deleteLater()
        while len(part.actions) < len(texts):
            action = QAction(part.menu)
            index = len(part.actions)
            action.triggered.connect(lambda _checked=False, p=part, i=index: p.triggered(i))
            if part.anchor is None:
                part.menu.addAction(action)
            else:
                part.menu.insertAction(part.anchor, action)
            part.actions.append(action)
        if checked is not None and part.group is None:
            part.group = QActionGroup(part.menu)
        for i, (action, text) in enumerate(zip(part.actions, texts, strict=True)):
            action.setText(text)
            tip = text.replace("&", "")
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setShortcut(QKeySequence(shortcuts[i]) if i < len(shortcuts) else QKeySequence())
            if part.group is not None:
                action.setCheckable(True)
                part.group.addAction(action)
                action.setChecked(i == checked)
        if part.submenu:
            part.menu.setEnabled(bool(texts))
