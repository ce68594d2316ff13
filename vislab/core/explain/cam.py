"""Class-activation maps through pytorch-grad-cam, on any catalog model.

The library does the hooks, the forward and backward passes and the scaling; vislab picks the layer,
lays transformer tokens out on their patch grid, and keeps the forward's probabilities.
"""

from __future__ import annotations

import math
import threading

import numpy as np
import torch

from ..errors import ExplanationCancelled, LayerError, check_cancel
from .layers import get_layer, spatial_reshape

#: Masked images Score-CAM scores per forward pass.
SCORECAM_BATCH = 32



class _ScoredBatches(torch.nn.Module):
    """Stands in for the model inside Score-CAM's scoring loop to report progress and allow cancelling."""

    def __init__(self, module: torch.nn.Module, cam, progress, cancel: threading.Event | None) -> None:
        super().__init__()
        self.module, self.cam, self.progress, self.cancel = module, cam, progress, cancel
        self.done = 0

    def forward(self, batch: torch.Tensor) -> torch.Tensor:
        check_cancel(self.cancel, ExplanationCancelled, "explanation cancelled")
        out = self.module(batch)
        self.done += batch.shape[0]
        if self.progress is not None:
            channels = self.cam.activations_and_grads.activations[0].shape[1]
            self.progress(min(self.done, channels), channels)
        return out


def _differentiable_output(_module, _args, output):
    if isinstance(output, torch.Tensor) and not output.requires_grad:
        # A copy of the leaf, not the leaf: the next layer may work in place (DenseNet's and ResNet's
        # ReLU(inplace=True), a residual +=), which autograd refuses on a leaf.
        return output.detach().requires_grad_(True).clone()
    return None


def run_cam(model, tensor: torch.Tensor, cam_class: type, layer_name: str, target: int | None,
            progress=None, cancel: threading.Event | None = None) -> tuple[np.ndarray, torch.Tensor]:
    """A CAM heatmap at the input's resolution (H x W in [0, 1]) and the forward's probabilities.

    Args:
        model: a :class:`~vislab.core.model.LoadedModel`.
        tensor: the model input, ``1 x 3 x H x W``.
        cam_class: a pytorch-grad-cam class (``GradCAM``...).
        layer_name: the target layer as ``named_modules()`` spells it.
        target: the class to explain; None explains the top-1 class.
    """
    from pytorch_grad_cam import ScoreCAM
    from pytorch_grad_cam.utils.model_targets import ClassifierOutputTarget

    module = model.module
    layer = get_layer(module, layer_name, model.spec.name)
    with model.lock, torch.enable_grad():
        # The weights are frozen and the input needs no gradient: the layer's output becomes the leaf the
        # gradients stop at, so the layers before it run without a graph and the backward pass is only as
        # long as the part of the network after it.
        leaf = layer.register_forward_hook(_differentiable_output)
        cam = cam_class(model=module, target_layers=[layer], reshape_transform=spatial_reshape(module, layer))
        if isinstance(cam, ScoreCAM):
            cam.batch_size = SCORECAM_BATCH
            cam.model = _ScoredBatches(module, cam, progress, cancel)
        try:
            targets = None if target is None else [ClassifierOutputTarget(target)]
            heatmap = cam(tensor.to(model.device), targets=targets)[0]
            probs = cam.outputs.detach().float().softmax(-1)[0].cpu()
        except (AttributeError, IndexError, TypeError, RuntimeError):  # RuntimeError: nothing to differentiate
            if cam.activations_and_grads.activations:
                raise
            raise LayerError(f"{model.spec.name}'s layer {layer_name!r} does not run when the model classifies "
                             "(it is only used in training)") from None
        finally:
            cam.activations_and_grads.release()
            leaf.remove()
    heatmap = np.nan_to_num(np.asarray(heatmap, dtype=np.float32))
    if not math.isfinite(float(heatmap.max())) or heatmap.max() <= 0:
        heatmap = np.zeros_like(heatmap)
    return np.clip(heatmap, 0.0, 1.0), probs
