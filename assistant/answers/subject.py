"""What a question is about: its content words, once the words that only say how it asks are set aside.

"How many times did I go to the cinema with my sister?" is about "cinema" and "sister"; "go", "times" and
"I" only frame it. The words set aside are grammar (light verbs, pronouns, quantities, the nouns a question
asks with), never things a photo could show, so every other word must be found or named as not found.
"""

from __future__ import annotations

import re

from ..core.words import concept_key, terms, tokens
from ..query import Question
from ..query.language.grammar import FRAME_VERBS, STOP_WORDS
from ..query.question_words import VEHICLE_SUBJECT
from .words import PEOPLE

# Light verbs and the words a question asks with: they frame the question, whatever its subject.
_FRAME_WORDS = frozenset(terms(
    "go went gone going goes get got getting do did done doing does have had having has be been being am is are was were "
    "spend spent spending take took taken taking make made making use used using come came coming let see saw seen "
    "stay stayed staying visit visited visiting eat ate eaten eating drink drank drinking sit sat sitting wait waited waiting "
    "ride rode riding play played playing wear wore wearing enjoy enjoyed attend attended "
    "i me my mine myself we our us ours you your one ones it its there here also again ever still just really actually exactly "
    "usually typically normally often always never sometimes roughly approximately about around nearly almost "
    "time times many much long number count total amount kind type sort name named called call "
    "first last second third latest previous recent recently most least more less average typical usual "
    "new old same other different favourite favorite whole entire "
    "date day days week weeks weekend month months year years hour hours minute minutes morning afternoon evening night o clock "
    "place places city cities town towns country countries location where near nearby thing things something anything "
    "sight sights sightseeing attraction attractions landmark landmarks "
    # words that make a visit an event, or say how often it recurs, without saying what it was
    "appointment appointments session sessions occasion occasions event events outing outings practice practices "
    "lesson lessons class classes training own myself ourselves start started starting begin began end ended finish finished "
    "daily weekly monthly yearly regular regularly held hold"
))
# Sleeping, when a place is asked: where the nights were, not a photo that says "sleeping".
_SLEEPING = frozenset(terms("sleep slept sleeping lodge lodged overnight"))
# Eating and drinking: a frame with a thing ("eat at Libretto", "drink coffee"), the subject alone ("where did we eat");
# eating is also what one does out ("ate out at Libretto", below).
_EATING_VERBS = ("eat", "ate", "eaten", "eating", "dine", "dined", "dining")
_MEAL_VERBS = frozenset(terms(" ".join(_EATING_VERBS + ("drink", "drank", "drinking"))))
# What one did with a thing ("how many times did I buy feta", "cook lasagne"): the thing picks the visit, however the
# diary says it ("made lasagne", "picked up feta"); with no thing named, the verb is the subject ("how often did I cook").
_THING_VERBS = frozenset(terms("buy bought buying purchase purchased order ordered pay paid pick picked grab grabbed "
                               "cook cooked cooking bake baked baking prepare prepared"))
# Of those, cooking: with a meal ("cook dinner") the meal says when; a diary names what it cooked ("risotto night").
COOKING_WORDS = frozenset(terms("cook cooked cooking bake baked baking"))
# Verbs of moving to a place: with a place in the question ("when did I fly to Lisbon"), they say no more than the place.
_MOTION_WORDS = frozenset(terms("home fly flew flown travel travelled traveled drive drove driven arrive arrived leave left "
                                "return returned land landed"))
# Words that ask about trips away from home: they choose trips as what is counted, and are never looked for.
TRIP_WORDS = frozenset(terms("trip trips journey journeys holiday holidays vacation vacations travel abroad overseas"))
# Nouns that name the kind of answer a reading question wants ("which dish", "what brand"): the answer, not
# something to look for. (Its verbs, "cook", "buy", are looked for: they pick the visits the answer is read from.)
_ANSWER_NOUNS = frozenset(terms("dish dishes meal meals food item items product products object objects brand brands colour color "
                                "colours colors title titles word words text sign signs say says said write wrote written read"))
# Ways of moving, when a distance is asked ("how far did I walk"): how one moved, which the GPS path is measured by.
_MOVING_WORDS = frozenset(terms("walk walked walking run ran running jog jogged jogging cycle cycled cycling bike biked biking ride rode "
                                "drive drove driving fly flew flown flying travel travelled traveled travelling traveling go went "
                                "bus buses coach tram trams streetcar trolley train trains rail subway metro tube boat ferry ship "
                                "flight flights plane planes"))
# Beginnings and ends of a visit, when a time of arriving or leaving is asked: the edge, not something to find.
_EDGE_WORDS = frozenset(terms("leave left leaving arrive arrived arriving get got reach reached wake woke up bed sleep slept "
                              "finish finished start started begin began end ended home land landed"))
_READING_KINDS = ("ocr", "color", "object", "counting")
# What a detector that knows only "person" (COCO's) counts when people are asked about in other words.
_DETECTED_AS = {word: "person" for word in ("people", "persons", "men", "man", "women", "woman", "children", "child", "kids", "kid",
                                         "friends", "friend", "guests", "guest", "colleagues", "colleague", "students", "student")}

_CAPITALISED = re.compile(r"(?<=[\w,;:'\"’)] )[A-Z][^\W\d_]*")  # after a word: not a sentence's first


_AT_HOME = re.compile(r"\bat\s+home\b", re.IGNORECASE)


def spelled_only(text: str) -> set[str]:
    """The question's people and names ("my sister", "Nikos", "Ianos"): a photo has them in its words or not at all.
    Meaning would find someone or somewhere else: a name's vector is close to any other name's."""
    named = {word for found in _CAPITALISED.findall(text) if found != "I" for word in terms(found)}
    return named | (PEOPLE & set(terms(text)))


def asks_who(text: str) -> bool:
    """ "Who did I play tennis with", "with whom": a person is the answer, never a thing seen."""
    return bool(re.search(r"\b(?:who|whom)\b", text, re.IGNORECASE))


# Money asked ("how much did the flights cost", "what was my salary"): the answer is a sum read, never a thing or a code.
_PRICE_ASKED = re.compile(r"\bhow\s+much\s+(?:was|were|is|are)\s+(?:a|an|the|my|one|each)\b", re.IGNORECASE)  # "how much was a coffee"
_MONEY_WORDS = frozenset(terms("cost costs price prices paid pay charge charged salary wage wages income rent fee fees "
                               "fare fares bill bills money cash euro euros dollar dollars"))


def asks_money(text: str) -> bool:
    """A sum of money asked: "what was my salary", "how much did I spend on groceries", "how much was a café con leche"
    (not "what did I spend the day doing")."""
    return bool(_MONEY_WORDS & set(terms(text))) or bool(re.search(r"\bhow\s+much\b(?!\s+time\b).*\b(?:spend|spent)\b", text, re.IGNORECASE)
                                                    or _PRICE_ASKED.search(text))


def narrowing_only(text: str, missing: list[str], found: list[str]) -> bool:
    """Whether every word no photo has only narrows a word found, written right before it: "team meetings" are
    meetings ('team' before 'meeting'), so all meetings stand for them, said so; not "the cinema with my sister",
    nor a person or a name ("Nikos' party"), nor a possessive ("my sister's dog")."""
    words = tokens(text)
    keys = [terms(word) for word in words]
    people = spelled_only(text)
    return all(missed not in people and any(
        key == [missed] and not word.endswith("'s") and following[:1] and following[0] in found
        for word, key, following in zip(words, keys, keys[1:])) for missed in missing)


# A way of moving toward a destination ("walk to the White Tower", "drove the kids to school"): the destination
# is what the photos show. A particle after a light verb ("go out to a bar") belongs to the verb.
_TOWARD = re.compile(r"\b(walk|walked|walking|drive|drove|driving|cycle|cycled|cycling|ride|rode|riding|run|ran|running|fly|flew|"
                     r"flying|take|took|taking|bring|brought)\b(?=(?:\s+\w+){0,3}?\s+(?:to|into|towards?)\b)", re.IGNORECASE)
_PARTICLE = re.compile(r"\b(?:go|goes|went|going|gone|get|got|come|came)\s+(out|away|back|over|off|along|around)\b", re.IGNORECASE)
# "work out at the gym": exercise, which the place or the activity named with it says
_WORKING_OUT = re.compile(r"\bwork(?:s|ed|ing)?\s+out\b", re.IGNORECASE)
# "ate out at Libretto", "in Paris": the place named is where; "how often did I eat out", with none, asks for meals out.
_EATING_OUT = re.compile(rf"\b(?:{'|'.join(_EATING_VERBS)})\s+(out)\b", re.IGNORECASE)
_EATING_OUT_AT = re.compile(rf"\b(?:{'|'.join(_EATING_VERBS)})\s+(out)\s+at\b", re.IGNORECASE)


# Working at a place ("how many hours did I work at the bookshop", "when did I last work at Ianos"): the place is what
# the photos show; no photo of a shift says "work".
_WORKED_AT = re.compile(r"\b(work|works|worked|working)\s+(?:at|in)\b", re.IGNORECASE)
# An errand named by where it goes ("my last Costco run", "the school run"): the place is what the photos show.
_ERRAND = re.compile(r"\b([^\W\d_]+)\s+(runs?)\b", re.IGNORECASE)


def _errand_runs(text: str) -> set[str]:
    """ "run" after a thing or place it goes to ("Costco run"), not after a word of when or how long ("morning run")."""
    return {run.lower() for before, run in _ERRAND.findall(text) if (keys := terms(before)) and keys[0] not in _FRAME_WORDS}


def content_words(text: str, question: Question, has_place: bool, language: str = "en") -> list[str]:
    """The words of the question's subject that the photos must show, each once, in order (in a question of another
    language, its grammar words frame it too: "Wie oft war ich schwimmen" is about "schwimmen")."""
    light = _FRAME_WORDS | TRIP_WORDS | set(terms(" ".join(_TOWARD.findall(text)))) | set(terms(" ".join(_PARTICLE.findall(text))))
    light |= set(terms(" ".join([*STOP_WORDS.get(language, ()), *FRAME_VERBS.get(language, {})])))
    light |= set(terms(" ".join(_EATING_OUT_AT.findall(text))))
    light |= set(terms(" ".join(_errand_runs(text)))) | set(terms(" ".join(_WORKED_AT.findall(text))))
    light |= set(terms(" ".join(found.group(0) for found in RETURNING.finditer(text))))
    if has_place:
        light |= _MOTION_WORDS | set(terms(" ".join(_EATING_OUT.findall(text))))
    if question.kind in _READING_KINDS:  # "what did I buy": the thing is the answer, read from the day's moments
        light |= _ANSWER_NOUNS | _THING_VERBS
    if question.kind == "distance" or question.means:  # "how many times did I fly": counted from the GPS, not looked for
        light |= _MOVING_WORDS
    if question.edge:  # "what time did my plane land at Heathrow": the visit's edge; no photo need show the plane
        light |= _EDGE_WORDS | set(terms(" ".join(found.group(1) for found in VEHICLE_SUBJECT.finditer(text))))
    if question.kind == "location":  # "where did I sleep in Thessaloniki" asks where the nights were (places.asks_lodging)
        light |= _SLEEPING
    if question.kind == "time":  # "when was Mia born": asks when Mia first appears; no photo need say "born"
        light |= {"born"}
    if question.kind == "counting" and asks_weight(text):  # "how much did Mia weigh when she was born": a weight written with Mia
        light |= _WEIGHT_WORDS | {"born"}
    # "which airport did I fly out of": the trip's end it asks for, not something to find
    light |= set(terms(" ".join(found.group(0) for found in (_ARRIVING.search(text), _LEAVING.search(text)) if found)))
    if question.counted and question.kind == "counting":  # "how many people": counted in the photos, not a word to find
        light |= {concept_key(question.counted), concept_key(detected_as(question.counted))}
    words = [word for word in dict.fromkeys(terms(text)) if word not in light]
    working_out = set(terms(" ".join(_WORKING_OUT.findall(text))))
    if working_out and set(words) - working_out:  # "work out at a gym": the gym says what; "how often did I work out": looked for
        words = [word for word in words if word not in working_out]
    if _THING_VERBS & set(words) and _AT_HOME.search(text):  # "cook dinner at home": where one cooks; a diary has no GPS there
        words = [word for word in words if word != "home"]
    cooking = bool(COOKING_WORDS & set(words))  # "cook dinner": dinner is when, not what ("buy lunch" needs the lunch)
    things = [word for word in words if word not in _THING_VERBS and not (cooking and word in MEAL_HOURS)]
    # "where did we eat in Montreal": with nothing else asked, eating is what the photos must show (a place to eat),
    # not the town's most photographed place (the hotel); "how often did we eat out in Paris" counts the outings there
    return things or words or ([word for word in dict.fromkeys(terms(text)) if word in _MEAL_VERBS] if question.kind == "location" else [])


def doing_words(text: str) -> list[str]:
    """The verbs of doing with a thing in a question ("cook" in "which dish did I cook most", "buy" in "what did I buy"),
    which a reading question sets aside, as the thing is its answer."""
    return [word for word in dict.fromkeys(terms(text)) if word in _THING_VERBS]


# "fly home", "drove back from Granada": the journey that ends a trip, asked of the trips, its words never looked for.
RETURNING = re.compile(r"\b(?:fly|flew|flying|flown|drive|drove|driving|driven|travel|travell?ed|travell?ing|sail|sailed)\s+(?:home|back)\b",
                       re.IGNORECASE)


def asks_for_trips(text: str) -> bool:
    return bool(TRIP_WORDS & set(terms(text))) or bool(RETURNING.search(text))


def asks_for_all(text: str) -> bool:
    """ "in total", "altogether": every occasion, not the most recent one."""
    return bool(re.search(r"\b(?:in\s+total|total|altogether|all\s+together|overall|all\s+in\s+all|combined)\b", text, re.IGNORECASE))


def asks_average(text: str) -> bool:
    """ "on average", "typically": per occasion, not the latest or the sum."""
    return bool(re.search(r"\b(?:on\s+)?average\b|\btypically\b|\busually\b", text, re.IGNORECASE))


def asks_last_presence(text: str) -> bool:
    """ "When was I last in Edinburgh": the last day there, not the day the last trip began ("when did I last go")."""
    return bool(re.search(r"\b(?:(?:was|were)\s+(?:i|we)|(?:i|we)\s+(?:was|were))\s+last\b|\blast\s+(?:time\s+)?(?:i|we)\s+(?:was|were)\b", text, re.IGNORECASE))


_ARRIVING = re.compile(r"\b(?:land|landed|landing|arrive|arrived|arriving|fly|flew|flown)\s+(?:in|at|into)\b", re.IGNORECASE)
_LEAVING = re.compile(r"\b(?:leave|left|leaving|depart|departed|departing|fly|flew|flown|take\s+off|took\s+off)\s+(?:from|out(?:\s+of)?)\b",
                      re.IGNORECASE)


def trip_edge_asked(text: str) -> str:
    """ "Which airport did I land at", "where did I arrive in": a trip's start; "which station did I leave from": its end."""
    return "start" if _ARRIVING.search(text) else "end" if _LEAVING.search(text) else ""


def asks_where(text: str) -> bool:
    """ "where", "whereabouts": any place will do, a town too; "which bar" wants a bar."""
    return bool(re.search(r"\bwhere(?:abouts)?\b", text, re.IGNORECASE))  # "where" is a stop word to terms()


_SIGHTS = frozenset(terms("sight sights sightseeing attraction attractions landmark landmarks"))


def asks_sights(text: str) -> bool:
    """ "How many sights did I see", "which places did I visit", "went sightseeing": places one went to see, not where one ate."""
    words = set(terms(text))
    return bool(words & _SIGHTS) or ("place" in words and bool(words & {"visit", "visited", "visiting"}))


_WEIGHT_WORDS = frozenset(terms("weigh weighed weighs weight heavy"))


def asks_weight(text: str) -> bool:
    """ "How much did Mia weigh", "how heavy was the fish": a weight written in the photos is the answer."""
    return bool(_WEIGHT_WORDS & set(terms(text)))


# Having come to have something or someone: its first appearance is when ("when did we get Bella", "when was Mia born").
_BEGINNING = re.compile(r"\b(?:born|adopt(?:ed)?|buy|bought|purchased?|(?:get|got)(?!\s+(?:back|home|up|out|off|to|there|in|into|on|away|"
                        r"from|over|here|married|lost|ready|dressed|better|sick|ill|stuck|paid)\b))\b", re.IGNORECASE)


def asks_beginning(text: str) -> bool:
    """ "When did we get Bella", "when was Mia born", "when did I buy my coat": the thing's first appearance, not its latest."""
    return bool(_BEGINNING.search(text))


_AFTER_A_DETERMINER = re.compile(r"\b(?:the|a|an|my|our|your|his|her|their|this|that)\s+([^\W\d_]+)\b(?!\s+(?:of|'s)\b)", re.IGNORECASE)


# "go for a swim", "have a drink": the noun is the verb's own doing, which a diary writes as the verb ("swam", "drank").
_DOING_AS_A_NOUN = re.compile(r"\b(?:for|have|has|had|having)\s+an?\s+([^\W\d_]+)\b", re.IGNORECASE)


def nouns_in(text: str) -> set[str]:
    """The question's words written as nouns, right after an article or a possessive ("went to the park"), as terms()
    keys them: a photo's verb of the same stem ("a car parked") is not about them. A doing said as a noun ("go for a
    swim") is not one of them."""
    doings = {keys[0] for word in _DOING_AS_A_NOUN.findall(text) if (keys := terms(word))}
    return {keys[0] for word in _AFTER_A_DETERMINER.findall(text) if (keys := terms(word))} - doings


def asks_on_my_own(text: str) -> bool:
    """ "The dentist myself", "my own appointments": one's own occasions, not those one took someone else to."""
    return bool(re.search(r"\b(?:myself|my\s+own|on\s+my\s+own|by\s+myself|alone)\b", text, re.IGNORECASE))


def asks_abroad(text: str) -> bool:
    """ "trips abroad", "overseas": out of the home country, not to another town in it."""
    return bool({"abroad", "overseas"} & set(terms(text)))


# Meals are also times of day: "lunch at Ypsilon Souvlaki" is the midday visit, whether or not a caption says lunch.
MEAL_HOURS = {"breakfast": (5, 11), "brunch": (9, 15), "lunch": (11, 15), "dinner": (17, 24), "supper": (17, 24)}


def detected_as(word: str) -> str:
    """The detector's label for a counted noun ("kids" are counted as "person")."""
    return _DETECTED_AS.get(word.lower(), word)
