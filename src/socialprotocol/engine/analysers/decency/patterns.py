"""Compile the decency patterns (patterns.yaml) with their macros filled in."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from socialprotocol.engine.analysers.decency.lexicon import Lexicon
from socialprotocol.engine.textview import fold
from socialprotocol.engine.wordtrie import trie_pattern

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CATEGORIES = ("threat", "doxxing", "defamation", "sexual", "reputation", "hate", "insult")
_MACRO = re.compile(r"\{([A-Z0-9]+)\}")


class LazyRegex:
    """A regular expression compiled on first use. The patterns are large (names of groups,
    people, schools are spelled out), so compiling all of them at load time would cost a third
    of a second; a post uses only the few whose keywords it contains."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)


@dataclass(frozen=True, slots=True)
class Pattern:
    category: str
    regex: LazyRegex
    weight: float
    negatable: bool
    needs_intent: bool
    index: int  # position in its category list, for explanations and tests
    keys: frozenset[str] | None  # run only when one of these words is in the post
    needs_org: bool  # run only when the post names the board, a school or "de school"
    needs_group: bool  # run only when the post names a protected group
    needs_target: bool  # keep only when the sentence names a person or says "you"
    anchor: str | None = None  # "org" / "group": try only where such a name starts


@dataclass(frozen=True, slots=True)
class PatternSet:
    patterns: tuple[Pattern, ...]
    org: LazyRegex
    group: LazyRegex
    group_any: LazyRegex  # a group, also "elke moslim"
    intent: LazyRegex
    denial: LazyRegex
    condemn: LazyRegex
    report: LazyRegex
    ingroup: LazyRegex
    macros: dict[str, str]
    # A name of the board or a school starts with one of these (or is glued to one): the org
    # pattern is only tried at words that do, not scanned over the whole post.
    org_first: tuple[str, ...] = ()


def load_pattern_data() -> dict[str, Any]:
    res = resources.files("socialprotocol.engine") / "data" / "decency" / "patterns.yaml"
    data: dict[str, Any] = yaml.load(res.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506
    return data


def alternation(words: Iterable[str]) -> str:
    """A regex for a list of literal phrases, the longest first so 'vieze homo' beats 'vieze',
    written as a trie: re then rejects a position after a letter or two instead of trying
    hundreds of group names one by one. (Two phrases that match at one place are a prefix of
    one another, and the trie tries the longer first, so it matches as the sorted list does.)"""
    return "(?:" + trie_pattern(sorted({w for w in words if w})).replace(r"\ ", " ") + ")"


# Kinds of school that come before a school's own name: "OBS De Klimop".
_SCHOOL_KINDS = "obs|cbs|pcbs|rkbs|ikc|kbs|sbo|ibs|basisschool"


def org_phrases(names: Iterable[str]) -> list[str]:
    """How an organisation's name appears in the normalised text."""
    out: set[str] = set()
    for name in names:
        folded = fold(name).strip().replace("'", "").replace("-", " ")
        if len(folded) < 3:
            continue
        out.add(re.sub(r"\s+", " ", folded.replace(".", "")))
        out.add(re.sub(r"[^\w]", "", folded))
    return sorted(out)


def expand(template: str, macros: dict[str, str]) -> str:
    for _ in range(4):  # macros may contain macros
        new = _MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), template)
        if new == template:
            break
        template = new
    return template


_LEAD = re.compile(r"^(?:\(\?:([a-z' |]+)\)|([a-z']+)) ")


def _unescaped(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each character outside an escape, with the group depth it stands at."""
    depth, escaped = 0, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        else:
            yield i, ch, depth


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, start = [], 0
    for i, ch, depth in _unescaped(pattern):
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _has_top_level_choice(pattern: str) -> bool:
    return len(_top_level_alternatives(pattern)) > 1


def _needs_at_top_level(pattern: str, macro: str) -> bool:
    """True when every top-level alternative holds ``macro`` outside all groups (and not
    followed by a quantifier): no match is possible without it, so the pattern can wait for
    a cheap gate."""
    return all(
        any(
            depth == 0
            and alternative.startswith(macro, i)
            and alternative[i + len(macro) : i + len(macro) + 1] not in {"?", "*", "{"}
            for i, _, depth in _unescaped(alternative)
        )
        for alternative in _top_level_alternatives(pattern)
    )


def lead_words(template: str) -> frozenset[str] | None:
    """The words one of which a pattern must start with, when it starts with a plain choice of
    words ("(?:ik|we|wij) ..." -> ik, we, wij): a cheap test before running the pattern."""
    m = _LEAD.match(template)
    if m is None or _has_top_level_choice(template):
        return None
    alts = (m.group(1) or m.group(2)).split("|")
    return frozenset(a.split(" ")[0].replace("'", "") for a in alts)


def compile_patterns(data: dict[str, Any], lexicon: Lexicon, orgs: Iterable[str]) -> PatternSet:
    macros: dict[str, str] = dict(data["macros"])
    macros["PN"] = alternation(lexicon.person_nouns)
    people = (
        "(?:mensen|kinderen|jongens|meisjes|vrouwen|mannen|families|gezinnen|leerlingen|leraren|"
        "leerkrachten|docenten|collegas|ouders|buren|moeders|vaders)"
    )
    like_you = "(?: (?:als|zoals) (?:jij|jou|jullie|u|hem|haar))?"  # "moslims als jij"
    macros["GROUP"] = (
        f"(?:{alternation(lexicon.group_plural)}|{alternation(lexicon.origin_adjectives)}e? {people})"
        + like_you
    )
    macros["GROUP1"] = alternation(lexicon.group_singular)
    macros["ORIGIN"] = alternation(lexicon.origin_adjectives)
    macros["FRAMEADJ"] = alternation(lexicon.frame_adjectives)
    macros["PLACE"] = alternation(lexicon.places)
    # Singular groups where "vieze ..." is a slur, not a plain insult ("vieze meid").
    macros["GROUPX"] = alternation(lexicon.group_singular - {"vrouw", "meid", "meisje", "woman"})
    # §? lets a name-like school name ("de §regenboog") still match.
    org_names = "|".join(
        "§?" + p.replace(" ", " §?") + "(?:directie|bestuur|scholen|school|leiding|top)?"
        for p in sorted(org_phrases(orgs), key=len, reverse=True)
    )
    determiners = "de|die|deze|onze|jullie|hun|mijn|jouw|zijn|haar|dat|dit|het|the|this|that|our|my"
    generic = (
        rf"(?:{determiners})"
        r" (?:§?\w+ )?(?:school|basisschool|schooltje|schoolbestuur|bestuur|directie|stichting"
        r"|organisatie|werkgever|tent|onderwijsclub|schoolleiding|school board|employer)"
        r"(?: van (?:§?\w+ ){0,2}§?\w+)?"
        r"(?: als (?:werkgever|school|organisatie|bestuur))?"
        # a school named by its kind: "OBS De Klimop", "cbs §regenboog"
        rf"|(?:{_SCHOOL_KINDS}) (?:de |het |t )?§?\w+"
    )
    as_role = r"(?: als (?:werkgever|school|organisatie|bestuur))?"
    macros["ORG"] = f"(?:(?:{org_names}){as_role}|{generic})" if org_names else f"(?:{generic})"
    patterns: list[Pattern] = []
    for category in CATEGORIES:
        for i, item in enumerate(data.get(category, [])):
            body = expand(item["p"], macros)
            if not body[:1].isalpha() and not body.startswith(("(?:^", "\\b")):
                # Matches start at a word edge: the engine then skips most positions at once.
                # (A pattern that starts with a literal keeps sre's fast literal scan instead.)
                body = r"(?<![\w§])(?:" + body + ")"
            regex = LazyRegex(body)
            negatable = item.get("neg", "before") != "none"
            intent = bool(item.get("intent", False))
            raw_keys = item.get("k")
            keys = (
                frozenset(str(k) for k in raw_keys)
                if isinstance(raw_keys, list)
                else lead_words(item["p"])
            )
            single = not _has_top_level_choice(item["p"])
            # A pattern that needs the school's or a group's name anyway runs only when the
            # post has one; one that starts with it is tried only where the name stands.
            anchor = None
            if single and item["p"].startswith("{ORG} "):
                anchor = "org"
            elif single and item["p"].startswith("{GROUP}"):
                anchor = "group"
            needs_org = raw_keys == "org" or item.get("gate") == "org" or anchor == "org"
            # Patterns that cannot match without a protected group's name wait for the group
            # gate: most hate patterns, woken by common words, would otherwise scan every post.
            group = (
                item.get("gate") == "group"
                or anchor == "group"
                or _needs_at_top_level(item["p"], "{GROUP}")
            )
            target = bool(item.get("target", False))
            weight = float(item["w"])
            patterns.append(
                Pattern(
                    category,
                    regex,
                    weight,
                    negatable,
                    intent,
                    i,
                    keys,
                    needs_org,
                    group,
                    target,
                    anchor,
                )
            )
    return PatternSet(
        patterns=tuple(patterns),
        org=LazyRegex(r"(?<![\w§])" + macros["ORG"]),
        group=LazyRegex(r"(?<![\w§])" + macros["GROUP"] + r"(?!\w)"),
        group_any=LazyRegex(
            r"(?<![\w§])(?:"
            + macros["GROUP"]
            + r"|(?:alle|elke|iedere|al die|elk|een) "
            + macros["GROUP1"]
            + r")(?!\w)"
        ),
        intent=LazyRegex(expand(data["intent"], macros)),
        denial=LazyRegex(expand(data["denial"], macros)),
        condemn=LazyRegex(expand(data["condemn"], macros)),
        report=LazyRegex(expand(data["report"], macros)),
        ingroup=LazyRegex(expand(data["ingroup"], macros)),
        macros={k: expand(v, macros) for k, v in macros.items()},
        org_first=tuple(
            sorted(
                {p.split(" ")[0] for p in org_phrases(orgs)}
                | set(determiners.split("|"))
                | set(_SCHOOL_KINDS.split("|"))
            )
        ),
    )
