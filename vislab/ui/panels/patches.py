"""The Patches panel: a ViT's crop cut into patches, and where one patch looks (click it)."""

from __future__ import annotations

import cv2
import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...core.heatmaps import overlay, unit_range
from ..glossary import HelpButton
from ..i18n import Retranslatable
from ..image_row import Picture
from ..legend import ColorLegend
from ..session import Session
from ..texts import error_text
from .common import ShowsAnalyses
from .model_view import draw_patch_grid

#: The chosen patch's outline.
OUTLINE = (255, 220, 0)
#: Pixels between the grid and the map in the panel's picture.
GAP = 12


class PatchPicture(Picture):
    """A picture that reports where it was clicked, as fractions of its width and height (of the picture's
    drawn size, from its top-left corner)."""

    clicked = Signal(float, float)

    def mousePressEvent(self, event) -> None:
        if self._pixmap is None:
            return
        size = self._pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x, y = event.position().x() / size.width(), event.position().y() / size.height()
        if 0 <= x < 1 and 0 <= y < 1:
            self.clicked.emit(x, y)


class PatchPanel(ShowsAnalyses, Retranslatable, QWidget):
    """For a ViT: the patch grid over the crop, the token count, and one patch's attention over the others
    for a chosen layer and head. Clicking another patch or layer redraws at once (all the layers' attention
    is computed once per image)."""

    ANALYSES = ("patches",)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.result = None
        self._answer = None
        self.patch: tuple[int, int] | None = None
        self.layer = QComboBox()
        self.head = QComboBox()
        self.head.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.picture = PatchPicture("", smooth=False)
        self.picture.setMinimumSize(240, 120)
        self.legend = ColorLegend("inferno")  # beside the map: its weakest and strongest attention
        self.legend.setVisible(False)
        self.map_image: np.ndarray | None = None
        self.block_label, self.head_label = QLabel(), QLabel()
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel()
        self.caption.setWordWrap(True)

        controls = QHBoxLayout()
        controls.addWidget(self.block_label)
        controls.addWidget(self.layer)
        controls.addWidget(self.head_label)
        controls.addWidget(self.head)
        controls.addWidget(HelpButton("patch", self))
        controls.addWidget(HelpButton("attention_head", self))
        controls.addStretch(1)
        side = QVBoxLayout()
        side.addLayout(controls)
        side.addWidget(self.caption)
        side.addWidget(self.about)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.picture, 3)
        layout.addWidget(self.legend)
        layout.addLayout(side, 2)

        self.picture.clicked.connect(self._on_click)
        self.layer.currentIndexChanged.connect(lambda _i: self._draw())
        self.head.currentIndexChanged.connect(lambda _i: self._draw())
        session.feed("patches").ready.connect(self._on_result)
        session.feed("patches").failed.connect(self._on_failed)
        session.currentChanged.connect(self._clear)
        session.modelChanged.connect(self._on_model)
        self._clear()
        self.retranslate()

    def retranslate(self) -> None:
        self.layer.setToolTip(self.tr("The transformer block whose attention is shown (1 is the first)"))
        self.head.setToolTip(self.tr("One attention head, or the mean of all heads of the block"))
        self.picture.placeholder = self.tr("The patch view is for Vision Transformers")
        self.picture.setToolTip(self.tr("Click a patch to see where it looks"))
        self.block_label.setText(self.tr("Block"))
        self.head_label.setText(self.tr("Head"))
        if self.result is not None:
            self._fill_choices(force=True)
        if self._answer is not None:
            self._on_result(self._answer)
        elif self.result is None:
            self.about.setText(self.tr("Computing the attention of every layer…"))

    def _on_model(self, _model_id: str) -> None:
        for combo in (self.layer, self.head):
            combo.blockSignals(True)
            combo.clear()  # the next model may have other blocks and heads: its last block, all heads
            combo.blockSignals(False)
        self._clear()

    def _clear(self, *_args) -> None:
        self.result = self._answer = self.map_image = None
        self.picture.set_image(None)
        self.legend.setVisible(False)
        self.caption.setText("")
        self.about.setText(self.tr("Computing the attention of every layer…"))

    def _on_failed(self, error: Exception, _slot=None) -> None:
        self.about.setText(error_text(error))

    def _on_result(self, result) -> None:
        self._answer = result
        self.result = result.attention
        if self.result is None:
            self.about.setText(self.tr(
                "This model has no class token attending to every patch: a CNN slides small filters over the "
                "whole image, layer after layer, and Swin, FocalNet and the hybrids work on local windows or "
                "stages. Choose a Vision Transformer (ViT, DeiT) to see its image cut into patch tokens."))
            self.picture.set_image(None)
            return
        layout = self.result.layout
        self._fill_choices()
        if self.patch is None or self.patch[0] >= layout.grid[0] or self.patch[1] >= layout.grid[1]:
            self.patch = (layout.grid[0] // 2, layout.grid[1] // 2)
        (h, w), (ph, pw), (rows, columns) = layout.crop, layout.patch, layout.grid
        self.about.setText(self.tr(
            "An image is worth 16x16 words: the {0} x {1} crop is cut into {2} x {3} px patches, {4} x {5} = {6} "
            "of them. Each patch becomes a token, plus {7} class token: N = HW/P² + {7} = {8} tokens. "
            "Click a patch to see where it looks.").format(w, h, pw, ph, rows, columns, layout.patches,
                                                          layout.prefix, layout.tokens))
        self._draw()

    def _fill_choices(self, force: bool = False) -> None:
        result = self.result
        tokens = result.layout.tokens  # every block's output: one vector per token
        for combo, items in ((self.layer, [self.tr("{0} of {1} · {2} tokens").format(i + 1, len(result.layers), tokens)
                                           for i in range(len(result.layers))]),
                             (self.head, [self.tr("mean of heads")] + [self.tr("head {0}").format(i)
                                                                      for i in range(result.heads)])):
            if force or combo.count() != len(items):
                keep = combo.currentIndex()
                combo.blockSignals(True)
                combo.clear()
                combo.addItems(items)
                if not 0 <= keep < len(items):  # a new model: its last block, the mean of its heads
                    keep = len(items) - 1 if combo is self.layer else 0
                combo.setCurrentIndex(keep)
                combo.blockSignals(False)

    def _on_click(self, x: float, y: float) -> None:
        """A click on either half (the grid or the map: both are the same crop) chooses a patch."""
        if self.result is None:
            return
        w = self.result.view.shape[1]
        px = x * (2 * w + GAP)
        if px >= w + GAP:
            px -= w + GAP
        elif px >= w:
            return  # the gap between them
        self.patch = self.result.layout.patch_at(px / w, y)
        self._draw()

    def _draw(self) -> None:
        result = self.result
        if result is None or self.patch is None:
            return
        layer = self.layer.currentIndex()
        head = self.head.currentIndex() - 1
        head = None if head < 0 else head
        weights = result.of_patch(self.patch, layer=layer, head=head)
        h, w = result.view.shape[:2]
        blocks = cv2.resize(unit_range(weights), (w, h), interpolation=cv2.INTER_NEAREST)
        self.map_image = self._outlined(overlay(result.view, blocks, 0.6, "inferno"))
        self.legend.set_ends(f"{float(weights.min()):.1%}", f"{float(weights.max()):.1%}",
                             self.tr("The share of the patch's attention each patch gets, from the least to the "
                                     "most (the colours are stretched between them)"))
        self.legend.setVisible(True)
        grid = self._outlined(draw_patch_grid(result.view, result.layout.grid))
        gap = np.full((h, GAP, 3), 255, np.uint8)
        self.picture.set_image(np.hstack([grid, gap, self.map_image]))
        row, column = self.patch
        self.caption.setText(self.tr(
            "Patch ({0}, {1}), block {2}, {3}: its strongest attention is {4:.1%} on one patch; {5:.1%} goes to "
            "the class token.").format(row, column, layer + 1, self.head.currentText(), float(weights.max()),
                                       result.to_prefix(self.patch, layer=layer, head=head)))

    def _outlined(self, image: np.ndarray) -> np.ndarray:
        (ph, pw), (row, column) = self.result.layout.patch, self.patch
        h, w = image.shape[:2]
        sy, sx = h / self.result.layout.crop[0], w / self.result.layout.crop[1]
        out = image.copy()
        cv2.rectangle(out, (round(column * pw * sx), round(row * ph * sy)),
                      (round((column + 1) * pw * sx) - 1, round((row + 1) * ph * sy) - 1), OUTLINE, 2)
        return out
