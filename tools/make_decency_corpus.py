"""Build the labelled decency corpus: bench/data/decency/{train,test}.jsonl.

School-context posts (group chats, comments under school posts, parent complaints, staff
venting), written from hand-made templates and slot fillers, with every hard case of issue 4.
Each line: id, text, labels (categories present, [] when clean), phenomenon, source, template.
The split is by template: a template (and so its sentence shape) is either in train or in test,
never both, so the test split measures sentences the rules and the model were not shaped on.
Deterministic: the same seed gives the same files.

    .venv/bin/python tools/make_decency_corpus.py
"""

from __future__ import annotations

import json
import random
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bench" / "data" / "decency"
SEED = 20261124

KIDS = ["Sanne", "Daan", "Noah", "Emma", "Mohammed", "Fatima", "Ilias", "Lotte", "Bram", "Julia",
        "Yara", "Sem", "Liam", "Anouk", "Mees", "Zoë", "Ayoub", "Jesse", "Nora", "Finn", "Sara",
        "Milan", "Amira", "Luuk", "Tess", "Youssef", "Fleur", "Ruben", "Lina", "Thijs"]
ADULTS = ["juf Anja", "meester Kees", "meneer De Vries", "mevrouw Bakker", "de directeur",
          "de conciërge", "de gymleraar", "juf Petra", "meester Ahmed", "de nieuwe juf",
          "de invaller", "de moeder van Daan", "de vader van Sem", "juf Marieke", "meester Jan",
          "mevrouw Yilmaz", "de mentor van 2b", "de directrice", "juf Ilse", "meester Bas"]
PN = ["die juf", "die leraar", "die gymleraar", "die conciërge", "die directeur", "die moeder",
      "die vader", "dat kind", "die jongen", "dat meisje", "die invaller", "die mentor"]
STRONG = ["kankerlijer", "klootzak", "mongool", "debiel", "hoer", "slet", "trut", "kutwijf",
          "sukkel", "tyfuslijer", "teringlijer", "hoerenzoon", "lamlul", "eikel", "rotzak",
          "hufter", "randdebiel", "etterbak", "kutkind", "loser", "tokkie", "kneus", "droplul"]
ANIMAL = ["aap", "varken", "rat", "zwijn", "beest", "koe", "ezel", "kakkerlak", "rund"]
ADJA = ["domme", "lelijke", "dikke", "achterlijke", "gestoorde", "waardeloze", "zielige",
        "vieze", "stomme"]
PNN = ["juf", "leraar", "conciërge", "moeder", "jongen", "kind", "invaller", "vader", "meid"]
ADJ = ["dom", "lelijk", "dik", "achterlijk", "gestoord", "waardeloos", "zielig", "vies", "stom"]
MOD = ["vuile", "vieze", "stomme", "kanker", "kut", "tyfus", "smerige", "achterlijke"]
CURSE = ["kanker", "kut", "tyfus", "tering", "klere", "kk", "kolere"]
POS = ["leuk", "mooi", "lekker", "goed", "vet", "gaaf", "druk", "grappig", "koud", "chill", "moe"]
GROUPS = ["moslims", "joden", "Marokkanen", "Turken", "Polen", "homo's", "vluchtelingen",
          "zwarten", "vrouwen", "gehandicapten", "Surinamers", "transgenders", "buitenlanders",
          "asielzoekers", "christenen", "lesbiennes", "Antillianen"]
GROUP1 = ["moslim", "jood", "Marokkaan", "Turk", "Pool", "homo", "vluchteling", "Surinamer",
          "buitenlander", "vrouw", "zwarte", "gehandicapte"]
DEHUM = ["ratten", "kakkerlakken", "beesten", "dieven", "criminelen", "terroristen", "uitschot",
         "parasieten", "ongedierte", "minderwaardig", "gevaarlijk", "geen mensen", "tuig"]
SLURS = ["neger", "nikker", "flikker", "kankerturk", "kutmarokkaan", "spleetoog", "kankerjood",
         "zandneger", "roetmop", "poepchinees", "makaak", "geitenneuker", "kankermoslim"]
STREETS = ["Kinkerstraat 12", "Bilderdijkstraat 88", "Javastraat 3", "Churchilllaan 40",
           "Van Woustraat 101", "Amstelveenseweg 7", "Rijnstraat 55", "Postjesweg 19",
           "Jan Evertsenstraat 230", "Admiraal de Ruijterweg 4"]
ORG = ["ASKO", "die school", "onze school", "deze school", "de school van mijn dochter",
       "de directie", "het bestuur", "ASKO als werkgever", "de school van mijn zoon", "Stichting ASKO"]
BADORG = ["een waardeloze werkgever", "een gevangenis", "een puinhoop", "een schande",
          "een circus", "corrupt", "incompetent", "de hel", "een lachertje", "een sekte",
          "een zinkend schip", "een gekkenhuis", "onbetrouwbaar", "een kutschool", "een ramp"]
GOODORG = ["een fijne werkgever", "een warme plek", "top", "geweldig", "goed geregeld",
           "een fijne school", "heel betrokken", "een mooie plek om te leren"]
HEADS = ["", "", "", "", "Serieus, ", "Ik zeg het maar even: ", "Eerlijk? ", "@{kid} ", "Nou, ",
         "Zo. ", "Jongens, ", "Ff zeggen: ", "Groepsapp 7b: ", "Hoi allemaal, "]
TAILS = ["", "", "", "", "!", "!!", " 😡", " 🙄", " ...", " #school", " echt", " 🤬", ".", " hoor",
         " 😂", " 👀", "?!"]
SOURCES = ["group_chat", "comment", "parent_complaint", "staff_venting"]


def leet(w: str, rng: random.Random) -> str:
    table = {"a": "4", "e": "3", "o": "0", "i": "1", "s": "5"}
    out = "".join(table[c] if c in table and rng.random() < 0.6 else c for c in w)
    return out if out != w else w.replace("a", "@", 1)


def disguise(word: str, rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(["leet", "spaced", "stretched", "masked", "dotted", "caps"])
    if kind == "leet":
        return leet(word, rng), "spelling_leet"
    if kind == "spaced":
        return " ".join(word), "spelling_spaced"
    if kind == "dotted":
        return ".".join(word), "spelling_spaced"
    if kind == "stretched":
        i = max(1, len(word) - 1)
        return word[:i] + word[i] * rng.randint(3, 6) + word[i + 1 :], "spelling_stretched"
    if kind == "masked":
        vowels = [i for i, c in enumerate(word) if c in "aeiou"]
        i = vowels[0] if vowels else 1
        return word[:i] + "*" + word[i + 1 :], "spelling_masked"
    return word.upper(), "spelling_caps"


# Each template: (text with slots, labels, phenomenon). Slots: {kid} {adult} {pn} {strong}
# {animal} {adj} {mod} {curse} {pos} {group} {group1} {dehum} {slur} {street} {org} {badorg}
# {goodorg} {dis} (a disguised strong insult).
T = list[tuple[str, list[str], str]]

INSULT: T = [
    ("jij bent echt een {strong}", ["insult"], "abuse_one_person"),
    ("{kid} is gewoon een {strong}", ["insult"], "abuse_one_person"),
    ("wat ben jij een {strong} zeg", ["insult"], "abuse_one_person"),
    ("hou je bek {strong}", ["insult"], "abuse_one_person"),
    ("{kid} jij {strong}, niemand wil met je spelen", ["insult"], "abuse_one_person"),
    ("{adult} is echt een {strong}", ["insult"], "abuse_one_person"),
    ("wat een {strong} is {adult} toch", ["insult"], "abuse_one_person"),
    ("jullie zijn allemaal {strong}s", ["insult"], "abuse_group_of_people"),
    ("jij {mod} {animal}", ["insult"], "abuse_one_person"),
    ("{kid} is een {mod} {animal}", ["insult"], "abuse_one_person"),
    ("je bent zo {adj}", ["insult"], "abuse_one_person"),
    ("wat ben jij {adj} zeg", ["insult"], "abuse_one_person"),
    ("{adult} is zo {adj}, echt", ["insult"], "abuse_one_person"),
    ("{pn} is echt {adj}", ["insult"], "abuse_one_person"),
    ("wat een {adja} {pnn}", ["insult"], "abuse_one_person"),
    ("jij bent een {dis}", ["insult"], "spelling"),
    ("{kid} = {dis}", ["insult"], "spelling"),
    ("hé {dis}, kom eens hier", ["insult"], "spelling"),
    ("{curse}lijer die je bent", ["insult"], "compound"),
    ("{pn} is een {curse}lijer", ["insult"], "compound"),
    ("{curse} juf weer met haar huiswerk", ["insult"], "compound"),
    ("die {curse}hoer van 8a", ["insult"], "compound"),
    ("niemand vindt je leuk {kid}, ga weg uit onze klas", ["insult"], "abuse_no_bad_word"),
    ("iedereen haat je {kid}", ["insult"], "abuse_no_bad_word"),
    ("je hoort er niet bij, {kid}", ["insult"], "abuse_no_bad_word"),
    ("jij bent niks waard", ["insult"], "abuse_no_bad_word"),
    ("krijg de {curse} {kid}", ["insult"], "abuse_one_person"),
    ("rot toch op {kid}", ["insult"], "abuse_one_person"),
    ("je ziet eruit als een {animal}", ["insult"], "abuse_one_person"),
    ("{kid} ziet eruit als een {animal} 😂", ["insult"], "abuse_one_person"),
    ("je moeder is een hoer", ["insult"], "abuse_one_person"),
    ("jij {strong} 🖕", ["insult"], "emoji"),
    ("{kid} 🤡🤡🤡 jij bent echt een clown", ["insult"], "emoji"),
    ("{pn} blijft een {strong}", ["insult"], "abuse_one_person"),
    ("sorry maar {adult} is gewoon een {strong}", ["insult"], "abuse_one_person"),
    ("wat een {strong}, die {kid}", ["insult"], "abuse_one_person"),
    ("you are such a loser {kid}", ["insult"], "english"),
    ("{kid} is a stupid idiot", ["insult"], "english"),
    ("fuck you {kid}", ["insult"], "english"),
    ("kijk die {mod} {animal} nou weer lopen", ["insult"], "abuse_one_person"),
]

THREAT: T = [
    ("ik maak je af", ["threat"], "threat_no_bad_word"),
    ("ik maak je af {kid}", ["threat"], "threat_no_bad_word"),
    ("je gaat eraan {kid}", ["threat"], "threat_no_bad_word"),
    ("wacht maar tot na school", ["threat"], "threat_no_bad_word"),
    ("wacht jij maar tot na school {kid}", ["threat"], "threat_no_bad_word"),
    ("ik weet waar jij woont, pas maar op", ["threat"], "threat_no_bad_word"),
    ("pas maar op {kid}", ["threat"], "threat_no_bad_word"),
    ("ik sla je in elkaar", ["threat"], "threat_no_bad_word"),
    ("morgen sla ik je helemaal in elkaar {kid}", ["threat"], "threat_no_bad_word"),
    ("ik steek je neer", ["threat"], "threat_no_bad_word"),
    ("ik krijg je nog wel", ["threat"], "threat_no_bad_word"),
    ("dit ga je nog merken {kid}", ["threat"], "threat_no_bad_word"),
    ("na school ben je dood", ["threat"], "threat_no_bad_word"),
    ("ze zouden die juf moeten ophangen", ["threat"], "incitement"),
    ("iemand moet {adult} eens in elkaar slaan", ["threat"], "incitement"),
    ("laten we {kid} na school opwachten", ["threat"], "incitement"),
    ("wie helpt me {kid} in elkaar slaan", ["threat"], "incitement"),
    ("ik zet je naaktfoto's online", ["threat"], "threat_to_expose"),
    ("ik ga je foto's naar iedereen sturen", ["threat"], "threat_to_expose"),
    ("als je het vertelt zet ik je filmpje op insta", ["threat"], "threat_to_expose"),
    ("ik ga iedereen vertellen wat je gedaan hebt", ["threat"], "threat_to_expose"),
    ("ik neem morgen een mes mee naar school", ["threat"], "threat_no_bad_word"),
    ("ik blaas de school op", ["threat"], "threat_no_bad_word"),
    ("ik hoop dat je doodgaat", ["threat"], "threat_no_bad_word"),
    ("ga toch dood {kid}", ["threat"], "threat_no_bad_word"),
    ("ik ga {adult} vermoorden", ["threat"], "threat_no_bad_word"),
    ("kijk maar uit jij", ["threat"], "threat_no_bad_word"),
    ("jij bent de volgende {kid}", ["threat"], "threat_no_bad_word"),
    ("{kid} 🔪🔪 jij bent de volgende", ["threat"], "emoji"),
    ("ik trap je kapot {strong}", ["threat", "insult"], "threat_with_bad_word"),
    ("daar ga je spijt van krijgen {kid}", ["threat"], "threat_no_bad_word"),
    ("i will kill you {kid}", ["threat"], "english"),
    ("you're dead after school", ["threat"], "english"),
    ("ik pak je na school {kid}", ["threat"], "threat_no_bad_word"),
    ("we slaan hem morgen in elkaar", ["threat"], "threat_no_bad_word"),
]

HATE: T = [
    ("alle {group} zijn {dehum}", ["hate"], "dehumanisation"),
    ("{group} zijn gewoon {dehum}", ["hate"], "dehumanisation"),
    ("die {group} zijn allemaal {dehum}", ["hate"], "dehumanisation"),
    ("{group} moeten het land uit", ["hate"], "hate_group"),
    ("{group} horen hier niet", ["hate"], "hate_group"),
    ("ik haat {group}", ["hate"], "hate_group"),
    ("typisch voor een {group1}", ["hate"], "typical_for"),
    ("echt typisch {group1} weer", ["hate"], "typical_for"),
    ("vieze {group1}", ["hate"], "slur"),
    ("jij vuile {group1}", ["hate"], "slur"),
    ("{kid} is een {slur}", ["hate"], "slur"),
    ("hé {slur}, wat doe jij hier", ["hate"], "slur"),
    ("ga terug naar je eigen land", ["hate"], "hate_group"),
    ("ga terug naar je eigen land {kid}", ["hate"], "hate_group"),
    ("doe niet zo homo", ["hate"], "identity_as_insult"),
    ("wij willen geen {group} in onze klas", ["hate"], "hate_group"),
    ("vrouwen horen in de keuken, niet voor de klas", ["hate"], "hate_group"),
    ("die nieuwe juf is een {slur}", ["hate"], "slur"),
    ("{group} zijn geen mensen", ["hate"], "dehumanisation"),
    ("kanker{group1}", ["hate"], "compound"),
    ("{kid} jij {slur} 🐒", ["hate"], "emoji"),
    ("{group} are animals", ["hate"], "english"),
    ("wat een {slur} is {adult}", ["hate"], "slur"),
]

DEFAMATION: T = [
    ("{adult} zit aan kinderen", ["defamation"], "defamation"),
    ("de directeur steelt het schoolreisgeld", ["defamation"], "defamation"),
    ("{adult} steelt geld uit de klassenpot", ["defamation"], "defamation"),
    ("iedereen weet dat {adult} een pedo is", ["defamation"], "defamation"),
    ("{adult} drinkt tijdens de les", ["defamation"], "defamation"),
    ("{adult} komt altijd dronken op school", ["defamation"], "defamation"),
    ("{adult} heeft een relatie met een leerling", ["defamation"], "defamation"),
    ("{adult} heeft het geld van de ouderbijdrage gestolen", ["defamation"], "defamation"),
    ("volgens mij slaat {adult} kinderen", ["defamation"], "defamation"),
    ("{adult} gebruikt drugs, echt waar", ["defamation"], "defamation"),
    ("{adult} is een dief", ["defamation"], "defamation"),
    ("{adult} heeft in de gevangenis gezeten", ["defamation"], "defamation"),
    ("let op je kinderen, {adult} is een kinderlokker", ["defamation"], "defamation"),
    ("{adult} verkoopt drugs aan leerlingen", ["defamation"], "defamation"),
    ("de vader van {kid} slaat zijn kinderen", ["defamation"], "defamation"),
]

DOXXING: T = [
    ("{adult} woont op de {street}, ga maar langs", ["doxxing"], "doxxing"),
    ("hij woont op de {street}, ga maar langs", ["doxxing"], "doxxing"),
    ("{kid} woont aan de {street}, wie gaat er mee?", ["doxxing"], "doxxing"),
    ("haar adres is {street}, succes ermee", ["doxxing"], "doxxing"),
    ("{kid} zit elke dag om 4 uur bij de Albert Heijn, pak hem daar", ["doxxing"], "doxxing"),
    ("ik volg je overal {kid}", ["doxxing"], "stalking"),
    ("ik hou je de hele tijd in de gaten", ["doxxing"], "stalking"),
    ("ik weet precies wanneer jij thuiskomt", ["doxxing"], "stalking"),
    ("ik sta elke avond bij je huis", ["doxxing"], "stalking"),
    ("hier woont die juf, bel maar aan", ["doxxing"], "doxxing"),
]

SEXUAL: T = [
    ("die juf heeft lekkere tieten", ["sexual"], "sexual"),
    ("wat een lekker ding is {kid}", ["sexual"], "sexual"),
    ("{adult} is zo geil", ["sexual"], "sexual"),
    ("ik wil {kid} wel neuken", ["sexual"], "sexual"),
    ("sexy juf 🔥🔥", ["sexual"], "sexual"),
    ("lekker kontje {kid} 🍑", ["sexual"], "sexual"),
    ("stuur me een naaktfoto {kid}", ["sexual"], "sexual"),
    ("de stagiaire ziet er geil uit", ["sexual"], "sexual"),
    ("wat een tieten heeft die moeder van {kid}", ["sexual"], "sexual"),
    ("laat je tieten eens zien", ["sexual"], "sexual"),
    ("hot teacher 🥵", ["sexual"], "sexual"),
]

REPUTATION: T = [
    ("{org} is {badorg}", ["reputation"], "reputation"),
    ("{org} is echt {badorg}", ["reputation"], "reputation"),
    ("eerlijk, {org} is gewoon {badorg}", ["reputation"], "reputation"),
    ("stuur je kind nooit naar {org}", ["reputation"], "reputation"),
    ("werk nooit bij ASKO", ["reputation"], "reputation"),
    ("{org} geeft helemaal niks om kinderen", ["reputation"], "reputation"),
    ("{org} liegt tegen de ouders", ["reputation"], "reputation"),
    ("kutschool is het", ["reputation"], "reputation"),
    ("blijf weg bij {org}", ["reputation"], "reputation"),
    ("ik schaam me dat ik bij ASKO werk", ["reputation"], "reputation"),
]

# Not a violation (profanity alone is advice, not a violation).
CLEAN: T = [
    ("{curse}{pos} was het schoolreisje", ["profanity"], "intensifier"),
    ("{curse} wat {pos} vandaag", ["profanity"], "intensifier"),
    ("tering wat mooi die musical van groep 8", ["profanity"], "intensifier"),
    ("het feest was echt {curse}{pos}", ["profanity"], "intensifier"),
    ("{curse}, mijn fiets is weer lek", ["profanity"], "profanity_no_target"),
    ("kut, toets vergeten", ["profanity"], "profanity_no_target"),
    ("godverdomme wat een regen vandaag", ["profanity"], "profanity_no_target"),
    ("shit, de gymles is verplaatst", ["profanity"], "profanity_no_target"),
    ("wat een kutweer voor de sportdag", ["profanity"], "profanity_no_target"),
    ("fuck, rapport vergeten te tekenen", ["profanity"], "profanity_no_target"),
    ("het is niet oké om iemand een {strong} te noemen", [], "negation"),
    ("je mag nooit iemand een {strong} noemen", [], "negation"),
    ("{kid} is geen {strong}, hij is gewoon verlegen", [], "negation"),
    ("ik zal je nooit {adj} noemen", [], "negation"),
    ("niet alle {group} zijn {dehum}", [], "negation"),
    ("{group} zijn geen {dehum}", [], "negation"),
    ("ik maak je niet af hoor, rustig", [], "negation"),
    ("ASKO is geen slechte werkgever", [], "negation"),
    ("ze noemde hem een 'vuile {animal}', dat kan echt niet", [], "counter_speech"),
    ("mijn zoon werd uitgescholden voor '{strong}'. Dat accepteren we niet", [], "counter_speech"),
    ("een leerling riep '{slur}' naar {adult}. Dat is racisme en we hebben het gemeld", [],
     "counter_speech"),
    ("zeggen dat {group} {dehum} zijn is gewoon discriminatie", [], "counter_speech"),
    ("iemand schreef 'ik maak je af' onder de foto, dat kan echt niet", [], "counter_speech"),
    ("het woord '{strong}' is kwetsend, gebruik het niet", [], "quotation"),
    ("hij zei dat ik een {strong} ben, ik voel me rot", [], "quotation"),
    ("'{slur}' roepen op het schoolplein is niet oké", [], "quotation"),
    ("haha jij gekke malloot ❤️", [], "friendly"),
    ("love you sukkels 😘", [], "friendly"),
    ("mijn besties zijn echte idioten ❤️❤️", [], "friendly"),
    ("ik ben zo'n {strong}, weer mijn gymtas vergeten", [], "self_directed"),
    ("mijn oma heeft kanker, daarom ben ik er niet", [], "disease"),
    ("sponsorloop tegen kanker was een succes", [], "disease"),
    ("wat een leuke schoolreis naar Artis, de kinderen vonden de apen geweldig", [], "neutral"),
    ("op de kinderboerderij zagen we varkens en een koe", [], "neutral"),
    ("pas op bij het oversteken na school!", [], "neutral"),
    ("kijk uit bij het oversteken", [], "neutral"),
    ("{adult} is jarig, hoera!", [], "neutral"),
    ("morgen is de gymles in de grote zaal", [], "neutral"),
    ("de ouderavond is donderdag om 19.30 uur", [], "neutral"),
    ("wat een stomme toets was dat", [], "neutral"),
    ("dat was dom van mij, sorry", [], "neutral"),
    ("{org} is {goodorg}", [], "neutral"),
    ("ik ben het niet eens met de nieuwe schooltijden van ASKO", [], "criticism"),
    ("de communicatie van school over de schoolreis kan beter", [], "criticism"),
    ("{group} zijn welkom op onze school", [], "identity_neutral"),
    ("ik ben trots dat onze klas {group} en christenen samen heeft", [], "identity_neutral"),
    ("{kid} is homo en dat is helemaal prima", [], "identity_neutral"),
    ("we vieren het Suikerfeest en Kerst in groep 5", [], "identity_neutral"),
    ("{adult} woont vlakbij school en fietst elke dag", [], "neutral"),
    ("lekker weer voor de sportdag", [], "neutral"),
    ("de juf had een mooie jurk aan bij de musical", [], "neutral"),
    ("wacht maar af, de uitslag komt vrijdag", [], "neutral"),
    ("ik krijg je boek morgen terug van {kid}", [], "neutral"),
    ("ik weet waar je de formulieren kunt vinden: bij de balie", [], "neutral"),
    ("iemand moet {adult} eens bedanken voor al het werk", [], "neutral"),
    ("de directeur heeft het schoolreisgeld netjes verantwoord", [], "neutral"),
    ("het gerucht dat {adult} steelt is gewoon niet waar", [], "counter_speech"),
    ("{kid} speelt de boze wolf in de musical: 'ik eet je op!'", [], "neutral"),
    ("in de les ging het over pesten en schelden", [], "neutral"),
    ("dit was een kanker van een dag", ["profanity"], "profanity_no_target"),
    ("kk druk vandaag op school", ["profanity"], "intensifier"),
    ("wat een {curse}dag, alles ging mis", ["profanity"], "profanity_no_target"),
]


def fill(template: str, rng: random.Random) -> tuple[str, str | None]:
    phen = None
    text = template
    slots = {
        "kid": KIDS, "adult": ADULTS, "pn": PN, "strong": STRONG, "animal": ANIMAL, "adj": ADJ,
        "mod": MOD, "adja": ADJA, "pnn": PNN, "curse": CURSE, "pos": POS, "group": GROUPS, "group1": GROUP1, "dehum": DEHUM,
        "slur": SLURS, "street": STREETS, "org": ORG, "badorg": BADORG, "goodorg": GOODORG,
    }  # fmt: skip
    for name, values in slots.items():
        while "{" + name + "}" in text:
            text = text.replace("{" + name + "}", rng.choice(values), 1)
    if "{dis}" in text:
        word, phen = disguise(rng.choice(STRONG), rng)
        text = text.replace("{dis}", word)
    return text, phen


def dress(text: str, rng: random.Random) -> str:
    head = rng.choice(HEADS).replace("{kid}", rng.choice(KIDS))
    tail = rng.choice(TAILS)
    if rng.random() < 0.5:
        text = text[:1].upper() + text[1:]
    return head + text + tail


def build() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    rng = random.Random(SEED)  # noqa: S311 (reproducible data, not security)
    banks = {"insult": INSULT, "threat": THREAT, "hate": HATE, "defamation": DEFAMATION,
             "doxxing": DOXXING, "sexual": SEXUAL, "reputation": REPUTATION, "clean": CLEAN}  # fmt: skip
    per_template = {"insult": 12, "threat": 10, "hate": 12, "defamation": 12, "doxxing": 12,
                    "sexual": 10, "reputation": 12, "clean": 14}  # fmt: skip
    train: list[dict[str, object]] = []
    test: list[dict[str, object]] = []
    for bank, templates in banks.items():
        for t_index, (template, labels, phenomenon) in enumerate(templates):
            tid = f"{bank}-{t_index}"
            # One template in four goes to test, chosen by a hash of its text.
            split = test if zlib.crc32(template.encode()) % 4 == 0 else train
            seen: set[str] = set()
            for _ in range(per_template[bank] * 3):
                if len(seen) >= per_template[bank]:
                    break
                text, phen = fill(template, rng)
                text = dress(text, rng)
                if text in seen:
                    continue
                seen.add(text)
                split.append({
                    "id": f"{tid}-{len(seen)}", "text": text, "labels": sorted(set(labels)),
                    "phenomenon": phen or phenomenon, "source": rng.choice(SOURCES),
                    "template": tid,
                })  # fmt: skip
    return train, test


def main() -> None:
    train, test = build()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, rows in (("train", train), ("test", test)):
        with (OUT / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"train {len(train)}, test {len(test)}")


if __name__ == "__main__":
    main()
