"""Undo the ways people disguise words: k4nker, mong00l, t y f u s, k.u.t, kankerrrr, kаnker.

The result is a normalised text in which every token is written plainly, plus a map from each
character of it back to the original post, so a pattern found in the normalised text still
points at the right words. Capitalised words that may be names carry a marker (``§``) so the
patterns can ask for "a name" although everything else is lower case.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import NamedTuple

NAME_MARK = "§"

LEET = str.maketrans({"4": "a", "@": "a", "3": "e", "€": "e", "1": "i", "0": "o", "5": "s",
                      "$": "s", "7": "t", "8": "b", "9": "g", "!": "i", "|": "l"})  # fmt: skip
# Cyrillic and Greek letters that look like Latin ones (after lower-casing).
HOMOGLYPHS = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
                            "і": "i", "к": "k", "т": "t", "н": "h", "м": "m", "ο": "o", "α": "a",
                            "ε": "e", "ι": "i", "κ": "k", "ν": "v", "τ": "t", "υ": "u"})  # fmt: skip

# Letters written one by one: "t y f u s", "k.a.n.k.e.r", "k-u-t".
# Words of a spaced sentence are set apart by two spaces: "i k  m a a k  j e  a f".
_L = r"[a-z0-9@$]"
_SPACED = (
    rf"(?<![\w@$])(?:(?:{_L}[ .\-_*]){{2,}}{_L}|(?:{_L}  ){{2,}}{_L}"
    rf"|{_L} {_L}(?=  )|(?<=  ){_L} {_L})(?![\w@$])"
)
# A word, possibly with leet digits or masking stars inside: k4nker, k*nker, h03r, $let.
_WORD = (
    r"[\w@$€*|]*[a-z\u00c0-\u024f\u0400-\u04ff\u0370-\u03ff](?:[\w@$€*|]|!(?=\w))*"
    r"(?:['’\-][\w@$€*|]+)*|\d+"
)
# Emoji and pictographs are tokens of their own; the variation selector is dropped.
_EMOJI = r"[\u2600-\u27bf\U0001f000-\U0001faff]\ufe0f?"
# E-mail addresses and links are left as they are: no words to find in them.
_SKIP = r"[\w.+-]+@[\w-]+\.[\w.]+|https?://\S+|www\.\S+"
TOKEN_RE = re.compile(
    f"(?P<skip>{_SKIP})|(?P<spaced>{_SPACED})|(?P<word>{_WORD})|(?P<emoji>{_EMOJI})"
)
# Most posts have no letters written apart and no addresses: a lighter tokenizer for them.
_PLAIN_RE = re.compile(f"(?P<word>{_WORD})|(?P<emoji>{_EMOJI})")
_NEEDS_FULL = re.compile(r"(?<![\w@$])[a-z0-9@$][ .\-_*]{1,2}[a-z0-9@$][ .\-_*]|@|https?:|www\.")
_RUN3 = re.compile(r"(.)\1{2,}")
_RUN2 = re.compile(r"(.)\1+")

# Words that start a sentence with a capital without being a name.
_NOT_NAMES = frozenset(
    ["de", "het", "een", "dit", "dat", "die", "deze", "wat", "wie", "waar", "waarom", "hoe", "wanneer", "ik", "jij", "je", "hij", "zij", "ze", "we", "wij", "jullie", "u", "mijn", "jouw", "zijn", "haar", "onze", "ons", "hun", "en", "of", "maar", "want", "dus", "als", "toen", "nu", "hier", "daar", "er", "ook", "nog", "al", "echt", "wel", "niet", "geen", "nooit", "altijd", "iedereen", "niemand", "alle", "elke", "sorry", "ja", "nee", "oke", "ok", "hoi", "hey", "hallo", "goedemorgen", "morgen", "vandaag", "gisteren", "vanavond", "fijne", "fijn", "leuk", "mooi", "wauw", "wow", "super", "top", "trots", "dank", "bedankt", "heel", "zo", "te", "van", "in", "op", "aan", "met", "voor", "na", "bij", "om", "over", "door", "tot", "uit", "naar", "zonder", "juf", "meester", "meneer", "mevrouw", "ouders", "school", "groep", "klas", "kinderen", "let", "lieve", "beste", "waarde", "pas", "kijk", "weet", "ga", "kom", "laat", "stop", "hou", "wacht", "zeg", "the", "a", "i", "you", "we", "they", "he", "she", "it", "this", "that", "my", "your", "our", "what", "why", "is", "was", "are", "please", "thanks", "good", "great", "kanker", "kut", "tering", "tyfus", "shit", "fuck", "godverdomme", "jezus", "omg", "lol", "haha", "hahaha", "xd"]
)  # fmt: skip


class Token(NamedTuple):  # a tuple: tens of these are made for every post
    start: int  # offsets in the original post
    end: int
    norm: str  # the plain form used for lookups
    disguised: bool  # leet, stretched, spaced or masked spelling was undone
    name_like: bool  # capitalised where a name can stand
    at: int = 0  # offsets of the shown form in the normalised text
    to: int = 0


@dataclass(frozen=True, slots=True)
class NormText:
    text: str
    tokens: tuple[Token, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original post behind ``text[start:end]`` (whole tokens)."""
        end = max(end, start + 1)
        return self._source(start, True), self._source(end - 1, False)

    def _source(self, pos: int, first: bool) -> int:
        # Between tokens the normalised text is the original, shifted by a constant.
        ats = [t.at for t in self.tokens]
        i = bisect.bisect_right(ats, pos) - 1
        if i < 0:
            return pos if first else pos + 1
        tok = self.tokens[i]
        if pos < tok.to:
            return tok.start if first else tok.end
        shift = tok.end - tok.to
        return pos + shift if first else pos + shift + 1


def squeeze(word: str) -> str:
    """Every doubled letter once: 'mongoool' -> 'mongol', 'kankerr' -> 'kanker'."""
    return _RUN2.sub(r"\1", word)


_BREAK = re.compile(r"[.!?:,;\n]")
_ODD = re.compile(r"[^a-z]|(.)\1\1")


def plain_word(raw: str, known: Callable[[str], bool]) -> tuple[str, bool]:
    """The plain spelling of one folded token and whether it was disguised."""
    if _ODD.search(raw) is None:
        return raw, False  # the common case: plain lower-case letters
    word = raw.translate(HOMOGLYPHS)
    disguised = word != raw
    word = word.replace("’", "'")
    digits = sum(c.isdigit() for c in word)
    if digits or any(c in "@$€|!" for c in word):
        leet = word.rstrip("!").translate(LEET)
        # Leet where letters outnumber digits ("k4nker"), or where it spells a known word
        # ("1d10t"); an IBAN or a postcode stays as it is.
        if digits <= sum(c.isalpha() for c in word) or known(leet):
            disguised = disguised or leet != word
            word = leet
    if _RUN3.search(word):
        two = _RUN3.sub(r"\1\1", word)
        one = _RUN3.sub(r"\1", word)
        word = one if known(one) and not known(two) else two
        if not known(word) and known(squeeze(word)):
            word = squeeze(word)  # "joodennn" -> "joden"
        disguised = True
    if "*" in word:
        stem = word.strip("*")
        for vowel in "aeiou":
            cand = stem.replace("*", vowel)
            if known(cand):
                return cand, True
        word = stem.replace("*", "")
        disguised = True
    return word.replace("'", "").replace("-", ""), disguised


# Per word the result of ``plain_word`` and ``correct``, for one pair of those callbacks: the
# same words come back in every post, and the loop below is the per-post cost.
_WORD_CACHES: dict[tuple[object, object], dict[str, tuple[str, bool]]] = {}
_new_token = tuple.__new__


def _word_cache(known: object, correct: object) -> dict[str, tuple[str, bool]]:
    key = (known, correct)
    cache = _WORD_CACHES.get(key)
    if cache is None or len(cache) > 100_000:
        if len(_WORD_CACHES) > 8:
            _WORD_CACHES.clear()  # analysers come and go in tests; keep a few
        cache = _WORD_CACHES[key] = {}
    return cache


def normalise(
    text: str,
    folded: str,
    known: Callable[[str], bool],
    names: Collection[str] = (),
    words: Collection[str] = (),
    first_names: Collection[str] = (),
    correct: Callable[[str], str | None] | None = None,
) -> NormText:
    """Build the normalised text. ``known`` says whether a plain word is in the lexicon;
    ``names`` are folded names from the directory, names even when written in lower case;
    ``first_names`` common first names, names when capitalised, also at the start of a
    sentence; ``words`` ordinary Dutch words, which a capital does not make a name
    ("Rot toch op", "Serieus, Typisch ..." vs "Kees steelt")."""
    # The normalised text is the folded text with the changed tokens replaced, so only those
    # are copied; ``shift`` is how much longer it is so far than the folded text.
    parts: list[str] = []
    tokens: list[Token] = []
    copied = shift = 0
    pos = 0  # end of the previous token
    sentence_start = True  # carried over skipped tokens; the gap is searched only when needed
    cache = _word_cache(known, correct)
    tokenizer = TOKEN_RE if _NEEDS_FULL.search(folded) else _PLAIN_RE
    for m in tokenizer.finditer(folded):
        kind = m.lastgroup
        start, end = m.span()
        raw = m.group()
        if kind == "word" and (raw[0] != "@" or len(raw) <= 2):
            hit = cache.get(raw)
            if hit is None:
                hit = plain_word(raw, known)
                if correct is not None and len(hit[0]) >= 6:
                    fixed = correct(hit[0])
                    if fixed is not None:
                        hit = (fixed, True)
                cache[raw] = hit
            norm, disguised = hit
            if text[start].isupper() and norm not in _NOT_NAMES and not text[start:end].isupper():
                # At the start of a sentence a capital says nothing: only known first names.
                # Chat writers capitalise after commas too.
                starts = sentence_start or (
                    start > pos and _BREAK.search(folded, pos, start) is not None
                )
                name_like = not known(norm) and (
                    norm in first_names or (not starts and norm not in words)
                )
            else:
                name_like = norm in names and norm not in words
            sentence_start = raw[0] == "@"
        elif kind == "word":
            # A handle: someone addressed by their account name.
            norm, disguised, name_like = raw[1:].replace("'", "").replace("-", ""), False, True
            sentence_start = True
        elif kind == "emoji":
            norm, disguised, name_like = raw.replace("\ufe0f", ""), False, False
            sentence_start = False
        else:
            if kind == "spaced":
                word, _ = plain_word(re.sub(r"[ .\-_*]", "", raw), known)
                hidden = known(word) or known(squeeze(word))
                gap = folded.startswith("  ", end)
                after_gap = folded.startswith("  ", start - 2) if start >= 2 else False
                if not hidden and ("  " in raw or gap or after_gap):  # of a spaced sentence
                    hidden = word in words or word in _NOT_NAMES
                if hidden and gap:
                    end += 1  # one of the two spaces after it goes with it
            else:
                hidden = False  # an address or a link stays as it is
            if not hidden:
                if start > pos and _BREAK.search(folded, pos, start):
                    sentence_start = True
                pos = end
                continue
            norm, disguised, name_like = word, True, False
            sentence_start = False
        pos = end
        at = start + shift
        if name_like:
            shown = NAME_MARK + norm
        elif norm == raw:
            tokens.append(_new_token(Token, (start, end, norm, disguised, False, at, end + shift)))
            continue
        else:
            shown = norm
        parts.append(folded[copied:start])
        parts.append(shown)
        copied = end
        shift += len(shown) - (end - start)
        tokens.append(_new_token(Token, (start, end, norm, disguised, name_like, at, end + shift)))
    if not parts:
        return NormText(folded, tuple(tokens))
    parts.append(folded[copied:])
    return NormText("".join(parts), tuple(tokens))
