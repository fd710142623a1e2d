"""The package carries its own files (every data file under assistant/ is package data), and a wheel built
from a clean clone installs into a fresh venv and works from any folder."""

import json
import sys
import tomllib
import zipfile
from fnmatch import fnmatch
from pathlib import Path

import pytest

from conftest import clean_environment, free_port, outside_environment, run_checked, start_app, stop_app, write_lsc_source

ROOT = Path(__file__).resolve().parent.parent


def test_every_data_file_in_the_package_is_declared_package_data():
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["assistant"]
    package = ROOT / "assistant"
    files = [path for path in package.rglob("*") if path.is_file() and "__pycache__" not in path.parts]
    data = [path.relative_to(package).as_posix() for path in files if path.suffix != ".py"]
    assert "prompts/replies.toml" in data
    assert [path for path in data if not any(fnmatch(path, glob) for glob in globs)] == []


# ---- a wheel that works anywhere: built, installed into a fresh venv, run from / -------------------------


@pytest.fixture(scope="session")
def wheel(fresh_install, tmp_path_factory) -> Path:
    """`python -m build` on the clean clone: an sdist, and a wheel built from that sdist."""
    dist = tmp_path_factory.mktemp("dist")
    run_checked([sys.executable, "-m", "build", "--outdir", dist, fresh_install.clone])
    assert len(list(dist.glob("lifelog_assistant-*.tar.gz"))) == 1
    (built,) = dist.glob("lifelog_assistant-*.whl")
    run_checked([fresh_install.python, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", built], env=outside_environment())
    return built


def test_the_wheel_carries_its_templates_and_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"assistant/prompts/replies.toml", "assistant/data/concepts.txt", "assistant/data/world_110m.json"} <= names


def test_the_installed_package_indexes_searches_and_serves_from_anywhere(fresh_install, wheel, tmp_path, tiny_clip_dir):
    """From /, with a new HOME: `lifelog --help`, `index` and `search` on a tiny library, and `lifelog app` answering /chat."""
    from gradio_client import Client

    home = tmp_path / "home"
    home.mkdir()
    env = clean_environment(home)
    lifelog = fresh_install.bin / "lifelog"
    assert "index" in run_checked([lifelog, "--help"], cwd="/", env=env).stdout
    source = write_lsc_source(tmp_path / "source", 160)  # 40 photos at each of three places in Dublin, then Thessaloniki
    library = tmp_path / "library"
    run_checked([lifelog, "index", source.photos_dir, "--metadata", source.metadata_csv, "--library", library,
                 "--model", tiny_clip_dir, "--text-model", "none"], cwd="/", env=env)
    found = json.loads(run_checked([lifelog, "search", "a photo in Thessaloniki", "--library", library, "--json"], cwd="/", env=env).stdout)
    thessaloniki = {path.name for path, city in zip(source.paths, source.metadata["city"]) if city == "Thessaloniki"}
    assert found and {hit["image_id"] for hit in found} <= thessaloniki

    port = free_port()
    app = start_app([lifelog, "app", "--library", library, "--port", port], cwd="/", env=env, port=port, log=tmp_path / "app.log")
    try:
        reply = Client(f"http://127.0.0.1:{port}/", verbose=False).predict("a photo in Thessaloniki", api_name="/chat")
    finally:
        stop_app(app)
    assert reply["results"] and {hit["image_id"] for hit in reply["results"]} <= thessaloniki, reply


def test_the_installed_environment_is_consistent(fresh_install, wheel):
    """pip check: every installed distribution has what it requires, at versions it accepts."""
    run_checked([fresh_install.python, "-m", "pip", "check"], env=outside_environment())
