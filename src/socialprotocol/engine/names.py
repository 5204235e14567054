"""Name knowledge: the directory's names and general Dutch name lists in one automaton.

Every name form (first name, nickname, surname with and without tussenvoegsel, "vd" spellings,
handles, hashtag spellings, public figures) is a key of one Aho-Corasick automaton over the
post's word tokens joined by single spaces, so a post is scanned once whatever the size of the
directory, and a hit is always a run of whole words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import ahocorasick
import yaml

from socialprotocol.engine.textview import fold

if TYPE_CHECKING:
    from socialprotocol.engine.directory import Person

TOKEN_RE = re.compile(r"\w+")
PREFIX_WORDS = frozenset(
    ["van", "de", "der", "den", "het", "'t", "te", "ten", "ter", "in", "op", "aan", "bij", "uit", "voor", "la", "le", "el", "al", "ben", "da", "di", "du", "dos", "del"]
)  # fmt: skip
# The ways people shorten a tussenvoegsel: "vd Berg", "v.d. Berg", "v/d Berg".
PREFIX_SHORT = {
    "van der": ("vd", "v d", "vander"),
    "van den": ("vd", "v d", "vanden"),
    "van de": ("vd", "v d", "vande"),
}


# Letters that fold() keeps but that people type without: "Yıldız" is written "Yildiz";
# fold() turns "İ" into "I", so a capital I left in folded text is that letter.
EXTRA_FOLD = str.maketrans(
    {"ı": "i", "İ": "i", "I": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "æ": "a"}
)


def name_fold(text: str) -> str:
    """fold() plus the letters above; one character for one character."""
    return fold(text).translate(EXTRA_FOLD)


@lru_cache(maxsize=65536)  # names repeat: 12,000 people share a few thousand name forms
def spaced(name: str) -> str:
    """The automaton key of a name: folded word tokens joined by one space."""
    return " ".join(TOKEN_RE.findall(name_fold(name)))


@dataclass(slots=True)
class Entry:
    """Everything one name form can be."""

    key: str
    first: list[int] = field(default_factory=list)  # people with this first name or nickname
    surname: list[int] = field(default_factory=list)  # people with this full surname
    core: list[int] = field(default_factory=list)  # people whose surname without prefix is this
    handle: list[int] = field(default_factory=list)
    joined: list[int] = field(default_factory=list)  # hashtag spelling: "lisayilmaz"
    general_first: bool = False
    general_surname: bool = False
    public: bool = False
    inflected: bool = False  # "jaydens": a first name with an s


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: frozenset[str]
    places: frozenset[str]
    ambiguous: frozenset[str]
    first_names: tuple[str, ...]
    surnames: tuple[str, ...]
    public: tuple[str, ...]
    cues: dict[str, frozenset[str]]
    before_cues: frozenset[str]  # titles, family words and greetings: a name may follow

    def is_word(self, key: str) -> bool:
        # two letters ("Bo", "Em", "Mo") are too often something else to count alone
        if len(key) <= 2 or key in self.ambiguous:
            return True
        return key in self.words and key not in self.cues["not_words"]


def _lines(name: str) -> list[str]:
    res = resources.files("socialprotocol.engine") / "data" / "names" / name
    text = res.read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def lexicon() -> Lexicon:
    res = resources.files("socialprotocol.engine") / "data" / "people.yaml"
    cues: dict[str, Any] = yaml.safe_load(res.read_text(encoding="utf-8"))
    sets = {k: frozenset(fold(str(w)) for w in v) for k, v in cues.items()}
    return Lexicon(
        words=frozenset(_lines("words-nl.txt")),
        places=frozenset(spaced(p) for p in _lines("places.txt")),
        ambiguous=sets["ambiguous"],
        first_names=tuple(_lines("first_names.txt")),
        surnames=tuple(_lines("surnames.txt")),
        public=tuple(_lines("public_figures.txt")),
        cues=sets,
        before_cues=sets["titles"] | sets["kin"] | sets["greetings"],
    )


def split_surname(prefix: str, last: str) -> tuple[str, str]:
    """('', 'van der Berg') -> ('van der', 'Berg'): exports put the tussenvoegsel anywhere."""
    if prefix or " " not in last:
        return prefix.strip(), last.strip()
    parts = last.split()
    i = 0
    while i < len(parts) - 1 and parts[i].lower() in PREFIX_WORDS:
        i += 1
    return " ".join(parts[:i]), " ".join(parts[i:])


class NameIndex:
    """The automaton and its entries for one directory (or none: general knowledge only)."""

    def __init__(self, people: list[Person]) -> None:
        self.lex = lexicon()
        self.people = people
        self._entries: dict[str, Entry] = {}
        for pos, person in enumerate(people):
            self._add_person(pos, person)
        for name in self.lex.first_names:
            e = self._entry(spaced(name))
            e.general_first = True
        for name in self.lex.surnames:
            pre, last = split_surname("", name)
            self._entry(spaced(f"{pre} {last}")).general_surname = True
            if pre:
                self._entry(spaced(last)).general_surname = True
        for name in self.lex.public:
            self._entry(spaced(name)).public = True
        self.automaton = ahocorasick.Automaton()
        for key, entry in self._entries.items():
            if key:
                self.automaton.add_word(f" {key} ", entry)
        if not self._entries:
            self.automaton.add_word(" \x00 ", Entry(""))
        self.automaton.make_automaton()
        # One-letter typos of the community's first names ("Jaiden" for "Jayden"): every name
        # with one letter left out points to the name (the symmetric-delete trick).
        self._typos: dict[str, list[str]] = {}
        for key, entry in self._entries.items():
            if not entry.first or entry.inflected or len(key) < 5 or not key.isalpha():
                continue
            if not self.lex.is_word(key):
                for variant in _deletions(key) | {key}:
                    self._typos.setdefault(variant, []).append(key)

    def typo_of(self, word: str) -> Entry | None:
        """The directory first name ``word`` is one typo away from, if exactly one."""
        if len(word) < 5 or word in self._entries:
            return None
        found = {k for v in _deletions(word) | {word} for k in self._typos.get(v, ())}
        found = {k for k in found if _one_edit(word, k)}
        return self._entries[found.pop()] if len(found) == 1 else None

    def _entry(self, key: str) -> Entry:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = Entry(key)
        return entry

    def _add_person(self, pos: int, person: Person) -> None:
        firsts = {spaced(person.first_name), spaced(person.nickname)} - {""}
        for first in firsts:
            self._entry(first).first.append(pos)
            if not first.endswith("s") and not self.lex.is_word(first + "s"):
                s_form = self._entry(first + "s")
                s_form.first.append(pos)
                s_form.inflected = True
        pre, last = split_surname(person.prefix, person.last_name)
        full = spaced(f"{pre} {last}")
        if full:
            self._entry(full).surname.append(pos)
        if pre:
            core = spaced(last)
            self._entry(core).core.append(pos)
            for short in PREFIX_SHORT.get(fold(pre).strip(), ()):
                self._entry(f"{short} {core}").surname.append(pos)
        for first in firsts:
            for sur in {full, spaced(last)} - {""}:
                self._entry((first + sur).replace(" ", "")).joined.append(pos)
        for _platform, handle in person.handles:
            self._entry(spaced(handle)).handle.append(pos)

    def scan(self, joined: str) -> list[tuple[int, int, Entry]]:
        """All hits as (start, end) offsets into ``joined`` (the word tokens with one space)."""
        hits = []
        for end, entry in self.automaton.iter(joined):
            # the key carries a space on each side; report the span of the words alone
            hits.append((end - len(entry.key), end, entry))
        return hits


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
