"""How each message changes the conversation, on the demo lifelog (no server needed)."""

import copy
from datetime import datetime

import pytest

from assistant.chat import Assistant, ChatState, Replies, clean_message
from assistant.chat.refinement import refine
from assistant.library import Library
from assistant.query import parse_query

NOW = datetime(2019, 5, 12, 23, 0)


@pytest.fixture(scope="module")
def assistant(demo_library, tiny_encoder):
    return Assistant(Library.open(demo_library), tiny_encoder)


def labels(state):
    return [chip.label for chip in state.chips()]


def test_a_new_constraint_is_added(assistant):
    first = assistant.respond(ChatState(), "pints in a pub")
    second = assistant.respond(first.state, "it was on a Friday")
    assert labels(second.state)[0] == "Fridays" and "looking for: pints in a pub" in labels(second.state)
    assert second.result.matched < len(assistant.library)


def test_a_correction_replaces_the_same_kind(assistant):
    turn = assistant.respond(ChatState(), "pints in a pub in the evening")
    assert "evening" in labels(turn.state)
    turn = assistant.respond(turn.state, "actually it was in the afternoon")
    assert "afternoon" in labels(turn.state) and "evening" not in labels(turn.state)
    assert "looking for: pints in a pub" in labels(turn.state)  # the description survives the correction


def test_a_corrected_part_of_the_day_admits_nothing_of_the_part_it_corrects(assistant):
    """The parts of the day overlap on purpose (the afternoon starts at 11:45, the morning ends at 12:30); after
    "no, it was in the afternoon" a moment at 11:48 is the morning the user just ruled out (issue 23)."""
    morning = assistant.respond(ChatState(), "coffee and a croissant on a Saturday morning")
    assert any(moment["best"]["local_time"][11:16] >= "11:45" for moment in morning.moments)  # the overlap is there to rule out
    afternoon = assistant.respond(copy.deepcopy(morning.state), "No, it was in the afternoon")
    times = [moment["best"]["local_time"][11:16] for moment in afternoon.moments]
    assert times and all("12:30" <= time < "18:30" for time in times), times
    assert "afternoon" in labels(afternoon.state) and "not: morning" in labels(afternoon.state)


def test_every_result_passes_the_constraints(assistant):
    turn = assistant.respond(ChatState(), "on Saturday morning")
    query = turn.state.query
    assert turn.moments
    for moment in turn.moments:
        assert query.time.admits(datetime.fromisoformat(moment["best"]["local_time"]))


def test_negation_excludes(assistant):
    turn = assistant.respond(ChatState(), "breakfast")
    turn = assistant.respond(turn.state, "not at home")
    assert "not: Home" in labels(turn.state)
    assert all(moment["best"]["semantic_name"] != "Home" for moment in turn.moments)


def test_references_act_on_results(assistant):
    turn = assistant.respond(ChatState(), "a desk with a laptop")
    second = turn.state.shown[1]
    liked = assistant.respond(turn.state, "more like the second one")
    assert liked.state.example_id == second and liked.moments[0]["best"]["image_id"] == second
    assert f"like: photo {second}" in labels(liked.state)
    rejected = assistant.respond(liked.state, "not that one")
    assert second in rejected.state.unliked
    assert second not in [m["best"]["image_id"] for m in rejected.moments]
    unknown = assistant.respond(turn.state, "more like the ninth one" if len(turn.state.shown) < 9 else "more like number 40")
    assert "can't tell which photo" in unknown.reply


def test_start_over_resets(assistant):
    turn = assistant.respond(ChatState(), "coffee on Friday")
    turn = assistant.respond(turn.state, "start over")
    assert turn.state == ChatState() and "Starting over" in turn.reply


def test_removing_a_chip_reruns_the_search(assistant):
    turn = assistant.respond(ChatState(), "in Thessaloniki on Sunday morning")
    chips = {chip.label: chip for chip in turn.state.chips()}
    dropped = assistant.remove_chips(turn.state, [chips["morning"]])
    assert "morning" not in labels(dropped.state) and dropped.result.matched > turn.result.matched
    assert "Dropped **morning**" in dropped.reply
    both = assistant.remove_chips(turn.state, [chips["Sundays"], chips["morning"]])
    assert labels(both.state) == ["near Thessaloniki"]


def test_no_match_offers_relaxations_as_numbered_choices(assistant):
    turn = assistant.respond(ChatState(), "in Thessaloniki on Thursday")  # the trip was Saturday and Sunday
    assert turn.result.matched == 0
    assert "reply with its number" in turn.reply and turn.state.choices
    assert [choice.offer[:3] for choice in turn.state.choices] == [f"{n}. " for n in range(1, len(turn.state.choices) + 1)]
    assert all(choice.offer in turn.reply for choice in turn.state.choices)  # what the app offers as buttons, the reply says
    picked = assistant.respond(turn.state, "1")
    assert picked.result.matched > 0 and "Trying" in picked.reply


def test_an_ambiguous_place_asks_which_one_and_a_number_picks_it(assistant):
    turn = assistant.respond(ChatState(), "coffee at the airport")
    assert "Which **the airport** did you mean?" in turn.reply
    assert [choice.offer for choice in turn.state.choices] == ["1. Dublin Airport", "2. Thessaloniki Airport Makedonia"]
    picked = assistant.respond(turn.state, "2")
    assert "Thessaloniki Airport Makedonia" in labels(picked.state) and "Dublin Airport" not in " ".join(labels(picked.state))
    assert picked.moments and all("Thessaloniki" in moment["place"] for moment in picked.moments)


def test_empty_message_gets_a_prompt(assistant):
    assert "Tell me what you remember" in assistant.respond(ChatState(), "   ").reply


def test_before_and_after(assistant):
    turn = assistant.respond(ChatState(), "pints in The Brazen Head")
    image_id = next(m["best"]["image_id"] for m in turn.moments if "Brazen" in m["place"])
    before = assistant.around(turn.state, image_id, "before")
    assert before.moments and all(m["end_time"] <= assistant.library.record(assistant.library.row_of(image_id))["local_time"] for m in before.moments)
    after = assistant.around(turn.state, image_id, "after")
    assert all(m["start_time"][:10] == before.moments[0]["start_time"][:10] for m in after.moments)


def test_state_is_deep_copyable(assistant):
    turn = assistant.respond(ChatState(), "a museum in Thessaloniki")
    assert copy.deepcopy(turn.state) == turn.state


def test_refine_keeps_negated_places_and_replaces_positive_ones():
    first = parse_query("in Dublin not at the airport", now=NOW)
    second = parse_query("in Thessaloniki", now=NOW)
    merged = refine(first, second, correction=False)
    assert [t.label for t in merged.place.terms if not t.negated] == [t.label for t in second.place.terms]


def test_replies_come_from_templates():
    replies = Replies()
    assert replies("results", matched=3, shown=2, channels="") == "3 photos fit; here are the best 2 moments."


BAD_INPUT = {
    "empty": "",
    "only white space": " \n\t ",
    "10,000 characters": ("coffee in a pub on a Friday " * 400)[:10_000],
    "one 10,000-character word": "a" * 10_000,
    "emoji": "☕️🍺 in a pub 🇮🇪 on a Friday 🎉",
    "control characters": "coffee\x00 in\x07 a pub\x1b[31m on\u200b a Friday\u202e",
    "a lone surrogate (valid JSON)": "coffee \ud800 in a pub",
    "Greek": "καφές στη Θεσσαλονίκη το Σάββατο",
    "Chinese": "星期五在都柏林的酒吧喝啤酒",
    "SQL injection": "'; DROP TABLE photos; --",
    "HTML": "<script>alert('x')</script> a pub",
    "format braces": "{reply} {0} {summary!r} {__class__} %s %(x)s",
    "only punctuation": "?!...,;",
}


@pytest.mark.parametrize("message", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_gets_a_sensible_reply(assistant, message):
    turn = assistant.respond(ChatState(), message)
    assert turn.reply and len(turn.reply) < 2_500
    assert not any(ord(c) < 32 and c != "\n" for c in turn.reply) and "\ud800" not in turn.reply
    if message.strip():
        assert turn.moments  # nothing in these rules out every photo
    else:
        assert turn.reply == Replies()("empty_message")
    assert assistant.respond(turn.state, "in the evening").moments  # the conversation goes on


def test_a_long_message_is_cut_with_a_notice(assistant):
    turn = assistant.respond(ChatState(), "a pub " * 2_000)
    assert turn.reply.startswith("That was a long message: I read its first 1,000 characters.")
    assert len(turn.state.query.text) <= 1_000


@pytest.mark.parametrize(
    "message, cleaned",
    [("a\x00b", "a b"), ("  a \u200b\u202e b\n", "a b"), ("\ud800", ""), ("naïve café 星期五 😀", "naïve café 星期五 😀"), ("{0}", "{0}")],
)
def test_clean_message(message, cleaned):
    assert clean_message(message) == (cleaned, False)


def test_a_place_said_twice_is_one_constraint():
    parsed = parse_query("coffee in Dublin, yes in Dublin, Dublin", now=NOW)
    assert [term.label for term in parsed.place.terms] == ["near Dublin"]


def test_a_reply_with_nothing_new_to_show_keeps_the_screen(assistant):
    turn = assistant.respond(ChatState(), "a bus")
    assert not turn.keeps_screen and turn.moments
    for talk in (assistant.respond(turn.state, "  "), assistant.respond(turn.state, "more like number 40")):
        assert talk.keeps_screen and talk.moments == [] and talk.state == turn.state


def test_a_reference_before_any_results_asks_for_a_memory_first(assistant):
    turn = assistant.respond(ChatState(), "more like the second one")
    assert turn.keeps_screen and "no moments on screen yet" in turn.reply


# ---- turns: negations, commands, corrections, new memories ----------------------------------------


@pytest.mark.parametrize(
    "first, second, kept",
    [
        ("pints on a Friday", "not on a Saturday", ["Fridays", "not: Saturdays"]),
        ("in 2019", "not in 2020", ["2019", "not: 2020"]),
        ("in March", "not in April", ["March", "not: April"]),
        ("pints in the morning", "actually it was in the evening", ["evening"]),  # a positive of the same kind still replaces
        ("on a Friday", "not on a Friday", ["not: Fridays"]),  # a negation drops what it contradicts
    ],
)
def test_a_negation_is_added_beside_what_was_said(first, second, kept):
    merged = refine(parse_query(first, now=NOW), parse_query(second, now=NOW), correction=second.startswith("actually"))
    assert [f"not: {term.label}" if term.negated else term.label for term in merged.time.terms] == kept


@pytest.mark.parametrize("message", ["start over", "Reset", "clear", "Start over, please.", "new search"])
def test_a_whole_message_command_starts_over(assistant, message):
    turn = assistant.respond(assistant.respond(ChatState(), "coffee on a Friday").state, message)
    assert turn.state == ChatState() and "Starting over" in turn.reply


@pytest.mark.parametrize("message", ["Clear blue sky over the harbour", "Reset button on a vending machine", "Wait staff serving dinner"])
def test_a_memory_that_begins_with_a_command_word_is_a_memory(assistant, message):
    turn = assistant.respond(assistant.respond(ChatState(), "coffee on a Friday").state, message)
    assert "Starting over" not in turn.reply
    assert labels(turn.state) == [f"looking for: {message}"]  # every word kept, "wait" too


@pytest.mark.parametrize("message", ["No, it was in the evening", "Actually it was in the evening", "I mean in the evening", "no it was in the evening"])
def test_a_correction_in_a_corrections_form_replaces(assistant, message):
    turn = assistant.respond(assistant.respond(ChatState(), "pints in a pub in the morning").state, message)
    assert labels(turn.state) == ["evening", "looking for: pints in a pub"]


def test_a_correction_replaces_the_description():
    corrected = refine(parse_query("pints in a pub", now=NOW), parse_query("a bar", now=NOW), correction=True)
    assert corrected.visual == "a bar"


def test_a_new_memory_starts_a_new_search_and_offers_the_previous_one_back(assistant):
    """The four turns of issue 13, tried on the demo as a new user would."""
    state = ChatState()
    for message in ("coffee on a Friday morning in Dublin", "not at home", "When did I go to the pharmacy?"):
        state = assistant.respond(state, message).state
    before = labels(state)
    turn = assistant.respond(state, "a Greek taverna in Thessaloniki on Sunday evening")
    assert labels(turn.state) == ["Sundays", "evening", "near Thessaloniki", "looking for: a Greek taverna"]
    assert turn.reply.startswith("New search: ")
    (back,) = [n for n, choice in enumerate(turn.state.choices, 1) if choice.offer.startswith(f"{n}. Back to the previous search")]
    assert turn.to_api()["choices"][back - 1] in turn.reply  # the API offers it too: reply with its number
    restored = assistant.respond(turn.state, str(back))
    assert labels(restored.state) == before and restored.moments


def test_the_first_two_turns_of_the_scenario_refine(assistant):
    turn = assistant.respond(ChatState(), "coffee on a Friday morning in Dublin")
    turn = assistant.respond(turn.state, "not at home")
    assert labels(turn.state) == ["Fridays", "morning", "near Dublin", "not: Home", "looking for: coffee"]
    assert not turn.state.choices and not turn.reply.startswith("New search")


@pytest.mark.parametrize(
    "detail, description",
    [("with heavy curtains", "a hotel room with heavy curtains"), ("also a laptop", "a hotel room and a laptop")],
)
def test_a_detail_of_the_same_scene_refines_into_one_description(assistant, detail, description):
    turn = assistant.respond(assistant.respond(ChatState(), "a hotel room in Thessaloniki").state, detail)
    assert labels(turn.state) == ["near Thessaloniki", f"looking for: {description}"]
    assert not turn.reply.startswith("New search")


@pytest.mark.parametrize("message", ["1", "the second one", "option 3"])
def test_a_number_with_no_choices_offered_gets_a_reply(assistant, message):
    turn = assistant.respond(assistant.respond(ChatState(), "coffee").state, message)
    assert turn.keeps_screen and "nothing to pick" in turn.reply
    assert assistant.choose(turn.state, 0).keeps_screen and assistant.choose(ChatState(), -1).keeps_screen


def test_a_number_beyond_the_choices_offered_says_so(assistant):
    turn = assistant.respond(ChatState(), "coffee at the airport")  # two airports offered
    assert "no option 7" in assistant.respond(turn.state, "7").reply


# ---- matches first, then what only fits the time and place ----------------------------------------


def test_moments_that_only_fit_the_time_and_place_come_after_the_matches_under_their_own_heading(assistant, monkeypatch):
    import assistant.chat.assistant as chat

    real_search = chat.search

    def flagged(*args, **kwargs):
        """The real search, with every other moment flagged as fitting only the time and place, and the matches
        put first, as search flags and orders them."""
        result = real_search(*args, **kwargs)
        events = [dict(event, matched=n % 2 == 0) for n, event in enumerate(result.events)]
        result.events = sorted(events, key=lambda event: not event["matched"])
        return result

    monkeypatch.setattr(chat, "search", flagged)
    turn = assistant.respond(ChatState(), "coffee on a Friday")
    flags = [moment["matched"] for moment in turn.moments]
    assert flags == sorted(flags, reverse=True) and True in flags and False in flags  # matches first
    assert f"here are the best {flags.count(True)} moments" in turn.reply
    assert f"{flags.count(False)} more that fit only the time and place" in turn.reply
    assert [hit["matched"] for hit in turn.to_api()["results"]] == flags

    monkeypatch.setattr(chat, "search", lambda *a, **k: _all_unmatched(real_search(*a, **k)))
    unmatched = assistant.respond(ChatState(), "coffee on a Friday")
    assert "best" not in unmatched.reply and "Nothing matches the description itself" in unmatched.reply


def _all_unmatched(result):
    result.events = [dict(event, matched=False) for event in result.events]
    return result


@pytest.mark.parametrize("act", ["more_like", "not_this"])
def test_a_photo_not_in_the_library_is_refused_by_name(assistant, act):
    turn = assistant.respond(ChatState(), "coffee")
    with pytest.raises(ValueError, match="no photo 'not-here.jpg' in this library"):
        getattr(assistant, act)(turn.state, "not-here.jpg")


def test_a_told_sequence_and_an_event_not_found_show_as_chips_and_say_so(assistant):
    turn = assistant.respond(ChatState(), "coffee in a café, then the bus to the airport")
    assert "in order: coffee in a café (shown) → the bus to the airport (each within an hour)" in labels(turn.state)
    unfound = assistant.respond(ChatState(), "pints in a pub the week before my trip to Atlantis")
    assert "no trip to Atlantis found: all dates searched" in labels(unfound.state)
    assert "I found no trip to Atlantis; searching all dates" in unfound.reply
