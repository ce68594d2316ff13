"""Where a store key's weights came from: recorded with each put, listed per model id with counts, the key a command
can answer from without loading the model; a store from before sources (layout 1) is migrated, its keys kept."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import numpy as np
import pytest

from vislab.core import store as store_module
from vislab.core.collection import process
from vislab.core.store import APPLICATION_ID, SCHEMA_VERSION, Record, Store, file_digest, model_key, weights_source


def _record(path: Path, seed: int = 0) -> Record:
    st = path.stat()
    vector = np.random.default_rng(seed).normal(size=8).astype(np.float32)
    return Record(path, file_digest(path), st.st_size, st.st_mtime_ns / 1e9, (3, 1), (0.6, 0.2), vector, None, 1.0)


@pytest.fixture
def photos(tmp_path: Path, samples: Path) -> list[Path]:
    folder = tmp_path / "photos"
    folder.mkdir()
    return [Path(shutil.copy(samples / name, folder / name)) for name in ("chelsea.png", "coffee.png", "rocket.jpg")]


def test_sources_are_listed_per_model_id_with_their_counts(tmp_path, photos):
    weights = tmp_path / "w.pth"
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.put("resnet18|weights=aa|pipeline={}", [_record(p) for p in photos], "resnet18", source="pretrained")
        store.put("resnet18|weights=bb|pipeline={}", [_record(photos[0])], "resnet18", source=str(weights))
        store.put("resnet18|weights=bb|pipeline={}", [_record(photos[1])], "resnet18", source="w.pth")  # relative
        store.put("resnet18x|weights=cc|pipeline={}", [_record(photos[0])], "resnet18x", source="pretrained")
        listed = store.models("resnet18")
        assert [(m.key, m.model_id, m.sources, m.count) for m in listed] == [
            ("resnet18|weights=aa|pipeline={}", "resnet18", ("pretrained",), 3),
            ("resnet18|weights=bb|pipeline={}", "resnet18", tuple(sorted((str(weights), str(Path("w.pth").resolve())))),
             2)]
        assert {m.model_id for m in store.models()} == {"resnet18", "resnet18x"}
        ids = store.identify(photos)
        assert store.answering_key("resnet18", "pretrained", ids) == "resnet18|weights=aa|pipeline={}"
        assert store.answering_key("resnet18", str(weights), ids) is None  # it holds 2 of the 3 photos
        two = {p: ids[p] for p in photos[:2]}
        assert store.answering_key("resnet18", str(weights), two) == "resnet18|weights=bb|pipeline={}"
        assert store.answering_key("resnet18", "bundled", ids) is None


def test_two_keys_for_the_same_weights_are_no_answer(tmp_path, photos):
    with Store.open(tmp_path / "s.sqlite3") as store:
        for key in ("m|weights=aa|pipeline=old", "m|weights=aa|pipeline=new"):
            store.put(key, [_record(p) for p in photos], "m", source="bundled")
        assert store.answering_key("m", "bundled", store.identify(photos)) is None  # only the model knows its key


def test_process_records_where_the_weights_came_from(tmp_path, photos, lite0):
    with Store.open(tmp_path / "s.sqlite3") as store:
        for _batch in process(photos, lite0, store):
            pass
        [stored] = store.models("efficientnet_lite0")
        assert (stored.key, stored.sources, stored.count) == (model_key(lite0), ("bundled",), 3)


def test_weights_sources_are_resolved_files_or_origins(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert weights_source("bundled") == "bundled" and weights_source("randomised (bundled)") == "randomised (bundled)"
    assert weights_source("w.pth") == str(tmp_path.resolve() / "w.pth")
    assert weights_source(None, "pretrained") == "pretrained" and weights_source("") == ""


def test_a_store_from_before_sources_is_migrated_and_its_keys_still_read(tmp_path, photos):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)  # layout 1, as the vislab before sources wrote it
    for statement in store_module._statements(store_module._SCHEMA_1):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("INSERT INTO meta VALUES ('schema', '1')")
    record = _record(photos[0])
    db.execute("INSERT INTO models VALUES (?, ?, ?)", ("m|weights=aa|pipeline={}", "m", time.time()))
    db.execute("INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?)",
               ("m|weights=aa|pipeline={}", record.digest, np.asarray(record.indices, "<i4").tobytes(),
                np.asarray(record.probabilities, "<f4").tobytes(), 1.0, record.vector.astype("<f2").tobytes(),
                time.time()))
    db.close()
    with Store.open(path) as store:
        [stored] = store.models("m")
        assert (stored.description, stored.sources, stored.count) == ("m", (), 1)
        assert photos[0] in store.lookup(stored.key, [photos[0]])
        assert store.answering_key("m", "bundled", store.identify(photos[:1])) is None  # no source: load the model
        store.put(stored.key, [record], "m", source="bundled")  # a later run records it
        assert store.models("m")[0].sources == ("bundled",)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    db.close()


def test_a_file_the_key_lacks_is_let_off_only_when_excused(tmp_path, photos):
    unreadable = tmp_path / "photos" / "broken.jpg"
    unreadable.write_bytes(b"not a JPEG")
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.put("m|weights=aa|pipeline={}", [_record(p) for p in photos], "m", source="bundled")
        ids = store.identify([*photos, unreadable])
        assert store.answering_key("m", "bundled", ids) is None
        asked = []
        assert store.answering_key("m", "bundled", ids, lambda p: asked.append(p) or p == unreadable) == \
            "m|weights=aa|pipeline={}"
        assert asked == [unreadable]  # only the file without an answer is looked at
        assert store.answering_key("m", "bundled", ids, lambda p: False) is None


def test_a_weights_file_overwritten_with_other_weights_is_another_source(tmp_path, photos):
    # Retrained into the same file: the stored answers are those of the old weights, so no command may take
    # them for the new ones; once the file is gone (the weights stayed on the cluster), its path still serves.
    weights = tmp_path / "w.pth"
    weights.write_bytes(b"old weights")
    key = "resnet18|weights=aa|pipeline={}"
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.put(key, [_record(p) for p in photos], "resnet18", source=str(weights))
        (recorded,) = store.models("resnet18")[0].sources
        assert recorded == f"{weights}#{file_digest(weights)}"
        ids = store.identify(photos)
        assert store.answering_key("resnet18", str(weights), ids) == key
        time.sleep(0.01)
        weights.write_bytes(b"new weights, same name")
        assert store.answering_key("resnet18", str(weights), ids) is None
        weights.unlink()
        assert store.answering_key("resnet18", str(weights), ids) == key
        assert store_module.source_file(recorded) == str(weights)
