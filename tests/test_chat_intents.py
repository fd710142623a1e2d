"""Each kind of message has one named intent, told apart from the message and the conversation so far
(no library, no model: the parse is parse_query's own)."""

from __future__ import annotations

from datetime import datetime

import pytest

from assistant.answers import Answer
from assistant.chat import Asked, ChatState, classify
from assistant.chat.intents import REFERENCE_NUMBERS, Choose, MoreLike, NotThis
from assistant.query import parse_query

NOW = datetime(2019, 12, 31, 20, 0)
SHOWN = ("a.jpg", "b.jpg", "c.jpg")


def parse(text: str):
    return parse_query(text, now=NOW)


def answered(question: str) -> ChatState:
    """A conversation whose last message was a question, its answer on screen."""
    answer = Answer("frequency", 3, "3 times.", evidence=SHOWN)
    return ChatState(query=parse(question), shown=SHOWN, asked=Asked(answer))


CONVERSATIONS = {
    "fresh": ChatState(),
    "searching": ChatState(query=parse("coffee at a cafe in March 2019"), shown=SHOWN),
    "answered": answered("How many times did I go swimming in 2019?"),
}

TABLE = [
    # (conversation so far, message, intent)
    ("fresh", "", "empty"),
    ("searching", "start over", "start_over"),
    ("answered", "let's start over", "start_over"),
    ("fresh", "Clear blue sky over the harbour", "memory"),
    ("fresh", "pints in a pub on a Friday evening", "memory"),
    ("searching", "a birthday cake with candles", "new_memory"),
    ("searching", "it was in the evening", "refinement"),
    ("searching", "with a laptop", "refinement"),
    ("searching", "also a dog", "refinement"),
    ("searching", "not at home", "negation"),
    ("searching", "not on Fridays", "negation"),
    ("searching", "without people", "negation"),
    ("searching", "no, it was in April", "correction"),
    ("searching", "actually it was in the afternoon", "correction"),
    ("searching", "Wait staff serving dinner", "new_memory"),  # a memory, not "wait, …"
    ("searching", "2", "choice"),
    ("searching", "option 3", "choice"),
    ("searching", "the second one", "choice"),
    ("searching", "more like the second one", "more_like"),
    ("searching", "similar to that", "more_like"),
    ("searching", "not that one", "not_this"),
    ("searching", "more like the ninth one", "unknown_reference"),  # three moments on screen
    ("fresh", "more like the second one", "unknown_reference"),
    ("searching", "more like beaches", "refinement"),  # a description, not a reference
    ("searching", "When did I last go to the dentist?", "question"),
    ("fresh", "How many times did I go to the cinema in 2019?", "question"),
    ("answered", "Which hotel did I stay in?", "question"),
    ("answered", "and in September?", "follow_up_question"),
    ("answered", "what about the cinema?", "follow_up_question"),
    ("answered", "in May?", "follow_up_question"),
    ("answered", "not at weekends", "follow_up_question"),
    ("answered", "no, it was in 2018", "follow_up_question"),
    ("answered", "no, it was at the cinema", "follow_up_question"),  # a correction of the question asks it again
    ("answered", "show me", "show_evidence"),
    ("answered", "let me see them", "show_evidence"),
    ("searching", "show me", "refinement"),  # no answer on screen: no follow-up on one, and nothing new to search
    ("answered", "show me photos of walking in the park", "new_memory"),
    ("answered", "no, the other one", "other_answer"),
    ("answered", "the next one", "other_answer"),
    # LSC-style forms: asked in the imperative or through "show me how many"; a memory that cannot say which
    ("answered", "show me how many times I went to the gym in May", "question"),
    ("answered", "show me when I was at the beach", "new_memory"),
    ("fresh", "Find the name of the cafe I went to on Sunday morning", "question"),
    ("fresh", "Find the time when I was eating noodles in Vietnam", "memory"),
    ("fresh", "I was at a match, which team was playing I forget, the seats were blue", "memory"),
]


@pytest.mark.parametrize(("conversation", "message", "intent"), TABLE, ids=[f"{c}: {m or '(empty)'}" for c, m, _ in TABLE])
def test_each_message_has_its_intent(conversation, message, intent):
    assert classify(message, CONVERSATIONS[conversation], parse).name == intent


def test_a_reference_names_the_photo_on_screen():
    searching = CONVERSATIONS["searching"]
    assert classify("more like the second one", searching, parse) == MoreLike("b.jpg")
    assert classify("more like the last one", searching, parse) == MoreLike("c.jpg")
    assert classify("not photo 3", searching, parse) == NotThis("c.jpg")
    assert classify("the third one", searching, parse) == Choose(3)
    one_word = {word: number for word, number in REFERENCE_NUMBERS.items() if word.isalnum()}  # "twenty-first" names no choice
    assert len(one_word) > 40 and all(classify(word, searching, parse) == Choose(number) for word, number in one_word.items())


def test_a_follow_up_question_reads_what_about_as_and():
    """ "what about Rome?" is the fragment "and Rome?": the question again, about Rome."""
    intent = classify("what about the cinema?", CONVERSATIONS["answered"], parse)
    assert intent.parsed.visual.strip() == "the cinema" and intent.parsed.question is None


def test_a_correction_is_parsed_without_its_opening():
    intent = classify("no, it was in April", CONVERSATIONS["searching"], parse)
    assert [chip.label for chip in intent.parsed.chips()] and "no" not in intent.parsed.text.lower().split(",")[0]
