"""One settings object, resolved once: explicit value (CLI flag), then environment variable, then default."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

import platformdirs

DEFAULT_MODEL = "openai/clip-vit-base-patch32"
# Matches photo words by meaning ("a hot drink" finds "espresso"); "none" turns the semantic channel off.
DEFAULT_TEXT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"

# Each setting: (environment variable, default). A default of None means "decide at run time".
_SOURCES = {
    "library": ("LIFELOG_LIBRARY", None),
    "model": ("LIFELOG_MODEL", None),  # None: the library's own model, else DEFAULT_MODEL
    "text_model": ("LIFELOG_TEXT_MODEL", None),  # None: the library's own text model, else DEFAULT_TEXT_MODEL
    "device": ("LIFELOG_DEVICE", "auto"),
    "precision": ("LIFELOG_PRECISION", "auto"),
    "home_timezone": ("LIFELOG_HOME_TZ", None),
    "batch_size": ("LIFELOG_BATCH_SIZE", "32"),
    "demo_dir": ("LIFELOG_DEMO_DIR", None),
    "online_places": ("LIFELOG_ONLINE_PLACES", "0"),  # ask Nominatim about places nothing offline knows
}


def default_library_dir() -> Path:
    """Per-user data directory, so a library survives reinstalling the package."""
    return Path(platformdirs.user_data_dir("lifelog-assistant", appauthor=False)) / "library"


def default_demo_dir() -> Path:
    """Where the built-in demo library is built on first run (a cache: safe to delete)."""
    return Path(platformdirs.user_cache_dir("lifelog-assistant", appauthor=False)) / "demo"


def online_places_cache() -> Path:
    """Where Nominatim's answers are kept, so a place name is asked about once (a cache: safe to delete)."""
    return Path(platformdirs.user_cache_dir("lifelog-assistant", appauthor=False)) / "online-places.json"


def _switch(value: object) -> bool:
    """A flag's True/False, or an environment variable's "1", "true", "yes", "on" (anything else is off)."""
    return value if isinstance(value, bool) else str(value).strip().lower() in {"1", "true", "yes", "on"}


def system_timezone() -> str:
    """IANA name of this machine's time zone, or UTC when it cannot be told."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and "/" in tz:
        return tz
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    except OSError:
        pass
    return "UTC"


@dataclass(frozen=True)
class Settings:
    library: Path
    model: str | None  # as asked for (flag or environment); see model_for()
    text_model: str | None  # as asked for; see text_model_for()
    device: str  # "auto", "cpu", "cuda", "cuda:1", "mps"
    precision: str  # "auto", "fp32", "bf16", "fp16"
    home_timezone: str  # used when a photo carries no time-zone evidence at all
    batch_size: int
    demo_dir: Path
    online_places: bool  # off by default: parsing stays offline

    @classmethod
    def resolve(cls, **explicit: object) -> "Settings":
        """Build settings from explicit values (None = not given), the environment, then defaults."""
        unknown = set(explicit) - set(_SOURCES)
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        values: dict[str, object] = {}
        for name, (env_var, default) in _SOURCES.items():
            value = explicit.get(name)
            if value is None:
                value = os.environ.get(env_var) or default
            values[name] = value
        library = values["library"]
        return cls(
            library=Path(library).expanduser() if library else default_library_dir(),
            model=str(values["model"]) if values["model"] else None,
            text_model=str(values["text_model"]) if values["text_model"] else None,
            device=str(values["device"]),
            precision=str(values["precision"]),
            home_timezone=str(values["home_timezone"] or system_timezone()),
            batch_size=int(values["batch_size"]),  # type: ignore[arg-type]
            demo_dir=Path(str(values["demo_dir"])).expanduser() if values["demo_dir"] else default_demo_dir(),
            online_places=_switch(values["online_places"]),
        )

    def model_for(self, library_model: str | None) -> str:
        """The model to load: the one asked for, else the one the library was indexed with, else the default."""
        return self.model or library_model or DEFAULT_MODEL

    def text_model_for(self, library_text_model: str | None) -> str | None:
        """The sentence model to embed photo words with, or None when turned off ("none")."""
        name = self.text_model or library_text_model or DEFAULT_TEXT_MODEL
        return None if name.lower() == "none" else name

    def describe(self) -> dict[str, str]:
        return {f.name: str(getattr(self, f.name)) for f in fields(self)}
