"""The window on the screens classes use: a 1280x720 or 1366x768 projector, presentation mode and back, a
collection open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

LONG = 60_000


def _layout(window) -> dict:
    """Everything presentation mode may change and must put back."""
    app = QApplication.instance()
    return {"geometry": window.geometry().getRect(), "normal": window.normalGeometry().getRect(),
            "top": window.top_split.sizes(), "main": window.main_split.sizes(),
            "font": app.font().pointSizeF(), "palette": app.palette().color(app.palette().ColorRole.Window).name(),
            "visible": {name: getattr(window, name).isVisible() for name in ("strip", "card_scroll", "tabs")}
            | {"status": window.statusBar().isVisible(), "toolbar": window.bar.isVisible()},
            "full": window.isFullScreen()}


def test_leaving_presentation_mode_puts_the_window_back_exactly_each_time(qtbot, window, cat):
    window.add_paths([str(cat)])
    qtbot.waitUntil(lambda: window._predictions is not None, timeout=LONG)
    qtbot.wait(200)  # the first splitter sizes are set once the window has its size
    before = _layout(window)
    for _ in range(4):
        window.set_presentation(True)
        qtbot.waitUntil(window.isFullScreen)
        qtbot.wait(300)
        assert not window.strip.isVisible()
        window.set_presentation(False)
        qtbot.waitUntil(lambda: not window.isFullScreen())
        qtbot.wait(300)
        assert _layout(window) == before
    window.showMaximized()  # a maximised window comes back maximised
    qtbot.waitUntil(window.isMaximized)
    qtbot.wait(300)
    maximised = _layout(window)
    for _ in range(2):
        window.set_presentation(True)
        qtbot.waitUntil(window.isFullScreen)
        qtbot.wait(300)
        window.set_presentation(False)
        qtbot.waitUntil(lambda: not window.isFullScreen())
        qtbot.wait(300)
        assert window.isMaximized() and _layout(window) == maximised


def test_presentation_mode_scales_the_plots_keeps_disabled_controls_grey_and_gives_a_result_the_height(qtbot,
                                                                                                        window):
    import matplotlib
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.text import Text
    from PySide6.QtGui import QPalette

    qtbot.waitUntil(lambda: "catalog" in window.panels, timeout=LONG)
    canvas = window.panels["catalog"].findChild(FigureCanvasQTAgg)  # the Models tab's scatter plot
    canvas.draw()
    texts = [t for t in canvas.figure.findobj(Text) if t.get_text()]
    assert texts
    sizes, base = [t.get_fontsize() for t in texts], matplotlib.rcParams["font.size"]
    window.set_presentation(True)
    try:
        assert matplotlib.rcParams["font.size"] == pytest.approx(1.6 * base)
        assert [t.get_fontsize() for t in texts] == pytest.approx([1.6 * s for s in sizes])
        palette = QApplication.instance().palette()
        group, role = QPalette.ColorGroup, QPalette.ColorRole.ButtonText
        assert palette.color(group.Active, role).name() == "#000000"
        assert palette.color(group.Disabled, role).lightness() > 120  # visibly grey, not black
        window.tabs.setCurrentWidget(window.panels["features"])  # a panel with its own result
        qtbot.wait(200)
        top, bottom = window.main_split.sizes()
        assert bottom > top
        window.tabs.setCurrentWidget(window.panels["explain"])  # its result is the picture
        qtbot.wait(200)
        top, bottom = window.main_split.sizes()
        assert top > 1.4 * bottom
    finally:
        window.set_presentation(False)
    assert matplotlib.rcParams["font.size"] == pytest.approx(base)
    assert [t.get_fontsize() for t in texts] == pytest.approx(sizes)


# --- the window on a projector's screen ---------------------------------------------------------------------
# The offscreen platform takes its screens from a JSON file (``offscreen:configfile=...``), read when the
# application starts: each screen size runs in a child process of its own, which prints what it found.

SCREENS = ((1280, 720), (1366, 768))


def _screen_report(tmp_path, width: int, height: int) -> dict:
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screen.json"
    # No simulated window frame: the window's own geometry is what must fit (the real frame is default_size's).
    screen = {"name": "projector", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, __file__, str(tmp_path / "vislab.ini")], env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_the_window_fits_a_projector_screen_with_no_text_cut_off(tmp_path, width, height):
    report = _screen_report(tmp_path, width, height)
    assert report["screen"] == [0, 0, width, height]
    from vislab.ui.panels import PANELS

    assert len(report["views"]) == 2 * 2 * len(PANELS)  # two languages, normal and presentation, every panel
    for view in report["views"]:
        where = f"{view['language']}, {view['mode']}, {view['panel']}"
        for name, (x, y, w, h) in view["windows"].items():
            assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, f"{name} off screen ({where})"
        assert view["status_bar"] or view["mode"] == "presentation", where
        assert view["cut"] == [], f"text cut off ({where})"
        if view["mode"] == "presentation" and view["language"] == "en":  # large, as far as the width allows
            assert view["panel_font"] >= 1.2, where
    collection = report["collection"]
    for name, (x, y, w, h) in collection["windows"].items():
        assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, f"{name} off screen (collection open)"
    assert collection["status_bar"]
    # What the window needs at least, frame and a taskbar left aside (a real window manager lets the window
    # grow past the screen where this platform keeps it on it).
    assert collection["least"] <= height - 60
    assert collection["said"] and not collection["message_left"]  # "no collection is open" went when one opened


def _collection_report(app, window, wait, folder: Path) -> dict:
    """A collection open (after the word that none is): the panels below scroll rather than push the window past
    the screen, and the word goes."""
    from vislab.core.collection import scan
    from vislab.ui import i18n

    i18n.install("en")
    window.collection_mode.show(True)
    said = window.messages.isVisible()
    view = window.collection_mode.open(scan(folder))
    wait(lambda: view.isVisible() and window.collection_mode.shown, 10)
    wait(lambda: False, 0.5)
    return {"said": said, "message_left": window.messages.isVisible(), "least": window.minimumSizeHint().height(),
            "windows": {w.objectName() or type(w).__name__: w.frameGeometry().getRect()
                        for w in app.topLevelWidgets() if w.isVisible()},
            "status_bar": window.statusBar().isVisible() and window.statusBar().geometry().bottom() < window.height()}


def _child(ini: str) -> None:
    """Open the window on this process's screen, in English and Spanish, normal and in presentation mode, on
    every panel; print what is off screen or cut off, as JSON."""
    import json
    import time

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from vislab.ui import i18n
    from vislab.ui.app import create_window
    from vislab.ui.settings import Settings

    app = QApplication([])
    app.setStyle("Fusion")

    def wait(condition, seconds: float = 60) -> None:
        end = time.monotonic() + seconds
        while not condition() and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    settings = Settings(QSettings(ini, QSettings.Format.IniFormat))
    settings.set("language", "en")
    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "chelsea.png"
    window = create_window([str(sample)], settings=settings)
    window.show()
    from vislab.ui.panels import PANELS

    wait(lambda: window._predictions is not None and window.tabs.count() == len(PANELS))
    views = []
    base = app.font().pointSizeF()

    def cut() -> list[str]:
        found = []
        for widget in app.allWidgets():
            if not widget.isVisible() or widget.window() is not window:
                continue
            if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and not widget.wordWrap()):
                if widget.text() and widget.width() < widget.minimumSizeHint().width():
                    found.append(f"{type(widget).__name__} {widget.text()!r}: {widget.width()} px, needs "
                                 f"{widget.minimumSizeHint().width()}")
        found += [f"prediction {label!r}" for label in window.predictions.cut_labels()]
        return found

    for language in ("en", "es"):
        i18n.install(language)
        for mode in ("normal", "presentation"):
            window.set_presentation(mode == "presentation")
            wait(lambda on=mode == "presentation": window.isFullScreen() == on, 5)
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                wait(lambda: False, 0.4)  # the panel lays itself out
                views.append({"language": language, "mode": mode, "panel": window.tabs.tabText(index),
                              "windows": {w.objectName() or type(w).__name__: w.frameGeometry().getRect()
                                          for w in app.topLevelWidgets() if w.isVisible()},
                              "status_bar": window.statusBar().isVisible()
                              and window.statusBar().geometry().bottom() < window.height(),
                              "cut": cut(), "panel_font": window.tabs.font().pointSizeF() / base})
    window.set_presentation(False)
    collection = _collection_report(app, window, wait, sample.parent)
    screen = window.screen().availableGeometry().getRect()
    window.close()
    window.session.runner.cancel_all()
    window.session.runner.wait(60_000)
    print(json.dumps({"screen": screen, "views": views, "collection": collection}))


if __name__ == "__main__":
    import sys

    _child(sys.argv[1])


# --- Concepts (F1) ----------------------------------------------------------------------------------------


def test_concepts_open_at_a_readable_width_with_their_pictures(qtbot, window):
    import tomllib

    from vislab.ui.glossary import CONCEPTS, PICTURE_WIDTH

    window.resize(1280, 760)
    window.show_concept(None)  # F1
    dock = window.concepts
    qtbot.waitUntil(lambda: dock.isVisible() and dock.width() >= PICTURE_WIDTH + 40)
    assert dock.text.viewport().width() >= PICTURE_WIDTH  # lines of words, not a word a line
    assert window.screen().availableGeometry().contains(dock.frameGeometry())
    pictured = {c.id for c in CONCEPTS if c.picture() is not None}
    assert {"convolution", "feature_map", "patch", "cnn_vs_vit"} <= pictured
    for row, concept in enumerate(CONCEPTS):
        dock.list.setCurrentRow(row)
        html = dock.text.toHtml()
        assert (f"{concept.id}.png" in html) == (concept.id in pictured)
        if concept.id in pictured:  # the picture is really drawn in the panel, not a broken-image icon
            image = dock.text.document().resource(dock.text.document().ResourceType.ImageResource,
                                                  _image_url(dock))
            assert image is not None and not image.isNull()
    packaged = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    assert "concepts/*.png" in packaged["tool"]["setuptools"]["package-data"]["vislab._resources"]


def _image_url(dock):
    from PySide6.QtCore import QUrl

    block = dock.text.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                return QUrl(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    raise AssertionError("no image in the Concepts text")


# --- Spanish: the ops' parameters -------------------------------------------------------------------------


def test_an_ops_parameters_are_named_in_spanish_and_still_set_the_ops_own_values(qtbot):
    from PySide6.QtWidgets import QComboBox, QLabel

    from vislab.core.ops import Step
    from vislab.ui import i18n
    from vislab.ui.panels.param_editor import ParamEditor
    from vislab.ui.texts import step_label

    i18n.install("es")
    try:
        editor = ParamEditor()
        qtbot.addWidget(editor)
        editor.edit(Step.make("rotate", angle=15.0))
        labels = [w.text() for w in editor.findChildren(QLabel)]
        assert "ángulo" in labels and "borde" in labels
        border = editor.editors["border"]
        assert isinstance(border, QComboBox) and border.itemText(border.findData("reflect")) == "reflejar"
        with qtbot.waitSignal(editor.changed) as changed:
            border.setCurrentIndex(border.findData("reflect"))
        assert dict(changed.args[0].params)["border"] == "reflect"  # the op's own word, for the core and CLI
        assert step_label(changed.args[0]) == "Rotar (ángulo=15, borde=reflejar)"
        editor.edit(Step.make("clahe"))
        assert {"límite", "teselas"} <= {w.text() for w in editor.findChildren(QLabel)}
    finally:
        i18n.install("en")


def test_a_long_class_name_wraps_onto_a_second_line_rather_than_being_cut(qtbot):
    from types import SimpleNamespace

    from vislab.ui.predictions_view import PredictionsView

    view = PredictionsView()
    qtbot.addWidget(view)
    name = "maillot, tank suit, swimming costume"
    view.set_predictions([SimpleNamespace(index=639, label=name, probability=0.4),
                          SimpleNamespace(index=281, label="tabby", probability=0.1)])
    view.resize(600, 200)
    one_line = view.row_height()
    assert view.label_lines() == 1 and view.cut_labels() == []
    view.resize(260, 200)  # Compare's column, or the predictions at a projector's font
    assert view.label_lines() == 2 and view.cut_labels() == [] and not view.is_elided(0)
    assert view.row_height() > one_line  # the rows make room for the second line
    view.set_thick(True)
    assert view.bar_height() >= QFontMetrics(view.font()).height() // 2  # thick, for the back of the room
