"""Conversations through gradio_client against a real app server (demo lifelog, tiny CLIP)."""

from datetime import datetime

import numpy as np
import pytest
from gradio_client import Client

from assistant.library import Library
from assistant.query import parse_query


@pytest.fixture()
def client(app_server):
    client = Client(app_server, verbose=False)
    yield client
    client.close() if hasattr(client, "close") else None


def check_results(result, demo_library, text):
    """Every result passes the constraints the text expresses (checked through the parser's own contract)."""
    library = Library.open(demo_library)
    query = parse_query(text, now=library.last_local_time(), places=library.places)
    assert result["results"], result["reply"]
    for hit in result["results"]:
        record = library.record(library.row_of(hit["image_id"]))
        assert query.time.admits(datetime.fromisoformat(record["local_time"])), (text, record["local_time"])
        if query.place and record["lat"] is not None:
            assert query.place.admits(record["lat"], record["lng"]), (text, record["place"])


def test_filters_are_right_after_each_turn(client, demo_library):
    first = client.predict("pints in a pub on a Friday", api_name="/chat")
    assert first["constraints"][:1] == ["Fridays"]
    check_results(first, demo_library, "on a Friday")
    second = client.predict("it was in the evening", api_name="/chat")
    assert second["constraints"][:2] == ["Fridays", "evening"]
    check_results(second, demo_library, "on a Friday evening")
    third = client.predict("not at home", api_name="/chat")
    assert "not: Home" in third["constraints"]
    check_results(third, demo_library, "on a Friday evening, not at home")
    assert third["matched"] <= second["matched"] <= first["matched"]


def test_corrections_replace_rather_than_add(client):
    client.predict("breakfast in the morning", api_name="/chat")
    corrected = client.predict("actually it was in the evening", api_name="/chat")
    assert "evening" in corrected["constraints"] and "morning" not in corrected["constraints"]


def test_more_like_brings_photos_that_look_like_the_example(client, demo_library):
    result = client.predict("on a Friday", api_name="/chat")  # no description: the example alone decides the order
    example = result["results"][2]["image_id"]
    similar = client.predict(example, api_name="/more_like")
    assert similar["results"][0]["image_id"] == example
    assert f"like: photo {example}" in similar["constraints"]
    check_results(similar, demo_library, "on a Friday")
    # Not only the example pinned first: the others follow in order of likeness to it, read here from the stored vectors.
    library = Library.open(demo_library)
    vectors = np.asarray(library.embeddings, dtype=np.float32)
    likeness = vectors @ vectors[library.row_of(example)] / np.linalg.norm(vectors, axis=1) / np.linalg.norm(vectors[library.row_of(example)])
    following = [float(likeness[library.row_of(hit["image_id"])]) for hit in similar["results"][1:]]
    assert len(following) >= 3 and all(a >= b - 1e-3 for a, b in zip(following, following[1:])), following
    before = [float(likeness[library.row_of(hit["image_id"])]) for hit in result["results"] if hit["image_id"] != example]
    assert np.mean(following) > np.mean(before)


def test_result_shape(client):
    result = client.predict("coffee", api_name="/chat")
    assert set(result) >= {"reply", "constraints", "results"}
    assert set(result["results"][0]) >= {"image_id", "local_time", "place", "score", "event_id"}


def test_two_clients_keep_separate_state(app_server):
    alice, bob = Client(app_server, verbose=False), Client(app_server, verbose=False)
    alice.predict("in Thessaloniki", api_name="/chat")
    bob.predict("on a Thursday", api_name="/chat")
    alice_next = alice.predict("in the evening", api_name="/chat")
    bob_next = bob.predict("in the morning", api_name="/chat")
    assert "Thursdays" not in alice_next["constraints"] and "near Thessaloniki" in " ".join(alice_next["constraints"])
    assert "Thursdays" in bob_next["constraints"] and "Thessaloniki" not in " ".join(bob_next["constraints"])


def test_reset(client):
    client.predict("coffee on Friday", api_name="/chat")
    assert client.predict(api_name="/reset")["constraints"] == []
    assert client.predict("a bus", api_name="/chat")["constraints"] == ["looking for: a bus"]


def test_a_question_gets_an_answer_with_its_evidence_and_follow_ups(client, demo_library):
    from assistant.demo.itinerary import ITINERARY, PLACES

    library = Library.open(demo_library)
    pub = next(activity for activity in ITINERARY if activity.scene == "pub")  # the demo's one evening in a pub
    answered = client.predict("When did I last have a pint?", api_name="/chat")
    answer = answered["answer"]
    assert {key: answer[key] for key in ("kind", "value")} == {"kind": "time", "value": pub.day}
    assert answered["reply"].startswith(answer["text"]) and answer["evidence"]
    assert {library.record(library.row_of(image_id))["semantic_name"] for image_id in answer["evidence"]} == {PLACES[pub.place].semantic_name}
    assert answered["results"] and {hit["image_id"] for hit in answered["results"]} <= set(answer["evidence"])
    assert client.predict("show me", api_name="/chat")["opened"] == answered["results"][0]["image_id"]
    assert client.predict(answered["results"][0]["image_id"], api_name="/more_like")["answer"] is None  # a search now

    tavernas = [activity for activity in ITINERARY if activity.place == "taverna" and activity.to is None]
    assert client.predict("How many times did I go to Taverna Ladadika?", api_name="/chat")["answer"]["value"] == len(tavernas)
    sunday = client.predict("and on Sunday?", api_name="/chat")["answer"]
    assert sunday["value"] == len([activity for activity in tavernas if activity.day == "2019-05-12"])

    split = client.predict("Where did I have coffee?", api_name="/chat")["answer"]
    assert split["confidence"] == "unsure" and split["why"] and len(split["candidates"]) >= 2
    other = client.predict("no, the other one", api_name="/chat")["answer"]
    assert other["value"] == split["candidates"][1]["value"] and other["evidence"] == split["candidates"][1]["evidence"]
    assert client.predict("coffee in a pub", api_name="/chat")["answer"] is None  # a memory: no answer

def test_unknown_photo_is_a_clear_error(client):
    with pytest.raises(Exception, match="no photo"):
        client.predict("../../etc/passwd", api_name="/more_like")


@pytest.mark.parametrize(
    "message",
    ["", "coffee in a pub " * 700, "☕️🍺 in a pub 🇮🇪", "coffee\x00 in\x07 a pub\u202e", "καφές στη Θεσσαλονίκη",
     "星期五在都柏林的酒吧喝啤酒", "'; DROP TABLE photos; --", "<script>alert('x')</script>", "{reply} {0} {summary}"],
    ids=["empty", "10k", "emoji", "control", "greek", "chinese", "sql", "html", "braces"],
)
def test_bad_input_gets_a_reply_and_the_app_stays_responsive(client, message):
    result = client.predict(message, api_name="/chat")
    assert result["reply"] and isinstance(result["results"], list)
    assert client.predict("on a Friday", api_name="/chat")["constraints"][:1] == ["Fridays"]


def test_a_lone_surrogate_in_the_json_gets_a_reply(app_server):
    import json

    import httpx

    # Valid JSON that gradio_client cannot even send: it once crashed the tokenizer.
    body = json.dumps({"data": ["coffee \ud800 in a pub"]})
    call = httpx.post(f"{app_server}gradio_api/call/chat", content=body, headers={"content-type": "application/json"}, timeout=60)
    events = httpx.get(f"{app_server}gradio_api/call/chat/{call.json()['event_id']}", timeout=120).text
    assert "event: complete" in events and "looking for: coffee in a pub" in events, events[:500]


# Twenty participants at once, each with a different memory; every answer must fit that client's own constraints.
CONCURRENT = [
    (first, second)
    for first in ("on a Thursday", "on a Friday", "on a Saturday", "on a Sunday")  # the demo's four days
    for second in ("in the morning", "in the afternoon", "in the evening", "not at home", "around lunchtime")
]


def test_twenty_concurrent_sessions_get_their_own_results(app_server, demo_library):
    import threading

    outcomes, barrier = {}, threading.Barrier(len(CONCURRENT))

    def converse(index, first, second):
        session = Client(app_server, verbose=False)
        barrier.wait()  # all twenty send at the same moment
        outcomes[index] = (session.predict(f"a photo {first}", api_name="/chat"), session.predict(second, api_name="/chat"))

    threads = [threading.Thread(target=converse, args=(i, *pair)) for i, pair in enumerate(CONCURRENT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert len(outcomes) == len(CONCURRENT)
    for index, (first, second) in enumerate(CONCURRENT):
        after_first, after_second = outcomes[index]
        check_results(after_first, demo_library, first)
        check_results(after_second, demo_library, f"{first} {second}")
        assert len(after_second["constraints"]) == 3  # its own two, never another session's


def test_the_moment_panel_puts_the_chosen_photo_mid_strip(demo_library, tiny_encoder):
    from assistant.chat import TIMELINE_SIDE, Assistant, ChatState
    from assistant.web.presentation import moment_panel

    assistant = Assistant(Library.open(demo_library), tiny_encoder)
    for moment in assistant.respond(ChatState(), "shopping on Grafton Street").moments[:3]:
        text, items, ids = moment_panel(assistant.open_moment(moment))
        chosen = ids.index(moment["best"]["image_id"])
        assert chosen <= TIMELINE_SIDE and len(ids) - 1 - chosen <= TIMELINE_SIDE
        assert items[chosen][1].endswith("◀") and [caption for _, caption in items] == sorted(caption for _, caption in items)
        assert moment["place"] in text and "photo" in text


def test_loading_reports_progress_to_a_gradio_progress(demo_library, tiny_clip_dir):
    import gradio as gr

    from assistant.web import create_pool

    class Recorded(gr.Progress):  # a real gr.Progress (falsy while it tracks nothing), recording the updates
        def __init__(self):
            super().__init__()
            self.updates = []

        def __call__(self, progress, desc=None, **kwargs):
            self.updates.append((progress, desc))

    progress = Recorded()
    create_pool(library=str(demo_library), model=str(tiny_clip_dir)).assistant(progress)
    assert ((0, 1), "loading the CLIP model") in progress.updates


def test_the_screen_shows_matches_first_and_the_rest_under_their_own_heading(demo_library, tiny_encoder):
    import gradio as gr

    from assistant.chat import Assistant, ChatState, Replies, Turn
    from assistant.web.handlers import turn_update
    from assistant.web.screen import lay_out_screen

    with gr.Blocks():
        screen = lay_out_screen(Replies(), studying=False, running=False, default_topic=None)
    assistant = Assistant(Library.open(demo_library), tiny_encoder)
    found = assistant.respond(ChatState(), "coffee on a Friday")
    assert len(found.moments) >= 3
    moments = [dict(moment, matched=n < 2) for n, moment in enumerate(found.moments)]  # two match, the rest fit only time and place
    outputs = turn_update(screen, Turn(found.state, found.reply, moments), [], "coffee on a Friday")
    results, others = outputs[screen.results], outputs[screen.others]
    assert [path for path, _ in results] == [m["best"]["path"] for m in moments[:2]]
    assert [path for path, _ in others["value"]] == [m["best"]["path"] for m in moments[2:]] and others["visible"]
    assert [caption.split(".")[0] for _, caption in others["value"]] == [str(n) for n in range(3, len(moments) + 1)]  # numbered on
    assert outputs[screen.matching_moments] == moments[:2] and outputs[screen.other_moments] == moments[2:]  # what a click opens
    all_match = [dict(moment, matched=True) for moment in found.moments]
    everything_matches = turn_update(screen, Turn(found.state, found.reply, all_match), [], "coffee on a Friday")
    assert len(everything_matches[screen.results]) == len(found.moments) and everything_matches[screen.others]["visible"] is False
    talk = turn_update(screen, Turn.talk(found.state, "Nothing changed."), [], "hm")
    assert set(talk) == {screen.chatbot, screen.message}  # a turn that only talks leaves the moments as they were


def test_picking_a_choice_when_none_was_offered_gets_a_reply(demo_library, tiny_clip_dir):
    from assistant.chat import ChatState
    from assistant.web import Actions, Visitor, create_pool

    actions = Actions(create_pool(library=str(demo_library), model=str(tiny_clip_dir)))
    for index in (None, 0, 3):
        picked, turn = actions.choose(Visitor(None, "session"), ChatState(), index)
        assert turn.keeps_screen and "nothing to pick" in turn.reply
