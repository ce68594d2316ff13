"""The collection store: every photo's top-k answer and feature vector, per model, in one SQLite file.

A result is keyed by the photo's content hash (a file's size and mtime are the fast pre-check that spares
hashing it again; a moved or copied file is found by its hash) and by :func:`model_key`: the model id, a hash
of its weights and its input pipeline. Vectors are float16 BLOBs, top-k answers small numpy BLOBs: nothing is
ever pickled. Each key remembers where its weights came from (:meth:`Store.put`'s ``source``: ``bundled``,
``pretrained``, ``random`` or a weights file's resolved path), so that a command can find the key of a model's
stored answers without loading it (:meth:`Store.answering_key`). The file is in WAL mode; readers read at once on
their own connections, and every write goes through one connection under one lock, one transaction per batch, so a
process killed mid-run loses at most the batch in flight. A damaged file is set aside (renamed
``*.corrupt-<timestamp>``) with one :attr:`Store.notice` and a fresh one made; a file from a newer vislab is refused
with a :class:`StoreError`, an older one migrated.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from .errors import StoreError

if TYPE_CHECKING:
    from .model import LoadedModel

#: The layout this vislab writes; a file with a higher ``user_version`` is refused, a lower one migrated.
SCHEMA_VERSION = 2
#: ``PRAGMA application_id`` of vislab's stores ("vslb"): another program's SQLite file is never read as one.
APPLICATION_ID = 0x76736C62
#: The store's file name in :func:`data_dir`.
FILE_NAME = "collections.sqlite3"
#: A record's mtime is a float of seconds (a quarter of a microsecond of precision today): the pre-check allows this.
_MTIME_SLACK_NS = 1000
#: How many paths one SQL statement asks about (SQLite allows 32766 variables).
_CHUNK = 900

_SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                    digest TEXT NOT NULL);
CREATE TABLE models (key TEXT PRIMARY KEY, description TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE results (model_key TEXT NOT NULL, digest TEXT NOT NULL, indices BLOB NOT NULL,
                      probabilities BLOB NOT NULL, entropy REAL, vector BLOB, created REAL NOT NULL,
                      PRIMARY KEY (model_key, digest)) WITHOUT ROWID;
"""

#: Layout 2: where each key's weights came from (one key may have several: the same weights from two files).
_SCHEMA_2 = """
CREATE TABLE sources (model_key TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (model_key, source)) WITHOUT ROWID;
"""

#: ``version -> SQL`` that brings a file at that version to the next one; 0 is a new, empty file.
_MIGRATIONS: dict[int, str] = {0: _SCHEMA_1, 1: _SCHEMA_2}
#: Where weights that are not a file came from, as :attr:`LoadedModel.weights` says.
ORIGINS = ("bundled", "pretrained", "random")


def data_dir() -> Path:
    """Where vislab keeps its data: ``$VISLAB_DATA_DIR``, else the platform's user-data folder."""
    if os.environ.get("VISLAB_DATA_DIR"):
        return Path(os.environ["VISLAB_DATA_DIR"]).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "vislab"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "vislab"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share").expanduser() / "vislab"


@dataclass(frozen=True)
class Record:
    """One photo's result under one model (or the error that stopped it).

    Attributes:
        path: the file.
        digest: its content hash ("" when it could not be read).
        size, mtime: its size in bytes and modification time (seconds) when it was identified.
        indices, probabilities: the top-k classes, best first.
        vector: the pre-logits feature vector (float32 when read from the store; None for an error).
        error: one line naming the file and the reason, or None.
        full_entropy: the entropy (nats) of the whole probability distribution, computed before the top-k
            was kept; :attr:`entropy` uses it when present.
    """

    path: Path
    digest: str
    size: int
    mtime: float
    indices: tuple[int, ...] = ()
    probabilities: tuple[float, ...] = ()
    vector: np.ndarray | None = None
    error: str | None = None
    full_entropy: float | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.indices)

    @property
    def top1(self) -> int | None:
        """The most likely class index (None for an error)."""
        return self.indices[0] if self.indices else None

    @property
    def probability(self) -> float | None:
        """The top-1 probability."""
        return self.probabilities[0] if self.probabilities else None

    @property
    def margin(self) -> float | None:
        """Top-1 minus top-2 probability: small when the model hesitates between two classes."""
        if len(self.probabilities) < 2:
            return self.probability
        return self.probabilities[0] - self.probabilities[1]

    @property
    def entropy(self) -> float | None:
        """Entropy in nats of the full distribution (what the store keeps), or, for a record made without it,
        of the top-k renormalised."""
        if self.full_entropy is not None:
            return self.full_entropy
        if not self.probabilities:
            return None
        p = np.asarray(self.probabilities, dtype=np.float64)
        p = p[p > 0] / p.sum()
        return float(-(p * np.log(p)).sum())


class FileId(NamedTuple):
    """A file as the store knows it: content hash, size, modification time in nanoseconds."""

    digest: str
    size: int
    mtime_ns: int


def file_digest(path: str | Path) -> str:
    """The content hash of a file (BLAKE2b, 128 bits, hex).

    Raises:
        OSError: the file cannot be read.
    """
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def identify(paths: Sequence[Path], known: dict[str, FileId] | None = None, workers: int = 4) -> dict[Path, FileId]:
    """Each readable regular file's :class:`FileId`; ``known`` (absolute path -> id) spares hashing the
    files whose size and mtime are unchanged. Files that cannot be stat'ed or read are left out."""
    known = known or {}
    found: dict[Path, FileId] = {}
    to_hash: list[tuple[Path, int, int]] = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            continue
        if not _is_regular(st.st_mode):
            continue
        old = known.get(_key(path))
        if old is not None and old.size == st.st_size and abs(old.mtime_ns - st.st_mtime_ns) < _MTIME_SLACK_NS:
            found[path] = old
        else:
            to_hash.append((path, st.st_size, st.st_mtime_ns))

    def digest(item: tuple[Path, int, int]) -> tuple[Path, FileId | None]:
        path, size, mtime_ns = item
        try:
            return path, FileId(file_digest(path), size, mtime_ns)
        except OSError:
            return path, None

    if to_hash:  # hashlib lets go of the GIL: big photos hash in parallel
        with ThreadPoolExecutor(max(1, min(workers, len(to_hash))), thread_name_prefix="vislab-hash") as pool:
            for path, fid in pool.map(digest, to_hash):
                if fid is not None:
                    found[path] = fid
    return {p: found[p] for p in paths if p in found}


def _same(old: FileId | None, new: FileId) -> bool:
    return (old is not None and old.digest == new.digest and old.size == new.size
            and abs(old.mtime_ns - new.mtime_ns) < _MTIME_SLACK_NS)


def _is_regular(mode: int) -> bool:
    import stat

    return stat.S_ISREG(mode)


def _key(path: Path) -> str:
    return os.path.abspath(path)


def weights_source(weights: str | Path | None, default: str = "") -> str:
    """A weights' source as the store records it: ``bundled``, ``pretrained``, ``random`` (or a
    ``randomised (...)`` copy) as they are; a file as its path resolved (``~`` expanded, symlinks followed: the
    same file named two ways is one source) and, while the file is there, ``#`` and its content hash, so that a
    file overwritten with other weights is another source (``PATH#HASH`` given is kept as it is: a result file's
    row, fingerprinted where the file was); ``default`` when ``weights`` is None or empty."""
    if weights is None or not str(weights):
        return default
    text = str(weights)
    if text in ORIGINS or text.startswith("randomised"):
        return text
    named, mark, digest = text.rpartition("#")
    if mark and _DIGEST.fullmatch(digest):
        return f"{Path(named).expanduser().resolve()}#{digest}"
    path = Path(text).expanduser().resolve()
    fingerprint = _fingerprint(path)
    return f"{path}#{fingerprint}" if fingerprint else str(path)


_DIGEST = re.compile(r"[0-9a-f]{32}")
_fingerprints: dict[tuple[str, int, int], str] = {}


def _fingerprint(path: Path) -> str:
    """A weights file's content hash ("" when it is not there), hashed once per size and modification time."""
    try:
        stat = path.stat()
        if not _is_regular(stat.st_mode):
            return ""
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in _fingerprints:
            _fingerprints[key] = file_digest(path)
        return _fingerprints[key]
    except OSError:
        return ""


def source_file(source: str) -> str:
    """The weights file a :func:`weights_source` names, without its content hash (an origin as it is)."""
    named, mark, digest = source.rpartition("#")
    return named if mark and _DIGEST.fullmatch(digest) else source


def same_source(asked: str, recorded: Sequence[str]) -> bool:
    """Whether weights from ``asked`` (:func:`weights_source`) are those of one of the ``recorded`` sources: the
    same source, or, for a file that is no longer here to hash (its results made elsewhere, or before it was
    removed), the same path."""
    if asked in recorded:
        return True
    if "#" in asked or asked in ORIGINS:
        return False
    return any(r.rpartition("#")[0] == asked for r in recorded)


def key_model_id(key: str) -> str:
    """The catalog id a store key starts with (``id|weights=...|pipeline=...``)."""
    return key.split("|", 1)[0]


@dataclass(frozen=True)
class StoredModel:
    """One key of the store: its model id, where its weights came from, how many photos it holds.

    Attributes:
        key: the store key (:func:`model_key`).
        model_id: the catalog id it starts with.
        description: what it was stored with (the model id; the key itself in a store from before sources).
        sources: where its weights came from (:func:`weights_source`), sorted; empty for a key stored by a
            vislab that did not record them.
        count: the photos it holds an answer for.
    """

    key: str
    model_id: str
    description: str
    sources: tuple[str, ...]
    count: int


def model_key(model: LoadedModel) -> str:
    """The model's identity in the store: catalog id, a hash of its weights' values and its input pipeline
    (how photos are read and made into inputs). Stable across runs; computed once per loaded model. A
    torch-free model (:class:`~vislab.core.instant.InstantModel`) carries the key recorded when its export was
    checked against torch."""
    recorded = getattr(model, "store_key", None)
    if recorded:
        return recorded
    import torch

    def make() -> str:
        h = hashlib.blake2b(digest_size=12)
        for name, tensor in model.module.state_dict().items():
            t = tensor.detach().cpu().contiguous()
            h.update(f"{name}:{t.dtype}:{tuple(t.shape)};".encode())
            if t.numel():
                h.update(t.reshape(-1).view(torch.uint8).numpy())
        pipeline = json.dumps(asdict(model.pipeline), sort_keys=True, separators=(",", ":"))
        return f"{model.spec.id}|weights={h.hexdigest()}|pipeline={pipeline}|read=draft{model.pipeline.min_source_side}"

    return model.memo("store:model_key", make)


class Store:
    """The SQLite collection store. Make one with :meth:`open`; readers may call it from any thread.

    Attributes:
        path: the database file.
        notice: the one message when a damaged file was set aside and a fresh one made, else None.
    """

    def __init__(self, path: Path, notice: str | None = None) -> None:
        self.path = path
        self.notice = notice
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._writer = self._connect()
        self._closed = False

    @classmethod
    def open(cls, path: str | Path | None = None) -> Store:
        """Open (or make) the store at ``path`` (default ``data_dir() / FILE_NAME``).

        Raises:
            StoreError: the file was written by a newer vislab, is another program's database, or its folder
                cannot be made or written.
        """
        path = Path(path).expanduser() if path is not None else data_dir() / FILE_NAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path.parent}: the folder for vislab's collection store cannot be made "
                             f"({exc.strerror or exc}); set VISLAB_DATA_DIR to another folder") from None
        try:
            _prepare(path)
            return cls(path)
        except _Damaged as damaged:
            aside = _set_aside(path)
            try:
                _prepare(path)
            except (_Damaged, sqlite3.Error) as exc:
                raise StoreError(f"{path}: a fresh collection store cannot be made ({exc})") from None
            notice = (f"{path}: the collection store was damaged ({damaged}); it was set aside as {aside.name} "
                      "and a fresh one made (results will be computed again)")
            return cls(path, notice)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: the collection store cannot be opened ({exc})") from None

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = 30000")
        connection.execute("PRAGMA synchronous = NORMAL")  # safe in WAL mode: a crash never corrupts
        with self._connections_lock:
            self._connections.append(connection)
        return connection

    def _reader(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreError(f"{self.path}: the collection store is closed")
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._local.connection = self._connect()
        return connection

    def close(self) -> None:
        """Close every connection; the store cannot be used afterwards."""
        self._closed = True
        with self._connections_lock:
            for connection in self._connections:
                try:
                    connection.close()
                except sqlite3.Error:
                    pass
            self._connections.clear()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------------------------------

    def known_files(self, paths: Iterable[Path]) -> dict[str, FileId]:
        """What the store last saw of these files (absolute path -> :class:`FileId`)."""
        keys = [_key(p) for p in paths]
        found: dict[str, FileId] = {}
        db = self._reader()
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start:start + _CHUNK]
            rows = db.execute(f"SELECT path, digest, size, mtime_ns FROM files WHERE path IN "
                              f"({','.join('?' * len(chunk))})", chunk)
            found.update((path, FileId(digest, size, mtime)) for path, digest, size, mtime in rows)
        return found

    def identify(self, paths: Sequence[Path]) -> dict[Path, FileId]:
        """Each readable file's :class:`FileId`, hashing only the files whose size or mtime changed since the
        store last saw them (those are remembered)."""
        paths = [Path(p) for p in paths]
        known = self.known_files(paths)
        ids = identify(paths, known)
        changed = [(_key(p), fid) for p, fid in ids.items() if not _same(known.get(_key(p)), fid)]
        if changed:
            self._remember(changed)
        return ids

    def fetch(self, key: str, ids: dict[Path, FileId]) -> dict[Path, Record]:
        """The stored records under model ``key`` for identified files."""
        by_digest: dict[str, list[Path]] = {}
        for path, fid in ids.items():
            by_digest.setdefault(fid.digest, []).append(path)
        digests = list(by_digest)
        found: dict[Path, Record] = {}
        db = self._reader()
        for start in range(0, len(digests), _CHUNK):
            chunk = digests[start:start + _CHUNK]
            rows = db.execute("SELECT digest, indices, probabilities, entropy, vector FROM results WHERE "
                              f"model_key = ? AND digest IN ({','.join('?' * len(chunk))})", [key, *chunk])
            for digest, indices, probabilities, entropy, vector in rows:
                top = tuple(np.frombuffer(indices, dtype="<i4").tolist())
                probs = tuple(np.frombuffer(probabilities, dtype="<f4").tolist())
                vec = None if vector is None else np.frombuffer(vector, dtype="<f2").astype(np.float32)
                for path in by_digest[digest]:
                    fid = ids[path]
                    found[path] = Record(path, digest, fid.size, fid.mtime_ns / 1e9, top, probs, vec, None, entropy)
        return {p: found[p] for p in ids if p in found}

    def lookup(self, key: str, paths: Sequence[Path]) -> dict[Path, Record]:
        """The records still valid for these files under model ``key``: a file whose size and mtime are as
        the store saw them is not read again; any other is hashed, so a changed file is missed (and
        recomputed) and a moved or copied one found by its content."""
        return self.fetch(key, self.identify(paths))

    def models(self, model_id: str | None = None) -> list[StoredModel]:
        """The keys the store holds (for ``model_id`` only, when given), oldest first, each with where its
        weights came from and how many photos it holds."""
        db = self._reader()
        query = ("SELECT m.key, m.description, (SELECT COUNT(*) FROM results r WHERE r.model_key = m.key), "
                 "(SELECT group_concat(s.source, char(0)) FROM sources s WHERE s.model_key = m.key) FROM models m")
        args: tuple = ()
        if model_id is not None:
            query += " WHERE substr(m.key, 1, ?) = ?"
            args = (len(model_id) + 1, f"{model_id}|")
        rows = db.execute(query + " ORDER BY m.created, m.key", args).fetchall()
        return [StoredModel(key, key_model_id(key), description, tuple(sorted(sources.split("\0"))) if sources else (),
                            count) for key, description, count, sources in rows]

    def answering_key(self, model_id: str, source: str, ids: dict[Path, FileId],
                      excused: Callable[[Path], bool] | None = None) -> str | None:
        """The one key of ``model_id`` whose weights came from ``source`` (:func:`weights_source`) and that holds
        an answer for every identified file of ``ids`` (but those ``excused(path)`` lets off: a file that cannot
        be read has no answer under any key): a command can answer from it without loading the model. None when
        no key, or more than one, does (then only the loaded model knows its key)."""
        answer = self.answering(model_id, source, ids, excused)
        return answer[0] if answer is not None else None

    def answering(self, model_id: str, source: str, ids: dict[Path, FileId],
                  excused: Callable[[Path], bool] | None = None) -> tuple[str, dict[Path, Record]] | None:
        """:meth:`answering_key` with that key's records of ``ids`` (read once, to be used as they are)."""
        source = weights_source(source)
        found = []
        for stored in self.models(model_id):
            if not same_source(source, stored.sources):
                continue
            answered = self.fetch(stored.key, ids)
            lacking = [p for p in ids if p not in answered]
            if not lacking or (excused is not None and all(excused(p) for p in lacking)):
                found.append((stored.key, answered))
        return found[0] if len(found) == 1 else None

    def count(self, key: str | None = None) -> int:
        """How many results the store holds (under ``key``, or for every model)."""
        db = self._reader()
        if key is None:
            return db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        return db.execute("SELECT COUNT(*) FROM results WHERE model_key = ?", (key,)).fetchone()[0]

    # -- writing ----------------------------------------------------------------------------------------------

    def put(self, key: str, records: Sequence[Record], description: str = "", source: str = "") -> None:
        """Store ``records`` (those without an error) under model ``key``, in one transaction; ``description``
        is the model id, ``source`` where the weights came from (:attr:`LoadedModel.weights`: ``bundled``,
        ``pretrained``, ``random`` or a file's path, kept resolved)."""
        source = weights_source(source)
        now = time.time()
        rows, files = [], []
        for r in records:
            if r.error is not None or not r.digest or not r.indices:
                continue
            entropy = r.full_entropy if r.full_entropy is not None and math.isfinite(r.full_entropy) else None
            vector = None if r.vector is None else np.asarray(r.vector, dtype="<f2").tobytes()
            rows.append((key, r.digest, np.asarray(r.indices, dtype="<i4").tobytes(),
                         np.asarray(r.probabilities, dtype="<f4").tobytes(), entropy, vector, now))
            files.append((_key(r.path), r.size, round(r.mtime * 1e9), r.digest))
        if not rows:
            return

        def write(db: sqlite3.Connection) -> None:
            db.execute("INSERT OR IGNORE INTO models VALUES (?, ?, ?)", (key, description or key, now))
            if source:
                db.execute("INSERT OR IGNORE INTO sources VALUES (?, ?)", (key, source))
            db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", files)

        self._transaction(write)

    def _remember(self, files: Sequence[tuple[str, FileId]]) -> None:
        rows = [(path, fid.size, fid.mtime_ns, fid.digest) for path, fid in files]
        self._transaction(lambda db: db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", rows))

    def _transaction(self, write) -> None:
        """``write(connection)`` in one transaction on the one writing connection.

        Raises:
            StoreError: SQLite could not write (a full disk, a read-only file): nothing of it was kept.
        """
        if self._closed:
            raise StoreError(f"{self.path}: the collection store is closed")
        with self._write_lock:
            db = self._writer
            try:
                db.execute("BEGIN IMMEDIATE")
                try:
                    write(db)
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: results could not be stored ({exc})") from None


class _Damaged(Exception):
    """The file is not a readable SQLite database (its reason is the message)."""


def _prepare(path: Path) -> None:
    """Check the file at ``path`` (made when missing) and bring its layout to :data:`SCHEMA_VERSION`.

    Raises:
        _Damaged: the file is not a sound SQLite database.
        StoreError: it is sound but not vislab's, or from a newer vislab.
    """
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        try:
            db.execute("PRAGMA busy_timeout = 30000")
            app, version = (db.execute(f"PRAGMA {p}").fetchone()[0] for p in ("application_id", "user_version"))
            tables = db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
            check = db.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if _damage(exc):
                raise _Damaged(str(exc)) from None
            raise
        if check != "ok":
            raise _Damaged(f"integrity check: {check}")
        if app != APPLICATION_ID and (app != 0 or tables):
            raise StoreError(f"{path}: is an SQLite database of another program, not a vislab collection store; "
                             "move it away or set VISLAB_DATA_DIR to another folder")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{path}: the collection store was written by a newer vislab (layout {version}; this "
                             f"one reads up to {SCHEMA_VERSION}); update vislab, or set VISLAB_DATA_DIR to another "
                             "folder")
        db.execute("PRAGMA journal_mode = WAL")
        if version < SCHEMA_VERSION:
            db.execute("BEGIN IMMEDIATE")
            try:
                version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated it
                while version < SCHEMA_VERSION:
                    for statement in _statements(_MIGRATIONS[version]):
                        db.execute(statement)
                    version += 1
                    db.execute(f"PRAGMA user_version = {version}")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
    finally:
        db.close()


def _damage(exc: sqlite3.Error) -> bool:
    """True when ``exc`` says the file's content is damaged, not that it cannot be opened, is locked or is
    read-only (a file that is merely out of reach must never be set aside)."""
    name = getattr(exc, "sqlite_errorname", "")
    if name:
        return name in ("SQLITE_NOTADB", "SQLITE_CORRUPT")
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _set_aside(path: Path) -> Path:
    """Rename a damaged store (and its WAL files) to ``*.corrupt-<timestamp>``; the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            try:
                source.rename(Path(f"{aside}{suffix}"))
            except OSError as exc:
                raise StoreError(f"{path}: the collection store is damaged and cannot be set aside "
                                 f"({exc.strerror or exc}); remove it by hand") from None
    return aside
