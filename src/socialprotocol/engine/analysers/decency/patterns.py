"""Compile the decency patterns (patterns.yaml) with their macros filled in."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from socialprotocol.engine.analysers.decency.lexicon import Lexicon
from socialprotocol.engine.textview import fold

CATEGORIES = ("threat", "doxxing", "defamation", "sexual", "reputation", "hate", "insult")
_MACRO = re.compile(r"\{([A-Z0-9]+)\}")


@dataclass(frozen=True, slots=True)
class Pattern:
    category: str
    regex: re.Pattern[str]
    weight: float
    negatable: bool
    needs_intent: bool
    index: int  # position in its category list, for explanations and tests


@dataclass(frozen=True, slots=True)
class PatternSet:
    patterns: tuple[Pattern, ...]
    by_category: dict[str, re.Pattern[str]]  # one alternation per category: a cheap first test
    intent: re.Pattern[str]
    denial: re.Pattern[str]
    condemn: re.Pattern[str]
    report: re.Pattern[str]
    ingroup: re.Pattern[str]
    macros: dict[str, str]


def load_pattern_data() -> dict[str, Any]:
    res = resources.files("socialprotocol.engine") / "data" / "decency" / "patterns.yaml"
    data: dict[str, Any] = yaml.safe_load(res.read_text(encoding="utf-8"))
    return data


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first so 'vieze homo' beats 'vieze'."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in uniq) + ")"


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


def compile_patterns(data: dict[str, Any], lexicon: Lexicon, orgs: Iterable[str]) -> PatternSet:
    macros: dict[str, str] = dict(data["macros"])
    macros["PN"] = alternation(lexicon.person_nouns)
    macros["GROUP"] = alternation(lexicon.group_plural)
    macros["GROUP1"] = alternation(lexicon.group_singular)
    # §? lets a name-like school name ("de §regenboog") still match.
    org_names = "|".join(
        "§?" + p.replace(" ", " §?") for p in sorted(org_phrases(orgs), key=len, reverse=True)
    )
    generic = (
        r"(?:de|die|deze|onze|jullie|hun|mijn|jouw|zijn|haar|dat|dit|het|the|this|that|our|my)"
        r" (?:§?\w+ )?(?:school|basisschool|schooltje|schoolbestuur|bestuur|directie|stichting"
        r"|organisatie|werkgever|tent|onderwijsclub|schoolleiding|school board|employer)"
        r"(?: van (?:§?\w+ ){0,2}§?\w+)?"
    )
    macros["ORG"] = f"(?:{org_names}|{generic})" if org_names else f"(?:{generic})"
    patterns: list[Pattern] = []
    alternations: dict[str, list[str]] = {}
    for category in CATEGORIES:
        for i, item in enumerate(data.get(category, [])):
            body = expand(item["p"], macros)
            regex = re.compile(body)
            negatable = item.get("neg", "before") != "none"
            intent = bool(item.get("intent", False))
            patterns.append(Pattern(category, regex, float(item["w"]), negatable, intent, i))
            alternations.setdefault(category, []).append(f"(?:{body})")
    return PatternSet(
        patterns=tuple(patterns),
        by_category={c: re.compile("|".join(a)) for c, a in alternations.items()},
        intent=re.compile(expand(data["intent"], macros)),
        denial=re.compile(expand(data["denial"], macros)),
        condemn=re.compile(expand(data["condemn"], macros)),
        report=re.compile(expand(data["report"], macros)),
        ingroup=re.compile(expand(data["ingroup"], macros)),
        macros=macros,
    )
