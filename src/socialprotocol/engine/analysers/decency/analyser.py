"""The decency analyser (A7, C2, C1/U4): insult, threat, hate, defamation, doxxing, sexual,
profanity and reputation, with spans and an explanation of what was found and why."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

from socialprotocol.engine.analysers.base import Analyser, Environment, register
from socialprotocol.engine.analysers.decency.detect import Detector, Hit
from socialprotocol.engine.analysers.decency.features import Featuriser
from socialprotocol.engine.analysers.decency.lexicon import Lexicon, load_lexicon_data
from socialprotocol.engine.analysers.decency.model import Scorer, load_scorer
from socialprotocol.engine.analysers.decency.normalise import NormText, normalise
from socialprotocol.engine.analysers.decency.patterns import (
    compile_patterns,
    load_pattern_data,
    org_phrases,
)
from socialprotocol.engine.model import Message, Post, Signal, TextEvidence
from socialprotocol.engine.textview import TextView, fold

CATEGORIES = frozenset(
    {"insult", "threat", "hate", "defamation", "doxxing", "sexual", "profanity", "reputation"}
)
# A finding below this confidence is not reported.
REPORT_AT = 0.6

_WHY: dict[str, tuple[str, str]] = {
    "threat": ("Dit dreigt iemand iets aan te doen of bloot te stellen, ook zonder scheldwoord.",
               "This threatens to harm or expose someone, even without a swear word."),
    "doxxing": ("Dit maakt bekend waar iemand woont of te vinden is, of volgt iemand, met een "
                "vijandige bedoeling.",
                "This reveals where someone lives or can be found, or follows them, with hostile "
                "intent."),
    "defamation": ("Dit beschuldigt een herkenbaar persoon van iets ernstigs of strafbaars.",
                   "This accuses an identifiable person of something serious or criminal."),
    "sexual": ("Dit is een seksuele opmerking over een persoon.",
               "This is a sexual remark about a person."),
    "reputation": ("Dit is een schadend oordeel over de school of het bestuur, geen zakelijke "
                   "kritiek.", "This is a damaging judgement of the school or board, not "
                   "factual criticism."),
    "hate": ("Dit kleineert mensen om wie ze zijn (afkomst, geloof, huidskleur, gender, "
             "geaardheid of beperking).", "This degrades people for who they are (origin, "
             "religion, colour, gender, sexuality or disability)."),
    "insult": ("Dit scheldt iemand uit of kleineert iemand.", "This calls someone names or "
               "belittles them."),
    "profanity": ("Een krachtterm zonder doelwit: geen overtreding, wel iets om over na te denken.",
                  "A swear word without a target: not a breach, but worth a thought."),
}  # fmt: skip


_NAMED: dict[str, tuple[str, str]] = {
    "threat": ("een bedreiging", "a threat"),
    "doxxing": ("het volgen of bekendmaken van waar iemand is", "following or exposing someone"),
    "defamation": ("een beschuldiging van een herkenbaar persoon", "an accusation of someone"),
    "sexual": ("een seksuele opmerking", "a sexual remark"),
    "reputation": ("schadend voor de naam van de school", "damaging to the school's name"),
    "hate": ("haatdragend", "hateful"),
    "insult": ("beledigend", "insulting"),
}


@register
class DecencyAnalyser(Analyser):
    name = "decency"
    categories = CATEGORIES

    def load(self, env: Environment) -> None:
        self.lexicon = Lexicon(load_lexicon_data())
        board = env.protocol.board
        orgs = [board.name, board.full_name, *board.aliases, *board.hashtags]
        names: set[str] = set()
        if env.directory is not None:
            orgs.extend(env.directory.schools)
            for person in env.directory.people:
                for part in (person.first_name, person.last_name, person.nickname):
                    folded = fold(part).strip()
                    if len(folded) >= 3 and " " not in folded:
                        names.add(folded)
        self.words, self.first_names = _name_lists()
        self.names = frozenset(names)
        self.org_words = frozenset(w for p in org_phrases(orgs) for w in p.split())
        self.patterns = compile_patterns(load_pattern_data(), self.lexicon, orgs)
        self.detector = Detector(self.lexicon, self.patterns, self.words)
        self.featuriser = featuriser(self.lexicon)
        self.scorer: Scorer | None = load_scorer(env.options.get("decency_model"), self.featuriser)
        self._known: dict[str, bool] = {}
        self._corrected: dict[str, str | None] = {}

    def known(self, word: str) -> bool:
        hit = self._known.get(word)
        if hit is None:
            hit = self.lexicon.known(word) or word in self.org_words
            if len(self._known) < 100_000:  # a bounded cache: posts repeat their words
                self._known[word] = hit
        return hit

    def normalise(self, text: str, folded: str | None = None) -> NormText:
        folded = fold(text) if folded is None else folded
        return normalise(
            text, folded, self.known, self.names, self.words, self.first_names, self.correct
        )

    def correct(self, word: str) -> str | None:
        """A typo of a word the patterns need (a group name), for words that are not Dutch."""
        if word in self._corrected:
            return self._corrected[word]
        # A verb form of an ordinary word ("flikkert", "pest") is not a misspelt group name.
        verb = word[-1] == "t" and word[:-1] in self.words
        fixed = (
            None
            if verb or word in self.words or self.known(word)
            else self.lexicon.near_group(word)
        )
        if len(self._corrected) < 100_000:
            self._corrected[word] = fixed
        return fixed

    def hits(self, text: str, folded: str | None = None) -> list[Hit]:
        nt = self.normalise(text, folded)
        return self.detector.detect(nt)

    def analyse(self, post: Post, view: TextView) -> Iterable[Signal]:
        nt = self.normalise(post.text, view.folded)
        hits = self.detector.detect(nt)
        if self.scorer is not None:
            hits = self.scorer.adjust(post.text, nt, hits)
        signals: list[Signal] = []
        for hit in hits:
            if hit.weight < REPORT_AT:
                continue
            start, end = nt.source_span(hit.start, hit.end)
            excerpt = post.text[start:end]
            signals.append(
                Signal(
                    category=hit.category,
                    evidence=TextEvidence(start, end, excerpt),
                    confidence=round(min(hit.weight, 0.99), 2),
                    explanation=explain(hit, excerpt),
                    analyser=self.name,
                    data={"reason": hit.reason},
                )
            )
        return signals


def featuriser(lex: Lexicon) -> Featuriser:
    """The model's word classes from the lexicon: protected groups (and more words for who
    people are) and person nouns."""
    groups = {*lex.group_plural, *lex.group_singular, *lex.origin_adjectives, *lex.identities}
    groups |= {a + "e" for a in lex.origin_adjectives}
    persons = {*lex.person_nouns, *lex.person_heads}
    return Featuriser(
        frozenset(g for g in groups if " " not in g), frozenset(p for p in persons if " " not in p)
    )


def _name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Dutch words and common first names from the shared name data (people analyser's lists),
    to tell a name at the start of a sentence from an ordinary word. Empty if absent."""
    base = resources.files("socialprotocol.engine") / "data" / "names"
    out: list[frozenset[str]] = []
    for name in ("words-nl.txt", "first_names.txt"):
        res = base / name
        if not res.is_file():
            out.append(frozenset())
            continue
        # One word a line; comment lines start with '#', which no token does, so they can stay.
        out.append(frozenset(fold(res.read_text(encoding="utf-8")).split()))
    return out[0], out[1]


def explain(hit: Hit, excerpt: str) -> Message:
    nl, en = _WHY[hit.category]
    head_nl, head_en = f"Gevonden: '{excerpt}'. ", f"Found: '{excerpt}'. "
    if hit.reason == "model":
        what_nl, what_en = _NAMED[hit.category]
        nl = (
            f"Geen vaste regel vond hier iets, maar het getrainde model beoordeelt deze zin als "
            f"{what_nl} (kans {hit.word}); dat is een inschatting, lees het na. {nl}"
        )
        en = (
            f"No fixed rule found anything here, but the trained model judges this sentence as "
            f"{what_en} (probability {hit.word}); that is an estimate, read it again. {en}"
        )
    elif hit.reason == "intensifier":
        nl = (
            "Hier versterkt de vloek alleen een ander woord (zoals 'kankerleuk'); er wordt niemand "
            "uitgescholden. Het blijft een krachtterm."
        )
        en = (
            "Here the curse only intensifies another word (like 'kankerleuk'); nobody is called "
            "names. It is still a swear word."
        )
    elif hit.reason == "compound":
        nl += " Een vloek plakt hier aan een woord voor een persoon of groep."
        en += " A curse is glued to a word for a person or group."
    elif hit.reason.startswith("frame"):
        nl += " Het woord wordt op iemand gericht (bijvoorbeeld 'jij bent ...', 'vuile ...')."
        en += " The word is aimed at someone (for example 'you are ...', 'dirty ...')."
    elif hit.reason == "emoji":
        nl += " Een emoji wordt hier op iemand gericht."
        en += " An emoji is aimed at someone here."
    if hit.disguised:
        nl += f" De spelling is verhuld ('{hit.word}' bedoeld)."
        en += f" The spelling is disguised ('{hit.word}' meant)."
    return Message(head_nl + nl, head_en + en)
