"""The shape of a protocol file. Another board's protocol is another file of this shape."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from socialprotocol.engine.model import Message, Role, Setting, Severity

CATEGORIES: frozenset[str] = frozenset(
    {
        # personal information (A2, C1)
        "email", "phone", "iban", "bsn", "student_number", "postcode", "address", "birth_date",
        "person_name", "social_handle", "license_plate", "health", "special_category",
        "school_result", "confidential",
        # decency (A7, C2)
        "insult", "threat", "hate", "defamation", "doxxing", "sexual", "profanity",
        # other post checks
        "reputation", "missing_disclosure", "missing_disclaimer", "during_lesson",
        "staff_pupil_connection", "derailing",
        # media (A5)
        "face", "voice", "location_metadata", "metadata",
    }
)  # fmt: skip

FIX_ACTIONS = frozenset(
    {"redact", "remove", "append", "blur", "ask_consent", "strip_metadata", "rephrase", "consult"}
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def message(self) -> Message:
        return Message(self.nl, self.en)


class FixSpec(Strict):
    action: str
    text: Text | None = None

    @field_validator("action")
    @classmethod
    def known_action(cls, value: str) -> str:
        if value not in FIX_ACTIONS:
            raise ValueError(f"onbekende fix-actie '{value}'; kies uit {sorted(FIX_ACTIONS)}")
        return value


class Variant(Strict):
    severity: Severity | None = None
    message: Text | None = None
    fix: FixSpec | None = None


class CategorySpec(Strict):
    """How a breach of one kind is judged and shown."""

    label: Text  # a short name people read: "telefoonnummer"
    severity: Severity
    message: Text
    fix: FixSpec | None = None
    variants: dict[str, Variant] = Field(default_factory=dict)
    not_checked: Text | None = None  # said when no analyser can check this category for a post


class Section(Strict):
    id: str
    title: Text


class Article(Strict):
    id: str = Field(pattern=r"^[A-Za-z0-9_-]+$")
    section: str
    number: int | None = None
    source_text: str = Field(min_length=1)
    statement: Text
    roles: list[Role]
    contexts: list[Setting]
    checks: list[str] = Field(default_factory=list)
    severity: Severity | None = None  # overrides the category's severity for this article
    consult: bool = False  # a finding under this article routes the post to the supervisor
    notice: bool = False  # shown on every in-scope report (A3, A4)
    # The article applies to posts but no software can judge it: always listed as not checked.
    unchecked: Text | None = None
    guidance: Text

    @field_validator("checks")
    @classmethod
    def known_checks(cls, value: list[str]) -> list[str]:
        unknown = [c for c in value if c not in CATEGORIES]
        if unknown:
            raise ValueError(f"onbekende check(s) {unknown}; kies uit de vaste categorieën")
        return value


class Approval(Strict):
    id: str
    section: str
    body: str
    date: dt.date
    source_text: str
    statement: Text


class Board(Strict):
    name: str
    full_name: str
    aliases: list[str] = Field(default_factory=list)
    hashtags: list[str] = Field(default_factory=list)
    mission: Text | None = None


class Measure(Strict):
    id: str
    name: Text
    steps: list[Text] = Field(default_factory=list)


class Measures(Strict):
    staff: list[Measure]
    pupil_parent: list[Measure]


class Task(Strict):
    id: str
    title: Text
    phone: str | None = None
    rule: str


class Protocol(Strict):
    schema_: Literal["socialprotocol/protocol/v1"] = Field(alias="schema")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    language: str = "nl"
    board: Board
    approval: Approval
    sections: list[Section]
    articles: list[Article]
    categories: dict[str, CategorySpec]
    texts: dict[str, Text] = Field(default_factory=dict)
    measures: Measures
    tasks: list[Task] = Field(default_factory=list)
    out_of_scope: Text

    @field_validator("categories")
    @classmethod
    def known_categories(cls, value: dict[str, CategorySpec]) -> dict[str, CategorySpec]:
        unknown = sorted(set(value) - CATEGORIES)
        if unknown:
            raise ValueError(f"onbekende categorie(ën) {unknown}")
        return value

    @model_validator(mode="after")
    def consistent(self) -> Protocol:
        sections = {s.id for s in self.sections}
        seen: set[str] = set()
        for art in self.articles:
            if art.id in seen:
                raise ValueError(f"artikel '{art.id}' staat er twee keer in")
            seen.add(art.id)
            if art.section not in sections:
                raise ValueError(f"artikel '{art.id}' noemt onbekende sectie '{art.section}'")
            missing = [c for c in art.checks if c not in self.categories]
            if missing:
                raise ValueError(f"artikel '{art.id}' noemt checks zonder categorie: {missing}")
        for task in self.tasks:
            if task.rule not in seen:
                raise ValueError(f"taak '{task.id}' noemt onbekend artikel '{task.rule}'")
        return self

    def article(self, rule: str) -> Article:
        for art in self.articles:
            if art.id == rule:
                return art
        raise KeyError(rule)
