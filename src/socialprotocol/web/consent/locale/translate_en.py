"""Fills en/LC_MESSAGES/django.po of the consent app from the table below (after makemessages,
run from the app folder: ``django-admin makemessages -l en --no-location``), then
``msgfmt -o en/LC_MESSAGES/django.mo en/LC_MESSAGES/django.po``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

EN: dict[str, str | tuple[str, str]] = {
    "Keuze": "Choice",
    "Antwoord": "Answer",
    "Ja": "Yes",
    "Nee": "No",
    "Naam van de ronde": "Name of the round",
    "Toestemming schooljaar": "Consent school year",
    "Uiterste datum": "Deadline",
    "School": "School",
    "Alle scholen van het bestuur": "All schools of the board",
    "Kies een datum na vandaag.": "Choose a date after today.",
    "Alleen medewerkers van de school kunnen mensen taggen.": "Only school staff can tag people.",
    "Het bestuur heeft nog geen doelen voor toestemming ingesteld.":
        "The board has not set up consent purposes yet.",
    "Opgeslagen.": "Saved.",
    "%(n)d verzoek(en) verstuurd.": "%(n)d request(s) sent.",
    "Niet bereikt (geen e-mailadres, of de e-mail kon niet weg): %(names)s.":
        "Not reached (no e-mail address, or the e-mail could not be sent): %(names)s.",
    "De ronde is gestart; %(n)d e-mail(s) verstuurd.": "The round has started; %(n)d e-mail(s) sent.",
    "Tag wie erop staat en vraag toestemming": "Tag who is in it and ask for consent",
    "Toestemming voor foto's en video's": "Consent for photos and videos",
    "Hier kies je per doel of de school foto's, video's en geluid mag gebruiken. Je kunt een keuze altijd veranderen of intrekken. Zonder jouw ja gebruikt de school niets.":
        "Choose per purpose whether the school may use photos, videos and sound. You can always change or withdraw a choice. Without your yes the school uses nothing.",
    "Berichten met foto's van jouw school": "Posts with photos from your school",
    "Jijzelf": "You",
    "%(name)s: bevestig je keuzes vóór %(date)s. Keuzes die niet opnieuw bevestigd zijn, vervallen daarna.":
        "%(name)s: confirm your choices before %(date)s. Choices not confirmed again lapse after that.",
    "Ja, mag: %(p)s": "Yes, allowed: %(p)s",
    "Ja, mag": "Yes, allowed",
    "Intrekken: %(p)s": "Withdraw: %(p)s",
    "Intrekken": "Withdraw",
    "Nee: %(p)s": "No: %(p)s",
    "De school heeft nog geen doelen ingesteld.": "The school has not set up any purposes yet.",
    "Waar gebruikt": "Where used",
    "geen toestemming meer: de school haalt dit weg": "no consent any more: the school takes this down",
    "Nog nergens gebruikt.": "Not used anywhere yet.",
    "Alle keuzes en de geschiedenis": "All choices and the history",
    "Vanaf 16 jaar beslist je kind zelf over toestemming.": "From 16 your child decides on consent.",
    "Toestemming gevraagd": "Consent requested",
    "De school wil deze foto gebruiken voor: %(p)s. Jij bent niet vervaagd; alle anderen wel.":
        "The school wants to use this photo for: %(p)s. You are not blurred; everyone else is.",
    "De school wil deze foto gebruiken voor: %(p)s. Alleen %(name)s is niet vervaagd; alle anderen wel.":
        "The school wants to use this photo for: %(p)s. Only %(name)s is not blurred; everyone else is.",
    "De foto waarover het gaat": "The photo in question",
    "Bedankt. Je gaf toestemming voor deze foto.": "Thank you. You gave consent for this photo.",
    "Bedankt. Je gaf geen toestemming: de school vervaagt dit gezicht.":
        "Thank you. You did not give consent: the school blurs this face.",
    "Dit verzoek is al beantwoord.": "This request has already been answered.",
    "Ja, dit mag": "Yes, this is fine",
    "Nee, liever niet": "No, rather not",
    "Deze link werkt tot %(date)s. Je kunt je toestemming later altijd intrekken.":
        "This link works until %(date)s. You can always withdraw your consent later.",
    "Link verlopen": "Link expired",
    "Deze link werkt niet meer": "This link no longer works",
    "De link is verlopen of klopt niet. Zonder antwoord gebruikt de school de foto niet met jouw kind erop herkenbaar. Vraag de school om een nieuwe link als je wilt antwoorden.":
        "The link has expired or is wrong. Without an answer the school does not use the photo with your child recognisable. Ask the school for a new link if you want to answer.",
    "Toestemming van %(name)s": "Consent of %(name)s",
    "Een ouder of verzorger beslist (jonger dan 16).": "A parent or guardian decides (under 16).",
    "Deze persoon beslist zelf.": "This person decides for themself.",
    "Nu": "Now",
    "geen toestemming meer: weghalen": "no consent any more: take down",
    "Geschiedenis (bewijs)": "History (proof)",
    "Datum": "Date",
    "Doel": "Purpose",
    "Door": "By",
    "Hoe": "How",
    "ja": "yes",
    "nee": "no",
    "ingetrokken": "withdrawn",
    "ouder": "parent",
    "zelf": "self",
    "Nog geen keuzes: dat betekent nee.": "No choices yet: that means no.",
    "Wie staat erop?": "Who is in it?",
    "Zeg bij elk gezicht wie het is: typ een paar letters van de naam en kies met de pijltjes en Enter. Onbekend of niet herkenbaar? Kies “onbekend”. Gezichten worden alleen gevonden, nooit herkend: jij zegt wie het is.":
        "Say who each face is: type a few letters of the name and choose with the arrow keys and Enter. Unknown or not recognisable? Choose “unknown”. Faces are only found, never recognised: you say who it is.",
    "%(n)s gezicht": ("%(n)s face", "%(n)s faces"),
    "nog niet getagd": "not tagged yet",
    "zonder toestemming": "without consent",
    "verzoek(en) open": "request(s) open",
    "De foto van je bericht": "The photo of your post",
    "Waarvoor is dit bericht?": "What is this post for?",
    "Gezicht %(n)s": "Face %(n)s",
    "Mensen van jouw school": "People of your school",
    "onbekend / niet herkenbaar": "unknown / not recognisable",
    "gevraagd": "requested",
    "Er zijn geen gezichten gevonden.": "No faces were found.",
    "Wie is er te horen?": "Who can be heard?",
    "Voeg iemand toe die te horen is": "Add someone who can be heard",
    "Naam van wie te horen is": "Name of who can be heard",
    "Opslaan": "Save",
    "Toestemming en publiceren": "Consent and publishing",
    "Vraag toestemming aan wie nog niet ja zei": "Ask for consent from whoever has not said yes",
    "Maak de publiceerbare kopie": "Make the publishable copy",
    "In de kopie is iedereen vervaagd die niet getagd is, onbekend is of geen toestemming heeft voor dit doel; de metadata (plaats, tijd, toestel) is eruit.":
        "In the copy everyone who is untagged, unknown or without consent for this purpose is blurred; the metadata (place, time, device) is removed.",
    "Download de publiceerbare kopie": "Download the publishable copy",
    "Berichten met foto's": "Posts with photos",
    "Weghalen: toestemming ingetrokken": "Take down: consent withdrawn",
    "%(n)s persoon": ("%(n)s person", "%(n)s people"),
    "kopie gemaakt": "copy made",
    "Nog geen berichten. Begin bij een gecontroleerde foto.": "No posts yet. Start from a checked photo.",
    "Jaarlijkse bevestiging": "Yearly confirmation",
    "Start een ronde: ouders (en leerlingen vanaf 16) bevestigen hun keuzes. Wat na de uiterste datum niet opnieuw bevestigd is, vervalt en telt als nee.":
        "Start a round: parents (and pupils from 16) confirm their choices. What is not confirmed again by the deadline lapses and counts as no.",
    "Start de ronde": "Start the round",
    "Rondes": "Rounds",
    "alle scholen": "all schools",
    "tot": "until",
    "Nog geen rondes.": "No rounds yet.",
    "Kies ja, nee of intrekken.": "Choose yes, no or withdraw.",
    "Opgeslagen. Je kunt dit altijd weer veranderen.": "Saved. You can always change this again.",
    "Toestemming": "Consent",
    "Toestemming is per doel, kan altijd worden ingetrokken en wordt als bewijs bewaard. Gezichten worden alleen gevonden, nooit herkend.":
        "Consent is per purpose, can always be withdrawn and is kept as proof. Faces are only found, never recognised.",
    "Bevestig ja: %(p)s": "Confirm yes: %(p)s",
    "Bevestig ja": "Confirm yes",
    "Keuze op het formulier": "Choice on the form",
    "Ondertekend door": "Signed by",
    "Of: naam zoals op het formulier": "Or: the name as on the form",
    "Datum op het formulier": "Date on the form",
    "Kenmerk van de scan of het archief": "Reference of the scan or archive",
    "Scan (pdf, jpg of png, mag leeg)": "Scan (pdf, jpg or png, optional)",
    "De scan is groter dan 5 MB.": "The scan is larger than 5 MB.",
    "Kies een pdf, jpg of png.": "Choose a pdf, jpg or png.",
    "Kies wie tekende of schrijf de naam over.": "Choose who signed or copy the name.",
    "Het formulier is vastgelegd.": "The form has been recorded.",
    "Papieren formulier vastleggen": "Record a paper form",
    "Papieren formulier van %(name)s": "Paper form of %(name)s",
    "Neem over wat er op het ondertekende formulier staat. Jonger dan 16 op de datum van het formulier: een ouder of verzorger tekent; vanaf 16 de leerling zelf.":
        "Copy what the signed form says. Under 16 on the date of the form: a parent or guardian signs; from 16 the pupil.",
    "Vastleggen": "Record",
    "scan": "scan",
    "Er zijn nieuwe antwoorden binnen.": "New answers have come in.",
    "Ververs de pagina": "Refresh the page",
    "Wie mag in beeld? (per groep)": "Who may be shown? (per group)",
    "Wie mag in beeld?": "Who may be shown?",
    "Groep": "Group",
    "Toon": "Show",
    "Naam": "Name",
    "Niemand in deze groep.": "Nobody in this group.",
    "CSV-bestand": "CSV file",
    "Leg de goede regels vast (anders alleen controleren)": "Record the good rows (otherwise only check)",
    "Het bestand is groter dan 5 MB.": "The file is larger than 5 MB.",
    "Sla het bestand op als CSV in UTF-8.": "Save the file as CSV in UTF-8.",
    "Toestemmingen importeren": "Import consents",
    "Kolommen: person, purpose, decision, given_by, given_by_name, decided_on, evidence (komma of puntkomma, UTF-8). Elke regel wordt apart gecontroleerd; regels met fouten worden overgeslagen.":
        "Columns: person, purpose, decision, given_by, given_by_name, decided_on, evidence (comma or semicolon, UTF-8). Every row is checked on its own; rows with errors are skipped.",
    "Controleer": "Check",
    "Resultaat": "Result",
    "%(valid)s regels goed, %(imported)s vastgelegd, %(errors)s met fouten.":
        "%(valid)s rows good, %(imported)s recorded, %(errors)s with errors.",
    "regel": "row",
    "Tot je 16 jaar beslissen je ouders of verzorgers over toestemming voor jou.":
        "Until you are 16 your parents or guardians decide on consent for you.",
    "Noem wie te zien of te horen is en vraag toestemming":
        "Name who can be seen or heard and ask for consent",
    "Iemand op deze kopie heeft geen toestemming meer. Maak een nieuwe kopie: die vervaagt hen.":
        "Someone in this copy no longer consents. Make a new copy: it blurs them.",
}  # fmt: skip

ENTRY = re.compile(
    r'((?:#.*\n)*)msgid ((?:".*"\n)+)(?:msgid_plural ((?:".*"\n)+))?'
    r'((?:msgstr(?:\[\d\])? (?:".*"\n)+)+)'
)


def _text(raw: str) -> str:
    return "".join(ast.literal_eval(x) for x in raw.strip().split("\n"))


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"\n'


def main() -> None:
    path = Path(__file__).parent / "en" / "LC_MESSAGES" / "django.po"
    missing = []

    def fill(match: re.Match[str]) -> str:
        comments, mid_raw, plural_raw, _ = match.groups()
        mid = _text(mid_raw)
        if not mid:
            return match.group(0)
        if mid not in EN:
            missing.append(mid)
            return match.group(0)
        comments = comments.replace("#, fuzzy\n", "")
        en = EN[mid]
        head = f"{comments}msgid {mid_raw}"
        if plural_raw:
            one, many = en if isinstance(en, tuple) else (en, en)
            return f"{head}msgid_plural {plural_raw}msgstr[0] {_quote(one)}msgstr[1] {_quote(many)}"
        assert isinstance(en, str)
        return f"{head}msgstr {_quote(en)}"

    text = "\n".join(
        line for line in path.read_text(encoding="utf-8").split("\n") if not line.startswith("#~")
    )
    text = text.replace(
        '#, fuzzy\nmsgid ""\nmsgstr ""\n"Project', 'msgid ""\nmsgstr ""\n"Project', 1
    )
    # The navigation link lives in the project's base template; this app brings its English.
    if '\nmsgid "Toestemming"\n' not in text:
        text = text.rstrip() + '\n\nmsgid "Toestemming"\nmsgstr ""\n'
    path.write_text(ENTRY.sub(fill, text), encoding="utf-8")
    for mid in missing:
        print("untranslated:", mid)


if __name__ == "__main__":
    main()
