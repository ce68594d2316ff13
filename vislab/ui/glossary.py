"""Short explanations for students: what a convolution, a feature map, an attention head, a patch and a
class-activation map are, and how a CNN differs from a ViT. Each is shown next to the thing it explains (a
"?" button and its tooltip) and in the Concepts side panel (F1), there with a picture where one says more than
the text (``resources/concepts/<id>.png``, drawn by :mod:`vislab.ui.concept_pictures`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from ..resources import resources_dir
from .i18n import Retranslatable

#: The Concepts panel opens this many average characters wide (about 60 a line: readable), at least.
READABLE_CHARS = 60
#: A picture's width in the panel, in pixels (the PNGs are drawn at 640 px, shown smaller, sharp on high DPI).
PICTURE_WIDTH = 400


@dataclass(frozen=True)
class Concept:
    """One explanation: a title and a few sentences (English source text; translated when shown)."""

    id: str
    title: str
    text: str

    def translated(self) -> tuple[str, str]:
        return (QCoreApplication.translate("Glossary", self.title),
                QCoreApplication.translate("Glossary", self.text))

    def picture(self) -> Path | None:
        """Its picture, if it has one and the resources are here."""
        try:
            path = resources_dir() / "concepts" / f"{self.id}.png"
        except FileNotFoundError:
            return None
        return path if path.is_file() else None


CONCEPTS: tuple[Concept, ...] = (
    Concept("convolution", QT_TRANSLATE_NOOP("Glossary", "Convolution"), QT_TRANSLATE_NOOP(
        "Glossary",
        "A convolution slides a small filter (for example 3x3 pixels) over the whole image and, at every "
        "position, adds up the pixels weighted by the filter. The same filter is used everywhere, so a pattern "
        "is found wherever it is. The first layer's filters, shown in the Feature maps panel, learn edges, "
        "colours and simple textures.")),
    Concept("feature_map", QT_TRANSLATE_NOOP("Glossary", "Feature map"), QT_TRANSLATE_NOOP(
        "Glossary",
        "A feature map is one channel of a layer's output: the answer of one filter at every position. Bright "
        "means the pattern is present there. Early layers respond to edges and colours; deeper layers, with "
        "fewer and coarser positions, to parts such as eyes, wheels or fur.")),
    Concept("cam", QT_TRANSLATE_NOOP("Glossary", "Class-activation map"), QT_TRANSLATE_NOOP(
        "Glossary",
        "A class-activation map (CAM) shows which parts of the image raised the score of one class. Grad-CAM "
        "weighs each feature map of a late layer by how much the class score grows with it (its gradient) "
        "and adds them up. It is coarse, as coarse as that layer; check it with the randomised-weights "
        "sanity check: a map that does not change explains nothing.")),
    Concept("patch", QT_TRANSLATE_NOOP("Glossary", "Patch"), QT_TRANSLATE_NOOP(
        "Glossary",
        "A Vision Transformer cuts the image into square patches (16x16 pixels for ViT-B/16) and turns each "
        "into a vector, a token, like a word in a sentence. A 224x224 image gives 14x14 = 196 patches; a class "
        "token is added, and its final vector is what gets classified: N = HW/P² + 1 = 197 tokens.")),
    Concept("attention_head", QT_TRANSLATE_NOOP("Glossary", "Attention head"), QT_TRANSLATE_NOOP(
        "Glossary",
        "In every transformer block each token asks every other token how relevant it is (query times key) "
        "and takes a weighted mix of their values: that is attention. A block has several heads that do this "
        "in parallel, each with its own weights, so different heads can follow colour, position or shape. "
        "Attention rollout multiplies the blocks' attention to follow it from the output back to the patches.")),
    Concept("cnn_vs_vit", QT_TRANSLATE_NOOP("Glossary", "CNN versus ViT"), QT_TRANSLATE_NOOP(
        "Glossary",
        "A CNN is built with an inductive bias: it only looks at local neighbourhoods (small receptive fields "
        "that grow layer by layer) and uses the same filter everywhere. That lets it learn from less data and "
        "makes it lean on texture. A ViT has no such bias: from the first block every patch can attend to "
        "every other, globally, so it must learn locality from data (a lot of it) and tends to rely more on "
        "shape. Compare their maps and their robustness curves to see the difference.")),
)

_BY_ID = {c.id: c for c in CONCEPTS}


def concept(concept_id: str) -> Concept:
    return _BY_ID[concept_id]


class HelpButton(Retranslatable, QToolButton):
    """A small "?" that shows one explanation as its tooltip and opens it in the Concepts panel."""

    def __init__(self, concept_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.concept_id = concept_id
        self.setText("?")
        self.setAutoRaise(True)
        self.setObjectName(f"help_{concept_id}")
        self.clicked.connect(self._open)
        self.retranslate()

    def retranslate(self) -> None:
        title, text = concept(self.concept_id).translated()
        self.setToolTip(f"<b>{title}</b><p>{text}</p>")

    def _open(self) -> None:
        show = getattr(self.window(), "show_concept", None)
        if show is not None:
            show(self.concept_id)


class GlossaryDock(Retranslatable, QDockWidget):
    """The Concepts side panel: every explanation, one at a time."""

    conceptShown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Concepts"), parent)
        self.setObjectName("conceptsDock")
        self.list = QListWidget()
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        for c in CONCEPTS:
            item = QListWidgetItem(c.translated()[0])
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.text)
        split.setSizes([140, 400])
        self.setWidget(split)
        self.text.setMinimumWidth(self.readable_width() // 2)
        self.list.currentRowChanged.connect(self._on_row)
        self.list.setCurrentRow(0)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Concepts"))
        for row, c in enumerate(CONCEPTS):
            self.list.item(row).setText(c.translated()[0])
        self._on_row(self.list.currentRow())

    def _on_row(self, row: int) -> None:
        if row >= 0:
            c = CONCEPTS[row]
            title, text = c.translated()
            picture = c.picture()
            image = (f'<p align="center"><img src="{QUrl.fromLocalFile(str(picture)).toString()}" '
                     f'width="{PICTURE_WIDTH}"></p>' if picture else "")
            self.text.setHtml(f"<h3>{title}</h3>{image}<p>{text}</p>")
            self.conceptShown.emit(c.id)

    def readable_width(self) -> int:
        """Wide enough for lines of about :data:`READABLE_CHARS` characters and the pictures."""
        return max(self.fontMetrics().averageCharWidth() * READABLE_CHARS, PICTURE_WIDTH + 40)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._widen)  # once the window has laid the dock out

    def _widen(self) -> None:
        """Open at a readable width (a dock otherwise opens at its contents' minimum, a word a line). Where the
        window has no room to spare beside its picture and panels (a 1280 px screen), the panel floats over the
        window's right side instead, at that width."""
        window = self.parent()
        if not isinstance(window, QMainWindow) or self.isFloating() or self.width() >= self.readable_width():
            return
        window.resizeDocks([self], [self.readable_width()], Qt.Orientation.Horizontal)
        QTimer.singleShot(0, self._float_if_narrow)

    def _float_if_narrow(self) -> None:
        window = self.parent()
        if self.isFloating() or self.width() >= self.readable_width() or not self.isVisible():
            return
        self.setFloating(True)
        frame = window.frameGeometry()
        screen = window.screen().availableGeometry() if window.screen() is not None else frame
        margin = 16  # room for the floating panel's own frame
        width = min(self.readable_width(), screen.width() - 2 * margin)
        height = min(max(300, round(frame.height() * 0.8)), screen.height() - 3 * margin)
        x = min(frame.right(), screen.right()) - width - margin
        y = max(screen.top() + margin, frame.top() + (frame.height() - height) // 2)
        self.setGeometry(max(screen.left() + margin, x), y, width, height)

    def show_concept(self, concept_id: str) -> None:
        self.list.setCurrentRow([c.id for c in CONCEPTS].index(concept_id))
        self.show()
        self.raise_()
