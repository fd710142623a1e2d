"""The benchmarks compare like with like: the dateparser baseline reads a date at its own granularity,
and the frozen test part of the parse benchmark stays as it was written."""

import hashlib
import sys
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import parse_quality  # noqa: E402

NOW = datetime(2020, 6, 30, 23, 59)


@pytest.mark.parametrize(
    "text, inside, outside",
    [
        ("pints with friends in November 2019", ["2019-11-01T09:00", "2019-11-16T20:00", "2019-11-30T22:00"], ["2019-10-31T12:00", "2019-12-01T12:00"]),
        ("a concert in 2019", ["2019-01-02T12:00", "2019-07-01T12:00", "2019-12-31T22:00"], ["2018-12-31T12:00", "2020-01-01T12:00"]),
        ("lunch on 3 May 2019", ["2019-05-03T08:00", "2019-05-03T22:00"], ["2019-05-02T12:00", "2019-05-04T12:00"]),
    ],
)
def test_the_baseline_admits_the_whole_span_its_date_names(text, inside, outside):
    moments = [datetime.fromisoformat(moment) for moment in inside + outside]
    seconds = np.array([parse_quality.local_seconds(moment) for moment in moments])
    admitted = parse_quality.baseline_mask(text, NOW, seconds)
    assert admitted.tolist() == [True] * len(inside) + [False] * len(outside)


def test_the_test_part_is_still_as_frozen():
    """Edit benchmarks/parse_testset.json only to start a new frozen part (and say so), never to fit the parser."""
    assert hashlib.sha256(parse_quality.TESTSET.read_bytes()).hexdigest() == parse_quality.TESTSET_SHA256
