"""Adding an analysis and a view over it takes one spec: the session schedules it with no other edit."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vislab.core.analyses import ANALYSES, Analysis
from vislab.core.images import read_image
from vislab.core.ops import Pipeline, Step
from vislab.ui.session import Session

LONG = 120_000


@dataclass(frozen=True)
class Brightness:
    image: int
    mean: float


def _brightness(request, context) -> Brightness:
    from vislab.core.analyses.builtin import fed_photo

    return Brightness(request.image, float(fed_photo(request).mean()))


def test_a_made_up_analysis_needs_one_spec_and_no_other_edit(qtbot, cat):
    ANALYSES.register(Analysis("brightness", ("image", "fed"), _brightness, Brightness, engine=False))
    session = Session()
    try:
        answers: list[Brightness] = []
        session.feed("brightness").ready.connect(answers.append)
        session.want("test view", {"brightness"})
        session.add_paths([cat])
        qtbot.waitUntil(lambda: len(answers) == 1, timeout=LONG)
        photo = read_image(cat)
        assert answers[0].image == 0 and answers[0].mean == float(photo.mean())

        session.set_top_k(3)  # not a dependency: nothing is recomputed
        pipeline = Pipeline((Step.make("brightness_contrast", beta=40),))
        session.set_pipeline(pipeline)  # not fed to the model yet: the same
        qtbot.wait(300)
        assert session.runner.wait(LONG) and len(answers) == 1

        session.set_feed_pipeline(True)  # now what it depends on changed
        qtbot.waitUntil(lambda: len(answers) == 2, timeout=LONG)
        assert answers[1].mean == float(pipeline.apply(photo).mean()) > answers[0].mean

        session.want("test view", ())  # nobody shows it: a change computes nothing
        session.set_feed_pipeline(False)
        qtbot.wait(300)
        assert session.runner.wait(LONG) and len(answers) == 2
        session.want("test view", {"brightness"})  # shown again: computed for what is chosen now
        qtbot.waitUntil(lambda: len(answers) == 3, timeout=LONG)
        assert np.isclose(answers[2].mean, photo.mean())
    finally:
        session.runner.cancel_all()
        session.runner.wait(LONG)
        ANALYSES.unregister("brightness")


def test_a_failure_crosses_as_the_exception_object(qtbot, tmp_path):
    from vislab.core.errors import ImageReadError, NotAnImageError

    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    session = Session()
    errors = []
    session.notify.connect(errors.append)
    session.add_paths([bad])
    qtbot.waitUntil(lambda: bool(errors), timeout=LONG)
    (error,) = errors
    assert isinstance(error, NotAnImageError) and isinstance(error, ImageReadError)
    assert error.path == str(bad) and session.images[0].error == error.reason
    session.runner.wait(LONG)


def test_only_the_last_of_many_pictures_is_handed_over_and_none_is_kept(qtbot):
    session = Session()
    handed: list[int] = []
    for n in range(20):  # an opacity slider dragged: each tick supersedes the one before
        session.run_task("overlay", lambda n=n: n, handed.append)
    qtbot.waitUntil(lambda: handed == [19], timeout=LONG)
    assert session.tasks.wait(LONG)
    qtbot.wait(50)
    assert handed == [19] and not session._callbacks  # no superseded task's callback (and its picture) is kept


def test_a_new_photo_does_not_stop_a_measurement(qtbot, cat):
    session = Session()
    measured, cancelled = [], []
    session.feed("measure").ready.connect(measured.append)
    session.feed("measure").cancelled.connect(lambda: cancelled.append(True))
    session.run("measure", model_id="efficientnet_lite0", passes=1)
    session.add_paths([cat])  # the first photo becomes current while the model is being timed
    qtbot.waitUntil(lambda: bool(measured), timeout=LONG)
    assert measured[0].measurement.model_id == "efficientnet_lite0" and not cancelled
    session.runner.cancel_all()
    session.runner.wait(LONG)


def test_choosing_the_method_again_retries_a_cancelled_explanation(qtbot, cat):
    session = Session()
    answers, cancelled = [], []
    session.feed("explain").ready.connect(answers.append)
    session.feed("explain").cancelled.connect(lambda: cancelled.append(True))
    session.want("test view", {"explain"})
    session.set_explain(method="scorecam")  # long enough to be stopped
    session.add_paths([cat])
    qtbot.waitUntil(lambda: session.runner.current(("explain", None)) is not None, timeout=LONG)
    session.cancel("explain")
    assert cancelled == [True]
    session.set_top_k(3)  # not what it depends on: it stays stopped
    qtbot.wait(300)
    assert session.runner.current(("explain", None)) is None
    session.set_explain(method="scorecam")  # the same choice again asks again
    qtbot.waitUntil(lambda: session.runner.current(("explain", None)) is not None, timeout=LONG)
    assert not answers
    session.runner.cancel_all()
    session.runner.wait(LONG)
