"""The decency lexicon: words with a category, a tier and a weight, and compound splitting.

"kankerlijer" is a curse glued to a person word (name-calling), "kankerleuk" a curse glued to
an adjective (an intensifier, only swearing). Words are looked up in their plain form and, when
that fails, with doubled letters squeezed ("mongol" for "mongool", "kanker" for "kankerr").
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from socialprotocol.engine.analysers.decency.normalise import squeeze
from socialprotocol.engine.textview import fold

# Words whose squeezed form is an ordinary word ("negeer" -> "neger"): never squeeze to these.
_NO_SQUEEZE = frozenset(
    {"neger", "negers", "pot", "kip", "zak", "vet", "dik", "lul", "hoer", "kut"}
)
_LINKS = ("", "s", "e", "en", "n", "-")


@dataclass(frozen=True, slots=True)
class Entry:
    word: str
    category: str  # insult | hate | profanity
    tier: str  # strong | frame
    weight: float


@dataclass(frozen=True, slots=True)
class Compound:
    curse: str
    head: str
    kind: str  # insult (person head) | hate (group head) | intensifier


def _plain(word: str) -> str:
    return fold(word).replace("'", "").replace("’", "").replace("-", "")


def load_lexicon_data() -> dict[str, Any]:
    res = resources.files("socialprotocol.engine") / "data" / "decency" / "lexicon.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(res.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    return data


class Lexicon:
    def __init__(self, data: dict[str, Any]) -> None:
        self.entries: dict[str, Entry] = {}
        for category in ("insult", "hate_slurs"):
            cat = "insult" if category == "insult" else "hate"
            for tier, block in data[category].items():
                tier_name = "frame" if tier == "frame" else "strong"
                items = block.items() if isinstance(block, dict) else [(float(tier), block)]
                for weight, words in items:
                    for word in words:
                        key = _plain(word)
                        old = self.entries.get(key)
                        if old is None or (old.category == "insult" and cat == "hate"):
                            self.entries[key] = Entry(key, cat, tier_name, float(weight))
        self.profanity = frozenset(_plain(w) for w in data["profanity"])
        self.modifiers = frozenset(_plain(w) for w in data["insult_modifiers"])
        self.curses = tuple(
            sorted({_plain(w) for w in data["curse_prefixes"]}, key=len, reverse=True)
        )
        self._curse_starts = frozenset(c[:2] for c in self.curses)
        self.person_heads = frozenset(_plain(w) for w in data["person_heads"])
        self.intensified = frozenset(_plain(w) for w in data["intensified"])
        self.group_plural = frozenset(_plain(w) for w in data["groups"]["plural"])
        self.group_singular = frozenset(_plain(w) for w in data["groups"]["singular"])
        self.person_nouns = frozenset(_plain(w) for w in data["person_nouns"])
        self.friendly = frozenset(fold(w) for w in data["friendly"])
        self.frame_adjectives = frozenset(_plain(w) for w in data["frame_adjectives"])
        self.predicate_next = frozenset(_plain(w) for w in data["predicate_next"])
        self.disease_before = frozenset(_plain(w) for w in data["disease_before"])
        self.disease_after = frozenset(_plain(w) for w in data["disease_after"])
        self.origin_adjectives = frozenset(_plain(w) for w in data["groups"]["adjectives"])
        self.places = frozenset(_plain(w) for w in data["places"])
        self.identities = frozenset(_plain(w) for w in data.get("identities", ()))
        self.hostile = frozenset(_plain(w) for w in data["hostile"])
        self.suffixes = tuple(sorted((_plain(w) for w in data["insult_suffixes"]), key=len))
        self.emoji: dict[str, str] = {
            e.replace("\ufe0f", ""): cat for cat, items in data["emoji"].items() for e in items
        }
        self._canon: dict[str, str] = {}
        self._squeezed: dict[str, str] = {}
        for key in (*self.entries, *sorted(self.profanity)):
            sq = squeeze(key)
            if sq != key and len(sq) >= 3 and sq not in _NO_SQUEEZE and sq not in self.entries:
                self._squeezed.setdefault(sq, key)
        # Symmetric-delete index of long strong words, for misspellings.
        self._near: dict[str, str] = {}
        for key, entry in self.entries.items():
            if entry.tier == "strong" and entry.category == "insult" and len(key) >= 7:
                self._near.setdefault(key, key)
                for i in range(len(key)):
                    self._near.setdefault(key[:i] + key[i + 1 :], key)
        # Group names one typing error away ("mosilms"): corrected in the normalised text.
        self._near_group: dict[str, str] = {}
        for key in sorted(self.group_plural):  # sorted: the same answer in every process
            if len(key) >= 6:
                self._near_group.setdefault(key, key)
                for i in range(len(key)):
                    self._near_group.setdefault(key[:i] + key[i + 1 :], key)
        self._known = (
            set(self.entries) | self.profanity | set(self._squeezed) | self.person_nouns
            | self.group_plural | self.group_singular | self.origin_adjectives | self.places
            | self.person_heads
        )  # fmt: skip

    def near(self, word: str) -> Entry | None:
        """A strong insult or slur one typing error away (letter dropped, added, swapped)."""
        word = word.replace("y", "ij")
        hit = self._near.get(word)
        if hit is not None and hit[:3] != word[:3]:
            hit = None
        if hit is None:
            for i in range(len(word)):
                hit = self._near.get(word[:i] + word[i + 1 :])
                if hit is not None and hit[:3] == word[:3]:
                    break
                hit = None
        return None if hit is None else self.entries[hit]

    def near_group(self, word: str) -> str | None:
        """The protected group a misspelt word means ("mosilms" -> "moslims"), if any."""
        if len(word) < 6:
            return None
        for cand in (word, *(word[:i] + word[i + 1 :] for i in range(len(word)))):
            hit = self._near_group.get(cand)
            if hit is not None and hit[:2] == word[:2]:
                return hit
        return None

    def known(self, word: str) -> bool:
        return word in self._known or self.compound(word) is not None

    def canonical(self, word: str) -> str:
        """The lexicon's spelling of a plain word, undoing squeezed or stretched letters."""
        canon = self._canon.get(word)
        if canon is None:
            if word in self.entries or word in self.profanity:
                canon = word
            else:
                sq = squeeze(word)
                known_sq = sq in self.entries or sq in self.profanity
                if sq != word and len(sq) >= 3 and sq not in _NO_SQUEEZE and known_sq:
                    canon = sq  # "debiell", "sletttt" -> "debiel", "slet"
                else:
                    canon = self._squeezed.get(sq, word)
            if len(self._canon) < 100_000:  # a cache of words seen; bounded
                self._canon[word] = canon
        return canon

    def entry(self, word: str) -> Entry | None:
        return self.entries.get(self.canonical(word))

    def is_profanity(self, word: str) -> bool:
        return self.canonical(word) in self.profanity

    def compound(self, word: str) -> Compound | None:
        """Split a curse compound: kankerlijer, tyfushoer, kankerleuk, kkrmooi, kutschool."""
        if len(word) < 5 or word[:2] not in self._curse_starts:
            return None
        for curse in self.curses:
            if not word.startswith(curse) or len(word) - len(curse) < 2:
                continue
            rest = word[len(curse) :]
            for link in _LINKS:
                if link and not rest.startswith(link):
                    continue
                head = rest[len(link) :]
                if not head:
                    continue
                if head in self.group_plural or head in self.group_singular:
                    return Compound(curse, head, "hate")
                if head in self.person_heads or head in self.person_nouns:
                    return Compound(curse, head, "insult")
                if head in self.intensified:
                    return Compound(curse, head, "intensifier")
            return None
        return None
