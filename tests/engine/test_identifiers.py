"""Identifiers (A2, C1): every Dutch notation found, look-alikes that fail the check ignored."""

from __future__ import annotations

import pytest

from socialprotocol.engine.model import TextEvidence

from .helpers import checker, post, spans

IDS = {
    "email",
    "phone",
    "iban",
    "bsn",
    "student_number",
    "postcode",
    "address",
    "birth_date",
    "license_plate",
}


def found(text: str) -> list[tuple[str, str]]:
    report = checker(("identifiers",)).check(post(text + " #schoolreis"))
    for f in report.findings:
        assert isinstance(f.evidence, TextEvidence)
        assert (
            report.findings
            and f.evidence.excerpt == (text + " #schoolreis")[f.evidence.start : f.evidence.end]
        )
    return spans(report, IDS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bel me even op 06-12345678", [("phone", "06-12345678")]),
        ("app me: 0612345678", [("phone", "0612345678")]),
        ("06 1234 5678 is mijn nummer", [("phone", "06 1234 5678")]),
        ("bereikbaar op +31 6 12345678", [("phone", "+31 6 12345678")]),
        ("bereikbaar op +31(0)6-12345678", [("phone", "+31(0)6-12345678")]),
        ("0031 6 1234 5678 (whatsapp)", [("phone", "0031 6 1234 5678")]),
        ("thuis (020) 123 4567", [("phone", "(020) 123 4567")]),
        ("vast nummer 020-1234567", [("phone", "020-1234567")]),
        ("of bel 010 - 123 45 67", [("phone", "010 - 123 45 67")]),
        ("Belgisch nummer +32 470 12 34 56", [("phone", "+32 470 12 34 56")]),
        ("mail naar juf.sanne@gmail.com", [("email", "juf.sanne@gmail.com")]),
        ("mail sanne(at)gmail.com", [("email", "sanne(at)gmail.com")]),
        ("mail: sanne [at] asko [dot] nl", [("email", "sanne [at] asko [dot] nl")]),
        ("Mail me: j.devries.coach(at)proton.me", [("email", "j.devries.coach(at)proton.me")]),
        ("sanne at gmail dot com", [("email", "sanne at gmail dot com")]),
        ("app me 06 - 12 34 56 78", [("phone", "06 - 12 34 56 78")]),
        ("06.12.34.56.78 bellen", [("phone", "06.12.34.56.78")]),
        ("Mijn 06: 12345678", [("phone", "06: 12345678")]),
        ("BSN 1112.22.333", [("bsn", "1112.22.333")]),
        ("Geb: 3 mrt 2015", [("birth_date", "3 mrt 2015")]),
        ("Bereikbaar op 06–34418902", [("phone", "06–34418902")]),
        ("werk: 088-3142200, vraag naar mij", [("phone", "088-3142200")]),
        ("Wij wonen op 1017 CX 263, hoek Westermarkt", [("address", "1017 CX 263")]),
        ("Adres: Kinkerstr. 204, 2 hoog", [("address", "Kinkerstr. 204")]),
        ("Wij wonen op de Overtoom 220, vlakbij", [("address", "Overtoom 220")]),
        (
            "verjaardagskalender: Sophie 02-12-2016, Milan 18-07-2016.",
            [("birth_date", "02-12-2016"), ("birth_date", "18-07-2016")],
        ),
        ("Geboortedatum Finn: 2016-04-12", [("birth_date", "2016-04-12")]),
        ("geboren 12.08.2019 en hij komt op 1 december in groep 1", [("birth_date", "12.08.2019")]),
        ("de zwarte Polo, kx-512-t, staat voor", [("license_plate", "kx-512-t")]),
        ("Jan is trouwens jarig op 27/09 dus", [("birth_date", "27/09")]),
        ("Ons nieuwe adres wordt Laan van Spartaan 2 B.", [("address", "Laan van Spartaan 2 B")]),
        ("Ons nieuwe huis! 🏡 Overtoom 112-2. Housewarming", [("address", "Overtoom 112-2")]),
        ("hij woont in de Jan Pieter Heijestraat 88", [("address", "Jan Pieter Heijestraat 88")]),
        ("Mail: J.de-Vries+school@asko.nl.", [("email", "J.de-Vries+school@asko.nl")]),
        ("overmaken op NL91 ABNA 0417 1643 00 aub", [("iban", "NL91 ABNA 0417 1643 00")]),
        ("iban nl91abna0417164300", [("iban", "nl91abna0417164300")]),
        ("BE71 0961 2345 6769 voor de Belgen", [("iban", "BE71 0961 2345 6769")]),
        ("zijn bsn is 111222333", [("bsn", "111222333")]),
        ("BSN: 123.456.782", [("bsn", "123.456.782")]),
        ("onderwijsnummer 101222331", [("student_number", "101222331")]),
        ("leerlingnummer: 48213", [("student_number", "48213")]),
        ("postcode 1071AB", [("postcode", "1071AB")]),
        ("in 1053 DZ", [("postcode", "1053 DZ")]),
        ("we wonen in 1071ab", [("postcode", "1071ab")]),
        ("adres 1053 DZ 12", [("address", "1053 DZ 12")]),
        ("Hij woont op de Kinkerstraat 12, ga maar langs", [("address", "Kinkerstraat 12")]),
        ("kalverstraat 3a", [("address", "kalverstraat 3a")]),
        ("Van Baerlestraat 27-2 is haar huis", [("address", "Van Baerlestraat 27-2")]),
        ("Ze woont op Rokin 12", [("address", "Rokin 12")]),
        ("Mijn nieuwe werkadres: Overtoom 301. Kom langs!", [("address", "Overtoom 301")]),
        ("Het spreekuur verhuist naar Overtoom 412a", [("address", "Overtoom 412a")]),
        ("Nieuw huis!! Postcode 1094 KR, Oost here we come.", [("postcode", "1094 KR")]),
        ("Kinkerstraat 12, 1053 DZ Amsterdam", [("address", "Kinkerstraat 12, 1053 DZ")]),
        ("Sem is geboren op 3 maart 2015", [("birth_date", "3 maart 2015")]),
        ("geb. 03-03-2015", [("birth_date", "03-03-2015")]),
        ("Noah is 12 mei jarig!", [("birth_date", "12 mei")]),
        ("verjaardag: 14/02/2016", [("birth_date", "14/02/2016")]),
        ("die auto met kenteken 12-ABC-3 stond er weer", [("license_plate", "12-ABC-3")]),
        ("XX-99-99 parkeert altijd voor de poort", [("license_plate", "XX-99-99")]),
        ("kenteken ab123c", [("license_plate", "ab123c")]),
        (
            "Fenna is jarig op 17 september en Mees op 19 september. Ze trakteren",
            [("birth_date", "17 september"), ("birth_date", "19 september")],
        ),
        ("Jarig op 3 sept. 🎉", [("birth_date", "3 sept.")]),
        (
            "geboortedatum 12.08.2019 en hij komt op 1 december in groep 1",
            [("birth_date", "12.08.2019")],
        ),
        ("Ons nieuwe huis! 🏡 Overtoom 112-2.", [("address", "Overtoom 112-2")]),
        ("We gaan naar het Scheepvaartmuseum, Kattenburgerplein 1.", [("address", "Kattenburgerplein 1")]),
        ("Verzamelen bij de ingang, Westerdok 12, om 9 uur", [("address", "Westerdok 12")]),
        ("De cursus is op Weesperzijde 150, tweede etage", [("address", "Weesperzijde 150")]),
        ("Demonstratie bij de Stopera, Amstel 1 #staking", [("address", "Amstel 1")]),
        ("Ophalen aan de Tussenmeer 130-2 graag", [("address", "Tussenmeer 130-2")]),
        ("Studiedag in de Meervaart (Meer en Vaart 300) om 9 uur", [("address", "Meer en Vaart 300")]),
    ],
)
def test_it_finds_each_identifier_notation(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "groep 7 heeft 1234 leerlingen",
        "om 8:30 op het schoolplein",
        "in 2026 gaan we weer",
        "de ouderbijdrage is €12,50",
        "ik had een 7,5 voor rekenen",
        "schooljaar 2025-2026",
        "bestelnummer 111222333",
        "123456789 is geen geldig bsn",
        "NL91ABNA0417164301 klopt niet",
        "2026 en verder",
        "1500 km gefietst",
        "Onderweg 25 min in de file gestaan",
        "Zit niet in de tas van Jesse. Bladzijde 42 t/m 45 is huiswerk",
        "Morgen toets over breuken (Hoofdstuk 3). Zaal B, Lokaal 12.",
        "De uitslag: Ajax, Formule 1, Windows 11 en de rest",
        "Op de Ringweg 20 minuten stilgestaan",
        "Hulplijn 0900-1113111",
        "gratis via 0800-0123",
        "ouderavond op 3 maart om 19:30",
        "op het schoolplein 2 kinderen gezien",
        "Ik woon al 12 jaar in Amsterdam",
        "mail @juf_sanne even",
        "groep 7/8 en groep 5-6",
        "COVID-19 maatregelen",
        "score 12-3 gewonnen",
        "tel. 1234567",
        "we zijn at home, dot.",
        "Groep 8 eindmusical op 12-06-2026 om 19:00",
        "Cito score 535",
        "Bladzijde 42 t/m 45 is huiswerk",
        "oude rekening NL85 ABNA 0878 4740 13 werkt niet meer",
        "gemeente: 14 020",
        "tot 1-jan-26 geldig",
        "graag kenteken doorgeven, terug rond 14.00",
        "De rapporten gaan mee naar huis. Hoofdstuk 5 van rekenen graag oefenen.",
        "Kerstviering 12-12 van de peuters gaat gewoon door.",
        "Sem is geboren in 2015. Studiedag 06-03-2027.",
    ],
)
def test_it_ignores_numbers_that_are_not_personal(text: str) -> None:
    assert found(text) == []


def test_each_identifier_finding_carries_a_redaction_fix() -> None:
    report = checker(("identifiers",)).check(post("Bel juf op 06-12345678 of mail juf@school.nl"))
    assert report.findings
    for f in report.findings:
        assert f.fix is not None and f.fix.action == "redact" and f.fix.text


def test_the_redacted_text_checks_clean() -> None:
    c = checker(("identifiers",))
    report = c.check(
        post("Schoolreisgeld naar NL91ABNA0417164300, vragen? 06-12345678 #schoolreis")
    )
    assert (
        report.fixed_text
        == "Schoolreisgeld naar [rekeningnummer], vragen? [telefoonnummer] #schoolreis"
    )
    assert c.check(post(report.fixed_text)).findings == ()


def test_a_date_right_after_a_sentence_about_a_birth_date_is_a_birth_date() -> None:
    text = "Beste meester, de geboortedatum van Sem klopt niet. Het moet 21-06-2017 zijn."
    report = checker(("identifiers",)).check(post(text))
    assert [(f.category, f.evidence.excerpt) for f in report.findings] == [  # type: ignore[union-attr]
        ("birth_date", "21-06-2017")
    ]
