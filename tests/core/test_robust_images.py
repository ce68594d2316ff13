"""Odd inputs lose nothing: thin images are refused within a memory ceiling, one file's failure never costs the
others their results, odd files say what they are, and PIL's warnings never reach stderr."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import threading
import warnings
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from vislab.core import errors, images
from vislab.core.images import MAX_ASPECT, check_aspect, read_image
from vislab.core.ops import Pipeline

#: Address space the child may add to what torch, the model and its threads already hold: today's code needs
#: 2.7 GB more for a 30000 x 3 PNG and 26 GB for a 100000 x 1 one.
HEADROOM = 1 << 30

#: Runs ``vislab classify`` in-process, once to bring torch, the model and the reading threads up, then under
#: an address-space ceiling of what it holds plus HEADROOM, once for each argument list; prints each run's
#: rc, stdout and stderr as JSON. A traceback ends the process with it on stderr.
CHILD = """
import contextlib, io, json, resource, sys
from vislab.cli import main

def run(args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(args)
    return {"rc": rc, "out": out.getvalue(), "err": err.getvalue()}

run(["classify", sys.argv[1], "--json"])
size = next(int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith("VmSize:"))
resource.setrlimit(resource.RLIMIT_AS, (size + int(sys.argv[2]), resource.RLIM_INFINITY))
print(json.dumps([run(json.loads(arguments)) for arguments in sys.argv[3:]]))
"""


def _strip(tmp_path: Path, width: int, height: int) -> Path:
    path = tmp_path / f"strip {width}x{height}.png"
    Image.fromarray(np.full((height, width, 3), 120, np.uint8)).save(path)
    return path


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="measures its address space in /proc")
def test_thin_images_are_one_line_each_within_a_memory_ceiling(tmp_path, samples, cat):
    wide, line = _strip(tmp_path, 30_000, 3), _strip(tmp_path, 100_000, 1)
    assert wide.stat().st_size < 1000 and line.stat().st_size < 1000
    coffee = samples / "coffee.png"
    batch = [str(cat), str(wide), str(coffee), str(line), str(cat)]
    runs = [["classify", *batch, "--json", "--top-k", "1"],
            ["classify", str(coffee), "--op", "resize:width=8192,height=1", "--json"]]
    child = subprocess.run([sys.executable, "-c", CHILD, str(coffee), str(HEADROOM), *map(json.dumps, runs)],
                           capture_output=True, text=True, timeout=300, check=False)
    assert child.returncode == 0 and "Traceback" not in child.stderr, child.stderr[-3000:]
    classified, resized = json.loads(child.stdout)

    assert classified["rc"] == 1
    assert classified["err"].splitlines() == [
        f"vislab: {path}: the image is {size} pixels ({ratio}), too thin to make into a model input: vislab "
        "takes aspect ratios up to 50:1 (the model would see only its centre); crop it or cut it into parts"
        for path, size, ratio in ((wide, "30000 x 3", "10,000:1"), (line, "100000 x 1", "100,000:1"))]
    results = json.loads(classified["out"])
    assert [r["image"] for r in results] == batch
    assert [r["predictions"][0]["label"] for r in results[::2]] == ["tabby, tabby cat", "espresso", "tabby, tabby cat"]
    assert "error" in results[1] and "error" in results[3]

    assert resized["rc"] == 1
    assert resized["err"].splitlines() == [
        f"vislab: {coffee}: resize: width=8192 and height=1 give an aspect ratio of 8,192:1, too thin for a model "
        "(vislab takes up to 50:1)"]
    assert "error" in json.loads(resized["out"])[0]


def test_panoramas_are_classified_and_the_limit_is_50_to_1(lite0, cat):
    photo = np.asarray(Image.open(cat).convert("RGB"))
    panorama = np.concatenate([photo] * 10, axis=1)  # 10:1, as a phone's 360 degrees
    assert lite0.pipeline(panorama).shape == (3, 224, 224)
    assert lite0.pipeline(np.zeros((4, 200, 3), np.uint8)).shape == (3, 224, 224)  # exactly 50:1
    assert MAX_ASPECT == 50
    check_aspect(2, 100)
    for h, w in ((2, 101), (101, 2), (0, 5)):
        with pytest.raises(errors.VislabError, match=r"too thin to make into a model input"):
            check_aspect(h, w)
    with pytest.raises(errors.VislabError, match=r"^the image is 30000 x 3 pixels \(10,000:1\)"):
        lite0.pipeline.stages(np.zeros((3, 30_000, 3), np.uint8))


def test_the_resize_op_is_bounded(cat):
    photo = np.asarray(Image.open(cat).convert("RGB"))
    assert Pipeline.parse(["resize:width=5000,height=100"]).apply(photo).shape == (100, 5000, 3)
    for width, height, ratio in ((8192, 1, "8,192:1"), (1, 60, "60:1")):
        with pytest.raises(errors.OpError, match=rf"^resize: width={width} and height={height} give an aspect "
                                                 rf"ratio of {ratio}, too thin"):
            Pipeline.parse([f"resize:width={width},height={height}"]).apply(photo)
    with pytest.raises(errors.OpError, match="between 1 and 8192, not 8193"):
        Pipeline.parse(["resize:width=8193"])


def _failing_on(shapes: dict[tuple[int, int], BaseException]):
    """A transform that raises the exception given for an image of that (height, width)."""
    def transform(image: np.ndarray) -> np.ndarray:
        if image.shape[:2] in shapes:
            raise shapes[image.shape[:2]]
        return image
    return transform


def _square(tmp_path: Path, name: str, height: int, width: int, value: int = 90) -> Path:
    path = tmp_path / name
    Image.fromarray(np.full((height, width, 3), value, np.uint8)).save(path)
    return path


@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_every_readable_image_keeps_its_result_whatever_happens_to_the_others(lite0, samples, cat, tmp_path,
                                                                              batch_size):
    good = [cat, samples / "coffee.png", samples / "grace_hopper.jpg", samples / "rocket.jpg"]
    raises = _square(tmp_path, "raises.png", 47, 61)
    memory = _square(tmp_path, "memory.png", 53, 59)
    text = tmp_path / "notes.jpg"
    text.write_text("not a photo")
    thin = _strip(tmp_path, 30_000, 3)
    paths = [raises, good[0], memory, good[1], text, good[2], thin, good[3]]
    transform = _failing_on({(47, 61): RuntimeError("the op broke"), (53, 59): MemoryError()})
    answers = list(lite0.classify_files(paths, top_k=3, batch_size=batch_size, transform=transform, draft=False))

    assert [path for path, _ in answers] == paths
    expected = lite0.classify_batch([read_image(p) for p in good], top_k=3)
    kept = [a for _, a in answers[1::2]]
    assert [[p.index for p in a] for a in kept] == [[p.index for p in a] for a in expected]
    assert np.allclose([[p.probability for p in a] for a in kept], [[p.probability for p in a] for a in expected],
                       atol=1e-5)
    failed = [a for _, a in answers[0::2]]
    assert all(isinstance(e, errors.ImageReadError) and e.path == str(p) for e, p in zip(failed, paths[0::2],
                                                                                        strict=True))
    assert [e.reason for e in failed[:2]] == ["failed while applying the ops to it (RuntimeError: the op broke)",
                                              "ran out of memory while applying the ops to it"]
    assert isinstance(failed[0].__cause__, RuntimeError) and isinstance(failed[1].__cause__, MemoryError)
    assert failed[1].__cause__.__traceback__ is None  # the error keeps no frames, nor their images, alive
    assert isinstance(failed[2], errors.NotAnImageError)
    assert "too thin to make into a model input" in failed[3].reason


def test_a_model_failing_on_one_image_of_a_batch_costs_only_that_one(lite0, samples, cat, tmp_path, monkeypatch):
    flat = _square(tmp_path, "flat.png", 100, 100, value=128)
    paths = [cat, flat, samples / "coffee.png"]
    forward = lite0.forward

    def failing(batch: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        if bool((batch.flatten(2).std(dim=2) == 0).all(dim=1).any()):
            raise MemoryError  # only a batch that holds the flat image
        return forward(batch)

    monkeypatch.setattr(lite0, "forward", failing)
    answers = dict(lite0.classify_files(paths, top_k=1))
    assert answers[cat][0].label == "tabby, tabby cat" and answers[samples / "coffee.png"][0].label == "espresso"
    assert isinstance(answers[flat], errors.ImageReadError)
    assert str(answers[flat]) == f"{flat}: ran out of memory while classifying it"


def test_a_symbolic_link_loop_says_so(tmp_path):
    os.symlink(tmp_path / "b.png", tmp_path / "a.png")
    os.symlink(tmp_path / "a.png", tmp_path / "b.png")
    with pytest.raises(errors.ImageNotFoundError, match=r"a.png: is a symbolic-link loop"):
        read_image(tmp_path / "a.png")
    os.symlink(tmp_path / "gone.png", tmp_path / "dangling.png")
    with pytest.raises(errors.ImageNotFoundError, match=r"dangling.png: is a symbolic link to a file that does not"):
        read_image(tmp_path / "dangling.png")
    with pytest.raises(errors.ImageNotFoundError, match=r"nope.png: no such file$"):
        read_image(tmp_path / "nope.png")


@pytest.mark.skipif(not os.access("/dev/zero", os.R_OK), reason="no readable /dev/zero here")
def test_a_device_says_it_is_a_device():
    with pytest.raises(errors.NotAnImageError, match=r"^/dev/zero: is a device \(a character device\), not an"):
        read_image("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("swapped", [False, True], ids=["seen", "swapped-after-the-check"])
def test_a_named_pipe_says_so_without_blocking(tmp_path, monkeypatch, swapped):
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    if swapped:  # a file replaced by a pipe between the check and the open: refused, never waited on
        monkeypatch.setattr(images, "_check_file", lambda path: None)
    pool = ThreadPoolExecutor(1)
    try:
        future = pool.submit(read_image, fifo)
        with pytest.raises(errors.NotAnImageError, match=r"pipe.png: is a named pipe \(FIFO\), not an image file"):
            future.result(timeout=20)
    finally:
        try:  # release a reader blocked on the pipe, if the test failed that way
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
        pool.shutdown()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _damaged_exif_jpeg(path: Path) -> Path:
    """A JPEG whose EXIF block has a tag whose data lies past its end (PIL warns and skips it)."""
    ifd = struct.pack("<H", 1) + struct.pack("<HHII", 0x010E, 2, 1000, 26) + struct.pack("<I", 0)
    Image.new("RGB", (8, 8), (10, 200, 30)).save(path, exif=b"Exif\x00\x00II*\x00" + struct.pack("<I", 8) + ifd)
    return path


def _cut_apng(path: Path) -> Path:
    """A PNG with an invalid animation chunk (PIL warns) whose pixel data is cut short."""
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
    pixels = zlib.compress(b"".join(b"\0" + b"\x80" * 12 for _ in range(4)))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + header + _chunk(b"acTL", struct.pack(">II", 0, 0))
                     + _chunk(b"IDAT", pixels[:5]))
    return path


def test_pil_warnings_never_reach_stderr(tmp_path, capfd, recwarn, monkeypatch):
    read = read_image(_damaged_exif_jpeg(tmp_path / "exif.jpg"))  # the pixels are fine: the warning is dropped
    assert read.shape == (8, 8, 3) and abs(int(read[4, 4, 1]) - 200) < 10
    with pytest.raises(errors.TruncatedImageError) as info:
        read_image(_cut_apng(tmp_path / "cut.png"))
    assert info.value.reason.startswith("the image is truncated or corrupt")
    assert info.value.reason.endswith("(the decoder also said: Invalid APNG, will use default PNG image if possible)")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # PIL's own lower limit warns; vislab's applies
    assert read_image(_square(tmp_path, "over PIL's limit.png", 40, 40)).shape == (40, 40, 3)
    assert [str(w.message) for w in recwarn] == []
    assert capfd.readouterr().err == ""
    assert warnings.showwarning is not images._pil_warnings._hook


def test_pil_warnings_are_collected_per_thread(tmp_path, recwarn):
    files = [_damaged_exif_jpeg(tmp_path / f"exif{i}.jpg") for i in range(8)]
    with ThreadPoolExecutor(4) as pool:
        assert all(r.shape == (8, 8, 3) for r in pool.map(read_image, files * 4))
    assert list(recwarn) == []
    with images._pil_warnings.collect() as said:  # a warning on another thread meanwhile is not swallowed
        elsewhere = threading.Thread(target=warnings.warn, args=("elsewhere",))
        elsewhere.start()
        elsewhere.join()
    assert said == [] and [str(w.message) for w in recwarn] == ["elsewhere"]
