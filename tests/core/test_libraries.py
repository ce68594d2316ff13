"""The model libraries: every catalog entry has one, each builds its models, and the quirks stay inside."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest
import torch

from vislab.core import _onnx
from vislab.core.catalog import MODELS, get_spec
from vislab.core.errors import UnknownNameError, WeightsUnavailableError
from vislab.core.libraries import LIBRARIES, ModelLibrary, architecture, library
from vislab.core.libraries.timm_library import TimmLibrary
from vislab.core.weights import fetch_pretrained

INCEPTION = get_spec("torchvision/inception_v3")
RESNET18 = get_spec("torchvision/resnet18")
VIT_TINY = get_spec("vit_tiny_patch16_224")


@pytest.mark.parametrize("spec", list(MODELS), ids=lambda s: s.id)
def test_every_catalog_entry_has_its_library(spec):
    source = library(spec)
    assert isinstance(source, ModelLibrary) and source.id == spec.source
    assert source.weights_filename(spec) and source.url(spec).startswith("https://")


def test_the_registry_holds_each_library_once():
    assert LIBRARIES.ids() == ["timm", "torchvision"]
    with pytest.raises(ValueError, match="duplicate model library id 'timm'"):
        LIBRARIES.register(TimmLibrary())


def test_an_unknown_source_is_a_clear_error():
    spec = dataclasses.replace(RESNET18, source="keras")
    with pytest.raises(UnknownNameError, match=r"torchvision/resnet18: unknown model library 'keras'.*torchvision"):
        library(spec)
    with pytest.raises(UnknownNameError, match="'keras'"):
        architecture(spec)


@pytest.mark.parametrize("source", ["timm", "torchvision"])
def test_each_library_builds_its_models_on_the_meta_device(source):
    specs = [s for s in MODELS if s.source == source]
    assert specs
    for spec in specs:
        with torch.device("meta"):
            module = architecture(spec)
        assert module.get_submodule(spec.classifier).out_features == 1000, spec.id


@pytest.mark.parametrize("spec", [VIT_TINY, RESNET18], ids=lambda s: s.id)
def test_a_tiny_random_model_runs(spec):
    torch.manual_seed(0)
    module = architecture(spec).eval()
    pipeline = library(spec).input_pipeline(spec)
    with torch.inference_mode():
        logits = module(torch.zeros(1, 3, *pipeline.crop))
    assert logits.shape == (1, 1000)
    assert len(library(spec).labels(spec)) == 1000


def test_pipelines_and_labels_are_resolved_once():
    for spec in (VIT_TINY, RESNET18):
        source = library(spec)
        assert source.input_pipeline(spec) is source.input_pipeline(spec)
        assert source.labels(spec) is source.labels(spec)


def test_hub_ids_and_file_names():
    assert library(VIT_TINY).hub_id(VIT_TINY) == f"timm/{VIT_TINY.weights}"
    assert library(VIT_TINY).url(VIT_TINY) == f"https://huggingface.co/timm/{VIT_TINY.weights}"
    assert library(VIT_TINY).weights_filename(VIT_TINY) == "model.safetensors"
    assert library(RESNET18).hub_id(RESNET18) is None
    assert library(RESNET18).url(RESNET18).endswith("/" + RESNET18.weights_file)
    assert library(RESNET18).weights_filename(RESNET18) == RESNET18.weights_file


def test_the_offline_message_names_the_hub_file_for_a_timm_model():
    with pytest.raises(WeightsUnavailableError) as info:
        fetch_pretrained(VIT_TINY)
    message = str(info.value)
    assert f"get model.safetensors from https://huggingface.co/timm/{VIT_TINY.weights}" in message


def test_inception_builds_without_a_warning_and_its_input_transform_is_a_setting(recwarn):
    with torch.device("meta"):
        module = architecture(INCEPTION)
    assert not [w for w in recwarn if "init_weights" in str(w.message)]
    source = library(INCEPTION)
    assert source.settings(INCEPTION, module) == {"transform_input": False}
    module.transform_input = True  # what torchvision's pretrained Inception-v3 has
    settings = source.settings(INCEPTION, module)
    with torch.device("meta"):
        rebuilt = architecture(INCEPTION)
    source.apply_settings(INCEPTION, rebuilt, json.loads(json.dumps(settings)))
    assert rebuilt.transform_input is True
    with pytest.raises(ValueError, match="has no setting 'colour'"):
        source.apply_settings(INCEPTION, rebuilt, {"colour": True})


def test_other_models_have_no_settings():
    for spec in (RESNET18, VIT_TINY):
        with torch.device("meta"):
            assert library(spec).settings(spec, architecture(spec)) == {}


class _Exported:
    """What :func:`_onnx.export_model` reads of a loaded model."""

    def __init__(self, spec, module) -> None:
        self.spec, self.module = spec, module
        self.pipeline = library(spec).input_pipeline(spec)


def test_the_export_child_process_is_given_the_settings(monkeypatch, tmp_path):
    commands = []

    class Child:  # the export's child process, which here only takes its command
        returncode = 0

        def __init__(self, command, **_kwargs) -> None:
            commands.append(command)

        def communicate(self, timeout=None):
            return "", ""

    module = torch.nn.Linear(2, 2)
    module.transform_input = True
    monkeypatch.setattr(_onnx, "EXPORT_IN_CHILD", True)
    monkeypatch.setattr(_onnx.subprocess, "Popen", Child)
    _onnx.export_model(_Exported(INCEPTION, module), tmp_path / "x.onnx")
    assert json.loads(commands[0][-1]) == {"transform_input": True}


def test_the_export_child_process_applies_the_settings(monkeypatch, tmp_path):
    torch.manual_seed(0)
    source = architecture(INCEPTION)
    torch.save(source.state_dict(), tmp_path / "weights.pt")
    exported = []
    monkeypatch.setattr(_onnx, "export", lambda module, *_args: exported.append(module))
    monkeypatch.setattr(_onnx.torch, "set_num_threads", lambda _n: None)  # the child's, not this process's
    _onnx._export_main(INCEPTION.id, str(tmp_path / "weights.pt"), "299", "299", str(tmp_path / "x.onnx"),
                       '{"transform_input": true}')
    assert exported[0].transform_input is True
    assert torch.equal(exported[0].fc.weight, source.fc.weight)


def test_importing_the_libraries_imports_no_torch():
    code = ("import sys, vislab.core.libraries, vislab.core.weights as w, vislab.core.catalog as c; "
            "[w.weights_status(s) for s in c.MODELS]; print('torch' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.strip() == "False"
