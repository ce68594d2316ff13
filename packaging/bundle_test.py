"""The frozen app's smoke test (``make bundle-test``): run the bundle built by ``make bundle`` as a user would.

    python packaging/bundle_test.py [--bundle dist/vislab] [--reference .venv/bin/vislab]

Every run of the bundle gets a clean environment, as ``env -i`` gives: PATH=/usr/bin:/bin only (no venv, no
PYTHONPATH), HOME, the XDG folders, VISLAB_DATA_DIR and VISLAB_CACHE_DIR in a temporary folder, HF_HUB_OFFLINE=1
(no network) and QT_QPA_PLATFORM=offscreen. It checks that

- ``vislab doctor`` finds the resources (samples, the Spanish translation) and the bundled weights inside the
  bundle, and torchvision's compiled ops (``torchvision::nms``);
- ``vislab classify`` of the cat gives the top-5 of the source tree's ``vislab`` (the same classes, probabilities
  within 1e-4);
- ``vislab explain --method gradcam`` writes an overlay PNG: a real image, of the source tree's overlay's size and
  close to it;
- the window opens (offscreen) on the cat, shows its predictions and closes (VISLAB_QUIT_AFTER_PREDICTIONS);
- ``vislab classify --ray`` says to install the cluster extra, which the bundle leaves out;
- no output holds a traceback.

It ends with status 1 and the list of what failed, else 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
CAT = ROOT / "resources" / "samples" / "chelsea.png"
TIMEOUT = 600  # seconds for one command: a first model load on two busy cores


class Checker:
    """Runs the commands, collects what failed."""

    def __init__(self, bundle: Path, reference: Path, work: Path) -> None:
        self.bundle, self.reference, self.work = bundle, reference, work
        self.failures: list[str] = []

    def env(self, name: str) -> dict[str, str]:
        """A clean environment whose every folder is private to ``name``."""
        home = self.work / name
        folders = {"HOME": "home", "XDG_CONFIG_HOME": "config", "XDG_CACHE_HOME": "cache", "XDG_DATA_HOME": "data",
                   "XDG_STATE_HOME": "state", "VISLAB_DATA_DIR": "vislab-data", "VISLAB_CACHE_DIR": "vislab-cache"}
        env = {variable: str(home / folder) for variable, folder in folders.items()}
        for folder in env.values():
            Path(folder).mkdir(parents=True, exist_ok=True)
        # Offline: the hub told so, and any other HTTP request sent to a closed port on this machine.
        closed = "http://127.0.0.1:9"
        return env | {"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1", "QT_QPA_PLATFORM": "offscreen",
                      "http_proxy": closed, "https_proxy": closed, "HTTP_PROXY": closed, "HTTPS_PROXY": closed}

    def run(self, name: str, program: Path, *args: str, extra: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess | None:
        """``program args`` in a clean environment (in the work folder); None, and a failure, when it does not end
        in time. A traceback in its output is a failure."""
        start = time.perf_counter()
        try:
            done = subprocess.run([str(program), *args], capture_output=True, text=True, timeout=TIMEOUT,
                                  env=self.env(name) | (extra or {}), cwd=self.work, check=False)
        except subprocess.TimeoutExpired:
            self.fail(name, f"did not end within {TIMEOUT} s")
            return None
        print(f"  {name}: status {done.returncode} in {time.perf_counter() - start:.1f} s", flush=True)
        if "Traceback" in done.stdout + done.stderr:
            self.fail(name, "a traceback in its output:\n" + _tail(done.stdout + done.stderr))
        return done

    def fail(self, name: str, reason: str) -> None:
        self.failures.append(f"{name}: {reason}")
        print(f"  FAILED {name}: {reason}", flush=True)

    def expect(self, name: str, done: subprocess.CompletedProcess | None, status: int = 0) -> bool:
        """Whether ``done`` ended with ``status``; a failure, with its output, if not."""
        if done is None:
            return False
        if done.returncode != status:
            self.fail(name, f"status {done.returncode} (expected {status}):\n{_tail(done.stdout + done.stderr)}")
            return False
        return True


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join("    " + line for line in text.strip().splitlines()[-lines:])


def check_doctor(c: Checker) -> None:
    done = c.run("doctor", c.bundle / "vislab", "doctor", "--json")
    if not c.expect("doctor", done):
        return
    checks = {check["name"]: check for check in json.loads(done.stdout)}
    inside = str(c.bundle.resolve())
    for name in ("resources", "bundled weights"):
        if not checks[name]["detail"].startswith(inside):
            c.fail("doctor", f"{name} found outside the bundle: {checks[name]['detail']}")
    if "frozen app" not in checks["vislab"]["detail"]:
        c.fail("doctor", f"not the frozen app: {checks['vislab']['detail']}")
    print(f"    {checks['resources']['detail']}; translations {checks['translations']['detail']}; "
          f"{checks['torch']['detail']}; {checks['torchvision ops']['detail']}")


def _top5(c: Checker, name: str, program: Path, extra: dict[str, str] | None = None) -> list[dict] | None:
    done = c.run(name, program, "classify", str(CAT), "--json", extra=extra)
    if not c.expect(name, done):
        return None
    return json.loads(done.stdout)[0]["predictions"][:5]


def check_classify(c: Checker) -> None:
    frozen = _top5(c, "classify", c.bundle / "vislab")  # a first run: on torch, its export finished before it exits
    # The source tree's answer on torch alone: its background export is no part of what is compared.
    source = _top5(c, "classify (source tree)", c.reference, extra={"VISLAB_FAST": "0"})
    if frozen is None or source is None:
        return
    if [p["index"] for p in frozen] != [p["index"] for p in source]:
        c.fail("classify", f"top-5 {[p['index'] for p in frozen]}, the source tree's {[p['index'] for p in source]}")
    worst = max(abs(a["probability"] - b["probability"]) for a, b in zip(frozen, source, strict=True))
    if worst > 1e-4:
        c.fail("classify", f"probabilities differ from the source tree's by up to {worst:.2e}")
    print(f"    top-1 {frozen[0]['label']} {frozen[0]['probability']:.4f}; largest difference {worst:.1e}")


def _overlay(c: Checker, name: str, program: Path) -> np.ndarray | None:
    out = c.work / f"overlay-{'source' if program == c.reference else 'frozen'}.png"
    done = c.run(name, program, "explain", str(CAT), "--method", "gradcam", "--save-overlay", str(out))
    if not c.expect(name, done):
        return None
    try:
        with Image.open(out) as image:
            if image.format != "PNG":
                c.fail(name, f"{out.name} is a {image.format}, not a PNG")
            return np.asarray(image.convert("RGB"), dtype=np.float32)
    except OSError as exc:
        c.fail(name, f"no readable overlay: {exc}")
        return None


def check_explain(c: Checker) -> None:
    frozen, source = _overlay(c, "explain", c.bundle / "vislab"), _overlay(c, "explain (source tree)", c.reference)
    if frozen is None or source is None:
        return
    if frozen.shape != source.shape:
        c.fail("explain", f"an overlay of {frozen.shape[1]}x{frozen.shape[0]}, the source tree's "
                          f"{source.shape[1]}x{source.shape[0]}")
        return
    difference = float(np.abs(frozen - source).mean())
    if frozen.std() < 10 or difference > 2.0:
        c.fail("explain", f"an overlay unlike the source tree's (mean difference {difference:.1f} of 255)")
    print(f"    {frozen.shape[1]}x{frozen.shape[0]} overlay; mean difference {difference:.2f} of 255")


def check_window(c: Checker) -> None:
    done = c.run("window", c.bundle / "vislab", str(CAT), extra={"VISLAB_QUIT_AFTER_PREDICTIONS": "1"})
    if not c.expect("window", done):
        return
    if not done.stdout.startswith("first predictions: tabby, tabby cat"):
        c.fail("window", f"not the cat's predictions: {done.stdout.strip()!r}")
    print(f"    {done.stdout.strip()}")


def check_ray(c: Checker) -> None:
    done = c.run("classify --ray", c.bundle / "vislab", "classify", str(CAT), "--ray", "--out", "ray-out")
    if c.expect("classify --ray", done, status=1) and "vislab[cluster]" not in done.stderr:
        c.fail("classify --ray", f"no word of the cluster extra: {done.stderr.strip()!r}")


CHECKS: list[Callable[[Checker], None]] = [check_doctor, check_classify, check_explain, check_window, check_ray]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "vislab", help="the built bundle's folder")
    parser.add_argument("--reference", type=Path, default=ROOT / ".venv" / "bin" / "vislab",
                        help="the source tree's vislab, whose answers the bundle's must match")
    options = parser.parse_args()
    for program in (options.bundle / "vislab", options.reference):
        if not program.is_file():
            print(f"bundle_test: {program} is missing (make bundle builds dist/vislab)", file=sys.stderr)
            return 1
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="vislab-bundle-test-") as work:
        checker = Checker(options.bundle, options.reference.absolute(), Path(work))
        for check in CHECKS:
            print(check.__name__.removeprefix("check_"), flush=True)
            check(checker)
    seconds = time.perf_counter() - start
    if checker.failures:
        print(f"\nbundle_test: {len(checker.failures)} failed ({seconds:.0f} s):", file=sys.stderr)
        for failure in checker.failures:
            print(f"- {failure}", file=sys.stderr)
        return 1
    print(f"\nbundle_test: the bundle {options.bundle} passed every check in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
