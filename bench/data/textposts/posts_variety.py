"""Notations as people really type them: emoji glued to numbers, abbreviations (Kinkerstr.,
3 mrt), street names without a suffix (Overtoom 220), prefixes (tel.nr, IBAN:), upper case
e-mail, English mixed in, and more ways to say one works for ASKO or speaks for oneself."""

from __future__ import annotations

from bench.data.textposts.spec import P

POSTS = [
    # --- phone --------------------------------------------------------------------------------------
    P("Op", "whatsapp", "📱⟦phone|06-14728390⟧ voor vragen over de sinterklaasviering, ik ben de contactouder"),
    P("Op", "instagram", "Selling my son's old school uniform, size 140, dm or whatsapp ⟦phone|+31 6 1234 8765⟧ 🙏 #schooluniform"),
    P("Op", "whatsapp", "tel.nr van de overblijfmoeder: ⟦phone|06 123 456 78⟧"),
    P("Op", "whatsapp", "Bel even naar ⟦phone|+31-6-27381944⟧, dan regel ik het met de juf."),
    P("Sp", "facebook", "Ik organiseer een reünie voor oud-leerlingen van mijn eerste klas (2006!). Bel/app ⟦phone|06-29 38 47 56⟧ 🥳"),
    P("Op", "whatsapp", "Nummer van de gymjuf is ⟦phone|0651234987⟧. Zei ze zelf dat we mochten bellen."),
    P("Op", "whatsapp", "Oh en t nummer van de tso = ⟦phone|020 - 7 654 321⟧"),
    P("Lp", "whatsapp", "bel me na school op mn nieuwe nr ⟦phone|0634 56 78 91⟧ ok?"),
    P("Op", "whatsapp", "mocht de bus vertraging hebben: chauffeur ⟦phone|06/12345670⟧ (zei de juf)"),
    # --- e-mail -------------------------------------------------------------------------------------
    P("Op", "whatsapp", "Opgeven voor de ouderraad kan via ⟦email|OUDERRAAD.GROEP5@GMAIL.COM⟧. Vóór vrijdag!"),
    P("Op", "facebook", "Wie de foto's van de eindmusical wil: mail naar <⟦email|fotos.musical2026@gmail.com⟧> met je naam en die van je kind"),
    P("Sw", "linkedin", "Benieuwd naar ons leesproject? Stuur een mail naar ⟦email|lezen@obs-zuid.nl⟧."),
    P("Lp", "instagram", "mijn juf zegt dat we haar mogen mailen voor vragen over het werkstuk: ⟦email|juf.demi@school-west.nl⟧ 💌"),
    # --- IBAN ---------------------------------------------------------------------------------------
    P("Op", "whatsapp", "IBAN: ⟦iban|gen.spaced:ABNA⟧ (t.n.v. Klassenpot groep 4) — €10 voor de rest van het jaar"),
    P("Op", "whatsapp", "Cadeau meester Rik 🎁 ⟦iban|gen:INGB⟧ ovv naam kind! Tikkie komt ook nog"),
    P("Op", "facebook", "Our class is collecting for a new reading corner 📚 bank: ⟦iban|gen.spaced:RABO⟧, every bit helps!"),
    # --- BSN / onderwijsnummer ---------------------------------------------------------------------
    P("Op", "whatsapp", "BSN: ⟦bsn|gen⟧. Is dit genoeg voor de aanmelding van groep 1 of moet er een kopie ID bij?"),
    P("Sw", "whatsapp", "Onderwijsnr ⟦student_number|gen⟧ staat nog niet in het systeem, kun je kijken?"),
    # --- address, postcode -------------------------------------------------------------------------
    P("Op", "whatsapp", "Adres van het kinderfeestje: ⟦address|Kinkerstr. 204⟧, 2 hoog. Ophalen 17u", scope=False),
    P("Op", "whatsapp", "Wij wonen op de ⟦address|Overtoom 220⟧, dus vlakbij school, kinderen kunnen na school bij ons spelen"),
    P("Op", "facebook", "Kledinginzameling voor de school in Ghana: afgeven bij ⟦address|1e Constantijn Huygensstraat 20⟧ tot zondag"),
    P("Op", "whatsapp", "Boeken terugbrengen voor de schoolbieb kan ook bij mij: ⟦address|Jan van Galenstraat 3-hs⟧"),
    P("Op", "whatsapp", "Oppas-adres voor na school: ⟦address|Rozengracht 133 II⟧"),
    P("Op", "whatsapp", "Ik woon nu in ⟦postcode|1071 AB⟧ dus verder van school, kan niet meer meelopen"),
    P("Sw", "whatsapp", "Het schoolreisje gaat naar Artis, ⟦address|Plantage Kerklaan 38-40⟧. We verzamelen om 8.45."),
    # --- birth dates ------------------------------------------------------------------------------
    P("Op", "whatsapp", "Voor het formulier van de juf: geboren ⟦birth_date|3 mrt 2015⟧, allergieën geen"),
    P("Op", "facebook", "Onze Bo is ⟦birth_date|12 okt. 2017⟧ geboren en nu al in groep 4 💕"),
    P("Lp", "instagram", "hbd to me 🥳 born on ⟦birth_date|21-11-2014⟧ en de hele klas zong voor mij"),
    P("Op", "whatsapp", "Hij heeft zijn verjaardag op ⟦birth_date|30 november⟧ maar we vieren het in de klas op vrijdag"),
    # --- licence plates ---------------------------------------------------------------------------
    P("Op", "facebook", "Die witte Mercedes ⟦license_plate|ZL-829-R⟧ stond vanochtend weer dubbel geparkeerd voor de ingang van school. Levensgevaarlijk!!"),
    P("Op", "whatsapp", "carpool: blauwe Kia ⟦license_plate|TX-61-RD⟧ hoort bij mij, kinderen mogen instappen", scope=False),
    # --- hard negatives ---------------------------------------------------------------------------
    P("Op", "whatsapp", "Schoolfoto's kosten 12.50 euro per stuk, of 3 voor 30"),
    P("Lp", "whatsapp", "de pauze is van 10.15 tot 10.30 en dan hebben we rekenen tot 12.00"),
    P("Sw", "parro", "Let op: de school gaat om 06:45 open voor de ouders die vroeg moeten werken (voorschoolse opvang)."),
    P("Op", "whatsapp", "Mijn pincode weet ik, maar de code van het kluisje op school (4 cijfers) niet meer 😅"),
    P("Op", "facebook", "Schoolplein open van 08:00 tot 18:00, ook in de vakantie. Handig voor de buurt!"),
    P("Op", "whatsapp", "Het nieuwe schooljaar begint op 17-08-2026, niet op 24-08 zoals in de oude kalender stond"),
    P("Lp", "tiktok", "groep 8 eindscore 536 en ik ben zo blij 😭😭"),
    P("Op", "whatsapp", "De contributie voor het schoolvoetbal is 15 euro, betaalreferentie 2026-GRP7-015"),
    P("Sw", "whatsapp", "Tafel 3 t/m 6 in lokaal 2.06 zijn voor de rapportgesprekken. Koffie in kamer 1.12."),
    P("Op", "whatsapp", "Voor de fietscontrole op school: framenummer staat onder het zadel, niet je postcode invullen"),
    P("Op", "facebook", "Ons huis staat aan de Kinkerstraat, vlakbij de school. Super fijn met kinderen!"),
    # --- disclosure and disclaimer ---------------------------------------------------------------
    P("Sw", "linkedin", "Werkzaam bij ASKO als bouwcoördinator. Vandaag hebben we met het team van Het Kompas het nieuwe rekenplan gepresenteerd.", dis=True),
    P("Sw", "instagram", "Juf Lieke (ASKO) hier 👋 groep 2 van De Zonnebloem heeft vandaag pannenkoeken gebakken 🥞", dis=True),
    P("Sw", "facebook", "Namens het team van Don Bosco: fijne kerstdagen allemaal! 🎄", dis=False),
    P("Sw", "x", "ASKO-scholen doen mee aan de Week van de Lentekriebels. Belangrijk thema!", dis=False),
    P("Sp", "x", "Ik ben leerkracht bij ASKO. #eigenmening: de inspectie kijkt te veel naar cijfers. Ook op De Regenboog merken we dat.", dis=True, dcl=True),
    P("Sp", "facebook", "Als medewerker van ASKO spreek ik hier niet namens ASKO maar namens mezelf: de nieuwe gymzaal bij Sint Franciscus is te klein.", dis=True, dcl=True),
    P("Sp", "linkedin", "Wat ik vandaag leerde op de ASKO-studiedag: kinderen leren meer van feedback dan van cijfers. (Ik werk bij ASKO, dit is geen officieel standpunt.)", dis=True, dcl=True),
    P("Sp", "instagram", "ik werk bij ASKO en vandaag was mijn eerste dag op Het Vogelnest 🐣 spannend!!", dis=True, dcl=False),
    P("Sp", "facebook", "Ik sta voor groep 6 op De Notenboom en het lerarentekort is elke dag voelbaar.", dis=False, dcl=False),
    P("Sp", "x", "De directie van onze school heeft het goed opgepakt na de inbraak. Complimenten.", dis=False, dcl=False),
    P("Sp", "x", "Persoonlijke mening: ik ben blij dat ASKO de cao-loonsverhoging meteen uitbetaalt.", dis=False, dcl=True),
    # --- scope -----------------------------------------------------------------------------------
    P("Op", "instagram", "Back to school 📚✏️ eerste dag groep 3 voor onze kleine man!"),
    P("Op", "facebook", "Schoolvakantie voorbij, morgen weer vroeg op voor school 😴 wie heeft er zin in?"),
    P("Lp", "whatsapp", "heeft iemand de antwoorden van de taaltoets? grapje 😂 maar wat was opdracht 4"),
    P("Op", "whatsapp", "Mijn dochter wil op schaakles bij de schaakschool in de buurt, iemand ervaring?", scope=False),
    P("Op", "instagram", "Eerste rijles vandaag bij de rijschool, ik ben 40 en doodsbang 😂", scope=False),
    P("Xp", "facebook", "Onze hondenschool start weer met puppycursussen, 6 lessen voor €90 🐶", scope=False),
    P("Op", "whatsapp", "Wie heeft er zin in een avondje bowlen met de buren? Zaterdag 20u", scope=False),
    P("Lp", "snapchat", "mijn broer heeft zijn rijbewijs en nu rijdt hij me overal heen 😎🚗", scope=False),
]
