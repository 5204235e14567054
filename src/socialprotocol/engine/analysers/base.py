"""The analyser base class and registry.

An analyser is a small class with its data. The checker creates each once, calls ``load`` once
(explicitly, never at import), then ``analyse`` for every post. ``analyse`` must be fast: the
whole check of a 280-character post has a budget of 1 ms.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from socialprotocol.engine.model import Post, Signal
from socialprotocol.engine.textview import TextView

if TYPE_CHECKING:
    from socialprotocol.engine.directory import Directory
    from socialprotocol.engine.protocol.schema import Protocol


@dataclass(slots=True)
class Environment:
    """Everything an analyser may load its data from. Built once per checker."""

    protocol: Protocol
    directory: Directory | None = None
    options: dict[str, Any] = field(default_factory=dict)


class Analyser(ABC):
    name: ClassVar[str]
    categories: ClassVar[frozenset[str]]

    @abstractmethod
    def load(self, env: Environment) -> None:
        """Load patterns, word lists or model files. Called once."""

    @abstractmethod
    def analyse(self, post: Post, view: TextView) -> Iterable[Signal]:
        """Return what this analyser finds in one post."""

    def covers(self, post: Post) -> frozenset[str]:
        """The categories this analyser can really check for this post.

        Override when a check needs something the post may lack (a timetable, decodable
        media): a category no analyser covers is reported as not checked, never as clean.
        """
        return self.categories


REGISTRY: dict[str, type[Analyser]] = {}

# Modules that register the default analysers, in the order they run. Add new ones here.
DEFAULT_MODULES: tuple[str, ...] = (
    "identifiers",
    "disclosure",
    "people",
    "sensitive",
    "decency",
    "media",
)

A = TypeVar("A", bound=type[Analyser])


def register(cls: A) -> A:
    if cls.name in REGISTRY and REGISTRY[cls.name] is not cls:
        raise ValueError(f"two analysers are called {cls.name!r}")
    REGISTRY[cls.name] = cls
    return cls


def default_analysers() -> list[type[Analyser]]:
    for module in DEFAULT_MODULES:
        importlib.import_module(f"socialprotocol.engine.analysers.{module}")
    return list(REGISTRY.values())


def registered(names: Iterable[str]) -> list[type[Analyser]]:
    default_analysers()
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise KeyError(f"unknown analyser(s): {unknown}")
    return [REGISTRY[n] for n in names]


Factory = Callable[[], Analyser]
