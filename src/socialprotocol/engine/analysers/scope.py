"""Scope (Reikwijdte 2): is the post school-related at all?

The author's own statement decides when given. Otherwise a post is in scope when it names the
board or one of its schools, uses a clearly school-bound word (juf, groep 7, schoolreis), names
someone from the directory, uses two weaker school words (directeur, pauze), or is written by
staff in their work context (work posts are school-related by definition).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from socialprotocol.engine.analysers.base import Environment
from socialprotocol.engine.model import Post, Role, Setting
from socialprotocol.engine.names import lexicon
from socialprotocol.engine.textview import TextView, fold

if TYPE_CHECKING:
    from socialprotocol.engine.protocol.schema import Board


@dataclass(frozen=True, slots=True)
class ScopeResult:
    in_scope: bool
    reasons: tuple[str, ...]


@functools.cache
def load_word_patterns(name: str) -> dict[str, Any]:
    """A word-pattern file of the package, parsed once per process (scope, the school names,
    the board's look-ahead and disclosure all read them). Callers only read the result."""
    res = resources.files("socialprotocol.engine") / "data" / name
    data: dict[str, Any] = yaml.safe_load(res.read_text(encoding="utf-8"))
    return data


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    # A hyphen may follow (cito-dag, bso-uitje) but not precede (a second part is not the word);
    # a quote may precede ('leraren hebben ...'), an apostrophe in a word may not (m'n).
    return re.compile(rf"(?<![\w-])(?<!\w')(?:{body})(?![\w])")


def name_variants(name: str) -> set[str]:
    """How people write an organisation's name: 'De Regenboog' -> de regenboog, regenboog,
    #deregenboog, deregenboog."""
    folded = fold(name).strip()
    out = {folded, re.sub(r"[^\w]", "", folded)}
    for article in ("de ", "het ", "obs ", "bs ", "rkbs ", "kbs ", "basisschool "):
        if folded.startswith(article) and len(folded) > len(article) + 3:
            rest = folded[len(article) :]
            out |= {rest, re.sub(r"[^\w]", "", rest)}
    return {v for v in out if len(v) >= 3}


def board_names(board: Board, hashtags: bool = True) -> set[str]:
    """The board's names as people write them (name, full name, aliases, and its hashtags)."""
    out = {fold(h) for h in board.hashtags} if hashtags else set()
    for name in {board.name, board.full_name, *board.aliases}:
        out |= name_variants(name)
    return out


def not_the_board_after() -> str:
    """A look-ahead for the board's name: not when it names something else ("een ASKO
    wasmachine": ASKO is also a brand of household appliances)."""
    words = load_word_patterns("scope.yaml")["not_the_board_after"]
    return r"(?![ -](?:" + "|".join(words) + r")(?![\w]))"


def board_tag_regex(names: set[str]) -> re.Pattern[str]:
    """The board's name inside a hashtag or a handle: #trotseASKOjuf, @asko_amsterdam."""
    tags = sorted({re.sub(r"\W", "", n) for n in names}, key=len, reverse=True)
    return re.compile(r"[#@]\w*(?:" + "|".join(re.escape(t) for t in tags if len(t) >= 4) + r")\w*")


def names_regex(variants: set[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<![\w])[#@]?(?:{alts})(?![\w])")


class SchoolNames:
    """Finds the board's schools in a post, as names: "De Regenboog" is a school, "een
    regenboog boven het IJ" is weather, "de basiliek van Don Bosco" is a church. School names
    made of ordinary words count only when written as a name (capital, hashtag or handle)."""

    def __init__(self, schools: list[str], before: list[str], after: list[str]) -> None:
        variants: set[str] = set()
        for school in schools:
            variants |= name_variants(school)
        self._regex = names_regex(variants) if variants else None
        words = lexicon().words
        self._ordinary = {v for v in variants if all(w in words for w in v.split())}
        self._before = re.compile(r"(?<![\w])(?:" + "|".join(before) + r")\W*$")
        self._after = re.compile(r"(?:" + "|".join(after) + r")(?![\w])")

    @classmethod
    def from_env(cls, env: Environment) -> SchoolNames:
        schools = list(env.directory.schools) if env.directory is not None else []
        data = load_word_patterns("scope.yaml")
        return cls(schools, data["not_a_school_before"], data["not_a_school_after"])

    def find(self, view: TextView, lenient: bool = False) -> tuple[int, int] | None:
        """Where the first school is named, if any. Lenient (for a post already known to be
        about school) also takes "de regenboog" in lower case, with its article."""
        if self._regex is None:
            return None
        folded, text = view.folded, view.text
        for m in self._regex.finditer(folded):
            name = m.group(0)
            if not (
                lenient and (" " in name or _VAN_DE.search(folded, max(0, m.start() - 5), m.start()))
            ) and not self._written_as_name(name, text[m.start() : m.end()]):
                continue
            if (
                " " not in m.group(0)
                and m.group(0) in self._ordinary
                and _starts_sentence(folded, m.start())
            ):
                continue  # "Kompas kwijtgeraakt": a capital that only starts the sentence
            if self._before.search(folded, max(0, m.start() - 40), m.start()):
                continue
            if self._after.match(folded, m.end()):
                continue
            return m.start(), m.end()
        return None

    def _written_as_name(self, folded: str, written: str) -> bool:
        if folded.lstrip("#@") not in self._ordinary or written[:1] in "#@":
            return True
        return any(w[:1].isupper() for w in written.split() if w.lower() not in {"de", "het"})


# "groep 8 vd notenboom": chat shorthand for "van de", the article of a lower-case name
_VAN_DE = re.compile(r"(?<![\w])(?:vd|v\.d\.?) $")


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip()
    return not before or before[-1] in ".!?:\n" or not text[:pos].strip()


class ScopeAnalyser:
    name = "scope"

    def load(self, env: Environment) -> None:
        patterns = load_word_patterns("scope.yaml")
        self._strong = _alternation(patterns["strong"])
        self._weak = _alternation(patterns["weak"])
        self._exclude = _alternation(patterns["exclude"])
        names = board_names(env.protocol.board)
        self._board = re.compile(names_regex(names).pattern + not_the_board_after())
        self._board_tag = board_tag_regex(names)
        self._schools = SchoolNames.from_env(env)
        self._staff_work = _alternation(patterns["staff_work"])
        self._people = getattr(env.directory, "scope_matcher", None)

    def _first_strong(self, view: TextView) -> tuple[int, int] | None:
        """The first school word that is not an exclusion ('rijschool', 'meesterwerk')."""
        folded = view.folded
        excluded: set[tuple[int, int]] | None = None

        def allowed(start: int, end: int) -> bool:
            nonlocal excluded
            if excluded is None:
                excluded = {(e.start(), e.end()) for e in self._exclude.finditer(folded)}
            return not any(s <= start and end <= e for s, e in excluded)

        # Compounds with 'school' are checked per word: a regex with \w+school would rescan
        # every position of the text.
        for start, _, word in view.words:
            if "school" not in word:
                continue
            # Each part of a compound with a hyphen on its own: "Schoolslag-training".
            for part in word.split("-"):
                if "school" in part and allowed(start, start + len(part)):
                    return start, start + len(part)
                start += len(part) + 1
        for m in self._strong.finditer(folded):
            if allowed(m.start(), m.end()):
                return m.start(), m.end()
        return None

    def decide(self, post: Post, view: TextView) -> ScopeResult:
        ctx = post.context
        if ctx.about_school is not None:
            reason = (
                "author says it is about school"
                if ctx.about_school
                else ("author says it is not about school")
            )
            return ScopeResult(ctx.about_school, (reason,))
        folded = view.folded
        reasons: list[str] = []
        m = self._board.search(folded) or self._board_tag.search(folded)
        if m:
            reasons.append(f"names the board: {post.text[m.start() : m.end()]}")
        school = self._schools.find(view)
        if school is not None:
            reasons.append(f"names the school: {post.text[school[0] : school[1]]}")
        strong = self._first_strong(view)
        if strong is not None:
            reasons.append(f"school word: {post.text[strong[0] : strong[1]]}")
        if self._people is not None:
            person = self._people(view)
            if person:
                reasons.append(f"names a member of the school community: {person}")
        # Two weaker words make a post school-related, unless it is about a driving, swimming
        # or music school ("Zwemschool De Dolfijn: nieuwe lessen").
        if not reasons and self._exclude.search(folded) is None:
            # A crude stem, so that les/lessen or toets/toetsen count as one word.
            weak = {folded[m.start() : m.end()].rstrip("sen") for m in self._weak.finditer(folded)}
            if len(weak) >= 2:
                reasons.append("school words: " + ", ".join(sorted(weak)))
        if not reasons and ctx.role is Role.STAFF:
            m = self._staff_work.search(folded)
            if m:
                reasons.append(f"staff member writes about work: {post.text[m.start() : m.end()]}")
        if ctx.role is Role.STAFF and ctx.setting is Setting.WORK:
            reasons.append("posted by staff in their work context")
        return ScopeResult(bool(reasons), tuple(reasons))
