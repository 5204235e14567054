"""The domain model of a planned post, what analysers find in it, and the report.

Framework-free: plain frozen dataclasses. The JSON shape of a report lives in
``report.py``; this module only holds values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal


class Role(StrEnum):
    STAFF = "staff"
    PUPIL = "pupil"
    PARENT = "parent"
    OTHER = "other"


class Setting(StrEnum):
    """Where the author posts: at work or privately (the protocol's B and C sections)."""

    WORK = "work"
    PRIVATE = "private"


class Verdict(StrEnum):
    ALLOWED = "allowed"
    REVISE = "revise"
    CONSULT = "consult"
    NOT_ALLOWED = "not_allowed"


class Severity(StrEnum):
    BLOCKING = "blocking"
    REVISE = "revise"
    ADVICE = "advice"


# Dutch words people type on the command line and in CSV files.
ROLE_WORDS: dict[str, Role] = {
    "staff": Role.STAFF,
    "medewerker": Role.STAFF,
    "personeel": Role.STAFF,
    "leerkracht": Role.STAFF,
    "pupil": Role.PUPIL,
    "leerling": Role.PUPIL,
    "student": Role.PUPIL,
    "parent": Role.PARENT,
    "ouder": Role.PARENT,
    "verzorger": Role.PARENT,
    "guardian": Role.PARENT,
    "other": Role.OTHER,
    "overig": Role.OTHER,
    "betrokkene": Role.OTHER,
}

SETTING_WORDS: dict[str, Setting] = {
    "work": Setting.WORK,
    "werk": Setting.WORK,
    "private": Setting.PRIVATE,
    "prive": Setting.PRIVATE,
    "privé": Setting.PRIVATE,
}


class InputError(ValueError):
    """Input a person gave that cannot be used; the message is Dutch and shown as is."""


def parse_role(word: str) -> Role:
    role = ROLE_WORDS.get(word.strip().casefold())
    if role is None:
        known = ", ".join(sorted({"medewerker", "leerling", "ouder", "overig", *Role}))
        raise InputError(f"Onbekende rol '{word}'. Kies uit: {known}.")
    return role


def parse_setting(word: str) -> Setting:
    setting = SETTING_WORDS.get(word.strip().casefold())
    if setting is None:
        raise InputError(f"Onbekende context '{word}'. Kies 'werk' of 'prive' (work/private).")
    return setting


@dataclass(frozen=True, slots=True)
class Message:
    """A text shown to people, Dutch first."""

    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl

    def as_dict(self) -> dict[str, str]:
        return {"nl": self.nl, "en": self.en}


@dataclass(frozen=True, slots=True)
class PostContext:
    role: Role
    setting: Setting
    platform: str | None = None
    at: datetime | None = None
    author: str | None = None  # directory id of the author, when known
    about_school: bool | None = None  # the author's own statement; decides scope when given


@dataclass(frozen=True, slots=True)
class MediaRef:
    path: str


@dataclass(frozen=True, slots=True)
class Post:
    text: str
    context: PostContext
    media: tuple[MediaRef, ...] = ()


# --- evidence: where in the post something was found ---------------------------------------


@dataclass(frozen=True, slots=True)
class TextEvidence:
    start: int  # code point offsets into Post.text, like Python indices
    end: int
    excerpt: str
    kind: Literal["text"] = "text"


@dataclass(frozen=True, slots=True)
class ImageEvidence:
    media: int
    box: tuple[int, int, int, int]  # x, y, w, h in pixels of the upright image
    kind: Literal["image"] = "image"


@dataclass(frozen=True, slots=True)
class VideoEvidence:
    media: int
    from_s: float
    to_s: float
    box: tuple[int, int, int, int] | None = None
    kind: Literal["video"] = "video"


@dataclass(frozen=True, slots=True)
class AudioEvidence:
    media: int
    from_s: float
    to_s: float
    kind: Literal["audio"] = "audio"


@dataclass(frozen=True, slots=True)
class ContextEvidence:
    detail: str = ""
    media: int | None = None  # set when the evidence is about a whole media file (metadata)
    kind: Literal["context"] = "context"


Evidence = TextEvidence | ImageEvidence | VideoEvidence | AudioEvidence | ContextEvidence


@dataclass(frozen=True, slots=True)
class Signal:
    """What one analyser found, before the protocol decides which article and how severe.

    ``variant`` picks a protocol-file variant of the category (e.g. ``first_name_only`` for a
    person_name), which may change severity, message and fix. ``replacement`` overrides the
    protocol's redaction text (e.g. initials instead of a name).
    """

    category: str
    evidence: Evidence
    confidence: float
    explanation: Message
    analyser: str
    person: str | None = None
    variant: str | None = None
    replacement: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Fix:
    action: str  # redact | remove | append | blur | ask_consent | strip_metadata | rephrase
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    category: str
    severity: Severity
    confidence: float
    evidence: Evidence
    message: Message
    explanation: Message
    fix: Fix | None
    person: str | None = None
    analyser: str = ""


@dataclass(frozen=True, slots=True)
class Notice:
    rule: str
    message: Message


@dataclass(frozen=True, slots=True)
class NotChecked:
    """An article that applies to this post but that no analyser could check here."""

    rule: str
    reason: Message
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    protocol_id: str
    approved_on: str
    context: PostContext
    in_scope: bool
    scope_reasons: tuple[str, ...]
    verdict: Verdict
    findings: tuple[Finding, ...]
    notices: tuple[Notice, ...]
    not_checked: tuple[NotChecked, ...] = ()
    fixed_text: str | None = None
