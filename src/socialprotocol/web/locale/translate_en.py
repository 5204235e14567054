"""Fills locale/en/LC_MESSAGES/django.po from the table below (run after makemessages).

The UI is written in Dutch; this is its English. In ``src/socialprotocol/web``:
``django-admin makemessages -l en --no-location --no-obsolete -i "cases/*" -i "consent/*"``
(apps with their own catalogue keep it), then ``python locale/translate_en.py``, then
``msgfmt -o locale/en/LC_MESSAGES/django.mo locale/en/LC_MESSAGES/django.po``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

EN = {
    "medewerker": "staff member",
    "leerling": "pupil",
    "ouder of verzorger": "parent or guardian",
    "betrokkene": "other",
    "voor mijn werk of de school": "for my work or the school",
    "privé": "privately",
    "— kies (mag leeg) —": "— choose (optional) —",
    "website van de school": "school website",
    "anders": "other",
    "laat de controle het bepalen": "let the check decide",
    "ja, het gaat over school": "yes, it is about school",
    "nee, het gaat niet over school": "no, it is not about school",
    "Je bericht": "Your post",
    "Ik plaats dit als": "I post this as",
    "Waar plaats je het?": "Where do you post it?",
    "Platform": "Platform",
    "Wanneer plaats je het? (mag leeg)": "When will you post it? (optional)",
    "Gaat het over school?": "Is it about school?",
    "Foto's, video's of geluid (mag leeg)": "Photos, videos or sound (optional)",
    "Hoogstens %(n)d bestanden per controle.": "At most %(n)d files per check.",
    "Schrijf een bericht of kies een foto, video of opname.":
        "Write a post or choose a photo, video or recording.",
    "Gebruikersnaam": "Username",
    "Wachtwoord": "Password",
    "Code uit je authenticator-app (6 cijfers)": "Code from your authenticator app (6 digits)",
    "Te veel mislukte pogingen. Probeer het over %(minutes)d minuten opnieuw.":
        "Too many failed attempts. Try again in %(minutes)d minutes.",
    "Gebruikersnaam of wachtwoord klopt niet.": "Username or password is wrong.",
    "Te veel mislukte pogingen. Probeer het later opnieuw.":
        "Too many failed attempts. Try again later.",
    "Die code klopt niet. Kijk of de tijd op je telefoon goed staat.":
        "That code is wrong. Check that the time on your phone is right.",
    "Te groot": "Too large",
    "De bestanden samen zijn groter dan %(mb)s MB. Kies minder of kleinere bestanden.":
        "The files together are larger than %(mb)s MB. Choose fewer or smaller files.",
    "Terug": "Back",
    "Controleer je bericht": "Check your post",
    "Naar de inhoud": "Skip to content",
    "Hoofdmenu": "Main menu",
    "Controleer": "Check",
    "Mijn controles": "My checks",
    "Protocol": "Protocol",
    "Beheer": "Administration",
    "Uitloggen": "Log out",
    "Je tekst en foto's blijven op de server van de school en worden "
    "%(retention_minutes)s minuten na de controle verwijderd, tenzij je ze bewaart voor een "
    "overleg of melding (dan %(saved_retention_days)s dagen).":
        "Your text and photos stay on the school's server and are deleted "
        "%(retention_minutes)s minutes after the check, unless you save them for a "
        "consultation or report (then %(saved_retention_days)s days).",
    "Resultaat": "Result",
    "Bezig met controleren…": "Checking…",
    "We bekijken je foto's en video's. Dit duurt meestal een paar seconden.":
        "We are looking at your photos and videos. This usually takes a few seconds.",
    "Voortgang": "Progress",
    "Ververs deze pagina": "Refresh this page",
    "De controle is mislukt": "The check failed",
    "bevinding": "finding",
    "Verbeterde versie": "Improved version",
    "Kopieer de verbeterde versie": "Copy the improved version",
    "Je foto %(name)s": "Your photo %(name)s",
    "Je foto %(name)s, met vervaagde gezichten": "Your photo %(name)s, with blurred faces",
    "Download de vervaagde foto": "Download the blurred photo",
    "Vervaag de gezichten": "Blur the faces",
    "Gezichten vervagen kan in deze installatie nog niet.":
        "Blurring faces is not available in this installation yet.",
    "Wat we vonden": "What we found",
    "Artikel": "Article",
    "Niet gecontroleerd": "Not checked",
    "Goed om te weten": "Good to know",
    "Bewaren of verwijderen": "Keep or delete",
    "Bewaard tot %(date)s.": "Kept until %(date)s.",
    "Je tekst en foto's worden om %(time)s verwijderd.":
        "Your text and photos will be deleted at %(time)s.",
    "Bewaar voor overleg": "Keep for a consultation",
    "Bewaar voor een melding": "Keep for a report",
    "Nu verwijderen": "Delete now",
    "Nieuw bericht controleren": "Check another post",
    "bewaard": "kept",
    "Je hebt op dit moment geen controles. Controles worden na korte tijd verwijderd.":
        "You have no checks at the moment. Checks are deleted after a short time.",
    "Plak je bericht, voeg eventueel foto's toe en zie meteen of het past binnen het protocol "
    "sociale media van je school.":
        "Paste your post, add photos if you like, and see at once whether it fits your "
        "school's social media protocol.",
    "Meer: tijdstip en onderwerp": "More: time and topic",
    "Er gaat niets naar sociale media of naar andere bedrijven: de controle draait op de server "
    "van de school. Je tekst en foto's worden %(retention_minutes)s minuten na de controle "
    "verwijderd, tenzij je ze bewaart.":
        "Nothing is sent to social media or to other companies: the check runs on the "
        "school's server. Your text and photos are deleted %(retention_minutes)s minutes after "
        "the check, unless you keep them.",
    "Inloggen": "Log in",
    "Tweestapsverificatie": "Two-step verification",
    "Jouw rol geeft toegang tot dossiers. Daarom log je in met een wachtwoord én een code uit "
    "een authenticator-app (bijvoorbeeld FreeOTP, Google Authenticator of Microsoft "
    "Authenticator).":
        "Your role gives access to files. So you log in with a password and a code from an "
        "authenticator app (for example FreeOTP, Google Authenticator or Microsoft "
        "Authenticator).",
    "Scan deze QR-code met de app:": "Scan this QR code with the app:",
    "QR-code voor de authenticator-app": "QR code for the authenticator app",
    "Of typ deze sleutel over:": "Or type this key:",
    "Vul de code in die de app toont.": "Enter the code the app shows.",
    "Vul de code in die je authenticator-app nu toont.":
        "Enter the code your authenticator app shows now.",
    "Bevestigen": "Confirm",
    "Deze pagina bestaat niet": "This page does not exist",
    "Geen toegang": "No access",
    "Dit verzoek klopt niet": "This request is not right",
    "Er ging iets mis": "Something went wrong",
    "Misschien is de controle al verwijderd: teksten en foto's bewaren we maar kort.":
        "Perhaps the check was already deleted: we keep texts and photos only briefly.",
    "Er ging iets mis aan onze kant. Probeer het later opnieuw.":
        "Something went wrong on our side. Please try again later.",
    "Ga terug en probeer het opnieuw.": "Go back and try again.",
    "Naar de startpagina": "To the start page",
    "Dit formulier is verlopen": "This form has expired",
    "Melden": "Report",
    "Zaken": "Cases",
    "Dossiers": "Files",
    "Overzicht": "Overview",
    "Auditlog": "Audit log",
    "Toestemming": "Consent",
    "Laad de pagina opnieuw en probeer het nog een keer. Staan cookies uit in je browser? Zet "
    "ze aan voor deze site.":
        "Reload the page and try again. Are cookies switched off in your browser? Switch them "
        "on for this site.",
}

ENTRY = re.compile(r'((?:#.*\n)*)msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)')


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"\n'


def main() -> None:
    path = Path(__file__).parent / "en" / "LC_MESSAGES" / "django.po"
    source = path.read_text(encoding="utf-8")
    missing = []

    def fill(match: re.Match[str]) -> str:
        comments, mid_raw, _ = match.groups()
        mid = "".join(ast.literal_eval(x) for x in mid_raw.strip().split("\n"))
        if not mid:
            return match.group(0)
        if mid not in EN:
            missing.append(mid)
            return match.group(0)
        comments = comments.replace("#, fuzzy\n", "")
        return f"{comments}msgid {mid_raw.rstrip()}\nmsgstr {_quote(EN[mid])}"

    path.write_text(ENTRY.sub(fill, source), encoding="utf-8")
    for mid in missing:
        print("untranslated:", mid)


if __name__ == "__main__":
    main()
