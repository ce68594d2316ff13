"""The course's small CNN, trained from random initialisation: conv-pool blocks, global pooling, a linear layer."""

from __future__ import annotations

import torch
from torch import nn

from ..preprocess import InputPipeline

__all__ = ["ARCH_ID", "SCRATCH_PIPELINE", "SmallCNN"]

#: The architecture id a from-scratch model file names as its base.
ARCH_ID = "vislab/small_cnn"
#: 64x64 inputs: the course's size for a network trained from scratch on a laptop.
SCRATCH_PIPELINE = InputPipeline(resize=64, crop=(64, 64), interpolation="bilinear",
                                 mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225), backend="pil")
#: Output channels of the conv-pool blocks.
WIDTHS = (32, 64, 128)


class SmallCNN(nn.Module):
    """Three blocks of 3x3 convolution, batch norm, ReLU and 2x2 max pooling, then global average pooling,
    dropout and the classifier. ``features.2`` (the last block) is where class-activation maps look."""

    def __init__(self, num_classes: int, widths: tuple[int, ...] = WIDTHS) -> None:
        super().__init__()
        blocks, channels = [], 3
        for width in widths:
            blocks.append(nn.Sequential(nn.Conv2d(channels, width, 3, padding=1), nn.BatchNorm2d(width),
                                        nn.ReLU(inplace=True), nn.MaxPool2d(2)))
            channels = width
        self.features = nn.Sequential(*blocks)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(0.2)
        self.classifier = nn.Linear(channels, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.pool(self.features(x)).flatten(1)
        return self.classifier(self.dropout(x))
