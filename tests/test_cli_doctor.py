"""``vislab doctor``: the parts vislab runs on, found where they are, and a clear list when one is missing."""

from __future__ import annotations

import json

import vislab.resources
from vislab.cli import main
from vislab.cli.doctor import PROBES
from vislab.resources import resources_dir


def test_doctor_finds_every_part_of_this_install(capsys):
    assert main(["doctor", "--json"]) == 0
    checks = {c["name"]: c for c in json.loads(capsys.readouterr().out)}
    assert list(checks) == [name for name, _probe, _required in PROBES]
    assert all(c["ok"] for c in checks.values()), [c for c in checks.values() if not c["ok"]]
    assert checks["resources"]["detail"].startswith(str(resources_dir()))
    assert "es" in checks["translations"]["detail"].split(", ")
    assert checks["bundled weights"]["detail"].endswith(".pth")
    assert checks["devices"]["detail"].startswith("CPU")
    assert "torchvision::nms" in checks["torchvision ops"]["detail"]


def test_doctor_names_what_is_missing(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(vislab.resources, "candidates", lambda: [tmp_path / "resources"])  # copied without them
    assert main(["doctor"]) == 1
    out, err = capsys.readouterr()
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "MISSING" in lines["resources"] and "resources folder is missing" in lines["resources"]
    assert "MISSING" in lines["translations"]
    assert " ok " in lines["torch"]
    assert err.strip() == "vislab: missing: resources, translations"
    assert "Traceback" not in out + err
