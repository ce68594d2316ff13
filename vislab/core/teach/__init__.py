"""Teach: train a classifier for your own classes (transfer learning, fine-tuning, a small CNN from scratch),
save it as one ``.safetensors`` file and load it back as a model every view can use. Qt-free."""

from .augment import AUGMENTATIONS, parse_augment, preview
from .dataset import MIN_IMAGES, UNBALANCED_RATIO, Dataset, DatasetError, split
from .trainer import Epoch, Mistake, Step, TrainConfig, TrainingCancelled, TrainResult, train

__all__ = ["AUGMENTATIONS", "MIN_IMAGES", "UNBALANCED_RATIO", "Dataset", "DatasetError", "Epoch", "Mistake", "Step",
           "TrainConfig", "TrainResult", "TrainingCancelled", "parse_augment", "preview", "split", "train"]
