import math

import pandas as pd
import pytest

from assistant.indexing.metadata import read_captions, read_metadata
from assistant.core.photo_names import photo_key


def write(tmp_path, text, name="meta.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    "name, key",
    [("20190105_164008_000.jpg", "20190105_164008_000"), ("2019-01-05/20190105_164008_000.JPG", "20190105_164008_000"),
     ("20190105_164008_000", "20190105_164008_000"), ("a\\b\\c.webp", "c")],
)
def test_photo_key(name, key):
    assert photo_key(name) == key


def test_lsc_format(tmp_path):
    table = read_metadata(write(tmp_path, (
        "ImageID,new_lat,new_lng,semantic_name,city,country,timezone\n"
        "20190105_164008_000.jpg,53.38,-6.25,Home,Dublin,Ireland,Europe/Dublin\n"
        "20190105_164538_000.jpg,NULL,NULL,,,,Europe/Dublin\n"
    )))
    assert table.issues == []
    home = table.rows.loc["20190105_164008_000"]
    assert (home["lat"], home["lng"], home["semantic_name"], home["timezone"]) == (53.38, -6.25, "Home", "Europe/Dublin")
    missing = table.rows.loc["20190105_164538_000"]
    assert math.isnan(missing["lat"]) and missing["semantic_name"] == ""


def test_variant_headers_and_extra_columns(tmp_path):
    table = read_metadata(write(tmp_path, (
        "minute_id;image_path;Latitude;Longitude;semantic_name;City;Country;time_zone;local_time;extra\n"
        "20190105_1640;2019-01-05/20190105_164008_000.jpg;53.38;-6.25;DCU;Dublin;Ireland;Europe/Dublin;2019-01-05 16:40:08;x\n"
    )))
    row = table.rows.loc["20190105_164008_000"]
    assert row["image_id"] == "20190105_164008_000.jpg"
    assert row["semantic_name"] == "DCU" and row["lat"] == 53.38
    assert row["local_time"] == pd.Timestamp("2019-01-05 16:40:08")


def test_bad_rows_are_reported_with_line_numbers_and_good_rows_kept(tmp_path):
    table = read_metadata(write(tmp_path, (
        "ImageID,new_lat,new_lng,semantic_name,city,country,timezone\n"
        "a.jpg,53.3,-6.2,Home,Dublin,Ireland,Europe/Dublin\n"
        "b.jpg,north,-6.2,Home,Dublin,Ireland,Europe/Dublin\n"
        "c.jpg,53.3,-6.2,Home,Dublin,Ireland,Not/AZone\n"
        ",53.3,-6.2,Home,Dublin,Ireland,Europe/Dublin\n"
        "d.jpg,95.0,-6.2,Home,Dublin,Ireland,Europe/Dublin\n"
        "a.jpg,53.4,-6.3,Work,Dublin,Ireland,Europe/Dublin\n"
    )))
    messages = {issue.line: issue.message for issue in table.issues}
    assert "unreadable" in messages[3] and "'north'" in messages[3]
    assert "no image id" in messages[5]
    assert "unreadable" in messages[6]
    assert "appears again" in messages[7]
    assert sorted(table.rows.index) == ["a", "b", "c", "d"]
    assert table.rows.loc["a", "semantic_name"] == "Work"  # the later row wins
    assert math.isnan(table.rows.loc["b", "lat"])
    assert 4 not in messages  # an unknown zone is reported when resolving, with the zone used instead
    assert table.rows.loc["c", "timezone"] == "Not/AZone" and table.rows.loc["c", "lat"] == 53.3


def test_broken_quoting_is_reported(tmp_path):
    table = read_metadata(write(tmp_path, (
        "ImageID,new_lat,new_lng,semantic_name,city,country,timezone\n"
        'a.jpg,53.3,-6.2,"Home,Dublin,Ireland,Europe/Dublin\n'
        "b.jpg,53.3,-6.2,Home,Dublin,Ireland,Europe/Dublin\n"
    )))
    assert any("broken quoting" in issue.message and issue.line == 2 for issue in table.issues)


def test_missing_id_column_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="no image id column"):
        read_metadata(write(tmp_path, "lat,lng\n1,2\n"))


def test_captions_and_concepts(tmp_path):
    captions = read_captions(write(tmp_path, (
        "ImageID,Description\n"
        "a.jpg,a cup of coffee on a desk\n"
        "b.jpg,\n"
    ), "captions.csv"))
    assert captions.texts["a"] == "a cup of coffee on a desk"
    concepts = read_captions(write(tmp_path, (
        "image_id,tags,objects\n"
        "a.jpg,indoor;kitchen,cup\n"
        "a.jpg,coffee,\n"
    ), "concepts.csv"))
    assert concepts.texts["a"] == "indoor;kitchen; cup; coffee"
