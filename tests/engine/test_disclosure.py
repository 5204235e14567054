"""Disclosure (B1, C3) and disclaimer (C4) for staff posts about the board."""

from __future__ import annotations

import pytest

from socialprotocol.engine.checker import Checker
from socialprotocol.engine.directory import parse_directory_csv

from .helpers import checker, post


def categories(text: str, setting: str, role: str = "staff") -> set[str]:
    report = checker(("disclosure",)).check(post(text, role=role, setting=setting))
    return {f.category for f in report.findings}


@pytest.mark.parametrize(
    "text",
    [
        "Mooie studiedag vandaag bij ASKO. Ik werk bij ASKO en ben er trots op.",
        "Als leerkracht op De Regenboog (ASKO) zie ik hoe hard iedereen werkt.",
        "Trots op de nieuwe leesmethode! #ASKOmedewerker",
        "Ik ben medewerker van ASKO en vind dit een goed plan van ASKO.",
        "Ik werk al 12 jaar bij de ASKO en dit is de beste cao ooit.",
        "Als ASKO-leerkracht kan ik zeggen: dit werkt.",
        "Bij ASKO werk ik met veel plezier, de werkdruk valt mee.",
        "ik ben juf bij asko en wij doen mee aan de staking",
        "Als medewerker van de Amsterdamse Stichting voor Katholiek Onderwijs ben ik trots.",
        "Leerkracht bij ASKO hier. De staking is terecht.",
        "Directeur van Sint Franciscus, onderdeel van ASKO, en vandaag heel blij!",
        "ik ben Mark, de nieuwe gymleraar (medewerker ASKO).",
        "Ik sta al 15 jaar voor de klas bij ASKO en zie veel nieuwe collega's.",
        "Vanuit mijn werk bij ASKO: de kinderen hebben 800 euro opgehaald.",
        "Mijn mening, niet die van ASKO, waar ik werk: meer buiten lesgeven!",
        "Ik heb 30 jaar met plezier bij ASKO gewerkt.",
        "Ontdekkend leren in groep 6 🔬 — juf Mirjam, leerkracht bij ASKO",
        "Leraar worden? Kom mijn collega worden bij ASKO!",
        "Fijn om bij ASKO te werken, waar zoiets gewoon kan",
        "Sinds 1 augustus directeur van De Notenboom en daarmee onderdeel van de ASKO-familie 💛",
        "Als schoolleider bij ASKO blij dat er eindelijk schot in zit.",
        "Proud to be part of ASKO 💙 our team just rolled out the new curriculum.",
        "Nieuwe cao bij ASKO. Ik werk er al tien jaar en dit is echt een verbetering.",
        "ASKO zoekt invallers. Waar ik werk is het tekort enorm.",
        "As a teacher at ASKO I see this every day.",
        "Sinds 2015 werkzaam binnen ASKO en nog steeds blij.",
        "ik ben leerkracht bij een ASKO-school en wij staken morgen",
        "Mijn collega's bij ASKO zijn de beste.",
        "Trots dat ik al 6 jaar deel uitmaak van ASKO.",
        "Ik blijf dus gewoon binnen ASKO, de stichting die mij de ruimte gaf.",
        "Dir. De Zonnebloem (ASKO). Vandaag de inspectie op bezoek gehad!",
        "Beste ouders, morgen fietscontrole. Groet, meester Rik (leerkracht groep 7, ASKO)",
        "lkr gr 6 @ De Kleine Prins (ASKO) | vandaag naar het Rijksmuseum",
        "Fijne vakantie allemaal!\n— Sanne, Het Vogelnest / ASKO",
        "Ben er trots op dat ik al sinds 2012 bij ASKO werk.",
        "I've worked at ASKO for six years now.",
        "Vaste aanstelling bij ASKO, vanaf augustus op De Regenboog 🥳",
        "vandaag mn laatste dag na 11 jaar asko... ga jullie missen",
        "Ik ben ICT-coördinator bij ASKO en zie hoe snel kleuters dit oppakken.",
        "Super trots op ons team! #jufbijASKO",
        "POV: je bent gymjuf bij ASKO en het is sportdag en 34 graden 🥵",
        "Proud ASKO staffer here 🙋 This week we opened our fifth kindcentrum.",
        "Eerlijk is eerlijk: ASKO (mijn baas 😅) regelt de vervanging goed.",
        "Bij ASKO zijn we dit jaar gestart met een traineeship voor zij-instromers.",
        "ASKO gaat geen scholen sluiten. Als iemand die er zelf werkt kan ik dat zeggen.",
        "Zondagavond, rapporten schrijven 📝 het glamoureuze leven van een ASKO-juf",
        "Laatste werkdag bij ASKO voor de zomer zit erop ☀️",
        "Vandaag mijn 20-jarig ASKO-jubileum gevierd met collega's 💐",
        "Wij, de leerkrachten van ASKO, staken morgen.",
        "Hier een ASKO-leerkracht die het ook niet meer weet.",
        "Teaching at ASKO for 12 years and still loving it.",
        "Part of the ASKO team since 2019!",
        "Onze stichting ASKO organiseert een studiedag, ik heb er zin in.",
        "Ik ben een van de 2000 medewerkers van ASKO.",
        "Ik heb het geluk bij ASKO te mogen werken.",
        "Sinds augustus sta ik voor groep 3 van De Zonnebloem, een van de scholen van ASKO.",
        "Excited to share that I joined ASKO this month as a policy advisor.",
        "Een van de vele ASKO-juffen hier 🙋 Vandaag de bieb opnieuw ingericht.",
        "Of ik bij ASKO werk? Ja, al negen jaar.",
        "#ikwerkbijASKO en vandaag voelde dat extra goed",
        "Groet,\nSandra de Wit\nIntern begeleider De Notenboom\nASKO – Amsterdamse Stichting voor Katholiek Onderwijs",
        "POV: je werkt al vijf jaar bij ASKO en je weet nog steeds niet waar de printer staat",
        "In my role at ASKO I coordinate the newcomer classes.",
        "Werk bij ASKO, so yes, I'm biased 😄",
        "me: werkt bij ASKO\nalso me: vergeet elk jaar de studiedag 🤦",
        "Hoeveel ASKO-medewerkers volgen mij eigenlijk? Ik ben er zelf een.",
        "Namens de GMR van ASKO, waarin ik als personeelslid zit: dank aan alle ouders.",
        "Hoi team! Voor wie nieuw is: ik ben Ruud, al 14 jaar op de loonlijst van ASKO.",
        "Sinds 1 augustus mag ik mezelf ASKO'er noemen! Nieuwe uitdaging op Het Vogelnest.",
        "Employed by ASKO, a foundation of Catholic primary schools in Amsterdam.",
        "day in the life van een vakdocent muziek bij ASKO 🎺 vier scholen, één bakfiets",
        "Trotse ASKO'er 💙 Vandaag met 40 collega's mee in de Pride Walk.",
        "Sportdag op De Notenboom ✅ Vakleerkracht gym @ ASKO en trots op deze dag 💪",
        "Long post, sorry. I've been a teacher with ASKO for 17 years.",
        "Als ASKO-personeelslid vandaag gewoon gestaakt.",
        "new job alert 🚨 vanaf maandag juf bij A.S.K.O. op De Regenboog!!!",
        "Team De Zonnebloem staat klaar! — Femke, leerkracht groep 3 bij ASKO",
        "Ik ben een van de ruim 1.500 mensen die voor ASKO werken.",
        "Mijn collega Bram en ik (allebei ASKO) gaven vandaag een workshop.",
        "Sinds 2015 betaalt ASKO mijn salaris en ik heb er nooit spijt van gehad.",
        "Luizencontrole woensdag. Met vriendelijke groet, Karin, administratief medewerkster ASKO",
        "Het draaiboek staat in de gedeelde map. — Peter (ASKO, locatieleider)",
        "Senior policy advisor at ASKO. Our board just published the annual report.",
        "Vandaag mijn eerste dag op De Notenboom! Spannend hoor, nieuw bij ASKO 🙏",
        "Mijn werkgever regelt een fietsplan 🚲 Mijn e-bike is binnen! Dankjewel ASKO 😍",
        "Volgend jaar ga ik me binnen de ASKO richten op het jonge kind.",
        "Na 40 jaar in het onderwijs, waarvan 31 bij ASKO, neem ik afscheid.",
        "Back to school ✏️ Year 4 at ASKO and still loving it.",
        "Kinderboekenweek-tip van een juf die al jaren bij ASKO werkt: lees voor.",
        "I've been with ASKO for nine years and this team never stops improving.",
        "Volgend jaar ben ik er weer, mijn 10e jaar bij ASKO!",
        "Heerlijk om collega's van andere ASKO-scholen te spreken.",
        "Het ASKO-beleid rond telefoons: prima idee. Ben zelf bovenbouwleerkracht bij ASKO.",
        "Bedankt ASKO, ik ben zo blij dat ik bij jullie juf mag zijn!",
        "Na de zomer start ik op een andere school binnen ASKO.",
        "Morgen staken wij, ASKO-leraren, samen met duizenden collega's.",
        "officially on the asko payroll now 📝✨ lio contract signed",
        "Mijn broer vroeg: 'werk jij nog steeds bij ASKO?' Ja abi, nog steeds bij ASKO, op Don Bosco 😄",
        "nieuwe fietsenstalling eindelijk af. ben tenslotte de concierge van asko hier",
        "Sinds 2019 mag ik bij ASKO leidinggeven aan deze prachtige school.",
        "Netwerkochtend met alle IB'ers van ASKO, waaronder ondergetekende.",
        "lio @ asko hier 👋 hot take: die nieuwe rekenmethode is mid.",
        "gevonden voorwerpen ligge bij mij tot vrijdag. groet henk, concierge (asko)",
        "Collega gezocht voor de salarisadministratie van ASKO. Ik werk zelf al zes jaar in dit team.",
        "werk nu 4 maanden als lio voor asko en ngl het is zwaar maar i love it.",
        "Voor de volledigheid: ik ben in loondienst bij ASKO (HR).",
        "Te gast bij het bestuur van ASKO. Als leerkracht en MR-lid op een van hun scholen voelde ik me gehoord.",
        "'Jullie mening doet er niet toe', zegt ASKO. Groetjes van een ASKO-medewerker.",
        "Als lid van het college van bestuur van ASKO zeg ik: de nieuwbouw kan niet wachten.",
        "Afscheid van juf Ria. Ik heb 12 jaar naast haar mogen werken bij ASKO, wat een vrouw.",
        "ik kan zondag niet, rapporten. asko is mijn baas, niet een bank, overuren bestaan niet",
        "Vandaag mijn 25-jarig jubileum bij ASKO gevierd met het team 🥂",
        "Hoe het is bij mijn nieuwe werkgever: ASKO bevalt goed!",
        "De eerste paal is geslagen!\n— Pieter-Bas, projectleider huisvesting bij ASKO",
        "Invallers gezocht! Ik maak bij ASKO elke ochtend de vervangingsroosters.",
        "Beste buren, ik regel bij ASKO het onderhoud van de schoolgebouwen in onze wijk.",
        "Jongens ik zit nu 3 jaar in de invalpool van ASKO en ik word er gek van",
        "Goede stap, dat ASKO-beleid. (Werk zelf op het bestuursbureau van ASKO.)",
        "Als persvoorlichter bij ASKO: de school blijft open tijdens de verbouwing.",
        "Ik ben woordvoerder van ASKO; persvragen graag per mail.",
        "Na de zomer terug aan het werk bij ASKO, nu als leerkracht in groep 3.",
        "Sinds januari coördineer ik de flex-pool van ASKO, pittig met al die zieken.",
        "Vanuit ASKO train ik nieuwe BHV'ers op alle scholen.",
        "Deze maand via de ASKO-flexpool op Het Vogelnest.",
        "Week 2 op het stafbureau van ASKO en ik ken al bijna iedereen.",
        "Die staking is terecht. Groetjes, iemand die zelf bij ASKO lesgeeft.",
        "Namens ASKO ben ik als bestuurssecretaris bij het overleg in Den Haag.",
        "Eindelijk in vaste dienst bij ASKO, na drie jaar invallen!",
        "Waarom moeten we weer een nieuwe methode? Vraagje van een ASKO-juf 🙋",
        "Ik ken hem nog uit mijn eerste jaren bij ASKO, een fijne man.",
        "Heel blij met ASKO als werkgever nu ik met zwangerschapsverlof ga.",
        "Wij, het team van Het Kompas (ASKO), bedanken alle ouders voor de hulp!",
        "Gisteren mijn 12,5-jarig jubileum bij ASKO gevierd met taart 🎂",
        "Dit is de mening van iemand die er al meer dan 20 jaar werkt: ASKO, luister naar je team.",
        "Mede-ASKO'ers, hoe regelen jullie de formatie?",
        "Zondag nog rapporten schrijven, en nee, ASKO betaalt me daar niet genoeg voor 🙃",
        "Ik doe namens ASKO de inkoop van de laptops, dus vragen mogen naar mij.",
        "As ASKO's privacy officer I want to explain what happened with the data.",
        "Vorig jaar overgestapt van een school in Utrecht naar ASKO, geen spijt!",
        "Ik ben een van de 1500 medewerkers die ASKO in dienst heeft, en ik maak me zorgen.",
        "Welkom allemaal! Ik ben jullie aanspreekpunt vanuit ASKO voor de verbouwing.",
        "@ASKO_Amsterdam als medewerker van jullie: dit klopt niet.",
        "Het nieuwe rooster van ASKO? Mijn broodheer weet wat hij doet.",
    ],
)
def test_it_accepts_natural_ways_of_saying_you_work_there(text: str) -> None:
    assert "missing_disclosure" not in categories(text, "work")


@pytest.mark.parametrize(
    "text",
    [
        "ASKO doet te weinig aan de werkdruk.",
        "Wat een mooie nieuwe website van ASKO!",
        "Mijn werkgever luistert niet naar leraren.",
        "#asko blijft achter met de salarissen",
        "Mijn vrouw is medewerker van ASKO en zij zegt dat het druk is.",
        "Werk jij ook bij ASKO? Dan weet je hoe het zit.",
        "Persoonlijke mening: ik ben blij dat ASKO de loonsverhoging uitbetaalt.",
        "Stagiairs gezocht voor onze school! #werkenbijasko",
        "De directeur van ASKO heeft een brief gestuurd.",
        "Mijn collega werkt al jaren bij ASKO en is er klaar mee.",
        "De ASKO-directeuren kwamen bijeen om de begroting te bespreken.",
        "De ASKO-leerkracht van mijn zoon is super.",
        "Mooie actie van ASKO. Ik ben er blij mee.",
        "ASKO heeft een nieuw beleid. Mijn buurvrouw werkt er en zij is positief.",
        "Het bestuur van ASKO heeft besloten dat de scholen volgend jaar op woensdag vrij zijn.",
        "Nieuwe directeur voor De Regenboog benoemd door het ASKO-bestuur.",
        "Wat een opkomst bij de banenmarkt! Volgende keer ook komen kijken? #werkenbijasko",
        "Werken bij ASKO? Kijk op de site!",
        "Ik ken een juf bij ASKO die dit ook vindt.",
        "De nieuwe bestuurder van ASKO komt morgen op bezoek bij De Notenboom. Spannend!",
        "Vacature conciërge bij Titus Brandsma (ASKO). Interesse? Mail de directie.",
        "Nee, ik werk niet bij ASKO, ik ben invalkracht via een uitzendbureau.",
        "Mijn man heeft jaren bij ASKO gewerkt; nu sta ik zelf voor de klas. Grappig hoe dat gaat.",
        "Mijn buurvrouw vroeg gisteren of ik bij ASKO werk. Wie heeft de link naar de vacatures?",
        "Gisteren sprak ik een leerkracht van ASKO over de fusie.",
        "Ik werk niet bij ASKO, maar ik volg het nieuws.",
        "Mijn schoonvader heeft dertig jaar bij ASKO gewerkt, vooral op Het Vogelnest.",
        "Trots!!! Mijn nichtje Lotte is deze week begonnen als invaller bij de ASKO.....",
        "Ik ben geen juf bij ASKO.",
        "Wij als ouders vinden dat ASKO meer moet doen.",
        "Onze juf van groep 5 stopt, ASKO zoekt vervanging.",
        "De leerkrachten van ASKO staken morgen, ik steun ze.",
        "Is er iemand die bij ASKO werkt en mij kan helpen?",
        "De directeur van De Regenboog (ASKO) heeft ontslag genomen.",
        "Hoe het is bij mijn oude werkgever? ASKO was prima.",
        "bij ons op scool doen we morgen ook mee met de staking",
        "Collega's, werk jij bij ASKO en wil je mee met de fietstocht? Dan zet ik je op de lijst.",
        "Ik heb gisteren gesolliciteerd bij ASKO, duimen!",
        "Kom ook aan de slag bij ASKO! Vacatures op de site.",
        "Trots op mijn broertje, die morgen begint als gymleraar bij ASKO!",
        "Dertig jaar ben ik daar juf geweest. Nu sluit ASKO de school, wat een verdriet.",
        "Mijn collega op Het Vogelnest werkt al 20 jaar bij ASKO en weet het ook niet.",
        "Mn werkgever kan wel beter communiceren 🙃",
        "Eerste week op mijn nieuwe school zit erop, wat een leuk team!",
        "Wie coördineert bij ASKO eigenlijk de inval? Niemand weet het.",
    ],
)
def test_it_asks_staff_to_disclose_in_work_posts_about_the_board(text: str) -> None:
    assert categories(text, "work") == {"missing_disclosure"}


@pytest.mark.parametrize(
    "text",
    [
        "Ik werk bij ASKO. Dit is mijn persoonlijke mening: de werkdruk is te hoog.",
        "ASKO moet meer doen. (ik werk bij ASKO; standpunten zijn mijn eigen)",
        "Ik werk bij ASKO, maar spreek hier alleen voor mezelf: dit kan beter.",
        "Ik werk bij ASKO. Op persoonlijke titel: de nieuwe methode is top.",
        "I work at ASKO, views are my own.",
        "#ASKOmedewerker, niet namens ASKO: de cao is prima.",
        "Privé-account, meningen zijn van mijzelf. Ik werk bij ASKO en ben blij met de speeltuin.",
        "Mening geheel de mijne (werkzaam bij ASKO): de school verdient een nieuw gebouw.",
        "Na 20 jaar bij ASKO: goede collega's zijn goud waard. Mening van mezelf, niet van de organisatie.",
        "Ik neem afscheid van ASKO. Wat ik hier schrijf, schrijf ik op eigen titel.",
        "ASKO wil fuseren. Ik werk bij ASKO. Ik schrijf dit als privépersoon.",
        "ASKO wil fuseren. Ik werk bij ASKO. Persoonlijk standpunt, los van ASKO.",
        "Ik werk bij ASKO en spreek hier nadrukkelijk niet namens mijn werkgever: te weinig geld.",
        "Ik werk bij ASKO. Deze post staat los van mijn werk, maar de cao is slecht.",
        "ASKO is great. I work there. Opinions expressed here are mine alone.",
        "Ik werk bij ASKO. Alleen voor mezelf sprekend: stop met al die managementlagen.",
        "Ik werk bij ASKO en zeg dit als moeder, niet als juf: de school moet beter.",
        "Ik werk bij ASKO, maar mijn werkgever heeft hier niets mee te maken: te weinig geld.",
        "ASKO-juf hier. Spreek voor niemand behalve mezelf. Dat werkdrukakkoord? Papier.",
        "Ik werk bij ASKO; wat ik schrijf is mijn eigen inschatting, geen officieel bericht.",
        "Ik ben IB'er bij ASKO. Standpunt hieronder is privé 👇 Passend onderwijs is failliet.",
        "(Mijn woorden, niet die van het bestuur.) Ik werk bij ASKO en de fusie gaat te snel.",
        "Ik werk bij ASKO. Dit is hoe ík erover denk, niet hoe mijn werkgever erover denkt.",
        "My personal perspective, it doesn't reflect ASKO's position, though I work there.",
        "I work at ASKO. These are my thoughts, not ASKO's.",
        "Ik werk bij ASKO. Puur persoonlijk: de fusie gaat te snel.",
        "Na vijftien jaar bij de ASKO: het bestuur luistert te weinig. Dit vind ík, niet mijn werkgever.",
        "Juf groep 4 bij ASKO | tweets zijn persoonlijk\n\nDe stichting wil een nieuw rapport.",
        "Ik werk bij ASKO. Persoonlijke gedachte, geen standpunt van de school: mooi vak.",
        "Ik werk bij ASKO. Het standpunt hieronder is enkel het mijne: doodzonde.",
        "POV: je werkt bij ASKO (disclaimer: wat ik post zegt niks over hoe ASKO erover denkt)",
        "ik werk bij asko en ngl de laptops zijn fire 🔥 (mening = die van mij, niet van m'n werk)",
        "Ik werk bij ASKO: dit is puur mijn eigen take, niet de officiële lijn.",
        "Ik werk bij ASKO. Ik praat hier namens niemand behalve mezelf: de huisvesting is slecht.",
        "Ik werk bij ASKO. Standpunten in dit account: van mij en van niemand anders.",
        "Ik werk nu 2 jaar bij ASKO hè, en ik zeg het alleen voor mezelf: overdreven 😂",
        "juf bij ASKO ✌️ meningen = van mij. 31 kinderen in een lokaal is geen passend onderwijs.",
        "Vandaag ontslag genomen na 7 jaar bij ASKO. Standpunten hierboven: alleen de mijne.",
        "Ik ben gewoon juf bij ASKO, dus dit is puur wat ik er zelf van denk: een verbetering.",
        "juf bij ASKO, mening is van mezelf 🙃 maar waarom moeten wij alweer een nieuwe methode?",
        "Ik werk bij ASKO. De hier geuite gedachten zijn persoonlijk.",
        "ik werk bij ASKO. het bestuur moet iets doen. these are my personal thoughts 🫡",
        "zit nu 12 jaar bij asko als concierge en die sleutelkluis is prut. mijn eige mening he",
        "Ik werk bij ASKO. Wat volgt is mijn privéopvatting, niet de lijn van de organisatie.",
        "Tien jaar IB'er bij ASKO. Dit is overigens mijn eigen, geheel onofficiële gemopper.",
        "Als ASKO-leraar: kom morgen naar het Museumplein! Dit is gewoon Esther die praat, niet de ASKO.",
        "ik werk bij asko. de stichting gaat bezuinige. niemand anders z'n mening",
        "Ik werk bij ASKO. Over de nieuwe school: mijn reactie, van niemand anders dan mij: top!",
        "Ik werk bij ASKO en dit is slechts hoe ik het zelf zie: te snel ingevoerd.",
        "Ik werk bij ASKO. Wat hier staat = mijn mening, niet dat van de stichting.",
        "Juf bij ASKO | groep 4 | standpunten eigen",
        "I work for ASKO. The views in this post belong to me alone.",
        "Ik werk bij ASKO. Mijn oproep, geen standpunt van de directie: doneer aan de stakingskas!",
        "Ik werk bij ASKO. Niet over mijn eigen school hoor, maar de werkdruk is hoog. (Mening = privé.)",
        "Ik werk bij ASKO. Wat ik hier opschrijf blijft helemaal van mij.",
        "Ik werk bij ASKO. Dit is hoe ik het zelf ervaar, niet het officiële verhaal van de stichting.",
        "Ik werk bij ASKO en de fusie gaat te snel #mijnmeningmijnzaak",
        "Ik werk bij ASKO. Particuliere mening: de fusie gaat te snel.",
        "Ik werk bij ASKO en vind De Regenboog de mooiste school. Dat is wel mijn eigen oordeel.",
        "Ik werk bij ASKO en ben woest over het lek. Dit is op geen enkele manier een officiële reactie.",
        "Ik werk bij ASKO. Het dak lekt en er is geen ventilatie. Dit is mijn persoonlijke mening.",
        "Ik werk bij ASKO en de communicatie kan beter. pers. mening, ik spreek voor niemand anders",
        "Ik werk bij ASKO. De fusie gaat te snel; de stichting denkt er vast positiever over.",
        "Ik werk bij ASKO. Te veel vergaderingen! #persoonlijkeviewsonly",
        "Ik werk bij ASKO. Zoals ik altijd zeg: 'dit is mijn eigen mening' en daar blijf ik bij.",
    ],
)
def test_it_accepts_disclaimers_in_private_posts(text: str) -> None:
    assert categories(text, "private") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Ik werk bij ASKO. Persoonlijk vind ik de fusie slecht.",
        "Ik werk bij ASKO. Wat is jullie mening over de fusie?",
        "Ik werk bij ASKO. Dit is het officiële standpunt over de fusie.",
        "Mijn mening? ASKO moet de lerarenbeurs zelf weer invoeren. Ik werk bij ASKO.",
        "Een persoonlijke noot: ik werk al 30 jaar bij ASKO en ga met pensioen.",
        "Ik werk bij ASKO. Ik heb mijn mening over de fusie al in de MR gegeven.",
        "Ik werk bij ASKO. Dit is geen persoonlijke mening maar een feit: fijne collega's.",
        "Ik werk bij ASKO. Persoonlijke mening over de reorganisatie? Die hou ik voor me.",
        "Ik werk bij ASKO. Dat is niet mijn mening, dat is wat het bestuur heeft besloten.",
        "Ik werk bij ASKO. Dit is niet zomaar een mening van mij, dit is hoe het gaat.",
        "Ik werk bij ASKO. Prachtig! Dit is het standpunt van de directie, niet alleen het mijne.",
        "Ik werk bij ASKO. Dit is het standpunt van de school en niet dat van mij: vijf gelijke dagen.",
        "Naar mijn mening moet ASKO stoppen met die adviesbureaus. Ik werk er zelf.",
        "Ik werk bij ASKO en de fusie duurt te lang. Just my two cents.",
        "ASKO moet beter luisteren. Dat zeg ik als leerkracht bij ASKO, niet als ouder.",
        "Ik zeg dit als iemand die al 20 jaar bij ASKO werkt: de werkdruk is te hoog.",
        "Ik werk bij ASKO. Mijn mening: de nieuwe schooltijden zijn top!",
        "Ik werk bij ASKO. De bestuurder zei: 'Dit is mijn persoonlijke mening.' Dat geloof ik niet.",
        "Ik werk bij ASKO. De wethouder gaf aan 'op eigen titel' te spreken over de sluiting.",
        "Ik werk bij ASKO. Disclaimer: lang bericht! De fusie wordt een drama.",
        "Ik werk bij ASKO en Het Kompas is top. Mijn eigen kinderen zitten er ook!",
        "Ik werk bij ASKO. Staking morgen: not my decision, not my opinion, just the news.",
        "Als ASKO-leerkracht: mag ik dan ook eigenaar zijn van mijn eigen werkdruk?",
        "Ik werk bij ASKO. @Ellen spreek jij hier namens ASKO of als privépersoon?",
        "Ik werk bij ASKO. @Gert 'dit is mijn eigen mening' zeg je, maar je deelt een intern stuk.",
        "Ik werk bij ASKO. @Marjolein 'ik spreek alleen voor mezelf' — zo klonk het niet in de call.",
    ],
)
def test_opinions_without_saying_they_are_personal_need_the_disclaimer(text: str) -> None:
    assert categories(text, "private") == {"missing_disclaimer"}


def test_private_posts_about_the_board_need_both_statements() -> None:
    report = checker(("disclosure",)).check(
        post("ASKO is te traag met de cao", role="staff", setting="private")
    )
    assert sorted((f.rule, f.category) for f in report.findings) == [
        ("C3", "missing_disclosure"),
        ("C4", "missing_disclaimer"),
    ]
    assert report.fixed_text is not None
    assert report.fixed_text.startswith("ASKO is te traag met de cao. Ik werk bij ASKO.")
    assert (
        checker(("disclosure",))
        .check(post(report.fixed_text, role="staff", setting="private"))
        .findings
        == ()
    )


def test_work_posts_do_not_need_a_disclaimer() -> None:
    assert "missing_disclaimer" not in categories("Ik werk bij ASKO en ASKO doet het goed", "work")


@pytest.mark.parametrize("role", ["pupil", "parent", "other"])
def test_only_staff_are_asked_to_disclose(role: str) -> None:
    assert categories("ASKO doet te weinig aan de werkdruk.", "private", role=role) == set()


def test_posts_not_about_the_board_need_nothing() -> None:
    assert categories("Wat een mooie schoolreis met groep 7!", "private") == set()


def test_a_school_named_in_lower_case_makes_a_school_post_about_the_employer() -> None:
    directory = parse_directory_csv(
        "id,first_name,prefix,last_name,nickname,role,school,group,birth_date,handles,parent_of\n"
        "p1,Sem,,Jansen,,pupil,De Regenboog,7,,,\n"
    )
    c = Checker(directory=directory, analysers=["disclosure"])
    text = "mensen van de regenboog de verwarming in de gymzaal doet t weer niet"
    report = c.check(post(text, role="staff", setting="work"))
    assert {f.category for f in report.findings} == {"missing_disclosure"}
    sky = c.check(
        post("vandaag een regenboog geschilderd met groep 4", role="staff", setting="work")
    )
    assert sky.findings == ()
    pov = c.check(
        post("POV: je bent juf op de regenboog en het is vrijdag 🫠", role="staff", setting="work")
    )
    assert {f.category for f in pov.findings} == {"missing_disclosure"}
    shorthand = c.check(
        post("groep 8 vd regenboog heeft de eindtoets af!", role="staff", setting="work")
    )
    assert {f.category for f in shorthand.findings} == {"missing_disclosure"}


def test_long_phrase_lists_tried_per_first_character_find_what_the_whole_list_finds() -> None:
    import json
    import random
    from pathlib import Path

    from socialprotocol.engine.textview import fold

    an = Checker(analysers=["disclosure"]).analysers[0]
    data = Path(__file__).resolve().parents[2] / "bench" / "data"
    texts = [
        fold(json.loads(line)["text"])
        for path in [*sorted(data.glob("*text_posts.jsonl")), data / "statement_train.jsonl"]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(texts) > 2000
    rng = random.Random(4)
    for phrases in (an._self, an._disclaimer):
        assert phrases._usable  # the lists are long enough to be split
        for text in texts:
            lo, hi = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
            for pos, end in ((0, len(text)), (lo, hi)):
                expected = [m.span() for m in phrases.whole.finditer(text, pos, end)]
                assert [m.span() for m in phrases.finditer(text, pos, end)] == expected, text


def test_searching_signatures_near_the_board_finds_what_a_full_search_finds() -> None:
    import json
    from pathlib import Path

    from socialprotocol.engine.directory import load_directory
    from socialprotocol.engine.textview import fold

    data = Path(__file__).resolve().parents[2] / "bench" / "data"
    an = Checker(directory=load_directory(data / "text_schools.csv"), analysers=["disclosure"])
    an = an.analysers[0]
    texts = [
        json.loads(line)["text"]
        for path in [*sorted(data.glob("*text_posts.jsonl")), data / "statement_train.jsonl"]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for text in texts:
        folded = fold(text)
        board = list(an._board.finditer(folded))
        # A fixed phrase counts only where the post names the board or refers back to it
        # ("pov: je bent juf" alone does not say which employer).
        anchored = bool(board) or an._near_board._anchors.search(folded) is not None
        everywhere = (anchored and bool(an._standalone.search(folded))) or (
            bool(board) and bool(an._signature.search(folded) or an._signature_end.search(folded))
        )
        assert an._signed(folded, board) == everywhere, text


@pytest.mark.parametrize("text", ["ASKO k", "ASKO 👍 x", "asko: a", "#asko ?"])
def test_a_post_of_the_board_and_one_short_word_is_checked_like_any_other(text: str) -> None:
    # The statement model once failed on a post with no character gram of five letters.
    assert categories(text, "private") == {"missing_disclosure", "missing_disclaimer"}
