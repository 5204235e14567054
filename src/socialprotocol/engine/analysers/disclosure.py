"""Disclosure (B1, C3) and disclaimer (C4) for staff posts about the board.

A staff member discussing the board or its schools says they work there; privately they also
say the views are their own. A missing statement is a finding whose fix appends the text the
protocol file defines. The rule book decides which of the two applies to the post's context.
"""

from __future__ import annotations

import re

from socialprotocol.engine.analysers.base import Analyser, Environment, register
from socialprotocol.engine.analysers.scope import (
    SchoolNames,
    board_names,
    board_tag_regex,
    load_word_patterns,
    not_the_board_after,
)
from socialprotocol.engine.analysers.statement_model import Normaliser, Opinion, StatementModel
from socialprotocol.engine.model import ContextEvidence, Message, Post, Role, Setting, Signal
from socialprotocol.engine.textview import TextView
from socialprotocol.engine.wordtrie import Gate, Phrases, trie_pattern

_SENTENCE_BREAK = re.compile("[.!?\\n]+['\"\u2019\u201d)]?\\s")
# "Dit is geen persoonlijke mening maar een feit": the words of a disclaimer, denied.
_NOT_PERSONAL = re.compile(
    r"(?<![\w])(?:(?:geen|niet|nooit)(?: alleen| zomaar| enkel| per se)?(?: \w+){0,2} "
    # "niet mijn eigen (mening)", not "niet over mijn eigen school"
    r"(?:persoonlijke?|eigen(?=\W*$|[.,!?;:)]| (?:mening|standpunt|opvatting|visie|kijk|woorden|idee)\b)"
    r"|prive|mening|standpunt|mijne|opvatting|visie)"
    r"|(?:not|no|never)(?: \w+){0,2} (?:opinion|opinions|view|views|personal|mine)"
    r"|(?:iedereen|ieder|elk|everyone)(?: \w+){0,4} (?:eigen|recht op)"
    r"|(?:mening|standpunt)[^.!?\n,;:]{0,40}\?)(?![\w])"
)
# Cues the model takes for a disclaimer but that are none: saying what one thinks ("naar mijn
# mening", "just my two cents") and speaking as staff ("dat zeg ik als juf
# bij ASKO"); "mijn eigen kids zitten er ook" is about one's children, not one's views.
_NOT_A_DISCLAIMER = re.compile(
    r"(?<![\w])(?:naar mijn (?:mening|idee|gevoel)|mijns inziens|volgens mij|imo|imho"
    r"|in my (?:humble )?opinion|(?:my|mijn|m'n|mn) (?:two|2|twee) (?:cents|centen)"
    # "mijn eigen kids", "mijn eigen werkdruk": one's own things, not one's own views
    r"|(?:mijn|m'n|mn) eigen (?!(?:mening|standpunt|opvatting|visie|kijk|woorden|ideeen|idee"
    r"|gedachten|gedachte|oordeel|inschatting|take|ervaring|perspectief|overtuiging|rekening|titel"
    r"|smaak|gevoel|verhaal|observatie|analyse|interpretatie|lezing|beleving|indruk|gemopper"
    r"|gezeur|geklaag|rant|stem|account|naam|hoedanigheid)(?![\w]))\w+"
    r"|(?<!niet )(?:zeg|schrijf|spreek|praat)(?: ik)?(?: dit| dat| het)?(?: ook| echt| dus)? als "
    r"(?:een |de )?(?:\w+ ){0,2}(?:juf|meester|leerkracht|leraar|lerares|docent|collega|medewerker"
    r"|werknemer|directeur|insider|iemand die))(?![\w])"
)
_DENIED_BEFORE = re.compile(
    # in the same sentence: "geen ventilatie. Dit is mijn persoonlijke mening" is not denied
    r"(?<![\w])(?:niet|geen|nooit|not|no|never)(?: (?:alleen|zomaar|enkel|per se|echt))?(?: \w+)?"
    r"[^\w.!?\n]*$"
)
# "Dit is het standpunt van de school en niet dat van mij": the opposite of a disclaimer.
_OFFICIAL_NOT_MINE = re.compile(
    r"(?:standpunt|mening|visie|besluit|lijn) van (?:de|het|onze|mijn) (?:\w+ )?"
    r"(?:school|werkgever|bestuur|directie|stichting|organisatie|team)"
    r"(?:,| en)? (?:en )?niet (?:dat|die|het|de mijne|het mijne|van mij|mijn)"
)
_WORK_DENIED = re.compile(r"(?<![\w])(?:werk|werkt|werkte)(?: \w+)? (?:niet|nooit)(?![\w])")
# A former employer: "mijn vorige werkgever", "als oud-juf van ...", "ik werkte er vroeger"
# (not "Oud-collega's van Het Kompas: ik werk nu op het bestuurskantoor").
_FORMER = re.compile(
    r"(?<![\w])(?:(?:mijn|m'n|mn) (?:oude|vorige|voormalige|eerdere|ex-?) ?werkgever"
    r"|werkte (?:\w+ ){0,3}(?:vroeger|ooit|destijds)\b"
    r"|(?:ik ben|ben ik|als) (?:een )?(?:oud|ex)-?(?:medewerker|leerkracht|juf|meester|directeur"
    r"|werknemer)\b)"
)
# "Twintig jaar ben ik daar conciërge geweest": a job that may be over; the phrase rules do not
# take it, and the model is not asked (a current job said as well still counts).
_HAS_BEEN = re.compile(r"(?<![\w])(?:ik ben|ben ik|was ik|ik was) (?:\w+ ){0,4}geweest(?![\w])")
_PLAIN_OPINION = re.compile(r"(?:mijn|m'n|mn) (?:mening|standpunt|visie|opvatting|gedachte)")
_INTRODUCES = re.compile(r" ?:")
_ASKED_AFTER = re.compile(r"[^.!?\n,;:]{0,40}\?")
_NEGATED = re.compile(
    r"(?<![\w])(?:niet|geen|nooit|nergens|not|never|no longer)(?![\w])(?! (?:betere|fijnere|leukere|genoeg|zoveel|zo veel))"
)


@register
class DisclosureAnalyser(Analyser):
    name = "disclosure"
    categories = frozenset({"missing_disclosure", "missing_disclaimer"})

    def load(self, env: Environment) -> None:
        data = load_word_patterns("disclosure.yaml")
        variants = board_names(env.protocol.board, hashtags=False)
        names = [
            re.escape(v).replace(r"\ ", r"[ -]?") for v in sorted(variants, key=len, reverse=True)
        ]
        board_re = "(?:" + "|".join(names) + ")"
        # (also its account: "@ASKO_Amsterdam")
        self._board = re.compile(
            rf"(?<![\w])(?:#?{board_re}|@{board_re}_\w+)(?![\w]){not_the_board_after()}"
        )
        # A hashtag naming the board makes the post about it (#werkenbijasko, #trotsopasko),
        # without saying that the author works there.
        self._board_tag = board_tag_regex(board_names(env.protocol.board))
        self._schools = SchoolNames.from_env(env)
        self._normaliser = Normaliser.from_env(env)
        self._model = StatementModel() if env.options.get("statement_model", "") != "none" else None

        words = [r.strip() for r in data["roles"].split("|") if r.strip()]
        # Compounds and abbreviations: "ICT-coördinator", "bovenbouwleerkracht", "lkr", "dir."
        roles = rf"(?:\w+-|\w*)(?:{trie_pattern(words)})"

        others = "|".join(w.strip() for w in data["others_verbs"].split("|") if w.strip())
        # Not after "de", "hun", "vorige", ...: one look-behind per word length (re needs a
        # fixed width), not one per word.
        by_length: dict[int, list[str]] = {}
        for w in (w.strip() for w in data["not_mine"].split("|")):
            if w:
                by_length.setdefault(len(w), []).append(re.escape(w))
        not_mine = "".join(rf"(?<!\b(?:{'|'.join(ws)}) )" for _, ws in sorted(by_length.items()))

        def fill(pattern: str) -> str:
            return (
                pattern.replace("{board}", board_re)
                .replace("{role}", roles)
                .replace("{others_verbs}", others)
                .replace("{not_mine_before}", not_mine)
            )

        def compile_list(key: str) -> Phrases:
            return Phrases([fill(p) for p in data[key]])

        self._about = compile_list("about_employer")
        self._self = compile_list("self_employed")
        self._standalone = compile_list("standalone")
        # Every fixed phrase and signature names the board (or, "als iemand die er werkt",
        # refers back to it): they are tried only near those words.
        self._near_board = Gate(
            [v for v in variants if len(v) >= 3]
            + ["die er", "die daar", "die hier", "die zelf", "die ook", "die bij"],
            before=140,
            after=100,
        )
        self._back_reference = compile_list("back_reference")
        self._other = compile_list("other_subject")
        self._role_opening = re.compile(fill(data["role_opening"]))
        self._signature = re.compile(fill(data["signature"]), re.MULTILINE)
        self._signature_end = re.compile(fill(data["signature_end"]))
        self._job_at_board = re.compile(fill(data["job_at_board"]))
        self._self_job = re.compile(fill(data["self_job"]))
        self._denial = re.compile(fill(data["denial"]))
        self._others_follow = re.compile(rf"^[^.!?\n]{{0,40}}\b(?:{others})\b")
        self._disclaimer = compile_list("disclaimer")

    def analyse(self, post: Post, view: TextView) -> list[Signal]:
        if post.context.role is not Role.STAFF:
            return []
        folded = view.folded
        board = list(self._board.finditer(folded))
        about = (
            bool(board)
            or self._about.search(folded) is not None
            or self._board_tag.search(folded) is not None
            or self._schools.find(view, lenient=True) is not None
        )
        if not about:
            return []
        # What the phrase rules find stands. Where they find nothing, the model may still be
        # sure the statement is there: a disclosure only where the post names the board and no
        # sentence about it makes someone else the subject ("mijn zus werkt bij ASKO"), denies
        # it ("ik werk niet bij ASKO") or only asks it; a disclaimer not where it is denied
        # ("dit is geen persoonlijke mening").
        opinion: Opinion | None = None

        def model_says(kind: str) -> bool:
            nonlocal opinion
            if self._model is None:
                return False
            if opinion is None:
                opinion = self._model.opinion(self._normaliser.apply(folded))
            return self._model.sure(kind, opinion)

        out = []
        if not (
            self._signed(folded, board)
            or self._discloses(folded, board)
            or (board and not self._denied(folded, board) and model_says("disclosure"))
        ):
            out.append(self._missing("missing_disclosure", _WHY_DISCLOSURE))
        # The disclaimer is asked only of private posts (C4).
        if post.context.setting is Setting.PRIVATE and not (
            _OFFICIAL_NOT_MINE.search(folded) is None
            and (
                (disclaims := self._disclaims(folded))
                or (
                    disclaims is False
                    and _NOT_PERSONAL.search(folded) is None
                    and _NOT_A_DISCLAIMER.search(folded) is None
                    and model_says("disclaimer")
                )
            )
        ):
            out.append(self._missing("missing_disclaimer", _WHY_DISCLAIMER))
        return out

    def _denied(self, folded: str, board: list[re.Match[str]]) -> bool:
        sentences = {_sentence_of(folded, b.start()) for b in board}
        if all(folded[lo:hi].rstrip().endswith("?") for lo, hi in sentences):
            return True
        if _FORMER.search(folded):
            return True  # "Hoe het is bij mijn oude werkgever? ASKO was prima."
        if _HAS_BEEN.search(folded):
            return True
        return any(
            self._other.search(folded, lo, hi) is not None
            or self._denial.search(folded, lo, hi) is not None
            for lo, hi in sentences
        )

    def _disclaims(self, folded: str) -> bool | None:
        """A disclaimer phrase that is not denied ("dat is niet mijn mening", "niet alleen
        het mijne"), not asked ("Persoonlijke mening? Die hou ik voor me"), not someone
        else's words, quoted ("De wethouder zei: 'op eigen titel'"), and not "Mijn mening:"
        introducing one. None when there are only such phrases: then the model, which reads
        them too, is not asked either."""
        not_mine = False
        for m in self._disclaimer.finditer(folded):
            before = folded[max(0, m.start() - 24) : m.start()]
            if (
                _DENIED_BEFORE.search(before)
                or _ASKED_AFTER.match(folded, m.end())
                or _reported(folded, m.start(), m.end())
                # "Mijn mening: beste team van Amsterdam" says what one thinks, not whose view
                or (_PLAIN_OPINION.fullmatch(m.group()) and _INTRODUCES.match(folded, m.end()))
            ):
                not_mine = True  # the model reads these words too: it is not asked
                continue
            return True
        return None if not_mine else False

    def _signed(self, folded: str, board: list[re.Match[str]]) -> bool:
        if self._near_board.search(self._standalone, folded):
            return True
        return bool(board) and bool(
            self._near_board.search(self._signature, folded) or self._signature_end.search(folded)
        )

    def _discloses(self, folded: str, board: list[re.Match[str]]) -> bool:
        # Otherwise the author must tie themselves to the board within one sentence:
        # "Ik werk al 12 jaar bij ASKO", "Leerkracht bij ASKO hier", not "mijn vrouw werkt
        # bij ASKO" and not "werk jij bij ASKO?" (someone else is the subject).
        for lo, hi in {_sentence_of(folded, b.start()) for b in board}:
            sentence = folded[lo:hi]
            if _WORK_DENIED.search(sentence) or _FORMER.search(sentence):
                continue  # "Nee, ik werk niet bij ASKO, ik ben invalkracht via een bureau"
            if self._role_opening.match(sentence):
                return True
            if self._said_of_oneself(self._self, sentence):
                return True
            for m in (*self._job_at_board.finditer(sentence), *self._self_job.finditer(sentence)):
                if not self._someone_else(sentence, m) and (
                    self._others_follow.search(sentence, m.end()) is None
                ):
                    return True
        # "ASKO heeft een nieuwe cao. Ik werk er al tien jaar": a later sentence refers back.
        return bool(board) and self._said_of_oneself(self._back_reference, folded)

    def _said_of_oneself(self, phrases: Phrases, text: str) -> bool:
        found = list(phrases.finditer(text))
        for lo, hi in {_sentence_of(text, m.start()) for m in found}:
            sentence = text[lo:hi]
            # Each sentence is searched on its own ("^" and look-behinds at its start); when
            # the text is one sentence, that search is the one just done.
            again = found if (lo, hi) == (0, len(text)) else phrases.finditer(sentence)
            for m in again:
                if _reported(sentence, m.start(), m.end()):
                    continue  # "@Annelies 'werk bij ASKO' staat in jouw bio"
                if not self._someone_else(sentence, m):
                    return True
        return False

    def _someone_else(self, sentence: str, m: re.Match[str]) -> bool:
        """Someone else is the subject of the clause the phrase is in ("mijn vrouw werkt bij
        ASKO"); a clause before a colon or semicolon ("Voor wie nieuw is: ik ben ...") is not."""
        start = max(sentence.rfind(":", 0, m.start()), sentence.rfind(";", 0, m.start())) + 1
        if start and self._other.search(sentence, 0, start):
            # "Mijn man werkte bij ASKO; nu sta ik zelf voor de klas": the board belongs to the
            # other clause unless it is named in this one too.
            ends = [i for i in (sentence.find(":", m.end()), sentence.find(";", m.end())) if i >= 0]
            if self._board.search(sentence, start, min(ends, default=len(sentence))) is None:
                return True
        # "ik werk niet (meer) bij ASKO"; not a denial in the next clause ("ASKO is mijn baas,
        # niet een bank").
        ends = [i for i in (sentence.find(",", m.end()), sentence.find(";", m.end())) if i >= 0]
        clause_end = min(ends, default=len(sentence))
        # (searched to the end, so that its look-ahead sees "niet genoeg" past the window)
        negation = _NEGATED.search(sentence, m.start())
        if negation is not None and negation.end() <= min(clause_end, m.end() + 12):
            return True
        return self._other.search(sentence, start, m.end()) is not None

    def _missing(self, category: str, why: Message) -> Signal:
        return Signal(
            category=category,
            evidence=ContextEvidence(detail="post"),
            confidence=0.95,
            explanation=why,
            analyser=self.name,
        )


def _reported(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies in a quotation of someone else's words: in quotes, with a
    word of saying just before or after the quote ("zei:", "citaat", "gaf aan ... te")."""
    for q in _QUOTED.finditer(text, max(0, start - 220), min(len(text), end + 220)):
        if q.start() < start and end <= q.end():
            before = text[max(0, q.start() - 60) : q.start()]
            after = text[q.end() : q.end() + 30]
            return bool(
                _SAYS_BEFORE.search(before)
                or _SAYS_AFTER.match(after)
                or _ADDRESSED.search(before)  # "@Marjolein 'ik spreek alleen voor mezelf' — nou"
            )
    return False


_QUOTED = re.compile(r"""(?:^|(?<=[\s(:]))(['"])(?:(?!\1).){2,200}?\1(?=[\s.,!?;:)]|$)""")
_SAYS = (
    r"zei|zegt|zeggen|zeiden|gezegd|citaat|citeer|quote|aldus|schreef|schrijft|gaf aan|geeft aan"
    r"|stelde|stelt|riep|vertelde|vertelt|antwoordde|reageerde|tweette|twitterde|mailde|volgens"
    r"|(?:zeg|zei|schrijf|schreef|roep|riep|noem|noemde) (?:je|jij|u)"
)
_ADDRESSED = re.compile(r"@\w+\W*$")
_SAYS_BEFORE = re.compile(rf"(?<![\w])(?:{_SAYS})(?![\w])[^.!?]*$")
_SAYS_AFTER = re.compile(
    rf"\W*(?:(?:\w+ ){{0,3}}te (?:spreken|zeggen)|,? (?:\w+ ){{0,2}}(?:{_SAYS}))(?![\w])"
)


def _sentence_of(text: str, pos: int) -> tuple[int, int]:
    lo = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, pos):
        lo = m.end()
    nxt = _SENTENCE_BREAK.search(text, pos)
    return lo, (nxt.end() if nxt else len(text))


_WHY_DISCLOSURE = Message(
    "Het bericht gaat over het schoolbestuur of een van zijn scholen, en er staat niet in dat je "
    "er werkt.",
    "The post is about the school board or one of its schools and does not say you work there.",
)
_WHY_DISCLAIMER = Message(
    "Het bericht gaat over het schoolbestuur en er staat niet bij dat het je persoonlijke mening is.",
    "The post is about the school board and does not say it is your personal opinion.",
)
