"""The assistant's wording: templates in assistant/prompts/replies.toml, read once from the installed package."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Mapping


@functools.cache
def packaged_templates() -> Mapping[str, str]:
    """The templates shipped with the package, read on first use and shared (a wheel carries them too)."""
    return tomllib.loads((resources.files("assistant") / "prompts" / "replies.toml").read_text(encoding="utf-8"))


class Replies:
    """Fills a named template: `replies("results", matched=3, shown=2, channels="")`."""

    def __init__(self, templates: Mapping[str, str] | None = None):
        self._templates = packaged_templates() if templates is None else templates

    def __call__(self, name: str, **values: object) -> str:
        return self._templates[name].format(**values)
