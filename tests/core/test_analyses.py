"""The registry of analyses: specs with dependencies, run here on real photos and the bundled model."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pytest

from vislab.core.analyses import (
    ANALYSES,
    DEPENDENCIES,
    Analysis,
    Choices,
    Context,
    Request,
    get_analysis,
    run_analysis,
)
from vislab.core.analyses.results import ModelView, Predictions, Previews
from vislab.core.errors import UnknownAnalysisError
from vislab.core.images import read_image
from vislab.core.ops import Pipeline, Step

CATS = range(281, 286)


@pytest.fixture(scope="module")
def photo(cat) -> np.ndarray:
    return read_image(cat)


def _request(photo, **choices) -> Request:
    return Request(0, photo, Choices(**choices))


@pytest.mark.parametrize("analysis", list(ANALYSES), ids=lambda a: a.id)
def test_each_key_changes_with_its_dependencies_and_nothing_else(analysis: Analysis, photo):
    base = _request(photo)
    changed = {"model": {"model_id": "vit_tiny_patch16_224"}, "device": {"device": "cuda"}, "top_k": {"top_k": 3},
               "pipeline": {"pipeline": Pipeline((Step.make("grayscale"),))},
               "fed": {"pipeline": Pipeline((Step.make("grayscale"),)), "feed_pipeline": True},
               "method": {"method": "eigencam"}, "target": {"target": 7}, "layer": {"layer": "blocks.1"},
               "head": {"head": 2}, "randomized": {"randomized": True}, "feature_layer": {"feature_layer": "bn2"}}
    assert set(changed) == set(DEPENDENCIES) - {"image"}
    for dependency, change in changed.items():
        other = replace(base, choices=replace(base.choices, **change))
        depends = dependency in analysis.depends or (dependency == "fed" and "pipeline" in analysis.depends)
        assert (analysis.key(other) != analysis.key(base)) == depends, dependency
    assert (analysis.key(replace(base, image=1)) != analysis.key(base)) == ("image" in analysis.depends)


def test_classify_runs_the_bundled_model_on_a_real_photo(photo):
    result = run_analysis("classify", _request(photo, top_k=3))
    assert isinstance(result, Predictions) and result.image == 0 and len(result.items) == 3
    assert result.items[0].index in CATS and result.model_id == "efficientnet_lite0"


def test_previews_carry_each_step_and_what_it_made(photo):
    pipeline = Pipeline((Step.make("grayscale"), Step.make("gaussian_blur", ksize=5)))
    result = run_analysis("previews", _request(photo, pipeline=pipeline))
    assert isinstance(result, Previews)
    assert [step for step, _ in result.steps] == list(pipeline.steps)
    assert result.input.shape == photo.shape and result.final is result.steps[-1][1]  # smaller than 512: as is
    expected = pipeline.apply(result.input, scale=result.input.shape[0] / photo.shape[0])
    assert np.array_equal(result.final, expected)


def test_the_model_view_names_its_stages(photo):
    view = run_analysis("stages", _request(photo))
    assert isinstance(view, ModelView) and view.patches is None
    assert view.cropped.shape == (224, 224, 3) and [name for name, _ in view.stages()][2] == "cropped"


def test_a_made_up_analysis_is_one_entry(photo):
    @dataclass(frozen=True)
    class Brightness:
        image: int
        mean: float

    spec = Analysis("brightness", ("image", "fed"), lambda r, c: Brightness(r.image, float(r.photo.mean())),
                    Brightness, engine=False)
    ANALYSES.register(spec)
    try:
        assert run_analysis("brightness", _request(photo)).mean == pytest.approx(float(photo.mean()))
        with pytest.raises(ValueError, match="duplicate"):
            ANALYSES.register(spec)
    finally:
        ANALYSES.unregister("brightness")
    with pytest.raises(UnknownAnalysisError, match="brightness"):
        get_analysis("brightness")


def test_an_unknown_dependency_is_refused():
    with pytest.raises(ValueError, match="colour"):
        Analysis("x", ("image", "colour"), lambda r, c: None, object)


def test_a_cancelled_context_stops_long_work(photo):
    from vislab.core.errors import Cancelled

    context = Context()
    context.cancel.set()
    with pytest.raises(Cancelled):
        run_analysis("explain", _request(photo, method="scorecam"), context)
