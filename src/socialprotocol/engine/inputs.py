"""Turn what people send (a batch line, an API body, command-line words) into a Post.

One place for this, so the CLI and the web API accept exactly the same fields and give the
same Dutch errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from socialprotocol.engine.model import (
    InputError,
    MediaRef,
    Post,
    PostContext,
    parse_role,
    parse_setting,
)

# Longest post any platform accepts is about 63,000 characters (Facebook); anything much
# longer is not a post, and checking it would only waste time.
MAX_TEXT_CHARS = 100_000
LOCAL_TZ = ZoneInfo("Europe/Amsterdam")
FIELDS = frozenset(
    {"id", "text", "role", "context", "at", "platform", "author", "media", "about_school"}
)


def parse_time(value: str) -> datetime:
    """ISO 8601; a time without a zone is Dutch local time (schools are in the Netherlands)."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"Tijdstip '{value}' is niet te lezen; gebruik bijvoorbeeld 2026-11-24T10:15 "
            "of 2026-11-24T10:15:00+01:00."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_TZ)
    return moment


def check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError("Het veld 'text' moet tekst zijn.")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            f"De tekst is {len(text):,} tekens lang; een bericht mag hier hoogstens "
            f"{MAX_TEXT_CHARS:,} tekens hebben.".replace(",", ".")
        )
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise InputError("De tekst bevat tekens die geen geldige UTF-8 zijn.")
    return text


def post_from_mapping(data: Mapping[str, Any]) -> Post:
    """Build a Post from a batch line or API body (fields of DESIGN §4)."""
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise InputError(
            f"Onbekend veld {', '.join(repr(u) for u in unknown)}; "
            f"toegestaan: {', '.join(sorted(FIELDS))}."
        )
    for required in ("text", "role", "context"):
        if required not in data or data[required] is None:
            raise InputError(f"Het veld '{required}' ontbreekt.")
    for name in ("role", "context", "platform", "author", "at"):
        if data.get(name) is not None and not isinstance(data[name], str):
            raise InputError(f"Het veld '{name}' moet tekst zijn.")
    about = data.get("about_school")
    if about is not None and not isinstance(about, bool):
        raise InputError("Het veld 'about_school' moet true of false zijn.")
    media = data.get("media") or []
    if not isinstance(media, list) or not all(isinstance(m, str) for m in media):
        raise InputError("Het veld 'media' moet een lijst van bestandsnamen zijn.")
    context = PostContext(
        role=parse_role(data["role"]),
        setting=parse_setting(data["context"]),
        platform=(data.get("platform") or None),
        at=parse_time(data["at"]) if data.get("at") else None,
        author=data.get("author") or None,
        about_school=about,
    )
    return Post(check_text(data["text"]), context, tuple(MediaRef(m) for m in media))
