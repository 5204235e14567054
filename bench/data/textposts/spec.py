"""The shape of one hand-written post and the short constructor the post files use."""

from __future__ import annotations

import re
from dataclasses import dataclass

IDENTIFIER_CATEGORIES = frozenset(
    {
        "email", "phone", "iban", "bsn", "student_number", "postcode", "address",
        "birth_date", "license_plate",
    }
)  # fmt: skip

# The board and the schools of the bench directory (bench/data/text_schools.csv): a staff post
# that names one of them must say the author works for ASKO (B1, C3) and, privately, that the
# views are personal (C4).
SCHOOLS = (
    "De Regenboog", "De Kleine Prins", "Het Kompas", "Don Bosco", "De Zonnebloem",
    "Titus Brandsma", "Sint Franciscus", "De Notenboom", "Het Vogelnest",
)  # fmt: skip
BOARD_AND_SCHOOLS = ("ASKO", *(s.split(" ", 1)[1] if s.startswith(("De ", "Het ")) else s for s in SCHOOLS))

# A staff post that refers to the author's own school or employer as an institution is about
# the board too: "onze school", "bij ons op school", "mijn werkgever", "het bestuur".
EMPLOYER_PHRASES = re.compile(
    r"\b(?:(?:onze|mijn) (?:eigen )?(?:basis)?(?:school|scholen)|bij ons op school|(?:mijn|onze) werkgever"
    r"|(?:ons|het|mijn) (?:school)?bestuur|(?:de|onze) stichting)\b",
    re.IGNORECASE,
)

ROLES = {"S": "staff", "L": "pupil", "O": "parent", "X": "other"}
CONTEXTS = {"w": "work", "p": "private"}


@dataclass(frozen=True, slots=True)
class Post:
    text: str  # with ⟦category|value⟧ and ⟪look-alike⟫ marks, see build.py
    role: str
    context: str
    platform: str
    scope: bool
    disclosure_ok: bool | None = None
    disclaimer_ok: bool | None = None
    about_school: bool | None = None


def P(
    who: str,
    platform: str,
    text: str,
    scope: bool = True,
    dis: bool | None = None,
    dcl: bool | None = None,
    about: bool | None = None,
) -> Post:
    """``who`` is role letter + context letter: Sw = staff at work, Op = parent privately."""
    return Post(text, ROLES[who[0]], CONTEXTS[who[1]], platform, scope, dis, dcl, about)
