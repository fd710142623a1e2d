"""The words each language adds to the grammar that no maintained table holds, written by hand.

Months, weekdays, "yesterday", "last week", "ago" and small numbers come from dateparser's locale data,
day periods from CLDR (Babel); `tables` merges them with these. What is here is what they lack: the
prepositions and articles around time and place phrases, seasons, holidays, post-positioned "last"
("l'été dernier"), venue words that take a city after them ("gare de Daejeon"), and the stop words that
tell the language of a message. Each value is the English the one grammar reads; an empty value drops the
word ("de" before a year). Keys are lower case; accents are ignored when matching.
"""

from __future__ import annotations

# Moments of the day people name by what they were doing, and home and work ("zu Hause" is the library's home).
ROUTINE: dict[str, dict[str, str]] = {
    "de": {"nach der arbeit": "after work", "vor der arbeit": "before work", "nach dem mittagessen": "after lunch",
           "vor dem mittagessen": "before lunch", "nach dem abendessen": "after dinner", "beim frühstück": "at breakfast",
           "zum frühstück": "at breakfast", "beim mittagessen": "at lunch", "zum mittagessen": "at lunch",
           "beim abendessen": "at dinner", "zum abendessen": "at dinner", "spät in der nacht": "late at night",
           "spät abends": "late in the evening", "spätabends": "late in the evening", "früh am morgen": "early in the morning",
           "wochentag": "weekday", "werktag": "weekday", "zu hause": "at home", "zuhause": "at home", "daheim": "at home", "im büro": "in the office", "bei der arbeit": "at work"},
    "fr": {"après le travail": "after work", "avant le travail": "before work", "après le déjeuner": "after lunch",
           "avant le déjeuner": "before lunch", "après le dîner": "after dinner", "au petit déjeuner": "at breakfast",
           "au déjeuner": "at lunch", "au dîner": "at dinner", "tard dans la nuit": "late at night", "tard le soir": "late in the evening",
           "en fin de soirée": "late in the evening", "en fin d après midi": "late afternoon", "en début de soirée": "early evening",
           "jour de semaine": "weekday", "en semaine": "during the week", "à la maison": "at home", "chez moi": "at home", "au bureau": "at the office", "au travail": "at work"},
    "es": {"después del trabajo": "after work", "antes del trabajo": "before work", "después de comer": "after lunch",
           "después de cenar": "after dinner", "en el desayuno": "at breakfast", "durante el desayuno": "at breakfast",
           "a la hora de comer": "at lunch", "en la cena": "at dinner", "a altas horas de la noche": "late at night",
           "tarde por la noche": "late at night", "muy temprano": "early in the morning", "a primera hora de la mañana": "early in the morning",
           "día laborable": "weekday", "día entre semana": "weekday", "en casa": "at home", "en la oficina": "in the office", "en el trabajo": "at work"},
    "it": {"dopo il lavoro": "after work", "prima del lavoro": "before work", "dopo pranzo": "after lunch",
           "prima di pranzo": "before lunch", "dopo cena": "after dinner", "a colazione": "at breakfast", "a pranzo": "at lunch",
           "a cena": "at dinner", "a tarda notte": "late at night", "a tarda sera": "late in the evening",
           "di prima mattina": "early in the morning", "la mattina presto": "early in the morning", "all inizio del": "early",
           "all inizio di": "early", "alla fine del": "late", "alla fine di": "late", "a fine": "late", "giorno feriale": "weekday", "giorno lavorativo": "weekday",
           "in settimana": "during the week", "a casa": "at home",
           "in ufficio": "in the office", "al lavoro": "at work"},
    "pt": {"depois do trabalho": "after work", "antes do trabalho": "before work", "depois do almoço": "after lunch",
           "antes do almoço": "before lunch", "depois do jantar": "after dinner", "ao pequeno almoço": "at breakfast",
           "ao almoço": "at lunch", "ao jantar": "at dinner", "tarde da noite": "late at night", "ao fim da tarde": "late afternoon",
           "ao final da tarde": "late afternoon", "de manhã cedo": "early in the morning", "cedo de manhã": "early in the morning",
           "dia de semana": "weekday", "dia útil": "weekday", "durante a semana": "during the week", "em casa": "at home", "no escritório": "in the office", "no trabalho": "at work"},
    "el": {"μετά τη δουλειά": "after work", "πριν τη δουλειά": "before work", "μετά το φαγητό": "after lunch",
           "αργά τη νύχτα": "late at night", "αργά το βράδυ": "late in the evening", "νωρίς το απόγευμα": "early afternoon",
           "καθημερινή": "weekday", "τις καθημερινές": "weekdays", "στο σπίτι": "at home", "σπίτι": "home", "στο γραφείο": "in the office", "στη δουλειά": "at work", "στις αρχές": "early",
           "στα τέλη": "late", "στα μέσα": "mid"},
}

# "The end of", "the beginning of", "the middle of" a month, season or year, with the article that follows.
PART_OF: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {"late": ("am ende des", "am ende der", "ende des", "ende der", "gegen ende des", "gegen ende der"),
           "early": ("am anfang des", "am anfang der", "anfang des", "anfang der", "zu beginn des", "zu beginn der"),
           "mid": ("mitte des", "mitte der", "in der mitte des")},
    "fr": {"late": ("à la fin de", "à la fin du", "à la fin de l", "la fin de", "la fin du", "fin de", "fin du", "en fin de",
                    "fin de l"),
           "early": ("au début de", "au début du", "au début de l", "début de", "début du", "en début de", "début de l"),
           "mid": ("au milieu de", "au milieu du", "au milieu de l", "à la mi", "à mi")},
    "es": {"late": ("a finales de", "a finales del", "finales de", "finales del", "al final de", "al final del", "a fines de",
                    "a fines del"),
           "early": ("a principios de", "a principios del", "principios de", "principios del", "al principio de",
                     "al principio del", "a comienzos de", "a comienzos del", "a inicios de"),
           "mid": ("a mediados de", "a mediados del", "mediados de", "mediados del")},
    "it": {"late": ("alla fine di", "alla fine del", "alla fine dell", "alla fine della", "a fine", "fine", "verso la fine di",
                    "verso la fine del", "verso la fine dell"),
           "early": ("all inizio di", "all inizio del", "all inizio dell", "all inizio della", "a inizio", "ad inizio", "inizio",
                     "agli inizi di", "agli inizi del"),
           "mid": ("a metà", "a metà di", "a metà del", "a metà dell", "a metà della", "metà")},
    "pt": {"late": ("no fim de", "no fim do", "no fim da", "no final de", "no final do", "no final da", "em finais de",
                    "em finais do", "fim de", "fim do", "fim da", "final de", "final do", "final da"),
           "early": ("no início de", "no início do", "no início da", "em inícios de", "no princípio de", "no princípio do",
                     "início de", "início do", "início da"),
           "mid": ("em meados de", "em meados do", "em meados da", "meados de", "meados do", "meados da")},
    "el": {"late": ("στο τέλος του", "στο τέλος της", "στα τέλη του", "στα τέλη της", "τέλος του", "τέλος της", "τέλη του",
                    "τέλη της", "στα τέλη", "τέλη"),
           "early": ("στην αρχή του", "στην αρχή της", "στις αρχές του", "στις αρχές της", "αρχές του", "αρχές της",
                     "στις αρχές", "αρχές"),
           "mid": ("στα μέσα του", "στα μέσα της", "μέσα του", "μέσα της", "στα μέσα")},
}
# German seasons said in one word: "im Spätwinter".
SEASON_COMPOUNDS: dict[str, dict[str, str]] = {
    "de": {"spätwinter": "late winter", "frühwinter": "early winter", "hochsommer": "mid summer", "spätsommer": "late summer",
           "frühsommer": "early summer", "spätherbst": "late autumn", "frühherbst": "early autumn", "vorfrühling": "early spring"},
}

# Minutes said after the hour ("huit heures et demie", "las ocho y cuarto", "οκτώ παρά τέταρτο") and the German
# half hour before it ("halb acht" is 7:30).
CLOCK_MINUTES: dict[str, dict[str, int]] = {
    "de": {"halb": -30, "viertel vor": -15},
    "fr": {"et demie": 30, "et demi": 30, "et quart": 15, "moins le quart": -15, "moins quart": -15},
    "es": {"y media": 30, "y cuarto": 15, "menos cuarto": -15},
    "it": {"e mezza": 30, "e mezzo": 30, "e un quarto": 15, "e quarto": 15, "meno un quarto": -15, "meno un quarto": -15},
    "pt": {"e meia": 30, "e um quarto": 15, "e quarto": 15, "menos um quarto": -15},
    "el": {"και μισή": 30, "και τέταρτο": 15, "παρά τέταρτο": -15},
}
# Before the hour: "halb acht", "Viertel vor acht"; the rest come after it.
MINUTES_BEFORE_HOUR = frozenset({"halb", "viertel vor"})
# More moments of the day.
DAY_MOMENTS: dict[str, dict[str, str]] = {
    "de": {"am frühen morgen": "early in the morning", "am frühen abend": "early evening", "am späten abend": "late in the evening",
           "am späten nachmittag": "late afternoon", "am frühen nachmittag": "early afternoon", "am späten vormittag": "late morning",
           "bei sonnenuntergang": "at sunset", "bei sonnenaufgang": "at sunrise", "in der dämmerung": "at dusk"},
    "fr": {"en début d après midi": "early afternoon", "en début de matinée": "early morning", "en fin de matinée": "late morning",
           "en début de soirée": "early evening", "au coucher du soleil": "at sunset", "au lever du soleil": "at sunrise",
           "à l aube": "at dawn"},
    "es": {"a última hora de la tarde": "late afternoon", "a primera hora de la tarde": "early afternoon", "al anochecer": "at dusk",
           "al amanecer": "at dawn", "al atardecer": "at dusk", "a media mañana": "mid-morning"},
    "it": {"nel tardo pomeriggio": "late afternoon", "nel primo pomeriggio": "early afternoon", "in tarda mattinata": "late morning",
           "in serata": "in the evening", "in mattinata": "in the morning", "all alba": "at dawn", "al tramonto": "at sunset"},
    "pt": {"ao início da tarde": "early afternoon", "no início da tarde": "early afternoon", "ao amanhecer": "at dawn",
           "ao anoitecer": "at dusk", "ao pôr do sol": "at sunset", "a meio da manhã": "mid-morning"},
    "el": {"το ξημέρωμα": "at dawn", "το σούρουπο": "at dusk", "νωρίς το βράδυ": "early evening", "αργά το απόγευμα": "late afternoon",
           "το ηλιοβασίλεμα": "at sunset"},
}

# Words that mark a message as written in a language (frequent, short, rarely English).
STOP_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset("""zu der die das und ich mit einem einer eine ein im am um war wir bei nach vom zum zur auf ist
        nicht meinem meiner meine mein unserem unser dem den des letzten letzte letztes vor uhr auch noch wo als es habe
        haben hatte hatten bin sind waren wurde wahrscheinlich vielleicht glaube einen einem eines sich sie er ihr uns
        mich mir dann dort hier gerade ganz sehr gegessen getrunken gesehen gemacht gegangen gefahren""".split()),
    "fr": frozenset("""le la les et je avec un une des du au aux dans sur était nous chez pour pas mon ma mes
        dernier dernière il y est une vers près de à où été c'était qui j'étais nous étions avons avais avait ai
        elle ils sommes peut-être probablement je crois ces cette mes nos leur très aussi puis là ici mangé bu vu
        fait allé""".split()),
    "es": frozenset("""el la los las y yo con un una del al en estaba estábamos nosotros para por mi mis era
        pasado pasada hace cerca es que de estaba estuve fuimos fui había hemos tenía comía creo quizás
        probablemente unos unas muy también luego allí aquí nuestro nuestra sus comimos bebimos vimos""".split()),
    "it": frozenset("""il lo la gli le e io con un una uno del della dei al alla nel nella ero eravamo per mio
        mia scorso scorsa fa alle di è che sono ero eravamo stato stata siamo avevo abbiamo penso forse
        probabilmente anche poi lì qui nostro nostra suoi molto abbiamo mangiato bevuto visto""".split()),
    "pt": frozenset("""o a os as e eu com um uma do da dos das no na nos nas em estava estávamos para por meu
        minha passado passada há às é que de estava estávamos estive fomos fui tinha tínhamos acho talvez
        provavelmente também depois ali aqui nosso nossa seus muito comemos bebemos vimos num numa""".split()),
    "el": frozenset(),  # Greek is told by its script
}

# English words that the stop-word vote counts against the others.
ENGLISH_STOP_WORDS = frozenset("""the and with in on at a an of was were we i my our to from it last this that
    for near by after before around when while""".split())

# Small numbers, for "hace dos semanas", "alle otto di sera" (dateparser knows only some).
NUMBERS: dict[str, list[str]] = {
    "de": "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split(),
    "fr": "un deux trois quatre cinq six sept huit neuf dix onze douze".split(),
    "es": "uno dos tres cuatro cinco seis siete ocho nueve diez once doce".split(),
    "it": "uno due tre quattro cinque sei sette otto nove dieci undici dodici".split(),
    "pt": "um dois três quatro cinco seis sete oito nove dez onze doze".split(),
    "el": "ένα δύο τρία τέσσερα πέντε έξι επτά οκτώ εννιά δέκα έντεκα δώδεκα".split(),
}
# Other forms of those numbers: feminine, "a" as one.
NUMBER_FORMS: dict[str, dict[str, str]] = {
    # "ein", "un", "ένα" are the article first: "a" is also one to the grammar ("a year ago").
    "de": {"ein": "a", "eine": "a", "einem": "a", "einer": "a", "einen": "a", "ein paar": "a few", "einigen": "a few"},
    "fr": {"un": "a", "une": "a", "quelques": "a few"},
    "es": {"un": "a", "una": "a", "uno": "a", "unos": "a few", "unas": "a few", "dos o tres": "two or three"},
    "it": {"un": "a", "una": "a", "uno": "a", "qualche": "a few"},
    "pt": {"um": "a", "uma": "a", "duas": "two", "umas": "a few", "uns": "a few"},
    "el": {"ένα": "a", "μία": "a", "μια": "a", "έναν": "a", "τρεις": "three", "τέσσερις": "four", "εννέα": "nine"},
}

# "vor zwei Wochen": the word for "ago" comes first; the phrase is read as "two weeks ago".
AGO_BEFORE: dict[str, list[str]] = {
    "de": ["vor"], "fr": ["il y a", "y a"], "es": ["hace"], "pt": ["há", "faz", "ha"], "el": ["πριν από", "πριν"],
}
# "due settimane fa": it comes after, as in English; alone ("fa caldo") the word is not "ago".
AGO_AFTER: dict[str, list[str]] = {"it": ["fa"], "el": ["πριν"], "pt": ["atrás"], "es": ["atrás"]}

# "l'été dernier", "el sábado pasado": "last" after the time noun.
LAST_AFTER: dict[str, list[str]] = {
    "fr": ["dernier", "dernière", "passé", "passée"],
    "es": ["pasado", "pasada"],
    "it": ["scorso", "scorsa", "passato", "passata"],
    "pt": ["passado", "passada"],
    "el": [],
    "de": [],
}

# Venue words that name their city after them: "gare de Daejeon" reads as "Daejeon station".
VENUES: dict[str, dict[str, str]] = {
    "de": {"bahnhof": "station", "hauptbahnhof": "station", "flughafen": "airport", "universität": "university"},
    "fr": {"gare": "station", "aéroport": "airport", "université": "university"},
    "es": {"estación": "station", "aeropuerto": "airport", "universidad": "university"},
    "it": {"stazione": "station", "aeroporto": "airport", "università": "university"},
    "pt": {"estação": "station", "aeroporto": "airport", "universidade": "university"},
    "el": {"σταθμό": "station", "σταθμός": "station", "αεροδρόμιο": "airport", "αεροδρομίου": "airport", "πανεπιστήμιο": "university"},
}
# Words that join the parts of a name ("Rio de Janeiro", "Corea del Sur", "Monaco di Baviera"): between two
# capitalised words, the three stay as written.
# Not German's: its nouns are all capitalised ("Samstag am Abend").
NAME_GLUE = ("de", "del", "di", "da", "do", "dos", "das", "della", "du", "des")
# What joins a noun to the holiday that describes it ("marché de Noël", "mercatino di Natale"): read as
# "Christmas market", a thing, not the day.
NOUN_GLUE = ("de", "du", "del", "di", "do", "da", "des", "της", "του", "των", "von", "vom")

# What joins a venue word to its city ("de", "di", "της"), dropped.
VENUE_GLUE: dict[str, list[str]] = {
    "de": ["von", "in"], "fr": ["de", "du", "d", "des"], "es": ["de", "del"], "it": ["di", "del", "della", "de"],
    "pt": ["de", "do", "da", "dos", "das"], "el": ["της", "του", "τη", "το"],
}
# Words before a year ("mayo de 2019", "Μαΐου του 2019", "nel 2016"): read as "in".
YEAR_GLUE: dict[str, list[str]] = {
    "de": [], "fr": ["de", "en"], "es": ["de", "del", "en"], "it": ["del", "di", "nel"], "pt": ["de", "do", "em"],
    "el": ["του", "το", "τον"],
}

# Phrases -> the English the grammar reads. Longest match wins, so "por la mañana" beats "mañana".
PHRASES: dict[str, dict[str, str]] = {
    "de": {
        "in": "in", "im": "in the", "auf": "on", "am": "on the", "um": "at", "an": "on", "bei": "near", "beim": "at the", "nach": "after|to",
        "von": "from", "vom": "from the", "aus": "from", "zum": "to the", "zur": "to the", "in der": "in the", "in den": "in the",
        "der": "the", "die": "the", "das": "the", "den": "the", "dem": "the", "des": "of the", "und": "and", "oder": "or",
        "zwischen": "between", "bis": "until", "seit": "since", "gegen": "around", "etwa": "around", "ungefähr": "around",
        "kurz vor": "just before", "kurz nach": "just after", "im jahr": "in",
        "vorletzte woche": "the week before last", "vorletztes wochenende": "the weekend before last",
        "vorletzten monat": "the month before last", "vorletztes jahr": "the year before last", "nicht": "not", "nie": "never", "war": "was",
        "letzten": "last", "letzte": "last", "letztes": "last", "letzter": "last", "vergangenen": "last", "vergangene": "last",
        "vergangenes": "last", "vorigen": "last", "vorige": "last", "voriges": "last", "diesen": "this", "diese": "this",
        "dieses": "this", "dieser": "this", "jeden": "every", "jede": "every",
        "anfang": "early", "ende": "late", "mitte": "mid", "uhr": "o'clock",
        "wochenende": "weekend", "am wochenende": "at the weekend", "wochenenden": "weekends", "unter der woche": "during the week",
        "morgen": "morning", "morgens": "in the morning", "am morgen": "in the morning", "früh morgens": "early in the morning",
        "frühmorgens": "early in the morning", "vormittag": "late morning", "vormittags": "late morning",
        "am vormittag": "late morning", "mittag": "lunchtime", "mittags": "at lunchtime", "zu mittag": "at lunchtime",
        "nachmittag": "afternoon", "nachmittags": "in the afternoon", "am nachmittag": "in the afternoon",
        "abend": "evening", "abends": "in the evening", "am abend": "in the evening", "nacht": "night", "nachts": "at night",
        "in der nacht": "at night", "mitternacht": "midnight", "heute abend": "tonight", "gestern abend": "yesterday evening",
        "frühling": "spring", "frühjahr": "spring", "sommer": "summer", "herbst": "autumn", "winter": "winter",
        "sommerferien": "summer holidays", "weihnachten": "Christmas", "heiligabend": "Christmas Eve",
        "heiligen abend": "Christmas Eve", "erster weihnachtstag": "Christmas Day", "ersten weihnachtstag": "Christmas Day",
        "weihnachtsferien": "the Christmas holidays", "silvester": "New Year's Eve", "neujahr": "New Year's Day",
        "ostern": "Easter", "ostersonntag": "Easter Sunday", "ostermontag": "Easter Monday", "karfreitag": "Good Friday",
        "osterferien": "the Easter holidays", "valentinstag": "Valentine's Day", "muttertag": "Mother's Day",
        "vatertag": "Father's Day", "jahr": "year", "jahren": "years", "jahre": "years", "monat": "month", "monaten": "months",
        "monate": "months", "woche": "week", "wochen": "weeks", "tag": "day", "tagen": "days", "tage": "days",
        "film": "film called", "buch": "book called", "lied": "song called",
    },
    "fr": {
        "à": "in", "a": "in", "au": "in", "aux": "in", "en": "in", "dans": "in", "dans le": "in the", "dans la": "in the",
        "le": "the", "la": "the", "les": "the", "l": "the", "un": "a", "une": "a", "de": "of", "du": "of the", "d": "of",
        "des": "of the", "et": "and", "ou": "or", "entre": "between", "jusqu": "until", "depuis": "since", "vers": "around",
        "environ": "around", "près de": "near", "pres de": "near", "à côté de": "near", "chez": "at", "pour": "to",
        "avant": "before", "après": "after", "juste avant": "just before", "juste après": "just after", "pas": "not",
        "jamais": "never", "était": "was", "c était": "it was", "dernier": "last", "dernière": "last", "passé": "last",
        "passée": "last", "ce": "this", "cette": "this", "cet": "this", "chaque": "every", "début": "early", "fin": "late",
        "mi": "mid", "heures": "o'clock", "heure": "o'clock",
        "week end": "weekend", "le week end": "the weekend", "weekend": "weekend", "fin de semaine": "weekend",
        "matin": "morning", "le matin": "in the morning", "du matin": "in the morning", "de bon matin": "early in the morning",
        "tôt le matin": "early in the morning", "matinée": "morning", "midi": "lunchtime", "à midi": "at lunchtime",
        "après midi": "afternoon", "l après midi": "in the afternoon", "de l après midi": "in the afternoon",
        "soir": "evening", "le soir": "in the evening", "du soir": "in the evening", "soirée": "evening", "nuit": "night",
        "la nuit": "at night", "de nuit": "at night", "minuit": "midnight", "ce soir": "tonight", "hier soir": "yesterday evening",
        "printemps": "spring", "été": "summer", "l été": "the summer", "automne": "autumn", "hiver": "winter",
        "vacances d été": "summer holidays", "noël": "Christmas", "réveillon de noël": "Christmas Eve",
        "veille de noël": "Christmas Eve", "jour de noël": "Christmas Day", "vacances de noël": "the Christmas holidays",
        "saint sylvestre": "New Year's Eve", "réveillon du nouvel an": "New Year's Eve", "nouvel an": "New Year",
        "jour de l an": "New Year's Day", "pâques": "Easter", "lundi de pâques": "Easter Monday",
        "dimanche de pâques": "Easter Sunday", "vendredi saint": "Good Friday", "vacances de pâques": "the Easter holidays",
        "saint valentin": "Valentine's Day", "fête des mères": "Mother's Day", "fête des pères": "Father's Day",
        "an": "year", "ans": "years", "année": "year", "années": "years", "mois": "month", "semaine": "week",
        "semaines": "weeks", "jour": "day", "jours": "days", "film": "film called", "livre": "book called",
    },
    "es": {
        "en": "in", "a": "to", "al": "to the", "a las": "at", "a la": "to the", "sobre las": "around", "hacia las": "around",
        "el": "the", "la": "the", "los": "the", "las": "the", "un": "a", "una": "a", "de": "of", "del": "of the",
        "y": "and", "o": "or", "entre": "between", "hasta": "until", "desde": "from", "por": "through", "cerca de": "near", "junto a": "near",
        "antes de": "before", "después de": "after", "despues de": "after", "justo antes de": "just before", "no": "not",
        "nunca": "never", "era": "was", "fue": "was", "pasado": "last", "pasada": "last", "último": "last",
        "última": "last", "este": "this", "esta": "this", "cada": "every", "principios de": "early", "a principios de": "early",
        "finales de": "late", "a finales de": "late", "mediados de": "mid", "a mediados de": "mid", "horas": "o'clock",
        "fin de semana": "weekend", "el fin de semana": "the weekend", "finde": "weekend", "entre semana": "during the week",
        "mañana": "morning", "por la mañana": "in the morning", "de la mañana": "in the morning", "esta mañana": "this morning",
        "temprano por la mañana": "early in the morning", "madrugada": "small hours", "de madrugada": "in the small hours",
        "mediodía": "lunchtime", "al mediodía": "at lunchtime", "tarde": "afternoon", "por la tarde": "in the afternoon",
        "de la tarde": "in the afternoon", "esta tarde": "this afternoon", "noche": "night", "por la noche": "at night",
        "de la noche": "at night", "esta noche": "tonight", "anoche": "last night", "ayer por la noche": "last night",
        "medianoche": "midnight", "primavera": "spring", "verano": "summer", "otoño": "autumn", "invierno": "winter",
        "vacaciones de verano": "summer holidays", "navidad": "Christmas", "navidades": "Christmas",
        "nochebuena": "Christmas Eve", "día de navidad": "Christmas Day", "nochevieja": "New Year's Eve",
        "año nuevo": "New Year's Day", "semana santa": "the Easter holidays", "pascua": "Easter",
        "domingo de resurrección": "Easter Sunday", "viernes santo": "Good Friday", "jueves santo": "Holy Thursday",
        "san valentín": "Valentine's Day", "día de la madre": "Mother's Day", "día del padre": "Father's Day",
        "año": "year", "años": "years", "mes": "month", "meses": "months", "semana": "week", "semanas": "weeks",
        "día": "day", "días": "days", "película": "film called", "libro": "book called",
    },
    "it": {
        "a": "in", "in": "in", "al": "at the", "alla": "at the", "nel": "in the", "nella": "in the", "allo": "at the",
        "all": "at the", "nell": "in the", "negli": "in the", "nei": "in the", "nelle": "in the", "agli": "to the",
        "ai": "to the", "dell": "of the", "dall": "from the", "sull": "on the", "sul": "on the",
        "alle": "at", "verso le": "around", "verso": "around", "intorno alle": "around", "il": "the", "lo": "the",
        "la": "the", "l": "the", "i": "the", "gli": "the", "le": "the", "un": "a", "una": "a", "di": "of", "del": "of the",
        "della": "of the", "dei": "of the", "e": "and", "o": "or", "tra": "between", "fra": "between", "fino a": "until",
        "da": "from", "dal": "from the", "vicino a": "near", "prima di": "before", "prima del": "before the",
        "dopo": "after", "dopo il": "after the", "non": "not", "mai": "never", "era": "was", "scorso": "last",
        "scorsa": "last", "passato": "last", "passata": "last", "questo": "this", "questa": "this", "quest": "this",
        "ogni": "every", "inizio": "early", "all inizio di": "early", "fine": "late", "alla fine di": "late",
        "metà": "mid", "a metà": "mid", "ore": "o'clock",
        "fine settimana": "weekend", "il fine settimana": "the weekend", "weekend": "weekend", "nel weekend": "at the weekend",
        "mattina": "morning", "di mattina": "in the morning", "la mattina": "in the morning", "del mattino": "in the morning",
        "mattino": "morning", "stamattina": "this morning", "mezzogiorno": "lunchtime", "a mezzogiorno": "at lunchtime",
        "pomeriggio": "afternoon", "di pomeriggio": "in the afternoon", "nel pomeriggio": "in the afternoon",
        "del pomeriggio": "in the afternoon", "sera": "evening", "di sera": "in the evening", "la sera": "in the evening",
        "serata": "evening", "stasera": "tonight", "ieri sera": "yesterday evening", "notte": "night", "di notte": "at night",
        "la notte": "at night", "mezzanotte": "midnight", "primavera": "spring", "estate": "summer", "l estate": "the summer",
        "autunno": "autumn", "inverno": "winter", "vacanze estive": "summer holidays", "natale": "Christmas",
        "vigilia di natale": "Christmas Eve", "giorno di natale": "Christmas Day", "vacanze di natale": "the Christmas holidays",
        "capodanno": "New Year", "san silvestro": "New Year's Eve", "pasqua": "Easter", "pasquetta": "Easter Monday",
        "venerdì santo": "Good Friday", "san valentino": "Valentine's Day", "festa della mamma": "Mother's Day",
        "festa del papà": "Father's Day", "ferragosto": "15 August",
        "anno": "year", "anni": "years", "mese": "month", "mesi": "months", "settimana": "week", "settimane": "weeks",
        "giorno": "day", "giorni": "days", "film": "film called", "libro": "book called",
    },
    "pt": {
        "em": "in", "no": "in the", "na": "in the", "nos": "in the", "nas": "in the", "num": "in a", "numa": "in a",
        "às": "at", "ao": "to the", "aos": "to the", "por volta das": "around", "o": "the", "a": "the",
        "os": "the", "um": "a", "uma": "a", "de": "of", "do": "of the", "da": "of the", "e": "and", "ou": "or",
        "entre": "between", "até": "until", "desde": "since", "pelo": "through the",
        "pela": "through the", "por": "through", "perto de": "near", "perto do": "near the",
        "perto da": "near the", "antes de": "before", "antes do": "before the", "depois de": "after", "depois do": "after the",
        "não": "not", "nunca": "never", "era": "was", "foi": "was", "passado": "last", "passada": "last", "último": "last",
        "última": "last", "este": "this", "esta": "this", "neste": "this", "nesta": "this", "cada": "every",
        "início de": "early", "no início de": "early", "fim de": "late", "no fim de": "late", "final de": "late",
        "meados de": "mid", "em meados de": "mid", "horas": "o'clock",
        "fim de semana": "weekend", "no fim de semana": "at the weekend", "final de semana": "weekend",
        "manhã": "morning", "de manhã": "in the morning", "pela manhã": "in the morning", "da manhã": "in the morning",
        "de madrugada": "in the small hours", "madrugada": "small hours", "meio dia": "lunchtime", "ao meio dia": "at lunchtime",
        "tarde": "afternoon", "à tarde": "in the afternoon", "de tarde": "in the afternoon", "da tarde": "in the afternoon",
        "noite": "night", "à noite": "at night", "de noite": "at night", "da noite": "at night", "ontem à noite": "last night",
        "hoje à noite": "tonight", "meia noite": "midnight", "primavera": "spring", "verão": "summer", "outono": "autumn",
        "inverno": "winter", "férias de verão": "summer holidays", "natal": "Christmas", "véspera de natal": "Christmas Eve",
        "noite de natal": "Christmas Eve", "dia de natal": "Christmas Day", "réveillon": "New Year's Eve",
        "passagem de ano": "New Year's Eve", "ano novo": "New Year", "dia de ano novo": "New Year's Day",
        "páscoa": "Easter", "sexta feira santa": "Good Friday", "domingo de páscoa": "Easter Sunday",
        "dia dos namorados": "Valentine's Day", "dia da mãe": "Mother's Day", "dia do pai": "Father's Day",
        "ano": "year", "anos": "years", "mês": "month", "meses": "months", "semana": "week", "semanas": "weeks",
        "dia": "day", "dias": "days", "filme": "film called", "livro": "book called",
    },
    "el": {
        "σε": "in", "στη": "in", "στην": "in", "στο": "in", "στον": "in", "στις": "at", "στα": "in", "στους": "in",
        "γύρω στις": "around", "κατά τις": "around", "ο": "the", "η": "the", "το": "the", "την": "the", "τη": "the",
        "τον": "the", "της": "of the", "του": "of the", "των": "of the", "τα": "the", "οι": "the", "ένα": "a",
        "μια": "a", "μία": "a", "έναν": "a", "και": "and", "ή": "or", "μεταξύ": "between", "ανάμεσα": "between",
        "μέχρι": "until", "από": "from", "κοντά σε": "near", "κοντά στη": "near", "κοντά στην": "near", "κοντά στο": "near",
        "κοντά": "near", "πριν": "before", "πριν από": "before", "πριν το": "before the", "πριν τα": "before the",
        "μετά": "after", "μετά το": "after the", "μετά τα": "after the", "μετά από": "after", "δεν": "not",
        "ποτέ": "never", "ήταν": "was", "περασμένη": "last", "περασμένο": "last", "περασμένος": "last",
        "περασμένης": "last", "προηγούμενη": "last", "προηγούμενο": "last", "αυτή": "this", "αυτό": "this",
        "αυτόν": "this", "αυτήν": "this", "κάθε": "every", "αρχές": "early", "τέλη": "late", "μέσα": "mid",
        "ώρα": "o'clock", "σαββατοκύριακο": "weekend", "το σαββατοκύριακο": "at the weekend",
        "πρωί": "morning", "το πρωί": "in the morning", "πρωινό": "morning", "νωρίς το πρωί": "early in the morning",
        "μεσημέρι": "lunchtime", "το μεσημέρι": "at lunchtime", "απόγευμα": "afternoon", "το απόγευμα": "in the afternoon",
        "βράδυ": "evening", "το βράδυ": "in the evening", "βραδιά": "evening", "νύχτα": "night", "τη νύχτα": "at night",
        "μεσάνυχτα": "midnight", "απόψε": "tonight", "χθες το βράδυ": "yesterday evening", "χτες": "yesterday",
        "άνοιξη": "spring", "την άνοιξη": "in spring", "καλοκαίρι": "summer", "το καλοκαίρι": "in summer",
        "φθινόπωρο": "autumn", "το φθινόπωρο": "in autumn", "χειμώνα": "winter", "χειμώνας": "winter",
        "τον χειμώνα": "in winter", "χριστούγεννα": "Christmas", "παραμονή χριστουγέννων": "Christmas Eve",
        "πρωτοχρονιά": "New Year's Day", "παραμονή πρωτοχρονιάς": "New Year's Eve", "πάσχα": "Orthodox Easter",
        "μεγάλη παρασκευή": "Orthodox Good Friday", "καθαρά δευτέρα": "Clean Monday", "αγίου βαλεντίνου": "Valentine's Day",
        "χρόνο": "year", "χρόνια": "years", "χρόνος": "year", "μήνα": "month", "μήνες": "months", "εβδομάδα": "week",
        "εβδομάδες": "weeks", "μέρα": "day", "μέρες": "days", "ημέρες": "days", "ταινία": "film called", "βιβλίο": "book called",
    },
}

# Words the place grammar reads around a name: vehicles ("a flight to Korea" is not in Korea), numbers ("bus
# number 2019" is no year), nearness.
PLACE_WORDS: dict[str, dict[str, str]] = {
    "de": {"flug": "flight", "zug": "train", "bus": "bus", "fähre": "ferry", "taxi": "taxi", "nummer": "number", "linie": "route",
           "in der nähe von": "near", "in der nähe des": "near the", "in der nähe der": "near the", "in der nähe": "near"},
    "fr": {"vol": "flight", "train": "train", "bus": "bus", "avion": "plane", "ferry": "ferry", "taxi": "taxi", "numéro": "number",
           "ligne": "route"},
    "es": {"vuelo": "flight", "tren": "train", "autobús": "bus", "avión": "plane", "ferry": "ferry", "taxi": "taxi",
           "número": "number", "línea": "route", "el día": "on", "del día": "on", "el día de reyes": "on 6 January",
           "día de reyes": "6 January"},
    "it": {"volo": "flight", "treno": "train", "autobus": "bus", "aereo": "plane", "traghetto": "ferry", "taxi": "taxi",
           "numero": "number", "linea": "route", "il giorno": "on"},
    "pt": {"voo": "flight", "comboio": "train", "trem": "train", "autocarro": "bus", "ônibus": "bus", "avião": "plane",
           "táxi": "taxi", "número": "number", "linha": "route", "no dia": "on", "o dia": "on"},
    "el": {"πτήση": "flight", "τρένο": "train", "λεωφορείο": "bus", "αεροπλάνο": "plane", "πλοίο": "ferry", "ταξί": "taxi",
           "αριθμός": "number", "γραμμής": "route", "γραμμή": "route"},
}
# Vehicles, as the grammar reads them: "un vuelo de Madrid" is from Madrid, "le marché de Nice" at Nice.
VEHICLES = frozenset({"flight", "train", "bus", "plane", "ferry", "taxi"})

# Parts of the day that join a weekday in one German word: "Samstagnachmittag" -> "Saturday afternoon".
WEEKDAY_COMPOUNDS: dict[str, dict[str, str]] = {
    "de": {"morgen": "morning", "vormittag": "morning", "mittag": "lunchtime", "nachmittag": "afternoon", "abend": "evening",
           "nacht": "night", "morgens": "morning", "nachmittags": "afternoon", "abends": "evening", "nachts": "night"},
}

# Words that are a time only after one of these words or before a year: "nous avons été" is no summer, "llegué
# tarde" no afternoon, "mañana" alone is tomorrow.
NEEDS_BEFORE: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {"été": ("l", "en", "cet", "un", "d", "de", "pendant", "chaque", "bel", "cette", "tout")},
    "es": {"tarde": ("la", "por", "de", "una", "esta", "cada", "media", "toda", "esa", "aquella"),
           "mañana": ("la", "por", "de", "una", "esta", "cada", "media", "toda", "esa", "aquella")},
    "pt": {"tarde": ("a", "à", "da", "de", "uma", "esta", "nesta", "essa", "nessa", "numa", "cada", "toda", "pela")},
}

# Nouns of these languages that GeoNames gives as another name of some town ("Marché", "Tour", "Κάστρο"):
# in a language whose nouns are capitalised, or at a sentence's start, they would be read as the town.
NOT_TOWNS = frozenset("burg dom marché tour castello castelo κάστρο θέατρο".split())

# Country names people use that CLDR does not give as the country's name ("Großbritannien" for GB).
COUNTRY_ALIASES: dict[str, dict[str, str]] = {
    "de": {"Großbritannien": "GB", "England": "GB", "Schottland": "GB", "Holland": "NL", "Korea": "KR", "Amerika": "US",
           "USA": "US", "Tschechien": "CZ"},
    "fr": {"Grande-Bretagne": "GB", "Angleterre": "GB", "Écosse": "GB", "Hollande": "NL", "Corée": "KR", "Amérique": "US"},
    "es": {"Gran Bretaña": "GB", "Inglaterra": "GB", "Escocia": "GB", "Holanda": "NL", "Corea": "KR", "EEUU": "US",
           "EE UU": "US"},
    "it": {"Gran Bretagna": "GB", "Inghilterra": "GB", "Scozia": "GB", "Olanda": "NL", "Corea": "KR", "America": "US"},
    "pt": {"Grã-Bretanha": "GB", "Inglaterra": "GB", "Escócia": "GB", "Holanda": "NL", "Coreia": "KR", "EUA": "US"},
    "el": {"Μεγάλη Βρετανία": "GB", "Αγγλία": "GB", "Σκωτία": "GB", "Ολλανδία": "NL", "Κορέα": "KR", "Αμερική": "US",
           "ΗΠΑ": "US"},
}
