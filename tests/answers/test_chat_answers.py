"""Questions in the chat, on the synthetic year: the answer first with its evidence as the moments, and the
follow-ups ("and in September?", "show me", "no, the other one"), checked against the facts the year was drawn from."""

from __future__ import annotations

import copy

import pytest
from devset import DEV_SPEC

from assistant.chat import Assistant, ChatState
from assistant.library import Library
from assistant.testing.life import life_year, write_life_library


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    stays = life_year(DEV_SPEC)
    folder = write_life_library(tmp_path_factory.mktemp("chat") / "lib", stays)
    return Assistant(Library.open(folder), None), stays


def of(stays, kind, month=None):
    return [stay for stay in stays if stay.kind == kind and (month is None or stay.start.month == month)]


def photos(stays) -> set[str]:
    return {image_id for stay in stays for image_id in stay.image_ids}


def shown_photos(turn) -> set[str]:
    return {image_id for moment in turn.moments for image_id in moment["matching_ids"]}


def conversation(assistant, *messages):
    """Each message's turn, the state carried from one to the next as the screen carries it (deep-copied)."""
    state, turns = ChatState(), []
    for message in messages:
        turns.append(assistant.respond(state, message))
        state = copy.deepcopy(turns[-1].state)
    return turns


def test_a_question_gets_the_answer_first_and_its_evidence_as_the_moments(world):
    assistant, stays = world
    cinema = of(stays, "cinema")
    (turn,) = conversation(assistant, "How many times did I go to the cinema in 2019?")
    assert turn.reply.startswith(f"{len(cinema)} times.")
    first = cinema[0].start
    assert f"{first:%a} {first.day} {first:%b %Y}" in turn.reply  # how it was reached: the visits, listed
    answer = turn.to_api()["answer"]
    assert {key: answer[key] for key in ("kind", "value")} == {"kind": "frequency", "value": len(cinema)}
    assert answer["text"] == f"{len(cinema)} times." and answer["evidence"]
    assert turn.moments and shown_photos(turn) == set(answer["evidence"]) <= photos(cinema)
    assert [hit["image_id"] for hit in turn.to_api()["results"]] == list(turn.state.shown)


def test_a_memory_has_no_answer(world):
    assistant, _ = world
    (turn,) = conversation(assistant, "swimming laps in an indoor pool")
    assert turn.to_api()["answer"] is None and turn.moments


def test_and_in_another_month_asks_again_in_that_scope(world):
    assistant, stays = world
    swims, cinema = of(stays, "swim"), of(stays, "cinema")
    whole_year, september, other_subject, next_year = conversation(
        assistant, "How many times did I go swimming in 2019?", "and in September?", "what about the cinema?", "and in 2020?",
    )
    assert whole_year.state.asked.value == len(swims)
    assert september.state.asked.value == len(of(stays, "swim", 9)) and shown_photos(september) <= photos(of(stays, "swim", 9))
    assert september.reply.startswith(september.state.asked.answer.text)  # a follow-up is answered first, too
    assert other_subject.state.asked.value == len(of(stays, "cinema", 9)) and shown_photos(other_subject) <= photos(cinema)
    assert next_year.state.asked.value is None and "no photos from" in next_year.reply  # the year ends in 2019
    assert not next_year.moments


def test_show_me_opens_the_first_evidence_moment(world):
    assistant, stays = world
    answered, shown = conversation(assistant, "When did I last get a haircut?", "show me")
    last_cut = of(stays, "haircut")[-1]
    assert answered.state.asked.value == f"{last_cut.start:%Y-%m-%d}"
    assert shown.opened is not None and shown.opened == shown.moments[0]
    assert shown.opened["best"]["image_id"] in last_cut.image_ids and shown.to_api()["opened"] == shown.opened["best"]["image_id"]
    assert "show me" not in shown.reply.lower() and shown.state.asked == answered.state.asked


def test_the_other_one_steps_through_the_candidates(world):
    assistant, stays = world
    turns = conversation(assistant, "Where did I have lunch in March 2019?", "no, the other one", "the other one", "the other one")
    lunch_at: dict[str, set[str]] = {}
    for stay in of(stays, "lunch", 3):
        lunch_at.setdefault(stay.venue.name, set()).update(stay.image_ids)
    answer = turns[0].state.asked.answer
    assert answer.confidence != "sure" and 2 <= len(answer.candidates) <= 3
    assert "no, the other one" in turns[0].reply
    seen = [turn.state.asked.value for turn in turns]
    assert seen[:len(answer.candidates)] == [candidate.value for candidate in answer.candidates]
    assert len(set(seen[:len(answer.candidates)])) == len(answer.candidates)  # each a different place
    for turn in turns[1:len(answer.candidates)]:
        value = turn.state.asked.value
        assert value in lunch_at and turn.moments and shown_photos(turn) <= lunch_at[value]  # that place's own lunches
        assert value in turn.reply and turn.to_api()["answer"]["value"] == value
    assert seen[len(answer.candidates)] == seen[0]  # after the last, round to the first


def test_a_confident_answer_has_no_other(world):
    assistant, stays = world
    answered, other = conversation(assistant, "When did I last go to the dentist?", "no, the other one")
    assert answered.state.asked.answer.confidence == "sure"
    assert other.reply.startswith("There is no other") and other.keeps_screen
    assert other.state.asked == answered.state.asked


def test_last_is_relative_to_the_librarys_last_photo(world):
    assistant, stays = world
    (turn,) = conversation(assistant, "How many times did I go swimming this month?")  # the year's last month, not today's
    december = of(stays, "swim", 12)
    assert december and turn.state.asked.value == len(december) and shown_photos(turn) <= photos(december)


def test_a_question_after_a_search_is_asked_afresh(world):
    assistant, stays = world
    _, answered = conversation(assistant, "having coffee at a cafe", "When did I last get a haircut?")
    assert [chip.label for chip in answered.state.chips()] == ["looking for: get a haircut"]
    assert answered.state.asked.value == f"{of(stays, 'haircut')[-1].start:%Y-%m-%d}"


def test_a_memory_after_an_answer_is_searched_for(world):
    assistant, _ = world
    _, searched = conversation(assistant, "When did I last go to the cinema?", "show me photos of walking in the park")
    assert searched.to_api()["answer"] is None and searched.opened is None  # "show me" is a follow-up only as the whole message
    assert searched.state.query.question is None and "cinema" not in searched.state.query.describe()  # a search of its own
    assert searched.moments


def test_the_state_with_an_answer_deep_copies(world):
    assistant, _ = world
    _, other = conversation(assistant, "Where did I have lunch in March 2019?", "no, the other one")
    assert copy.deepcopy(other.state) == other.state



def test_a_time_correction_replaces_the_time_it_corrects(world):
    """ "no, it was in April" corrects "March 2019": April replaces it (and the Fridays left out stay left out)."""
    assistant, stays = world
    *_, corrected = conversation(assistant, "lifting weights at the gym in March 2019", "not on Fridays", "no, it was in April")
    labels = [chip.label for chip in corrected.state.chips()]
    assert not any("March" in label for label in labels) and any("April" in label for label in labels)
    april_gym = {stay.start.date() for stay in of(stays, "gym", 4) if stay.start.weekday() != 4}
    shown_days = {moment["best"]["local_time"][:10] for moment in corrected.matching}
    assert shown_days and shown_days <= {day.isoformat() for day in april_gym}


def test_a_follow_up_question_keeps_the_scope_of_the_last(world):
    """ "When did I go to Rome?" then "Which hotel did I stay in?": the Rome hotel, not Lisbon's or Paris's."""
    assistant, stays = world
    rome_hotel = next(stay.venue.name for stay in stays if stay.kind == "hotel" and stay.venue.city == "Rome")
    *_, hotel = conversation(assistant, "When did I go to Rome?", "Which hotel did I stay in?")
    assert hotel.state.asked.value == rome_hotel


def test_a_question_moved_to_another_place_keeps_its_subject_or_says_it_is_not_there(world):
    """ "When did I last go to the dentist?" then "what about Rome?": no dentist in Rome, so no answer about Rome's hotel."""
    assistant, _ = world
    *_, rome = conversation(assistant, "When did I last go to the dentist?", "what about Rome?")
    assert rome.state.asked.value is None and "'dentist'" in rome.reply


def test_a_correction_of_the_time_of_day_admits_nothing_outside_it(world):
    assistant, _ = world
    *_, afternoon = conversation(assistant, "having coffee at a cafe on a Saturday morning", "No, it was in the afternoon")
    hours = [int(moment["best"]["local_time"][11:13]) for moment in afternoon.moments]
    assert hours and all(12 <= hour < 18 for hour in hours), hours
