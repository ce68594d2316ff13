"""A small named registry: a dict that refuses duplicates and explains unknown names.

The same shape holds model specs, explanation methods and preprocessing ops.
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Iterator
from typing import Generic, Protocol, TypeVar

from .errors import UnknownNameError


class _Named(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_Named)


class Registry(Generic[T]):
    """Entries keyed by their ``id``, kept in registration order.

    Args:
        kind: what the entries are, in words ("model", "method"), used in messages.
        error: the exception raised for an unknown name.
    """

    def __init__(self, kind: str, error: type[UnknownNameError] = UnknownNameError) -> None:
        self.kind = kind
        self._error = error
        self._items: dict[str, T] = {}

    def register(self, item: T) -> T:
        """Add ``item``; a second entry with the same id is a programming error."""
        if item.id in self._items:
            raise ValueError(f"duplicate {self.kind} id {item.id!r}")
        self._items[item.id] = item
        return item

    def unregister(self, name: str) -> T:
        """Remove and return the entry called ``name`` (tests that register a made-up entry)."""
        return self._items.pop(name)

    def get(self, name: str) -> T:
        """Return the entry called ``name`` or raise an error that suggests close names."""
        try:
            return self._items[name]
        except KeyError:
            pass
        close = difflib.get_close_matches(name, self._items, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else f"; known: {', '.join(self._items)}"
        raise self._error(f"unknown {self.kind} {name!r}{hint}") from None

    def list(self, pattern: str | None = None) -> list[T]:
        """Entries whose id matches the shell-style ``pattern`` (all when None)."""
        if pattern is None:
            return list(self._items.values())
        return [v for k, v in self._items.items() if fnmatch.fnmatchcase(k, pattern)]

    def ids(self) -> list[str]:
        return list(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[T]:
        return iter(self._items.values())

    def __len__(self) -> int:
        return len(self._items)
