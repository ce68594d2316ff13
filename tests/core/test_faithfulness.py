"""Faithfulness scores against an independent implementation of the pinned definitions, on the bundled model."""

from __future__ import annotations

import dataclasses
import itertools
import threading

import cv2
import numpy as np
import pytest
import torch
from scipy.ndimage import gaussian_filter

from vislab.core.analyses import Choices, Context, Request, run_analysis
from vislab.core.analyses.results import FaithfulnessScores
from vislab.core.errors import ExplanationCancelled, MethodNotApplicableError, OptionError
from vislab.core.explain import explain
from vislab.core.faithfulness import (
    Faithfulness,
    curves,
    removal_order,
    road,
    score,
    score_methods,
)
from vislab.core.images import read_image

# --- the reference: the definitions, written again without vislab's code --------------------------------

def reference_order(heatmap: np.ndarray, h: int, w: int) -> np.ndarray:
    """Upsample with OpenCV's bilinear resize, rank highest first, ties by flattened index (lexsort)."""
    values = cv2.resize(heatmap.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR).ravel()
    return np.lexsort((np.arange(values.size), -values))


def reference_curves(model, tensor: torch.Tensor, heatmap: np.ndarray, target: int, steps: int):
    """One forward pass per point, on torch, each image built by a Python loop over the steps."""
    x = tensor.numpy().astype(np.float32)  # 3 x H x W, normalised
    _, h, w = x.shape
    order = reference_order(heatmap, h, w)
    # SciPy's Gaussian: sigma 5 truncated at one sigma is the 11-tap kernel; "mirror" reflects without the edge
    blur = np.stack([gaussian_filter(channel, sigma=5, mode="mirror", truncate=1.0) for channel in x])
    deletion, insertion = [], []
    for k in range(steps + 1):
        n = (k * h * w) // steps
        rows, cols = np.unravel_index(order[:n], (h, w))
        removed = x.copy()
        removed[:, rows, cols] = 0.0
        inserted = blur.copy()
        inserted[:, rows, cols] = x[:, rows, cols]
        for image, curve in ((removed, deletion), (inserted, insertion)):
            with torch.inference_mode():
                logits = model.module(torch.from_numpy(image)[None])
            curve.append(float(torch.softmax(logits, -1)[0, target]))
    return np.array(deletion), np.array(insertion)


def reference_area(curve: np.ndarray) -> float:
    dx = 1.0 / (len(curve) - 1)
    return float(sum((a + b) / 2 * dx for a, b in itertools.pairwise(curve)))


@pytest.fixture(scope="module")
def photo(cat) -> np.ndarray:
    return read_image(cat)


@pytest.fixture(scope="module")
def cam(lite0, photo):
    return explain(lite0, photo, "gradcam")


def test_areas_match_the_reference(lite0, cam):
    steps = 5
    result = score(lite0, cam.view, explanation=cam, steps=steps)
    tensor = lite0.pipeline.to_tensor(cam.view)
    deletion, insertion = reference_curves(lite0, tensor, cam.heatmap, cam.target, steps)
    assert len(result.deletion) == len(result.insertion) == steps + 1
    assert abs(result.deletion_auc - reference_area(deletion)) < 0.01
    assert abs(result.insertion_auc - reference_area(insertion)) < 0.01
    np.testing.assert_allclose(result.deletion, deletion, atol=0.01)
    np.testing.assert_allclose(result.insertion, insertion, atol=0.01)
    # the curves start and end where the definitions say: the photo, nothing (all zeros), the blur, the photo
    assert result.deletion[0] == pytest.approx(float(cam.probabilities[cam.target]), abs=1e-3)
    assert result.insertion[-1] == pytest.approx(float(cam.probabilities[cam.target]), abs=1e-3)
    assert result.target == cam.target and result.method == "gradcam"


def test_a_coarse_map_is_upsampled_bilinearly_like_the_reference(lite0, cam):
    coarse = cv2.resize(cam.heatmap, (7, 7), interpolation=cv2.INTER_AREA)
    tensor = lite0.pipeline.to_tensor(cam.view)
    upsampled = cv2.resize(coarse, (224, 224), interpolation=cv2.INTER_LINEAR).ravel()
    assert np.all(np.diff(upsampled[removal_order(coarse, (224, 224))]) <= 1e-6)  # highest first, to a rounding
    deletion, insertion = curves(lite0, tensor, coarse, cam.target, steps=3)
    expected = reference_curves(lite0, tensor, coarse, cam.target, 3)
    assert abs(reference_area(deletion) - reference_area(expected[0])) < 0.01
    assert abs(reference_area(insertion) - reference_area(expected[1])) < 0.01


def test_a_constant_map_removes_pixels_in_flattened_index_order(lite0, cam):
    flat = np.full((224, 224), 0.5, np.float32)
    np.testing.assert_array_equal(removal_order(flat, (224, 224)), np.arange(224 * 224))
    tensor = lite0.pipeline.to_tensor(cam.view)
    deletion, insertion = curves(lite0, tensor, flat, cam.target, steps=3)
    ref_deletion, ref_insertion = reference_curves(lite0, tensor, flat, cam.target, 3)
    np.testing.assert_allclose(deletion, ref_deletion, atol=1e-3)
    np.testing.assert_allclose(insertion, ref_insertion, atol=1e-3)
    # removing the top rows first is not removing the left columns first: the order is the raster order
    columns_first = np.ascontiguousarray(np.tile(np.linspace(1, 0, 224, dtype=np.float32), (224, 1)))
    assert not np.allclose(curves(lite0, tensor, columns_first, cam.target, steps=3)[0], deletion, atol=1e-3)


@pytest.mark.parametrize(("name", "label"), [("coffee.png", "espresso"),
                                           ("astronaut.png", "jersey, T-shirt, tee shirt")])
def test_a_map_on_the_object_deletes_better_than_its_mirror_image(lite0, samples, name, label):
    # Centred subjects: the espresso cup, the astronaut's suit. Grad-CAM's map lies on the coffee (a little left
    # of the centre) and on the suit's patch; mirrored, it falls beside them, and removing it first hurts the
    # answer less. Checked at the default 20 steps (and at 40); at 10, the coffee's coarse curve reverses the order.
    photo = read_image(samples / name)
    right = explain(lite0, photo, "gradcam")
    assert right.target_label == label
    mirrored = dataclasses.replace(right, heatmap=np.ascontiguousarray(right.heatmap[:, ::-1]))
    on_object, beside = score(lite0, photo, explanation=right), score(lite0, photo, explanation=mirrored)
    assert on_object.deletion_auc < beside.deletion_auc - 0.01


def test_road_goes_through_pytorch_grad_cams_classes(lite0, cam):
    from pytorch_grad_cam.metrics.road import ROADLeastRelevantFirst, ROADMostRelevantFirst
    from pytorch_grad_cam.utils.model_targets import ClassifierOutputSoftmaxTarget

    tensor = lite0.pipeline.to_tensor(cam.view)
    result = road(lite0, tensor, cam.heatmap, cam.target, percentiles=(50,))
    targets, batch, cams = [ClassifierOutputSoftmaxTarget(cam.target)], tensor[None], cam.heatmap[None]
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        morf = float(ROADMostRelevantFirst(50)(batch, cams, targets, lite0.module)[0])
        lerf = float(ROADLeastRelevantFirst(50)(batch, cams, targets, lite0.module)[0])
    assert result.percentiles == (50,)
    assert result.morf[0] == pytest.approx(morf, abs=1e-3) and result.lerf[0] == pytest.approx(lerf, abs=1e-3)
    assert -1 <= result.morf[0] <= 1 and -1 <= result.lerf[0] <= 1
    assert result.combined == pytest.approx((lerf - morf) / 2, abs=1e-3)
    assert set(result.to_dict()) == {"percentiles", "morf", "lerf", "combined", "seconds"}


def test_sanity_is_a_rank_correlation(lite0, photo):
    result = score(lite0, photo, "gradcam", steps=2, with_sanity=True)
    assert result.sanity is not None and -1.0 <= result.sanity <= 1.0
    assert result.road is None
    out = result.to_dict()
    assert set(out) == {"deletion_auc", "insertion_auc", "deletion_curve", "insertion_curve", "road", "sanity",
                        "seconds"}
    assert len(out["deletion_curve"]) == 3 and out["sanity"] == result.sanity


def test_each_method_gets_its_scores_or_its_error(lite0, photo):
    results = score_methods(lite0, photo, ["gradcam", "rollout", "eigencam"], steps=2)
    assert list(results) == ["gradcam", "rollout", "eigencam"]
    assert isinstance(results["rollout"], MethodNotApplicableError)
    assert isinstance(results["gradcam"], Faithfulness) and isinstance(results["eigencam"], Faithfulness)
    assert results["eigencam"].target == results["gradcam"].target  # a class-agnostic map follows the top-1


@pytest.mark.parametrize("steps", [0, -3, 1000, 2.5])
def test_bad_steps_are_refused(lite0, cam, steps):
    with pytest.raises(OptionError, match="steps must be a whole number"):
        score(lite0, cam.view, explanation=cam, steps=steps)


def test_cancelling_stops_scoring(lite0, cam):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExplanationCancelled):
        score(lite0, cam.view, explanation=cam, cancel=cancel)


def test_the_analysis_scores_the_chosen_method(photo):
    progress = []
    context = Context(progress=lambda done, total: progress.append((done, total)))
    result = run_analysis("faithfulness", Request(3, photo, Choices(method="eigencam")), context, steps=2,
                          tag="map")
    assert isinstance(result, FaithfulnessScores) and result.image == 3 and result.slot == "map"
    assert result.method == "eigencam" and result.scores.method == "eigencam"
    assert progress[-1] == (2, 2)



def test_a_collection_summary_gives_each_methods_mean_and_spread(lite0, photo, samples, tmp_path):
    import csv

    from matplotlib.figure import Figure

    from vislab.core.faithfulness import draw_spread, summarize, write_summary_csv

    coffee = read_image(samples / "coffee.png")
    per_image = [score_methods(lite0, image, ["eigencam", "rollout"], steps=2) for image in (photo, coffee)]
    (summary,) = summarize(per_image)  # rollout failed on both images: left out
    deletions = [results["eigencam"].deletion_auc for results in per_image]
    insertions = [results["eigencam"].insertion_auc for results in per_image]
    assert summary.method == "eigencam" and summary.images == 2
    assert summary.deletion_mean == pytest.approx(np.mean(deletions))
    assert summary.deletion_std == pytest.approx(np.std(deletions))
    assert summary.insertion_mean == pytest.approx(np.mean(insertions))
    assert summary.insertion_std == pytest.approx(np.std(insertions)) and summary.insertion_std > 0
    path = tmp_path / "summary.csv"
    write_summary_csv(path, [summary])
    with open(path, encoding="utf-8") as table:
        (row,) = list(csv.DictReader(table))
    assert row["method"] == "eigencam" and float(row["deletion_mean"]) == pytest.approx(summary.deletion_mean)
    figure = Figure()
    draw_spread(figure, per_image)
    assert [label.get_text() for label in figure.axes[0].get_yticklabels()] == ["eigencam"]
