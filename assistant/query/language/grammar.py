"""The words each language adds to the grammar that no maintained table holds, written by hand.

Months, weekdays, "yesterday", "last week", "ago" and small numbers come from dateparser's locale data,
day periods from CLDR (Babel); `tables` merges them with these. What is here is what they lack: the
prepositions and articles around time and place phrases, seasons, holidays, post-positioned "last"
("l'été dernier"), venue words that take a city after them ("gare de Daejeon"), and the stop words that
tell the language of a message (the phrases around time and place are in phrases.py). Each value is the English
the one grammar reads; an empty value drops the word ("de" before a year). Keys are lower case; accents are ignored when matching.
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
    "nl": {"na het werk": "after work", "voor het werk": "before work", "na de lunch": "after lunch", "voor de lunch": "before lunch",
           "na het eten": "after dinner", "na het avondeten": "after dinner", "bij het ontbijt": "at breakfast", "bij de lunch": "at lunch",
           "bij het avondeten": "at dinner", "laat in de nacht": "late at night", "laat in de avond": "late in the evening",
           "s avonds laat": "late in the evening", "vroeg in de ochtend": "early in the morning", "s ochtends vroeg": "early in the morning",
           "werkdag": "weekday", "doordeweekse dag": "weekday", "doordeweeks": "during the week", "thuis": "at home", "op kantoor": "in the office",
           "op het werk": "at work"},
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
    "nl": {"late": ("aan het eind van", "aan het einde van", "op het eind van", "eind", "einde"),
           "early": ("aan het begin van", "in het begin van", "begin"),
           "mid": ("midden", "halverwege", "medio")},
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
    "it": {"e mezza": 30, "e mezzo": 30, "e un quarto": 15, "e quarto": 15, "meno un quarto": -15, "meno quarto": -15},
    "pt": {"e meia": 30, "e um quarto": 15, "e quarto": 15, "menos um quarto": -15},
    "el": {"και μισή": 30, "και τέταρτο": 15, "παρά τέταρτο": -15},
    "nl": {"half": -30, "kwart voor": -15, "kwart over": 15},
}
# Before the hour: "halb acht", "Viertel vor acht", Dutch "half acht" (7:30) and "kwart over acht"; the rest come after it.
MINUTES_BEFORE_HOUR = frozenset({"halb", "viertel vor", "half", "kwart voor", "kwart over"})
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
    "nl": {"vroeg in de middag": "early afternoon", "laat in de middag": "late afternoon", "laat in de ochtend": "late morning",
           "vroeg in de avond": "early evening", "bij zonsondergang": "at sunset", "bij zonsopgang": "at sunrise",
           "in de schemering": "at dusk"},
}

# Words that mark a message as written in a language (frequent, short, rarely English).
STOP_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset("""zu der die das und ich mit einem einer eine ein im am um war wir bei nach vom zum zur auf ist
        nicht meinem meiner meine mein unserem unser dem den des letzten letzte letztes vor uhr auch noch wo als es habe
        haben hatte hatten bin sind waren wurde wahrscheinlich vielleicht glaube einen einem eines sich sie er ihr uns
        mich mir dann dort hier gerade ganz sehr gegessen getrunken gesehen gemacht gegangen gefahren gewesen übernachtet""".split()),
    "fr": frozenset("""le la les et je avec un une des du au aux dans sur était nous chez pour pas mon ma mes
        dernier dernière il y est une vers près de à où été c'était qui j'étais nous étions avons avais avait ai
        elle ils sommes peut-être probablement je crois ces cette mes nos leur très aussi puis là ici mangé bu vu
        fait allé allée allés suis-je ai-je étais étions""".split()),
    "es": frozenset("""el la los las y yo con un una del al en estaba estábamos nosotros para por mi mis era
        pasado pasada hace cerca es que de estaba estuve fuimos fui había hemos tenía comía creo quizás
        probablemente unos unas muy también luego allí aquí nuestro nuestra sus comimos bebimos vimos fue estuvimos""".split()),
    "it": frozenset("""il lo la gli le e io con un una uno del della dei al alla nel nella ero eravamo per mio
        mia scorso scorsa fa alle di è che sono ero eravamo stato stata siamo avevo abbiamo penso forse
        probabilmente anche poi lì qui nostro nostra suoi molto abbiamo mangiato bevuto visto andato andata andati""".split()),
    "pt": frozenset("""o a os as e eu com um uma do da dos das no na nos nas em estava estávamos para por meu
        minha passado passada há às é que de estava estávamos estive fomos fui tinha tínhamos acho talvez
        provavelmente também depois ali aqui nosso nossa seus muito comemos bebemos vimos num numa foi fiquei ficou ficámos""".split()),
    "nl": frozenset("""de het een en ik met van op bij naar waren wij mijn onze ons niet ook nog waar toen heb hebben
        hadden ben zijn werd misschien denk zij hij haar mij daar hier heel erg gegeten gedronken gezien gedaan gegaan
        gereden vorige vorig afgelopen geleden uur langs gaan ging gingen""".split()),
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
    "nl": "één twee drie vier vijf zes zeven acht negen tien elf twaalf".split(),
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
    "nl": {"een": "a", "een paar": "a few", "enkele": "a few"},
}

# "vor zwei Wochen": the word for "ago" comes first; the phrase is read as "two weeks ago".
AGO_BEFORE: dict[str, list[str]] = {
    "de": ["vor"], "fr": ["il y a", "y a"], "es": ["hace"], "pt": ["há", "faz", "ha"], "el": ["πριν από", "πριν"],
}
# "due settimane fa": it comes after, as in English; alone ("fa caldo") the word is not "ago".
AGO_AFTER: dict[str, list[str]] = {"it": ["fa"], "el": ["πριν"], "pt": ["atrás"], "es": ["atrás"], "nl": ["geleden"]}

# "l'été dernier", "el sábado pasado": "last" after the time noun.
LAST_AFTER: dict[str, list[str]] = {
    "fr": ["dernier", "dernière", "passé", "passée"],
    "es": ["pasado", "pasada"],
    "it": ["scorso", "scorsa", "passato", "passata"],
    "pt": ["passado", "passada"],
    "el": [],
    "de": [],
    "nl": [],
}

# Venue words that name their city after them: "gare de Daejeon" reads as "Daejeon station".
VENUES: dict[str, dict[str, str]] = {
    "de": {"bahnhof": "station", "hauptbahnhof": "station", "flughafen": "airport", "universität": "university"},
    "fr": {"gare": "station", "aéroport": "airport", "université": "university"},
    "es": {"estación": "station", "aeropuerto": "airport", "universidad": "university"},
    "it": {"stazione": "station", "aeroporto": "airport", "università": "university"},
    "pt": {"estação": "station", "aeroporto": "airport", "universidade": "university"},
    "el": {"σταθμό": "station", "σταθμός": "station", "αεροδρόμιο": "airport", "αεροδρομίου": "airport", "πανεπιστήμιο": "university"},
    "nl": {"station": "station", "centraal station": "station", "luchthaven": "airport", "vliegveld": "airport", "universiteit": "university"},
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
    "pt": ["de", "do", "da", "dos", "das"], "el": ["της", "του", "τη", "το"], "nl": ["van"],
}
# Words before a year ("mayo de 2019", "Μαΐου του 2019", "nel 2016"): read as "in".
YEAR_GLUE: dict[str, list[str]] = {
    "de": [], "fr": ["de", "en"], "es": ["de", "del", "en"], "it": ["del", "di", "nel"], "pt": ["de", "do", "em"],
    "el": ["του", "το", "τον"], "nl": [],
}


# Words the place grammar reads around a name: home ("nicht zu Hause" is "not at home"), vehicles ("a flight to
# Korea" is not in Korea), numbers ("bus number 2019" is no year), nearness.
PLACE_WORDS: dict[str, dict[str, str]] = {
    "de": {"zu hause": "at home", "daheim": "at home", "nicht zu hause": "not at home", "nicht daheim": "not at home", "flug": "flight", "zug": "train", "bus": "bus", "fähre": "ferry", "taxi": "taxi", "nummer": "number", "linie": "route",
           "in der nähe von": "near", "in der nähe des": "near the", "in der nähe der": "near the", "in der nähe": "near"},
    "fr": {"à la maison": "at home", "chez moi": "at home", "pas à la maison": "not at home", "pas chez moi": "not at home", "vol": "flight", "train": "train", "bus": "bus", "avion": "plane", "ferry": "ferry", "taxi": "taxi", "numéro": "number",
           "ligne": "route"},
    "es": {"en casa": "at home", "fuera de casa": "not at home", "no en casa": "not at home", "vuelo": "flight", "tren": "train", "autobús": "bus", "avión": "plane", "ferry": "ferry", "taxi": "taxi",
           "número": "number", "línea": "route", "el día": "on", "del día": "on", "el día de reyes": "on 6 January",
           "día de reyes": "6 January"},
    "it": {"a casa": "at home", "non a casa": "not at home", "fuori casa": "not at home", "volo": "flight", "treno": "train", "autobus": "bus", "aereo": "plane", "traghetto": "ferry", "taxi": "taxi",
           "numero": "number", "linea": "route", "il giorno": "on"},
    "pt": {"em casa": "at home", "fora de casa": "not at home", "não em casa": "not at home", "voo": "flight", "comboio": "train", "trem": "train", "autocarro": "bus", "ônibus": "bus", "avião": "plane",
           "táxi": "taxi", "número": "number", "linha": "route", "no dia": "on", "o dia": "on"},
    "el": {"στο σπίτι": "at home", "όχι στο σπίτι": "not at home", "εκτός σπιτιού": "not at home", "πτήση": "flight", "τρένο": "train", "λεωφορείο": "bus", "αεροπλάνο": "plane", "πλοίο": "ferry", "ταξί": "taxi",
           "αριθμός": "number", "γραμμής": "route", "γραμμή": "route"},
    "nl": {"thuis": "at home", "niet thuis": "not at home", "vlucht": "flight", "trein": "train", "bus": "bus", "vliegtuig": "plane",
           "veerboot": "ferry", "pont": "ferry", "taxi": "taxi", "nummer": "number", "lijn": "route", "in de buurt van": "near",
           "vlakbij": "near", "vlak bij": "near"},
}
# The events a time is anchored to ("vor meiner Reise nach Japan", "la semaine après le mariage"), and "my",
# as the English the anchor grammar reads: "before my trip to Japan", "the week after the wedding".
LIFE_EVENTS: dict[str, dict[str, str]] = {
    "de": {"reise": "trip", "urlaub": "holiday", "ferien": "holidays", "hochzeit": "wedding", "konferenz": "conference",
           "tagung": "conference", "kongress": "congress", "festival": "festival", "meiner": "my", "meine": "my", "meinem": "my",
           "meinen": "my", "unserer": "our", "unserem": "our", "unseren": "our", "am tag vor": "the day before",
           "am tag nach": "the day after", "in der woche vor": "the week before", "in der woche nach": "the week after",
           "am ersten tag": "on the first day of", "am letzten tag": "on the last day of"},
    "fr": {"voyage": "trip", "séjour": "stay", "vacances": "holidays", "mariage": "wedding", "noces": "wedding",
           "conférence": "conference", "congrès": "congress", "festival": "festival", "mon": "my", "ma": "my", "mes": "my",
           "notre": "our", "nos": "our", "la veille de": "the day before", "la veille du": "the day before the",
           "le lendemain de": "the day after", "le lendemain du": "the day after the", "la semaine avant": "the week before",
           "la semaine après": "the week after", "le premier jour de": "on the first day of",
           "le premier jour du": "on the first day of the", "le dernier jour de": "on the last day of"},
    "es": {"viaje": "trip", "vacaciones": "holidays", "boda": "wedding", "conferencia": "conference", "congreso": "congress",
           "festival": "festival", "mi": "my", "mis": "my", "nuestro": "our", "nuestra": "our",
           "el día antes de": "the day before", "el día después de": "the day after", "la semana antes de": "the week before",
           "la semana después de": "the week after", "el primer día de": "on the first day of",
           "el último día de": "on the last day of"},
    "it": {"viaggio": "trip", "vacanza": "holiday", "vacanze": "holidays", "matrimonio": "wedding", "nozze": "wedding",
           "conferenza": "conference", "congresso": "congress", "festival": "festival", "mio": "my", "mia": "my",
           "il mio": "my", "la mia": "my", "nostro": "our", "nostra": "our", "il nostro": "our", "la nostra": "our",
           "prima del mio": "before my", "prima della mia": "before my", "dopo il mio": "after my", "dopo la mia": "after my",
           "il giorno prima del": "the day before the", "il giorno dopo il": "the day after the",
           "la settimana dopo il": "the week after the", "il primo giorno del": "on the first day of the"},
    "pt": {"viagem": "trip", "férias": "holidays", "casamento": "wedding", "conferência": "conference", "congresso": "congress",
           "festival": "festival", "meu": "my", "minha": "my", "o meu": "my", "a minha": "my", "nosso": "our", "nossa": "our",
           "antes da minha": "before my", "antes do meu": "before my", "depois da minha": "after my", "depois do meu": "after my",
           "antes da": "before the", "depois da": "after the", "no dia antes da": "the day before the",
           "no dia antes do": "the day before the", "na semana depois do": "the week after the",
           "no primeiro dia do": "on the first day of the", "no primeiro dia da": "on the first day of the"},
    "el": {"ταξίδι": "trip", "ταξιδιού": "trip", "διακοπές": "holidays", "διακοπών": "holidays", "γάμο": "wedding",
           "γάμος": "wedding", "γάμου": "wedding", "συνέδριο": "conference", "συνεδρίου": "conference", "φεστιβάλ": "festival",
           "το ταξίδι μου": "my trip", "ταξίδι μου": "my trip", "τις διακοπές μου": "my holidays", "διακοπές μου": "my holidays",
           "τον γάμο μου": "my wedding", "τη μέρα πριν": "the day before", "την εβδομάδα μετά": "the week after"},
    "nl": {"reis": "trip", "reisje": "trip", "vakantie": "holiday", "bruiloft": "wedding", "trouwerij": "wedding", "conferentie": "conference",
           "congres": "congress", "festival": "festival", "mijn": "my", "onze": "our", "ons": "our", "de dag voor": "the day before",
           "de dag na": "the day after", "de week voor": "the week before", "de week na": "the week after",
           "op de eerste dag van": "on the first day of", "op de laatste dag van": "on the last day of"},
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
    "nl": {"Groot-Brittannië": "GB", "Engeland": "GB", "Schotland": "GB", "Holland": "NL", "Korea": "KR", "Amerika": "US",
           "VS": "US"},
}

# How a question opens, as the English the question grammar reads ("Wie oft war ich schwimmen?" -> "how often did I
# war ich schwimmen?"; the inverted verb left behind is a frame word of its language). Only at the message's start.
# Spelled exactly (accents too): "cuándo" asks, "cuando" may begin a memory ("Cuando fui a Madrid, ...").
QUESTION_OPENINGS: dict[str, dict[str, str]] = {
    "de": {"wo war ich": "where was I", "wo waren wir": "where were we", "wann war ich": "when was I", "wann waren wir": "when were we",
           "wie oft": "how often did I", "wie häufig": "how often did I", "wie viele male": "how many times did I",
           "wie viel mal": "how many times did I", "wie viele tage": "how many days did I", "wann": "when did I",
           "um wie viel uhr": "what time did I", "um wieviel uhr": "what time did I", "an welchem tag": "on which day did I",
           "welche farbe": "what colour was", "welcher farbe": "what colour was", "wie lange": "how long did I", "wie weit": "how far did I",
           "wie viele": "how many", "wieviele": "how many", "wer": "who", "mit wem": "who did I", "in welcher stadt": "in which city did I"},
    "fr": {"où étais je": "where was I", "où étions nous": "where were we", "quand étais je": "when was I",
           "combien de fois": "how many times did I", "à quelle fréquence": "how often did I", "quand": "when did I",
           "à quelle heure": "what time did I", "quel jour": "which day did I", "de quelle couleur": "what colour was",
           "quelle couleur": "what colour was", "combien de temps": "how long did I", "quelle distance": "how far did I",
           "combien de jours": "how many days did I", "combien de": "how many", "avec qui": "who did I",
           "dans quelle ville": "in which city did I"},
    "es": {"dónde estaba": "where was I", "dónde estuve": "where was I", "dónde estábamos": "where were we",
           "cuántas veces": "how many times did I", "con qué frecuencia": "how often did I", "cada cuánto": "how often did I",
           "cuándo": "when did I", "a qué hora": "what time did I", "qué día": "which day did I", "dónde": "where did I",
           "adónde": "where did I", "de qué color": "what colour was", "qué color": "what colour was", "cuánto tiempo": "how long did I",
           "qué distancia": "how far did I", "cuántos días": "how many days did I", "cuántos": "how many", "cuántas": "how many",
           "quién": "who", "con quién": "who did I", "en qué ciudad": "in which city did I"},
    "it": {"dove ero": "where was I", "dove eravamo": "where were we", "quando ero": "when was I",
           "quante volte": "how many times did I", "ogni quanto": "how often did I", "con che frequenza": "how often did I",
           "a che ora": "what time did I", "che giorno": "which day did I", "di che colore": "what colour was", "che colore": "what colour was",
           "quanto tempo": "how long did I", "per quanto tempo": "how long did I", "quanti giorni": "how many days did I",
           "quanti": "how many", "quante": "how many", "con chi": "who did I", "in quale città": "in which city did I"},
    "pt": {"onde estava": "where was I", "onde estive": "where was I", "onde estávamos": "where were we",
           "quantas vezes": "how many times did I", "com que frequência": "how often did I", "a que horas": "what time did I",
           "que dia": "which day did I", "de que cor": "what colour was", "que cor": "what colour was", "quanto tempo": "how long did I",
           "quantos dias": "how many days did I", "quantos": "how many", "quantas": "how many", "com quem": "who did I",
           "em que cidade": "in which city did I"},
    "el": {"πού ήμουν": "where was I", "πού ήμασταν": "where were we", "πότε ήμουν": "when was I",
           "πόσες φορές": "how many times did I", "πόσο συχνά": "how often did I", "τι ώρα": "what time did I",
           "τι χρώμα": "what colour was", "πόσο καιρό": "how long did I", "πόση ώρα": "how long did I", "πόσες μέρες": "how many days did I",
           "πόσοι": "how many", "πόσα": "how many", "πόσες": "how many", "με ποιον": "who did I", "σε ποια πόλη": "in which city did I"},
    "nl": {"waar was ik": "where was I", "waar waren we": "where were we", "wanneer was ik": "when was I",
           "hoe vaak": "how often did I", "hoeveel keer": "how many times did I", "hoeveel keren": "how many times did I",
           "hoe laat": "what time did I", "welke dag": "which day did I", "welke kleur": "what colour was", "hoe lang": "how long did I",
           "hoe ver": "how far did I", "hoeveel dagen": "how many days did I", "hoeveel": "how many", "met wie": "who did I",
           "in welke stad": "in which city did I"},
}
# Question words that may as well begin a memory ("Où nous avons dîné ...", "Wo wir waren ..."): a question only when the
# message ends with "?" (Greek ";") or opens with "¿".
QUESTION_WORDS_ASKED: dict[str, dict[str, str]] = {
    "de": {"wo": "where did I", "wohin": "where did I", "was": "what did I", "welche": "which", "welcher": "which", "welches": "which"},
    "fr": {"où": "where did I", "ou": "where did I", "qui": "who", "que": "what did I", "qu est ce que": "what did I", "quel": "which",
           "quelle": "which", "quels": "which", "quelles": "which", "combien": "how many"},
    "es": {"cuando": "when did I", "donde": "where did I", "quien": "who", "qué": "what did I", "que": "what did I", "cuál": "which",
           "cual": "which", "cuáles": "which"},
    "it": {"quando": "when did I", "dove": "where did I", "chi": "who", "che cosa": "what did I", "cosa": "what did I", "che": "what did I",
           "quale": "which", "quali": "which"},
    "pt": {"quando": "when did I", "onde": "where did I", "quem": "who", "o que": "what did I", "que": "what did I", "qual": "which",
           "quais": "which"},
    "el": {"πότε": "when did I", "πού": "where did I", "ποιος": "who", "ποια": "which", "ποιο": "which", "τι": "what did I"},
    "nl": {"wanneer": "when did I", "waar": "where did I", "waarheen": "where did I", "wie": "who", "wat": "what did I",
           "welke": "which", "welk": "which"},
}
# Verbs a question is framed with ("Où ai-je dormi", "Wo habe ich übernachtet"): read as the English verb the answering
# rules know (where one slept asks for the nights), and never looked for in the photos' words.
FRAME_VERBS: dict[str, dict[str, str]] = {
    "de": {"geschlafen": "slept", "übernachtet": "stayed", "gewohnt": "stayed", "gegessen": "ate", "gewesen": "been"},
    "fr": {"dormi": "slept", "logé": "stayed", "logée": "stayed", "séjourné": "stayed", "mangé": "ate", "été": "been"},
    "es": {"dormí": "slept", "dormimos": "slept", "alojé": "stayed", "alojamos": "stayed", "quedé": "stayed", "comí": "ate",
           "comimos": "ate", "estuve": "was", "estuvimos": "were"},
    "it": {"dormito": "slept", "alloggiato": "stayed", "soggiornato": "stayed", "mangiato": "ate", "stato": "been"},
    "pt": {"dormi": "slept", "dormimos": "slept", "hospedei": "stayed", "fiquei": "stayed", "comi": "ate", "comemos": "ate"},
    "el": {"κοιμήθηκα": "slept", "έμεινα": "stayed", "μείναμε": "stayed", "έφαγα": "ate", "φάγαμε": "ate"},
    "nl": {"geslapen": "slept", "overnacht": "stayed", "verbleven": "stayed", "gegeten": "ate", "geweest": "been"},
}
