"""Is the text a question about one's own life, and which kind: the LSC's eight labels, and distance.

    read_question("How many times did I go to the cinema in 2019?").question.kind   # "frequency"
    read_question("I was eating sushi at a restaurant with a red sign")             # question None

A question opens with an interrogative head, after any fillers, hedges or asking words ("so", "roughly",
"on average", "I'd like to know", "can you tell me"): a wh-word that an auxiliary or the noun it asks
about follows ("when did I", "which city did", "how many people were", "what colour was"), an
auxiliary and "I" ("did I ever ..."), or an imperative ("name the film", "list the cities", "give me the
number of"). A remembered moment opens otherwise ("when I was at the beach", "where the street meets the
river", "what a view", "the time I ...") and is never read as one. The kind comes from the head and the
noun it governs ("what colour was", not "the colour printer"). The frame and explicit anchors ("assuming
today is 1 July 2020", "on my second trip", "a week", "most often") are returned as spans, so that the
rest of the parser sees only what the question is about and its scope.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from .text import Span

KINDS = ("time", "location", "frequency", "duration", "counting", "ocr", "color", "object", "distance")
_FLAGS = re.IGNORECASE


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _with_plurals(singulars: str) -> frozenset[str]:
    nouns = set(singulars.split())
    for noun in list(nouns):
        nouns.add(noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else
                  noun + "es" if noun.endswith(("s", "ch", "sh")) else noun + "s")
    return frozenset(nouns)


# Auxiliaries that open a question; modals do not ("who would have thought" remembers).
_AUX = _words("did do does was were is are am have has had")
_BE = _words("was were is are am")
_MODAL = _words("would will can could should might may must")
_PRONOUNS = _words("i we you he she they it there me")
_DETERMINERS = _words("a an the my our your his her their this that these those")
_WH = _words("what which whose when where whereabouts who whom how")
# Words that end the noun a wh-word governs ("which restaurant | did I ...", "the name of the hotel | I ...").
_NOUN_ENDS = _AUX | _MODAL | _PRONOUNS | _WH | _words(
    "that if whether while and or but than so to in on at for with from during near by after before outside inside "
    "into around since until about over under behind like")
# Words that open a clause of its own after a noun: "how many people | there were", "which park | we saw".
_CLAUSE_OPENERS = _PRONOUNS - {"me"} | _AUX | _MODAL | _WH | {"that", "if", "whether"}
# Prepositions inside the noun a wh-word governs: "how many visits to the dentist were there".
_NOUN_PREPOSITIONS = _words("to at in on from with near")
# Words before a noun that do not change what is asked ("the first time", "my favourite café").
_MODIFIERS = _words("first second third fourth fifth last latest final previous most least recent favourite favorite "
                    "usual main new old same different separate distinct other exact whole full average typical total")
_PER_UNITS = _words("day week month year")

_PLACE_SINGULARS = _words(
    "place city town village country restaurant hotel hostel bar pub cafe café shop store supermarket airport station museum "
    "cinema gym beach park venue building street road church office hospital school university club clinic market mall "
    "gallery theatre theater stadium pharmacy bakery island region county state continent destination location area "
    "neighbourhood neighborhood bank library zoo lake mountain whereabouts dentist doctor arena rink pool salon barber "
    "hairdresser studio court deli diner bistro canteen pizzeria bookshop bookstore garage campsite resort")
_PLACE_NOUNS = _with_plurals(" ".join(_PLACE_SINGULARS - {"whereabouts"})) | {"whereabouts"}
_TIME_NOUNS = _words("date day time year month week hour season weekday weekend morning evening afternoon night o'clock")
# Things whose answer is read in the photos: a brand, a title, a number, a name.
_READ_NOUNS = _words(
    "brand make model airline title text word words slogan logo label headline number code plate score book film movie "
    "song magazine newspaper band team show programme program series channel name names price cost website app")
_COLOUR_NOUNS = _words("colour color colours colors shade shades")
_DISTANCE_UNITS = _words("distance km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters")
_DURATION_UNITS = _words("hour hours minute minutes second seconds")
_HOW_MANY = re.compile(r"how\s+many\b", _FLAGS)
# "how many <unit>": what a number is counted in. Units of time make a duration, visits a frequency,
# anything else (people, cups) is counted in the photos.
_FREQUENCY_UNITS = {"time": "visit", "times": "visit", "occasion": "visit", "occasions": "visit", "visit": "visit",
                    "visits": "visit", "trip": "trip", "trips": "trip", "journey": "trip", "journeys": "trip",
                    "day": "day", "days": "day", "night": "day", "nights": "day", "week": "week", "weeks": "week",
                    "weekend": "week", "weekends": "week", "month": "month", "months": "month",
                    "session": "visit", "sessions": "visit", "appointment": "visit", "appointments": "visit",
                    # events, each a visit: "how many films did I see", "how many team meetings"
                    **{noun: "visit" for noun in ("meeting", "meetings", "lesson", "lessons", "class", "classes", "practice",
                                                  "practices", "match", "matches", "game", "games", "concert", "concerts", "film",
                                                  "films", "movie", "movies", "show", "shows", "party", "parties")}}
_NOUN_KINDS = [(_COLOUR_NOUNS, "color"), (_TIME_NOUNS, "time"), (_PLACE_NOUNS, "location"), (_READ_NOUNS, "ocr"),
               (_DISTANCE_UNITS, "distance")]
# "how <word>": the kind each asks for ("how many" and "how much" look at the noun that follows).
_HOW_KINDS = {"far": "distance", "long": "duration", "often": "frequency", "frequently": "frequency", "early": "time",
              "late": "time", "soon": "time"}
_WH_KINDS = {"when": "time", "where": "location", "whereabouts": "location", "who": "object", "whom": "object", "whose": "object"}
_COST = re.compile(r"\b(?:cost|costs|pay|paid|charge|charged|spend|spent|price)\b", _FLAGS)
# What + a verb, where no noun says what is asked: a text read ("what did the sign say") or a thing seen.
_READ_VERBS = re.compile(
    r"\b(?:written|printed|inscribed)\b|\b(?:say|said|says|read)\s*[?.!]*\s*$|\bwhat\s+(?:did|does|do)\s+(?:the|that|this|my|a)\b[^?]*?\b(?:say|read)\b"
    r"|\bwhat\s+was\s+on\s+the\s+(?:sign|screen|board|poster|menu|label)\b", _FLAGS)

# Words before the question itself: fillers, hedges, asking ("so, tell me", "roughly", "on average, ...").
_ASKING = (r"(?:tell|remind)\s+me|do\s+you\s+know|check|"
           r"i(?:'d|’d|\s+would)\s+(?:like|love)\s+to\s+(?:know|find\s+out)|i\s+(?:want|need|wish)\s+to\s+(?:know|find\s+out)|find\s+out|"
           r"i(?:'m|’m|\s+am|\s+was)\s+(?:curious|wondering)(?:\s+about)?|i\s+wonder|let\s+me\s+know|(?:do\s+you\s+have\s+)?any\s+idea")
_HEDGES = (r"roughly|approximately|about|around|more\s+or\s+less|on\s+average|in\s+general|generally|usually|typically|normally|"
           r"(?:on|in)\s+an?\s+(?:typical|average|normal|usual)\s+(?:day|week|month|year)")
_LEAD = re.compile(rf"(?:[\s,:;]+|(?:so|and|ok|okay|please|now|also|then|hey|hi|well|oh|(?:quick\s+)?question|"
                   rf"(?:can|could|would|will)\s+you|{_HEDGES}|{_ASKING})\b)*", _FLAGS)
_ASKED = re.compile(rf"\b(?:{_ASKING})\b", _FLAGS)
_PREPOSITION = _words("in on at for from to by with during since until till after before")
_IMPERATIVE = _words("name list count")
_GIVEN = _words("number name names list count total date time day year month title brand colour color price distance")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_BOUNDARY = re.compile(r"([,;:.!?]|\s[-–—])\s+")
_WH_WORD = re.compile(r"\b(?:what|which|whose|when|where|whereabouts|who|whom|how)\b", _FLAGS)
_SENTENCE_END = re.compile(r"[.!?]+\s+(?=\S)")
_PHOTOS_ASKED = re.compile(r"(?:have|got|took|take)\s+(?:any\s+|some\s+)?(?:photos?|pictures?|images?|shots?)\b")
_MEMORY_START = re.compile(r"^\s*(?:find|show|search|look|get|looking|the\s+(?:time|moment|day|photo|picture))\b", _FLAGS)

_GRANULARITY = [
    ("clock", re.compile(r"\b(?:what|which)\s+time\b|\bwhat\s+o'?clock\b|\bwhat\s+hour\b|\bhow\s+(?:early|late)\b|\bat\s+what\s+time\b", _FLAGS)),
    ("weekday", re.compile(r"\bday\s+of\s+the\s+week\b|\b(?:what|which)\s+(?:day|weekday)\b(?!\s+(?:of\s+the\s+)?(?:month|year))", _FLAGS)),
    ("month", re.compile(r"\b(?:what|which)\s+month\b|\bin\s+which\s+month\b", _FLAGS)),
    ("year", re.compile(r"\b(?:what|which)\s+year\b|\bin\s+which\s+year\b", _FLAGS)),
]
_PLACE_GRAIN = {"country": "country", "countries": "country", "city": "city", "cities": "city", "town": "city", "towns": "city",
                "village": "city", "villages": "city"}
_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "latest": -1, "final": -1, "previous": -1}
_ORDINAL = re.compile(
    r"\b(?:the\s+|my\s+)?(?P<word>first|second|third|fourth|fifth|last|latest|final(?=\s+(?:time|visit|trip|occasion))|previous|most\s+recent(?:ly)?)\b"
    r"(?:\s+(?:time|visit|trip|occasion)\b)?", _FLAGS)
# "on my second trip": an anchor, blanked so the rest of the parser does not see "trip" as the subject.
_HABIT_EDGE = re.compile(r"\b(?:(?:start(?:ed)?|begin|began|t(?:ake|ook)\s+up)|(?P<stop>stop(?:ped)?|quit|g(?:ive|ave)\s+up))\s+\w+ing\b", _FLAGS)
_TRIP_ORDINAL = re.compile(r"\b(?:on|during|in)\s+(?:my|our|the)\s+(?P<word>first|second|third|fourth|fifth|last|latest|most\s+recent)\s+(?:trip|visit|journey|holiday|vacation)\b(?:\s+to\b)?", _FLAGS)
_NOW_ANCHOR = re.compile(
    r"\b(?:assuming|suppose|supposing|imagine|if|given)\s+(?:that\s+)?(?:today|now|the\s+current\s+date|the\s+date)\s+(?:is|was|were)\s+"
    r"(?P<date>[^,;?]+?)\s*(?:[,;]|$|\?)", _FLAGS)
# The interrogative frame: the words from the head up to the question's subject, blanked before the rest is parsed.
_FRAME = re.compile(
    r"(?:(?:in|on|at|for|from|to|by|with|during)\s+)?(?:(?:name|list|count)(?:\s+(?:all|every|each))?|give\s+me|(?:what|where|who|how)s(?=\s)|what|which|when|where|whereabouts|how|who|whose|if|whether)?"
    r"(?:\s*(?:'s|’s|many|much|long|far|often|frequently|times?|different|separate|distinct|"
    r"date|day|days|weekday|year|month|week|hour|hours|minutes?|of\s+the\s+week|of\s+day|o'?clock|kind\s+of|type\s+of|sort\s+of|brand\s+of|make\s+of|"
    r"colou?r(?:\s+of)?|was|were|is|are|did|do|does|have|has|had|i|we|my|the|all|names?\s+of(?:\s+the)?|number\s+of|average|total|ever|last|first|most\s+recently|"
    r"distance|km|kilometres|kilometers|miles|metres|meters|exactly|approximately|roughly|on\s+average|usually|typically|normally|generally)\b)*",
    _FLAGS,
)
_ASIDES = re.compile(r"\b(?:on\s+average|roughly|approximately|more\s+or\s+less|in\s+general|please)\b", _FLAGS)
_AVERAGE_DAY = re.compile(r"\b(?:on|in)\s+an?\s+(?:average|typical|normal|usual)\s+(?P<unit>day|week|month|year)\b", _FLAGS)
# "a week", "per month", "each day": an average per unit, unless a clause follows ("on a day I flew").
_PER = re.compile(r"\b(?:per|a|an|each|every)\s+(?P<unit>day|week|month|year)\b(?!\s+(?:i|we|when|that|where|of|before|after|in\s+which)\b)"
                  r"|\b(?P<adverb>daily|weekly|monthly|yearly|annually)\b", _FLAGS)
_PER_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year"}
_EXTREME = re.compile(
    r"\b(?:the\s+)?(?P<word>most|least|fewest|longest|shortest)\b(?!\s+recent)(?:\s+(?:often|frequently|of\s+(?:the|my|our)\s+time|times|time)\b)?"
    r"|\b(?P<favourite>favourite|favorite|mostly)\b", _FLAGS)
_USUAL = re.compile(r"\b(?:usually|usual|typically|typical|normally|generally|in\s+general|as\s+a\s+rule|tend(?:s|ed)?\s+to|on\s+an?\s+(?:normal|usual)\s+(?:day|week))\b", _FLAGS)
# The start or the end of a stay: "leave the office" ends one, "get to work" starts one.
# Words between the frame and the verb that says which: "when did I [first] arrive", "what time do I [tend to] leave".
_BEFORE_VERB = re.compile(r"(?:\s*\b(?:tend(?:s|ed)?\s+to|used\s+to|usually|typically|normally|generally|first|last|finally|actually|always)\b)*", _FLAGS)
_EDGES = [
    ("end", re.compile(r"\b(?:leave|leaves|left|leaving|depart|departed|finish|finished|quit|check(?:ed)?\s+out|"
                       r"(?:go|went|get|got)\s+(?:to\s+bed|to\s+sleep|off)|head(?:ed)?\s+home|go\s+home|went\s+home|set\s+off)\b", _FLAGS)),
    ("start", re.compile(r"\b(?:arrive|arrived|arriving|reach|reached|wake|woke|waking|start|started|begin|began|land|landed|"
                         r"(?:get|got|come|came)\s+(?:to|into|in|up|home|back)|check(?:ed)?\s+in(?:to)?)\b", _FLAGS)),
]
_MEANS = [
    ("walk", re.compile(r"\b(?:walk|walks|walked|walking|on\s+foot|hike|hiked|hiking|stroll|strolled|trek|trekked)\b", _FLAGS)),
    ("run", re.compile(r"\b(?:run|ran|running|jog|jogged|jogging)\b", _FLAGS)),
    ("cycle", re.compile(r"\b(?:cycle|cycled|cycling|bike|biked|biking|bicycle)\b", _FLAGS)),
    ("drive", re.compile(r"\b(?:drive|drove|driving|driven|car)\b", _FLAGS)),
    ("fly", re.compile(r"\b(?:fly|flew|flying|flown|flight|plane)\b", _FLAGS)),
]


@dataclass(frozen=True)
class Question:
    """What a question asks for; its scope (time, place) and subject are the rest of the parsed query."""

    kind: str  # one of KINDS
    granularity: str = ""  # time: "date", "month", "year", "weekday", "clock"; location: "place", "city", "country"
    ordinal: int | None = None  # which visit or trip: 0 first, 1 second, -1 last; None: not said
    unit: str = ""  # frequency: "visit", "trip", "day", "week", "month"; ordinal anchors: "trip" or "visit"
    now: str = ""  # "assuming today is 1 July 2020" as said (the parser resolves it to a date)
    counted: str = ""  # counting: what is counted ("people", "cups")
    every: bool = False  # location: all of them are asked for ("which countries did I visit")
    extreme: str = ""  # "most" or "least": the one seen most or least often ("which café did I go to most", "my favourite")
    per: str = ""  # "day", "week", "month", "year": an average per unit ("how many times a week")
    edge: str = ""  # time: "start" (arrive, wake up) or "end" (leave, go to bed) of the visit; "" the moment itself
    usual: bool = False  # "usually", "typically", "on a typical day": what is typical over the visits, not one of them
    means: str = ""  # distance: "walk", "run", "cycle", "drive", "fly"; "" any travel

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, record: dict | None) -> "Question | None":
        return cls(**record) if record else None


@dataclass(frozen=True)
class ReadQuestion:
    question: Question | None
    spans: tuple[Span, ...]  # frame and anchors: not part of what the question is about or its scope
    now_span: Span | None  # the date of "assuming today is ..."


@dataclass(frozen=True)
class _Opening:
    """Where a question's head starts, after its lead-in, and which form it takes."""

    lead: int  # where the lead-in ("so, roughly", "I'd like to know") starts
    head: int  # where the interrogative head starts
    form: str  # "wh", "yes-no", "whether", "imperative", "noun" ("tell me the name of ...")
    tokens: tuple[tuple[int, int, str], ...]  # the words from the head on: (start, end, lowercase word)


def is_question(text: str) -> bool:
    """A question about one's life (not a remembered moment to find)."""
    return _opening(text or "") is not None


def read_question(text: str) -> ReadQuestion:
    """The question in a text (None for a memory description) and the spans the rest of the parser should skip."""
    opening = _opening(text or "")
    if opening is None:
        return ReadQuestion(None, (), None)
    spans: list[Span] = []
    now_text, now_span = "", None
    anchor = _NOW_ANCHOR.search(text)
    if anchor:
        now_text, now_span = anchor.group("date").strip(), anchor.span("date")
        spans.append(anchor.span())
    if opening.head > opening.lead:
        spans.append((opening.lead, opening.head))
    frame = _FRAME.match(text, opening.head)
    if frame.end() > frame.start():
        spans.append(frame.span())
    kind, noun, after_noun = _kind(text, opening)
    spans += _pronoun_after(opening.tokens, after_noun)
    spans += [match.span() for match in _ASIDES.finditer(text, opening.head)]
    ordinal, unit = None, ""
    trip = _TRIP_ORDINAL.search(text)
    if trip:
        ordinal, unit = _ordinal_of(trip.group("word")), "trip" if re.search(r"trip|journey|holiday|vacation", trip.group(), _FLAGS) else "visit"
        spans.append(trip.span())
    else:
        said = _ORDINAL.search(text)
        if said and not _in_time_phrase(text, said):
            ordinal = _ordinal_of(said.group("word"))
        elif habit := _HABIT_EDGE.search(text):  # "when did I start swimming": the first time; "stop": the last
            ordinal = -1 if habit.group("stop") else 0
    if kind == "frequency":
        unit = _FREQUENCY_UNITS.get(noun, "visit")
    per, per_spans = _per(text, kind)
    extreme = _EXTREME.search(text, opening.head)
    usual = _USUAL.search(text)
    spans += per_spans + ([extreme.span()] if extreme else []) + ([usual.span()] if usual else [])
    question = Question(
        kind, _granularity(kind, text, noun), ordinal, unit, now_text,
        # what a number is asked of: things in the photos ("how many cups"), or places ("how many countries did I visit")
        counted=noun if kind == "counting" or (kind == "location" and _HOW_MANY.match(text, opening.head)) else "",
        every=kind == "location" and noun in _PLACE_NOUNS - _PLACE_SINGULARS and not extreme,  # "which cities did I visit most": one
        extreme=("least" if (extreme.group("word") or "").lower() in ("least", "fewest", "shortest") else "most") if extreme else "",
        per=per, edge=_edge(text, frame.end()) if kind == "time" else "", usual=bool(usual),
        means=_first_said(_MEANS, text, frame.end()) if kind == "distance" else "",
    )
    return ReadQuestion(question, tuple(spans), now_span)


def _opening(text: str) -> _Opening | None:
    """The question's head: at the start (after an "assuming today is ..." anchor and any lead-in), or in the last
    sentence after a scope phrase ("On my birthday, where did I ..."), where after a comma only a head that cannot
    relate back counts ("where did I", not "where was the car"), unless a "?" ends the text."""
    start = 0
    anchor = _NOW_ANCHOR.match(text.strip())
    if anchor:
        start = len(text) - len(text.lstrip()) + anchor.end()
    opening = _opening_at(text, start, strict=False)
    if opening:
        return opening
    # After a scope phrase, a question ends the text: "It was raining. How long did it rain? All afternoon." muses
    # within a remembered moment; "I went to Paris twice. When was the first time?" asks.
    last_sentence = max((match.start() for match in _SENTENCE_END.finditer(text.rstrip())), default=0)
    boundaries = [match for match in _BOUNDARY.finditer(text, max(start, last_sentence)) if match.end() < len(text)]
    for boundary in boundaries:  # a new sentence may ask anything; a phrase after a comma may relate to what came before
        opening = _opening_at(text, boundary.end(), strict=boundary.group(1) not in ".!?")
        if opening:
            return opening
    if text.rstrip().endswith("?") and not _MEMORY_START.match(text):
        # "At the beach, where was the umbrella?" asks; so does "on the day I flew to Lisbon what did I eat?" without
        # a comma, but "a red car which was parked outside?" only describes
        heads = [(boundary.end(), False) for boundary in boundaries]
        heads += [(match.start(), True) for match in _WH_WORD.finditer(text, max(start, last_sentence))]
        return next((opening for head, strict in heads if (opening := _opening_at(text, head, strict))), None)
    return None


def _opening_at(text: str, position: int, strict: bool) -> _Opening | None:
    lead = _LEAD.match(text, position)
    asked = bool(_ASKED.search(lead.group())) and not re.search(r"\babout\W*$", lead.group(), _FLAGS)
    strict = strict and not asked  # "In Rome, can you tell me which hotel I stayed in": asking never relates back
    tokens = tuple((m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text, lead.end(), min(len(text), lead.end() + 200)))
    tokens = _split_contractions(tokens)
    if not tokens:
        return None
    head = tokens
    if len(head) > 1 and head[0][2] in _PREPOSITION and head[1][2] in _WH:  # "in which city", "for how long"
        head = head[1:]
    form = _form(tuple(word for _, _, word in head[:12]), asked, strict)
    if form is None:
        return None
    return _Opening(position, tokens[0][0], form, head)


def _split_contractions(tokens):
    """ "what's" is "what is"; the apostrophe's part keeps its place in the text."""
    split = []
    for start, end, word in tokens:
        if word.endswith("'s") and word[:-2] in _WH:
            split += [(start, end - 2, word[:-2]), (end - 2, end, "is")]
        elif word.endswith("s") and word[:-1] in ("what", "where", "who", "how"):  # "whats", typed without the apostrophe
            split += [(start, end - 1, word[:-1]), (end - 1, end, "is")]
        else:
            split.append((start, end, word))
    return tuple(split)


def _form(words: tuple[str, ...], asked: bool, strict: bool) -> str | None:
    """Which question form the words open, or None for a remembered moment."""
    first, second = words[0], words[1] if len(words) > 1 else ""
    given = words[3] if len(words) > 3 and words[2] in ("the", "a") else words[2] if len(words) > 2 else ""
    if first in _AUX and second in ("i", "we"):
        return None if _PHOTOS_ASKED.match(" ".join(words[2:6])) else "yes-no"  # "do I have photos of a dog": a search
    if asked and first in ("if", "whether") and second in ("i", "we"):  # not "I wonder if it was the day ..."
        return "whether"
    if asked and not strict and first in ("the", "all"):
        return "noun"  # "tell me the name of the hotel"
    if not strict and first in _IMPERATIVE and second in _DETERMINERS | {"all", "every", "each", "which", "what", "how"}:
        return "imperative"
    if not strict and first == "give" and second == "me" and given in _GIVEN:  # "give me the number of", not "give me the photos"
        return "imperative"
    if first not in _WH:
        return None
    if asked and not strict:
        return "wh"  # "tell me when I last ...": the clause need not be inverted
    if first == "how":
        if second in ("many", "much"):
            rest = _skip_noun(words[2:])
            if rest != words[2:] and _asks_about_the_noun(rest, strict):
                return "wh"  # "how many people attended the meeting"
        elif second in _HOW_KINDS or second == "old":
            rest = _skip_aside(words[2:])
            if rest[:1] == ("ago",):
                return "wh"
        else:
            rest = words[1:]  # "how did I get there"; "how I looked" remembers
    elif first in ("what", "which", "whose"):
        if second == "of":  # "which of the cities did I ..."
            return "wh"
        rest = _skip_noun(words[1:])  # "what a view", "what I ate" govern no noun and take no auxiliary
        if first != "what" and rest != words[1:] and _asks_about_the_noun(rest, strict):
            return "wh"  # "which restaurant served the best pizza"; "what time the train left" remembers
    else:
        rest = words[1:]  # "where did I"; "where the street meets the river" remembers
    if not rest or rest[0] not in _AUX or rest[1:2] and rest[1] in _WH | {"why"}:  # "which is why we went" relates
        return None
    # After a comma, "which was the best" or "where was the car" may relate to what came before; "where did I",
    # "which city was", "how long was" do not.
    relates = len(rest) == len(words) - 1 and rest[1:2] not in (("i",), ("we",), ("my",), ("our",))
    return None if strict and relates else "wh"


def _asks_about_the_noun(rest: tuple[str, ...], strict: bool) -> bool:
    """ "how many people | attended ...": the noun is the subject asked about, unless another subject follows it
    ("how many people | there were", "which park | we saw") and makes it a remembered moment's clause."""
    return not strict and (not rest or rest[0] not in _CLAUSE_OPENERS)



def _skip_aside(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words after an average's unit or a hedge ("how often | a week | do I", "how long | on average | did I")."""
    if len(words) > 1 and words[0] in ("a", "an", "per", "each", "every") and words[1] in _PER_UNITS:
        return words[2:]
    if len(words) > 1 and words[:2] == ("on", "average"):
        return words[2:]
    if words and words[0] in ("roughly", "approximately", "exactly", "usually", "typically", "normally", "generally"):
        return words[1:]
    return words


def _skip_noun(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words after the noun a wh-word governs ("cups of coffee a day | did I")."""
    index = 0
    while index < len(words) and index < 8:
        word = words[index]
        if len(words) > index + 1 and word in ("a", "an", "per", "each", "every") and words[index + 1] in _PER_UNITS:
            index += 2
        elif index and word in _NOUN_PREPOSITIONS and words[index - 1] not in _NOUN_PREPOSITIONS:
            index += 1  # "visits to the dentist", "restaurant in Rome"
        elif word in _NOUN_ENDS or word in _DETERMINERS and (index == 0 or words[index - 1] not in _NOUN_PREPOSITIONS | {"of"}):
            break
        else:
            index += 1
    return words[index:]


def _noun_phrase(tokens, index: int) -> list[tuple[int, int, str]]:
    """The noun phrase from tokens[index]: "colour shirt", "name of the hotel", "cups of coffee"."""
    phrase = []
    while index < len(tokens) and len(phrase) < 8:
        word = tokens[index][2]
        after_of = bool(phrase) and phrase[-1][2] == "of"
        if word in _NOUN_ENDS - _DETERMINERS or word in _DETERMINERS | {"per", "each", "every"} and not after_of:
            break
        phrase.append(tokens[index])
        index += 1
    return phrase


def _noun_kind(phrase: list[str]) -> tuple[str | None, str]:
    """The kind a noun phrase asks for, and its head noun: "colour shirt" color, "name of the hotel" location."""
    words = [word for word in phrase if word not in _MODIFIERS and word not in _DETERMINERS]
    if "of" in words:
        at = words.index("of")
        before, after = words[:at], words[at + 1:]
        head = before[-1] if before else ""
        if head in ("kind", "type", "sort", "variety"):
            return _noun_kind(after)
        if head in ("name", "names"):
            place = next((word for word in after if word in _PLACE_NOUNS), "")
            return ("location", place) if place else ("ocr", head)
        if head == "number":  # "the number of my room" is read; "the number of cups" counted
            read = phrase[phrase.index("of") + 1:phrase.index("of") + 2] != after[:1]  # a determiner came between
            noun = after[0] if after else ""
            return ("ocr", head) if read or not noun else ("frequency" if noun in _FREQUENCY_UNITS else "counting", noun)
        if head in _COLOUR_NOUNS:
            return "color", head
        if head in _READ_NOUNS:
            return "ocr", head
        words = before
    kind, head = None, words[0] if words else ""
    for word in words:  # the last classified noun of a compound heads it: "flight number", "coffee shop"
        found = next((name for nouns, name in _NOUN_KINDS if word in nouns), None)
        if found:
            kind, head = found, word
    return kind, head


def _kind(text: str, opening: _Opening) -> tuple[str, str, int]:
    """The kind asked, the noun it names ("people", "cities", "times"), and the token index after that noun."""
    tokens = opening.tokens
    words = [word for _, _, word in tokens]
    first = words[0]
    if opening.form in ("yes-no", "whether"):
        return "frequency", "", 0
    if opening.form in ("imperative", "noun"):
        index = 1 + (words[1] == "me") if opening.form == "imperative" else 0
        while index < len(words) and words[index] in _DETERMINERS | {"all", "every", "each"}:
            index += 1
        phrase = [word for _, _, word in _noun_phrase(tokens, index)]
        kind, noun = _noun_kind(phrase)
        if first == "count":
            return "counting", noun, 0
        return kind or "object", noun, 0
    if first == "how":
        second = words[1] if len(words) > 1 else ""
        if second in ("many", "much"):
            index = 2
            while index < len(words) and words[index] in ("different", "separate", "distinct"):
                index += 1
            phrase = _noun_phrase(tokens, index)
            # a compound's head is its last noun: "how many gym sessions" counts sessions, "beach days" days
            units = [word for _, _, word in phrase if word in _FREQUENCY_UNITS or word in _DURATION_UNITS or word in _DISTANCE_UNITS]
            noun = units[-1] if units else phrase[0][2] if phrase else ""
            after = index + len(phrase)
            if noun in _DURATION_UNITS or (noun == "time" and second == "much"):
                return "duration", noun, after
            if noun in _DISTANCE_UNITS:
                return "distance", noun, after
            if noun in _FREQUENCY_UNITS:
                return "frequency", noun, after
            following = words[after:after + 2]
            if noun in _PLACE_NOUNS and (following[:1] == ["i"] or following[:1] and following[0] in _AUX and following[1:] == ["i"]):
                return "location", noun, after  # "how many countries did I visit": which ones, counted
            if not noun and second == "much" and _COST.search(text, opening.head):
                return "ocr", "", after
            return "counting", noun, after
        return _HOW_KINDS.get(second, "object"), "", 2
    if first in _WH_KINDS:
        return _WH_KINDS[first], "", 1
    # what / which: the noun right after ("which city", "what colour shirt"), or after "was the" ("what was the name of")
    index = 1
    if len(words) > 1 and words[1] == "of":  # "which of the cities"
        index = 2
        while index < len(words) and words[index] in _DETERMINERS:
            index += 1
    phrase = _noun_phrase(tokens, index)
    kind, noun = _noun_kind([word for _, _, word in phrase])
    after = index + len(phrase)
    if not phrase and len(words) > 2 and words[1] in _BE and words[2] in _DETERMINERS:
        kind, noun = _noun_kind([word for _, _, word in _noun_phrase(tokens, 3)])
    if kind is None and _READ_VERBS.search(text, opening.head):
        kind = "ocr"
    return kind or "object", noun, after


def _pronoun_after(tokens, index: int) -> list[Span]:
    """ "which restaurant [did I] go to": the auxiliary and subject after the asked noun are frame too."""
    if 0 < index < len(tokens) - 2 and tokens[index][2] in ("a", "an", "per", "each", "every") and tokens[index + 1][2] in _PER_UNITS:
        index += 2  # "how many days a week [did I]"
    if 0 < index < len(tokens) - 1 and tokens[index][2] in _AUX and tokens[index + 1][2] in ("i", "we"):
        return [(tokens[index][0], tokens[index + 1][1])]
    return []


def _per(text: str, kind: str) -> tuple[str, list[Span]]:
    """An average's unit ("a week", "per month", "on an average day") and where it was said."""
    if kind not in ("frequency", "duration", "counting", "distance"):
        return "", []
    for pattern in (_AVERAGE_DAY, _PER):
        said = pattern.search(text)
        if said:
            unit = said.group("unit") or _PER_ADVERBS[said.group("adverb").lower()]
            return unit.lower(), [said.span()]
    return "", []


def _edge(text: str, start: int) -> str:
    """ "[when did I] leave the office": the verb right after the frame says whether a stay's start or end is asked;
    a later one does not ("when did I go to the gym to start training")."""
    start = _BEFORE_VERB.match(text, start).end()
    verb = _TOKEN.search(text, start)
    if not verb:
        return ""
    found = [(match.start(), name) for name, pattern in _EDGES if (match := pattern.search(text, start)) and match.start() <= verb.start()]
    return min(found)[1] if found else ""



def _first_said(named_patterns, text: str, start: int) -> str:
    """The name of the pattern found first after start: "leave the office" ends a stay, "walk ... car park" walks."""
    found = [(match.start(), name) for name, pattern in named_patterns if (match := pattern.search(text, start))]
    return min(found)[1] if found else ""


def _ordinal_of(word: str) -> int:
    return _ORDINALS.get(word.lower().split()[0], -1)  # "most recent" -> last


def _in_time_phrase(text: str, said: re.Match) -> bool:
    """"last spring", "last year", "the first week of May" are time phrases, not which visit."""
    following = re.match(r"\s*(\w+)", text[said.end():])
    return bool(following) and following.group(1).lower() in {
        "year", "month", "week", "weekend", "spring", "summer", "autumn", "fall", "winter", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "night", "christmas", "easter", "day", "days", "weeks", "months", "of"}


def _granularity(kind: str, text: str, noun: str) -> str:
    if kind == "time":
        return next((name for name, pattern in _GRANULARITY if pattern.search(text)), "date")
    if kind == "location":
        return _PLACE_GRAIN.get(noun, "place")
    return ""
