"""Who may reach the app and what it serves: defaults, path traversal, logins with a library per account,
and the study log, all over HTTP against real servers."""

import os
import socket
import subprocess
import sys
from urllib.parse import quote

import httpx
import pytest
from gradio_client import Client

import app
from assistant.core.access import add_account
from assistant.cli import parse_app_args
from assistant.core.settings import Settings
from assistant.indexing import IndexOptions, index_photos
from assistant.library import Library
from assistant.web import build_app, create_pool, launch
from assistant.studies import read_log, summarise
from conftest import free_port, write_lsc_source


# ---- defaults -------------------------------------------------------------------------------------


def test_defaults_are_this_machine_only_and_no_public_link(monkeypatch):
    monkeypatch.delenv("SPACE_ID", raising=False)
    monkeypatch.delenv("GRADIO_SERVER_NAME", raising=False)
    assert Settings.resolve().host == "127.0.0.1" and parse_app_args([]).share is False
    assert parse_app_args(["--share"]).share is True


def test_analytics_are_off_without_being_asked():
    env = {key: value for key, value in os.environ.items() if key != "GRADIO_ANALYTICS_ENABLED"}
    run = subprocess.run(
        [sys.executable, "-c", "import os, app; print(os.environ['GRADIO_ANALYTICS_ENABLED'], app.demo.analytics_enabled)"],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["False", "False"]


def test_the_server_listens_on_loopback_only(app_server):
    port = int(app_server.rstrip("/").rsplit(":", 1)[1])
    socket.create_connection(("127.0.0.1", port), timeout=5).close()
    with pytest.raises(OSError):  # Linux routes all of 127/8 to this machine: a wildcard bind would answer here
        socket.create_connection(("127.0.0.2", port), timeout=5).close()


# ---- path traversal -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def photo(demo_library):
    library = Library.open(demo_library)
    return library.record(0)["path"], library.photo_roots[0]


def _file_url(base, path):
    return f"{base}gradio_api/file={quote(str(path), safe='/')}"


def test_a_library_photo_is_served(app_server, photo):
    path, _ = photo
    response = httpx.get(_file_url(app_server, path), timeout=30)
    assert response.status_code == 200 and response.content[:2] == b"\xff\xd8"


@pytest.mark.parametrize(
    "attempt",
    [
        "/etc/passwd",
        "../../etc/passwd",
        "..%2F..%2Fetc%2Fpasswd",
        "{root}/../../../../../../etc/passwd",
        "{root}/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "{root}/../../library.json",
        "{library}/library.json",
        "/proc/self/environ",
    ],
)
def test_files_outside_the_library_photos_are_refused(app_server, photo, demo_library, attempt):
    _, root = photo
    target = attempt.format(root=root, library=demo_library)
    with httpx.Client(timeout=30) as http:
        # Sent as is: httpx would otherwise resolve the dot segments before they reach the server.
        request = http.build_request("GET", app_server)
        request.url = request.url.copy_with(raw_path=f"/gradio_api/file={target}".encode())
        response = http.send(request)
    assert response.status_code in (400, 403, 404), (target, response.status_code)
    assert b"root:" not in response.content and b"format" not in response.content


# ---- logins: each account sees its own library ----------------------------------------------------


@pytest.fixture(scope="module")
def second_library(tmp_path_factory, tiny_encoder):
    folder = tmp_path_factory.mktemp("second")
    source = write_lsc_source(folder, 60, seed=5)
    index_photos(folder / "library", source.photos_dir, IndexOptions(encoder=tiny_encoder, home_timezone="UTC", metadata_csv=source.metadata_csv))
    return folder / "library"


@pytest.fixture(scope="module")
def study_server(tmp_path_factory, demo_library, second_library, tiny_clip_dir):
    """An app with logins (p01: the demo library, p02: another one) and a study log; yields (url, log path)."""
    folder = tmp_path_factory.mktemp("study")
    accounts = folder / "users.tsv"
    add_account(accounts, "p01", "password-one", demo_library)
    add_account(accounts, "p02", "password-two", second_library)
    log = folder / "study.jsonl"
    service = create_pool(library=str(demo_library), model=str(tiny_clip_dir), auth_file=str(accounts), study_log=str(log))
    demo = build_app(service)
    port = free_port()
    launch(demo, service, port=port, block=False)
    yield f"http://127.0.0.1:{port}/", log
    demo.close()


def test_without_login_nothing_is_served(study_server, photo):
    url, _ = study_server
    assert httpx.get(f"{url}gradio_api/info", timeout=30).status_code == 401
    assert httpx.post(f"{url}gradio_api/call/chat", json={"data": ["coffee", None]}, timeout=30).status_code == 401
    assert httpx.get(_file_url(url, photo[0]), timeout=30).status_code == 401
    with pytest.raises(Exception):
        Client(url, verbose=False).predict("coffee", api_name="/chat")


def test_a_wrong_password_is_refused(study_server):
    url, _ = study_server
    with pytest.raises(Exception):
        Client(url, auth=("p01", "password-two"), verbose=False)
    with httpx.Client(timeout=30) as http:
        assert http.post(f"{url}login", data={"username": "p01", "password": "wrong"}).status_code in (400, 401)
        assert http.get(f"{url}gradio_api/info").status_code == 401


def test_each_account_sees_only_its_own_library(study_server, demo_library, second_library):
    url, _ = study_server
    first = Client(url, auth=("p01", "password-one"), verbose=False).predict("a photo", api_name="/chat")
    second_client = Client(url, auth=("p02", "password-two"), verbose=False)
    second = second_client.predict("a photo", api_name="/chat")
    first_ids, second_ids = {hit["image_id"] for hit in first["results"]}, {hit["image_id"] for hit in second["results"]}
    assert first_ids and second_ids and not first_ids & second_ids
    demo, other = Library.open(demo_library), Library.open(second_library)
    assert all(demo.row_of(i) is not None and other.row_of(i) is None for i in first_ids)
    assert all(other.row_of(i) is not None and demo.row_of(i) is None for i in second_ids)
    with pytest.raises(Exception, match="no photo"):  # p02 cannot reach p01's photos through an id either
        second_client.predict(next(iter(first_ids)), api_name="/more_like")


def test_a_photo_file_is_served_only_to_the_account_that_sees_its_library(study_server, demo_library, second_library):
    url, _ = study_server
    own, others = Library.open(second_library).record(0)["path"], Library.open(demo_library).record(0)["path"]
    with httpx.Client(timeout=30) as http:
        assert http.post(f"{url}login", data={"username": "p02", "password": "password-two"}).status_code == 200
        assert http.get(_file_url(url, own)).status_code == 200
        refused = http.get(_file_url(url, others))
        assert refused.status_code == 403 and b"another account" in refused.content


# ---- the study log through the API ----------------------------------------------------------------


def test_a_task_is_logged_field_by_field(study_server):
    url, log = study_server
    client = Client(url, auth=("p02", "password-two"), verbose=False)
    assert client.predict("T7", api_name="/topic") == {"topic": "T7"}
    first = client.predict("a desk in Dublin", api_name="/chat")
    second = client.predict("in the morning", api_name="/chat")
    chosen = second["results"][1]["image_id"]
    liked = client.predict(chosen, api_name="/more_like")
    submitted = client.predict(chosen, api_name="/submit")
    assert submitted["participant"] == "p02" and submitted["topic"] == "T7" and submitted["image_id"] == chosen
    assert submitted["elapsed_s"] >= 0

    records = [r for r in read_log(log).records if r["participant"] == "p02" and r.get("topic") == "T7"]
    assert [r["event"] for r in records] == ["topic", "message", "message", "click", "submit"]
    assert len({r["session"] for r in records}) == 1
    for record, sent, reply in ((records[1], "a desk in Dublin", first), (records[2], "in the morning", second)):
        assert set(record) == {"time", "participant", "event", "topic", "session", "message", "constraints", "matched", "results"}
        assert record["message"] == sent and record["constraints"] == reply["constraints"]
        assert record["results"] == [hit["image_id"] for hit in reply["results"]] and record["matched"] == reply["matched"]
    assert records[3]["action"] == "more_like" and records[3]["image_id"] == chosen
    assert records[3]["results"] == [hit["image_id"] for hit in liked["results"]]
    assert records[4]["image_id"] == chosen and records[4]["elapsed_s"] == submitted["elapsed_s"]
    (task,) = [s for s in summarise(read_log(log).records) if (s.participant, s.topic) == ("p02", "T7")]
    assert task.turns == 2 and task.submissions == 1 and task.first_submitted == chosen
    assert abs(task.seconds_to_first - submitted["elapsed_s"]) < 0.01


@pytest.mark.parametrize("image_id", ["../../etc/passwd", "/etc/passwd", ""])
def test_a_submission_must_be_a_photo_of_ones_own_library(study_server, image_id):
    url, _ = study_server
    client = Client(url, auth=("p01", "password-one"), verbose=False)
    with pytest.raises(Exception, match="no photo"):
        client.predict(image_id, api_name="/submit")


def test_the_study_controls_show_only_when_a_study_is_logged(tmp_path, demo_library):
    def visible(service):
        config = build_app(service).config
        return {c["props"].get("elem_id"): c["props"].get("visible") for c in config["components"] if c["props"].get("elem_id") in ("topic", "this-is-it")}

    assert visible(create_pool(library=str(demo_library))) == {"topic": False, "this-is-it": False}
    studying = create_pool(library=str(demo_library), study_log=str(tmp_path / "log.jsonl"), topic="T3")
    assert visible(studying) == {"topic": True, "this-is-it": True}
    assert next(c for c in build_app(studying).config["components"] if c["props"].get("elem_id") == "topic")["props"]["value"] == "T3"
