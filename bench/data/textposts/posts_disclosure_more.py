"""More ways staff say (or fail to say) that they work for ASKO and that a view is their own,
and more scope cases around work, private life and school."""

from __future__ import annotations

from bench.data.textposts.spec import P

POSTS = [
    # --- disclosure present, work context ------------------------------------------------------
    P("Sw", "linkedin", "Ik geef les op een ASKO-school en vandaag kregen we bezoek van de wethouder op De Regenboog. Mooi gesprek over kansengelijkheid.", dis=True),
    P("Sw", "x", "Collega bij ASKO hier: het nieuwe rooster voor de gymlessen op Don Bosco werkt echt beter.", dis=True),
    P("Sw", "linkedin", "Sinds 2019 in dienst bij ASKO, en vandaag mijn eerste dag als directeur van Het Vogelnest! 🎉", dis=True),
    P("Sw", "facebook", "Lieve ouders van De Notenboom, ik ben juf Sanne (werkzaam voor ASKO) en ik begin maandag in groep 1/2.", dis=True),
    P("Sw", "instagram", "Ontdekkend leren in groep 6 van Titus Brandsma 🔬 — juf Mirjam, leerkracht bij ASKO", dis=True),
    P("Sw", "x", "Ik werk voor de ASKO en ik nodig iedereen uit voor de open dag van De Kleine Prins op 14 maart.", dis=True),
    # --- disclosure missing, work context -----------------------------------------------------------
    P("Sw", "linkedin", "Mijn buurman werkt bij ASKO en vertelde over de nieuwe aanpak voor nieuwkomers op Het Kompas. Interessant!", dis=False),
    P("Sw", "x", "Kent iemand iemand bij ASKO die meer weet over de vacature op Sint Franciscus?", dis=False),
    P("Sw", "instagram", "Juffen van De Zonnebloem in actie tijdens de Koningsspelen 👑🧡", dis=False),
    P("Sw", "facebook", "Schoolfotograaf komt dinsdag op De Regenboog. Zorg dat de kinderen er op tijd zijn!", dis=False),
    P("Sw", "linkedin", "Vandaag presenteerde ASKO het nieuwe strategisch beleidsplan. Ambitieus!", dis=False),
    # --- private context: both present -----------------------------------------------------------
    P("Sp", "facebook", "Ik werk bij ASKO. Mijn eigen gedachten, niet die van mijn werkgever: de inspectie was veel te streng voor Het Kompas.", dis=True, dcl=True),
    P("Sp", "x", "Sinds 10 jaar in dienst bij ASKO. Dit is geen officieel standpunt van ASKO, maar de lerarenkamer van Don Bosco is echt te klein.", dis=True, dcl=True),
    P("Sp", "instagram", "All views my own 🙃 I teach at an ASKO school (De Zonnebloem) and today was chaos but fun", dis=True, dcl=True),
    P("Sp", "facebook", "Werkzaam voor ASKO, maar dit post ik privé en niet namens school: de nieuwe methode voor begrijpend lezen bij De Notenboom is een verbetering.", dis=True, dcl=True),
    P("Sp", "linkedin", "Als leraar bij ASKO en op persoonlijke titel: de plannen van ASKO voor hybride onderwijs verdienen een eerlijke discussie.", dis=True, dcl=True),
    # --- private context: disclosure only --------------------------------------------------------
    P("Sp", "facebook", "Ik geef les bij ASKO en vandaag zag ik de nieuwe tuin van Titus Brandsma. Prachtig!", dis=True, dcl=False),
    P("Sp", "x", "Medewerker ASKO. De staking van donderdag gaat gewoon door, ook op De Kleine Prins.", dis=True, dcl=False),
    # --- private context: disclaimer only --------------------------------------------------------
    P("Sp", "facebook", "Dit is geen officieel standpunt, maar Sint Franciscus heeft dringend meer conciërges nodig.", dis=False, dcl=True),
    P("Sp", "x", "Mijn eigen mening: ASKO zou de ouderbijdrage helemaal moeten schrappen.", dis=False, dcl=True),
    # --- private context: neither ----------------------------------------------------------------------
    P("Sp", "facebook", "Het standpunt van de directie van Het Vogelnest over telefoons is helder. Goed zo.", dis=False, dcl=False),
    P("Sp", "instagram", "Vanavond de afscheidsmusical van groep 8 van De Regenboog 🎭 tranen met tuiten", dis=False, dcl=False),
    P("Sp", "x", "Mijn collega vindt ook dat ASKO de cao te laat uitbetaalt. Wat vinden jullie?", dis=False, dcl=False),
    P("Sp", "facebook", "Ik ben persoonlijk betrokken bij de fusie van Don Bosco en Het Kompas en ik vind het spannend.", dis=False, dcl=False),
    P("Sp", "whatsapp", "Hebben jullie de mail van het bestuur gelezen over de nieuwe schooltijden? Ik snap er niks van", dis=False, dcl=False),
    # --- staff posts the rules do not apply to ---------------------------------------------------
    P("Sp", "instagram", "Eerste week met mijn nieuwe groep 4 zit erop 😅 wat een energie hebben die kinderen"),
    P("Sp", "facebook", "Zo, de rapportgesprekken zitten erop. 32 gesprekken in twee avonden. Nu de bank op."),
    P("Sw", "linkedin", "Op zoek naar tips voor rekenonderwijs aan kinderen met dyscalculie. Wie heeft goede ervaringen?"),
    P("Sp", "x", "Het lerarentekort wordt alleen maar erger. Er moet landelijk iets gebeuren."),
    # --- others about ASKO ------------------------------------------------------------------------------
    P("Op", "facebook", "Onze zoon is dit jaar begonnen op De Kleine Prins en we zijn erg blij met ASKO als schoolbestuur."),
    P("Lp", "instagram", "ASKO voetbaltoernooi gewonnen met Don Bosco!!! 🏆⚽"),
    P("Xp", "x", "Wij als gemeente werken samen met ASKO aan meer groene schoolpleinen."),
    # --- scope ------------------------------------------------------------------------------------------
    P("Op", "whatsapp", "Kan iemand mijn zoon morgen mee naar school nemen? Ik moet vroeg naar het ziekenhuis"),
    P("Op", "facebook", "Na de herfstvakantie beginnen ze in groep 7 met de verkeerslessen, fijn dat de school dat doet"),
    P("Lp", "whatsapp", "hebben we morgen een overhoring van Frans? oh wacht dat is pas in de brugklas haha"),
    P("Op", "whatsapp", "Wie heeft er een verkleedkostuum voor de Kinderboekenweek op school? Thema is ridders"),
    P("Op", "instagram", "Ons nieuwe huis heeft eindelijk een tuin 🌿 verhuizen was zwaar maar het was het waard", scope=False),
    P("Lp", "tiktok", "ik heb 3 uur lang Minecraft gebouwd en mijn huis is af 🏠", scope=False),
    P("Xp", "linkedin", "Vandaag mijn eerste marathon gelopen, 4:12:33. Trots! 🏃", scope=False),
    P("Op", "whatsapp", "Weet iemand een goede kapper voor kinderen in Noord?", scope=False),
    P("Sp", "instagram", "Zelfgemaakte pompoensoep 🎃 recept in de comments", scope=False),
]
