"""Sensitive matters about a person: a finding only when a person is linked to it."""

from __future__ import annotations

import pytest

from socialprotocol.demo import demo_directory_path
from socialprotocol.engine.analysers.sensitive import WordStarts, WordStartTerms
from socialprotocol.engine.checker import Checker
from socialprotocol.engine.directory import load_directory
from socialprotocol.engine.model import Post, PostContext, Report, Role, Setting, TextEvidence

SENSITIVE = {"health", "special_category", "school_result", "confidential"}


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(directory=load_directory(demo_directory_path()))


def check(checker: Checker, text: str, role: Role = Role.STAFF) -> Report:
    return checker.check(Post(text, PostContext(role, Setting.WORK)))


def matters(report: Report) -> list[tuple[str, str, str]]:
    return [
        (f.category, f.evidence.excerpt, f.severity.value)
        for f in report.findings
        if f.category in SENSITIVE and isinstance(f.evidence, TextEvidence)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lisa uit groep 6 heeft weer een epileptische aanval gehad, haar moeder Fatma Yilmaz was in paniek",
            [("health", "Lisa uit groep 6 heeft weer een epileptische aanval gehad,", "blocking")],
        ),
        (
            "Juf Sanne ligt in het ziekenhuis.",
            [("health", "Juf Sanne ligt in het ziekenhuis.", "blocking")],
        ),
        (
            "Het meisje uit groep 3 met de rode jas heeft ADHD",
            [("health", "Het meisje uit groep 3 met de rode jas heeft ADHD", "blocking")],
        ),
        (
            "De nieuwe juf van groep 5 is zwanger!",
            [("health", "De nieuwe juf van groep 5 is zwanger!", "blocking")],
        ),
        (
            "Bas Mulder is gisteren geopereerd",
            [("health", "Bas Mulder is gisteren geopereerd", "blocking")],
        ),
        (
            "Lisa Yilmaz draagt sinds kort een hoofddoek",
            [("special_category", "Lisa Yilmaz draagt sinds kort een hoofddoek", "blocking")],
        ),
        (
            "De ouders van Noah gaan scheiden.",
            [("special_category", "De ouders van Noah gaan scheiden.", "blocking")],
        ),
        # two matters of one kind in touching clauses become one finding
        (
            "Jayden Ramdin is uit huis geplaatst, jeugdzorg is betrokken",
            [
                (
                    "special_category",
                    "Jayden Ramdin is uit huis geplaatst, jeugdzorg is betrokken",
                    "blocking",
                ),
            ],
        ),
        (
            "Gefeliciteerd Bas Mulder! Hij heeft een 9 voor rekenen.",
            [("school_result", "Hij heeft een 9 voor rekenen.", "blocking")],
        ),
        (
            "Zoë Çelik kreeg havo-advies",
            [("school_result", "Zoë Çelik kreeg havo-advies", "blocking")],
        ),
        (
            "Daan van der Berg blijft zitten",
            [("school_result", "Daan van der Berg blijft zitten", "blocking")],
        ),
        (
            "Sem krijgt sinds kort ADHD-medicatie",
            [("health", "Sem krijgt sinds kort ADHD-medicatie", "blocking")],
        ),
        (
            "Lisa is autist en dat merk je",
            [("health", "Lisa is autist en dat merk je", "blocking")],
        ),
        ("Beterschap lieve Lisa!", [("health", "Beterschap lieve Lisa!", "blocking")]),
        (
            "Vandaag hoofdluis gevonden bij Lisa uit groep 6",
            [("health", "Vandaag hoofdluis gevonden bij Lisa uit groep 6", "blocking")],
        ),
        (
            "Welkom terug Sem! Fijn dat je weer beter bent",
            [("health", "Fijn dat je weer beter bent", "blocking")],
        ),
        (
            "Juf Sanne heeft een klacht ingediend tegen de directeur",
            [
                (
                    "confidential",
                    "Juf Sanne heeft een klacht ingediend tegen de directeur",
                    "blocking",
                )
            ],
        ),
        (
            "Noah is weer uit de klas gestuurd",
            [("confidential", "Noah is weer uit de klas gestuurd", "blocking")],
        ),
        (
            "Gijs kreeg zijn advies: vmbo-kader",
            [("school_result", "vmbo-kader", "blocking")],
        ),
        (
            "Mijn zoon Sem heeft ADHD",
            [("health", "Mijn zoon Sem heeft ADHD", "revise")],
        ),
        (
            "Meester Ahmed is geschorst",
            [("confidential", "Meester Ahmed is geschorst", "blocking")],
        ),
        (
            "Vertrouwelijk: de school gaat verhuizen",
            [("confidential", "Vertrouwelijk:", "blocking")],
        ),
        (
            "Trots op mijn dochter, ze kreeg vwo-advies!",
            [("school_result", ", ze kreeg vwo-advies", "revise")],
        ),
    ],
)
def test_it_finds_a_sensitive_matter_linked_to_a_person(
    checker: Checker, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert matters(check(checker, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wat een mooie dag op schoolreis!",
        "Er heerst griep op school, blijf thuis als je ziek bent.",
        "Ik ben ziek vandaag, morgen weer beter",
        "De Cito-toets is volgende week voor groep 8",
        "Alle rapporten gaan vrijdag mee naar huis",
        "Het ziekenhuis kwam voorlichting geven over EHBO",
        "Wat een ziek mooie musical was dat!",
        "Suikerfeest: de school is vrijdag open",
        "In groep 5 leren we over het jodendom en de islam",
        "Onze school doet mee aan de week tegen het pesten",
        "Juf Sanne heeft het Suikerfeest-ontbijt georganiseerd",
        "Noah vertelde over zijn opa die in het ziekenhuis werkt",
        "De moeder van Lisa werkt als verpleegkundige in het ziekenhuis",
    ],
)
def test_it_ignores_matters_that_name_no_one(checker: Checker, text: str) -> None:
    assert matters(check(checker, text)) == []


def test_it_links_the_health_finding_to_the_named_pupil(checker: Checker) -> None:
    report = check(checker, "Lisa uit groep 6 heeft weer een epileptische aanval gehad")
    health = [f for f in report.findings if f.category == "health"]
    assert [f.person for f in health] == ["zw-l001"]


@pytest.mark.parametrize(
    "text",
    [
        "Lisa uit groep 6 heeft weer een epileptische aanval gehad, haar moeder Fatma Yilmaz was in paniek",
        "Gefeliciteerd Bas Mulder! Hij heeft een 9 voor rekenen.",
        "Juf Sanne is ziek, groep 6 is morgen vrij.",
        "Trots op mijn dochter, ze kreeg vwo-advies!",
        "Meester Ahmed is geschorst na een klacht van de ouders van Noah",
    ],
)
def test_its_fixed_text_is_clean_when_checked_again(checker: Checker, text: str) -> None:
    report = check(checker, text)
    assert report.fixed_text is not None
    again = check(checker, report.fixed_text)
    assert [f.category for f in again.findings if f.category in SENSITIVE | {"person_name"}] == []


@pytest.mark.parametrize(
    "text",
    [
        "lisa heeft adhd en route 8 ging goed, 123 punten; ١٢٣ punten",
        "z'n zoon heeft koorts... 5.3 en 4!!5 ?!. mijn zoon-adhd",
        "adhd-medicatie, suikerfeest-ontbijt, (autisme) 'dyslexie' #epilepsie",
        "",
    ],
)
def test_it_finds_terms_only_at_word_starts_as_the_whole_pattern_does(text: str) -> None:
    terms = WordStartTerms(
        [
            ("health", ["adhd|autisme|dyslexie\\w*", "koorts", "epilepsie"], r"(?!\w)"),
            ("school_result", ["route ?8|\\d{3} punten"], r"(?![\w-])"),
            ("special_category", ["suikerfeest"], r"(?![\w-])"),
        ]
    )
    own = WordStartTerms([("", ["(?:mijn|z'n) zoon"], r"(?![\w-])")])
    starts = WordStarts([terms, own])(text)
    assert starts is not None  # every term's first character is known
    for pattern in (terms, own):
        got = [(m.span(), m.lastgroup) for m in pattern.findall(text, starts)]
        assert got == [(m.span(), m.lastgroup) for m in pattern.whole.finditer(text)]
