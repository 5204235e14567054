"""Generate fictional school directories in the DESIGN §4 CSV format.

``people.csv`` (the demo) and the 12,000-person benchmark directory both come from here, with
a fixed seed, so they are the same on every machine. Run:
``python -m socialprotocol.demo.generate --people 12000 --out /tmp/people-12000.csv``.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from socialprotocol.engine.directory import CSV_COLUMNS

GROUPS = tuple(f"groep {n}" for n in range(1, 9))
DEMO_SCHOOLS = ("De Zonnewijzer", "De Klimop")
SCHOOL_WORDS = (
    "Zonnewijzer", "Klimop", "Regenboog", "Boomgaard", "Windroos", "Vlinderhof", "Kameleon",
    "Sterrenwacht", "Kraanvogel", "Notenkraker", "Zeester", "Wilgenhof", "Koraal", "Duinroos",
    "Fontein", "Kompas", "Horizon", "Tamboerijn", "Paddenstoel", "Eekhoorn", "Driemaster",
    "Pelikaan", "Meander", "Lantaarn", "Speelwei", "Klaproos", "Esdoorn", "Uilenburcht",
    "Springplank", "Zonnebloem", "Molenwiek", "Havik", "Orgelpijp", "Vuurtoren", "Klokbeker",
)  # fmt: skip

# Named people the README, the issue and the tests talk about; always in the demo school.
FIXED: tuple[dict[str, str], ...] = (
    {"id": "zw-m001", "first_name": "Sanne", "last_name": "Visser", "role": "staff",
     "group": "groep 6", "handles": "instagram:juf.sanne.zw"},
    {"id": "zw-m002", "first_name": "Ahmed", "last_name": "Bouzid", "role": "staff",
     "group": "groep 8"},
    {"id": "zw-m003", "first_name": "Marieke", "prefix": "de", "last_name": "Graaf",
     "role": "staff", "nickname": "Mariek"},
    {"id": "zw-l001", "first_name": "Lisa", "last_name": "Yilmaz", "role": "pupil",
     "group": "groep 6", "birth_date": "2016-04-12"},
    {"id": "zw-o001", "first_name": "Fatma", "last_name": "Yilmaz", "role": "parent",
     "parent_of": "zw-l001", "handles": "instagram:fatma.yilmaz84"},
    {"id": "zw-l002", "first_name": "Daan", "prefix": "van der", "last_name": "Berg",
     "role": "pupil", "group": "groep 5", "birth_date": "2017-09-03"},
    {"id": "zw-l003", "first_name": "Noah", "last_name": "El Amrani", "role": "pupil",
     "group": "groep 3", "birth_date": "2019-02-21"},
    {"id": "zw-o002", "first_name": "Khadija", "last_name": "El Amrani", "role": "parent",
     "parent_of": "zw-l003"},
    {"id": "zw-l004", "first_name": "Zoë", "last_name": "Çelik", "role": "pupil",
     "group": "groep 7", "birth_date": "2015-06-30", "handles": "tiktok:zoe.celik"},
    {"id": "zw-l005", "first_name": "Roos", "last_name": "Bakker", "role": "pupil",
     "group": "groep 4", "birth_date": "2018-11-08"},
    {"id": "zw-l006", "first_name": "Bas", "last_name": "Mulder", "role": "pupil",
     "group": "groep 8", "birth_date": "2014-12-01"},
    {"id": "zw-l007", "first_name": "Jayden", "last_name": "Ramdin", "role": "pupil",
     "group": "groep 6", "birth_date": "2016-07-19"},
    {"id": "zw-l008", "first_name": "Sebastiaan", "last_name": "Mus", "nickname": "Bas",
     "role": "pupil", "group": "groep 2", "birth_date": "2020-03-14"},
    {"id": "zw-l009", "first_name": "Jip", "last_name": "Koster", "role": "pupil",
     "group": "groep 3", "birth_date": "2019-05-27"},
    {"id": "zw-l010", "first_name": "Sterre", "prefix": "de", "last_name": "Boer",
     "role": "pupil", "group": "groep 5", "birth_date": "2017-10-02"},
    {"id": "zw-l011", "first_name": "Emma", "prefix": "de", "last_name": "Vries",
     "nickname": "Em", "role": "pupil", "group": "groep 4", "birth_date": "2018-01-16"},
)  # fmt: skip


@dataclass
class _State:
    rng: random.Random
    pools: dict[str, Any]
    rows: list[dict[str, str]] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)


def _pools() -> dict[str, Any]:
    text = (resources.files("socialprotocol.demo") / "names.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _background(st: _State) -> dict[str, Any]:
    bgs = list(st.pools["backgrounds"].values())
    pick: dict[str, Any] = st.rng.choices(bgs, weights=[b["weight"] for b in bgs])[0]
    return pick


def _surname(st: _State, bg: dict[str, Any]) -> tuple[str, str]:
    prefix, _, last = st.rng.choice(bg["surnames"]).rpartition("|")
    return prefix, last


def _birth(st: _State, year: int) -> str:
    return f"{year}-{st.rng.randint(1, 12):02d}-{st.rng.randint(1, 28):02d}"


def _handle(st: _State, first: str, last: str, platform: str) -> str:
    base = f"{first}.{last}".lower().replace(" ", "")
    base = "".join(c for c in base if c.isascii() and (c.isalnum() or c in "._"))
    return f"{platform}:{base}{st.rng.randint(1, 99) if st.rng.random() < 0.6 else ''}"


def _row(**kw: str) -> dict[str, str]:
    return {c: kw.get(c, "") for c in CSV_COLUMNS}


def _school(st: _State, school: str, code: str, per_group: int, year: int) -> None:
    rng, nick = st.rng, st.pools["nicknames"]
    fixed = [r for r in FIXED if code == "zw"]
    for rec in fixed:
        st.rows.append(_row(school=school, **rec))
        st.used_ids.add(rec["id"])
    counter = {"l": 100, "m": 100, "o": 100}

    def new_id(kind: str) -> str:
        counter[kind] += 1
        return f"{code}-{kind}{counter[kind]:03d}"

    for group in GROUPS:
        bg = _background(st)
        sex = rng.choice(("adults_f", "adults_f", "adults_m"))
        first = rng.choice(bg[sex])
        prefix, last = _surname(st, bg)
        handles = _handle(st, first, last, "instagram") if rng.random() < 0.3 else ""
        st.rows.append(_row(id=new_id("m"), first_name=first, prefix=prefix, last_name=last,
                            role="staff", school=school, group=group, handles=handles,
                            birth_date=_birth(st, rng.randint(1965, 1998))))  # fmt: skip
    for _ in range(4):  # directie, intern begeleider, vakleerkracht, conciërge
        bg = _background(st)
        first = rng.choice(bg[rng.choice(("adults_f", "adults_m"))])
        prefix, last = _surname(st, bg)
        st.rows.append(_row(id=new_id("m"), first_name=first, prefix=prefix, last_name=last,
                            role="staff", school=school))  # fmt: skip
    pupils_left = per_group * len(GROUPS)
    while pupils_left > 0:
        bg = _background(st)
        prefix, last = _surname(st, bg)
        kids: list[str] = []
        for _ in range(min(pupils_left, rng.choice((1, 1, 2, 2, 3)))):
            g = rng.randint(1, 8)
            first = rng.choice(bg[rng.choice(("girls", "boys"))])
            pid = new_id("l")
            handles = _handle(st, first, last, "tiktok") if g >= 7 and rng.random() < 0.2 else ""
            st.rows.append(_row(id=pid, first_name=first, prefix=prefix, last_name=last,
                                nickname=nick.get(first, "") if rng.random() < 0.5 else "",
                                role="pupil", school=school, group=GROUPS[g - 1],
                                birth_date=_birth(st, year - g - 4), handles=handles))  # fmt: skip
            kids.append(pid)
            pupils_left -= 1
        for sex in ("adults_f", "adults_m")[: rng.choice((1, 2, 2, 2))]:
            first = rng.choice(bg[sex])
            p_prefix, p_last = prefix, last
            if sex == "adults_f" and rng.random() < 0.4:
                p_prefix, p_last = _surname(st, bg)  # mothers often keep their own name
            handles = _handle(st, first, p_last, "instagram") if rng.random() < 0.2 else ""
            st.rows.append(_row(id=new_id("o"), first_name=first, prefix=p_prefix,
                                last_name=p_last, role="parent", school=school,
                                nickname=nick.get(first, "") if rng.random() < 0.3 else "",
                                parent_of=" ".join(kids), handles=handles))  # fmt: skip


def generate(people: int | None = None, seed: int = 2018, year: int = 2026) -> list[dict[str, str]]:
    """The demo directory (``people=None``) or a directory of exactly ``people`` rows."""
    st = _State(random.Random(seed), _pools())  # noqa: S311 - fictional data, not secrets
    if people is None:
        _school(st, DEMO_SCHOOLS[0], "zw", 12, year)
        _school(st, DEMO_SCHOOLS[1], "kl", 8, year)
        return st.rows
    n = 0
    while len(st.rows) < people:
        word = SCHOOL_WORDS[n % len(SCHOOL_WORDS)]
        name = f"De {word}" if n < len(SCHOOL_WORDS) else f"De {word} {n // len(SCHOOL_WORDS) + 1}"
        _school(st, name, f"s{n:03d}", 20, year)
        n += 1
    return st.rows[:people]


def write_csv(rows: list[dict[str, str]], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def rows_iter(people: int | None = None, seed: int = 2018) -> Iterator[dict[str, str]]:
    yield from generate(people, seed)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Schrijf een fictief personenbestand (CSV).")
    ap.add_argument("--people", type=int, default=None, help="aantal personen (standaard: demo)")
    ap.add_argument("--seed", type=int, default=2018)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    write_csv(generate(args.people, args.seed), args.out)


if __name__ == "__main__":
    main()
