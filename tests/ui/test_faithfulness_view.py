"""The faithfulness view over a real session and the bundled model: the map's areas and curves, the table of
methods (sortable, each with its time), cancelling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from vislab.ui.faithfulness_view import DELETION, INSERTION, METHOD, SECONDS, FaithfulnessView
from vislab.ui.session import Session

LONG = 300_000


@pytest.fixture
def session(qtbot, cat):
    session = Session()
    session.start_engine()
    session.add_paths([cat])
    qtbot.waitUntil(lambda: session.engine_ready and session.request() is not None, timeout=LONG)
    yield session
    session.stop()
    session.runner.wait(LONG)


@pytest.fixture
def view(qtbot, session):
    view = FaithfulnessView(session)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    return view


def _explanation(qtbot, session):
    answers = []
    session.feed("explain").ready.connect(answers.append)
    session.want("test", {"explain"})
    qtbot.waitUntil(lambda: bool(answers), timeout=LONG)
    session.want("test", ())
    return answers[-1]


def test_the_map_on_screen_gets_its_areas_and_curves(qtbot, session, view):
    result = _explanation(qtbot, session)
    view.show_explanation(result)
    assert "Scoring the map" in view.areas.text() and view.cancel.isVisible()
    qtbot.waitUntil(lambda: view.scores is not None, timeout=LONG)
    scores = view.scores
    assert scores.explanation is result.explanation and scores.method == "gradcam"
    text = view.areas.text()
    assert f"deletion area <b>{scores.deletion_auc:.3f}</b>" in text and f"<b>{scores.insertion_auc:.3f}</b>" in text
    assert "tabby" in text and not view.cancel.isVisible()
    left, right = view.figure.axes
    assert len(left.lines) == len(right.lines) == 1
    assert list(left.lines[0].get_ydata()) == list(scores.deletion)
    session.set_current(0)  # the same photo again: nothing changes
    view.clear()  # what a new photo or model does
    assert view.scores is None and "no map scored yet" in view.areas.text()
    assert not view.figure.axes[0].lines


def test_score_all_fills_a_sortable_table_with_times(qtbot, session, view):
    view.run_all(["gradcam", "eigencam", "layercam"])
    assert view.table.isVisible() and view.table.rowCount() == 3 and view.cancel.isVisible()
    assert "Scoring 1 of 3 methods" in view.state.text()
    qtbot.waitUntil(lambda: not view._pending, timeout=LONG)
    assert "3 methods scored" in view.state.text() and not view.cancel.isVisible()
    rows = {view.table.item(r, METHOD).data(Qt.ItemDataRole.UserRole): r for r in range(3)}
    assert set(rows) == {"gradcam", "eigencam", "layercam"}
    for row in rows.values():
        assert 0 <= view.table.item(row, DELETION).value <= 1 and 0 <= view.table.item(row, INSERTION).value <= 1
        assert view.table.item(row, SECONDS).value > 0
        assert view.table.item(row, DELETION).text() == f"{view.table.item(row, DELETION).value:.3f}"
    view.table.horizontalHeader().sectionClicked.emit(DELETION)  # a click on the header sorts by that column
    view.table.sortItems(DELETION, Qt.SortOrder.AscendingOrder)
    values = [view.table.item(r, DELETION).value for r in range(3)]
    assert values == sorted(values)
    view.table.sortItems(INSERTION, Qt.SortOrder.DescendingOrder)
    values = [view.table.item(r, INSERTION).value for r in range(3)]
    assert values == sorted(values, reverse=True)


def test_an_unsupported_method_is_a_row_with_its_reason(qtbot, session, view):
    view.run_all(["rollout"])
    qtbot.waitUntil(lambda: not view._pending, timeout=LONG)
    assert "does not apply to EfficientNet-Lite0" in view.table.item(0, DELETION).text()
    assert view.table.item(0, INSERTION).value is None


def test_cancelling_returns_to_a_clear_state(qtbot, session, view):
    view.run_all(["scorecam", "occlusion"])  # slow: still running when the person cancels
    qtbot.waitUntil(lambda: session.runner.current(("faithfulness", ("all", "scorecam"))) is not None,
                    timeout=LONG)
    qtbot.mouseClick(view.cancel, Qt.MouseButton.LeftButton)
    assert view.state.text() == "Cancelled." and not view.cancel.isVisible()
    assert not view._pending and view.table.item(0, DELETION).text() == "stopped"
    assert view.score_all.isEnabled()


def test_the_explain_panel_scores_its_map(qtbot, session):
    from vislab.ui.panels.explain import ExplainPanel

    panel = ExplainPanel(session)
    qtbot.addWidget(panel)
    panel.show()  # it asks for the explanation while on screen
    qtbot.waitUntil(lambda: panel.faithfulness.scores is not None, timeout=LONG)
    assert panel.faithfulness.scores.explanation is panel._result.explanation
    assert "deletion area" in panel.faithfulness.areas.text()


def test_each_compared_models_natural_map_gets_its_scores(qtbot, session, tmp_path):
    import torch

    from vislab.core.catalog import get_spec
    from vislab.core.libraries import architecture
    from vislab.ui.panels.compare import ComparePanel

    weights = tmp_path / "vit.pth"
    torch.manual_seed(0)
    torch.save(architecture(get_spec("vit_tiny_patch16_224")).state_dict(), weights)
    session.weights_files["vit_tiny_patch16_224"] = str(weights)
    panel = ComparePanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel.models.refresh()
    panel.models.check_only(["efficientnet_lite0", "vit_tiny_patch16_224"])
    panel.run.click()
    qtbot.waitUntil(lambda: len(panel._scored) == 2 and all(panel._scored.values()), timeout=LONG)
    lite0, vit = panel._scored[0], panel._scored[1]
    assert (lite0.model_id, lite0.method) == ("efficientnet_lite0", "gradcam")
    assert (vit.model_id, vit.method) == ("vit_tiny_patch16_224", "rollout")
    for column, scores in ((0, lite0), (1, vit)):
        text = panel.columns[column][2]
        assert text.isVisible() and f"deletion <b>{scores.deletion_auc:.3f}</b>" in text.text()
