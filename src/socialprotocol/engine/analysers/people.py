"""Names and accounts of people (A2, C1): ``person_name`` and ``social_handle``.

The mentions come from one automaton pass over the post (``engine/mentions.py``); this
analyser decides which directory person a mention most likely is and how to redact it.
"""

from __future__ import annotations

from collections.abc import Iterable

from socialprotocol.engine.analysers.base import Analyser, Environment, register
from socialprotocol.engine.directory import Directory, Person
from socialprotocol.engine.mentions import Mention, find_mentions
from socialprotocol.engine.model import Message, Post, Signal, TextEvidence
from socialprotocol.engine.names import NameIndex
from socialprotocol.engine.textview import TextView

ROLE_PHRASE = {"pupil": "een leerling", "staff": "een medewerker", "parent": "een ouder"}
ROLE_NL = {"pupil": "leerling", "staff": "medewerker", "parent": "ouder", "other": "betrokkene"}


@register
class PeopleAnalyser(Analyser):
    name = "people"
    categories = frozenset({"person_name", "social_handle"})

    def load(self, env: Environment) -> None:
        directory = self.directory = env.directory
        self.index = directory.names if directory is not None else NameIndex([])
        self.has_people = bool(self.index.people)
        self.chosen: Chosen = {}

    def analyse(self, post: Post, view: TextView) -> Iterable[Signal]:
        out = []
        school = author_school(self.directory, post.context.author)
        for m in find_mentions(self.index, view):
            person = choose(self.index.people, m, school, self.chosen)
            if person is not None and person.id == post.context.author:
                continue  # authors may name themselves
            out.append(self._signal(post, m, person))
        return out

    def _signal(self, post: Post, m: Mention, person: Person | None) -> Signal:
        excerpt = post.text[m.start : m.end]
        category = "social_handle" if m.kind == "handle" else "person_name"
        variant = None
        if category == "person_name":
            if m.kind == "first":
                variant = "first_name_only"
            elif person is None and self.has_people:
                variant = "outside_directory"
        return Signal(
            category=category,
            evidence=TextEvidence(m.start, m.end, excerpt),
            confidence=m.confidence,
            explanation=_why(m, person),
            analyser=self.name,
            person=person.id if person is not None else None,
            variant=variant,
            replacement=None if category == "social_handle" else redaction(post, m, person),
        )


def author_school(directory: Directory | None, author: str | None) -> str:
    person = directory.by_id(author) if directory is not None and author else None
    return person.school if person is not None else ""


Chosen = dict[tuple[tuple[int, ...], str, str, str], int]


def choose(
    people: list[Person], m: Mention, school: str = "", cache: Chosen | None = None
) -> Person | None:
    """The directory person a mention most likely is: role, group and the author's school
    decide. ``cache`` keeps the answers for one directory: the same names and hints recur."""
    if not m.candidates:
        return None
    if len(m.candidates) == 1 or not (m.role_hint or m.group_hint or school):
        return people[m.candidates[0]]  # nothing to tell them apart: the first will do
    # Role counts 3, group 2, school 1; on a tie the first in the directory. A common first
    # name has hundreds of candidates in a large directory, so this is a plain loop.
    role, group = m.role_hint, m.group_hint
    key = (m.candidates, role, group, school)
    if cache is not None and key in cache:
        return people[cache[key]]
    best, best_pos = -1, -1
    for pos in m.candidates:
        p = people[pos]
        s = 3 if p.role == role else 0
        if group and p.group == group:
            s += 2
        if school and p.school == school:
            s += 1
        if s > best or (s == best and pos < best_pos):
            best, best_pos = s, pos
    if cache is not None and len(cache) < 100_000:
        cache[key] = best_pos
    return people[best_pos]


def redaction(post: Post, m: Mention, person: Person | None) -> str:
    """Initials after a title or a family word ("juf S."), a role phrase for a full name
    ("een leerling"), else the first initial ("Goed gedaan S.!")."""
    if m.kind == "hashtag":
        return ""  # a hashtag of a name goes as a whole
    text = post.text[m.start : m.end]
    letters = [w[0].upper() for w in text.replace(".", " ").split() if w[:1].isalpha()]
    if m.kind == "surname":
        return f"{letters[-1]}." if letters else "[naam]"
    head = post.text[: m.start].rstrip()
    prev = head.rsplit(None, 1)[-1].lower() if head else ""
    starts = not head or head[-1] in ".!?\n"
    if m.kind == "full" and not m.titled and (starts or prev in _PHRASE_AFTER):
        role = person.role if person else ""
        phrase = ROLE_PHRASE.get(role, "iemand")
        if role == "staff" and post.context.role.value == "staff":
            phrase = "een collega"
        return phrase[0].upper() + phrase[1:] if starts else phrase
    if m.kind == "full":
        return "".join(f"{c}." for c in letters[:1] + letters[-1:]) if letters else "[naam]"
    return f"{letters[0]}." if letters else "[naam]"


# Words after which "een leerling" reads as Dutch: "samen met een leerling", "omdat een ..."
_PHRASE_AFTER = frozenset(
    [
        "met",
        "en",
        "van",
        "voor",
        "aan",
        "bij",
        "door",
        "dat",
        "toen",
        "omdat",
        "want",
        "maar",
        "of",
        "als",
        "zag",
        "zagen",
        "hielp",
    ]
)


def _why(m: Mention, person: Person | None) -> Message:
    if person is None:
        return Message(
            "Dit lijkt een naam van een persoon (voornamenlijst, hoofdletter of aanspreekvorm).",
            "This looks like a person's name (first-name list, capital or form of address).",
        )
    role = ROLE_NL.get(person.role, person.role)
    return Message(
        f"Deze naam staat in het personenbestand ({role}).",
        f"This name is in the people directory ({person.role}).",
    )
