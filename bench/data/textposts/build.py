"""Builds ``bench/data/text_posts.jsonl`` from the hand-written posts in ``posts_*.py``.

The posts are written by hand with inline marks so that offsets never have to be counted:

- ``⟦category|literal⟧`` marks an identifier span; the literal is the text as it appears.
- ``⟦category|gen...⟧`` lets the builder generate a value with a valid checksum (python-stdnum):
  ``bsn|gen``, ``bsn|gen.dots``, ``bsn|gen.spaces``, ``student_number|gen``,
  ``student_number|gen.dots``, ``iban|gen:BANK``, ``iban|gen.spaced:BANK``,
  ``iban|gen.lower:BANK``.
- ``⟪kind⟫`` inserts an unlabelled look-alike that must NOT be a finding: ``badbsn``,
  ``badbsn.dots``, ``badiban:BANK``, ``badiban.spaced:BANK``.

Every labelled value is checked (phone numbers with ``phonenumbers``, checksums with
``python-stdnum``), every span offset is checked against the text, and the labels are checked
against the rules in ``bench/data/README.md``. Run from the repository root:

    bench/.venv/bin/python -m bench.data.textposts.build
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import phonenumbers
from bench.data.textposts import (
    posts_disclosure,
    posts_disclosure_more,
    posts_extra,
    posts_identifiers,
    posts_negatives,
    posts_scope,
    posts_scope_hard,
    posts_variety,
)
from bench.data.textposts.spec import (
    BOARD_AND_SCHOOLS,
    EMPLOYER_PHRASES,
    IDENTIFIER_CATEGORIES,
    Post,
)
from stdnum import iban as std_iban
from stdnum.nl import bsn as std_bsn
from stdnum.nl import onderwijsnummer as std_onr

OUT = Path(__file__).resolve().parent.parent / "text_posts.jsonl"
MARK = re.compile(r"⟦(\w+)\|([^⟧]*)⟧|⟪([\w.:]+)⟫")
POSTCODE = re.compile(r"^[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}$", re.IGNORECASE)
# Dutch licence plates, sidecodes 1-14 (with dashes as on the plate).
PLATE = re.compile(
    r"^(?:[A-Z]{2}-\d{2}-\d{2}|\d{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|[A-Z]{2}-\d{2}-[A-Z]{2}"
    r"|[A-Z]{2}-[A-Z]{2}-\d{2}|\d{2}-[A-Z]{2}-[A-Z]{2}|\d{2}-[A-Z]{3}-\d|\d-[A-Z]{3}-\d{2}"
    r"|[A-Z]{2}-\d{3}-[A-Z]|[A-Z]-\d{3}-[A-Z]{2}|[A-Z]{3}-\d{2}-[A-Z]|[A-Z]-\d{2}-[A-Z]{3}"
    r"|\d-[A-Z]{2}-\d{3}|\d{3}-[A-Z]{2}-\d)$",
    re.IGNORECASE,
)
NOT_PERSONAL_PHONE = ("800", "900", "906", "909")  # service numbers after the leading 0


class Generator:
    """Valid and invalid identifiers, reproducible (seeded)."""

    def __init__(self, seed: int = 20261124) -> None:
        self.rng = random.Random(seed)
        self.used: set[str] = set()

    def _digits(self, n: int, first: str = "123456789") -> str:
        return self.rng.choice(first) + "".join(self.rng.choice("0123456789") for _ in range(n - 1))

    def _fresh(self, value: str) -> bool:
        if value in self.used:
            return False
        self.used.add(value)
        return True

    def bsn(self) -> str:
        while True:
            v = self._digits(9, "1234569")
            if std_bsn.is_valid(v) and not v.startswith("10") and self._fresh(v):
                return v

    def bad_bsn(self) -> str:
        while True:
            v = self._digits(9, "1234569")
            if not std_bsn.is_valid(v) and not std_onr.is_valid(v) and self._fresh(v):
                return v

    def onderwijsnummer(self) -> str:
        while True:
            v = "10" + self._digits(7, "0123456789")
            if std_onr.is_valid(v) and self._fresh(v):
                return v

    def _account(self) -> str:
        # Dutch bank account numbers of 10 digits passed the old 11-proef.
        while True:
            v = "0" + self._digits(9)
            if sum(int(d) * w for d, w in zip(v, range(10, 0, -1), strict=True)) % 11 == 0:
                return v

    def iban(self, bank: str) -> str:
        body = f"{bank}{self._account()}"
        check = std_iban.calc_check_digits(f"NL00{body}")
        v = f"NL{check}{body}"
        assert std_iban.is_valid(v)
        return v

    def bad_iban(self, bank: str) -> str:
        good = self.iban(bank)
        check = int(good[2:4])
        bad = f"NL{(check + self.rng.randint(1, 40)) % 98 + 2:02d}{good[4:]}"
        assert not std_iban.is_valid(bad)
        return bad


def spaced(v: str, group: int = 4) -> str:
    return " ".join(v[i : i + group] for i in range(0, len(v), group))


def dotted(v: str) -> str:
    return f"{v[:4]}.{v[4:6]}.{v[6:]}"


def generate(cat: str, spec: str, gen: Generator) -> str:
    kind, _, bank = spec.partition(":")
    style = kind.partition(".")[2]
    if cat == "bsn":
        v = gen.bsn()
    elif cat == "student_number":
        v = gen.onderwijsnummer()
    elif cat == "iban":
        v = gen.iban(bank or "INGB")
        return {"": v, "spaced": spaced(v), "lower": v.lower()}[style]
    else:
        raise ValueError(f"cannot generate {cat}")
    return {"": v, "dots": dotted(v), "spaces": spaced(v, 3)}[style]


def lookalike(spec: str, gen: Generator) -> str:
    kind, _, bank = spec.partition(":")
    name, _, style = kind.partition(".")
    if name == "badbsn":
        v = gen.bad_bsn()
        return {"": v, "dots": dotted(v)}[style]
    if name == "badiban":
        v = gen.bad_iban(bank or "RABO")
        return {"": v, "spaced": spaced(v)}[style]
    raise ValueError(f"unknown look-alike {spec}")


def render(marked: str, gen: Generator) -> tuple[str, list[dict[str, Any]]]:
    out: list[str] = []
    spans: list[dict[str, Any]] = []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        chunk = marked[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        if m.group(3):
            value = lookalike(m.group(3), gen)
        else:
            cat, value = m.group(1), m.group(2)
            if value.startswith("gen"):
                value = generate(cat, value, gen)
            spans.append({"category": cat, "start": length, "end": length + len(value)})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def check_value(cat: str, value: str) -> None:
    """Raise when a labelled value is not what its category says."""
    if cat not in IDENTIFIER_CATEGORIES:
        raise ValueError(f"unknown category {cat}")
    if value != value.strip() or not value:
        raise ValueError(f"span has outer white space: {value!r}")
    if cat == "phone":
        num = phonenumbers.parse(value, "NL")
        if not phonenumbers.is_valid_number(num):
            raise ValueError(f"not a valid phone number: {value}")
        national = str(num.national_number)
        if num.country_code == 31 and national.startswith(NOT_PERSONAL_PHONE):
            raise ValueError(f"service numbers are not labelled: {value}")
    elif cat == "email":
        if not re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", value):
            raise ValueError(f"not an e-mail address: {value}")
    elif cat == "iban":
        if not std_iban.is_valid(value):
            raise ValueError(f"invalid IBAN: {value}")
    elif cat == "bsn":
        if not std_bsn.is_valid(value):
            raise ValueError(f"invalid BSN: {value}")
    elif cat == "student_number":
        if not std_onr.is_valid(value):
            raise ValueError(f"invalid onderwijsnummer: {value}")
    elif cat == "postcode":
        if not POSTCODE.match(value):
            raise ValueError(f"not a postcode: {value}")
    elif cat == "license_plate":
        if not PLATE.match(value):
            raise ValueError(f"not a Dutch plate sidecode: {value}")
    elif cat == "address":
        if not re.search(r"\d", value):
            raise ValueError(f"address without a number: {value}")
    elif cat == "birth_date" and not re.search(r"\d", value):
        raise ValueError(f"birth date without a day: {value}")


def check_labels(p: Post) -> None:
    """The labelling rules of README.md that can be checked mechanically."""
    if p.role == "staff" and p.context == "work" and p.about_school is None and not p.scope:
        raise ValueError("staff posts in their work context are in scope")
    if p.about_school is not None and p.about_school != p.scope:
        raise ValueError("about_school decides the scope")
    applies = p.role == "staff" and p.scope
    if not applies and p.disclosure_ok is not None:
        raise ValueError("disclosure only applies to in-scope staff posts")
    if (not applies or p.context != "private") and p.disclaimer_ok is not None:
        raise ValueError("disclaimer only applies to in-scope private staff posts")
    if p.context == "private" and (p.disclosure_ok is None) != (p.disclaimer_ok is None):
        raise ValueError("in private context B1/C3 and C4 have the same trigger")
    if applies and (p.disclosure_ok is not None) != names_the_board(p.text):
        raise ValueError("B1/C3 apply exactly when a staff post names ASKO, one of its schools or its own school")


def names_the_board(text: str) -> bool:
    folded = text.casefold()
    if EMPLOYER_PHRASES.search(text):
        return True
    return any(name.casefold() in folded for name in BOARD_AND_SCHOOLS)


def all_posts() -> Iterator[Post]:
    modules = (
        posts_disclosure,
        posts_identifiers,
        posts_negatives,
        posts_scope,
        posts_extra,
        posts_variety,
        posts_scope_hard,
        posts_disclosure_more,
    )
    for module in modules:
        yield from module.POSTS


def build() -> list[dict[str, Any]]:
    gen = Generator()
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, p in enumerate(all_posts(), start=1):
        where = f"post {n} ({p.text[:50]!r})"
        if re.search(r"⟦address\|[^⟧]*⟧,? ⟦postcode", p.text):
            raise SystemExit(f"{where}: a postcode right after an address is part of its span")
        try:
            text, spans = render(p.text, gen)
            for s in spans:
                check_value(s["category"], text[s["start"] : s["end"]])
            check_labels(p)
        except (ValueError, KeyError, phonenumbers.NumberParseException) as exc:
            raise SystemExit(f"{where}: {exc}") from None
        if text in seen:
            raise SystemExit(f"{where}: duplicate text")
        seen.add(text)
        row: dict[str, Any] = {
            "id": f"tp-{n:04d}",
            "text": text,
            "role": p.role,
            "context": p.context,
            "platform": p.platform,
        }
        if p.about_school is not None:
            row["about_school"] = p.about_school
        row |= {
            "scope": p.scope,
            "spans": spans,
            "disclosure_ok": p.disclosure_ok,
            "disclaimer_ok": p.disclaimer_ok,
        }
        rows.append(row)
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    cats = Counter(s["category"] for r in rows for s in r["spans"])
    print(f"{len(rows)} posts -> {OUT}", file=sys.stderr)
    print(f"spans: {dict(sorted(cats.items()))}", file=sys.stderr)
    print(
        "scope true/false: "
        f"{sum(r['scope'] for r in rows)}/{sum(not r['scope'] for r in rows)}; "
        f"disclosure ok/missing: {sum(r['disclosure_ok'] is True for r in rows)}/"
        f"{sum(r['disclosure_ok'] is False for r in rows)}; "
        f"disclaimer ok/missing: {sum(r['disclaimer_ok'] is True for r in rows)}/"
        f"{sum(r['disclaimer_ok'] is False for r in rows)}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
