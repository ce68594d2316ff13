"""The bottom panels, one entry each: the window builds its tabs from :data:`PANELS`.

A panel is a view over the session: it asks for the analyses it shows while it is on screen
(:class:`~vislab.ui.panels.common.ShowsAnalyses`) and subscribes to their feeds. Adding a panel is one
view class and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ...core.registry import Registry
from ..session import Session


@dataclass(frozen=True)
class PanelSpec:
    """One bottom panel.

    Attributes:
        id: its name in the settings (the panel shown last is shown again).
        title: the tab's title, translated when shown (context ``MainWindow``).
        build: ``build(session, built)`` makes the panel; ``built`` holds the panels made before it, by id.
        deferred: made once the engine is loaded (the panels that draw with matplotlib), off the start-up path.
        tall: asks for half the window's height when shown.
    """

    id: str
    title: str
    build: Callable[[Session, dict[str, QWidget]], QWidget]
    deferred: bool = False
    tall: bool = False


def _explain(session: Session, built: dict) -> QWidget:
    from .explain import ExplainPanel

    return ExplainPanel(session)


def _features(session: Session, built: dict) -> QWidget:
    from .features import FeaturesPanel

    return FeaturesPanel(session)


def _preprocess(session: Session, built: dict) -> QWidget:
    from .preprocess import PreprocessPanel

    return PreprocessPanel(session)


def _model_view(session: Session, built: dict) -> QWidget:
    from .model_view import ModelViewPanel

    return ModelViewPanel(session)


def _patches(session: Session, built: dict) -> QWidget:
    from .patches import PatchPanel

    return PatchPanel(session)


def _compare(session: Session, built: dict) -> QWidget:
    from .compare import ComparePanel

    return ComparePanel(session)


def _sweep(session: Session, built: dict) -> QWidget:
    from .sweep import SweepPanel

    return SweepPanel(session, built["compare"])


def _catalog(session: Session, built: dict) -> QWidget:
    from .catalog import CatalogPanel

    return CatalogPanel(session)


def _teach(session: Session, built: dict) -> QWidget:
    from ..teach.panel import TeachPanel

    return TeachPanel(session)


PANELS: Registry[PanelSpec] = Registry("panel")
for _panel in (
    PanelSpec("explain", QT_TRANSLATE_NOOP("MainWindow", "Explain"), _explain),
    PanelSpec("features", QT_TRANSLATE_NOOP("MainWindow", "Feature maps"), _features, tall=True),
    PanelSpec("previews", QT_TRANSLATE_NOOP("MainWindow", "Preprocessing"), _preprocess),
    PanelSpec("stages", QT_TRANSLATE_NOOP("MainWindow", "Model's view"), _model_view),
    PanelSpec("patches", QT_TRANSLATE_NOOP("MainWindow", "Patches"), _patches, tall=True),
    PanelSpec("compare", QT_TRANSLATE_NOOP("MainWindow", "Compare"), _compare, deferred=True, tall=True),
    PanelSpec("sweep", QT_TRANSLATE_NOOP("MainWindow", "Experiments"), _sweep, deferred=True, tall=True),
    PanelSpec("catalog", QT_TRANSLATE_NOOP("MainWindow", "Models"), _catalog, deferred=True, tall=True),
    PanelSpec("teach", QT_TRANSLATE_NOOP("MainWindow", "Teach"), _teach, deferred=True, tall=True),
):
    PANELS.register(_panel)
