"""The words and patterns a question is read by (question.py): interrogative heads and their fillers, the nouns
that say which kind a question is, and the anchors of its scope (ordinals, "assuming today is", "per week")."""

from __future__ import annotations

import re


FLAGS = re.IGNORECASE


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def with_plurals(singulars: str) -> frozenset[str]:
    nouns = set(singulars.split())
    for noun in list(nouns):
        nouns.add(noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else
                  noun + "es" if noun.endswith(("s", "ch", "sh")) else noun + "s")
    return frozenset(nouns)


# Auxiliaries that open a question; modals do not ("who would have thought" remembers).
AUX = word_set("did do does was were is are am have has had")
BE = word_set("was were is are am")
MODAL = word_set("would will can could should might may must")
PRONOUNS = word_set("i we you he she they it there me")
DETERMINERS = word_set("a an the my our your his her their this that these those")
WH = word_set("what which whose when where whereabouts who whom how")
# Words that end the noun a wh-word governs ("which restaurant | did I ...", "the name of the hotel | I ...").
NOUN_ENDS = AUX | MODAL | PRONOUNS | WH | word_set(
    "that if whether while and or but than so to in on at for with from during near by after before outside inside "
    "into around since until about over under behind like")
# Words that open a clause of its own after a noun: "how many people | there were", "which park | we saw".
CLAUSE_OPENERS = PRONOUNS - {"me"} | AUX | MODAL | WH | {"that", "if", "whether"}
# Prepositions inside the noun a wh-word governs: "how many visits to the dentist were there".
NOUN_PREPOSITIONS = word_set("to at in on from with near")
# Words before a noun that do not change what is asked ("the first time", "my favourite café").
MODIFIERS = word_set("first second third fourth fifth last latest final previous most least recent favourite favorite "
                    "usual main new old same different separate distinct other exact whole full average typical total")
PER_UNITS = word_set("day week month year")

PLACE_SINGULARS = word_set(
    "place city town village country restaurant hotel hostel bar pub cafe café shop store supermarket airport station museum "
    "cinema gym beach park venue building street road church office hospital school university club clinic market mall "
    "gallery theatre theater stadium pharmacy bakery island region county state continent destination location area "
    "neighbourhood neighborhood bank library zoo lake mountain whereabouts dentist doctor arena rink pool salon barber "
    "hairdresser studio court deli diner bistro canteen pizzeria bookshop bookstore garage campsite resort centre center "
    "temple cathedral castle palace square harbour harbor port aquarium spa tower bridge terminal farm stall kiosk house "
    "apartment sight attraction landmark")
PLACE_NOUNS = with_plurals(" ".join(PLACE_SINGULARS - {"whereabouts"})) | {"whereabouts"}
TIME_NOUNS = word_set("date day time year month week hour season weekday weekend morning evening afternoon night o'clock")
# Things whose answer is read in the photos: a brand, a title, a number, a name ("which floor", "which gate": the
# number on the lift's button or the board).
READ_NOUNS = with_plurals(
    "brand make model airline title text word slogan logo label headline number code plate score book film movie song "
    "magazine newspaper band team show programme program channel name price cost website app floor gate platform seat route "
    "conference festival exhibition concert password"
) | {"series"}
COLOUR_NOUNS = word_set("colour color colours colors shade shades")
DISTANCE_UNITS = word_set("distance km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters")
DURATION_UNITS = word_set("hour hours minute minutes second seconds")
HOW_MANY = re.compile(r"how\s+many\b", FLAGS)
NIGHTS = re.compile(r"\bnights?\b", FLAGS)
# "which playground do we go to on Sundays", "what pub did we end up at": the noun asked is where one went.
GONE_TO = re.compile(r"\b(?:go|goes|went|going|gone|come|came|get|got|end\s+up|ended\s+up|stay|stayed)\s+(?:to|at|in)\s*"
                     r"(?:[?.!]|$|\b(?:on|in|at|during|every|each|most|last|this|with|for|when|after|before)\b)", FLAGS)
# "how many <unit>": what a number is counted in. Units of time make a duration, visits a frequency,
# anything else (people, cups) is counted in the photos.
FREQUENCY_UNITS = {"time": "visit", "times": "visit", "occasion": "visit", "occasions": "visit", "visit": "visit",
                    "visits": "visit", "trip": "trip", "trips": "trip", "journey": "trip", "journeys": "trip",
                    "day": "day", "days": "day", "night": "night", "nights": "night",
                    # a part of the day counts the days it was had: "how many mornings did I go running"
                    **{part: "day" for part in ("morning", "mornings", "afternoon", "afternoons", "evening", "evenings")}, "week": "week", "weeks": "week",
                    "weekend": "week", "weekends": "week", "month": "month", "months": "month",
                    "session": "visit", "sessions": "visit", "appointment": "visit", "appointments": "visit",
                    # events, each a visit: "how many films did I see", "how many team meetings"
                    **{noun: "visit" for noun in ("meeting", "meetings", "lesson", "lessons", "class", "classes", "practice",
                                                  "practices", "match", "matches", "game", "games", "concert", "concerts", "film",
                                                  "films", "movie", "movies", "show", "shows", "party", "parties", "flight", "flights")}}
NOUN_KINDS = [(COLOUR_NOUNS, "color"), (TIME_NOUNS, "time"), (PLACE_NOUNS, "location"), (READ_NOUNS, "ocr"),
               (DISTANCE_UNITS, "distance"), (word_set("duration"), "duration")]
# "the total time I spent", "the amount of time": how long, not when.
TIME_LENGTH = word_set("total overall whole entire amount")
# "which part of the city", "what side of the river": a place within a place.
PART_NOUNS = word_set("part side end corner")
# "how <word>": the kind each asks for ("how many" and "how much" look at the noun that follows).
HOW_KINDS = {"far": "distance", "long": "duration", "often": "frequency", "frequently": "frequency", "early": "time",
              "late": "time", "soon": "time"}
WH_KINDS = {"when": "time", "where": "location", "whereabouts": "location", "who": "object", "whom": "object", "whose": "object"}
COST = re.compile(r"\b(?:cost|costs|pay|paid|charge|charged|spend|spent|price)\b", FLAGS)
MONEY_NOUNS = with_plurals("money cash euro dollar pound cent penny yen")
# What + a verb, where no noun says what is asked: a text read ("what did the sign say") or a thing seen.
READ_VERBS = re.compile(
    r"\b(?:written|printed|inscribed|shown|displayed)\b|\b(?:say|said|says|read)\s*[?.!]*\s*$|\bwhat\s+(?:did|does|do)\s+(?:the|that|this|my|a)\b[^?]*?\b(?:say|read)\b"
    r"|\bwhat\s+was\s+on\s+the\s+(?:sign|screen|board|poster|menu|label)\b", FLAGS)

# Words before the question itself: fillers, hedges, asking ("so, tell me", "roughly", "on average, ...").
ASKING = (r"(?:tell|remind)\s+me|do\s+you\s+know|check|show\s+me(?=\s+how\s+(?:many|much|often|frequently|long|far)\b)|"
           r"i(?:'m|’m|\s+am)\s+trying\s+to\s+(?:remember|recall)|"
           r"i(?:'d|’d|\s+would)\s+(?:like|love)\s+to\s+(?:know|find\s+out)|i\s+(?:want|need|wish)\s+to\s+(?:know|find\s+out)|find\s+out|"
           r"i(?:'m|’m|\s+am|\s+was)\s+(?:curious|wondering)(?:\s+about)?|i\s+wonder|let\s+me\s+know|(?:do\s+you\s+have\s+)?any\s+idea")
HEDGES = (r"roughly|approximately|about|around|more\s+or\s+less|on\s+average|in\s+general|generally|usually|typically|normally|"
           r"(?:on|in)\s+an?\s+(?:typical|average|normal|usual)\s+(?:day|week|month|year)")
LEAD = re.compile(rf"(?:[\s,:;]+|(?:so|and|ok|okay|please|now|also|then|hey|hi|well|oh|(?:quick\s+)?question|"
                   rf"(?:can|could|would|will)\s+you|{HEDGES}|{ASKING})\b)*", FLAGS)
ASKED = re.compile(rf"\b(?:{ASKING})\b", FLAGS)
PREPOSITION = word_set("in on at for from to by with during since until till after before")
IMPERATIVE = word_set("name list count")
GIVEN = word_set("number name names list count total date time day year month title brand colour color price distance")
# "find the name of the café" asks; "find the time when I ..." is how a remembered moment is looked for.
FOUND = GIVEN - word_set("time day")
# After "I'm trying to remember", "the time I ..." or "the day we ..." is a moment to find, not a thing to name.
RECALLING = re.compile(r"\btrying\s+to\s+(?:remember|recall)\b", FLAGS)
MOMENT_NOUNS = word_set("time times moment moments day days photo photos picture pictures")
# "which team was playing I forget": the wh-clause is what the rememberer cannot say, the object of a memory's
# sentence, not a question.
NOT = r"(?:n['’]?t|\s+not)"  # "don't", "do not", "can't", "cannot"
FORGOTTEN = re.compile(
    rf"[^,;.!?]*?\b(?:i|we)(?:\s+(?:forget|forgot|have\s+forgotten|(?:do|ca|can|could|did){NOT}\s+(?:remember|recall|say|tell|know)"
    rf"|cannot\s+(?:remember|recall|say|tell)|(?:am|are)\s+not\s+sure)|['’](?:m|re)\s+not\s+sure)\b", FLAGS)
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
BOUNDARY = re.compile(r"([,;:.!?]|\s[-–—])\s+")
WH_WORD = re.compile(r"\b(?:what|which|whose|when|where|whereabouts|who|whom|how)\b", FLAGS)
SENTENCE_END = re.compile(r"[.!?]+\s+(?=\S)")
PHOTOS_ASKED = re.compile(r"(?:have|got|took|take)\s+(?:any\s+|some\s+)?(?:photos?|pictures?|images?|shots?)\b")
MEMORY_START = re.compile(r"^\s*(?:find|show|search|look|get|looking|the\s+(?:time|moment|day|photo|picture))\b", FLAGS)

GRANULARITY = [
    ("clock", re.compile(r"\b(?:what|which)\s+time\b|\bwhat\s+o'?clock\b|\bwhat\s+hour\b|\bhow\s+(?:early|late)\b|\bat\s+what\s+time\b", FLAGS)),
    ("weekday", re.compile(r"\bday\s+of\s+the\s+week\b|\b(?:what|which)\s+(?:day|weekday)\b(?!\s+(?:of\s+the\s+)?(?:month|year))", FLAGS)),
    ("month", re.compile(r"\b(?:what|which)\s+month\b|\bin\s+which\s+month\b", FLAGS)),
    ("year", re.compile(r"\b(?:what|which)\s+year\b|\bin\s+which\s+year\b", FLAGS)),
]
PLACE_GRAIN = {"country": "country", "countries": "country", "city": "city", "cities": "city", "town": "city", "towns": "city",
                "village": "city", "villages": "city"}
ORDINAL = re.compile(
    r"\b(?:the\s+|my\s+)?(?P<word>first|second|third|fourth|fifth|last|latest|final(?=\s+(?:time|visit|trip|occasion))|previous|most\s+recent(?:ly)?)\b"
    r"(?:\s+(?:time|visit|trip|occasion)\b)?", FLAGS)
# "on my second trip": an anchor, blanked so the rest of the parser does not see "trip" as the subject.
# "when did I start swimming": the first time; "stop swimming": the last.
HABIT_EDGE = re.compile(r"\b(?:(?:start(?:ed)?|begin|began|t(?:ake|ook)\s+up)|(?P<stop>stop(?:ped)?|quit|g(?:ive|ave)\s+up))\s+\w+ing\b", FLAGS)
TRIP_ORDINAL = re.compile(r"\b(?:on|during|in)\s+(?:my|our|the)\s+(?P<word>first|second|third|fourth|fifth|last|latest|most\s+recent)\s+(?:trip|visit|journey|holiday|vacation)\b(?:\s+to\b)?", FLAGS)
NOW_ANCHOR = re.compile(
    r"\b(?:assuming|suppose|supposing|imagine|if|given)\s+(?:that\s+)?(?:today|now|the\s+current\s+date|the\s+date)\s+(?:is|was|were)\s+"
    r"(?P<date>[^,;?]+?)\s*(?:[,;]|$|\?)", FLAGS)
# The interrogative frame: the words from the head up to the question's subject, blanked before the rest is parsed.
FRAME = re.compile(
    r"(?:(?:in|on|at|for|from|to|by|with|during)\s+)?(?:(?:name|list|count)(?:\s+(?:all|every|each))?|give\s+me|(?:what|where|who|how)s(?=\s)|what|which|when|where|whereabouts|how|who|whose|if|whether)?"
    r"(?:\s*(?:'s|’s|many|much|long|far|often|frequently|times?|different|separate|distinct|"
    r"date|day|days|weekday|year|month|week|hour|hours|minutes?|of\s+the\s+week|of\s+day|o'?clock|kind\s+of|type\s+of|sort\s+of|brand\s+of|make\s+of|"
    r"colou?r(?:\s+of)?|was|were|is|are|did|do|does|have|has|had|i|we|my|the|all|names?\s+of(?:\s+the)?|number\s+of|average|total|ever|last|first|most\s+recently|"
    r"distance|km|kilometres|kilometers|miles|metres|meters|exactly|approximately|roughly|on\s+average|usually|typically|normally|generally)\b)*",
    FLAGS,
)
ASIDES = re.compile(r"\b(?:on\s+average|roughly|approximately|more\s+or\s+less|in\s+general|please)\b", FLAGS)
AVERAGE_DAY = re.compile(r"\b(?:on|in)\s+an?\s+(?:average|typical|normal|usual)\s+(?P<unit>day|week|month|year)\b", FLAGS)
# "a week", "per month", "each day": an average per unit, unless a clause follows ("on a day I flew").
PER = re.compile(r"\b(?:per|a|an|each|every)\s+(?P<unit>day|week|month|year)\b(?!\s+(?:i|we|when|that|where|of|before|after|in\s+which)\b)"
                  r"|\b(?P<adverb>daily|weekly|monthly|yearly|annually)\b", FLAGS)
PER_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year"}
EXTREME = re.compile(
    r"\b(?:the\s+)?(?P<word>most|least|fewest|longest|shortest)\b(?!\s+recent)(?:\s+(?:often|frequently|of\s+(?:the|my|our)\s+time|times|time)\b)?"
    r"|\b(?P<favourite>favourite|favorite|mostly)\b", FLAGS)
# "How far is it to walk the kids to school", "how long does it take to get to work": the present asks for a typical time.
USUAL = re.compile(r"\b(?:usually|usual|typically|typical|normally|generally|in\s+general|as\s+a\s+rule|tend(?:s|ed)?\s+to|on\s+an?\s+(?:normal|usual)\s+(?:day|week)"
                   r"|how\s+(?:far|long)\s+is\s+it|how\s+long\s+does\s+it\s+take)\b", FLAGS)
# The start or the end of a stay: "leave the office" ends one, "get to work" starts one.
# Words between the frame and the verb that says which: "when did I [first] arrive", "what time do I [tend to] leave".
# "[what time did] my plane land", "[when did] the train from Paris leave": a vehicle is the subject, its verb after it
# ("my flight to Rome leave" is not: it left from elsewhere, which the question does not name).
VEHICLE_SUBJECT = re.compile(r"\s*\b(?:(?:my|our|the)\s+)?(plane|flight|train|bus|coach|ferry|boat)\b(?:\s+from(?:\s+[\w'’-]+){1,3}?)?"
                             r"(?=\s+(?:land|landed|leave|left|depart|departed|arrive|arrived)\b)", FLAGS)
BEFORE_VERB = re.compile(r"(?:\s*\b(?:tend(?:s|ed)?\s+to|used\s+to|usually|typically|normally|generally|first|last|finally|actually|always)\b)*", FLAGS)
EDGES = [
    ("end", re.compile(r"\b(?:leave|leaves|left|leaving|depart|departed|finish|finished|quit|check(?:ed)?\s+out|"
                       r"(?:go|went|get|got)\s+(?:to\s+bed|to\s+sleep|off)|head(?:ed)?\s+home|go\s+home|went\s+home|set\s+off|"
                       r"(?:fly|flew|flying|drive|drove|driving|travel|travell?ed|travell?ing|sail|sailed)\s+(?:home|back))\b", FLAGS)),
    ("start", re.compile(r"\b(?:arrive|arrived|arriving|reach|reached|wake|woke|waking|start|started|begin|began|land|landed|"
                         r"(?:get|got|come|came)\s+(?:to|into|in|up|home|back)|check(?:ed)?\s+in(?:to)?)\b", FLAGS)),
]
MEANS = [
    ("walk", re.compile(r"\b(?:walk|walks|walked|walking|on\s+foot|hike|hiked|hiking|stroll|strolled|trek|trekked)\b", FLAGS)),
    ("run", re.compile(r"\b(?:run|ran|running|jog|jogged|jogging)\b", FLAGS)),
    ("cycle", re.compile(r"\b(?:cycle|cycled|cycling|bike|biked|biking|bicycle)\b", FLAGS)),
    ("drive", re.compile(r"\b(?:drive|drove|driving|driven|car)\b", FLAGS)),
    ("fly", re.compile(r"\b(?:fly|flew|flying|flown|flights?|planes?)\b", FLAGS)),
    ("bus", re.compile(r"\b(?:bus|buses|coach|tram|trams|streetcar|trolley)\b", FLAGS)),
    ("train", re.compile(r"\b(?:train|trains|rail|railway|subway|metro|underground|tube)\b", FLAGS)),
    ("boat", re.compile(r"\b(?:boat|ferry|ferries|ship|cruise|sailed|sailing)\b", FLAGS)),
]
