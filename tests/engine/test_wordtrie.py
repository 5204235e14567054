"""Long lists of phrases as patterns: a trie of literal words, and a list of phrases tried only
where one of them can start."""

from __future__ import annotations

import re

import pytest

from socialprotocol.engine.wordtrie import Phrases, trie_pattern

# Enough phrases to be split per first character, of every shape the disclosure file uses:
# optional first words, word classes, digits, "^" and look-behinds at the start.
PHRASES = [
    "ik werk",
    "werk ik",
    r"(ik )?(\w+ ){0,3}deel uit van",
    r"(\d+|een|twee) jaar bij asko",
    r"^\W*(werk|work) (bij|at) asko",
    r"(?<!de )collega'?s van asko",
    r"\bben (\w+ ){0,2}juf\b",
    r"(^|\W)disclaimer\b",
    r"(mijn|m'n|mn) (eigen )?mening",
    "views are my own",
] + [f"woord{i} bij asko" for i in range(30)]


@pytest.mark.parametrize(
    "text",
    [
        "ik werk al 12 jaar bij asko en ben daar juf",
        "werk bij asko, 3 jaar bij asko: mijn eigen mening",
        "de collega's van asko en collega's van asko",
        "wij maken allemaal deel uit van asko",
        "- werk bij asko sinds maart",
        "disclaimer: views are my own #disclaimer",
        "zonder iets: gewoon een post over de kerstmarkt",
        "",
        "ikwerk nietsamen 12jaar bij asko",
    ],
)
def test_phrases_tried_per_first_character_match_what_the_whole_alternation_matches(
    text: str,
) -> None:
    phrases = Phrases(PHRASES)
    whole = re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in PHRASES) + ")")
    for pos in range(len(text) + 1):
        for end in (len(text), max(pos, len(text) - 5)):
            got = [m.span() for m in phrases.finditer(text, pos, end)]
            assert got == [m.span() for m in whole.finditer(text, pos, end)], (pos, end)


def test_a_phrase_that_can_start_with_any_character_keeps_the_whole_pattern() -> None:
    phrases = Phrases([r".{2}werk", *PHRASES])
    assert not phrases._usable
    assert [m.group() for m in phrases.finditer("ik werk hier")] == ["ik werk"]


def test_a_short_list_is_searched_as_one_pattern() -> None:
    phrases = Phrases(["ik werk", "werk ik"])
    assert not phrases._usable
    assert phrases.search("dus werk ik bij asko") is not None


def test_the_trie_of_words_matches_exactly_the_words() -> None:
    pattern = re.compile(rf"(?:{trie_pattern(['leerkracht', 'leraar', 'lerares', 'le'])})$")
    for word in ("leerkracht", "leraar", "lerares", "le"):
        assert pattern.match(word)
    for word in ("leer", "lera", "l", "leraren"):
        assert not pattern.match(word)
