"""Scope, the hard way: school words used outside school (yogaleraar, een school vissen, het
huiswerk van de minister, de directeur van Ajax, het rapport van de inspectie van de NVWA),
and school posts that use none of the obvious words."""

from __future__ import annotations

from bench.data.textposts.spec import P

POSTS = [
    # --- out of scope, with school-looking words --------------------------------------------------
    P("Op", "instagram", "Mijn yogaleraar zei vandaag: adem in, adem uit, en laat je telefoon thuis 🧘‍♀️", scope=False),
    P("Xp", "instagram", "Duiken bij Bonaire en ineens zwom er een hele school vissen om me heen 🐟🐠", scope=False),
    P("Op", "x", "De minister heeft haar huiswerk duidelijk niet gedaan, dit plan rammelt aan alle kanten.", scope=False),
    P("Op", "facebook", "De technisch directeur van Ajax moet echt eens uitleggen wat de visie is 🙄", scope=False),
    P("Xp", "linkedin", "Het rapport van de NVWA over voedselveiligheid is net uit. Belangrijke lessen voor de horeca.", scope=False),
    P("Op", "whatsapp", "Pauze op mijn werk en de koffieautomaat is alweer kapot ☕😤", scope=False),
    P("Xp", "linkedin", "Mooie teamdag met mijn collega's van de afdeling finance. Goede gesprekken en lekker eten!", scope=False),
    P("Op", "instagram", "Masterclass sushi maken gevolgd, ik ben nu officieel een meester in rolletjes 🍣", scope=False),
    P("Xp", "facebook", "Onze kookschool heeft nieuwe workshops: Thais, Indiaas en Marokkaans 🌶️", scope=False),
    P("Op", "whatsapp", "De groepsapp van de buurtvereniging staat weer vol met klachten over hondenpoep", scope=False),
    P("Op", "x", "Klasse voorstelling gisteren in Carré, wat een energie op het podium 👏", scope=False),
    P("Xp", "linkedin", "Vandaag de laatste module van mijn leergang projectmanagement afgerond. Diploma binnen! 🎓", scope=False),
    P("Op", "facebook", "Wie weet een goede autorijschool in Zuidoost? Mijn zoon is 17 en wil beginnen", scope=False),
    P("Lp", "tiktok", "mijn kat zit de hele tijd op mijn toetsenbord en typt onzin 😭😂", scope=False),
    P("Op", "instagram", "Eerste keer toets gedaan voor mijn vaarbewijs, gehaald!! ⛵", scope=False),
    P("Sp", "instagram", "Weekendje Texel met vriendinnen 🌊 geen laptop, geen wekker, alleen strand", scope=False),
    P("Op", "facebook", "Ik heb een cursus EHBO bij kinderen gedaan via het Rode Kruis. Aanrader voor alle ouders!", scope=False),
    P("Xp", "x", "De gemeenteraad stemt vanavond over de nieuwe parkeertarieven. Live te volgen via de site.", scope=False),
    P("Op", "whatsapp", "Is de bieb op zaterdag ook open? Mijn dochter wil nieuwe Dolfje Weerwolfje boeken", scope=False),
    P("Lp", "instagram", "nieuwe haarkleur 💇‍♀️ mijn moeder vindt het niks haha", scope=False),
    P("Op", "facebook", "Onze zoon heeft zijn eerste tand verloren 🦷 de tandenfee moet nog geld pinnen", scope=False),
    P("Xp", "instagram", "Open dag bij onze dansschool, kom gratis een les proberen 💃🕺", scope=False),
    P("Op", "whatsapp", "Wie gaat er mee naar de kermis op het Museumplein? Kinderen vinden het geweldig", scope=False),
    P("Sp", "x", "De NS heeft weer storing. Anderhalf uur vertraging en geen informatie. Top.", scope=False),
    # --- in scope, without the obvious words --------------------------------------------------------
    P("Op", "whatsapp", "Morgen moeten ze een lege wc-rol en een schoenendoos meenemen voor de knutselochtend van de kleuters"),
    P("Op", "whatsapp", "Weet iemand of de voorleesouders vrijdag ook nodig zijn? De juf zei iets over de bieb"),
    P("Lp", "whatsapp", "wie zit er naast mij bij de eindtoets? ik ben zo zenuwachtig"),
    P("Op", "facebook", "Trots! Onze dochter mag volgend jaar naar het gymnasium, het advies is binnen 🎓"),
    P("Op", "whatsapp", "Vergeet de gymspullen niet morgen, de juf zei dat ze anders niet mee mogen doen"),
    P("Lp", "snapchat", "wie heeft de meester gezien met zijn nieuwe kapsel 😂😂"),
    P("Op", "whatsapp", "De oudervereniging zoekt nog hulp bij de paasbrunch in de aula, wie kan er?"),
    P("Op", "facebook", "De tussenschoolse opvang wordt vanaf januari duurder. Iemand anders hier ook boos over?"),
    P("Op", "whatsapp", "Iemand anders ook een brief gekregen over de hoofdluis in groep 5? Ik ga vanavond kammen"),
    P("Xp", "facebook", "Als buurtbewoner wil ik de leerkrachten bedanken voor de mooie kerstzang bij het bejaardenhuis 🎄"),
    P("Lp", "instagram", "brugklas here I come 😎 laatste week groep 8!!"),
    P("Op", "whatsapp", "Kan de ouder die de knutselspullen had meegenomen ze terugbrengen naar het lokaal van groep 2?"),
]
