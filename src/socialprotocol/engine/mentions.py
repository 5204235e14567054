"""Who a post names: name hits from the automaton, kept only where Dutch usage makes them people.

A hit becomes a mention by its case ("Roos" mid-sentence, not "een roos"), its context ("juf
Sanne", "de moeder van Noah", "Lisa uit groep 6", "Goed gedaan Sem!") and its neighbours
("Daan van der Berg", "D. van der Berg"). Mentions are computed once per post and shared by the
scope check, the people analyser and the sensitive-matters analyser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, count
from operator import add

from socialprotocol.engine.names import EXTRA_FOLD, PREFIX_WORDS, TOKEN_RE, Entry, NameIndex
from socialprotocol.engine.textview import TextView

STAFF_TITLES = frozenset(
    ["juf", "juffrouw", "jufrouw", "meester", "gymjuf", "gymmeester", "gymleraar", "leerkracht", "invaljuf", "invalmeester", "directeur", "directrice", "concierge", "ib'er", "ibber", "collega", "collegaatje", "stagiair", "stagiaire", "juffie"]
)  # fmt: skip
PARENT_KIN = frozenset(
    ["moeder", "vader", "mama", "papa", "mam", "pap", "mams", "paps", "stiefvader", "stiefmoeder"]
)
PUPIL_KIN = frozenset(
    ["zoon", "zoontje", "dochter", "dochtertje", "leerling", "leerlinge", "klasgenoot", "klasgenootje", "klasgenote", "kleuter", "broertje", "zusje", "pleegkind", "kind", "kindje"]
)  # fmt: skip
PUBLIC_TITLES = frozenset(
    ["koning", "koningin", "prins", "prinses", "burgemeester", "wethouder", "minister", "premier", "president", "paus", "sint", "st", "schrijver", "schrijfster", "kunstenaar", "schilder", "zanger", "zangeres", "voetballer", "rapper", "youtuber", "dj", "acteur", "actrice"]
)  # fmt: skip
# Particles that join two unknown words into one name ("Marjan de Wildt"); not "in", "op", "het":
# "Sem in Artis", "Koningsdag in het Vondelpark" are no names.
NAME_PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "ter",
        "ten",
        "te",
        "'t",
        "la",
        "le",
        "el",
        "da",
        "di",
        "du",
        "dos",
        "del",
    ]
)
# A name glued to these is a school, street or building: "Jan Ligthartschool", "Johan Cruijff
# ArenA" aside, "Jan van Galenstraat".
PLACE_SUFFIXES = (
    "school", "straat", "laan", "weg", "plein", "park", "kade", "gracht", "singel", "dreef",
    "plantsoen", "museum", "college", "lyceum", "huis", "hal", "stadion", "brug", "kerk",
)  # fmt: skip
GROUP_WORDS = frozenset({"groep", "klas", "leerjaar", "kleutergroep", "kleuterklas"})
_GROUP_NO = re.compile(r"^\d[a-z]?$|^[1-8]/[1-8]$")
_LINK_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")
_CACHE = "_mentions"
_EXTRA_FOLDED = re.compile("[" + "".join(map(chr, EXTRA_FOLD)) + "]")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: str  # full | first | surname | handle | hashtag
    candidates: tuple[int, ...]  # directory positions; empty: someone outside the directory
    confidence: float
    titled: bool = False  # a title or family word stands before it ("juf", "moeder")
    role_hint: str = ""  # staff | parent | pupil, from the context
    group_hint: str = ""  # "groep 6" when the post says so


class _Post:
    """The token view of one post that the rules below look at."""

    def __init__(self, index: NameIndex, view: TextView) -> None:
        self.index, self.lex, self.text = index, index.lex, view.text
        folded = view.folded
        if _EXTRA_FOLDED.search(folded) is not None:
            folded = folded.translate(EXTRA_FOLD)  # slow per character: only when it changes
        self.toks = [m.span() for m in TOKEN_RE.finditer(folded)]
        self.words = TOKEN_RE.findall(folded)
        self.joined = " " + " ".join(self.words) + " "
        # Where word i starts in ``joined``: 1 + the lengths of the words before it + i spaces.
        starts = map(add, accumulate(map(len, self.words), initial=1), count())
        self.start_at: dict[int, int] = dict(zip(starts, range(len(self.words)), strict=False))
        # Word i is also padded[i + 2]: the neighbours of any word, "" past either end.
        self.padded = ["", "", *self.words, "", "", ""]
        self.no_upper = not any(map(str.isupper, self.text))
        self.no_lower = not any(map(str.islower, self.text))
        self.links = [m.span() for m in _LINK_RE.finditer(folded)] if "@" in folded or (
            "www" in folded or "http" in folded) else []  # fmt: skip

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def cap(self, i: int) -> bool:
        return self.no_upper or self.text[self.toks[i][0]].isupper()

    def lower(self, i: int) -> bool:
        return not self.no_upper and self.text[self.toks[i][0]].islower()

    def before(self, i: int) -> str:
        s = self.toks[i][0]
        return self.text[s - 1] if s > 0 else ""

    def after(self, i: int) -> str:
        e = self.toks[i][1]
        return self.text[e] if e < len(self.text) else ""

    def sentence_initial(self, i: int) -> bool:
        # only the gap since the previous word matters; slicing the whole head was the cost
        gap = self.text[self.toks[i - 1][1] if i else 0 : self.toks[i][0]]
        gap = gap.rstrip(" \t\"'“‘(#@*_-")
        if not gap:
            return i == 0
        return gap[-1] in ".!?:;\n…" or ord(gap[-1]) > 0x2000

    def in_link(self, i: int) -> bool:
        if not self.links:
            return False
        s = self.toks[i][0]
        return any(a <= s < b for a, b in self.links)

    def between(self, i: int, j: int) -> str:
        return self.text[self.toks[i][1] : self.toks[j][0]]

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.toks[a][0], self.toks[b - 1][1]


def find_mentions(index: NameIndex, view: TextView) -> list[Mention]:
    """The people a post names, left to right, without overlaps. Cached on the view."""
    cached: tuple[NameIndex, list[Mention]] | None = view.__dict__.get(_CACHE)
    if cached is not None and cached[0] is index:
        return cached[1]
    post = _Post(index, view)
    result = _Finder(post).run()
    view.__dict__[_CACHE] = (index, result)
    return result


class _Finder:
    def __init__(self, post: _Post) -> None:
        self.p = post
        self.cues = post.lex.cues
        self.has_people = bool(post.index.people)

    def run(self) -> list[Mention]:
        p = self.p
        hits: list[tuple[int, int, Entry]] = []
        for js, _je, entry in p.index.scan(p.joined):
            a = p.start_at.get(js)
            if a is None:
                continue
            b = a + entry.key.count(" ") + 1
            hits.append((a, b, entry))
        public = {i for a, b, e in hits if e.public for i in range(a, b)}
        firsts = {a: (b, e) for a, b, e in hits if e.first or e.general_first}
        out: list[tuple[Mention, int, int]] = []
        for a, b, e in hits:
            if (public and any(i in public for i in range(a, b))) or p.in_link(a):
                continue
            for m in self._judge(a, b, e, firsts):
                out.append(m)
        out.extend(self._titled_unknown(hits, public))
        out.extend(self._typos(hits, public))
        chosen = _non_overlapping(out)
        chosen = self._coordinated(hits, public, chosen)
        return [m for m, _, _ in sorted(chosen, key=lambda t: t[1])]

    # --- rules per kind of hit ------------------------------------------------------------

    def _judge(
        self, a: int, b: int, e: Entry, firsts: dict[int, tuple[int, Entry]]
    ) -> list[tuple[Mention, int, int]]:
        p, out = self.p, []
        if e.handle and (p.before(a) == "@" or (b - a > 1 and self._glued(a, b))):
            out.append(self._mention(a, b, "handle", tuple(e.handle), 0.97))
        if e.joined and p.before(a) in "#@" and p.before(a):
            kind = "handle" if p.before(a) == "@" else "hashtag"
            out.append(self._mention(a, b, kind, tuple(e.joined), 0.95))
        if p.before(a) == "@":
            if not out and e.first and b - a == 1 and p.after(a) not in "._":
                # "@sanne": tagging someone by a community first name
                out.append(self._mention(a, b, "handle", tuple(e.first), 0.6))
            return out
        if e.surname or e.core or e.general_surname:
            full = self._full_name(a, b, e, firsts)
            if full is not None:
                out.append(full)
            else:
                sur = self._surname_only(a, b, e)
                if sur is not None:
                    out.append(sur)
        if e.first or e.general_first:
            first = self._first_name(a, b, e)
            if first is not None:
                out.append(first)
        return out

    def _glued(self, a: int, b: int) -> bool:
        # "fatma.yilmaz84" without @ is still a handle when nothing separates its parts
        s, t = self.p.span(a, b)
        return not any(c.isspace() for c in self.p.text[s:t])

    def _full_name(
        self, a: int, b: int, e: Entry, firsts: dict[int, tuple[int, Entry]]
    ) -> tuple[Mention, int, int] | None:
        p = self.p
        start, first_ids, gen_first = -1, set(), False
        for fa, (fb, fe) in firsts.items():
            if fb == a and fe is not e:
                start, first_ids, gen_first = fa, set(fe.first), fe.general_first
        initial = a > 0 and len(p.word(a - 1)) == 1 and p.after(a - 1) == "." and p.cap(a - 1)
        if start < 0 and not initial:
            return None
        if start < 0:
            start = a - 1
            while start > 0 and len(p.word(start - 1)) == 1 and p.after(start - 1) == ".":
                start -= 1
        people = set(e.surname) | set(e.core)
        ids = tuple(sorted(people & first_ids)) if first_ids else ()
        if initial and not first_ids:
            wanted = p.word(a - 1)
            ids = tuple(i for i in sorted(people) if _initial(p.index, i) == wanted)
        if ids:
            return self._mention(start, b, "full", ids, 0.97, ctx=(start, b))
        sur_key = e.key.split()[-1]
        # someone outside the directory: both parts must look like a name
        if (
            (first_ids or gen_first)
            and p.cap(b - 1)
            and not p.lower(b - 1)
            and (not self.p.lex.is_word(sur_key) or not p.sentence_initial(start))
            and sur_key not in p.lex.places
        ):
            return self._mention(start, b, "full", (), 0.8, ctx=(start, b))
        return None

    def _first_name(self, a: int, b: int, e: Entry) -> tuple[Mention, int, int] | None:
        p, lex = self.p, self.p.lex
        if p.word(a - 1) in self.cues["determiners"] or p.word(a - 1) in PUBLIC_TITLES:
            return None
        if self._named_place_follows(b):
            return None  # "Anne Frankschool", "Jan van Galenstraat": a school or a street
        ext = self._unknown_surname(b)
        if ext > b and not (e.first and self._dir_surname_follows(b)):
            return self._mention(a, ext, "full", (), 0.8, ctx=(a, ext))
        cue = self._cue(a, b)
        ambiguous = lex.is_word(e.key) or (e.inflected and lex.is_word(e.key[:-1]))
        cap, initial = p.cap(a) and not p.no_upper, p.sentence_initial(a)
        if p.no_lower:
            cap = False  # ALL CAPS tells nothing about names
        ids = tuple(e.first)
        if ids or not self.has_people:
            if cue in {"title", "kin", "relation", "group", "possessive", "greeting"}:
                return self._mention(a, b, "first", ids, 0.9, ctx=(a, b))
            if ambiguous:
                if cap and not initial and p.before(a) != "#":
                    return self._mention(a, b, "first", ids, 0.8, ctx=(a, b))
                if cap and cue == "verb" and p.word(b) not in {"en", "uit", "van", "in"}:
                    return self._mention(a, b, "first", ids, 0.7, ctx=(a, b))
                return None
            if p.lower(a) and not ids:
                return None  # general knowledge in lower case is too weak alone
            return self._mention(a, b, "first", ids, 0.9 if not p.lower(a) else 0.75, ctx=(a, b))
        if cue in {"title", "kin", "relation"} or (cue == "greeting" and cap):
            return self._mention(a, b, "first", (), 0.75, ctx=(a, b))
        return None

    def _surname_only(self, a: int, b: int, e: Entry) -> tuple[Mention, int, int] | None:
        p, lex = self.p, self.p.lex
        words = e.key.split()
        core = words[-1]
        prefixed = len(words) > 1 and words[0] in PREFIX_WORDS
        if p.word(a - 1) in PUBLIC_TITLES or (p.word(a - 1) in self.cues["determiners"] and (
            not prefixed)):  # fmt: skip
            return None
        cue = self._cue(a, b)
        ids = tuple(e.surname) if e.surname else tuple(e.core)
        if e.core and not e.surname:
            return self._mention(a, b, "surname", ids, 0.8, ctx=(a, b)) if cue == "title" else None
        if not ids and self.has_people and cue not in {"title", "kin"}:
            return None
        if cue in {"title", "kin"}:
            return self._mention(a, b, "surname", ids, 0.9, ctx=(a, b))
        place, word = core in lex.places, lex.is_word(core) or (e.first or e.general_first)
        core_cap = p.cap(b - 1) and not p.lower(b - 1) and not p.no_lower
        if prefixed:
            pre_cap = p.cap(a) and not p.lower(a) and not p.no_lower
            if pre_cap and (core_cap or not p.sentence_initial(a)) and not place:
                return self._mention(a, b, "surname", ids, 0.85, ctx=(a, b))
            if core_cap and not place and not word and (pre_cap or not p.sentence_initial(a)):
                return self._mention(a, b, "surname", ids, 0.85, ctx=(a, b))
            return None
        if place or word:
            return None
        if core_cap:
            return self._mention(a, b, "surname", ids, 0.85, ctx=(a, b))
        if len(core) >= 5 and ids:
            return self._mention(a, b, "surname", ids, 0.7, ctx=(a, b))
        return None

    def _titled_unknown(
        self, hits: list[tuple[int, int, Entry]], public: set[int]
    ) -> list[tuple[Mention, int, int]]:
        """'meneer Hoogenboom', 'opa Sjaak': a capitalised unknown word after a title or a
        family word; 'Marjan de Wildt': two unknown capitalised words joined by a particle."""
        p, out = self.p, []
        known = {i for a, b, _ in hits for i in range(a, b)}
        out.extend(self._particle_names(known, public))
        titles, kin = self.cues["titles"], self.cues["kin"]
        for i in [i for i, w in enumerate(p.words) if w in titles or w in kin]:
            j = i + 1
            while j < len(p.words) and p.words[j] in PREFIX_WORDS and p.lower(j):
                j += 1
            if j >= len(p.words) or j in known or j in public or not p.words[j].isalpha():
                continue
            if len(p.words[j]) < 2:  # an initial: "juf S."
                continue
            if not p.cap(j) or p.no_upper or p.no_lower or p.lex.is_word(p.words[j]):
                continue
            end = self._unknown_surname(j + 1)
            out.append(
                self._mention(i + 1, max(end, j + 1), "surname", (), 0.75, ctx=(i + 1, j + 1))
            )
        return out

    def _typos(
        self, hits: list[tuple[int, int, Entry]], public: set[int]
    ) -> list[tuple[Mention, int, int]]:
        """'Jaiden' for 'Jayden': a capitalised unknown word one letter off a community name."""
        p = self.p
        out: list[tuple[Mention, int, int]] = []
        if not self.has_people:
            return out
        known = {i for a, b, _ in hits for i in range(a, b)} | public
        words = p.words
        for i in [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha() and i not in known]:
            w = words[i]
            if p.lower(i) and p.word(i - 1) not in p.lex.before_cues:
                continue  # a lower-case word needs a title, family word or greeting before it
            if p.lex.is_word(w):
                continue
            cue = self._cue(i, i + 1)
            strong = cue in {"title", "kin", "relation", "greeting", "group", "possessive"}
            if not strong and not (p.cap(i) and not p.no_upper and not p.sentence_initial(i)):
                continue
            if w in p.lex.places or p.word(i - 1) in self.cues["determiners"]:
                continue
            entry = p.index.typo_of(w)
            if entry is not None:
                out.append(self._mention(i, i + 1, "first", tuple(entry.first), 0.6))
        return out

    def _particle_names(self, known: set[int], public: set[int]) -> list[tuple[Mention, int, int]]:
        p = self.p
        out: list[tuple[Mention, int, int]] = []
        if p.no_upper or p.no_lower:
            return out
        particles = [i for i, w in enumerate(p.words[1:-1]) if w in NAME_PARTICLES]
        for i in particles:
            if not p.lower(i + 1) or i in public:
                continue
            if not self._unknown_capital(i, known) or p.sentence_initial(i):
                continue
            end = self._unknown_surname(i + 1)
            if end > i + 2 and not any(k in public for k in range(i, end)):
                out.append(self._mention(i, end, "full", (), 0.7))
        return out

    def _unknown_capital(self, i: int, known: set[int]) -> bool:
        p, w = self.p, self.p.words[i]
        if not (w.isalpha() and len(w) > 2 and p.cap(i)) or p.lex.is_word(w):
            return False
        return w not in p.lex.places and (i not in known or self._entry_at(i) is not None)

    # --- context -------------------------------------------------------------------------

    def _unknown_surname(self, b: int) -> int:
        """End of '[van der] Hoogenboom' after a first name, or ``b`` when none follows."""
        p = self.p
        j = b
        while j < len(p.words) and p.words[j] in NAME_PARTICLES and p.lower(j):
            j += 1
        if j >= len(p.words) or p.no_upper or p.no_lower or not p.cap(j):
            return b
        w = p.words[j]
        if w.endswith(PLACE_SUFFIXES):
            return b
        if not w.isalpha() or p.lex.is_word(w) or w in p.lex.places or p.sentence_initial(j):
            return b
        if p.before(j) not in " " or p.after(j - 1) not in " ":
            return b
        entry = self._entry_at(j)
        if entry is not None and (entry.first or entry.general_first or entry.public):
            return b
        return j + 1

    def _named_place_follows(self, b: int) -> bool:
        p, j = self.p, b
        while j < len(p.words) and p.words[j] in NAME_PARTICLES and j - b < 3:
            j += 1
        return j < len(p.words) and p.words[j].endswith(PLACE_SUFFIXES) and p.words[j] not in (
            PLACE_SUFFIXES)  # fmt: skip

    def _dir_surname_follows(self, b: int) -> bool:
        entry = self._entry_at(b)
        if entry is None:
            j = b
            while j < len(self.p.words) and self.p.words[j] in PREFIX_WORDS:
                j += 1
            entry = self._entry_at_key(" ".join(self.p.words[b : j + 1]))
        return entry is not None and bool(entry.surname or entry.core)

    def _entry_at(self, i: int) -> Entry | None:
        return self._entry_at_key(self.p.word(i))

    def _entry_at_key(self, key: str) -> Entry | None:
        got = self.p.index.automaton.get(f" {key} ", None)
        return got if isinstance(got, Entry) else None

    def _cue(self, a: int, b: int) -> str:
        p, cues, words = self.p, self.cues, self.p.padded
        prev1, prev2 = words[a + 1], words[a]
        next1, next2 = words[b + 2], words[b + 3]
        if prev1 in cues["titles"]:
            return "title"
        if prev1 in cues["kin"]:
            return "kin"
        if prev1 == "van" and prev2 in cues["relations"]:
            return "relation"
        if prev1 in cues["greetings"] or (
            prev1 in {"op", "voor", "aan", "met", "naar"} and prev2 in cues["greetings"]
        ):
            return "greeting"
        if next1 == "s" and p.after(b - 1) in "'’":
            return "possessive"
        if next1 in GROUP_WORDS or (
            next1 in {"uit", "van", "in"} and (next2 in GROUP_WORDS or _GROUP_NO.match(next2))
        ):
            return "group"
        if b < len(p.words) and p.between(b - 1, b).strip() == "(" and _GROUP_NO.match(next1):
            return "group"  # "Lisa (6b)"
        if "jarig" in (next1, next2, words[b + 4]) and next1 in {"is", "was", "wordt", "jarig"}:
            return "greeting"  # "roos is jarig": only people have birthdays
        if next1 in cues["verbs_after"]:
            return "verb"
        return ""

    def _mention(
        self, a: int, b: int, kind: str, ids: tuple[int, ...], conf: float,
        ctx: tuple[int, int] | None = None,
    ) -> tuple[Mention, int, int]:  # fmt: skip
        p = self.p
        s, e = p.span(a, b)
        if kind in {"handle", "hashtag"} and s > 0 and p.text[s - 1] in "@#":
            s -= 1  # the fix removes "@" and "#" with the name
        role, group, titled = "", "", False
        ca, cb = ctx or (a, b)
        prev1, prev2 = p.padded[ca + 1], p.padded[ca]
        if prev1 in STAFF_TITLES:
            role, titled = "staff", True
        elif prev1 in PARENT_KIN:
            role, titled = "parent", True
        elif prev1 in PUPIL_KIN:
            role, titled = "pupil", True
        elif prev1 in self.cues["titles"] or prev1 in self.cues["kin"]:
            titled = True
        elif prev1 == "van" and prev2 in self.cues["relations"]:
            titled = True
            role = "pupil" if prev2 in PARENT_KIN | {"ouders", "ouder"} else ""
        for j in range(cb, min(cb + 3, len(p.words))):
            if p.words[j] in GROUP_WORDS and j + 1 < len(p.words):
                group = f"groep {p.words[j + 1]}"
                role = role or "pupil"
                break
        mention = Mention(s, e, kind, ids, conf, titled, role, group)
        return mention, a, b

    def _coordinated(
        self, hits: list[tuple[int, int, Entry]], public: set[int],
        chosen: list[tuple[Mention, int, int]],
    ) -> list[tuple[Mention, int, int]]:  # fmt: skip
        """'Sem en Roos', 'Bas, Mees en Jip': a name-word next to a name is a name."""
        p = self.p
        taken = {i for _, a, b in chosen for i in range(a, b)}
        ends = {b for _, _, b in chosen}
        starts = {a for _, a, _ in chosen}
        added = True
        while added:
            added = False
            for a, b, e in hits:
                if not (e.first or (e.general_first and not self.has_people)) or a in taken:
                    continue
                if any(i in public or i in taken for i in range(a, b)) or b - a != 1:
                    continue
                if p.word(a - 1) in self.cues["determiners"] or not (p.cap(a) or p.no_upper):
                    continue
                left = (p.word(a - 1) in {"en", "n"} and (a - 1) in ends) or (
                    a in ends and "," in p.between(a - 1, a)
                )
                right = (p.word(b) in {"en", "n"} and (b + 1) in starts) or (
                    b in starts and "," in p.between(b - 1, b))  # fmt: skip
                if left or right:
                    m = self._mention(a, b, "first", tuple(e.first), 0.8)
                    chosen.append(m)
                    taken.add(a)
                    ends.add(b)
                    starts.add(a)
                    added = True
        return chosen


def _initial(index: NameIndex, pos: int) -> str:
    first = index.people[pos].first_name or index.people[pos].nickname
    return first[:1].lower()


def _non_overlapping(items: list[tuple[Mention, int, int]]) -> list[tuple[Mention, int, int]]:
    ranked = sorted(items, key=lambda t: (-(t[2] - t[1]), -t[0].confidence, t[1]))
    taken: set[int] = set()
    out = []
    for m, a, b in ranked:
        if any(i in taken for i in range(a, b)):
            continue
        taken.update(range(a, b))
        out.append((m, a, b))
    return out
