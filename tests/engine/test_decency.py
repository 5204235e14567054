"""Decency (issue 4): every phenomenon pinned with table rows, positive and negative.

Rows are (text, expected set of categories). Profanity is listed where it is expected, so a row
with ``set()`` asserts the analyser finds nothing at all.
"""

from __future__ import annotations

import pytest

from socialprotocol.engine.analysers.base import Environment
from socialprotocol.engine.analysers.decency import DecencyAnalyser
from socialprotocol.engine.model import Post, PostContext, Role, Setting, Signal
from socialprotocol.engine.protocol import load_protocol
from socialprotocol.engine.textview import TextView


@pytest.fixture(scope="module")
def analyser() -> DecencyAnalyser:
    a = DecencyAnalyser()
    a.load(Environment(load_protocol(), None, {}))
    return a


@pytest.fixture(scope="module")
def rules_only() -> DecencyAnalyser:
    a = DecencyAnalyser()
    a.load(Environment(load_protocol(), None, {"decency_model": "none"}))
    return a


def signals(a: DecencyAnalyser, text: str) -> list[Signal]:
    post = Post(text, PostContext(Role.PUPIL, Setting.PRIVATE))
    return list(a.analyse(post, TextView(text)))


def cats(a: DecencyAnalyser, text: str) -> set[str]:
    return {s.category for s in signals(a, text)}


def check(a: DecencyAnalyser, text: str, expected: set[str]) -> None:
    assert cats(a, text) == expected, text


ISSUE_EXAMPLES = [
    ("kankerleuk feest vandaag", {"profanity"}),
    ("jij bent echt een mongool", {"insult"}),
    ("ze noemde hem een 'vuile aap', dat kan echt niet", set()),
    ("ik weet waar jij woont, pas maar op", {"threat"}),
    ("het is niet oké om iemand een mongool te noemen", set()),
    ("ik maak je af", {"threat"}),
    ("je gaat eraan", {"threat"}),
    ("wacht maar tot na school", {"threat"}),
    ("pas maar op", {"threat"}),
    ("ze zouden die juf moeten ophangen", {"threat"}),
    ("typisch voor een Marokkaan", {"hate"}),
    ("meester Kees zit aan kinderen", {"defamation"}),
    ("de directeur steelt het schoolreisgeld", {"defamation"}),
    ("hij woont op de Kinkerstraat 12, ga maar langs", {"doxxing"}),
    ("ASKO is een waardeloze werkgever", {"reputation"}),
    ("die school is een gevangenis", {"reputation"}),
    ("tering wat mooi", {"profanity"}),
    ("jij kankerlijer", {"insult"}),
    ("wat een tyfushoer", {"insult"}),
]

SPELLING = [
    ("jij bent een k4nkerlijer", {"insult"}),  # leet
    ("wat een mong00l ben jij", {"insult"}),
    ("je bent echt een $let", {"insult"}),
    ("jij t y f u s l i j e r", {"insult"}),  # spaced letters
    ("je bent een k.l.o.o.t.z.a.k", {"insult"}),  # dotted letters
    ("jij bent echt een mongooooool", {"insult"}),  # stretched
    ("jij bent een k*nkerlijer", {"insult"}),  # masked
    ("jij bent een kkrlijer", {"insult"}),  # abbreviated curse
    ("jij kankrlijer", {"insult"}),  # dropped letter
    ("jij bent een mongoel", {"insult"}),  # swapped letter
    ("jij bent een kаnkerlijer", {"insult"}),  # Cyrillic а
    ("kkr mongool", {"insult"}),
    ("je bent een debiell", {"insult"}),
    # Ordinary words that look like disguised ones stay clean.
    ("negeer hem gewoon, dat is het beste", set()),
    ("mail van meester Kees: k.jansen@stfranciscus.nl", set()),  # no leet in addresses
    ("bloemen voor de juf: NL42RABO0122091744 tnv K de Boer", set()),  # nor in an IBAN
    ("Bij de kunstles maakten we een schilderij zoals Mondriaan", set()),  # not a misspelling
    ("de rekenles begint om 8.30 uur", set()),
]

COMPOUNDS_AND_INTENSIFIERS = [
    ("die teringlijer van 8b", {"insult"}),
    ("Jij pokkenlijer", {"insult"}),
    ("kanker juf", {"insult"}),
    ("t y f u s lijer", {"insult"}),
    ("kankerturk", {"hate"}),
    ("kankerleuk was het schoolreisje", {"profanity"}),
    ("kkr druk vandaag", {"profanity"}),
    ("het was kankergezellig op kamp", {"profanity"}),
    ("teringveel huiswerk weer", {"profanity"}),
    ("wat een kutweer", {"profanity"}),
]

PROFANITY_WITHOUT_TARGET = [
    ("kut, mijn fiets is gestolen", {"profanity"}),
    ("godverdomme wat een file", {"profanity"}),
    ("shit, ik ben mijn gymtas vergeten", {"profanity"}),
    ("mijn oma heeft kanker, daarom ben ik er niet", set()),
    ("sponsorloop tegen kanker was een groot succes", set()),
]

NEGATION_AND_COUNTER_SPEECH = [
    ("je mag nooit iemand een hoer noemen", set()),
    ("Bram is geen sukkel, hij is gewoon verlegen", set()),
    ("niet alle moslims zijn terroristen", set()),
    ("ik haat moslims niet", set()),
    ("ik maak je niet af hoor, grapje", set()),
    ("ASKO is geen slechte werkgever", set()),
    ("Mijn dochter werd uitgescholden voor hoer. Dat accepteren we niet.", set()),
    ("Een leerling riep 'kankerturk' naar de juf. Dat is racisme en het is gemeld.", set()),
    ("zeggen dat vluchtelingen parasieten zijn is gewoon haatzaaien", set()),
    ("het woord 'mongool' is kwetsend, gebruik het niet", set()),
    ("hij zei dat ik een sukkel ben, ik voel me rot", set()),
    ("het gerucht dat de directeur geld steelt is gewoon niet waar", set()),
    # The author's own abuse stays abuse, also next to a condemning word.
    ("ik noemde hem een kankerlijer en terecht", {"insult"}),
    ("dat kan echt niet, jij kankerlijer", {"insult"}),
]

FRIENDLY_AND_SELF = [
    ("haha jij gekke malloot ❤️", set()),
    ("love you sukkels 😘", set()),
    ("als homo mag ik zeggen: wij flikkers zijn gewoon geweldig", set()),
    ("ik ben zo'n sukkel, weer mijn sleutels vergeten", set()),
    # Laughter is not friendliness: bullies laugh too.
    ("hahaha wat ben jij een loser 😂😂", {"insult"}),
]

TARGETS = [
    ("jij vuile rat", {"insult"}),  # you
    ("Bram is echt een varken, hij stinkt altijd", {"insult"}),  # a name
    ("de gymleraar is zo dom", {"insult"}),  # a person noun
    ("jullie zijn allemaal kankerlijers", {"insult"}),  # a group of people present
    ("Marokkanen zijn ratten", {"hate"}),  # a protected group
    ("jij vieze neger", {"hate"}),
    # The same words without a person as target are not abuse.
    ("op de kinderboerderij zagen we varkens, een koe en een ezel", set()),
    ("wat een stomme toets was dat", set()),
    ("de rat is het dier van de week in groep 3", set()),
    ("dikke kus voor de juf!", set()),
    ("Tim is homo en dat is helemaal prima", set()),
    ("wie heeft de kleine zwarte kat gezien?", set()),
    ("ik kom je halen voor de musicalrepetitie", set()),
    ("meester Ahmed zegt dat Daan blijft zitten, zielig", set()),
]

NO_BAD_WORD = [
    # veiled threats, stalking and incitement in everyday words
    ("wacht maar tot het uit is, dan merk je het wel", {"threat"}),
    ("let maar goed op als je vanavond alleen naar huis loopt", {"threat"}),
    ("hij moet maar eens goed oppassen als hij s avonds naar zijn fiets loopt", {"threat"}),
    ("hier kom je niet meer heelhuids vandaan", {"threat"}),
    ("als je het vertelt maak ik van je leven een hel", {"threat"}),
    ("ik weet hoe laat jij thuiskomt na de training", {"threat", "doxxing"}),
    ("die leraar verdient het om in elkaar geslagen te worden", {"threat"}),
    ("ik heb bijgehouden wanneer juf Mirjam thuiskomt", {"doxxing"}),
    ("vannacht stond ik weer voor je deur", {"doxxing"}),
    ("op deze school laten ze de kinderen gewoon aan hun lot over", {"reputation"}),
    ("kom je morgen? dan zie je wel hoe mooi het is geworden", set()),
    ("let goed op als je de weg oversteekt met de klas", set()),
    ("Niemand mag jou, je hoort er gewoon niet bij", {"insult"}),
    ("de wereld is beter zonder jou", {"insult"}),
    ("ik neem morgen een mes mee naar school", {"threat"}),
    ("ik zet je naaktfoto's online", {"threat"}),
    ("Iemand moet haar een lesje leren", {"threat"}),
    ("je wordt afgemaakt", {"threat"}),
    ("ik volg je overal", {"doxxing"}),
    ("ik sta elke avond voor je huis", {"doxxing"}),
    ("die juf heeft lekkere tieten", {"sexual"}),
    ("stuur me een naaktfoto", {"sexual"}),
    ("stuur je kind nooit naar deze school", {"reputation"}),
    # Look-alikes that are fine.
    ("pas op bij het oversteken na school!", set()),
    ("ik weet waar je de formulieren kunt vinden: bij de balie", set()),
    ("jij bent de volgende die mag voorlezen!", set()),
    ("Meester Kees woont vlakbij school en fietst elke dag", set()),
    ("lekker weer voor de sportdag", set()),
    ("iemand moet meester Henk eens bedanken voor al zijn werk", set()),
    ("ik ben het niet eens met de nieuwe schooltijden van ASKO", set()),
    ("ASKO is een fijne werkgever", set()),
]

WORD_ORDER_AND_GROUPS = [
    ("Morgen sla ik je helemaal in elkaar", {"threat"}),  # verb before subject (V2)
    ("als je het vertelt zet ik je filmpje op insta", {"threat"}),
    ("jou ga ik slopen", {"threat"}),  # object first
    ("iedereen weet dat meester Tim een pedo is", {"defamation"}),  # subordinate clause
    ("volgens mij jat de directrice geld", {"defamation"}),
    ("Moslims zijn zo achterlijk", {"hate"}),  # any insulting adjective about a group
    ("Ik ga alle moslims vermoorden", {"hate"}),  # a threat against a group is hate
    ("We moeten die Marokkanen allemaal afmaken", {"hate", "threat"}),
    ("jij bent echt een kkkkkut", {"insult"}),  # a swear word aimed at someone
    ("Marokkanen zijn gek op voetbal", set()),
    # Any sentence about a protected group with a hostile word in it is hate ...
    ("Joden zijn niets meer dan ongedierte", {"hate"}),
    ("Dood aan alle vluchtelingen", {"hate"}),
    ("Vrouwen zijn te emotioneel om leiding te geven", {"hate"}),
    ("Ik kan niet tegen Surinamers, ze stinken", {"hate"}),
    # ... unless it is negated, condemned, a history lesson or plainly neutral.
    ("Homo's zijn niet ziek", set()),
    ("Het is belachelijk om te zeggen dat Joden gierig zijn", set()),
    ("De juf legde uit wat de Holocaust was en hoe Joden werden vervolgd", set()),
    ("Gehandicapten horen er gewoon bij op school", set()),
    ("Vluchtelingen leren snel Nederlands", set()),
    ("Huiswerk is echt kut", {"profanity"}),
]

ENGLISH_AND_EMOJI = [
    ("you are such an idiot", {"insult"}),
    ("i will kill you", {"threat"}),
    ("you're dead after school", {"threat"}),
    ("refugees are animals", {"hate"}),
    ("@Sem 🖕🖕 jij", {"insult"}),
    ("ik zie je morgen 🔪🔪 jij bent dood", {"threat"}),
    ("the kids loved the monkeys at the zoo", set()),
    ("we gaan naar de apen kijken 🐒", set()),
]


GAMES_THINGS_AND_KIND_ENDINGS = [
    ("ik maak je af met fifa vanavond", set()),  # a game
    ("je gaat eraan met monopoly haha", set()),
    ("wacht maar tot na school, dan gaan we samen ijs eten", set()),  # the sentence ends nicely
    ("watch out, the stairs are slippery", set()),  # a warning about a thing
    ("wacht maar tot na school, dan ben je dood", {"threat"}),
    ("die printer is kut", {"profanity"}),  # a thing is the subject
    ("die juf is kut", {"insult"}),
    ("'homo's zijn ziek' stond er op de deur, schaam je", set()),
]

# Gaps that blind batch 23 showed, pinned with sentences of our own: a spaced-out sentence
# (words apart by two spaces), hate in the second sentence or after a comma, slurs after
# "geen", denied equality or rights, arson threats, verb forms and animals or history that
# look like slurs, reclaimed use, disowning a statement before it is made. Checked on the rules
# alone: the learned model may still overrule a weak rule finding (it drops the "hek" row).
RULE_GAPS = [
    ("w i j  h a t e n  m o s l i m s", {"hate"}),
    ("i k  s l a  j e  i n  e l k a a r", {"threat"}),
    ("Fijne vakantie allemaal. Somaliers zijn trouwens echt een ziekte.", {"hate"}),
    ("Er stonden weer veel moslims bij het hek, die moeten hier weg.", {"hate"}),
    ("Nu die turken nog weg uit onze wijk", {"hate"}),
    ("Joden zijn echt parasiten", {"hate"}),
    ("Ik vind turken niet gelijkwaardig aan ons", {"hate"}),
    ("Volgens mij zijn Polen minder slim dan wij", {"hate"}),
    ("Vluchtelingen hebben gewoon geen rechten", {"hate"}),
    ("Wij willen geen nikkers op het schoolplein", {"hate"}),
    ("Weer die Polakken met hun busjes", {"hate"}),
    ("Als dat doorgaat steken we de school in de fik", {"threat"}),
    ("De bureaulamp flikkert weer de hele les", set()),
    ("In de dierentuin zagen we makaken en gorilla's", set()),
    ("Bij geschiedenis leerden we dat de Mongolen een groot rijk hadden", set()),
    ("Als trotse flikker sta ik zaterdag gewoon op de Pride", set()),
    ("Ik zou nooit beweren dat moslims gevaarlijk zijn", set()),
    ("'Turken zijn tuig' – zulke opmerkingen horen hier niet", set()),
    ("Stop met geweld op het schoolplein", set()),
    ("groep 8 a b c d is klaar", set()),
    ("Meester Henk uit groep 3 steelt het schoolreisgeld", {"defamation"}),
    ("Somaliers zijn gewoon kankertuig", {"hate"}),
    ("Ik denk echt niet dat Turken minder slim zijn", set()),
]


# Posts no rule catches that the learned model does (it adds a finding, spans the sentence and
# says it is its own judgement), and look-alikes it leaves alone.
MODEL_FINDS = [
    "Ik heb gezien in welke straat juf Sanne woont en wanneer ze thuiskomt.",
    "Die kinderen uit het azc stelen altijd alles. Echt waar.",
]
MODEL_LEAVES = [
    "Die kinderen uit het azc hebben vandaag een mooi lied gezongen.",
    "Ik weet in welke straat de nieuwe bibliotheek komt en wanneer hij opengaat.",
    "Ik loop elke dag met haar mee naar huis, gezellig samen.",
    "Vrouwen in de schoolleiding doen het fantastisch, wat een goed team.",
]


@pytest.mark.parametrize(("text", "expected"), ISSUE_EXAMPLES)
def test_it_judges_the_issue_examples_like_a_teacher(analyser: DecencyAnalyser, text, expected):
    check(analyser, text, expected)


@pytest.mark.parametrize(("text", "expected"), SPELLING)
def test_it_sees_through_disguised_spelling(analyser: DecencyAnalyser, text, expected):
    check(analyser, text, expected)


@pytest.mark.parametrize(("text", "expected"), COMPOUNDS_AND_INTENSIFIERS)
def test_it_tells_curse_compounds_from_intensifiers(analyser: DecencyAnalyser, text, expected):
    check(analyser, text, expected)


@pytest.mark.parametrize(("text", "expected"), PROFANITY_WITHOUT_TARGET)
def test_it_treats_swearing_without_target_as_advice_only(analyser, text, expected):
    check(analyser, text, expected)


@pytest.mark.parametrize(("text", "expected"), NEGATION_AND_COUNTER_SPEECH)
def test_it_does_not_flag_negation_quotes_or_counter_speech(analyser, text, expected):
    check(analyser, text, expected)


@pytest.mark.parametrize(("text", "expected"), FRIENDLY_AND_SELF)
def test_it_lets_clearly_friendly_and_self_directed_use_pass(analyser, text, expected):
    check(analyser, text, expected)


@pytest.mark.parametrize(("text", "expected"), TARGETS)
def test_it_needs_a_person_or_group_as_target(analyser: DecencyAnalyser, text, expected):
    check(analyser, text, expected)


@pytest.mark.parametrize(("text", "expected"), NO_BAD_WORD)
def test_it_finds_abuse_without_a_bad_word(analyser: DecencyAnalyser, text, expected):
    check(analyser, text, expected)


@pytest.mark.parametrize(("text", "expected"), WORD_ORDER_AND_GROUPS)
def test_it_follows_dutch_word_order_and_group_targets(analyser: DecencyAnalyser, text, expected):
    check(analyser, text, expected)


@pytest.mark.parametrize(("text", "expected"), ENGLISH_AND_EMOJI)
def test_it_handles_english_and_emoji(analyser: DecencyAnalyser, text, expected):
    check(analyser, text, expected)


@pytest.mark.parametrize(("text", "expected"), GAMES_THINGS_AND_KIND_ENDINGS)
def test_it_lets_games_things_and_kind_endings_pass(analyser: DecencyAnalyser, text, expected):
    check(analyser, text, expected)


@pytest.mark.parametrize(("text", "expected"), RULE_GAPS)
def test_it_closes_the_gaps_of_blind_batch_23(rules_only, text, expected):
    check(rules_only, text, expected)


@pytest.mark.parametrize("text", MODEL_FINDS)
def test_the_model_finds_what_no_rule_does_and_says_so(analyser, rules_only, text):
    assert cats(rules_only, text) == set()
    (sig,) = signals(analyser, text)
    assert sig.data["reason"] == "model"
    sentence = text.split(". ")[0].rstrip(".")
    assert sig.evidence.excerpt == sentence  # type: ignore[union-attr]
    assert "het getrainde model" in sig.explanation.nl and "trained model" in sig.explanation.en


@pytest.mark.parametrize("text", MODEL_LEAVES)
def test_the_model_leaves_look_alikes_alone(analyser: DecencyAnalyser, text):
    check(analyser, text, set())


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Serieus, jij bent echt een mongool!", "mongool"),
        ("Die k4nker juf weer", "k4nker juf"),
        ("ik weet waar jij woont, pas maar op", "pas maar op"),
        ("Groepsapp: jij t y f u s lijer", "t y f u s lijer"),
    ],
)
def test_it_points_at_the_words_in_the_original_text(analyser, text, excerpt):
    spans = [(s.evidence.start, s.evidence.end) for s in signals(analyser, text)]  # type: ignore[union-attr]
    assert any(text[a:b] == excerpt for a, b in spans), spans


def test_it_explains_in_dutch_first_and_says_when_spelling_was_disguised(analyser):
    (sig,) = signals(analyser, "jij bent een k4nkerlijer")
    assert sig.explanation.nl.startswith("Gevonden: 'k4nkerlijer'.")
    assert "verhuld" in sig.explanation.nl and "kankerlijer" in sig.explanation.nl
    assert sig.explanation.en.startswith("Found: 'k4nkerlijer'.")


def test_it_takes_the_boards_names_from_the_protocol(rules_only):
    from socialprotocol.engine.protocol.schema import Board

    protocol = load_protocol()
    other = protocol.model_copy(
        update={"board": Board(name="Zonnestraal", full_name="Stichting Zonnestraal")}
    )
    a = DecencyAnalyser()
    a.load(Environment(other, None, {"decency_model": "none"}))
    assert cats(a, "Zonnestraal is een waardeloze werkgever") == {"reputation"}
    assert cats(a, "ASKO is een waardeloze werkgever") == set()


def test_rules_alone_already_meet_the_functional_examples(rules_only):
    check(rules_only, "jij bent echt een mongool", {"insult"})
    check(rules_only, "het is niet oké om iemand een mongool te noemen", set())


def test_it_refuses_an_onnx_model_without_labels(tmp_path):
    from socialprotocol.engine.analysers.decency.model import load_scorer

    bad = tmp_path / "model.onnx"
    bad.write_bytes(b"not an onnx file")
    with pytest.raises(Exception):  # noqa: B017 - onnxruntime raises its own error types
        load_scorer(str(bad))


def test_the_checker_reports_decency_findings_with_article_and_severity():
    from socialprotocol.engine.checker import Checker

    checker = Checker()
    ctx = PostContext(Role.PUPIL, Setting.PRIVATE, about_school=True)
    report = checker.check(Post("Juf Anja, jij bent echt een mongool", ctx))
    insult = [f for f in report.findings if f.category == "insult"]
    assert insult and insult[0].rule == "A7" and insult[0].severity.value == "blocking"
    clean = checker.check(Post("Kankerleuk schoolreisje vandaag!", ctx))
    prof = [f for f in clean.findings if f.category == "profanity"]
    assert prof and prof[0].severity.value == "advice"
    assert clean.verdict.value in ("allowed", "revise")


def _board_model(path, logit: float, **meta: str) -> None:
    """A stand-in for a board's own ONNX classifier: string in, one probability per label out
    (every label gets sigmoid(logit)), with the labels in the metadata as the contract asks."""
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper

    labels = ["insult", "threat", "hate", "defamation", "doxxing", "sexual", "reputation"]
    weights = helper.make_tensor("w", TensorProto.FLOAT, [1, len(labels)], [logit] * len(labels))
    shape = helper.make_tensor("s", TensorProto.INT64, [2], [1, 1])
    graph = helper.make_graph(
        [
            helper.make_node("Shape", ["text"], ["n"]),
            helper.make_node("Cast", ["n"], ["nf"], to=TensorProto.FLOAT),
            helper.make_node("Reshape", ["nf", "s"], ["col"]),
            helper.make_node("MatMul", ["col", "w"], ["z"]),
            helper.make_node("Sigmoid", ["z"], ["probs"]),
        ],
        "board-classifier",
        [helper.make_tensor_value_info("text", TensorProto.STRING, [1])],
        [helper.make_tensor_value_info("probs", TensorProto.FLOAT, [1, len(labels)])],
        [weights, shape],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 9
    helper.set_model_props(model, {"labels": ",".join(labels), **meta})
    onnx.save(model, str(path))


def test_a_boards_onnx_classifier_can_replace_the_shipped_model(tmp_path, rules_only):
    path = tmp_path / "board.onnx"
    _board_model(path, logit=-6.0)  # the board's model disagrees with every finding
    a = DecencyAnalyser()
    a.load(Environment(load_protocol(), None, {"decency_model": str(path)}))
    text = "jij bent echt een mongool"
    (own,) = signals(a, text)
    (rules,) = signals(rules_only, text)
    assert own.category == rules.category == "insult"
    assert own.confidence < rules.confidence  # the board's model was asked and it weighed in


def test_a_boards_classifier_adds_findings_only_when_its_metadata_says_from_where(tmp_path):
    text = "Wat een mooie dag vandaag"
    for name, meta, expected in (("plain", {}, set()), ("adds", {"add_at": "0.9"}, {"insult"})):
        path = tmp_path / f"{name}.onnx"
        _board_model(path, logit=6.0, **meta)  # the board's model finds everything abusive
        a = DecencyAnalyser()
        a.load(Environment(load_protocol(), None, {"decency_model": str(path)}))
        assert cats(a, text) == expected, name


def test_spelling_corrections_are_the_same_in_every_process() -> None:
    import os
    import subprocess
    import sys

    code = (
        "from socialprotocol.engine.analysers.decency.lexicon import Lexicon, load_lexicon_data\n"
        "lx = Lexicon(load_lexicon_data())\n"
        "print(lx.near_group('moslimms'), lx.near_group('mosilms'))\n"
    )
    answers = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(answers) == 1
