"""The peers of the text check, loaded once per process: deduce and Presidio's pattern
recognizers, plus the labelled posts and the checker the text benchmarks share.

Presidio runs its predefined pattern recognizers directly, without an NLP engine (no spaCy
model can be downloaded here); tldextract is kept offline (its bundled suffix list).
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.common import DATA
from socialprotocol.engine.checker import Checker
from socialprotocol.engine.directory import Directory, parse_directory_csv
from socialprotocol.engine.model import Post, PostContext, parse_role, parse_setting

POSTS_FILE = DATA / "text_posts.jsonl"
SCHOOLS_FILE = DATA / "text_schools.csv"
IDENTIFIER_CATEGORIES = frozenset(
    {
        "email", "phone", "iban", "bsn", "student_number", "postcode", "address",
        "birth_date", "license_plate",
    }
)  # fmt: skip

# Peer label -> our category, only where the peer has a real equivalent.
DEDUCE_TAGS = {"telefoonnummer": "phone", "emailadres": "email", "bsn": "bsn"}  # no IBAN tag
PRESIDIO_ENTITIES = {"PHONE_NUMBER": "phone", "EMAIL_ADDRESS": "email", "IBAN_CODE": "iban"}

Span = tuple[str, int, int]  # category, start, end


def load_posts(path: Path = POSTS_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def school_directory(path: Path = SCHOOLS_FILE) -> Directory:
    return parse_directory_csv(path.read_text(encoding="utf-8"), str(path))


@cache
def checker(directory: Path = SCHOOLS_FILE) -> Checker:
    """The checker as the labelled file assumes it: the board's schools from text_schools.csv."""
    return Checker(directory=school_directory(directory))


def post_of(row: dict[str, Any], *, force_scope: bool = False) -> Post:
    about = True if force_scope else row.get("about_school")
    ctx = PostContext(
        role=parse_role(row["role"]),
        setting=parse_setting(row["context"]),
        platform=row.get("platform"),
        about_school=about,
    )
    return Post(row["text"], ctx)


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


@cache
def deduce() -> Any:
    from deduce import Deduce

    return Deduce()


def deduce_spans(text: str) -> list[Span]:
    doc = deduce().deidentify(text)
    out: list[Span] = []
    for a in doc.annotations:
        cat = DEDUCE_TAGS.get(a.tag)
        if cat:
            out.append((cat, a.start_char, a.end_char))
    return out


@cache
def presidio_recognizers() -> tuple[Any, ...]:
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    import logging

    for name in ("presidio-analyzer", "filelock", "tldextract"):
        logging.getLogger(name).setLevel(logging.WARNING)
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        CryptoRecognizer,
        DateRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        UrlRecognizer,
    )

    return (
        PhoneRecognizer(supported_regions=("NL", "BE", "DE")),
        EmailRecognizer(),
        IbanRecognizer(),
        CreditCardRecognizer(),
        IpRecognizer(),
        UrlRecognizer(),
        CryptoRecognizer(),
        DateRecognizer(),
    )


def presidio_results(text: str) -> list[Any]:
    out: list[Any] = []
    for rec in presidio_recognizers():
        out.extend(rec.analyze(text, rec.supported_entities, None))
    return out


def presidio_spans(text: str) -> list[Span]:
    out: list[Span] = []
    for r in presidio_results(text):
        cat = PRESIDIO_ENTITIES.get(r.entity_type)
        if cat:
            out.append((cat, r.start, r.end))
    return out
