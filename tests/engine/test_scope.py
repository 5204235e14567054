"""Scope (Reikwijdte 2): only school-related posts are checked."""

from __future__ import annotations

import pytest

from socialprotocol.engine.checker import Checker
from socialprotocol.engine.directory import parse_directory_csv
from socialprotocol.engine.model import Verdict

from .helpers import checker, post


@pytest.mark.parametrize(
    "text",
    [
        "Wat een mooie dag op schoolreis!",
        "juf sanne is de liefste",
        "Morgen ouderavond, wie gaat er?",
        "groep 7 heeft de voetbaltoernooi gewonnen 🏆",
        "Trots op onze leerlingen",
        "Nieuwe leesmethode bij ASKO 👏",
        "#askoscholen doen mee aan de Koningsspelen",
        "Het rapport van mijn dochter was top",
        "de directeur en de pauze regeling, echt niet normaal",
        "Meester Ahmed gaat met pensioen",
        "Wie heeft de gymzak van mijn zoon gezien?",
        "mn zoontje heeft zn eerste dag op de basisschool gehad #school",
        "Morgen weer naar school 😩",
        "Het schoolplein is eindelijk vergroend",
        "Trots! Onze dochter mag volgend jaar naar het gymnasium",
        "De oudervereniging zoekt nog hulp in de aula",
        "Zwemmen met de klas, wie rijdt er mee?",
        "Tikkie voor de klassenpot, graag voor vrijdag",
        "Vergadering oudercommissie in lokaal 12",
        "Bij de verkeersles leren ze de dode hoek",
        "nog hoofdstuk 4 leren voor morgen 😩",
        "topografie van europa leren is echt de hel",
        "weet iemand welke bladzijdes we moesten maken voor rekenen?",
        "Wie kan er donderdag helpen met het overblijven?",
        "vergeet niet dat we morgen toets hebben",
        "morgen excursie naar NEMO!! lunch mee en €2 voor de winkel",
        "Wie kan er rijden naar het kamp? App naar de moeder van Daan.",
        "shoutout naar mijn mentor, without her was ik allang gestopt 🫶 #lio #pabolife",
        "laatste dag voor de zomer op het vogelnest ☀️ 6 weken!!! #trotseASKOjuf",
        "hoi ouders gr 4, wie kan donderdag rijden naar het museum?",
        "Wie wil meedenken over ons uitwisselingsproject met Amsterdamse basisscholen?",
        "@asko_amsterdam jullie nieuwe logo 😍😍",
        "wie heeft het rekenwerk van blz 42 😭 stuur ff pls",
        "heeft iemand het taalhuiswerk van vandaag? was er niet",
        "zet het ff in de klasapp, dan weet iedereen het",
        "Wie doet er mee met het juffencadeautje? Tikkie volgt!",
        "generale repetitie van de afscheidsmusical morgen 😱",
        "2 weken ziek en nu alle proefwerken inhalen, echt niet normaal",
        "De lerarensalarissen moeten omhoog, anders blijft het tekort",
        "Stemmen over de cao-po: ja of nee?",
        "Heeft iemand het nummer van de leerplichtambtenaar?",
        "hoe moet opdracht 4 van hoofdstuk 2?? snap er niks van",
        "Wat moet er allemaal mee op kamp? Lijstje kwijt 🙈",
        "morgen proefwerk hfst 3 help",
        "Hij heeft zijn verkeersexamen gehaald!",
        "Rapportweek = geen sociaal leven 😂",
    ],
)
def test_it_puts_school_related_posts_in_scope(text: str) -> None:
    assert checker(()).check(post(text)).in_scope


@pytest.mark.parametrize(
    "text",
    [
        "Lekker gefietst vandaag ☀️",
        "Ajax speelde weer waardeloos",
        "Wie heeft een goed recept voor lasagne?",
        "Mijn dochter heeft haar rijexamen gehaald! Rijschool bedankt",
        "Eindelijk vakantie, op naar Frankrijk",
        "zwemles was leuk vandaag, volgende week diploma A",
        "Wat een meesterwerk van Rembrandt",
        "De burgemeester opende de nieuwe brug",
        "Dit was klasse, echt genieten",
        "Vandaag geslaagd voor mijn rijschoolexamen",
        "Old school hiphop blijft het beste",
        "ineens zwom er een hele school vissen om me heen",
        "ik ben nu officieel een meester in rolletjes 🍣",
        "Pauze op mijn werk en de koffieautomaat is kapot",
        "Zwemschool De Dolfijn: nieuwe lessen vanaf januari, € 14,50 per les",
        "De minister heeft haar huiswerk duidelijk niet gedaan, dit plan rammelt.",
        "Het rapport van de NVWA over voedselveiligheid is net uit.",
        "de meester van de dansschool is zo streng lol",
        "Weer een geslaagde leerling bij onze rijschool! 🚗",
        "Als rijschoolhouder zie ik elk jaar weer leerlingen die zenuwachtig zijn.",
        "Schoolslag-training vanavond bij de zwemclub, mijn dochter is zo trots 🏊",
        "200 gr 4 keer per week, dat is mijn dieet",
        "Muziekschool Allegro zoekt een docent piano voor de woensdagmiddag",
        "Zoek een bijlesjuf voor wiskunde, privé en niet via school",
        "Zaterdag met vriendinnen naar een musical in Carré 🎭",
        "Gisteravond De Kleine Prins nog eens helemaal gelezen, blijft mooi",
        "Onze ASKO vaatwasser lekt alweer, iemand een goede monteur?",
        "Deze zomer gaat hij op voetbalkamp in Zeist ⚽",
        "Gezellige kerstviering in de buurt vanavond, iedereen welkom!",
        "Lunch bij visrestaurant Het Kompas in Wijk aan Zee 🐟",
    ],
)
def test_it_leaves_private_posts_about_other_things_out_of_scope(text: str) -> None:
    report = checker(()).check(post(text))
    assert not report.in_scope
    assert report.verdict is Verdict.ALLOWED
    assert report.findings == ()
    assert report.notices[0].rule == "R2"


def test_the_authors_own_statement_decides() -> None:
    c = checker(())
    assert c.check(post("Lekker gefietst", about_school=True)).in_scope
    assert not c.check(post("Wat een mooie schoolreis", about_school=False)).in_scope


def test_staff_posts_in_work_context_are_always_in_scope() -> None:
    report = checker(()).check(post("Lekker gefietst", role="staff", setting="work"))
    assert report.in_scope
    assert report.scope_reasons == ("posted by staff in their work context",)


def test_school_names_from_the_directory_put_a_post_in_scope() -> None:
    directory = parse_directory_csv(
        "id,first_name,prefix,last_name,nickname,role,school,group,birth_date,handles,parent_of\n"
        "p1,Sem,,Jansen,,pupil,De Zonnebloem,7,,,\n"
    )
    c = Checker(directory=directory, analysers=[])
    assert c.check(post("Wat een feest op de Zonnebloem vandaag")).in_scope
    assert c.check(post("#dezonnebloem")).in_scope
    assert not checker(()).check(post("Wat een feest op de Zonnebloem vandaag")).in_scope


@pytest.mark.parametrize(
    "text",
    [
        "Op vakantie in Turijn de basiliek van Don Bosco bezocht ⛪",
        "Mooie documentaire over Titus Brandsma gezien gisteravond.",
        "Ik las vanavond De Kleine Prins voor aan mijn dochter.",
        "Opa ligt in het Sint Franciscus Gasthuis, duimen jullie mee?",
        "Vrijwilligerswerk bij De Regenboog vandaag: met 12 ouderen naar de Keukenhof",
        "Vandaag de les over Titus Brandsma, de Friese priester die in Dachau stierf.",
        "Wat een regenboog boven het IJ vanavond 🌈",
        "Regenboog boven het IJ vanavond 🌈",
        "Zonnebloem O11 wint met 4-2 van de buren ⚽",
    ],
)
def test_other_things_called_like_a_school_are_not_the_school(text: str) -> None:
    schools = (
        "Don Bosco", "Titus Brandsma", "De Kleine Prins", "Sint Franciscus", "De Regenboog",
        "De Zonnebloem",
    )  # fmt: skip
    rows = "".join(f"p{i},Sem,,Jansen,,pupil,{s},7,,,\n" for i, s in enumerate(schools))
    directory = parse_directory_csv(
        "id,first_name,prefix,last_name,nickname,role,school,group,birth_date,handles,parent_of\n"
        + rows
    )
    c = Checker(directory=directory, analysers=[])
    assert not c.check(post(text)).in_scope
    assert c.check(post("Vandaag op Don Bosco een workshop programmeren")).in_scope
    assert c.check(post("De Regenboog wint de voorleeswedstrijd van Amsterdam-Zuid!")).in_scope


@pytest.mark.parametrize(
    "text",
    [
        "Alleen voor mezelf sprekend: de stichting moet stoppen met al die managementlagen.",
        "Waarom moet ik via de stichting een nieuwe laptop aanvragen?",
        "Hot take, and mine only: our board should publish its management salaries.",
        "oud-collega karin gaat met pensioen, kaartjes kunne naar mijn huis",
        "Mensen die zeggen 'leraren hebben toch zoveel vakantie' mogen mijn mailbox lezen.",
        "Jarig op 2 november en wat heb ik die dag? Een MDO om half acht. Feest.",
    ],
)
def test_staff_writing_about_their_foundation_are_in_scope(text: str) -> None:
    assert checker(()).check(post(text, role="staff", setting="private")).in_scope


def test_the_board_of_a_sports_club_is_not_the_employer() -> None:
    text = "Het bestuur van mijn voetbalclub heeft eindelijk de kantine verbouwd ⚽"
    assert not checker(()).check(post(text, role="staff", setting="private")).in_scope
