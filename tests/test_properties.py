"""Bad input, generated: properties that hold for any text, any CSV and any conversation (Hypothesis).

- The parser: any Unicode text up to the chat's limit parses, and its result round-trips through JSON; a text with
  no digit and no time word gets no time filter; removing a word never narrows the filters it did not name.
- The CSV readers (metadata and captions, the two CSVs `lifelog index` reads): random rows, in UTF-8, UTF-8 with a
  BOM, UTF-16 or Windows-1252, separated by commas, semicolons, tabs or bars: every good row is kept as written, every
  bad one is reported with its line number.
- The /chat API of a real app on a small synthetic library: random messages, choices and photo ids never make a
  server error (an unknown photo is a clear error, a message always gets a reply).

Each property has a small example budget (the set runs in well under a minute on 2 cores); a failure found is
saved in .hypothesis/ and replayed first on the next run. The bugs these found have their own examples below.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, example, given, note, settings
from hypothesis import strategies as st

from assistant.chat.state import MAX_MESSAGE_CHARS
from assistant.indexing.metadata import read_captions, read_metadata
from assistant.core.photo_names import photo_key
from assistant.query import KnownPlace, ParsedQuery, local_seconds_of, parse_query
from assistant.query.language.phrases import PHRASES
from assistant.query.numbers import CARDINALS, ORDINALS, VAGUE
from assistant.query.time.words import MONTH_ABBREVIATIONS, TIME_WORDS, WEEKDAY_ABBREVIATIONS

NOW = datetime(2020, 6, 30, 23, 59)
SINCE = datetime(2015, 1, 1)
PLACES = [
    KnownPlace("Home", "semantic", 53.386, -6.258, 0.2, "IE", 400),
    KnownPlace("Dublin Airport", "semantic", 53.421, -6.270, 0.8, "IE", 40),
    KnownPlace("Dublin", "city", 53.350, -6.260, 6.0, "IE", 900),
    KnownPlace("Ireland", "country", 53.300, -6.300, 150.0, "IE", 1000),
    KnownPlace("Thessaloniki", "city", 40.632, 22.941, 6.0, "GR", 120),
    KnownPlace("Greece", "country", 40.600, 22.900, 300.0, "GR", 130),
]
CONCEPTS = ["dog", "cup", "laptop"]
QUICK = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])


def parse(text: str, **options) -> ParsedQuery:
    return parse_query(text, now=NOW, since=SINCE, places=PLACES, concepts=CONCEPTS, **options)


# ---- the parser ---------------------------------------------------------------------------------------

# Words of every kind the parser reads, and characters that have broken parsers: other digits, superscripts,
# fractions, direction overrides, a byte-order mark, emoji, other scripts.
TOKENS = """in on at the a of and or not no never before after around about between from to until since during last next this
every ago early late mid half quarter past o'clock am pm a.m. noon midnight morning afternoon evening night tonight today yesterday
weekend week month year day days weeks years monday friday fridays fri sat jan march may june sept christmas easter halloween eve
spring summer winter lunch breakfast first second 1st 21st 31st 0 1 2 7 12 13 24 29 31 32 99 1999 2019 2020 2101 9999 12:00 25:61
7:30 7pm 19:00 04/05/2020 31/02/2019 2019-02-30 '19 90s 1990s one two twelve twenty few several how many when where what which did
was I we my long often times Dublin Thessaloniki Home Ireland Greece Tokyo Paris Reading near outside inside home airport pub cafe
coffee dog dogs with without cups Freitag Abend Januar Παρασκευή βράδυ 星期五 晚上 пятница вечером lundi soir ２０１９ ٢٠١٩ ７pm ١٢:٣٠
¹ ² ³ ½ Ⅻ 𝟚𝟘𝟙𝟡 , . ! ? ; : - – ( ) " ' / & % # 🍺 ☕️ \u202e \ufeff""".split()
any_text = st.one_of(
    st.text(max_size=MAX_MESSAGE_CHARS),
    st.text(min_size=MAX_MESSAGE_CHARS - 40, max_size=MAX_MESSAGE_CHARS),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=60).map(" ".join).map(lambda text: text[:MAX_MESSAGE_CHARS]),
)


@settings(max_examples=150, **QUICK)
@given(any_text, st.sampled_from([None, "DMY", "MDY"]), st.sampled_from([None, "auto", "de", "el", "en"]))
@example("¹", None, "de")  # a superscript is a digit to str.isdigit(), not to int(): the German clock rule crashed on it
@example("at ² pm", None, None)
def test_any_text_parses_and_round_trips(text, date_order, language):
    parsed = parse(text, date_order=date_order, language=language)
    parsed.describe()
    assert ParsedQuery.from_dict(parsed.to_dict()).to_dict() == parsed.to_dict()


NUMBER_WORDS = set(CARDINALS) | set(ORDINALS) | set(VAGUE)
# Time words the word table leaves out, because the finders know them as phrases.
MORE_TIME_WORDS = {"today", "yesterday", "tomorrow", "now", "recently", "lately", "once", "twice", "then", "later", "earlier", "soon",
                   "season", "seasons", "decade", "decades", "century", "anniversary", "birthday", "weekday", "weekdays", "fortnight",
                   "minute", "minutes", "second", "seconds", "daily", "weekly", "monthly", "yearly", "annual", "annually", "overnight"}
ENGLISH_TIME_WORDS = {word.lower() for word in TIME_WORDS} | set(MONTH_ABBREVIATIONS) | set(WEEKDAY_ABBREVIATIONS) | NUMBER_WORDS | MORE_TIME_WORDS
# Other languages' time words: each language's phrase table words whose English is one ("Mittag": "lunchtime").
FOREIGN_TIME_WORDS = {phrase for table in PHRASES.values() for phrase, english in table.items()
                      if " " not in phrase and set(re.findall(r"[a-z]+", english.lower())) & ENGLISH_TIME_WORDS}
NOT_TIMELESS = ENGLISH_TIME_WORDS | FOREIGN_TIME_WORDS
PLAIN_WORDS = """a an the of and or with without not no in on at near by for to from into outside inside under over behind some my
coffee tea beer pint pub bar cafe restaurant street bus train bike dog cat cup friends family people table desk laptop screen book
sign red blue green big small happy walking eating drinking sitting reading looking photo view river sea beach park tree building
church bridge market shop sushi pizza cake kitchen office colleague brother Dublin Thessaloniki Home Ireland Greece Tokyo airport""".split()
no_digit = st.characters(blacklist_categories=("Nd", "No", "Nl", "Cs"))


@settings(max_examples=150, **QUICK)
@given(st.lists(st.one_of(st.sampled_from(PLAIN_WORDS), st.text(no_digit, min_size=1, max_size=10)), max_size=60),
       st.sampled_from([" ", ", ", ". "]), st.sampled_from([None, "auto", "de", "el"]))
def test_no_time_is_invented_without_digits_or_time_words(words, separator, language):
    text = separator.join(words)[:MAX_MESSAGE_CHARS]
    tokens = {word.lower().strip(".") for word in re.findall(r"[^\W_]+(?:['’.][^\W_]+)*", text) + text.split()}
    assume(not tokens & NOT_TIMELESS)
    parsed = parse(text, language=language)
    assert not parsed.time.terms, parsed.time.to_dict()
    assert parsed.question is None or not parsed.question.now


# Phrases of each kind of filter; a description (of no filter) opens with a determiner, so that no noun of it
# stands right after a time phrase ("on a Friday coffee" is a Friday coffee, by design).
PHRASES = {
    "time": ["on a Friday", "on Fridays", "in the evening", "in the morning", "at night", "in September", "in May 2019", "last summer",
             "at 7pm", "around 8:30", "on 5 January 2019", "in 2019", "at Christmas", "on a weekend", "last week", "two years ago",
             "not on a Monday", "before noon", "after 6pm", "between 2pm and 4pm", "early in the morning", "on Friday evening",
             "in winter", "during lunch", "on New Year's Eve", "yesterday", "Friday evening", "Sunday", "tonight", "September 2019"],
    "place": ["in Dublin", "at home", "not at home", "in Ireland", "in Thessaloniki", "near Dublin Airport", "in Greece", "in Tokyo",
              "in Paris", "not in Dublin", "outside Ireland", "in Japan", "in Reading", "in Galway"],
    "concept": ["with a dog", "with two cups", "without a dog", "with the laptop"],
}
NEGATIONS = {"not", "outside", "without", "never"}
DESCRIPTION = PLAIN_WORDS[PLAIN_WORDS.index("coffee"):PLAIN_WORDS.index("Dublin")]
phrase = st.one_of(
    st.tuples(st.sampled_from(["a", "the", "some", "my"]), st.lists(st.sampled_from(DESCRIPTION), min_size=1, max_size=3))
    .map(lambda words: ("description", [words[0], *words[1]])),
    *[st.sampled_from(phrases).map(lambda text, kind=kind: (kind, text.split())) for kind, phrases in PHRASES.items()],
)
SECONDS = np.arange(local_seconds_of(datetime(2012, 1, 1)), local_seconds_of(datetime(2021, 1, 1)), 1800, dtype=np.int64)
_GRID = np.meshgrid(np.arange(-80.0, 81.0, 4.0), np.arange(-180.0, 180.0, 4.0))
_NEAR = np.random.default_rng(0).normal(0, 0.08, (2, 200))
LAT = np.concatenate([_GRID[0].ravel(), [place.lat for place in PLACES], 53.35 + _NEAR[0], [48.86, 35.68, 51.45, 53.27]])
LNG = np.concatenate([_GRID[1].ravel(), [place.lng for place in PLACES], -6.26 + _NEAR[1], [2.35, 139.69, -0.97, -9.05]])


def admitted(parsed: ParsedQuery) -> dict:
    """What each kind of filter lets through: times on a half-hour grid over nine years, points over the
    world and around the known places, and the concepts asked for."""
    return {"time": parsed.time.mask(SECONDS), "place": parsed.place.mask(LAT, LNG), "concept": {term.to_dict()["label"]: term for term in parsed.concepts}}


def narrowed(kind: str, before, after) -> bool:
    if kind == "concept":
        return not set(after) <= set(before)
    return bool(np.any(before & ~after))


@st.composite
def edits(draw) -> tuple[list[tuple[int, str, str]], int]:
    """A text as (phrase number, kind of phrase, word) per word, phrases joined by nothing, a comma or "and"; and
    the position of the word to remove."""
    phrases = draw(st.lists(phrase, min_size=1, max_size=6))
    joins = draw(st.lists(st.sampled_from(["", ",", " and"]), min_size=len(phrases), max_size=len(phrases)))
    words = [(index, kind, word + (joins[index] if position == len(said) - 1 else ""))
             for index, (kind, said) in enumerate(phrases) for position, word in enumerate(said)]
    return words, draw(st.integers(0, len(words) - 1))


def phrases_of(*phrases: tuple[str, str]) -> list[tuple[int, str, str]]:
    return [(index, kind, word) for index, (kind, text) in enumerate(phrases) for word in text.split()]


@settings(max_examples=120, **QUICK)
@given(edits())
@example((phrases_of(("place", "in Paris"), ("time", "yesterday")), 2))  # "Paris yesterday" was read as a name, as "Paris Hilton"
@example((phrases_of(("place", "in Galway"), ("time", "Friday evening")), 1))  # "Galway Friday" was a title, as "Saturday Night Fever"
@example((phrases_of(("description", "a coffee"), ("place", "not at home"), ("time", "on a Friday")), 1))
def test_removing_a_word_never_narrows_the_filters_it_did_not_name(edit):
    words, dropped = edit
    index, kind, word = words[dropped]
    text = " ".join(word for _, _, word in words)
    shorter = " ".join(word for position, (_, _, word) in enumerate(words) if position != dropped)
    note(f"{text!r} -> {shorter!r} (dropped {word!r}, a word of a {kind})")
    before, after = admitted(parse(text)), admitted(parse(shorter))
    # A negation whose own phrase lost a word may go to the next phrase ("not in Dublin yesterday" without "Dublin"
    # reads "not in yesterday"): that phrase named the negation, so only its own kind is left unchecked then.
    dangling = kind != "description" and any(said.strip(",").lower() in NEGATIONS for i, _, said in words if i == index)
    for other in ("time", "place", "concept"):
        if other != kind and not dangling:
            assert not narrowed(other, before[other], after[other]), f"the {other} filter narrowed"


def test_the_words_found_by_these_properties_parse_as_meant():
    def said(text):
        parsed = parse_query(text, now=NOW)
        return [chip.label for chip in parsed.chips()]

    assert said("in Paris yesterday") == ["yesterday (29 June 2020)", "near Paris"]
    assert said("in Galway Friday evening") == ["Fridays", "evening", "near Galway"]
    assert said("at TGI Fridays") == []  # a restaurant still, not a weekday
    assert said("in Saturday Night Fever") == []
    assert said("not on a in Dublin") == ["near Dublin"]  # a negation with a word missing after it negates nothing
    assert said("not at on a Friday") == ["Fridays"]
    assert said("not on a Monday in Dublin") == ["not: Mondays", "near Dublin"]
    assert said("never really been in Dublin") == ["not: near Dublin"]


# ---- the CSV readers -----------------------------------------------------------------------------------

HEADER = ["ImageID", "new_lat", "new_lng", "semantic_name", "city", "country", "timezone"]
EMPTY = {"", "null", "none", "nan", "n/a", "na", "-"}
name = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
row = st.fixed_dictionaries({
    "ImageID": st.one_of(st.from_regex(r"20[0-9]{6}_[0-9]{6}_000\.jpg", fullmatch=True), st.just(""), name),
    "new_lat": st.one_of(st.floats(-90, 90).map(lambda value: repr(round(value, 5))), st.sampled_from(["", "north", "91.5", "nan", "1e999", "5,3"])),
    "new_lng": st.one_of(st.floats(-180, 180).map(lambda value: repr(round(value, 5))), st.sampled_from(["", "-200", "inf", "12.3.4"])),
    "semantic_name": name, "city": name, "country": name,
    "timezone": st.sampled_from(["Europe/Dublin", "Asia/Tokyo", "", "Not/AZone"]),
})
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]


def clean(value: str) -> str:
    value = value.strip()
    return "" if value.lower() in EMPTY else value


def coordinate(text: str, limit: float) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if np.isfinite(value) and abs(value) <= limit else None


def written(tmp_path_factory, rows: list[list[str]], separator: str, encoding: str, newline: str, name: str = "meta.csv") -> tuple[Path, list[int]]:
    """The rows as a CSV file, and the line each row starts on."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator=newline)
    lines = []
    for fields in rows:
        lines.append(len(re.findall(r"\r\n|\r|\n", buffer.getvalue())) + 1)  # a quoted line break is a line too
        writer.writerow(fields)
    text = buffer.getvalue()
    try:
        data = text.encode(encoding)  # what an encoding cannot say, nobody wrote in it
    except UnicodeEncodeError:
        assume(False)
    if encoding == "cp1252":  # a lone byte over 127 is never UTF-8; two in a row may be ("Ã©" is é): that file reads as UTF-8
        assume(not re.search(r"[^\x00-\x7f]{2}", text))
    path = tmp_path_factory.mktemp("csv") / name
    path.write_bytes(data)
    return path, lines


@settings(max_examples=100, **QUICK)
@given(st.lists(row, max_size=25), st.sampled_from([",", ";", "\t", "|"]), st.sampled_from(ENCODINGS), st.sampled_from(["\n", "\r\n"]),
       st.integers(0, 2))
@example([{"ImageID": "a.jpg", "new_lat": "1", "new_lng": "2", "semantic_name": "'s Hertogenbosch, station", "city": "", "country": "",
           "timezone": ""}, {"ImageID": "b.jpg", "new_lat": "", "new_lng": "", "semantic_name": "x", "city": "", "country": "", "timezone": ""}],
         ",", "utf-8", "\n", 0)  # csv.Sniffer took the apostrophe for the quote character: every row after it was lost
def test_metadata_csv_keeps_good_rows_and_reports_bad_ones_by_line(tmp_path_factory, rows, separator, encoding, newline, blank_lines):
    if newline == "\n":  # a bare CR is a line break to any reader: a writer that leaves one unquoted breaks the row
        rows = [{column: value.replace("\r", "") for column, value in fields.items()} for fields in rows]
    table_rows = [HEADER] + [[fields[column] for column in HEADER] for fields in rows]
    path, lines = written(tmp_path_factory, [[]] * blank_lines + table_rows, separator, encoding, newline)
    lines = lines[blank_lines + 1:]
    note(path.read_bytes()[:3000])
    table = read_metadata(path)
    issues: dict[int, list[str]] = {}
    for issue in table.issues:
        issues.setdefault(issue.line, []).append(issue.message)
    note(issues)
    kept: dict[str, tuple[int, dict]] = {}
    for line, fields in zip(lines, rows):
        if not any(value.strip() for value in fields.values()):
            continue
        if any("\n" in value or "\r" in value for value in fields.values()):  # a quoted line break: reported, not read
            assert any("broken quoting" in message for message in issues.get(line, [])), line
        elif not clean(fields["ImageID"]):
            assert any("no image id" in message for message in issues.get(line, [])), line
        else:
            kept[photo_key(clean(fields["ImageID"]))] = (line, fields)
            lat, lng = coordinate(clean(fields["new_lat"]), 90), coordinate(clean(fields["new_lng"]), 180)
            if (clean(fields["new_lat"]) or clean(fields["new_lng"])) and (lat is None or lng is None):
                assert any("unreadable" in message for message in issues.get(line, [])), line
    assert sorted(table.rows.index) == sorted(kept)
    for key, (line, fields) in kept.items():
        got = table.rows.loc[key]
        assert got["line"] == line
        assert [got[column] for column in ("semantic_name", "city", "country", "timezone")] == [
            clean(fields[column]) for column in ("semantic_name", "city", "country", "timezone")]
        lat, lng = coordinate(clean(fields["new_lat"]), 90), coordinate(clean(fields["new_lng"]), 180)
        if lat is not None and lng is not None:
            assert (got["lat"], got["lng"]) == (lat, lng)


@settings(max_examples=50, **QUICK)
@given(st.lists(st.tuples(st.sampled_from(["a.jpg", "b.jpg", "c/c.jpg", ""]), name, st.lists(name, max_size=2)), max_size=15),
       st.sampled_from([",", ";", "\t"]), st.sampled_from(ENCODINGS))
def test_captions_csv_keeps_every_caption(tmp_path_factory, rows, separator, encoding):
    rows = [(image_id, caption.replace("\r", "").replace("\n", " "), [tag.replace("\r", "").replace("\n", " ") for tag in tags])
            for image_id, caption, tags in rows]
    path, lines = written(tmp_path_factory, [["ImageID", "Description"]] + [[i, c, *t] for i, c, t in rows], separator, encoding, "\r\n", "captions.csv")
    captions = read_captions(path)
    expected: dict[str, str] = {}
    for line, (image_id, caption, tags) in zip(lines[1:], rows):
        if not (image_id or caption.strip() or any(tag.strip() for tag in tags)):
            continue
        if not image_id:
            assert any(issue.line == line and "no image id" in issue.message for issue in captions.issues)
            continue
        text = "; ".join(part for part in map(clean, [caption, *tags]) if part)
        key = photo_key(image_id)
        expected[key] = f"{expected[key]}; {text}" if key in expected and text else (text or expected.get(key, ""))
    assert captions.texts.to_dict() == expected


def test_the_files_found_by_these_properties_read_as_meant(tmp_path):
    utf16 = tmp_path / "utf16.csv"  # what Excel's "Unicode text" saves: it failed as "no image id column"
    utf16.write_text("ImageID\tsemantic_name\ta.jpg\tΘεσσαλονίκη\n".replace("a.jpg\t", "\na.jpg\t"), encoding="utf-16")
    assert read_metadata(utf16).rows.loc["a", "semantic_name"] == "Θεσσαλονίκη"
    windows = tmp_path / "windows.csv"  # Windows-1252 bytes were read as "\ufffd"
    windows.write_bytes("ImageID,semantic_name\na.jpg,Café\nb.jpg,Caf\xc3\xa9\n".encode("latin-1"))
    table = read_metadata(windows)
    assert table.rows.loc["a", "semantic_name"] == "Café" and table.rows.loc["b", "semantic_name"] == "Café"  # the UTF-8 one too
    assert [(issue.line, "Windows-1252" in issue.message) for issue in table.issues] == [(2, True)]
    long_field = tmp_path / "long.csv"  # a field over csv's 128 kB limit raised csv.Error: the whole file was lost
    long_field.write_text("ImageID,semantic_name\na.jpg,x\nb.jpg," + "y" * 200_000 + "\nc.jpg,z\n")
    limit = csv.field_size_limit(131_072)  # the csv module's default, which an imported library may have raised
    try:
        table = read_metadata(long_field)
    finally:
        csv.field_size_limit(limit)
    assert sorted(table.rows.index) == ["a", "c"] and [issue.line for issue in table.issues] == [3]
    blank_first = tmp_path / "blank.csv"  # blank lines before the header: "no image id column in header []"
    blank_first.write_text("\n\nImageID,new_lat,new_lng\na.jpg,1,2\n")
    assert read_metadata(blank_first).rows.loc["a", "line"] == 4


# ---- the /chat API of a real app --------------------------------------------------------------------------

SERVER_ERROR = "upstream Gradio app has raised an exception"  # what a client sees of an exception the app did not expect


@pytest.fixture(scope="module")
def small_app(tmp_path_factory, tiny_encoder, tiny_clip_dir):
    """A real app server on a small synthetic library (60 photos over two days, with captions); its URL and photo ids."""
    from gradio_client import Client

    from assistant.indexing import IndexOptions, index_photos
    from assistant.library import Library
    from assistant.web import build_app, create_pool, launch
    from conftest import free_port, write_lsc_source

    folder = tmp_path_factory.mktemp("small-app")
    source = write_lsc_source(folder, 60, start=datetime(2019, 1, 4, 7, 0), step_minutes=29)
    captions = folder / "captions.csv"
    words = ["a cup of coffee on a desk", "a pint in a pub", "a dog in a park", "a bus in the street", "friends at a table"]
    captions.write_text("ImageID,Description\n" + "".join(f"{path.name},{words[i % 5]}\n" for i, path in enumerate(source.paths)))
    library = folder / "library"
    index_photos(library, source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="Europe/Dublin", metadata_csv=source.metadata_csv,
                 captions_csv=captions, workers=1))
    pool = create_pool(library=str(library), model=str(tiny_clip_dir))
    demo = build_app(pool)
    port = free_port()
    launch(demo, pool, port=port, block=False)
    url = f"http://127.0.0.1:{port}/"
    client = Client(url, verbose=False)
    client.predict("coffee", api_name="/chat")  # the library loads on the first turn
    yield url, client, list(Library.open(library).photos["image_id"])
    demo.close()


WORDS = ("coffee pub dog bus friends Friday Saturday evening morning in Dublin Tokyo Thessaloniki at home not the first second last "
         "one 1 2 3 7 more like that show me no other start over actually it was when did I how many times where on a 2019 January").split()
message = st.one_of(
    st.text(max_size=80),
    st.text(min_size=MAX_MESSAGE_CHARS - 10, max_size=MAX_MESSAGE_CHARS + 200),
    st.lists(st.sampled_from(WORDS), max_size=10).map(" ".join),
    st.integers(-3, 120).map(str),  # picking a choice by its number, offered or not
    st.sampled_from(["show me", "no, the other one", "more like the 2nd", "not the first", "more like that", "#99", "option 0",
                     "more like " + "9" * 900, "How many times did I go to the pub?", "When did I last have coffee?", "Where was I on Friday?",
                     "at the airport", "in Dublin or Tokyo"]),
)


@settings(max_examples=15, **QUICK)
@given(st.data())
def test_the_chat_api_never_fails_on_random_conversations(small_app, data):
    url, client, ids = small_app
    photo = st.one_of(st.sampled_from(ids), st.text(max_size=20), st.sampled_from(["", "../../etc/passwd", ids[0] + " ", ids[0].upper()]))
    action = st.one_of(
        message.map(lambda text: ("/chat", text)), message.map(lambda text: ("/chat", text)),
        photo.map(lambda image_id: ("/more_like", image_id)), photo.map(lambda image_id: ("/submit", image_id)),
        st.just(("/reset", None)),
    )
    client.predict(api_name="/reset")
    for api, argument in data.draw(st.lists(action, min_size=1, max_size=5)):
        try:
            result = client.predict(argument, api_name=api) if argument is not None else client.predict(api_name=api)
        except Exception as error:  # an error the app meant (an unknown photo) is fine; a server error is not
            assert SERVER_ERROR not in str(error), (api, argument, str(error))
            assert api in ("/more_like", "/submit") and "no photo" in str(error), (api, argument, str(error))
        else:
            if api != "/submit":
                assert result["reply"] and isinstance(result["results"], list), (api, argument, result)


@pytest.mark.parametrize("api", ["chat", "more_like", "submit"])
@pytest.mark.parametrize("value", ["coffee \ud800 in a pub", 123, None, ["a"], {"x": 1}, True, 1e308], ids=repr)
def test_the_api_takes_any_json_value(small_app, api, value):
    """What gradio_client cannot send: a lone surrogate, a number, a list, an object where a text is due."""
    import json

    import httpx

    url = small_app[0]
    call = httpx.post(f"{url}gradio_api/call/{api}", content=json.dumps({"data": [value]}), headers={"content-type": "application/json"}, timeout=60)
    assert call.status_code == 200, call.text
    events = httpx.get(f"{url}gradio_api/call/{api}/{call.json()['event_id']}", timeout=120).text
    if "event: error" in events:  # only a photo that is not there, said so
        assert api != "chat" and "no photo" in events, events[:500]
    else:
        assert "event: complete" in events, events[:500]
        assert api == "submit" or '"reply"' in events, events[:500]


@pytest.mark.parametrize("route", ["gradio_api/call/chat", "gradio_api/run/chat", "gradio_api/call/more_like"])
@pytest.mark.parametrize("body", ['{"data": []}', "{}", "not json", "", '{"data": "coffee"}', "[]", '{"data": {"text": "coffee"}}'], ids=repr)
def test_a_call_without_its_values_or_with_bad_json_is_told_what_to_send(small_app, route, body):
    """Gradio answers a /chat with no values with a server error (500, or an error event with no message), and bad JSON
    with a bare "JSON decode error": the caller gets a 4xx naming the shape to send instead."""
    import httpx

    url = small_app[0]
    call = httpx.post(f"{url}{route}", content=body, headers={"content-type": "application/json"}, timeout=60)
    assert 400 <= call.status_code < 500, (call.status_code, call.text)
    error = call.json()["error"]
    wanted = "the message, as text" if route.endswith("chat") else "a photo id"
    assert f'{{"data": ["<{wanted}>"]}}' in error, error
    if body == "not json":
        assert call.status_code == 400 and "not JSON" in error
