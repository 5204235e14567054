"""Names of people (person_name, social_handle): every naming variant and every hard negative
is a table row. The demo directory is the school community."""

from __future__ import annotations

import pytest

from socialprotocol.demo import demo_directory_path
from socialprotocol.engine.checker import Checker
from socialprotocol.engine.directory import load_directory
from socialprotocol.engine.model import Post, PostContext, Report, Role, Setting, TextEvidence

CATS = {"person_name", "social_handle"}


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(directory=load_directory(demo_directory_path()))


def names(report: Report) -> list[tuple[str, str, str | None]]:
    out = []
    for f in report.findings:
        if f.category in CATS and isinstance(f.evidence, TextEvidence):
            out.append((f.category, f.evidence.excerpt, f.person))
    return out


def check(checker: Checker, text: str, author: str | None = None) -> Report:
    return checker.check(Post(text, PostContext(Role.STAFF, Setting.WORK, author=author)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # full names, with and without tussenvoegsel, shortened, initials, surname alone
        ("Daan van der Berg heeft gewonnen", [("person_name", "Daan van der Berg", "zw-l002")]),
        ("Felicitaties voor Daan vd Berg", [("person_name", "Daan vd Berg", "zw-l002")]),
        ("Knap gedaan Daan v.d. Berg", [("person_name", "Daan v.d. Berg", "zw-l002")]),
        ("Gisteren kwam D. van der Berg langs", [("person_name", "D. van der Berg", "zw-l002")]),
        ("Ik sprak Van der Berg op het plein", [("person_name", "Van der Berg", "zw-l002")]),
        ("Daan Berg was er ook", [("person_name", "Daan Berg", "zw-l002")]),
        # first names in context
        ("Lisa uit groep 6 was er niet", [("person_name", "Lisa", "zw-l001")]),
        ("Vandaag viel juf Sanne in", [("person_name", "Sanne", "zw-m001")]),
        ("meester Ahmed had een quiz", [("person_name", "Ahmed", "zw-m002")]),
        ("De moeder van Noah bracht taart", [("person_name", "Noah", "zw-l003")]),
        ("Goed gedaan Sem!", [("person_name", "Sem", "zw-l121")]),
        # nicknames from the directory
        ("Juf Mariek was vandaag jarig", [("person_name", "Mariek", "zw-m003")]),
        # case and diacritics
        ("zoe celik heeft de tekening gemaakt", [("person_name", "zoe celik", "zw-l004")]),
        ("ZOË ÇELIK IS DE WINNAAR", [("person_name", "ZOË ÇELIK", "zw-l004")]),
        ("Zoe Celik won de wedstrijd", [("person_name", "Zoe Celik", "zw-l004")]),
        ("lisa yilmaz was er ook", [("person_name", "lisa yilmaz", "zw-l001")]),
        # possessives and inflections
        ("Emma's tekening hangt in de gang", [("person_name", "Emma", None)]),
        ("Jaydens verjaardag was leuk", [("person_name", "Jaydens", "zw-l007")]),
        # hashtags and handles
        ("Trots op #lisayilmaz", [("person_name", "#lisayilmaz", "zw-l001")]),
        ("Dank je @juf.sanne.zw!", [("social_handle", "@juf.sanne.zw", "zw-m001")]),
        ("Volg @fatma.yilmaz84 voor de foto's", [("social_handle", "@fatma.yilmaz84", "zw-o001")]),
        ("Kijk wat @sanne heeft gemaakt", [("social_handle", "@sanne", None)]),
        # name-words in a person context
        ("Roos uit groep 4 is jarig", [("person_name", "Roos", "zw-l005")]),
        ("roos is vandaag jarig!!", [("person_name", "roos", None)]),
        ("Vandaag heeft Bas gewonnen", [("person_name", "Bas", None)]),
        ("Hoi Bas, leuk dat je er was", [("person_name", "Bas", None)]),
        (
            "Fleur en Roos hebben gezongen",
            [("person_name", "Fleur", None), ("person_name", "Roos", "zw-l005")],
        ),
        ("Jip uit groep 3 las het hele boek", [("person_name", "Jip", "zw-l009")]),
        ("Wat zong Sterre mooi!", [("person_name", "Sterre", "zw-l010")]),
        ("Sterre de Boer won de tekenwedstrijd", [("person_name", "Sterre de Boer", "zw-l010")]),
        (
            "Juf Em? Nee, Em uit groep 4 bedoel ik",
            [("person_name", "Em", None), ("person_name", "Em", "zw-l011")],
        ),
        # one-letter typos of a community member's first name
        ("Goed gedaan Jaiden!", [("person_name", "Jaiden", "zw-l007")]),
        ("Vandaag was juf Sanen er niet", [("person_name", "Sanen", None)]),
        # people outside the directory
        ("Mijn buurman Kees hielp met de schoolreis", [("person_name", "Kees", None)]),
        (
            "Meneer Hoogenboom kwam vertellen over de brandweer",
            [("person_name", "Hoogenboom", None)],
        ),
        ("Petra Hoogenboom is de nieuwe stagiaire", [("person_name", "Petra Hoogenboom", None)]),
    ],
)
def test_it_finds_the_name(
    checker: Checker, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    found = names(check(checker, text))
    assert [(c, e) for c, e, _ in found] == [(c, e) for c, e, _ in expected]
    for (_, _, got), (_, _, want) in zip(found, expected, strict=True):
        if want is not None:
            assert got == want
        elif found and found[0][1] in {"Emma", "Bas", "Fleur"}:
            assert got is not None  # in the directory, one of several with this name


@pytest.mark.parametrize(
    "text",
    [
        "Wat een mooie dag op schoolreis!",
        "Ik kreeg een roos van de kinderen van groep 8",
        "Wat een storm vandaag, de fietsen lagen om",
        "De bas van de band stond te hard",
        "Er zat een mus op het plein",
        "Fleur je klaslokaal op met bloemen",
        "We leerden over Vincent van Gogh en zijn zonnebloemen",
        "Van Gogh schilderde De Aardappeleters",
        "Met de trein van Haarlem naar Zandvoort",
        "We gingen met de bus naar Delft en Breda",
        "Max Verstappen won weer, zei de hele klas",
        "We lazen Jip en Janneke in groep 3",
        "Het EM voetbal begint, hup Holland!",
        "Gisteren was de Jumbo dicht, dus geen traktatie",
        "Nog een sterre-tje voor je schrift",
        "Koning Willem-Alexander kwam op bezoek",
        "Burgemeester Halsema opende de speeltuin",
        "Het is 5 mei, bevrijdingsdag",
        "In de lente gaan we naar buiten",
        "Sinterklaas kwam op school met zijn pieten",
        "de bakker bracht brood en de visser vis",
        "Op de berg lag sneeuw en de beek was bevroren",
        "Stuur een mail naar info@dezonnewijzer.nl",
    ],
)
def test_it_ignores_words_places_and_public_figures(checker: Checker, text: str) -> None:
    assert names(check(checker, text)) == []


def test_it_does_not_flag_the_author_naming_themselves(checker: Checker) -> None:
    assert names(check(checker, "Groetjes, juf Sanne", author="zw-m001")) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Goed gedaan Sem!", "Goed gedaan S.!"),
        ("Daan van der Berg heeft gewonnen", "Een leerling heeft gewonnen"),
        ("Vandaag viel juf Sanne in", "Vandaag viel juf S. in"),
        ("Dank je @juf.sanne.zw!", "Dank je [account]!"),
        ("Trots op #lisayilmaz vandaag", "Trots op vandaag"),
    ],
)
def test_it_redacts_names_and_the_fixed_text_is_clean(
    checker: Checker, text: str, fixed: str
) -> None:
    report = check(checker, text)
    assert report.fixed_text == fixed
    assert names(check(checker, fixed)) == []


def test_it_finds_names_without_a_directory_from_general_name_knowledge() -> None:
    bare = Checker()
    report = bare.check(
        Post("Juf Petra en Mohamed Bouzid waren er", PostContext(Role.STAFF, Setting.WORK))
    )
    assert [e for _, e, _ in names(report)] == ["Petra", "Mohamed Bouzid"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elif Yildiz won de quiz", "Elif Yildiz"),
        ("ELİF YILDIZ WON DE QUIZ", "ELİF YILDIZ"),
        ("Ibrahim Kaya kwam helpen", "Ibrahim Kaya"),
        ("Goed gedaan Ken!", "Ken"),
    ],
)
def test_it_matches_turkish_letters_typed_either_way(text: str, expected: str) -> None:
    from socialprotocol.engine.directory import parse_directory_csv

    directory = parse_directory_csv(
        "id,first_name,prefix,last_name,role\n1,Elif,,Yıldız,pupil\n2,İbrahim,,Kaya,parent\n"
        "3,Ken,,Jansen,pupil\n"
    )
    report = Checker(directory=directory).check(Post(text, PostContext(Role.STAFF, Setting.WORK)))
    assert [e for _, e, _ in names(report)] == [expected]


def test_it_ignores_a_name_that_is_a_verb_at_the_start_of_a_question() -> None:
    from socialprotocol.engine.directory import parse_directory_csv

    directory = parse_directory_csv("id,first_name,prefix,last_name,role\n3,Ken,,Jansen,pupil\n")
    report = Checker(directory=directory).check(
        Post("Ken jij dat liedje van de musical?", PostContext(Role.STAFF, Setting.WORK))
    )
    assert names(report) == []


@pytest.mark.parametrize(
    "text",
    [
        "Welkom op de Anne Frankschool",
        "De bus stopt op de Jan van Galenstraat",
        "Morgen naar het Johan Cruijff stadion",
    ],
)
def test_it_ignores_first_names_that_are_part_of_a_school_street_or_building(text: str) -> None:
    from socialprotocol.engine.directory import parse_directory_csv

    directory = parse_directory_csv(
        "id,first_name,prefix,last_name,role\n1,Anne,,Bakker,pupil\n2,Jan,,Smit,staff\n"
        "3,Johan,,Visser,parent\n"
    )
    report = Checker(directory=directory).check(Post(text, PostContext(Role.STAFF, Setting.WORK)))
    assert names(report) == []
