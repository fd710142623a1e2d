"""Questions asked in the user's own language: the kind is read from how the question opens ("Wie oft", "¿Dónde
estaba", "Hoe vaak"), the time and place as for memories, and the answer is the English question's answer. A word
the photos don't have in that language is named as not found ("schwimmen"), never dropped and never "Never"."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from test_honesty import DUBLIN, ROME, _commit, _life  # the same small life: captions in English, a gym and a cinema by name

from assistant.answers import answer_question


@pytest.fixture(scope="module")
def life(tmp_path_factory):
    photos, _ = _life()
    return _commit(tmp_path_factory.mktemp("languages") / "lib", photos)


@pytest.mark.parametrize("question", [
    "How many times did I go to IronWorks in March 2019?",
    "Wie oft war ich im März 2019 bei IronWorks?",
    "Combien de fois suis-je allé à IronWorks en mars 2019 ?",
    "¿Cuántas veces fui a IronWorks en marzo de 2019?",
    "Quante volte sono andato a IronWorks a marzo 2019?",
    "Hoe vaak ben ik in maart 2019 naar IronWorks gegaan?",
])
def test_a_count_asked_in_another_language_is_the_english_count(life, question):
    answer = answer_question(life, question)
    assert answer.value == answer_question(life, "How many times did I go to IronWorks in March 2019?").value == 13, answer.text


@pytest.mark.parametrize("question", ["Where was I on 22 March 2019?", "Où étais-je le 22 mars 2019 ?",
                                      "¿Dónde estaba el 22 de marzo de 2019?", "Waar was ik op 22 maart 2019?"])
def test_where_one_was_is_asked_the_same_in_every_language(life, question):
    answer = answer_question(life, question)
    assert (answer.value, answer.confidence) == ("Rome", "likely"), answer.text


def test_when_one_was_last_somewhere_in_german(life):
    assert answer_question(life, "Wann war ich zuletzt bei PC World?").value == "2019-03-09"


def test_a_word_of_the_question_no_photo_has_is_named(life):
    answer = answer_question(life, "Wie oft war ich im März 2019 schwimmen?")
    assert answer.value is None and answer.confidence == "unsure" and "'schwimmen'" in answer.text, answer.text
    assert "'ich'" not in answer.text and "'war'" not in answer.text  # its grammar words only frame it


@pytest.fixture(scope="module")
def nights_in_rome(tmp_path_factory):
    """Three days in Rome between days at home: evenings and breakfasts at the hotel, days at the Colosseum."""
    photos = []

    def stay(start: datetime, minutes: int, caption: str, name: str, place: dict, lat: float, lng: float):
        photos.extend((start + timedelta(minutes=minute), caption, name, place, lat, lng, "") for minute in range(0, minutes + 1, 10))

    for day in range(1, 12):
        date = datetime(2019, 6, day)
        if 4 <= day <= 6:
            stay(date.replace(hour=7, minute=30), 30, "a plate of food on a table in a hotel breakfast room", "Hotel Artemide", ROME, 41.9003, 12.4946)
            stay(date.replace(hour=10), 240, "people walking near an ancient stone arena", "Colosseum", ROME, 41.8902, 12.4922)
            stay(date.replace(hour=21), 90, "a bed with white sheets in a hotel room", "Hotel Artemide", ROME, 41.9003, 12.4946)
        else:
            stay(date.replace(hour=8), 30, "a kitchen with a bowl of cereal on the table", "Home", DUBLIN, 53.35, -6.26)
            stay(date.replace(hour=20), 60, "a living room with a television", "Home", DUBLIN, 53.35, -6.26)
    return _commit(tmp_path_factory.mktemp("nights") / "lib", photos)


@pytest.mark.parametrize("question", ["Where did I sleep in Rome?", "Où ai-je dormi à Rome ?", "Wo habe ich in Rom übernachtet?",
                                      "¿Dónde dormí en Roma?", "Waar heb ik in Rome geslapen?"])
def test_where_one_slept_is_where_the_nights_were_in_every_language(nights_in_rome, question):
    answer = answer_question(nights_in_rome, question)
    assert answer.value == "Hotel Artemide", answer.text
