"""Candidate patterns for the identifiers analyser.

These only propose candidates; ``identifiers.py`` validates them (checksums, phonenumbers,
context). Patterns marked "folded" run on the folded text (lower case, no accents).
"""

from __future__ import annotations

import re

EMAIL_RE = re.compile(r"(?<![\w.+%-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}(?![\w-])")

# Written to dodge spam filters: sanne(at)gmail.com, sanne [at] asko [dot] nl, sanne at gmail dot com.
_AT = r"\s*(?:\(at\)|\[at\]|\{at\}|\(@\)|\[@\])\s*|\s+(?:at|apenstaartje)\s+"
_DOT = r"\s*(?:\.|\(dot\)|\[dot\]|\{dot\}|\(punt\)|\[punt\])\s*|\s+(?:dot|punt)\s+"
OBFUSCATED_EMAIL_RE = re.compile(
    rf"(?<![\w.+-])[\w.+-]+(?:{_AT})[\w-]+(?:(?:{_DOT})[\w-]+)*(?:{_DOT})"
    r"(?:nl|com|org|net|be|eu|edu|info|io|de|uk|fr|nu|me|app|co|ch|es|it|pl|biz|dev|online|email"
    r"|tv|se|dk|no|fi|pt|ie|us|ca|au)(?![\w-])",
    re.IGNORECASE,
)

# Two letters, two check digits, then groups of four (spaces optional), any case.
IBAN_CANDIDATE_RE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])"
)

# +31 6 12345678, 0031-6-12345678, (020) 123 4567, 06-123 456 78, +31 (0)20 1234567, +32 ...
_DIGIT = r"(?:[ .\-/–—]|\s?\(|\)\s?| [-–—] )?\(?\d\)?"
PHONE_CANDIDATE_RE = re.compile(
    rf"(?<![\w+/@.,€$-])(?:(?:\+|00)\s?[1-9]\d{{0,2}}(?:\s?\(0\))?|06\s?:|\(?0\d)(?:{_DIGIT}){{6,11}}(?![\d])"
)

# Nine digits, optionally grouped with spaces or dots (123.456.782, 1234 56 782).
BSN_CANDIDATE_RE = re.compile(r"(?<![\w.,/+€$-])\d(?:[ .]?\d){8}(?![\w/-]|[.,]\d)")
BSN_CONTEXT_RE = re.compile(
    r"\b(?:bsn|burgerservicenummer|burger ?service ?nummer|sofi\w*)\b"
)  # folded
NOT_PERSONAL_NUMBER_RE = re.compile(  # folded, in the words before a number
    r"\b(?:bestel|order|factuur|klant|artikel|zending|track|kvk|btw|referentie|ref|pakket|"
    r"transactie|ticket|polis|kenmerk|betalingskenmerk|zaak|dossier|isbn|ean|serie|"
    r"bon|licentie|vergunning|kamer van koophandel|rsin)\w*"
)

STUDENT_NUMBER_RE = re.compile(  # folded
    r"\b(?:leerling(?:en)?[ -]?(?:nummer|nr|id)|lln?r|ll\.?nr|studentnummer|studentnr|"
    r"onderwijsnummer|pupil number|student (?:number|id))\b\.?\s*(?:is\s+|:\s*|#\s*|=\s*)?"
    r"(?P<num>\d(?:[ .]?\d){3,11})(?![\d])"
)

# 1234 AB, 1234AB, 1234 ab; optionally followed by a house number (then it is an address).
POSTCODE_RE = re.compile(
    r"(?<![\w-])(?P<digits>[1-9]\d{3})(?P<space> ?)(?P<letters>[A-Za-z]{2})(?![\w])"
    r"(?:(?:,? +| *- *)(?P<num>\d{1,5}(?: ?[A-Za-z](?![\w/])|-\d{1,4}| ?-?(?:hs|bis|huis|I{1,3}|H))?)(?![\w/]|[,.:]\d))?"
)
POSTCODE_CONTEXT_RE = re.compile(
    r"\b(?:postcode|adres|woont|wonen|woon|woonachtig|verhuisd|address|zip)\b"
)
POSTCODE_STOP_LETTERS = frozenset(
    [
        "en",
        "in",
        "op",
        "is",
        "te",
        "de",
        "of",
        "al",
        "na",
        "om",
        "er",
        "ze",
        "je",
        "we",
        "me",
        "ik",
        "nu",
        "zo",
        "ja",
        "at",
        "or",
        "on",
        "to",
        "be",
        "an",
        "as",
        "by",
        "he",
        "it",
        "my",
        "no",
        "so",
        "up",
        "us",
        "oh",
        "km",
        "kg",
        "cm",
        "mm",
        "ml",
        "pm",
        "am",
        "st",
        "nd",
        "rd",
        "th",
        "jr",
        "dr",
        "mr",
        "ms",
        "vd",
        "dl",
        "gr",
        "xl",
        "ok",
        "bv",
        "ca",
        "id",
        "nr",
        "wk",
        "pp",
        "tv",
        "pc",
        "cd",
        "dj",
        "hc",
        "mb",
        "gb",
        "kb",
        "uur",
        "ct",
        "eu",
    ]
)

# Street names: a word ending in a street suffix followed by a house number.
_LOWER_OK = r"str\.|straat|laan|gracht|kade|singel|dreef|plantsoen|steeg|burgwal|straatweg|dwarsstraat|boulevard|allee"
_CAPITAL_ONLY = (
    r"weg|plein|park|hof|pad|markt|baan|veld|haven|wal|ring|erf|dijk|hoven|oord|kanaal|weide|dam|dok|zijde|meer"
)
STREET_ENDINGS = f"{_LOWER_OK}|{_CAPITAL_ONLY}"  # every ending, for a quick test before the patterns
_NUM = r"(?P<num>\d{1,4}(?: ?[a-zA-Z](?![\w/])|-\d{1,4}| ?-? ?(?:hs|bis|huis|III|II|I)(?![\w]))?)"
_PREFIX = r"(?:(?:[A-Z][\w'’.-]*|van|de|der|den|het|ter|ten|1e|2e|3e)\s+){0,3}"
STREET_RE = re.compile(
    rf"(?<![\w-])(?:{_PREFIX}[A-Za-zÀ-ÿ'’-]{{2,}}?(?:{_LOWER_OK})"
    rf"|{_PREFIX}[A-Z][A-Za-zÀ-ÿ'’-]{{1,}}?(?:{_CAPITAL_ONLY}))\s+{_NUM}"
    r"(?:,? *[1-9]\d{3} ?[A-Z]{2}(?![\w]))?(?![\w]|[,.:]\d)"
    # "Onderweg 40 min stilgestaan": a number with a unit is no house number.
    r"(?! ?(?:(?:min|minuten|sec|seconden|uur|km|kilometer|meter|kg|kilo|euro|procent|keer|graden)\b|%|°))"
)
STREET_FIRST_RE = re.compile(
    rf"(?<![\w-])(?:Laan|Plein|Weg|Kade|Dreef|Straat|Singel|Gracht|Hof|Park|Dijk) "
    rf"(?:van |der |de |den |het |ter |ten ){{1,2}}[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?\s+{_NUM}"
    r"(?![\w]|[,.:]\d)"
)

# Compounds that end like a street (-ring) but are events: "Kerstviering 12-12".
NOT_STREET_ENDINGS = ("viering",)
# Compounds that end like a street but are places in school life, not addresses.
NOT_STREETS = frozenset(
    [
        "schoolplein",
        "speelplein",
        "speelpark",
        "sportpark",
        "pretpark",
        "dierenpark",
        "attractiepark",
        "sportveld",
        "voetbalveld",
        "speelveld",
        "grasveld",
        "fietspad",
        "wandelpad",
        "snelweg",
        "zandweg",
        "spoorweg",
        "supermarkt",
        "kerstmarkt",
        "rommelmarkt",
        "vrijmarkt",
        "jaarmarkt",
        "boekenmarkt",
        "binnenhof",
        "schoolhof",
        "speelhof",
        "atletiekbaan",
        "ijsbaan",
        "zwembaan",
        "racebaan",
        "loopbaan",
        "landingsbaan",
        "onderweg",
        "bladzijde",
        "voorzijde",
        "achterzijde",
        "binnenzijde",
        "buitenzijde",
        "bovenzijde",
        "onderzijde",
        "keerzijde",
    ]
)

# "woont op de Kinkerstraat 12", "adres: Rokin 12", "werkadres: Overtoom 301"
ADDRESS_AFTER_LIVES_RE = re.compile(
    r"(?i:\b(?:woon(?:t|de|den)?|wonen|wonend|woonachtig|verhui\w* naar|gevestigd (?:op|aan)|\w*adres(?: is| wordt)?:?|address:?"
    # "ons nieuwe huis 👉 Keizersgracht 12", not "mee naar huis. Hoofdstuk 5 ..."
    r"|(?:nieuwe |ons |mijn )?huis[^\w.?\n]{1,8})\s*"
    r"(?:(?:op|aan|in)\s+)?(?:(?:de|het)\s+)?)"
    r"(?!(?i:postcode|postbus|hoofdstuk|bladzijde|blz|pagina|paragraaf|bijlage|lokaal|kamer|groep"
    r"|les|level|lijn|tram|bus|veld|week|dag)\b)(?P<addr>[A-Z][\w'’.-]{2,}(?:\s+[A-Z][\w'’.-]{1,}){0,2}\s+\d{1,4}(?: ?[a-zA-Z](?![\w])|-\d{1,4})?)"
    r"(?![\w]|[,.:]\d)"
)

# "bij de Stopera, Amstel 1", "in de Meervaart (Meer en Vaart 300)": a place named, then its
# street and number, in brackets or after a comma, where the street has no street word.
_NOT_A_STREET_NAME = (
    r"Groep|Lokaal|Hoofdstuk|Bladzijde|Blz|Pagina|Paragraaf|Bijlage|Level|Lijn|Tram|Bus|Metro|Veld"
    r"|Zaal|Kamer|Week|Dag|Les|Ronde|Tafel|Stap|Deel|Versie|Klas|Jaar|Leerjaar|Unit|Fase|Windows"
    r"|Iphone|iPhone|Formule|Vraag|Opdracht|Som|Artikel|Punt|Nummer|Nr|Team|Seizoen|Aflevering"
    r"|Hal|Gate|Spoor|Perron|Terminal|Pier|Stand|Box|Plek|Route|Uitgang|Ingang|Vak|Rij|Stoel"
    r"|Verdieping|Etage|Gebouw|Blok|Toren|Covid|Sprint|Module|Periode|Thema|Editie|Sectie|Zone"
    r"|Baan|Kanaal|Maand|Uur|Kwartaal|Niveau|Toets|Boek|Tabel|Figuur|Stelling|Regel|Oefening"
    r"|Januari|Februari|Maart|April|Mei|Juni|Juli|Augustus|September|Oktober|November|December"
    r"|Maandag|Dinsdag|Woensdag|Donderdag|Vrijdag|Zaterdag|Zondag|Ajax|Feyenoord|PSV|Top|Fifa|Pro"
)
ADDRESS_AFTER_PLACE_RE = re.compile(
    r"(?<=[A-Za-z])(?: \(|\(|, )"
    rf"(?!(?:{_NOT_A_STREET_NAME})\b)"
    r"(?P<addr>[A-Z][a-zà-ÿ]{2,}(?:(?: (?:en|van|de|der|den|het|aan|op|ter|ten))* [A-Z][a-zà-ÿ]{2,}){0,2}"
    r" \d{1,4}(?:[a-zA-Z]|-\d{1,3})?)"
    r"(?=\)|\s*$|\s+#|[.,;!?](?:\s|$)|\s+(?:om|vanaf|tot|in|te)\s)"
)

_MONTHS = (
    r"jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|juni?|juli?|aug(?:ustus)?|"
    r"sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"january|february|march|april|may|june|july|august|september|october|november|december"
)
# The dot of "17 sept." belongs to the date; the full stop after "17 september." does not.
_ABBREVIATION_DOT = (
    r"(?:(?<!uari)(?<!maart)(?<!april)(?<!mei)(?<!juni)(?<!juli)(?<!ustus)(?<!mber)(?<!ober)\.)?"
)
DATE_RE = re.compile(  # folded
    r"(?<![\d/.-])(?:[0-3]?\d)[-/.](?:[01]?\d)[-/.](?P<year>(?:19|20)\d{2}|\d{2})(?![\d/.-]\d|\d)"
    r"|(?<![\d/.-])(?P<year3>(?:19|20)\d{2})-[01]\d-[0-3]\d(?![\d/.-]\d|\d)"
    r"|(?:(?<=op )|(?<=is )|(?<=: ))(?:[0-3]?\d)[/-](?:[01]?\d)(?![\d/.-])"
    rf"|(?<![\d])(?:[0-3]?\d)(?:e|ste|de)?\s+(?:{_MONTHS}){_ABBREVIATION_DOT}"
    r"(?:\s+(?P<year2>(?:19|20)\d{2}))?(?![\w])"
)
BIRTH_CONTEXT_RE = re.compile(  # folded
    r"\b(?:geboren|geb\b|geboortedatum|geboortedag|jarig|verjaardag|verjaart|birthday|bday|"
    r"born|date of birth|dob|geboorte)"
)

# Dutch licence plates by RDW side code (X letter, 9 digit).
_SIDECODES = (
    "XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9",
    "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9",
)  # fmt: skip


def _plate_pattern(dash: str) -> str:
    shapes = []
    for code in _SIDECODES:
        parts = [("[A-Z]" if p[0] == "X" else r"\d") + f"{{{len(p)}}}" for p in code.split("-")]
        shapes.append(dash.join(parts))
    return r"(?<![\w-])(?:" + "|".join(shapes) + r")(?![\w-])"


PLATE_RE = re.compile(_plate_pattern("-"), re.IGNORECASE)
# '1-jan-26' has the shape of side code 9-XXX-99 but is a date.
PLATE_MONTHS = frozenset(
    [
        "jan",
        "feb",
        "mrt",
        "maa",
        "apr",
        "mei",
        "jun",
        "jul",
        "aug",
        "sep",
        "okt",
        "oct",
        "nov",
        "dec",
    ]
)
PLATE_PLAIN_RE = re.compile(_plate_pattern("-?"), re.IGNORECASE)
PLATE_CONTEXT_RE = re.compile(
    r"\b(?:kenteken|nummerbord|nummerplaat|licen[cs]e plate|plate)\b"
)  # folded
