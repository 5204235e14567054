"""Render templates.py into bench/data/people_posts.jsonl with gold spans.

    bench/.venv/bin/python -m bench.data.peopleposts.build

Placeholders are filled with people from the demo directory (seeded, so the file is the same
on every machine); every filled name is a gold community-name span with its directory id.
"""

from __future__ import annotations

import json
import random
import re
from typing import Any

from bench.common import DATA
from bench.data.peopleposts.templates import FREE, FRESH, FRESH_3, NAMED, NEGATIVES, OTHERS

from socialprotocol.demo import demo_directory_path
from socialprotocol.engine.directory import Person, load_directory
from socialprotocol.engine.textview import fold

OUT = DATA / "people_posts.jsonl"
MARK = re.compile(r"\{\{([^}]+)\}\}|\{(\w+)\}|\[([^\]]+)\]|<(\w+):([^>]+)>")
ROLES = ("staff", "parent", "pupil", "other")


def _full(p: Person) -> str:
    return " ".join(x for x in (p.first_name, p.prefix, p.last_name) if x)


def _surname(p: Person) -> str:
    return " ".join(x for x in (p.prefix, p.last_name) if x)


def _lookup(people: list[Person], written: str) -> str:
    """The id of the first directory person whose name is written like this."""
    want = fold(written)
    for p in people:
        forms = {fold(p.first_name), fold(_full(p)), fold(p.nickname), fold(_surname(p))}
        if want in forms:
            return p.id
    raise ValueError(f"{written!r} is not in the demo directory")


def render(template: str, rng: random.Random, pools: dict[str, list[Person]]) -> dict[str, Any]:
    text, names, sensitive = "", [], []
    chosen: dict[tuple[str, str], Person] = {}
    pos = 0
    for m in MARK.finditer(template):
        text += template[pos : m.start()]
        pos = m.end()
        if m.group(1):
            value = m.group(1)
            person_id = _lookup(pools["all"], value)
            names.append({"start": len(text), "end": len(text) + len(value), "person": person_id})
            text += value
        elif m.group(2):
            slot = m.group(2)
            kind = slot[0].upper()
            key = re.sub(r"[^0-9]", "", slot) or "1"
            if (kind, key) not in chosen:
                used = {p.id for p in chosen.values()}
                pick = rng.choice([p for p in pools[kind] if p.id not in used])
                chosen[(kind, key)] = pick
            person = chosen[(kind, key)]
            form = slot.lstrip("PSOHpsoh").lstrip("0123456789")
            if kind == "H":
                value = person.handles[0][1]
            elif form == "F":
                value = _full(person)
            elif form == "L":
                value = _surname(person)
            else:
                value = person.first_name
            if slot[0].islower():
                value = value.lower()
            elif form == "U":
                value = value.upper()
            names.append({"start": len(text), "end": len(text) + len(value), "person": person.id})
            text += value
        elif m.group(3):
            names.append({"start": len(text), "end": len(text) + len(m.group(3)), "person": None})
            text += m.group(3)
        else:
            cat, term = m.group(4), m.group(5)
            sensitive.append({"category": cat, "start": len(text), "end": len(text) + len(term)})
            text += term
    text += template[pos:]
    return {"text": text, "names": names, "sensitive": sensitive}


def build() -> list[dict[str, Any]]:
    rng = random.Random(2026)
    people = load_directory(demo_directory_path()).people
    pools = {
        "P": [p for p in people if p.role == "pupil"],
        "S": [p for p in people if p.role == "staff"],
        "O": [p for p in people if p.role == "parent"],
        "H": [p for p in people if p.handles],
        "all": people,
    }
    rows: list[dict[str, Any]] = []
    plan = [(t, 5) for t in NAMED] + [(t, 1) for t in OTHERS + NEGATIVES + FREE + FRESH + FRESH_3]
    for template, times in plan:
        for _ in range(times):
            row = render(template, rng, pools)
            row["role"] = rng.choice(ROLES)
            row["context"] = "work" if row["role"] == "staff" and rng.random() < 0.6 else "private"
            rows.append({"id": f"pp-{len(rows) + 1:04d}", **row})
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} posts -> {OUT}")


if __name__ == "__main__":
    main()
