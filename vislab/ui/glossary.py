"""Short explanations for students: what a convolution, a feature map, an attention head, a patch and a
class-activation map are, and how a CNN differs from a ViT. Each is shown next to the thing it explains (a
"?" button and its tooltip) and in the Concepts side panel (F1)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QSplitter, QTextBrowser, QToolButton, QWidget

from .i18n import Retranslatable


@dataclass(frozen=True)
class Concept:
    """One explanation: a title and a few sentences (English source text; translated when shown)."""

    id: str
    title: str
    text: str

    def translated(self) -> tuple[str, str]:
        return (QCoreApplication.translate("Glossary", self.title),
                QCoreApplication.translate("Glossary", self.text))


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
            self.text.setHtml(f"<h3>{title}</h3><p>{text}</p>")
            self.conceptShown.emit(c.id)

    def show_concept(self, concept_id: str) -> None:
        self.list.setCurrentRow([c.id for c in CONCEPTS].index(concept_id))
        self.show()
        self.raise_()
