"""The package carries its own files: every data file under assistant/ is package data, so a wheel has it."""

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_data_file_in_the_package_is_declared_package_data():
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["assistant"]
    package = ROOT / "assistant"
    files = [path for path in package.rglob("*") if path.is_file() and "__pycache__" not in path.parts]
    data = [path.relative_to(package).as_posix() for path in files if path.suffix != ".py"]
    assert "prompts/replies.toml" in data
    assert [path for path in data if not any(fnmatch(path, glob) for glob in globs)] == []
