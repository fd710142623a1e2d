"""Question kinds (the LSC's eight labels) and memory descriptions that must never be read as questions."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from assistant.query import ParsedQuery, parse_query

NOW = datetime(2020, 6, 30, 23, 59)

QUESTIONS = [
    ("How many times did I go to the cinema in 2019?", "frequency"),
    ("How often did I go swimming last spring?", "frequency"),
    ("How many times did I eat pizza in August?", "frequency"),
    ("How many trips did I take to London?", "frequency"),
    ("How many days did I spend working from home in March?", "frequency"),
    ("Did I ever go to a concert in 2018?", "frequency"),
    ("Have I ever been to Greece?", "frequency"),
    ("Did I go to the dentist in August 2019?", "frequency"),
    ("How many different visits to the dentist were there in 2019?", "frequency"),
    ("How frequently did I visit my parents in the summer?", "frequency"),
    ("Tell me how many times I went to the airport in 2019.", "frequency"),
    ("When did I last get a haircut?", "time"),
    ("On what date did I last visit the dentist?", "time"),
    ("What day of the week did I go to the market?", "time"),
    ("Which month did I go to Paris?", "time"),
    ("What year did I visit Rome?", "time"),
    ("What time did I have breakfast on 3 May 2019?", "time"),
    ("When was the first time I went bowling?", "time"),
    ("At what time did I leave the office on Friday?", "time"),
    ("In which year did I buy my bicycle?", "time"),
    ("What date did I fly to Berlin?", "time"),
    ("When did I go to the zoo in 2019?", "time"),
    ("Assuming today is 1 July 2020, when did I last go swimming?", "time"),
    ("Where did I have dinner on my birthday?", "location"),
    ("Which city did I fly to after Dublin?", "location"),
    ("What was the name of the restaurant I had dinner in on my birthday?", "location"),
    ("Which country did I visit in June 2019?", "location"),
    ("Where was I when I bought the red umbrella?", "location"),
    ("What was the name of the hotel in Rome?", "location"),
    ("Which restaurant did I go to most often?", "location"),
    ("In which city did I see the Eiffel Tower?", "location"),
    ("Where did I go after the gym on Tuesday?", "location"),
    ("What town did I stay in during my second trip to Ireland?", "location"),
    ("How long did I spend in the gym on Monday?", "duration"),
    ("How long was my trip to Paris?", "duration"),
    ("How many hours did I spend at the airport?", "duration"),
    ("How much time did I spend shopping on Saturday?", "duration"),
    ("How long did it take me to drive from Dublin to Galway?", "duration"),
    ("How many minutes was I at the bakery?", "duration"),
    ("For how long did I stay at my parents' house at Christmas?", "duration"),
    ("How long was I at the beach on 12 July 2019?", "duration"),
    ("How many people were at the meeting on Tuesday?", "counting"),
    ("How many cups of coffee did I drink on 5 May 2019?", "counting"),
    ("How many dogs did I see in the park?", "counting"),
    ("How many screens were on my desk at work?", "counting"),
    ("How many bottles of wine were on the table at the party?", "counting"),
    ("How many laptops were in the room during the lecture?", "counting"),
    ("What was written on the sign at the bakery?", "ocr"),
    ("What brand of beer did I drink at the airport?", "ocr"),
    ("What was the title of the book I read on the plane?", "ocr"),
    ("What did the sign outside the church say?", "ocr"),
    ("Which airline did I fly with to Boston?", "ocr"),
    ("What was the name of the film I watched at the cinema?", "ocr"),
    ("What number was on the bus I took to the university?", "ocr"),
    ("What brand was the laptop I used in the library?", "ocr"),
    ("What colour was the car I drove in Ireland?", "color"),
    ("What color was my umbrella in Tokyo?", "color"),
    ("Which colour shirt did I wear at the wedding?", "color"),
    ("What colour were the walls of the hotel room in Rome?", "color"),
    ("What did I eat for lunch on 4 June 2019?", "object"),
    ("What did I buy at the market on Saturday?", "object"),
    ("What was I holding when I met my sister at the station?", "object"),
    ("What kind of dog did I see at the park?", "object"),
    ("What did I drink at the airport before my flight to London?", "object"),
    ("What type of car did I rent in Spain?", "object"),
    ("What animal did I see on the farm?", "object"),
    ("Which fruit did I buy at the supermarket?", "object"),
    ("Who did I have lunch with on my birthday?", "object"),
    ("Which restaurant did I eat at that had a blue sign outside?", "location"),
    ("Where was I when the fire alarm went off?", "location"),
    ("Tell me when I last went to the dentist.", "time"),
    ("Which beer brand did I order at the hotel bar?", "ocr"),
    ("What did the poster at the bus stop say on Monday?", "ocr"),
    ("I want to know where I had dinner on my birthday", "location"),
    ("How much did the coffee cost at the airport?", "ocr"),
    ("How far did I cycle on Sunday?", "duration"),
    ("What was the name of the shop where I bought my running shoes?", "location"),
    ("What was on the menu board at the cafe in Galway?", "ocr"),
    ("What was the first thing I ate on Christmas Day?", "object"),
    ("In what city did I see the Little Mermaid statue?", "location"),
    ("How many different countries did I visit in 2019?", "counting"),
    ("What is the name on the side of the boat I took in Norway?", "ocr"),
    ("What sport did I watch on TV in the pub?", "object"),
]

MEMORIES = [
    "I was eating sushi at a restaurant with a red sign, it was a Saturday in 2019",
    "Find the moment when I was buying a coffee at the airport",
    "when I was at the beach in Spain",
    "the time I went to the cinema with my sister",
    "I was drinking beer in a pub in Dublin on a Friday evening",
    "Find the photos of my breakfast on 3 May 2019",
    "Show me the time I was cycling along the canal",
    "When we were at the zoo and saw the giraffes",
    "The moment I got off the plane in Rome",
    "I remember a red car parked outside a bakery",
    "looking for the time I had dinner with friends in Paris",
    "A sign that says OMRON outside a shop",
    "Me at the gym lifting weights on a Monday morning",
    "I had lunch at an Italian restaurant after the gym",
    "Find when I bought flowers at the market",
    "the day I visited the dentist in 2019",
    "Show me photos of dogs in the park",
    "I was holding a white umbrella in Tokyo in the rain",
    "Find the moment I was reading a book on the plane",
    "Eating pizza in a restaurant in Rome in August",
    "When I was in the office looking at two screens",
    "The photo where I'm watching a film at the cinema",
    "I think it was a Tuesday, a meeting with many people around a table",
    "find me the picture of the church with a sign outside",
    "we were having coffee in a cafe with blue walls",
    "Where I bought the red umbrella, in a shop in Dublin",
    "I drove a blue car along the coast of Ireland",
    "Search for the moment when I was waiting at the bus stop",
    "Friends outside a bar in Dublin. It was a Friday evening in September 2019.",
    "Show me when I went swimming last spring",
    "I was in a hotel room in Rome with yellow walls",
    "what I ate at the market, a sandwich I think",
]


@pytest.mark.parametrize("text, kind", QUESTIONS)
def test_question_kinds(text, kind):
    question = parse_query(text, now=NOW).question
    assert question is not None and question.kind == kind


@pytest.mark.parametrize("text", MEMORIES)
def test_memory_descriptions_are_not_questions(text):
    assert parse_query(text, now=NOW).question is None


def test_table_sizes_cover_every_kind():
    assert len(QUESTIONS) >= 60 and len(MEMORIES) >= 30
    assert {kind for _, kind in QUESTIONS} == {"time", "location", "frequency", "duration", "counting", "ocr", "color", "object"}


@pytest.mark.parametrize("text, granularity", [
    ("When did I last get a haircut?", "date"), ("What day of the week did I go to the market?", "weekday"),
    ("Which month did I go to Paris?", "month"), ("What year did I visit Rome?", "year"),
    ("What time did I have breakfast on 3 May 2019?", "clock"), ("Which city did I fly to after Dublin?", "city"),
    ("Which country did I visit in June 2019?", "country"), ("Where did I have dinner on my birthday?", "place"),
])
def test_granularity_asked(text, granularity):
    assert parse_query(text, now=NOW).question.granularity == granularity


def test_anchors_set_now_ordinal_and_leave_the_subject():
    parsed = parse_query("Assuming today is 1 July 2020, when did I last go swimming?", now=NOW)
    assert parsed.question.now == "2020-07-01T23:59:59" and parsed.question.ordinal == -1
    assert parsed.visual == "go swimming" and not parsed.time.terms
    second = parse_query("On my second trip to Paris, which hotel did I stay in?", now=NOW)
    assert (second.question.ordinal, second.question.unit) == (1, "trip")
    assert parse_query("How many times did I go swimming last spring?", now=NOW).question.ordinal is None
    after = parse_query("What did I eat for lunch right after the gym on 3 March 2019?", now=NOW)
    assert after.preceded_by == ("the gym",) and after.question.kind == "object"


def test_question_round_trips_through_the_chat_state():
    parsed = parse_query("How many times did I go to the cinema in 2019?", now=NOW)
    assert parsed.to_dict()["question"]["kind"] == "frequency"
    assert ParsedQuery.from_dict(parsed.to_dict()) == parsed
    assert parse_query("a red car", now=NOW).to_dict()["question"] is None


def test_no_remembered_moment_of_the_parse_devset_is_a_question():
    devset = json.loads((Path(__file__).parent / "devset.json").read_text())
    texts = [item["text"] for item in devset["items"]] + [item["text"] if isinstance(item, dict) else item for item in devset["negatives"]]
    assert len(texts) >= 100
    assert [text for text in texts if parse_query(text, now=NOW).question is not None] == []
