"""The people directory: DESIGN §4 CSV and OneRoster 1.1 folders, bad rows, parents, speed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from socialprotocol.demo import demo_directory_path
from socialprotocol.demo.generate import generate, write_csv
from socialprotocol.engine.directory import load_directory, parse_directory_csv
from socialprotocol.engine.model import InputError
from socialprotocol.engine.textview import TextView

HEADER = "id,first_name,prefix,last_name,nickname,role,school,group,birth_date,handles,parent_of\n"


def test_it_loads_the_demo_directory_with_parents_linked() -> None:
    d = load_directory(demo_directory_path())
    assert not d.errors
    assert len(d.people) >= 300
    assert d.schools == ["De Klimop", "De Zonnewijzer"]
    lisa = d.by_id("zw-l001")
    assert lisa is not None and lisa.group == "groep 6"
    assert [p.id for p in d.parents_of("zw-l001")] == ["zw-o001"]
    assert [c.first_name for c in d.children_of("zw-o001")] == ["Lisa"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("p1,Sem,,Bakker,,pupil,,,,,", "komt twee keer voor"),
        (",Sem,,Bakker,,pupil,,,,,", "id is leeg"),
        ("p9,,,,,pupil,,,,,", "voornaam en achternaam zijn allebei leeg"),
        ("p9,Sem,,Bakker,,rector,,,,,", "onbekende rol 'rector'"),
        ("p9,Sem,,Bakker,,pupil,,,12-03-2016,,", "geboortedatum '12-03-2016'"),
        ("p9,Sem,,Bakker,,pupil,,,,instagram,", "handle 'instagram'"),
        ("p9,Sem,Bakker,pupil", "velden in plaats van 11"),
    ],
)
def test_it_reports_a_bad_row_with_its_line_and_loads_the_rest(row: str, message: str) -> None:
    text = (
        HEADER + "p1,Lisa,,Yilmaz,,leerling,,groep 6,,,\n" + row + "\np2,Noah,,Kaya,,pupil,,,,,\n"
    )
    d = parse_directory_csv(text)
    assert [p.id for p in d.people][-1] == "p2"
    assert len(d.errors) == 1
    assert str(d.errors[0]).startswith("regel 3: ")
    assert message in d.errors[0].message


def test_it_accepts_dutch_role_words_and_splits_a_tussenvoegsel_out_of_the_surname() -> None:
    d = parse_directory_csv(
        HEADER + "p1,Daan,,van der Berg,,leerling,,,,,\nm1,Sanne,,Visser,,medewerker,,,,,\n"
    )
    assert [(p.role, p.prefix, p.last_name) for p in d.people] == [
        ("pupil", "van der", "Berg"),
        ("staff", "", "Visser"),
    ]


def test_it_warns_about_a_parent_linked_to_an_unknown_child() -> None:
    d = parse_directory_csv(HEADER + "o1,Fatma,,Yilmaz,,parent,,,,,p404\n")
    assert "p404" in str(d.errors[0]) and d.errors[0].line == 2


def test_it_rejects_a_file_without_the_required_columns() -> None:
    with pytest.raises(InputError, match="regel 1"):
        parse_directory_csv("naam,rol\nSem,leerling\n")


def _oneroster(folder: Path) -> Path:
    files = {
        "orgs.csv": "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
        "org1,active,,De Zonnewijzer,school,,\n",
        "users.csv": "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
        "userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,"
        "grades,password\n"
        "u1,active,,true,org1,student,,,Daan,Berg,van der,,,,,u3,06,\n"
        "u2,active,,true,org1,teacher,,,Sanne,Visser,,,,,,,,\n"
        "u3,active,,true,org1,guardian,,,Marloes,van der Berg,,,,,,,,\n"
        "u4,active,,true,org1,janitor,,,Kees,Bos,,,,,,,,\n"
        "u5,tobedeleted,,true,org1,student,,,Oud,Leerling,,,,,,,,\n",
        "classes.csv": "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,"
        "classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"
        "c6,active,,Groep 6,06,,6A,homeroom,,org1,,,,\n",
        "enrollments.csv": "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
        "userSourcedId,role,primary,beginDate,endDate\n"
        "e1,active,,c6,org1,u1,student,,,\n"
        "e2,active,,c6,org1,u2,teacher,true,,\n"
        "e3,active,,c9,org1,u2,teacher,,,\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_it_loads_a_oneroster_folder_with_roles_groups_and_parents(tmp_path: Path) -> None:
    d = load_directory(_oneroster(tmp_path))
    people = {p.id: p for p in d.people}
    assert set(people) == {"u1", "u2", "u3"}
    assert (people["u1"].role, people["u1"].prefix, people["u1"].last_name) == (
        "pupil",
        "van der",
        "Berg",
    )
    assert (people["u1"].school, people["u1"].group) == ("De Zonnewijzer", "Groep 6")
    assert people["u2"].role == "staff"
    assert (people["u3"].role, people["u3"].parent_of) == ("parent", ("u1",))
    problems = sorted(str(e) for e in d.errors)
    assert problems == [
        "enrollments.csv, regel 4: klas 'c9' staat niet in classes.csv; inschrijving overgeslagen",
        "users.csv, regel 5: onbekende rol 'janitor' (student, teacher, parent, guardian, "
        "administrator); rij overgeslagen",
    ]


def test_it_says_which_oneroster_file_is_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"users\.csv ontbreekt"):
        load_directory(tmp_path)


def test_it_loads_twelve_thousand_people_and_their_name_index_quickly(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    write_csv(generate(12000), path)
    t0 = time.perf_counter()
    d = load_directory(path)
    d.names  # noqa: B018 - building the index is part of loading
    elapsed = time.perf_counter() - t0
    assert len(d.people) == 12000 and not d.errors
    assert elapsed < 2.0  # target 1 s (bench/bench_people.py); slack for a busy CI machine


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Daan van der Berg was vandaag jarig", "Daan van der Berg"),
        ("Bedankt @juf.sanne.zw voor alles", "@juf.sanne.zw"),
        ("Lisa uit groep 6 heeft gewonnen", "Lisa"),
        ("Goed gedaan Sem!", None),
        ("Wat een storm vandaag", None),
    ],
)
def test_its_scope_matcher_names_clear_community_members_only(text: str, named: str | None) -> None:
    d = load_directory(demo_directory_path())
    assert d.scope_matcher(TextView(text)) == named


def test_its_name_index_follows_people_added_after_first_use() -> None:
    from socialprotocol.engine.directory import Person

    d = parse_directory_csv(HEADER + "p1,Lisa,,Yilmaz,,pupil,,,,,\n")
    assert d.scope_matcher(TextView("Noah Kaya was er ook")) is None
    d.people.append(Person(id="p2", first_name="Noah", last_name="Kaya", role="pupil"))
    assert d.scope_matcher(TextView("Noah Kaya was er ook")) == "Noah Kaya"
