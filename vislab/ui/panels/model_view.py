"""The Model's view panel: the model's own input pipeline, stage by stage, with a ViT's patch grid."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from ...core.analyses.results import ModelView
from ..i18n import Retranslatable
from ..image_row import ImageRow
from ..session import Session
from ..texts import error_text
from .common import ShowsAnalyses, hint


class ModelViewPanel(ShowsAnalyses, Retranslatable, QWidget):
    """The model's own input pipeline, stage by stage, with a ViT's patch grid over the crop."""

    ANALYSES = ("stages",)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.row = ImageRow()
        self.about = hint("")
        layout = QVBoxLayout(self)
        layout.addWidget(self.row, 1)
        layout.addWidget(self.about)
        session.feed("stages").ready.connect(self._on_result)
        session.feed("stages").failed.connect(self._on_failed)
        session.currentChanged.connect(self._clear)
        session.modelChanged.connect(self._clear)
        self._result = None

    def retranslate(self) -> None:
        if self._result is not None:
            self._on_result(self._result)

    def _on_failed(self, error: Exception, _slot=None) -> None:
        self._clear()
        self.about.setText(error_text(error))

    def _clear(self, *_args) -> None:
        self._result = None
        self.row.set_images([])
        self.about.setText("")

    def _on_result(self, view: ModelView) -> None:
        self._result = view
        layout = view.patches
        stages = [(name, draw_patch_grid(picture, layout.grid) if name == "cropped" and layout is not None else picture)
                  for name, picture in view.stages()]
        captions = {"original": self.tr("Original"), "resized": self.tr("Resized"),
                    "cropped": self.tr("Cropped: what the model sees"),
                    "normalised": self.tr("Normalised (shown de-normalised)")}
        self.row.set_images([(f"{captions[name]} · {img.shape[1]}x{img.shape[0]}", img) for name, img in stages])
        tokens = ""
        if layout is not None:
            h, w = layout.grid
            tokens = " " + self.tr("The crop is cut into {0} x {1} = {2} patches; each becomes a token, plus "
                                   "{3} prefix (class) token(s): N = {4} tokens.").format(
                h, w, h * w, layout.prefix, layout.tokens)
        self.about.setText(describe_pipeline(view.pipeline) + tokens)


def draw_patch_grid(image: np.ndarray, grid: tuple[int, int]) -> np.ndarray:
    """The image with the patch grid drawn over it in white."""
    out = image.copy()
    h, w = out.shape[:2]
    for r in range(1, grid[0]):
        out[round(r * h / grid[0]), :] = 255
    for c in range(1, grid[1]):
        out[:, round(c * w / grid[1])] = 255
    return out


def describe_pipeline(pipeline) -> str:
    """A model's input pipeline in one sentence, in the interface's language."""
    mean = ", ".join(f"{m:.3f}" for m in pipeline.mean)
    std = ", ".join(f"{s:.3f}" for s in pipeline.std)
    return QCoreApplication.translate(
        "ModelViewPanel", "Resize the shorter side to {0} px ({1}), crop the centre {2}x{3}, scale to [0, 1] and "
        "normalise with mean ({4}) and std ({5}).").format(pipeline.resize, pipeline.interpolation,
                                                          pipeline.crop[1], pipeline.crop[0], mean, std)
