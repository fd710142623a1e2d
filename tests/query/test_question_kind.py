"""Question kinds (the LSC's eight labels and distance), what else a question asks (most, per week, start or end,
usually, by what means), and memory descriptions that must never be read as questions."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from assistant.query import QUESTION_KINDS, ParsedQuery, Question, parse_query

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
    # things known by a name or a number on a sign: the name read, not a thing seen
    ("What streetcar route did I take to work?", "ocr"),
    ("What was the conference I went to in Vancouver?", "ocr"),
    ("which festival did we go to in August", "ocr"),
    # a noun one went to is a place, whatever the noun: the answer names where
    ("Which playground do we go to on Sundays?", "location"),
    ("what pub did we end up at last night", "location"),
    ("What colour was the car we went to Cork in", "color"),
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
    ("How far did I cycle on Sunday?", "distance"),
    ("What was the name of the shop where I bought my running shoes?", "location"),
    ("What was on the menu board at the cafe in Galway?", "ocr"),
    ("What was the first thing I ate on Christmas Day?", "object"),
    ("In what city did I see the Little Mermaid statue?", "location"),
    ("How many different countries did I visit in 2019?", "location"),  # a list, counted
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
    assert {kind for _, kind in QUESTIONS} == {"time", "location", "frequency", "duration", "counting", "ocr", "color", "object", "distance"}


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


# Questions in the forms people ask them (LSC QA style): direct, indirect ("I'd like to know ..."), imperative
# ("name the film ..."), hedged ("roughly", "about"), lower case, with or without "?" or "please".
ASKED = [
    # time
    ("When did I buy the colour printer?", "time"),  # "colour" describes the printer; it is not asked
    ("When did I go to Oslo?", "time"),
    ("On which day did I buy the new laptop?", "time"),
    ("What time did I usually leave the office?", "time"),
    ("What was the first time I went to the cinema in 2019?", "time"),
    ("What was the last time I had pizza?", "time"),
    ("When was the last time I visited my grandmother?", "time"),
    ("What time did I wake up on the day I flew to Lisbon?", "time"),
    ("What date did I check into the hotel in Rome?", "time"),
    ("In what year did I first go to Japan?", "time"),
    ("What time did I get to work on Monday?", "time"),
    ("At what time did I go to bed on New Year's Eve?", "time"),
    ("When did I get my hair cut in May?", "time"),
    ("What month did I start going to the gym?", "time"),
    ("What day was I at the zoo?", "time"),
    ("When did I last eat sushi?", "time"),
    ("What time was my flight to Paris?", "time"),
    ("when was I last at the dentist", "time"),
    ("What time of day did I usually go for a run?", "time"),
    ("On what day of the week did I usually do the laundry?", "time"),
    ("How early did I get up on the day of the flight to Rome?", "time"),
    ("What season did I go skiing?", "time"),
    # location
    ("In what city did I watch the football match?", "location"),
    ("Whereabouts did I stay in Lisbon?", "location"),
    ("Which cities did I visit in 2019?", "location"),
    ("How many different countries did I visit in 2018?", "location"),
    ("Where did I go after the dentist?", "location"),
    ("What was the name of the hotel I stayed at in Rome?", "location"),
    ("Which restaurant did I go to most?", "location"),
    ("Which city did I visit the least?", "location"),
    ("What is my favourite café?", "location"),
    ("Where did I spend the most time in 2019?", "location"),
    ("Where did I buy my new running shoes?", "location"),
    ("Which supermarket did I usually shop at?", "location"),
    ("Where did I park my car at the airport?", "location"),
    ("What country did I fly to in March?", "location"),
    ("In which hotel did I stay in Paris?", "location"),
    ("Where was I on the morning of 3 May 2019?", "location"),
    ("Which pub did I watch the rugby in?", "location"),
    ("Where did I have lunch on the day I flew to Lisbon?", "location"),
    ("What was the name of the café where I met Anna?", "location"),
    ("Which beach did I go to in Spain?", "location"),
    ("How many restaurants did I eat at in Rome?", "location"),  # which restaurants, counted
    ("Which museums did I visit in Paris?", "location"),
    ("Where did I go on my second trip to Paris?", "location"),
    ("Where did I usually eat lunch on weekdays?", "location"),
    ("Which station did I take the train from to Cork?", "location"),
    # frequency
    ("Have I ever been to Berlin?", "frequency"),
    ("Did I go swimming last week?", "frequency"),
    ("How many times did I go to the gym in May?", "frequency"),
    ("On average, how many times a week did I go to the gym?", "frequency"),
    ("How often per month do I eat sushi?", "frequency"),
    ("Roughly how often do I eat sushi?", "frequency"),
    ("How many times a week did I go running?", "frequency"),
    ("Was I ever in Berlin?", "frequency"),
    ("did I go to the cinema in 2019", "frequency"),
    ("Have we been to the zoo this year?", "frequency"),
    ("How frequently did I take the bus to work?", "frequency"),
    ("How many visits did I make to the hospital in 2019?", "frequency"),
    ("How many days did I go to the office in June?", "frequency"),
    ("Did I ever eat at a Japanese restaurant in Dublin?", "frequency"),
    ("Do I often eat breakfast at home?", "frequency"),
    ("How many weekends did I spend in the mountains?", "frequency"),
    ("give me the number of times I went to the cinema in 2019", "frequency"),
    ("I want to know how often I went swimming in the summer", "frequency"),
    ("How many nights did I stay in Rome?", "frequency"),
    ("Was I at the gym on my birthday?", "frequency"),
    # duration
    ("How long did I stay in Rio?", "duration"),
    ("How long did I spend at the gym in May?", "duration"),
    ("How many hours a day did I spend at the office on average?", "duration"),
    ("How much time did I spend in the car on Saturday?", "duration"),
    ("How long was my flight to New York?", "duration"),
    ("For how long did I watch TV on Sunday?", "duration"),
    ("How many minutes did I spend waiting for the bus?", "duration"),
    ("How long did it take me to walk to work?", "duration"),
    ("how long was I at the hairdresser", "duration"),
    ("About how long did I sleep on the plane?", "duration"),
    ("On a typical day, how many hours did I spend at my desk?", "duration"),
    # distance
    ("How far did I walk on Sunday?", "distance"),
    ("What distance did I cycle in May?", "distance"),
    ("How many kilometres did I run last week?", "distance"),
    ("How far did I fly in 2019?", "distance"),
    ("How many miles did I drive on my trip to Galway?", "distance"),
    ("How far did I travel on my second trip to Paris?", "distance"),
    ("What was the distance I walked on 3 May?", "distance"),
    ("How far is my hotel in Rome from the station?", "distance"),
    ("How many km did I cycle to work on average?", "distance"),
    ("How far did I go on my bike on Saturday?", "distance"),
    # counting
    ("How many people were at the meeting?", "counting"),
    ("How many cups of coffee did I drink on 3 May?", "counting"),
    ("How many slices of pizza did I eat at the party?", "counting"),
    ("How many candles were on my birthday cake?", "counting"),
    ("About how many people were at the wedding?", "counting"),
    ("How many beers did I have at the pub on Friday?", "counting"),
    ("How many screens did I have on my desk at work?", "counting"),
    ("How many bottles of water did I buy at the airport?", "counting"),
    ("Give me the number of dogs I saw in the park", "counting"),
    ("How many coffees did I drink a day on average in May?", "counting"),
    # ocr: a word, name or number read in the photos
    ("Name the film I saw at the cinema in May", "ocr"),
    ("What brand of beer did I drink in the pub?", "ocr"),
    ("What airline did I fly with to Paris in 2019?", "ocr"),
    ("What was the name of the film I saw in May?", "ocr"),
    ("Which newspaper did I read on the train?", "ocr"),
    ("What was the title of the book I was reading on the beach?", "ocr"),
    ("What did the sign at the entrance of the park say?", "ocr"),
    ("What was the number of my hotel room in Rome?", "ocr"),
    ("What was the price of the coffee at the airport?", "ocr"),
    ("How much did I pay for the taxi in Rome?", "ocr"),
    ("Which band did I see in concert in 2019?", "ocr"),
    ("What was written on the cake at my birthday?", "ocr"),
    ("What make was my rental car in Spain?", "ocr"),
    ("What TV show did I watch on Sunday evening?", "ocr"),
    ("What was the name of the boat I took in Norway?", "ocr"),
    ("What flight number did I take to Lisbon?", "ocr"),
    ("Which football team did I see playing in Rome?", "ocr"),
    ("What magazine did I buy at the airport?", "ocr"),
    # color
    ("What colour was the umbrella I used in Rome?", "color"),
    ("What colour was my rental car?", "color"),
    ("What color shoes did I wear to the wedding?", "color"),
    ("What was the colour of the front door of my hotel in Lisbon?", "color"),
    ("Which colour was my bike?", "color"),
    ("What colour jacket did I usually wear in winter?", "color"),
    ("what colour were the walls in my office", "color"),
    # object: a thing, food, animal or person seen
    ("Which dish did I cook most in 2015?", "object"),
    ("What did I eat most in 2015?", "object"),
    ("What did I have for breakfast on the day I flew to Lisbon?", "object"),
    ("Who did I have dinner with on my birthday?", "object"),
    ("Who was I with at the zoo?", "object"),
    ("What did I usually drink in the morning?", "object"),
    ("What kind of car did I rent in Portugal?", "object"),
    ("What did I buy at the pharmacy in Dublin?", "object"),
    ("What fruit did I eat most often?", "object"),
    ("What instrument did I play at the party?", "object"),
    ("What did I order at the Italian restaurant in Rome?", "object"),
    ("Which animal did I see at the zoo?", "object"),
    ("What was my favourite snack in 2019?", "object"),
    ("Which vegetable did I buy the least?", "object"),
    # indirect, imperative and hedged forms
    ("I'd like to know when I was last at the dentist", "time"),
    ("I want to know which cities I visited in 2019", "location"),
    ("Tell me what colour my umbrella was in Tokyo", "color"),
    ("Can you tell me how long I stayed in Rio?", "duration"),
    ("Remind me where I parked the car at the airport", "location"),
    ("List the cities I visited in 2019", "location"),
    ("give me the number of cups of coffee I drank on 3 May", "counting"),
    ("Could you tell me what I ate for lunch on 4 June?", "object"),
    ("Do you know what time I left the office on Friday?", "time"),
    ("I wonder how many times I went to the cinema in 2019", "frequency"),
    ("Tell me the name of the restaurant where I celebrated my birthday", "location"),
    ("Please tell me which airline I flew with to Boston", "ocr"),
    ("approximately how many people were at the party?", "counting"),
    ("about how many times did I go to the pub in June", "frequency"),
    ("what was the name of the hotel in lisbon please", "location"),
    ("which city did i fly to in march", "location"),
    ("List all the countries I visited in 2018.", "location"),
    ("Name the restaurant where I had dinner on my birthday", "location"),
    ("Remind me what brand of phone I used in 2019", "ocr"),
    ("I'd like to know how far I walked on Sunday", "distance"),
    ("Tell me if I went to the gym last week", "frequency"),
    ("I need to know whether I ever went to Berlin", "frequency"),
    ("On my birthday, where did I have dinner?", "location"),
    ("In 2019, which cities did I visit?", "location"),
    ("After the gym on Tuesday, where did I go", "location"),
    ("Find out when I was at the dentist", "time"),
    ("I went to Paris twice. When was the first time?", "time"),
    ("At the beach, what colour was the umbrella?", "color"),
    ("What was the name of the bar where I watched the World Cup final?", "location"),
    ("Which of the cities I visited in 2019 did I stay in longest?", "location"),
    ("How many people attended the meeting on 31 January 2019?", "counting"),  # the noun asked is the subject
    ("How many people came to my birthday party", "counting"),
    ("Which airline flew me to Boston?", "ocr"),
    ("Which restaurant served the best pizza in Rome?", "location"),
    ("whats the name of the pub near my office", "location"),
    ("How long on average did I spend at the gym per visit?", "duration"),
    ("What was the name of the coffee shop I visited most in 2019?", "location"),
    ("What type of bird did I see in my garden?", "object"),
    ("What was the make of my rental car in Spain?", "ocr"),
    ("When did I typically arrive at work in 2019?", "time"),
    ("Could you list the cities I visited in 2019?", "location"),
    ("Can you please tell me how long I stayed in Rio?", "duration"),
    ("can you check when I last went to the dentist", "time"),
    ("I was wondering how often I went to the gym in May", "frequency"),
    ("Question: which airline did I fly with to Boston?", "ocr"),
    ("Would you name the film I saw in May", "ocr"),
    ("In Rome, can you tell me which hotel I stayed in", "location"),
    ("Did I have pizza in Rome?", "frequency"),
    ("What was the average number of times I went to the gym per week?", "frequency"),
    ("What was the total distance I walked in May?", "distance"),
    ("What were the names of the cities I visited?", "location"),
    ("Which two cities did I visit in 2019?", "location"),
    # the length of one stay, not days counted; a total time is a duration; money spent is a price read
    ("How many weeks was my holiday in Spain?", "duration"),
    ("How many days was I in the office in May?", "frequency"),
    ("What was the amount of time I spent at the gym?", "duration"),
    ("how much money did I spend on taxis in Rome", "ocr"),
    ("How much was the taxi to the airport?", "ocr"),
    ("How many euros did I spend on lunch in Rome?", "ocr"),
    ("How much coffee did I drink on Monday?", "counting"),
    ("Which day in May did I go to the beach?", "time"),  # the month, not the modal
    ("Which gate did my flight to Rome leave from?", "ocr"),  # a number on the board
    ("Which temple did I visit in Bangkok?", "location"),
    ("Find the name of the hotel I stayed at in Rome", "location"),
    ("Show me how often I went to the gym in May", "frequency"),
    ("I'm trying to remember which hotel I stayed at in Rome", "location"),
]

# Where a scope phrase runs into the question with no full stop, or "where was the ..." after a comma could relate
# back, the question mark decides.
MARKED = [
    ("on the day I flew to Lisbon what did I have for breakfast?", "object"),
    ("at the beach, where was the umbrella?", "location"),
    ("In Dublin, when was the party?", "time"),
    ("Who paid for dinner on my birthday?", "object"),  # "who" the subject, then a verb: asked only with "?"
]

# Remembered moments to find: never a question, however they open ("when I ...", "where the ...", "what a ...").
REMEMBERED = [
    "when I was at the beach with a red umbrella",
    "the time I went to the cinema with my brother",
    "I was eating sushi at a restaurant with a red sign",
    "how I looked on my birthday",  # a free relative: the moment, not a question about it
    "coffee in a café, then the bus to the airport",
    "pharmacy selling Omron devices last January in Dublin",
    "what a view from the top of the tower",
    "What a lovely sunset over the sea in Greece!",
    "where the street meets the river in Lisbon",
    "who knows, maybe at the market",
    "the day I flew to Lisbon",
    "where we had a picnic by the lake",
    "how we celebrated New Year's Eve in Dublin",
    "what I had for breakfast at the hotel in Rome",
    "the last time I saw my grandmother",
    "my first day at the new office",
    "the most beautiful sunset I saw in Greece",
    "a sign saying how long the wait was",
    "a poster asking what time it was",
    "Me and my sister on the beach, how lovely it was",
    "whenever I went running along the canal",
    "wherever we stayed in Portugal, the hotel with a pool",
    "When the sun was setting at the beach in Spain",
    "where I parked the car near the station",
    "who I met at the conference in Berlin",
    "a red umbrella, the one I bought in Tokyo",
    "the moment I first saw the Eiffel Tower",
    "the restaurant where I ate the most sushi",
    "a café I used to go to most mornings",
    "my favourite café in Dublin with a green door",
    "the hotel in Rome where we usually stay",
    "how often the trains were late in winter",
    "the day we went to the zoo and saw the lions",
    "a bus ticket with the number 46A",
    "a menu that says what the soup of the day was",
    "walking on the beach at sunset, then dinner in a seafood restaurant",
    "the train station in Cork early in the morning",
    "a screen showing when the next train leaves",
    "lunch with colleagues in the canteen on a rainy Tuesday",
    "sitting in the garden reading a book in the summer",
    "we went to the dentist and then to the pharmacy",
    "a birthday cake with candles in my parents' house",
    "where I bought the blue jacket, a shop in Galway",
    "when we got off the ferry in Holyhead",
    "what we saw at the museum in Amsterdam, a big painting",
    "how the kitchen looked after the party",
    "the airport in Lisbon, waiting at the gate",
    "buying a colour printer in an electronics shop",
    "at the gym on a Monday morning, lifting weights",
    "a sign that said how far it was to the beach",
    "I was having a coffee in a café near the river",
    "who would have thought, snow in April in Dublin",
    "the film at the cinema, the one with the robot",
    "me in front of the Colosseum in the evening",
    "a dog in the park, I think it was a Sunday",
    "dinner on my birthday at an Italian restaurant",
    "waiting for the bus in the rain after work",
    "the second time I went to Paris, at the Louvre",
    "how happy we were at the wedding",
    "when the fire alarm went off in the office",
    "where the bus stops near my office, a bakery",
    "what a mess the kitchen was after the party",
    "the hotel where we stayed in Lisbon, with a blue door",
    "the longest walk I did along the coast",
    "usually I had lunch at my desk, but this time in the park",
    "Sushi at a restaurant with a red sign?",
    "A meeting in Berlin, maybe in March?",
    "The beach in Spain, where I lost my sunglasses?",
    "how many people there were at the concert, a huge crowd",
    "what time it was when the clock on the church struck",
    "which is why we went to the beach",
    "I wonder if it was the day at the zoo",
    "name tags on the table at a conference",
    "list of names on a whiteboard in the office",
    "give me the photos of the beach in Spain",
    "the red car, which was parked outside the bakery",
    "we were at the concert, which had a huge stage",
    "a person asking where the station was",
    "tell me about my trip to Paris",  # a request to tell, not one of the kinds asked
    "how many times we went to the beach that summer",
    "which park we walked through in the morning",
    "what time the train left, the big clock at the station",
    "I was in the park, which had a fountain",
    "at the beach, when the sun was setting",
    "could you find the photo of the beach in Spain",
    "check in at the hotel in Rome with my suitcase",
    "Do I have any photos of a dog in the snow?",  # a search for photos, not a question about one's life
    "Have I got pictures of the Eiffel Tower?",
    "a red car which was parked outside?",
    # a question mused on inside a description, which goes on after it
    "I was in a shop. What was the name of it? Something with a red logo",
    "Eating lunch at my desk. Did I have a sandwich? Probably.",
    "It was raining. How long did it rain? The whole afternoon",
    # what the rememberer cannot say, not asked
    "At a football match, which team was playing I can't recall",
    "which team won I forget, a stadium with blue seats",
    "I'm trying to remember the time I was at the beach with a red umbrella",
    "find the time when I was eating noodles",
    "find the name tag on the table at the conference",
    "show me when I was at the beach",
    "who brought the cake I don't know, a party in the garden",
]


@pytest.mark.parametrize("text, kind", ASKED)
def test_asked_kinds(text, kind):
    question = parse_query(text, now=NOW).question
    assert question is not None and question.kind == kind


@pytest.mark.parametrize("text, kind", QUESTIONS + ASKED)
def test_a_question_typed_plainly_is_the_same_question(text, kind):
    """Lower case, no question mark, a trailing "please": still a question, of the same kind."""
    plainly = text.rstrip("?.").lower() + " please"
    question = parse_query(plainly, now=NOW).question
    assert question is not None and question.kind == kind


@pytest.mark.parametrize("text, kind", MARKED)
def test_the_question_mark_decides(text, kind):
    question = parse_query(text, now=NOW).question
    assert question is not None and question.kind == kind
    assert parse_query(text.rstrip("?"), now=NOW).question is None


@pytest.mark.parametrize("text", REMEMBERED)
def test_remembered_moments_are_not_questions(text):
    assert parse_query(text, now=NOW).question is None


def _written_lines(name: str) -> list[str]:
    """The lines of a hand-written data file here, without blank lines and "#" comments."""
    lines = (Path(__file__).parent / name).read_text().splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


# Known-item memories as LSC topics and users write them, written before the parser met them: a memory that
# says "how nice was that" or starts "What a day" is not a question. The second file's are longer, in LSC
# known-item topics' manner, with "which", "what", "where" inside ("which one I can't remember"); the third's are
# spoken, as told to a researcher ("I remember", "you know the one"; 25 of 25 right on first run).
LSC_STYLE_MEMORIES = [line for name in ("lsc_style_memories.txt", "lsc_style_memories_2.txt", "lsc_style_memories_3.txt")
                      for line in _written_lines(name)]


@pytest.mark.parametrize("text", LSC_STYLE_MEMORIES)
def test_lsc_style_memories_are_not_questions(text):
    assert parse_query(text, now=NOW).question is None


def test_new_table_sizes():
    assert len(ASKED) >= 120 and len(REMEMBERED) >= 60
    assert {kind for _, kind in ASKED} == set(QUESTION_KINDS)


@pytest.mark.parametrize("text, kind, extreme", [
    ("Which restaurant did I go to most often?", "location", "most"),
    ("Which restaurant did I go to most?", "location", "most"),
    ("What did I eat most in 2015?", "object", "most"),
    ("Which city did I visit the least?", "location", "least"),
    ("What is my favourite café?", "location", "most"),
    ("Where did I spend the most time in 2019?", "location", "most"),
    ("Which dish did I cook most in 2015?", "object", "most"),
    ("Which vegetable did I buy the least?", "object", "least"),
    ("What fruit did I eat most often?", "object", "most"),
    ("What was my favourite snack in 2019?", "object", "most"),
    ("Which airline did I fly with most frequently?", "ocr", "most"),
    ("On which day of the week did I go to the gym most often?", "time", "most"),
    ("Which pub did I go to least often in 2019?", "location", "least"),
    ("Which of the cities I visited in 2019 did I stay in longest?", "location", "most"),
    ("Which country have I visited the most times?", "location", "most"),
    ("When did I most recently go to the dentist?", "time", ""),
    ("What was the most recent film I saw?", "ocr", ""),
    ("Which city did I fly to after Dublin?", "location", ""),
    ("How many times did I go to the gym in May?", "frequency", ""),
])
def test_most_and_least(text, kind, extreme):
    question = parse_query(text, now=NOW).question
    assert (question.kind, question.extreme) == (kind, extreme)


@pytest.mark.parametrize("text, kind, per", [
    ("On average, how many times a week did I go to the gym?", "frequency", "week"),
    ("How many times a week did I go to the gym?", "frequency", "week"),
    ("How many hours a day did I spend at the office on average?", "duration", "day"),
    ("How often per month do I eat sushi?", "frequency", "month"),
    ("How many cups of coffee did I drink per day in May?", "counting", "day"),
    ("How many kilometres did I walk each week on average?", "distance", "week"),
    ("How many times a year did I fly to London?", "frequency", "year"),
    ("How much time did I spend on the bus every day?", "duration", "day"),
    ("On an average day, how long did I spend commuting?", "duration", "day"),
    ("How many days a week did I go to the office?", "frequency", "week"),
    ("how far do I walk on a typical day", "distance", "day"),
    ("How many times did I go to the gym in May?", "frequency", ""),
    ("How long did I spend at the airport on the day I flew to Rome?", "duration", ""),
    ("How many people were at the party on a Friday in May?", "counting", ""),
    ("What did I eat on a day I flew to Lisbon?", "object", ""),
])
def test_averages_per_unit(text, kind, per):
    question = parse_query(text, now=NOW).question
    assert (question.kind, question.per) == (kind, per)


@pytest.mark.parametrize("text, edge", [
    ("What time did I usually leave the office?", "end"),
    ("What time did I leave work on Friday?", "end"),
    ("When did I arrive at the hotel in Rome?", "start"),
    ("What time did I get to work on Monday?", "start"),
    ("What time did I get into the office on 3 May?", "start"),
    ("When did I wake up on my birthday?", "start"),
    ("When did I go to bed on New Year's Eve?", "end"),
    ("What time did I get up on Sunday?", "start"),
    ("At what time did I finish work on Friday?", "end"),
    ("When did I check out of the hotel in Lisbon?", "end"),
    ("When did I fly back from Palermo?", "end"),  # the journey home ends the trip
    ("Which day of the week did I usually fly home?", "end"),
    ("When did I leave Paris?", "end"),
    ("What time did I start work on Monday?", "start"),
    ("What time did I reach the airport?", "start"),
    ("When did I get home after the concert?", "start"),
    ("When did I go to Oslo?", ""),
    ("When did I go to the gym to start training?", ""),  # the verb asked about is "go"
    ("What time did I have breakfast on 3 May?", ""),
    ("When did I last eat sushi?", ""),
    ("What time did my plane land at Heathrow on 16 January?", "start"),  # the vehicle is the subject, the verb after it
    ("When did the train from Lyon leave?", "end"),
    ("When did our ferry arrive in Dover?", "start"),
    ("What time did my flight to Rome leave?", ""),  # it left from elsewhere, which the question does not name
])
def test_start_or_end_of_a_stay(text, edge):
    question = parse_query(text, now=NOW).question
    assert (question.kind, question.edge) == ("time", edge)


@pytest.mark.parametrize("text, usual", [
    ("What time did I usually leave the office?", True),
    ("What did I typically eat for breakfast?", True),
    ("Where did I normally have lunch on weekdays?", True),
    ("On a typical day, when did I get to work?", True),
    ("What time do I tend to go to bed?", True),
    ("Where did I generally buy my groceries?", True),
    ("When did I leave the office on Friday?", False),
    ("What time did I leave the office?", False),
    ("Where did I have lunch on 3 May?", False),
])
def test_usually(text, usual):
    assert parse_query(text, now=NOW).question.usual is usual


@pytest.mark.parametrize("text, means", [
    ("How far did I walk on Sunday?", "walk"),
    ("What distance did I cycle in May?", "cycle"),
    ("How many kilometres did I run last week?", "run"),
    ("How many miles did I drive on my trip to Galway?", "drive"),
    ("How far did I fly in 2019?", "fly"),
    ("How far did I travel on my second trip to Paris?", ""),
    ("How far did I go on my bike on Saturday?", "cycle"),
    ("How many km did I jog in June?", "run"),
    ("How far did I hike in the mountains?", "walk"),
    ("What distance did I cover on foot in Rome?", "walk"),
    ("How far did I go by car on Sunday?", "drive"),
    ("How far is my hotel in Rome from the station?", ""),
])
def test_distance_by_means_of_travel(text, means):
    question = parse_query(text, now=NOW).question
    assert (question.kind, question.means) == ("distance", means)


@pytest.mark.parametrize("text, granularity, every", [
    ("On which day did I buy the new laptop?", "weekday", False),
    ("What time did I usually leave the office?", "clock", False),
    ("What was the last time I had pizza?", "date", False),
    ("In what city did I watch the football match?", "city", False),
    ("Which cities did I visit in 2019?", "city", True),
    ("How many different countries did I visit in 2019?", "country", True),
    ("List the cities I visited in 2019", "city", True),
    ("Which museums did I visit in Paris?", "place", True),
    ("How many restaurants did I eat at in Rome?", "place", True),
    ("Which city did I visit the least?", "city", False),
    ("Whereabouts did I stay in Lisbon?", "place", False),
    ("Which of the cities I visited in 2019 did I stay in longest?", "city", False),  # the one, not all of them
    ("I'm curious how many countries I visited in 2019", "country", True),
    ("What were the names of the cities I visited?", "city", True),
    ("In which part of the city was my hotel?", "place", False),  # a place within the city, not the city
])
def test_granularity_and_lists(text, granularity, every):
    question = parse_query(text, now=NOW).question
    assert (question.granularity, question.every) == (granularity, every)


@pytest.mark.parametrize("text, ordinal", [
    ("What was the first time I went to the cinema?", 0),
    ("What was the last time I had pizza?", -1),
    ("When did I last eat sushi?", -1),
    ("How often do I eat sushi?", None),
    ("What was the name of the bar where I watched the World Cup final?", None),  # a match, not the last visit
])
def test_which_visit(text, ordinal):
    question = parse_query(text, now=NOW).question
    assert question.ordinal == ordinal


# The frame ("I'd like to know", "roughly", "on average", "most often", "a week", "usually") is not the subject:
# what is left for the pixels keeps the subject's words and none of the frame's.
@pytest.mark.parametrize("text, kept, dropped", [
    ("Roughly how often do I eat sushi?", ["sushi"], ["roughly", "how", "often"]),
    ("I'd like to know when I was last at the dentist", ["dentist"], ["like", "know", "when", "last"]),
    ("On average, how many times a week did I go to the gym?", ["gym"], ["average", "times", "week", "many"]),
    ("How many hours a day did I spend at the office on average?", ["office"], ["hours", "day", "average"]),
    ("What time did I usually leave the office?", ["office"], ["usually", "time", "what"]),
    ("Which restaurant did I go to most often?", ["restaurant"], ["most", "often", "which"]),
    ("Name the film I saw at the cinema in May", ["film", "cinema"], ["name"]),
    ("List the cities I visited in 2019", ["cities"], ["list"]),
    ("can you tell me how long I stayed in Rio please", ["stayed"], ["tell", "please", "long", "can"]),
    ("What is my favourite café?", ["café"], ["favourite", "what"]),
    ("approximately how many people were at the party", ["people", "party"], ["approximately", "many"]),
    ("Tell me what colour my umbrella was in Tokyo", ["umbrella"], ["tell", "colour"]),
    ("Remind me where I parked the car at the airport", ["car", "airport"], ["remind", "where"]),
    ("give me the number of cups of coffee I drank on 3 May", ["coffee"], ["give", "number"]),
    ("Which city did I visit the least?", ["city"], ["least"]),
    ("I want to know which cities I visited in 2019", ["cities"], ["want", "know"]),
    ("What did I typically eat for breakfast?", ["breakfast"], ["typically"]),
    ("On a typical day, how many hours did I spend at my desk?", ["desk"], ["typical", "hours"]),
    ("How far did I walk on Sunday?", ["walk"], ["far", "how"]),
    ("When did I buy the colour printer?", ["colour", "printer"], ["when"]),
    ("How many days a week did I cycle to work on average?", ["cycle", "work"], ["days", "week", "did", "average"]),
    ("Tell me if I went to the gym last week", ["went", "gym"], ["tell", "if"]),
    ("Which country have I visited the most times?", ["country"], ["most", "times", "s"]),
    ("whats the name of the pub near my office", ["pub", "office"], ["whats", "s", "name"]),
    ("How long on average did I spend at the gym per visit?", ["gym"], ["average", "did", "long"]),
    ("What was the average number of times I went to the gym per week?", ["gym"], ["average", "number", "times", "week"]),
])
def test_the_frame_is_not_the_subject(text, kept, dropped):
    visual = {word.lower() for word in re.findall(r"[^\W_]+", parse_query(text, now=NOW).visual)}
    assert set(kept) <= visual and not set(dropped) & visual, visual


def test_new_fields_round_trip():
    parsed = parse_query("On average, how many times a week did I usually go to the gym most often?", now=NOW)
    assert ParsedQuery.from_dict(parsed.to_dict()) == parsed
    walked = parse_query("How far did I walk on Sunday?", now=NOW).question
    assert Question.from_dict(walked.to_dict()) == walked and walked.to_dict()["means"] == "walk"
    assert Question("time").to_dict() == {"kind": "time", "granularity": "", "ordinal": None, "unit": "", "now": "", "counted": "",
                                          "every": False, "extreme": "", "per": "", "edge": "", "usual": False, "means": ""}
    assert QUESTION_KINDS[-1] == "distance"


# LSC-style questions written on 2026-12-07 from the LSC's QA topics' manner (names, brands, signs, colours,
# counts, "find out", "remind me"), before the parser was run on them: question<TAB>kind. The second file's
# vary the phrasing more (imperative, indirect, no "?", lower case, typos, long clauses); the third's are spoken
# ("do you know", "can you check") and were written in a later session, again before the parser met them.
LSC_STYLE = [line.split("\t") for name in ("lsc_style_questions.tsv", "lsc_style_questions_2.tsv", "lsc_style_questions_3.tsv")
             for line in _written_lines(name)]


@pytest.mark.parametrize("text,kind", LSC_STYLE)
def test_lsc_style_question_kinds(text, kind):
    question = parse_query(text, now=NOW).question
    assert question is not None and question.kind == kind


def test_lsc_style_sets_cover_every_kind():
    assert len(_written_lines("lsc_style_questions_2.tsv")) >= 150 and len(_written_lines("lsc_style_memories_2.txt")) >= 60
    assert {kind for _, kind in LSC_STYLE} == set(QUESTION_KINDS)
