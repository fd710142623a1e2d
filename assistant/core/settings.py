"""One settings object, resolved once: explicit value (CLI flag), then environment variable, then default."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields
from pathlib import Path

import platformdirs

DEFAULT_MODEL = "openai/clip-vit-base-patch32"
# Matches photo words by meaning ("a hot drink" finds "espresso"); "none" turns the semantic channel off.
DEFAULT_TEXT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
OSM_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

# Each setting: (environment variable, default). A default of None means "decide at run time".
_SOURCES = {
    "library": ("LIFELOG_LIBRARY", None),
    "model": ("LIFELOG_MODEL", None),  # None: the library's own model, else DEFAULT_MODEL
    "text_model": ("LIFELOG_TEXT_MODEL", None),  # None: the library's own text model, else DEFAULT_TEXT_MODEL
    # CLIP's text tower for memories not in English; None: the one aligned to the CLIP model, if on this machine
    "clip_text_model": ("LIFELOG_CLIP_TEXT_MODEL", None),
    "device": ("LIFELOG_DEVICE", "auto"),
    "precision": ("LIFELOG_PRECISION", "auto"),
    "home_timezone": ("LIFELOG_HOME_TZ", None),
    "batch_size": ("LIFELOG_BATCH_SIZE", "32"),
    "demo_dir": ("LIFELOG_DEMO_DIR", None),  # None: a Space's persistent storage, else a cache folder
    "online_places": ("LIFELOG_ONLINE_PLACES", "0"),  # ask Nominatim about places nothing offline knows
    "map_tiles": ("LIFELOG_MAP_TILES", "0"),  # draw the map over OpenStreetMap's tiles, fetched and kept
    "tile_url": ("LIFELOG_TILE_URL", OSM_TILE_URL),  # where tiles come from
    "date_order": ("LIFELOG_DATE_ORDER", None),  # None: the locale's, else an ambiguous 04/05/2020 admits both readings
    "language": ("LIFELOG_LANGUAGE", "auto"),  # the language memories are written in; auto: told per message
    # photos the demo's background enrichment (signs read) reads between two generations
    "enrich_commit_every": ("LIFELOG_ENRICH_COMMIT_EVERY", "300"),
    # Gradio's own variables, which a Hugging Face Space sets; None: this machine only, port 7860
    "host": ("GRADIO_SERVER_NAME", None),
    "port": ("GRADIO_SERVER_PORT", "7860"),
}
DATE_ORDERS = ("DMY", "MDY")
# A Space's persistent storage, mounted here when the Space has it (it survives restarts; the cache does not).
SPACE_STORAGE = Path("/data")
# Territories that write the month first (04/29/2020); the rest of the world writes the day first.
_MONTH_FIRST_TERRITORIES = {"US", "PH", "FM", "MH", "PW", "GU", "AS", "MP", "PR", "VI", "UM", "BZ"}


def default_library_dir() -> Path:
    """Per-user data directory, so a library survives reinstalling the package."""
    return Path(platformdirs.user_data_dir("lifelog-assistant", appauthor=False)) / "library"


def on_space() -> bool:
    """Is this a Hugging Face Space? Spaces set SPACE_ID."""
    return bool(os.environ.get("SPACE_ID"))


def default_demo_dir(storage: Path = SPACE_STORAGE) -> Path:
    """Where the built-in demo library is built on first run: on a Space with writable persistent storage,
    there (a restart then finds it built); else a cache folder (safe to delete)."""
    if on_space() and storage.is_dir() and os.access(storage, os.W_OK | os.X_OK):
        return storage / "lifelog-assistant" / "demo"
    return Path(platformdirs.user_cache_dir("lifelog-assistant", appauthor=False)) / "demo"


def online_places_cache() -> Path:
    """Where Nominatim's answers are kept, so a place name is asked about once (a cache: safe to delete)."""
    return Path(platformdirs.user_cache_dir("lifelog-assistant", appauthor=False)) / "online-places.json"


def _switch(value: object) -> bool:
    """A flag's True/False, or an environment variable's "1", "true", "yes", "on" (anything else is off)."""
    return value if isinstance(value, bool) else str(value).strip().lower() in {"1", "true", "yes", "on"}
def locale_date_order() -> str | None:
    """DMY or MDY as the locale's territory writes dates ("en_US.UTF-8": MDY), or None when it names none ("C.UTF-8").

    Read from LC_ALL, LC_TIME, LANG as the C library does, without setlocale (which would change the whole process).
    """
    for variable in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(variable)
        if value:
            territory = re.match(r"[a-z]{2,3}_([A-Z]{2})\b", value)
            if territory is None:
                return None
            return "MDY" if territory.group(1) in _MONTH_FIRST_TERRITORIES else "DMY"
    return None


def _date_order(value: object) -> str | None:
    if value is None:
        return locale_date_order()
    order = str(value).strip().upper()
    if order not in DATE_ORDERS:
        raise ValueError(f"date order {value!r}: use DMY (29/04/2020) or MDY (04/29/2020), with --date-order or LIFELOG_DATE_ORDER")
    return order


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
    clip_text_model: str | None  # a multilingual text tower aligned to CLIP, "none", or None: see models.towers
    device: str  # "auto", "cpu", "cuda", "cuda:1", "mps"
    precision: str  # "auto", "fp32", "bf16", "fp16"
    home_timezone: str  # used when a photo carries no time-zone evidence at all
    batch_size: int
    demo_dir: Path
    online_places: bool  # off by default: parsing stays offline
    map_tiles: bool  # off by default: the map is drawn offline (outlines and the photos' own trail)
    tile_url: str  # a tile server's URL template with {z}, {x} and {y}
    date_order: str | None  # "DMY", "MDY", or None: an ambiguous 04/05/2020 admits both readings
    language: str  # "auto" (told per message), "en", "de", "el", or any language dateparser knows
    host: str  # the app's listening address
    port: int
    enrich_commit_every: int = 300

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
            clip_text_model=str(values["clip_text_model"]) if values["clip_text_model"] else None,
            device=str(values["device"]),
            precision=str(values["precision"]),
            home_timezone=str(values["home_timezone"] or system_timezone()),
            batch_size=int(values["batch_size"]),  # type: ignore[arg-type]
            demo_dir=Path(str(values["demo_dir"])).expanduser() if values["demo_dir"] else default_demo_dir(),
            online_places=_switch(values["online_places"]),
            map_tiles=_switch(values["map_tiles"]),
            tile_url=str(values["tile_url"]),
            date_order=_date_order(values["date_order"]),
            language=str(values["language"]).strip().lower() or "auto",
            # A Space's proxy reaches the app from outside the container; anywhere else, this machine only.
            host=str(values["host"] or ("0.0.0.0" if on_space() else "127.0.0.1")),
            port=int(values["port"]),  # type: ignore[arg-type]
            enrich_commit_every=max(1, int(values["enrich_commit_every"])),  # type: ignore[arg-type]
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
