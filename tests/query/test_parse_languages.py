"""Memories in the user's own language: time and places in German, French, Spanish, Italian, Portuguese, Greek
and Dutch, read by the one grammar; a mixed message; nothing invented from titles, prices and model numbers."""

from datetime import datetime

import pytest

from assistant.query import parse_query
from assistant.query.language import detect_languages

NOW = datetime(2020, 6, 30, 23, 59)  # a Tuesday


def _admits(text: str, moment: str, language: str | None = None) -> bool:
    query = parse_query(text, now=NOW, language=language)
    return bool(query.time) and query.time.admits(datetime.fromisoformat(moment))


# (text, a moment it must admit, a moment it must not)
TIMES = [
    # German
    ("Kaffee mit Freunden an einem Samstagnachmittag im Mai 2019", "2019-05-18T15:30", "2019-05-19T15:30"),
    ("letzten Januar beim Skifahren", "2020-01-14T11:00", "2019-01-14T11:00"),
    ("um 20 Uhr im Restaurant, am 3. Mai 2019", "2019-05-03T20:10", "2019-05-03T09:00"),
    ("Weihnachten 2019 bei meinen Eltern", "2019-12-25T14:00", "2019-11-25T14:00"),
    ("vor zwei Wochen auf dem Markt", "2020-06-16T10:00", "2020-04-16T10:00"),
    ("gestern Abend ein Bier", "2020-06-29T21:00", "2020-06-27T21:00"),
    ("um halb acht abends im Kino", "2019-05-03T19:30", "2019-05-03T21:30"),  # halb acht is 7:30, not half eight
    ("um 20.30 Uhr im Theater", "2019-05-03T20:30", "2019-05-03T09:00"),
    # French
    ("l'été dernier au bord de la mer", "2019-07-20T15:00", "2020-01-20T15:00"),
    ("à 8h30 le 3 mai 2019", "2019-05-03T08:35", "2019-05-04T08:35"),
    ("à huit heures et demie du soir", "2019-05-03T20:30", "2019-05-03T18:00"),
    ("le 1er mai, un pique-nique", "2019-05-01T13:00", "2019-05-02T13:00"),
    ("un mardi matin de janvier 2020", "2020-01-21T08:30", "2020-01-22T08:30"),
    ("à Pâques 2019, une chasse aux œufs", "2019-04-21T11:00", "2019-05-21T11:00"),
    ("hier soir, un dîner entre amis", "2020-06-29T20:30", "2020-06-29T09:00"),
    # Spanish
    ("hace dos semanas, unas tapas", "2020-06-16T21:00", "2020-03-16T21:00"),
    ("el 3 de mayo de 2019 a las ocho de la tarde", "2019-05-03T20:00", "2019-05-03T08:00"),
    ("el sábado pasado por la noche", "2020-06-27T22:00", "2020-06-24T22:00"),
    ("en Navidad de 2019, una comida familiar", "2019-12-25T14:30", "2019-07-25T14:30"),
    # Italian
    ("ieri sera, un aperitivo", "2020-06-29T19:30", "2020-06-29T08:00"),
    ("alle otto di sera, un venerdì di ottobre 2019", "2019-10-18T20:00", "2019-10-18T08:00"),
    ("l'estate scorsa, una pizza sul lungomare", "2019-07-30T21:00", "2020-01-30T21:00"),
    ("due settimane fa, una passeggiata", "2020-06-16T16:00", "2020-02-16T16:00"),
    # Portuguese
    ("no fim de semana passado, um almoço em família", "2020-06-27T13:30", "2020-06-24T13:30"),
    ("às 20h, um jantar numa sexta-feira de maio de 2019", "2019-05-17T20:10", "2019-05-17T10:00"),
    ("há duas semanas, um passeio pela praia", "2020-06-16T17:00", "2020-01-16T17:00"),
    ("no Natal de 2019, a ceia", "2019-12-24T21:00", "2019-10-24T21:00"),
    # Greek
    ("ένα πρωί Τετάρτης του 2019", "2019-09-11T09:30", "2019-09-12T09:30"),
    ("την περασμένη Τρίτη", "2020-06-23T10:00", "2020-06-25T10:00"),
    ("το Πάσχα του 2019 στο χωριό", "2019-04-28T13:00", "2019-04-21T13:00"),  # Orthodox Easter, not Western
    ("χθες το βράδυ, φαγητό με φίλους", "2020-06-29T21:30", "2020-06-29T08:00"),
    ("πριν από δύο εβδομάδες", "2020-06-16T18:00", "2020-01-16T18:00"),
    ("στις 3 Μαΐου 2019", "2019-05-03T12:00", "2019-06-03T12:00"),
    ("στις οκτώ και μισή το βράδυ", "2019-05-03T20:30", "2019-05-03T18:00"),
    ("την 1η Μαΐου, ένα πικνίκ", "2019-05-01T13:00", "2019-05-02T13:00"),
    ("πήγα για κολύμπι τον Μάιο", "2019-05-12T10:00", "2019-06-12T10:00"),  # the month in the accusative: in May
    # Dutch
    ("vorige zomer fietsen langs de grachten", "2019-07-20T15:00", "2020-01-20T15:00"),
    ("afgelopen dinsdag lunch met collega's", "2020-06-23T12:30", "2020-06-24T12:30"),
    ("kerstavond 2019 bij mijn ouders", "2019-12-24T19:00", "2019-12-26T19:00"),
    ("twee weken geleden een wandeling", "2020-06-16T16:00", "2020-04-16T16:00"),
    ("om half acht 's avonds in de bioscoop", "2019-05-03T19:30", "2019-05-03T21:30"),  # half acht is 7:30
    ("eind maart 2019 naar het strand", "2019-03-28T15:00", "2019-03-05T15:00"),
]


@pytest.mark.parametrize("text, inside, outside", TIMES)
def test_time_in_the_users_language(text, inside, outside):
    query = parse_query(text, now=NOW)
    assert query.time, text
    assert query.time.admits(datetime.fromisoformat(inside)), query.describe()
    assert not query.time.admits(datetime.fromisoformat(outside)), query.describe()


# (text, a position it must admit, a far one it must not)
DUBLIN, MUNICH, LISBON, THESSALONIKI, SEOUL, DAEJEON_STATION, BUSAN = (
    (53.3498, -6.2603), (48.1372, 11.5756), (38.7223, -9.1393), (40.6401, 22.9444), (37.5665, 126.978), (36.3324, 127.4343),
    (35.1796, 129.0756))
PLACES = [
    ("una cena a Dublino con i colleghi", DUBLIN, LISBON),
    ("φαγητό στο Δουβλίνο", DUBLIN, THESSALONIKI),
    ("ένα απόγευμα στη Λισαβόνα", LISBON, DUBLIN),  # as Greeks write it; GeoNames has only "Λισαβώνα"
    ("ένα απόγευμα στη Λισσαβώνα", LISBON, DUBLIN),
    ("um passeio em Lisboa", LISBON, DUBLIN),
    ("ein Bier in München", MUNICH, DUBLIN),
    ("une semaine en Irlande", (53.27, -9.05), MUNICH),
    ("eine Dienstreise nach Südkorea", SEOUL, DUBLIN),
    ("ένα ταξίδι στην Ιρλανδία", (53.27, -9.05), THESSALONIKI),
    ("un viaje de trabajo a Irlanda", (53.27, -9.05), LISBON),
    ("un café à la gare de Daejeon", DAEJEON_STATION, BUSAN),
    ("en el aeropuerto de Dublín", (53.4264, -6.2499), LISBON),
    ("στο αεροδρόμιο της Θεσσαλονίκης", (40.5197, 22.9709), (37.9838, 23.7275)),
    ("un sandwich devant la gare de Daejeon", DAEJEON_STATION, SEOUL),
    ("ein Wochenende in Großbritannien", (51.5072, -0.1276), DUBLIN),
    ("een lang weekend in Engeland met mijn vrienden", (51.5072, -0.1276), DUBLIN),
    ("koffie op het vliegveld van Dublin", (53.4264, -6.2499), LISBON),
]


@pytest.mark.parametrize("text, inside, outside", PLACES)
def test_places_by_their_local_and_foreign_names(text, inside, outside):
    query = parse_query(text, now=NOW)
    assert query.place.terms, text
    assert query.place.admits(*inside), query.describe()
    assert not query.place.admits(*outside), query.describe()


@pytest.mark.parametrize("text, named, quoted", [
    ("Nous avons vu « Dernier train pour Busan » à la gare de Daejeon", DAEJEON_STATION, BUSAN),
    ("Wir haben „Der Himmel über Berlin“ im Kino in Dublin gesehen", DUBLIN, (52.52, 13.405)),
    ("Vimos «Un verano en Lisboa» en un cine de Dublín", DUBLIN, LISBON),
])
def test_a_place_inside_a_quoted_title_is_no_filter(text, named, quoted):
    query = parse_query(text, now=NOW)
    assert query.place.admits(*named), query.describe()
    assert not query.place.admits(*quoted), query.describe()
    assert "»" in query.visual or "“" in query.visual or "»" in query.visual, query.visual  # the title stays for the pixels


@pytest.mark.parametrize("text, named, titled", [
    ("Nous avons vu le film Dernier train pour Busan à la gare de Daejeon", DAEJEON_STATION, BUSAN),
    ("Wir haben den Film Der Himmel über Berlin im Kino in Dublin gesehen", DUBLIN, (52.52, 13.405)),
    ("Vimos la película Un verano en Lisboa en un cine de Dublín", DUBLIN, LISBON),
])
def test_a_place_in_a_film_named_without_quotes_is_no_filter(text, named, titled):
    query = parse_query(text, now=NOW)
    assert query.place.admits(*named), query.describe()
    assert not query.place.admits(*titled), query.describe()


@pytest.mark.parametrize("text", [
    "Une affiche du film « Un dimanche à la campagne » au cinéma.",
    "Ein Samsung Galaxy S10 für 299 Euro im Schaufenster.",
    "Un cartel de la película «Lunes al sol» en la pared.",
    "Una Fiat 500 parcheggiata davanti a casa, prezzo 12.900 euro.",
    "O livro «Ensaio sobre a cegueira» em cima da mesa.",
    "Μια αφίσα της ταινίας «Κυριακή του Αυγούστου» στον τοίχο.",
    "Un bus numéro 2019 dans la rue.",
    "Ένα λεωφορείο της γραμμής 2019 στο δρόμο.",
    "Zwei Tassen Kaffee und ein Teller mit Kuchen.",
    "Nous avons été au cinéma avec des amis.",  # "été", been, is no summer
    "Llegamos tarde a casa después del cine.",  # "tarde", late, is no afternoon
])
def test_no_time_is_invented(text):
    assert not parse_query(text, now=NOW).time, parse_query(text, now=NOW).describe()


@pytest.mark.parametrize("text, kept", [
    ("Há um café perto da praia", "Há um café perto da praia"),  # "há", there is, is no "ago" and no "before"
    ("Vor dem Kino ein Eis", "Vor dem Kino ein Eis"),  # "vor dem Kino" is in front of it
])
def test_ago_words_that_are_not_ago(text, kept):
    query = parse_query(text, now=NOW)
    assert not query.time and not query.preceded_by and not query.followed_by, query.describe()
    assert query.visual == kept


@pytest.mark.parametrize("text, moment, position", [
    ("Coffee in München letzten Sonntag um 8 Uhr", "2020-06-28T08:10", MUNICH),
    ("Dinner in Lisboa l'été dernier, around 9pm", "2019-07-20T21:00", LISBON),
    ("Un café en Dublín, last Friday evening", "2020-06-26T19:30", DUBLIN),
])
def test_a_message_that_mixes_languages(text, moment, position):
    query = parse_query(text, now=NOW)
    assert query.time.admits(datetime.fromisoformat(moment)), query.describe()
    assert query.place.admits(*position), query.describe()


@pytest.mark.parametrize("text, languages", [
    ("Friends outside a bar in Dublin on a Friday evening in September 2019", ("en",)),
    ("We had crêpes at a café in Montréal", ("en",)),
    ("Kaffee mit Freunden an einem Samstagnachmittag im Mai 2019 in München", ("de",)),
    ("ένα πρωί Τετάρτης του 2016 στη Θεσσαλονίκη", ("el",)),
    ("ieri sera con gli amici a Dublino", ("it",)),
    ("afgelopen dinsdag lunch met collega's in Utrecht", ("nl",)),
    ("We took a van to the beach in de Haan", ("en",)),
])
def test_the_language_of_a_message(text, languages):
    assert detect_languages(text)[:len(languages)] == languages


def test_the_language_can_be_given():
    # "fin" is no word of English: told it is French, "fin mai" is late May; left to English, nothing.
    assert _admits("fin mai 2019", "2019-05-28T12:00", language="fr")
    assert not _admits("fin mai 2019", "2019-05-02T12:00", language="fr")


@pytest.mark.parametrize("text, language, inside, outside", [
    ("vorige week in Amsterdam", "nl", "2020-06-24T12:00", "2020-05-24T12:00"),
    ("op vrijdag 3 mei 2019", "nl", "2019-05-03T12:00", "2019-05-04T12:00"),
])
def test_any_language_dateparser_knows_when_told(text, language, inside, outside):
    assert _admits(text, inside, language=language)
    assert not _admits(text, outside, language=language)


def test_a_script_the_gazetteer_does_not_keep_names_no_place():
    assert not parse_query("в прошлую субботу в Москве", now=NOW, language="ru").place.terms


def test_english_is_read_as_before():
    text = "Friends outside a bar in Dublin. It was a Friday evening in September 2019."
    assert parse_query(text, now=NOW).to_dict() == parse_query(text, now=NOW, language="en").to_dict()


def test_the_parse_command_takes_a_language(tmp_path, monkeypatch, capsys):
    from assistant.cli import main

    monkeypatch.setenv("LIFELOG_LIBRARY", str(tmp_path))  # an empty folder: no library, parsing alone
    monkeypatch.delenv("LIFELOG_LANGUAGE", raising=False)
    assert main(["parse", "förra veckan", "--now", "2020-06-30T23:59"]) == 0
    assert "last week" not in capsys.readouterr().out  # Swedish is not told from the words: read as English, nothing
    assert main(["parse", "förra veckan", "--now", "2020-06-30T23:59", "--language", "sv"]) == 0
    assert "last week" in capsys.readouterr().out
    monkeypatch.setenv("LIFELOG_LANGUAGE", "sv")
    assert main(["parse", "förra veckan", "--now", "2020-06-30T23:59"]) == 0
    assert "last week" in capsys.readouterr().out


def test_a_memory_whose_only_foreign_words_are_time_words_of_the_grammar_is_read_in_that_language():
    """ "Freitagmorgen" is a German weekday compound: the message is German too, and its time is read."""
    assert detect_languages("Kaffee an einem Freitagmorgen in Dublin") == ("en", "de")
    assert [chip.label for chip in parse_query("Kaffee an einem Freitagmorgen in Dublin", now=NOW).chips()][:2] == ["Fridays", "morning"]


@pytest.mark.parametrize("text, moment, visual", [
    ("Ein Konzert im Sommer letzten Jahres", "2019-07-20T20:00", "Ein Konzert"),  # genitive: "of last year"
    ("Ein Konzert im Herbst dieses Jahres", "2019-10-20T20:00", None),
    ("Een concert met mijn vrienden 's avonds in Utrecht", "2019-10-20T20:00", "Een concert met mijn vrienden"),  # the apostrophe goes with its word
])
def test_words_around_a_time_leave_nothing_behind(text, moment, visual):
    query = parse_query(text, now=NOW)
    if visual is None:  # "dieses Jahres" is 2020: not the autumn before
        assert not query.time.admits(datetime.fromisoformat(moment)), query.describe()
        return
    assert query.time.admits(datetime.fromisoformat(moment)) and query.visual == visual, query.describe()


@pytest.mark.parametrize("text, kind", [
    ("Wie oft war ich letzten Frühling schwimmen?", "frequency"),
    ("Combien de fois suis-je allé nager le printemps dernier ?", "frequency"),
    ("¿Cuántas veces fui a nadar la primavera pasada?", "frequency"),
    ("cuántas veces fui al gimnasio en marzo", "frequency"),  # no "?": the opening alone asks
    ("Quante volte sono andato in palestra a marzo?", "frequency"),
    ("Πόσες φορές πήγα για κολύμπι τον Μάιο του 2019;", "frequency"),
    ("Hoe vaak ben ik vorige lente gaan zwemmen?", "frequency"),
    ("Wann war ich zuletzt beim Zahnarzt?", "time"),
    ("Où ai-je dormi à Lisbonne ?", "location"),
    ("Πού έμεινα στη Θεσσαλονίκη;", "location"),
    ("Welche Farbe hatte mein Regenschirm in Rom?", "color"),
    ("Di che colore era la macchina che ho noleggiato in Islanda?", "color"),
    ("Quanto tempo fiquei em Lisboa?", "duration"),
    ("Mit wem war ich im Kino?", "object"),
    ("Hoe laat kwam ik gisteren op kantoor aan?", "time"),
])
def test_a_question_in_the_users_language_has_its_kind(text, kind):
    question = parse_query(text, now=NOW).question
    assert question is not None and question.kind == kind, parse_query(text, now=NOW).describe()


@pytest.mark.parametrize("text", [
    "Où nous avons dîné à Lisbonne, une terrasse",  # "où" begins a memory too: a question only with "?"
    "Cuando fui a Madrid comí paella",  # "cuando", unlike "cuándo", is "when" in a memory
    "Wo wir am Strand waren, gab es Eis",
    "Was für ein schöner Tag am Meer in Kiel",
    "Quando eravamo a Roma, un gelato vicino al Pantheon",
])
def test_a_memory_that_opens_with_a_question_word_is_no_question(text):
    assert parse_query(text, now=NOW).question is None, parse_query(text, now=NOW).describe()
