"""Answers are judged as a human LSC judge would: numbers, dates, durations and names in any usual wording."""

import pytest

from assistant.studies import AcceptedAnswer, answer_matches


@pytest.mark.parametrize(
    "given, accepted, tolerance, expected",
    [
        ("4", "4", "", True),
        ("four", "4", "", True),
        ("I went there four times", "4", "", True),
        ("twice", "2", "", True),
        ("two", "twice", "", True),
        ("twenty-one", "21", "", True),
        ("3", "4", "", False),
        ("someone", "1", "", False),  # "one" inside a word is not a number
        ("5", "4", "1", True),
        ("27 June", "27/06/2020", "", True),
        ("27/06/2020", "27 June 2020", "", True),
        ("June 27 2020", "2020-06-27", "", True),
        ("on the 27th of June, 2020", "27 June 2020", "", True),
        ("28 June", "27 June 2020", "", False),
        ("27 June 2019", "27 June 2020", "", False),
        ("06/27/2020", "27 June 2020", "", True),  # month first only where day first cannot be
        ("about three and a half hours", "3 hours 37 minutes", "15 minutes", True),
        ("3h20", "3 hours 37 minutes", "15 minutes", False),
        ("an hour and a half", "90 minutes", "", True),
        ("95 min", "90 minutes", "10%", True),
        ("2 hours", "90 minutes", "10%", False),
        ("the Brazen Head pub", "The Brazen Head", "", True),
        ("Bewleys", "Bewley's", "", True),
        ("flight fr7014", "FR 7014", "", True),
        ("Electra", "Electra Palace", "", False),
        ("Café de Flore", "cafe de flore", "", True),
    ],
)
def test_answers_match_tolerantly(given, accepted, tolerance, expected):
    assert answer_matches(given, AcceptedAnswer(accepted, tolerance)) is expected


@pytest.mark.parametrize(
    "given, accepted, date_order, expected",
    [
        ("04/05/2020", "4 May 2020", None, True),  # both readings admitted when no order is set
        ("04/05/2020", "5 April 2020", None, True),
        ("04/05/2020", "4 May 2020", "DMY", True),
        ("04/05/2020", "5 April 2020", "DMY", False),
        ("04/05/2020", "5 April 2020", "MDY", True),
        ("13/05/2020", "13 May 2020", "MDY", True),  # 13 cannot be a month: read day first whatever the order
        ("05/13/2020", "13 May 2020", "DMY", True),
    ],
)
def test_an_ambiguous_numeric_date_is_read_in_the_date_order(given, accepted, date_order, expected):
    assert answer_matches(given, AcceptedAnswer(accepted), date_order) is expected
