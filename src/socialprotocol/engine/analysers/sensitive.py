"""Sensitive matters about a person (A2, C1): health, special categories, results, internal
matters.

A term ("epilepsie", "schooladvies", "geschorst") is a finding only when a person is linked to
it: named in the same sentence, described so that people know who it is ("het meisje uit groep
3", "de nieuwe juf van groep 5", "mijn zoon"), or referred to by a pronoun right after such a
sentence. "Er heerst griep" names no one and is fine; "vertrouwelijk" needs no person. The
evidence is the whole clause, so the fix removes the clause and the sentence still reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from importlib import resources
from typing import Any

import yaml

from socialprotocol.engine.analysers.base import Analyser, Environment, register
from socialprotocol.engine.analysers.people import Chosen, author_school, choose
from socialprotocol.engine.mentions import find_mentions
from socialprotocol.engine.model import Message, Post, Signal, TextEvidence
from socialprotocol.engine.names import NameIndex
from socialprotocol.engine.textview import TextView
from socialprotocol.engine.wordtrie import first_characters

CATEGORIES = ("health", "special_category", "school_result", "confidential")
# "[.!?] not after a digit" written with the character first, so that re can skip to the
# candidates in C: the same matches as (?<!\d)[.!?]+(?!\d).
_STOP = r"[.!?](?<!\d[.!?])[.!?]*(?!\d)"
_SENTENCE_END = re.compile(rf"{_STOP}|\n+")
_CLAUSE_END = re.compile(rf"[,;:()]|\s[-–]\s|{_STOP}|\n")
_WHY = {
    "health": Message("Over de gezondheid van een persoon.", "About a person's health."),
    "special_category": Message(
        "Over geloof, afkomst, geaardheid of gezinssituatie van een persoon.",
        "About a person's religion, origin, sexuality or family situation.",
    ),
    "school_result": Message("Over schoolresultaten van een persoon.", "About a person's results."),
    "confidential": Message(
        "Een interne of vertrouwelijke zaak.", "An internal or confidential matter."
    ),
}


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


class WordStartTerms:
    r"""``(?<![\w-])(?:(?P<group>(?:term)|...)follow|...)`` for lists of terms, tried only where a
    word starts with a character a term can start with.

    re tries every alternative at every word start; for a few hundred terms that was most of
    this analyser's time. Here each start character gets its own pattern with only the terms
    that can start with it, in the same order, so every match is the one the whole pattern
    would give. A term whose first character cannot be worked out keeps the whole pattern.
    """

    def __init__(self, groups: list[tuple[str, list[str], str]]) -> None:
        self.whole = re.compile(self._source(groups, lambda term: True))
        # "a|b" in a list of terms is the same as the terms "a" and "b" in that order.
        groups = [(name, [a for t in terms for a in _top_level(t)], f) for name, terms, f in groups]
        self.groups = groups
        firsts = [_first_chars(t) for _, terms, _ in groups for t in terms]
        self.firsts: list[tuple[frozenset[str], bool]] | None = None
        self.first = ""  # the characters a term can start with, for a character class
        if all(f is not None for f in firsts) and self.whole.match("") is None:
            self.firsts = [f for f in firsts if f is not None]
            chars = "".join(sorted({c for f, _ in self.firsts for c in f}))
            digit = r"\d" if any(d for _, d in self.firsts) else ""
            self.first = f"{re.escape(chars)}{digit}"
        self.by_char: dict[str, re.Pattern[str] | None] = {}

    @staticmethod
    def _source(groups: list[tuple[str, list[str], str]], keep: Callable[[int], bool]) -> str:
        alts, n = [], 0
        for name, terms, follow in groups:
            kept = [t for i, t in enumerate(terms, n) if keep(i)]
            n += len(terms)
            if kept:
                group = f"?P<{name}>" if name else "?:"
                alts.append(f"({group}(?:{_alternation(kept)}){follow})")
        return rf"(?<![\w-])(?:{'|'.join(alts)})" if alts else ""

    def _for(self, ch: str) -> re.Pattern[str] | None:
        assert self.firsts is not None
        firsts, decimal = self.firsts, ch.isdecimal()
        source = self._source(
            self.groups, lambda i: ch in firsts[i][0] or (decimal and firsts[i][1])
        )
        pattern = re.compile(source) if source else None
        if len(self.by_char) < 10_000:
            self.by_char[ch] = pattern
        return pattern

    def findall(self, text: str, starts: list[int] | None) -> list[re.Match[str]]:
        """What ``finditer`` of the whole pattern finds, left to right. ``starts`` are the
        word starts (``WordStarts``) with at least this list's first characters."""
        if self.firsts is None or starts is None:
            return list(self.whole.finditer(text))
        out: list[re.Match[str]] = []
        end = 0
        by_char = self.by_char
        for pos in starts:
            if pos < end:
                continue
            ch = text[pos]
            pattern = by_char[ch] if ch in by_char else self._for(ch)
            m = pattern.match(text, pos) if pattern is not None else None
            if m is not None:
                out.append(m)
                end = m.end()
        return out


class WordStarts:
    """The positions where a word starts with a character one of some term lists can start
    with; computed once per post for all of them."""

    def __init__(self, lists: list[WordStartTerms]) -> None:
        self.active = all(t.firsts is not None for t in lists)
        first = f"[{''.join(t.first for t in lists)}]"
        # The character before a word start, so that re skips through the words in C.
        self.scan = re.compile(rf"[^\w-](?={first})")
        self.at_zero = re.compile(first)

    def __call__(self, text: str) -> list[int] | None:
        if not self.active:
            return None
        starts = [m.end() for m in self.scan.finditer(text)]
        return [0, *starts] if self.at_zero.match(text) else starts


def _top_level(term: str) -> list[str]:
    """``term`` split at its top-level ``|``."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(term):
        ch = term[i]
        if ch == "\\":
            i += 1
        elif ch == "[":
            i += 1
            if i < len(term) and term[i] == "^":
                i += 1
            i += 1  # a ']' right after '[' or '[^' is a literal
            while i < len(term) and term[i] != "]":
                i += 2 if term[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(term[start:i])
            start = i + 1
        i += 1
    out.append(term[start:])
    return out


def _first_chars(term: str) -> tuple[frozenset[str], bool] | None:
    """The characters a match of ``term`` can start with and whether that includes any
    decimal digit (\\d); None when that cannot be told as such a set."""
    f = first_characters(term)
    if f is None or f.word or f.nonword or f.at_start:
        return None
    return f.chars, f.digit


@register
class SensitiveAnalyser(Analyser):
    name = "sensitive"
    categories = frozenset(CATEGORIES)

    def load(self, env: Environment) -> None:
        res = resources.files("socialprotocol.engine") / "data" / "sensitive.yaml"
        data: dict[str, Any] = yaml.safe_load(res.read_text(encoding="utf-8"))
        # A health term may start a hyphenated compound ("ADHD-medicatie"); others may not:
        # "het Suikerfeest-ontbijt" is a school event, not someone's faith.
        self._terms = WordStartTerms(
            [(c, data[c], r"(?!\w)" if c == "health" else r"(?![\w-])") for c in CATEGORIES]
            + [("marker", data["markers"], r"(?![\w-])")]
        )
        self._anchors = WordStartTerms([("", data["anchors"], r"(?![\w-])")])
        self._own = WordStartTerms([("", [data["own_child"]], r"(?![\w-])")])
        self._starts = WordStarts([self._terms, self._anchors, self._own])
        self._topic = re.compile(rf"(?<![\w-]){data['topic']}")
        pronouns = "|".join(re.escape(p) for p in data["pronouns"])
        self._pronoun = re.compile(rf"(?<![\w'])(?:{pronouns})(?![\w'])")
        directory = self.directory = env.directory
        self.index = directory.names if directory is not None else NameIndex([])
        self.chosen: Chosen = {}

    def analyse(self, post: Post, view: TextView) -> Iterable[Signal]:
        folded = view.folded
        starts = self._starts(folded)
        terms = self._terms.findall(folded, starts)
        if not terms:
            return []
        bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(folded)] + [len(folded) + 1]
        anchors = [(m.start, m.end) for m in find_mentions(self.index, view)]
        anchors += [m.span() for m in self._anchors.findall(folded, starts)]
        own = [m.span() for m in self._own.findall(folded, starts)]
        out: list[Signal] = []
        seen: set[tuple[str, int]] = set()
        for t in terms:
            category = t.lastgroup or ""
            sentence = _sentence_of(bounds, t.start())
            s0, s1 = bounds[sentence], bounds[sentence + 1]
            person = None
            if category == "marker":
                category = "confidential"
            elif self._topic.search(folded, max(s0, t.start() - 40), t.start()):
                continue  # the subject of a lesson or a talk, not something about a person
            else:
                linked = [a for a in anchors if s0 <= a[0] < s1 and not _inside(a, t.span())]
                if not linked and sentence > 0 and self._pronoun.search(folded, s0, s1):
                    p0 = bounds[sentence - 1]
                    linked = [a for a in anchors if p0 <= a[0] < s0]
                if not linked:
                    continue
                person = self._person(post, view, linked)
                if _institution_at_work(folded, t.start(), t.end()):
                    continue  # "zijn opa die in het ziekenhuis werkt": a workplace
                if all(_own(a, own) for a in linked) and category != "confidential":
                    variant: str | None = "own_child"
                else:
                    variant = None
            if category == "confidential" and t.lastgroup == "marker":
                variant = None
            start, end = _clause(folded, post.text, t.start(), t.end(), s0, s1)
            if (category, start) in seen:
                continue
            seen.add((category, start))
            out.append(Signal(
                category=category,
                evidence=TextEvidence(start, end, post.text[start:end]),
                confidence=0.85,
                explanation=_WHY[category],
                analyser=self.name,
                person=person,
                variant=variant,
                data={"term": post.text[t.start() : t.end()]},
            ))  # fmt: skip
        return out

    def _person(self, post: Post, view: TextView, linked: list[tuple[int, int]]) -> str | None:
        """The directory id of the first named person the matter is linked to."""
        school = author_school(self.directory, post.context.author)
        for m in find_mentions(self.index, view):
            if (m.start, m.end) in linked:
                person = choose(self.index.people, m, school, self.chosen)
                if person is not None:
                    return person.id
        return None


_INSTITUTION = re.compile(
    r"ziekenhuis|psycholoog|psychiater|therapeut|ggz|jeugdzorg|veilig thuis|moskee|kerk|synagoge|"
    r"gevangenis|kinderbescherming|azc|voedselbank"
)
_AT_WORK_AFTER = re.compile(r"\s+(?:\w+\s+){0,3}(?:werkt|werkte|werken|gewerkt|stage)\b")
_AT_WORK_BEFORE = re.compile(
    r"\b(?:werkt|werkte|werken|stage|baan|vrijwilliger)\s+(?:\w+\s+){0,4}$"
)


def _institution_at_work(folded: str, ts: int, te: int) -> bool:
    if not _INSTITUTION.match(folded, ts):
        return False
    return bool(
        _AT_WORK_AFTER.match(folded, te, te + 40)
        or _AT_WORK_BEFORE.search(folded, max(0, ts - 40), ts)
    )


def _own(anchor: tuple[int, int], own: list[tuple[int, int]]) -> bool:
    """'mijn zoon' itself, or the name right after it: 'mijn zoon Sem'."""
    return anchor in own or any(0 <= anchor[0] - e <= 2 for _, e in own)


def _sentence_of(bounds: list[int], pos: int) -> int:
    for i in range(len(bounds) - 1):
        if bounds[i] <= pos < bounds[i + 1]:
            return i
    return len(bounds) - 2


def _inside(span: tuple[int, int], term: tuple[int, int]) -> bool:
    return term[0] <= span[0] and span[1] <= term[1]


def _clause(folded: str, text: str, ts: int, te: int, s0: int, s1: int) -> tuple[int, int]:
    """The clause around a term inside its sentence: with its closing comma, or, when it
    ends the sentence, with the comma before it, so that what is left still reads."""
    start, sep = s0, -1
    for m in _CLAUSE_END.finditer(folded, s0, ts):
        start, sep = m.end(), m.start()
    close = _CLAUSE_END.search(folded, te, min(s1, len(folded)))
    end = close.end() if close else min(s1, len(folded))
    if (close is None or folded[close.start()] in ".!?\n") and sep >= 0 and folded[sep] in ",;":
        start, end = sep, close.start() if close else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
