"""Find abuse in one post: lexicon words in the frames that aim them at someone, patterns for
abuse without a bad word, then the context that cancels a finding (negation, quotation and
counter-speech, friendly or in-group use, the author talking about themselves).

Everything here works on the normalised text (see ``normalise``); spans go back to the post.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from socialprotocol.engine.analysers.decency.lexicon import Lexicon
from socialprotocol.engine.analysers.decency.normalise import NormText, Token
from socialprotocol.engine.analysers.decency.patterns import PatternSet
from socialprotocol.engine.wordtrie import trie_pattern

_NEG = re.compile(
    r"\b(?:niet|geen|nooit|nergens|zonder|not|never|nobody|dont|doesnt|isnt|arent|no one)\b"
    r"|\bniemand (?:\w+ )?(?:is|bent|mag|moet|noemt|noem|hoeft|zal|zou|wordt)\b"
)
_EXERTION = re.compile(
    r"\b(?:warm|heet|hitte|zon|zwaar|moe|rennen|sport|training|gym|gymles|voetbal|hardlopen|"
    r"zweet|zweten|eten|pittig|spicy|lekker eten|sportdag)\w*"
)
_NOT_ALL = re.compile(r"\b(?:niet|not) (?:alle|elke|iedere|al die|all|every)\b|\bgeen enkele\b")
_PASSIVE_REPORT = re.compile(
    r"\b(?:werd|wordt|werden|worden|is|was|zijn|ben|bent) (?:\w+ ){0,3}?"
    r"(?:uitgescholden|genoemd|nageroepen|gescholden)\b|\buitgescholden (?:voor|als)\b"
)
_NEG_AFTER = re.compile(r"\s+(?:niet|not)\b(?! (?:alleen|eens|meer|zomaar|normaal|te))")
_NOT_NEG = re.compile(
    r"\b(?:kan|kun|kunnen|kon) (?:echt |gewoon )?niet tegen\b|"
    r"\bgeen (?:echte |volwaardige |normale )?mensen\b|\bniet eens\b|\b(?:niets|niks|niet) meer dan\b|\bniet alleen\b"
)
# History lessons and projects name groups next to hard words without hating anyone.
_EDUCATIONAL = re.compile(
    r"\b(?:werden|werd|wereldoorlog|oorlog|holocaust|geschiedenis|herdenk\w*|slavernij|"
    r"les over|leren over|project over|vooroordelen|discriminatie|racisme)\b"
)
# A game or match: "ik maak je af met FIFA", "je gaat eraan met Monopoly" is banter, not a threat.
_PLAY = re.compile(
    r"\b(?:fifa|fortnite|minecraft|roblox|monopoly|uno|schaken|schaak|dammen|potje|spelletje|"
    r"spelletjes|wedstrijd|game|gamen|games|pingpong|tafeltennis|trefbal|quiz|kwartet|"
    r"mario ?kart|playstation|ps5|xbox|switch|bordspel|kaartspel|ik win|wie er wint|verliezen)\b|🎮"
)
# A veiled-threat phrase that the rest of the sentence turns into something nice or a warning
# about a thing: "wacht maar tot na school, dan gaan we samen patat halen", "watch out, the
# playground is slippery".
_KIND_SEQUEL = re.compile(
    r"[^.!?;\n]{0,60}?\b(?:samen|cadeau|cadeautje|feest|feestje|taart|patat|ijsje|trakteren|"
    r"trakteer|glad|spiegelglad|nat|slippery|wet|icy|together|party|cake)\b"
)
# A thing, not a person, as the subject: "die printer is kut" is swearing, not an insult.
_THING = re.compile(
    r"\b(?:die|dat|deze|dit|de|het|mijn|onze|this|that|the) (?:\w+ )?(?:printer|laptop|computer|"
    r"pc|app|site|website|wifi|internet|telefoon|mobiel|programma|software|systeem|magister|"
    r"chromebook|ipad|tablet|beamer|digibord|smartboard|kraan|wc|bus|trein|weer|toets|proefwerk|"
    r"huiswerk|rooster|kantine|lift|verwarming|airco|fiets|auto|game|spel|film|serie|boek|"
    r"opdracht|update|wifi|server|kopieerapparaat|printer) (?:is|was|blijft|lijkt)\b[^,.!?]{0,20}$"
)
_CLAUSE = re.compile(r"[.!?;,\n]+")
_SENTENCE = re.compile(r"[.!?;\n]+")
_QUOTES = re.compile(
    r"[\"“„”«»]([^\"“”„«»]{1,240})[\"”“»«]|(?<!\w)['‘`]([^'‘’`]{1,160})['’`](?!\w)"
)
# Distancing from a statement before it is made: "ik zou nooit zeggen dat ...", "wie denkt dat
# ..., moet ze eens leren kennen", "I would never say that ...".
_DISOWN = re.compile(
    r"\b(?:zou|zal|would|will) (?:\w+ )?(?:nooit|never) (?:\w+ )?(?:zeggen|beweren|denken|vinden|say|claim|think)"
    r"|\b(?:vind|denk|geloof|zeg) (?:\w+ )?(?:echt |helemaal |absoluut )?niet dat\b"
    r"|\bwie (?:denkt|beweert|gelooft|roept) dat\b|\b(?:dat|the idea that) (?:\w+ ){1,6}is een (?:fabel|mythe|vooroordeel)"
)
# A word that is also an animal, a people in history or a dish: "de makaken in Artis", "Dzjengis
# Khan en de Mongolen" in a history lesson, "faggots and peas" in a recipe.
_TOPIC = re.compile(
    r"\b(?:artis|dierentuin|zoo|dierenpark|apenheul|safaripark|natuurfilm|biologie\w*|"
    r"geschiedenis\w*|history|dzjengis|djengis|genghis|khan|keizerrijk|rijk|eeuw|middeleeuwen|"
    r"recipe|recept|peas|gravy|erwten|jus)\b"
)
_SELF = re.compile(r"\b(?:ik|ikke|i) (?:ben|am|voel me|was|lijk|leek)\b[^.!?,]{0,30}$")
_THIRD = re.compile(
    r"\b(?:hij|zij|ze|iemand|sommigen|mensen|een (?:jongen|meisje|leerling|ouder|vader|moeder)|§\w+"
    r"|(?:de|die|een) \w+)\s+(?:\w+\s+){0,2}$"
)
# "geen" right before a slur, not after "is/ben/bent/zijn": no people of that kind are wanted.
_NO_SLUR = re.compile(r"(?<!\bis )(?<!\bben )(?<!\bbent )(?<!\bzijn )(?<!\bwas )\bgeen (?:\w+ )?$")
_YOU = re.compile(r"\b(?:jij|je|jou|jullie|you|ur)\b")
_IF_YOU = re.compile(r"\b(?:als|wanneer|if) (?:je|jij|jullie|u|you)\b")
_FIRST = re.compile(r"\b(?:ik|wij|we|i)\s+(?:\w+\s+){0,1}$")

# What comes before a frame word to aim it at someone. Group "adv" holds the words in between.
_ADV = (
    r"(?:echt|zo|zon|zo'n|gewoon|ook|altijd|toch|nog|wel|een|n|ontzettend|heel|erg|super|mega|kei|"
    r"best|allemaal|eigenlijk|precies|net|de grootste|grote|vieze|vuile|stomme|dikke|kleine|domme|"
    r"lelijke|gore|enorme|echte|vreselijke|such|so|a|an|fucking|total|complete|absolute|really|"
    r"little|big|stupid|ugly|dumb|helemaal|beetje|flink|knettergek|hartstikke|me|ff|effe|nou|te|"
    r"zon|zo een|nogal|behoorlijk|vet|kanker|kk|kkr|tering|tyfus|fucking|mega|ultra|enorm|de|"
    r"het|[\w']+ en|[a-z]{3,}e|dom|stom|vies|lelijk|dik|klein|raar|vet|oud|lui)"
)
_MODS = (
    r"(?:vies|vuil|vet|lelijk|dik|stom|dom|smerig|achterlijk|gestoord|vieze|vuile|stomme|domme|kleine|lelijke|gore|smerige|gestoorde|achterlijke|kanker|kut|"
    r"tyfus|tering|klote|kk|kkr|fucking|dirty|stupid|ugly|debiele|godverdomde|vette|dikke|zielige)"
)


def _frame_res(subjects: str) -> dict[str, re.Pattern[str]]:
    return {
        "copula": re.compile(
            rf"(?:{subjects}) (?:bent|ben|is|zijn|was|waren|blijft|blijf|blijven|lijkt|lijk|lijken|"
            rf"wordt|word|are|r|re|is)(?P<adv>(?: {_ADV})*) $"
        ),
        "exclaim": re.compile(
            rf"(?:wat|hoe|what) (?:ben|is|zijn|bent|een|n|voor een|a|an)"
            rf"(?: (?:jij|je|jullie|hij|zij|ze|die|u|you|{subjects}))?(?: {_ADV})* $"
        ),
        "vocative": re.compile(
            rf"(?:(?:^|[,.!?:;]\s*|\b(?:he|hey|hoi|yo|oi|ey|jo|oh|kijk|hallo|dag|doei|bye|ja|nee) )"
            rf"(?:jij|jullie|you|u|je)|\b(?:jij|jullie|you))(?: {_MODS})* $"
        ),
        "inverted": re.compile(
            rf"\b(?:ben|bent|is|zijn) (?:je|jij|jullie|hij|zij|u)(?: {_ADV})* $"
        ),
        "demonstrative": re.compile(
            r"(?:^|[,.!?:;]\s*|\b(?:kijk|zie|hoor|ew|bah|jak) )(?:die|dat|deze) $"
        ),
        "you_are": re.compile(rf"\b(?:ur|youre|u r|you r|you are|u are)(?: {_ADV})* $"),
        "hey": re.compile(
            rf"(?:^|[,.!?:;]\s*)(?:he|hey|hoi|yo|oi|ey|jo|doei|dag|bye)(?: {_MODS})* $"
        ),
        "modifier": re.compile(rf"\b{_MODS} $"),
        "apposition": re.compile(r"(?:^|[,:]\s*|\b)(?:echt|gewoon|zo) (?:een|n|zon|zo'n) $"),
        "like": re.compile(
            rf"(?:zo'n|zon|als een|net een|lijkt wel een|lijk wel een|stelletje|stel|bende|"
            rf"zootje|kudde|hoop|such a|like a)(?: {_MODS})* $"
        ),
    }


_AFTER = re.compile(
    r"^(?: (?:die|dat) (?:je|jij|jullie|u) (?:bent|zijn|is)| (?:ben|bent|zijn) (?:jij|je|jullie|u)\b|"
    r" (?:jij|jullie|you)\s*[!.?,])"
)


@dataclass(frozen=True, slots=True)
class Hit:
    category: str
    start: int  # in the normalised text
    end: int
    weight: float
    reason: str  # lexicon | compound | frame:<kind> | pattern | emoji | intensifier | profanity
    word: str = ""
    disguised: bool = False


class Context:
    """Per-post facts the context checks share, each computed only when first needed."""

    def __init__(self, text: str, pats: PatternSet, friendly: bool) -> None:
        self.text = text  # normalised
        self.pats = pats
        self.friendly = friendly

    @cached_property
    def quotes(self) -> tuple[tuple[int, int], ...]:
        return tuple((m.start(), m.end()) for m in _QUOTES.finditer(self.text))

    @cached_property
    def topic(self) -> bool:
        return _TOPIC.search(self.text) is not None

    @cached_property
    def disown(self) -> bool:
        return _DISOWN.search(self.text) is not None

    @cached_property
    def condemn(self) -> bool:
        return self.pats.condemn.search(self.text) is not None

    @cached_property
    def denial(self) -> bool:
        return self.pats.denial.search(self.text) is not None

    @cached_property
    def ingroup(self) -> bool:
        return self.pats.ingroup.search(self.text) is not None


class Detector:
    def __init__(
        self, lexicon: Lexicon, patterns: PatternSet, words: frozenset[str] = frozenset()
    ) -> None:
        self.lex = lexicon
        self.words = words  # ordinary Dutch words: never "misspelt insults"
        self._inert: set[str] = set()  # cache of words that never matter on their own
        self._group_words = frozenset(
            w.split()[0]
            for w in (*lexicon.group_plural, *lexicon.group_singular, *lexicon.origin_adjectives)
        ) | {a + "e" for a in lexicon.origin_adjectives}
        # Which patterns a word can wake up; patterns without keywords always run.
        self._by_key: dict[str, list[int]] = {}
        self._always: list[int] = []
        for n, pat in enumerate(patterns.patterns):
            if pat.keys is None:
                self._always.append(n)
            else:
                for key in pat.keys:
                    self._by_key.setdefault(key, []).append(n)
        self._keys = frozenset(self._by_key)
        self.pats = patterns
        # Where a name of the board or a school can start: one scan in C instead of a look at
        # every word (the org pattern itself is too long to scan the post with).
        self._org_scan = re.compile(r"(?<![\w§])§?(?:" + trie_pattern(list(patterns.org_first)) + ")")
        m = patterns.macros
        subjects = (
            rf"{m['YOU']}|{m['P3']}|{m['WHO']}|you|u|ur|je moeder|jouw moeder|(?:die|dat) [\w']+"
        )
        self.frames = _frame_res(subjects)
        self.target_re = re.compile(
            rf"\b(?:{m['YOU']}|{m['PN']}|{m['GROUP']})\b|§\w+|\b(?:hij|zij|ze|haar|hem)\b"
        )
        self.friendly_words = frozenset(f for f in lexicon.friendly if f.isalpha() and " " not in f)
        self.friendly_phrases = tuple(f for f in lexicon.friendly if f not in self.friendly_words)

    # --- the whole post ---------------------------------------------------------------------

    def detect(self, nt: NormText) -> list[Hit]:
        text = nt.text
        words = {t.norm for t in nt.tokens}
        ctx = self._context(nt, words)
        hits: list[Hit] = []
        covered: list[tuple[int, int]] = []
        for hit in self._pattern_hits(nt, words):
            hits.append(hit)
            covered.append((hit.start, hit.end))
        offsets = self._token_offsets(nt)
        inert = self._inert
        for i, tok in enumerate(nt.tokens):
            if tok.norm in inert:
                continue
            a, b = offsets[i]
            found = self._token_hit(nt, i, tok, a, b, ctx, offsets)
            if found is None:
                if len(inert) < 200_000 and self._is_inert(tok.norm):
                    inert.add(tok.norm)
                continue
            if found.category == "profanity" and any(s <= a < e for s, e in covered):
                continue
            hits.append(found)
        kept = [h for h in hits if self._keeps(h, ctx)]
        kept.extend(self._group_hate(nt, ctx, offsets))
        # A swear word right before a finding is part of it ("so fucking ugly").
        starts = [h.start for h in kept if h.category != "profanity"]
        kept = [
            h for h in kept
            if h.category != "profanity" or not any(0 <= x - h.end <= 2 for x in starts)
        ]  # fmt: skip
        # A slur or dehumanising statement is hate, a damning word about the school is
        # reputation; the same words are not also an insult (or, for the school, defamation).
        wider = {
            "insult": ("hate", "reputation"),
            "defamation": ("reputation",),
            "profanity": ("hate",),
        }
        hate_sentences = [self._clause(text, h.start) for h in kept if h.category == "hate"]
        if hate_sentences:
            kept = [
                h for h in kept
                if h.category != "insult" or not any(a <= h.start < b for a, b in hate_sentences)
            ]  # fmt: skip
        spans = {
            c: [(h.start, h.end) for h in kept if h.category == c] for c in ("hate", "reputation")
        }
        return [
            h for h in kept
            if not any(
                s < h.end and h.start < e for c in wider.get(h.category, ()) for s, e in spans[c]
            )
        ]  # fmt: skip

    def _group_hate(self, nt: NormText, ctx: Context, offsets: list[tuple[int, int]]) -> list[Hit]:
        """A sentence about a protected group with a hostile word in it is hate, whatever the
        sentence shape: "Joden zijn niets meer dan ongedierte", "Dood aan alle vluchtelingen"."""
        text = nt.text
        if self._group_words.isdisjoint(t.norm for t in nt.tokens):
            return []  # no word that can name a group: most posts stop here
        if ctx.ingroup or self.pats.group_any.search(text) is None:
            return []
        out: list[Hit] = []
        lo = 0
        for end in [m.start() for m in _SENTENCE.finditer(text)] + [len(text)]:
            hi, start = end, lo
            lo = end + 1
            gm = self.pats.group_any.search(text, start, hi)
            if gm is None or _EDUCATIONAL.search(text, start, hi):
                continue
            for i, tok in enumerate(nt.tokens):
                a, b = offsets[i]
                if a < start or b > hi or (gm.start() <= a < gm.end()):
                    continue
                if not self._hostile(tok.norm):
                    continue
                if _NEG.search(_NOT_NEG.sub(" ", text[max(start, a - 22) : a])):
                    continue  # a negation right before the hostile word
                if _NOT_ALL.search(text, max(start, gm.start() - 16), gm.end()):
                    continue  # "niet alle moslims ..."
                hit = Hit("hate", min(gm.start(), a), max(gm.end(), b), 0.8, "group", tok.norm)
                if _NEG_AFTER.match(text, hit.end):
                    break  # "ik haat moslims niet"
                if not self._counter_speech(hit, ctx):
                    out.append(hit)
                break
        return out

    def _hostile(self, word: str) -> bool:
        if word in self.lex.hostile:
            return True
        entry = self.lex.entry(word)
        if entry is not None:
            # "best" is not a squeezed "beest": an ordinary word stays itself
            return entry.word == word or word not in self.words
        return self.lex.compound(word) is not None

    def _context(self, nt: NormText, words: set[str]) -> Context:
        text = nt.text
        friendly = bool(words & self.friendly_words) or any(
            p in text for p in self.friendly_phrases
        )
        return Context(text, self.pats, friendly)

    @staticmethod
    def _token_offsets(nt: NormText) -> list[tuple[int, int]]:
        return [(t.at, t.to) for t in nt.tokens]

    def _is_inert(self, word: str) -> bool:
        """A word that can never start or take part in a word finding (most words)."""
        lex = self.lex
        return not (
            word in lex.emoji or lex.entry(word) is not None or lex.is_profanity(word)
            or word in lex.person_nouns or word in lex.person_heads or word in lex.modifiers
            or lex.compound(word) is not None or lex.near(word) is not None
            or any(word.endswith(x) for x in lex.suffixes)
        )  # fmt: skip

    # --- patterns ---------------------------------------------------------------------------

    def _org_starts(self, nt: NormText) -> list[int]:
        """Where a name of the board or a school starts: tried only where a word that can begin
        one stands (a scan of the whole post with the long name alternation costs more than the
        rest)."""
        text, org = nt.text, self.pats.org
        out: list[int] = []
        end = 0
        for c in self._org_scan.finditer(text):
            at = c.start()
            if at >= end:
                m = org.match(text, at)
                if m:
                    out.append(at)
                    end = m.end()  # no start inside a name already found, as a scan would
        return out

    def _pattern_hits(self, nt: NormText, words: set[str]) -> list[Hit]:
        text = nt.text
        hits: list[Hit] = []
        intent: bool | None = None
        org: list[int] | None = None
        group: list[int] | None = None
        chosen = set(self._always)
        for word in self._keys.intersection(words):
            chosen.update(self._by_key[word])
        for n in sorted(chosen):
            pat = self.pats.patterns[n]
            if pat.needs_org:
                if org is None:
                    org = self._org_starts(nt)
                if not org:
                    continue
            if pat.needs_group:
                if group is None:
                    # A group's name starts with one of these words, so most posts skip the scan.
                    group = (
                        [] if self._group_words.isdisjoint(words)
                        else [m.start() for m in self.pats.group.finditer(text)]
                    )  # fmt: skip
                if not group:
                    continue
            if pat.anchor is None:
                found: Iterable[re.Match[str]] = pat.regex.finditer(text)
            else:
                starts = org if pat.anchor == "org" else group
                found = [m for m in (pat.regex.match(text, x) for x in starts or ()) if m]
            for m in found:
                start, end = m.start(), m.end()
                if (
                    start
                    and text[start].isalnum()
                    and (text[start - 1].isalnum() or text[start - 1] == "§")
                ):
                    continue  # inside a word: "blik maak" is not "ik maak"
                while start < end and not text[start].isalnum() and text[start] != "§":
                    start += 1
                if pat.negatable and (
                    self._negated(text, start, end, inside=True) or _NEG_AFTER.match(text, end)
                ):
                    continue
                weight = pat.weight
                if pat.needs_target:
                    lo, hi = self._clause(text, start)
                    if not self.target_re.search(text, lo, hi):
                        continue
                if pat.needs_intent:
                    if intent is None:
                        intent = self.pats.intent.search(text) is not None
                    if not intent:
                        continue
                hits.append(Hit(pat.category, start, end, weight, f"pattern:{pat.index}"))
                if pat.category == "threat" and self.pats.group.search(text, start, end):
                    # A threat against a whole group is hate as well ("we moeten die ... afmaken")
                    hits.append(Hit("hate", start, end, weight, f"pattern:{pat.index}"))
        return hits

    # --- words ------------------------------------------------------------------------------

    def _token_hit(
        self, nt: NormText, i: int, tok: Token, a: int, b: int, ctx: Context,
        offsets: list[tuple[int, int]],
    ) -> Hit | None:  # fmt: skip
        word = tok.norm
        emoji = self.lex.emoji.get(word)
        if emoji is not None:
            return self._emoji_hit(nt.text, emoji, a, b, ctx)
        if not word or not word[0].isalnum():
            return None
        entry = self.lex.entry(word)
        if word == "flikker" and i + 1 < len(nt.tokens) and nt.tokens[i + 1].norm == "op":
            entry = None  # "flikker op": the verb 'go away', not the slur
        if entry is not None:
            if entry.tier == "strong":
                if self._self_directed(nt.text, a):
                    return None
                start = self._with_modifier(nt, i, offsets)
                return Hit(entry.category, start, b, entry.weight, "lexicon", word, tok.disguised)
            frame = self._frame(nt, i, a, b, offsets, word)
            if frame is None:
                return self._profanity(nt, i, word, a, b, tok)
            kind, adv = frame
            if entry.category == "hate" and kind == "copula" and not adv.replace("een", "").strip():
                return None  # "jij bent homo" states a fact; it does not degrade
            start = self._with_modifier(nt, i, offsets) if kind == "modifier" else a
            return Hit(entry.category, start, b, entry.weight, f"frame:{kind}", word, tok.disguised)
        if (word in self.lex.person_nouns or word in self.lex.person_heads) and i > 0:
            prev = nt.tokens[i - 1].norm
            gap = nt.text[offsets[i - 1][1] : a]
            if not gap.strip() and (prev in self.lex.modifiers or self.lex.compound(prev)):
                # "kanker juf", "vuile vent", "t y f u s lijer": a curse aimed at a person
                if self._self_directed(nt.text, offsets[i - 1][0]):
                    return None
                start = self._with_modifier(nt, i, offsets)
                weight = 0.9 if self.lex.is_profanity(prev) else 0.75
                return Hit("insult", start, b, weight, "frame:modifier", word, tok.disguised)
        compound = self.lex.compound(word)
        if compound is None and word not in self.words:
            for suffix in self.lex.suffixes:
                if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                    if self._self_directed(nt.text, a):
                        return None
                    # "zeurwijf", "zeiklul": an insulting head makes the whole word an insult
                    return Hit("insult", a, b, 0.85, "compound", word, tok.disguised)
        if compound is None and len(word) >= 7 and word not in self.words:
            near = self.lex.near(word)
            if near is not None and not self._self_directed(nt.text, a):
                # A misspelt insult: "kankrlijer", "mongoel" (one letter off, not a Dutch word)
                return Hit(near.category, a, b, near.weight - 0.1, "lexicon", near.word, True)
        if compound is not None:
            if compound.kind == "intensifier":
                return Hit("profanity", a, b, 0.7, "intensifier", word, tok.disguised)
            head = self.lex.entry(compound.head)
            if compound.kind == "hate" or (head is not None and head.category == "hate"):
                return Hit("hate", a, b, 0.9, "compound", word, tok.disguised)
            if self._self_directed(nt.text, a):
                return None
            return Hit("insult", a, b, 0.9, "compound", word, tok.disguised)
        return self._profanity(nt, i, word, a, b, tok)

    def _profanity(self, nt: NormText, i: int, word: str, a: int, b: int, tok: Token) -> Hit | None:
        if not self.lex.is_profanity(word):
            return None
        canon = self.lex.canonical(word)
        nxt = nt.tokens[i + 1].norm if i + 1 < len(nt.tokens) else ""
        if canon in {"kanker", "tyfus", "tering", "pokken", "pleuris", "klere", "kolere"}:
            prev = nt.tokens[i - 1].norm if i > 0 else ""
            if prev in self.lex.disease_before or nxt in self.lex.disease_after:
                return None  # the illness, not a curse: "mijn oma heeft kanker"
        if nxt and (
            nxt in self.lex.person_heads or nxt in self.lex.person_nouns
            or (self.lex.entry(nxt) is not None and nxt not in self.lex.frame_adjectives)
        ):  # fmt: skip
            return None  # "kanker juf", "kut varken": the noun is the finding (_with_modifier)
        if canon in ("kut", "lul", "shit", "kak", "kanker") and not (
            nxt in self.lex.intensified or nxt in self.lex.frame_adjectives
        ):
            frame = self._frame(nt, i, a, b, self._token_offsets(nt), word)
            if frame is not None and frame[0] in ("copula", "exclaim", "vocative"):
                return Hit("insult", a, b, 0.8, f"frame:{frame[0]}", word, tok.disguised)
        return Hit("profanity", a, b, 0.7, "profanity", word, tok.disguised)

    def _emoji_hit(self, text: str, category: str, a: int, b: int, ctx: Context) -> Hit | None:
        lo, hi = self._clause(text, a)
        clause = text[lo:hi]
        if not self.target_re.search(clause):
            return None
        if category == "sexual" and text[a:b] in "🥵🤤😏" and _EXERTION.search(clause):
            return None  # 🥵 after a hot day or a hard training is not about anyone's body
        weight = {"insult": 0.7, "hate": 0.75, "threat": 0.75, "sexual": 0.7}[category]
        return Hit(category, a, b, weight, "emoji")

    def _with_modifier(self, nt: NormText, i: int, offsets: list[tuple[int, int]]) -> int:
        """Include a curse or insulting adjective right before the word ('vuile aap')."""
        start = offsets[i][0]
        j = i - 1
        while j >= 0 and i - j <= 2:
            prev = nt.tokens[j].norm
            if prev in self.lex.modifiers or self.lex.is_profanity(prev):
                gap = nt.text[offsets[j][1] : start]
                if gap.strip():
                    break
                start = offsets[j][0]
                j -= 1
                continue
            break
        return start

    def _frame(
        self, nt: NormText, i: int, a: int, b: int, offsets: list[tuple[int, int]], word: str
    ) -> tuple[str, str] | None:
        text = nt.text
        lo, hi = self._clause(text, a)
        before = text[max(lo, a - 70) : a]
        if word in self.lex.frame_adjectives and i + 1 < len(nt.tokens):
            na = offsets[i + 1][0]
            nxt = nt.tokens[i + 1].norm
            same_clause = na < hi and not text[b:na].strip(" ") and nxt[:1].isalnum()
            if same_clause and not (
                nxt in self.lex.person_nouns or nxt in self.lex.predicate_next
                or self.lex.entry(nxt) is not None or nt.tokens[i + 1].name_like
                or nxt in self.lex.group_plural or nxt in self.lex.group_singular
            ):  # fmt: skip
                return None  # "wat een stomme toets": about a thing, not a person
        for kind, rx in self.frames.items():
            m = rx.search(before)
            if m is None:
                continue
            if kind == "copula" and _THING.search(before):
                return None
            if kind == "apposition" and (
                word in self.lex.frame_adjectives or not self.target_re.search(text, lo, a)
            ):
                continue  # "het is echt een schande": no person to aim at
            if kind == "modifier" and word in self.lex.frame_adjectives:
                continue
            if kind == "demonstrative" and word not in self.lex.frame_adjectives:
                continue  # "die aap" may be the one in the zoo; "die dikke" is a person
            adv = m.groupdict().get("adv") or ""
            if self._self_directed(text, a) and kind in ("copula", "exclaim"):
                return None
            return kind, adv
        if _AFTER.search(text[b : b + 24]) and word not in self.lex.frame_adjectives:
            return "after", ""
        return None

    @staticmethod
    def _clause(text: str, pos: int) -> tuple[int, int]:
        lo = 0
        for m in _SENTENCE.finditer(text, 0, pos):
            lo = m.end()
        m2 = _SENTENCE.search(text, pos)
        return lo, (m2.start() if m2 else len(text))

    @staticmethod
    def _self_directed(text: str, pos: int) -> bool:
        return _SELF.search(text[max(0, pos - 40) : pos]) is not None

    # --- context that cancels ---------------------------------------------------------------

    def _negated(self, text: str, start: int, end: int, inside: bool) -> bool:
        lo = 0
        for m in _CLAUSE.finditer(text, 0, start):
            lo = m.end()
        window = text[max(lo, start - 48) : end if inside else start]
        window = _NOT_NEG.sub(" ", window)
        return _NEG.search(window) is not None

    def _keeps(self, hit: Hit, ctx: Context) -> bool:
        if hit.category == "profanity":
            return not any(s <= hit.start and hit.end <= e + 1 for s, e in ctx.quotes)
        text = ctx.text
        if hit.reason in ("lexicon", "compound") or hit.reason.startswith("frame"):
            if self._negated(text, hit.start, hit.end, inside=False) and not (
                hit.category == "hate" and _NO_SLUR.search(text, max(0, hit.start - 40), hit.start)
            ):
                return False  # "geen negers in de ouderraad" still uses the slur
            if hit.category == "insult" and ctx.friendly:
                return False
            if hit.category == "hate" and ctx.ingroup:
                return False
            if ctx.topic and hit.reason == "lexicon" and hit.category in ("hate", "insult"):
                lo, hi = self._clause(text, hit.start)
                if _TOPIC.search(text, lo, hi) and not _YOU.search(text, lo, hi):
                    return False  # the animal, the people in history, the dish
        if hit.category == "defamation":
            # Passing on a rumour ("ze zeggen dat ...") still defames; only a denial or a
            # quoted and condemned rumour does not.
            quoted = any(s <= hit.start and hit.end <= e + 1 for s, e in ctx.quotes)
            return not ctx.denial and not (quoted and ctx.condemn)
        if hit.category == "reputation":
            return True
        if (
            hit.category == "threat" and hit.reason.startswith("pattern")
            and (_PLAY.search(text) or _KIND_SEQUEL.match(text, hit.end))
        ):  # fmt: skip
            return False  # a game, or a sentence that ends in something nice
        return not self._counter_speech(hit, ctx)

    def _counter_speech(self, hit: Hit, ctx: Context) -> bool:
        """Quoting or reporting abuse to condemn it, or someone else's words reported."""
        text = ctx.text
        quoted = any(s <= hit.start and hit.end <= e + 1 for s, e in ctx.quotes)
        lo, hi = self._clause(text, hit.start)
        sentence = text[lo:hi]
        rep = None
        for m in self.pats.report.finditer(sentence):
            rep = m
            if lo + m.start() > hit.start:
                break
        reported = rep is not None
        passive = _PASSIVE_REPORT.search(text, lo, hit.start)
        if passive is not None or (ctx.disown and _DISOWN.search(text, lo, hit.start)):
            return True  # "mijn kind werd uitgescholden voor mongool": a report of abuse
        if quoted and (ctx.condemn or reported):
            return True
        if reported and ctx.condemn:
            return True
        if reported and rep is not None and lo + rep.start() < hit.start:
            head = sentence[: rep.start()]
            if _FIRST.search(head) or _IF_YOU.search(head):
                return False  # "als je nog één keer iets zegt, ...": a condition, not a report
            return _THIRD.search(head) is not None
        return False
