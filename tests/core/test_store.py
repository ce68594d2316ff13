"""The collection store: a real SQLite file keyed by content hash and model, float16 vectors, WAL, one writer;
damaged files set aside, newer layouts refused, older ones migrated, nothing pickled."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from pathlib import Path

import numpy as np
import pytest

from vislab.core import store as store_module
from vislab.core.collection import process, scan
from vislab.core.errors import StoreError
from vislab.core.store import APPLICATION_ID, SCHEMA_VERSION, Record, Store, data_dir, file_digest, model_key


def _record(path: Path, seed: int = 0, d: int = 16) -> Record:
    st = path.stat()
    rng = np.random.default_rng(seed)
    return Record(path, file_digest(path), st.st_size, st.st_mtime_ns / 1e9, (3, 1, 4), (0.5, 0.3, 0.1),
                  rng.normal(size=d).astype(np.float32), None, 1.25)


@pytest.fixture
def photo(tmp_path: Path, cat: Path) -> Path:
    path = tmp_path / "photos" / "cat.png"
    path.parent.mkdir()
    shutil.copy(cat, path)
    return path


def test_the_data_folder_follows_vislab_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("VISLAB_DATA_DIR", str(tmp_path / "here"))
    assert data_dir() == tmp_path / "here"
    with Store.open() as store:
        assert store.path == tmp_path / "here" / "collections.sqlite3" and store.path.is_file()
    monkeypatch.delenv("VISLAB_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "vislab"


def test_put_then_lookup_gives_the_record_back_with_a_float16_vector(tmp_path, photo):
    record = _record(photo)
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.put("model-a", [record])
        found = store.lookup("model-a", [photo])[photo]
        assert store.lookup("model-b", [photo]) == {}
    assert found.indices == (3, 1, 4) and found.probabilities == pytest.approx((0.5, 0.3, 0.1))
    assert found.entropy == 1.25 and found.digest == record.digest and found.size == record.size
    assert found.vector.dtype == np.float32
    assert np.array_equal(found.vector, record.vector.astype(np.float16).astype(np.float32))


def test_the_file_is_wal_with_raw_blobs_and_no_pickle(tmp_path, photo):
    path = tmp_path / "s.sqlite3"
    with Store.open(path) as store:
        store.put("m", [_record(photo, d=1280)])
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    indices, probs, vector = db.execute("SELECT indices, probabilities, vector FROM results").fetchone()
    assert len(vector) == 2 * 1280 and len(indices) == 3 * 4 and len(probs) == 3 * 4
    assert not any(blob.startswith(b"\x80") for blob in (indices, probs, vector))  # a pickle starts with 0x80
    db.close()


def test_an_unchanged_file_is_not_hashed_again_but_a_changed_one_is(tmp_path, photo):
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.put("m", [_record(photo)])
        st = photo.stat()
        data = bytearray(photo.read_bytes())
        data[-1] ^= 0xFF  # same size; the mtime put back: the pre-check cannot see the change
        photo.write_bytes(bytes(data))
        os.utime(photo, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert photo in store.lookup("m", [photo])
        os.utime(photo, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # now it looks changed: hashed, and missed
        assert store.lookup("m", [photo]) == {}


def test_a_touched_file_with_the_same_content_is_found_by_its_hash(tmp_path, photo):
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.put("m", [_record(photo)])
        st = photo.stat()
        os.utime(photo, ns=(st.st_atime_ns, st.st_mtime_ns + 5 * 10**9))
        found = store.lookup("m", [photo])
        assert photo in found and found[photo].mtime == pytest.approx(st.st_mtime_ns / 1e9 + 5)
        # the new mtime is remembered: the next lookup trusts the pre-check again
        assert store.known_files([photo])[os.path.abspath(photo)].mtime_ns == st.st_mtime_ns + 5 * 10**9


def test_a_moved_or_copied_file_is_recognised_by_its_content(tmp_path, photo):
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.put("m", [_record(photo)])
        moved = tmp_path / "elsewhere" / "renamed.png"
        moved.parent.mkdir()
        copied = tmp_path / "copy.png"
        shutil.copy(photo, copied)
        photo.rename(moved)
        found = store.lookup("m", [moved, copied, photo])
        assert set(found) == {moved, copied} and found[moved].path == moved
        assert found[moved].indices == found[copied].indices == (3, 1, 4)


def test_records_with_errors_are_not_stored(tmp_path, photo):
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.put("m", [Record(photo, "", 0, 0.0, error=f"{photo}: broken")])
        assert store.count() == 0


def test_the_model_key_is_stable_and_names_the_weights_and_the_pipeline(lite0):
    from vislab.core.loading import load_model

    key = model_key(lite0)
    again = load_model("efficientnet_lite0", device="cpu", fast_path=False)
    assert model_key(again) == key and key.startswith("efficientnet_lite0|weights=")
    assert model_key(lite0.randomized(0)) != key  # other weights
    assert '"resize":256' in key.replace(" ", "")


def test_readers_on_threads_while_one_writer_stores_batches(tmp_path, photo):
    copies = []
    for i in range(20):
        path = tmp_path / f"p{i}.png"
        path.write_bytes(photo.read_bytes() + bytes([i]))  # a different content each
        copies.append(path)
    failures: list[BaseException] = []
    with Store.open(tmp_path / "s.sqlite3") as store:
        def read() -> None:
            try:
                for _ in range(30):
                    assert len(store.lookup("m", copies)) <= len(copies)
            except BaseException as exc:
                failures.append(exc)

        readers = [threading.Thread(target=read) for _ in range(3)]
        for thread in readers:
            thread.start()
        for start in range(0, 20, 4):
            store.put("m", [_record(p, i) for i, p in enumerate(copies[start:start + 4])])
        for thread in readers:
            thread.join()
        assert not failures and len(store.lookup("m", copies)) == 20


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_file_is_set_aside_with_one_message_and_a_fresh_one_made(tmp_path, photo, damage):
    path = tmp_path / "s.sqlite3"
    if damage == "garbage":
        path.write_bytes(b"this is not a database, just some bytes " * 200)
    else:
        with Store.open(path) as store:
            store.put("m", [_record(photo, i) for i in range(1)])
            for i in range(60):
                other = tmp_path / f"o{i}.png"
                other.write_bytes(os.urandom(64))
                store.put("m", [_record(other, i, d=1280)])
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        data = path.read_bytes()
        path.write_bytes(data[:4096] + b"\x13" * 8192 + data[4096 + 8192:])  # pages overwritten
    with Store.open(path) as store:
        assert store.notice is not None and store.notice.startswith(f"{path}: the collection store was damaged")
        assert "set aside as s.sqlite3.corrupt-" in store.notice and "\n" not in store.notice
        assert store.count() == 0
        store.put("m", [_record(photo)])
        assert photo in store.lookup("m", [photo])
    aside = list(tmp_path.glob("s.sqlite3.corrupt-*"))
    assert len([a for a in aside if not str(a).endswith(("-wal", "-shm"))]) == 1
    with Store.open(path) as store:  # the fresh one is sound
        assert store.notice is None and store.count() == 1


def test_a_store_from_a_newer_vislab_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "s.sqlite3"
    Store.open(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match=rf"written by a newer vislab \(layout {SCHEMA_VERSION + 1}; this one reads "
                                         rf"up to {SCHEMA_VERSION}\)"):
        Store.open(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "s.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (text TEXT)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)


def test_an_older_layout_is_migrated_keeping_its_results(tmp_path, photo, monkeypatch):
    path = tmp_path / "s.sqlite3"
    with Store.open(path) as store:
        store.put("m", [_record(photo)])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(store_module._MIGRATIONS, SCHEMA_VERSION,
                        "ALTER TABLE results ADD COLUMN note TEXT; CREATE INDEX results_digest ON results (digest)")
    with Store.open(path) as store:
        assert photo in store.lookup("m", [photo])
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert "note" in [row[1] for row in db.execute("PRAGMA table_info(results)")]
    db.close()


def test_a_folder_that_cannot_be_made_is_one_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot be made"):
        Store.open(blocker / "sub" / "s.sqlite3")


def test_process_fills_the_store_that_a_second_store_object_reads(lite0, photo_folder, tmp_path):
    files = scan(photo_folder).files
    with Store.open(tmp_path / "s.sqlite3") as store:
        first = {r.path: r for batch in process(files, lite0, store, batch_size=5) for r in batch}
    with Store.open(tmp_path / "s.sqlite3") as store:
        found = store.lookup(model_key(lite0), list(files))
    assert set(found) == {p for p, r in first.items() if r.error is None}
    assert all(found[p].indices == first[p].indices for p in found)


def test_a_store_out_of_reach_is_one_message_and_never_set_aside(tmp_path):
    folder = tmp_path / "s.sqlite3"
    folder.mkdir()  # a folder where the file should be: cannot be opened, and is not damaged
    with pytest.raises(StoreError, match=rf"{folder}: the collection store cannot be opened"):
        Store.open(folder)
    assert folder.is_dir() and not list(tmp_path.glob("*.corrupt-*"))


def test_a_closed_store_says_so(tmp_path, photo):
    store = Store.open(tmp_path / "s.sqlite3")
    store.close()
    with pytest.raises(StoreError, match="the collection store is closed"):
        store.put("m", [_record(photo)])
    with pytest.raises(StoreError, match="the collection store is closed"):
        store.lookup("m", [photo])
