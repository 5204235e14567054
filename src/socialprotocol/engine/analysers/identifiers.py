"""Identifiers (A2, C1): numbers and codes that point to one person.

Each kind is a cheap candidate pattern followed by a real validation: phonenumbers for phone
numbers, the 11-proef (python-stdnum) for BSN and onderwijsnummer, the IBAN checksum. A
candidate that fails validation is not a finding: '123456789' is not a BSN.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import onderwijsnummer as stdnum_onr

from socialprotocol.engine.analysers.base import Analyser, Environment, register
from socialprotocol.engine.analysers.identifier_patterns import (
    ADDRESS_AFTER_LIVES_RE,
    ADDRESS_AFTER_PLACE_RE,
    BIRTH_CONTEXT_RE,
    BSN_CANDIDATE_RE,
    BSN_CONTEXT_RE,
    DATE_RE,
    EMAIL_RE,
    IBAN_CANDIDATE_RE,
    NOT_PERSONAL_NUMBER_RE,
    NOT_STREET_ENDINGS,
    NOT_STREETS,
    OBFUSCATED_EMAIL_RE,
    PHONE_CANDIDATE_RE,
    PLATE_CONTEXT_RE,
    PLATE_MONTHS,
    PLATE_PLAIN_RE,
    PLATE_RE,
    POSTCODE_CONTEXT_RE,
    POSTCODE_RE,
    POSTCODE_STOP_LETTERS,
    STREET_ENDINGS,
    STREET_FIRST_RE,
    STREET_RE,
    STUDENT_NUMBER_RE,
)
from socialprotocol.engine.model import Message, Post, Signal, TextEvidence
from socialprotocol.engine.textview import TextView

# Business and service numbers are no one's personal number.
_PERSONAL_PHONE_TYPES = frozenset(
    {
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        phonenumbers.PhoneNumberType.VOIP,
        phonenumbers.PhoneNumberType.PERSONAL_NUMBER,
        phonenumbers.PhoneNumberType.PAGER,
        # 085/088 business lines: whose they are cannot be known, so they are redacted too;
        # 14 0xx municipal numbers are the exception (below).
        phonenumbers.PhoneNumberType.UAN,
    }
)

_WHY = {
    "email": Message("Een e-mailadres.", "An e-mail address."),
    "phone": Message(
        "Een geldig telefoonnummer van een persoon (gecontroleerd met phonenumbers).",
        "A valid personal phone number (checked with phonenumbers).",
    ),
    "iban": Message(
        "Een IBAN-rekeningnummer met een kloppend controlegetal.",
        "An IBAN account number with a valid check digit.",
    ),
    "bsn": Message(
        "Negen cijfers die de elfproef voor een burgerservicenummer doorstaan.",
        "Nine digits that pass the eleven test for a citizen service number.",
    ),
    "student_number": Message(
        "Een onderwijsnummer of leerlingnummer.", "An education number or pupil number."
    ),
    "postcode": Message("Een Nederlandse postcode.", "A Dutch postcode."),
    "address": Message(
        "Een adres: straat of postcode met huisnummer.",
        "An address: street or postcode with a house number.",
    ),
    "birth_date": Message(
        "Een datum bij 'geboren', 'jarig' of 'verjaardag'.",
        "A date next to 'born', 'birthday' or similar.",
    ),
    "license_plate": Message(
        "Een Nederlands kenteken (volgens de sidecodes van de RDW).",
        "A Dutch licence plate (following the RDW side codes).",
    ),
}


def _signal(view: TextView, category: str, start: int, end: int, confidence: float) -> Signal:
    return Signal(
        category=category,
        evidence=TextEvidence(start, end, view.text[start:end]),
        confidence=confidence,
        explanation=_WHY[category],
        analyser=IdentifierAnalyser.name,
    )


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


@register
class IdentifierAnalyser(Analyser):
    name = "identifiers"
    categories = frozenset(
        {"email", "phone", "iban", "bsn", "student_number", "postcode", "address",
         "birth_date", "license_plate"}
    )  # fmt: skip

    def load(self, env: Environment) -> None:
        # Everything is compiled patterns and the validators' own tables: nothing to read.
        self.region = "NL"

    def analyse(self, post: Post, view: TextView) -> list[Signal]:
        text = view.text
        out: list[Signal] = []
        if "@" in text:
            out.extend(self._emails(view))
        if _AT_HINT.search(view.folded):
            out.extend(self._obfuscated_emails(view))
        digits = len(_ANY_DIGIT.findall(text))
        if not digits:
            return out
        taken: list[tuple[int, int]] = [(s.evidence.start, s.evidence.end) for s in out]  # type: ignore[union-attr]
        # Each kind needs at least this many digits: a post with a date has no phone number to
        # look for. The order of the finders is the order in which they claim text.
        for least, finder in ((2, self._ibans), (7, self._phones), (4, self._student_numbers),
                              (9, self._bsns), (1, self._addresses), (4, self._postcodes),
                              (1, self._birth_dates), (2, self._plates)):  # fmt: skip
            if digits < least:
                continue
            for sig in finder(view, taken):
                ev = sig.evidence
                assert isinstance(ev, TextEvidence)
                if sig.category not in {"address", "postcode"} and _overlaps(ev, taken):
                    continue
                out.append(sig)
                taken.append((ev.start, ev.end))
        return out

    # --- each kind ------------------------------------------------------------------------

    def _emails(self, view: TextView) -> Iterator[Signal]:
        for m in EMAIL_RE.finditer(view.text):
            yield _signal(view, "email", m.start(), m.end(), 0.99)

    def _obfuscated_emails(self, view: TextView) -> Iterator[Signal]:
        for m in OBFUSCATED_EMAIL_RE.finditer(view.text):
            yield _signal(view, "email", m.start(), m.end(), 0.9)

    def _ibans(self, view: TextView, taken: list[tuple[int, int]]) -> Iterator[Signal]:
        for m in _found(view, IBAN_CANDIDATE_RE):
            cand = m.group(0)
            # A greedy match may swallow a following word of four letters: trim until valid.
            while len(_compact(cand)) >= 15:
                if stdnum_iban.is_valid(_compact(cand)):
                    yield _signal(view, "iban", m.start(), m.start() + len(cand.rstrip()), 0.99)
                    break
                cand = re.sub(r"\s*[A-Za-z0-9]$", "", cand)

    def _phones(self, view: TextView, taken: list[tuple[int, int]]) -> Iterator[Signal]:
        text = view.text
        # Digits inside an IBAN-shaped token are account digits, even when the checksum is off.
        ibanish = [m.span() for m in _found(view, IBAN_CANDIDATE_RE)]
        for m in PHONE_CANDIDATE_RE.finditer(text):
            if any(s <= m.start() < e for s, e in ibanish):
                continue
            raw = m.group(0).rstrip(" -.(")
            # The candidate may run into a following number ("06 12345678 2x"): drop trailing
            # groups until the rest is a valid number.
            while len(_digits(raw)) >= 9:
                if self._personal_phone(raw):
                    yield _signal(view, "phone", m.start(), m.start() + len(raw), 0.97)
                    break
                cut = max(raw.rfind(" "), raw.rfind("-"), raw.rfind("."), raw.rfind("/"))
                if cut <= 0:
                    break
                raw = raw[:cut].rstrip(" -./(")

    def _personal_phone(self, raw: str) -> bool:
        if len(_digits(raw)) > 13:
            return False
        try:
            number = phonenumbers.parse(raw.replace(":", " "), self.region)
        except phonenumbers.NumberParseException:
            return False
        # number_type is UNKNOWN for an invalid number, so one call both validates and
        # classifies (is_valid_number would walk the same tables a second time).
        if str(number.national_number).startswith("14") and number.country_code == 31:
            return False  # 14 020: a municipality's number
        return phonenumbers.number_type(number) in _PERSONAL_PHONE_TYPES

    def _student_numbers(self, view: TextView, taken: list[tuple[int, int]]) -> Iterator[Signal]:
        for m in STUDENT_NUMBER_RE.finditer(view.folded):
            yield _signal(view, "student_number", m.start("num"), m.end("num"), 0.95)

    def _bsns(self, view: TextView, taken: list[tuple[int, int]]) -> Iterator[Signal]:
        folded = view.folded
        for m in BSN_CANDIDATE_RE.finditer(view.text):
            digits = _digits(m.group(0))
            if len(digits) != 9:
                continue
            before = folded[max(0, m.start() - 40) : m.start()]
            if NOT_PERSONAL_NUMBER_RE.search(before):
                continue  # an order, invoice or tracking number that happens to pass
            if stdnum_onr.is_valid(digits):
                yield _signal(view, "student_number", m.start(), m.end(), 0.95)
            elif stdnum_bsn.is_valid(digits):
                context = BSN_CONTEXT_RE.search(folded[max(0, m.start() - 40) : m.end() + 20])
                yield _signal(view, "bsn", m.start(), m.end(), 0.99 if context else 0.85)

    def _addresses(self, view: TextView, taken: list[tuple[int, int]]) -> Iterator[Signal]:
        text, folded = view.text, view.folded
        for m in _found(view, POSTCODE_RE):
            if m.group("num") and _is_postcode(m, folded):
                yield _signal(view, "address", m.start(), m.end(), 0.97)
        if "(" in text or ", " in text:
            for m in ADDRESS_AFTER_PLACE_RE.finditer(text):
                yield _signal(view, "address", m.start("addr"), m.end("addr"), 0.85)
        # A street name with a number always shows as its suffix and a digit in the folded text.
        street_hint = _STREET_HINT.search(folded) is not None
        if not street_hint and _LIVES_HINT.search(folded) is None:
            return
        for m in STREET_RE.finditer(text) if street_hint else ():
            start = _skip_lowercase_articles(text, m.start(), m.start("num"))
            street = folded[start : m.start("num")].split()
            if not street or street[-1] in NOT_STREETS or street[-1].endswith(NOT_STREET_ENDINGS):
                continue
            yield _signal(view, "address", start, m.end(), 0.93)
        for m in STREET_FIRST_RE.finditer(text):
            yield _signal(view, "address", m.start(), m.end(), 0.9)
        for m in ADDRESS_AFTER_LIVES_RE.finditer(text):
            yield _signal(view, "address", m.start("addr"), m.end("addr"), 0.9)

    def _postcodes(self, view: TextView, taken: list[tuple[int, int]]) -> Iterator[Signal]:
        for m in _found(view, POSTCODE_RE):
            if m.group("num") or not _is_postcode(m, view.folded):
                continue
            end = m.end("letters")
            ev = TextEvidence(m.start(), end, "")
            if _overlaps(ev, taken):
                continue
            yield _signal(view, "postcode", m.start(), end, 0.95)

    def _birth_dates(self, view: TextView, taken: list[tuple[int, int]]) -> Iterator[Signal]:
        folded = view.folded
        if not BIRTH_CONTEXT_RE.search(folded):
            return
        last = -1  # end of the last birth date found
        for m in DATE_RE.finditer(folded):
            if not _plausible_date(m.group(0)):
                continue
            lo, hi = _sentence(view.text, m.start(), m.end())
            if lo <= last and _LIST_NEXT.fullmatch(view.text, last, m.start()):
                # A list of birthdays: "Fenna is jarig op 17 september en Mees op 19 september"
                yield _signal(view, "birth_date", m.start(), m.end(), 0.8)
                last = m.end()
                continue
            has_year = bool(m.group("year") or m.group("year2") or m.group("year3"))
            # A full date anywhere in a sentence about birth (a list of birthdays); a day and
            # month only right next to the word ('jarig op 14 april', not 'komt op 1 december').
            window = (
                folded[lo:hi]
                if has_year
                else folded[max(lo, m.start() - 25) : min(hi, m.end() + 15)]
            )
            if BIRTH_CONTEXT_RE.search(window) or (
                # "... de verkeerde geboortedatum van Sem. Het moet 21-06-2017 zijn."
                has_year
                and hi - lo <= 50
                and _EVENT.search(folded, lo, hi) is None
                and BIRTH_CONTEXT_RE.search(folded, max(0, lo - 80), lo) is not None
            ):
                yield _signal(view, "birth_date", m.start(), m.end(), 0.95 if has_year else 0.8)
                last = m.end()

    def _plates(self, view: TextView, taken: list[tuple[int, int]]) -> Iterator[Signal]:
        if "-" in view.text and _DASH_DIGIT.search(view.text):  # every side code has one
            yield from self._dashed_plates(view)
        if PLATE_CONTEXT_RE.search(view.folded):
            for m in PLATE_PLAIN_RE.finditer(view.text):
                yield _signal(view, "license_plate", m.start(), m.end(), 0.85)

    def _dashed_plates(self, view: TextView) -> Iterator[Signal]:
        for m in PLATE_RE.finditer(view.text):
            if any(part.lower() in PLATE_MONTHS for part in m.group(0).split("-")):
                continue
            yield _signal(view, "license_plate", m.start(), m.end(), 0.93)


_ARTICLES = ("de ", "het ", "van ", "der ", "den ", "ter ", "ten ")


def _skip_lowercase_articles(text: str, start: int, stop: int) -> int:
    """'de Kinkerstraat 12' -> 'Kinkerstraat 12'; 'Van Baerlestraat' keeps its capital Van."""
    moved = True
    while moved:
        moved = False
        for art in _ARTICLES:
            if text.startswith(art, start) and start + len(art) < stop:
                start += len(art)
                moved = True
    return start


# A sentence ends at . ! ? before a capital (not 'geb. 03-03-2015') or at a line break.
_SENTENCE_END = re.compile(r"[.!?]+\s+(?=[A-Z])|\n")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    m2 = _SENTENCE_END.search(text, end)
    return lo, (m2.start() if m2 else len(text))


_NUMERIC_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.]")


def _plausible_date(s: str) -> bool:
    if re.match(r"(?:19|20)\d\d-", s):
        month, day = int(s[5:7]), int(s[8:10])
        return 1 <= day <= 31 and 1 <= month <= 12
    m = _NUMERIC_DATE.match(s)
    if m is None:
        day = int(re.match(r"\d+", s).group(0))  # type: ignore[union-attr]
        return 1 <= day <= 31
    return 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12


_ANY_DIGIT = re.compile(r"\d")
_DASH_DIGIT = re.compile(r"\d-|-\d")
_SHARED = {IBAN_CANDIDATE_RE: "_iban_candidates", POSTCODE_RE: "_postcode_candidates"}


def _found(view: TextView, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """The matches of a candidate pattern two finders share, searched once per post."""
    key = _SHARED[pattern]
    found: list[re.Match[str]] | None = view.__dict__.get(key)
    if found is None:
        found = view.__dict__[key] = list(pattern.finditer(view.text))
    return found


_AT_HINT = re.compile(r"\(at\)|\[at\]|\{at\}|\(@\)|\[@\]| at [\w-]+ (?:dot|punt) | apenstaartje ")
# Cheap tests that tell whether the costly street patterns can match at all.
_STREET_HINT = re.compile(rf"(?:{STREET_ENDINGS})\s+\d")
# Words of an event: a date in a sentence with one is not a birth date ("Studiedag 06-03-2027").
_EVENT = re.compile(
    r"dag\b|viering|feest|reis|avond|vergadering|rapport|toets|kamp|uitje|open|start|begin|vanaf"
    r"|\btot\b|\bom \d|deadline|inleveren|betalen|gesprek|afspraak|vakantie"
)
# Between two dates of a list of birthdays: " en Mees op ", ", Sem op ", " & Noor: " (names,
# not "en hij komt op").
_LIST_NEXT = re.compile(
    r"\s*(?:,|en|&|and)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?(?:\s+(?:op|on)|:)?\s*"
)
_LIVES_HINT = re.compile(r"woon|wonen|verhuisd|adres|address|huis|laan |plein |weg |kade ")


def _compact(s: str) -> str:
    return re.sub(r"\s", "", s).upper()


def _overlaps(ev: TextEvidence, taken: list[tuple[int, int]]) -> bool:
    return any(ev.start < e and s < ev.end for s, e in taken)


def _is_postcode(m: re.Match[str], folded: str) -> bool:
    letters = m.group("letters")
    if letters.upper() in {"SA", "SD", "SS"}:
        return False  # never issued
    if letters.isupper():
        return True
    # Lower case: '1071ab' is a postcode, '2026 en' is a year followed by a word.
    spaced = m.group("space") != ""
    if letters.lower() in POSTCODE_STOP_LETTERS and spaced:
        return False  # '2026 en', '1500 km': a number and a word
    near = POSTCODE_CONTEXT_RE.search(folded[max(0, m.start() - 15) : m.start()])
    if letters.lower() in POSTCODE_STOP_LETTERS and not near:
        return False
    if spaced and not near and not m.group("num"):
        year = int(m.group("digits"))
        if 1900 <= year <= 2100:
            return False
    return True
