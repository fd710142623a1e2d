"""OpenStreetMap's tiles under the map, when asked for (`--map-tiles`, LIFELOG_MAP_TILES): polite, kept, attributed.

OpenStreetMap's tile policy asks for a User-Agent naming the application, tiles kept rather than fetched again,
few requests at once, and the attribution on the map. One thread fetches, one request at a time and at most
ten a second; tiles are kept in the user's cache folder for 30 days. A map waits a moment for the tiles it
lacks and otherwise is drawn over the trail (they keep coming in for the next); after a failure nothing is
asked for a couple of minutes, so an offline machine draws its maps at once.
"""

from __future__ import annotations

import hashlib
import io
import threading
import time
import urllib.request
from collections import deque
from pathlib import Path

from PIL import Image

from ..core.files import write_atomically
from ..core.machine import cache_file
from ..core.settings import OSM_TILE_URL, Settings

ATTRIBUTION = "© OpenStreetMap contributors"
USER_AGENT = "lifelog-assistant/0.1 (local-first lifelog search; a map of the user's own photos)"
MAX_TILE_ZOOM = 19
TILE_SIZE = 256
KEEP_DAYS = 30  # a kept tile older than this is fetched again (and still used if that fails)
MIN_SECONDS_BETWEEN_REQUESTS = 0.1
RETRY_AFTER_S = 120.0


class TileSource:
    """Tiles from one server (a URL template with {z}, {x}, {y}), kept on disk, fetched by one background thread."""

    def __init__(self, url_template: str = OSM_TILE_URL, folder: Path | None = None, *, wait_s: float = 2.0, timeout_s: float = 4.0):
        self.url_template = url_template
        # one folder per server, so tiles of two servers never mix
        self.folder = (folder or cache_file("tiles")) / hashlib.sha1(url_template.encode()).hexdigest()[:12]
        self.wait_s, self.timeout_s = wait_s, timeout_s
        self.unreachable: str | None = None  # why the last request failed; None once the server answers again
        self._retry_at = 0.0
        self._wanted: deque[tuple[int, int, int]] = deque()
        self._asked: set[tuple[int, int, int]] = set()  # wanted or being fetched: never asked for twice at once
        self._changed = threading.Condition()
        self._worker: threading.Thread | None = None

    def mosaic(self, zoom: int, left: int, top: int, right: int, bottom: int) -> Image.Image | None:
        """The box of world pixels at this zoom, from its tiles; None when a tile is not at hand within the wait."""
        size = 2**zoom
        first_x, first_y, last_x, last_y = left // TILE_SIZE, max(0, top // TILE_SIZE), (right - 1) // TILE_SIZE, min(size - 1, (bottom - 1) // TILE_SIZE)
        tiles = [(zoom, x, y) for x in range(first_x, last_x + 1) for y in range(first_y, last_y + 1)]
        found = self._gather(tiles)
        if found is None:
            return None
        mosaic = Image.new("RGB", (right - left, bottom - top), (242, 239, 233))  # beyond the poles: OSM's land colour
        for (_, x, y), tile in zip(tiles, found):
            mosaic.paste(tile, (x * TILE_SIZE - left, y * TILE_SIZE - top))
        return mosaic

    def _gather(self, tiles: list[tuple[int, int, int]]) -> list[Image.Image] | None:
        """The tiles, asking the fetcher for those not kept yet and waiting up to wait_s for them."""
        deadline = time.monotonic() + self.wait_s
        with self._changed:
            while True:
                missing = [tile for tile in tiles if not self._fresh(tile)]
                if not missing:
                    return [self._read(tile) for tile in tiles]
                if time.monotonic() >= self._retry_at:
                    self._want(missing)
                left = deadline - time.monotonic()
                if left <= 0 or time.monotonic() < self._retry_at:
                    break
                self._changed.wait(left)
            if all(self._path(tile).exists() for tile in tiles):  # old ones, when new ones cannot be had
                return [self._read(tile) for tile in tiles]
            return None

    def _path(self, tile: tuple[int, int, int]) -> Path:
        zoom, x, y = tile
        return self.folder / str(zoom) / str(x % 2**zoom) / f"{y}.png"

    def _fresh(self, tile: tuple[int, int, int]) -> bool:
        try:
            return time.time() - self._path(tile).stat().st_mtime < KEEP_DAYS * 86400
        except OSError:
            return False

    def _read(self, tile: tuple[int, int, int]) -> Image.Image:
        with Image.open(self._path(tile)) as image:
            return image.convert("RGB")

    def _want(self, tiles: list[tuple[int, int, int]]) -> None:
        """Ask the fetcher for these tiles (called holding the condition)."""
        fresh = [tile for tile in tiles if tile not in self._asked]
        self._wanted.extend(fresh)
        self._asked.update(fresh)
        if self._worker is None:
            self._worker = threading.Thread(target=self._fetch_wanted, name="map-tiles", daemon=True)
            self._worker.start()

    def _fetch_wanted(self) -> None:
        while True:
            with self._changed:
                if not self._wanted or time.monotonic() < self._retry_at:
                    self._wanted.clear()
                    self._asked.clear()
                    self._worker = None  # under the lock: a tile wanted from now on starts a new fetcher
                    return
                tile = self._wanted.popleft()
            fetched = self._fetch(tile)
            with self._changed:
                self._asked.discard(tile)
                self._changed.notify_all()
            if fetched:
                time.sleep(MIN_SECONDS_BETWEEN_REQUESTS)

    def _fetch(self, tile: tuple[int, int, int]) -> bool:
        """Fetch one tile into the folder; on any failure, say why and ask nothing for RETRY_AFTER_S."""
        zoom, x, y = tile
        url = self.url_template.format(z=zoom, x=x % 2**zoom, y=y)
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": USER_AGENT}), timeout=self.timeout_s) as response:
                body = response.read()
            Image.open(io.BytesIO(body)).verify()  # an error page is no tile
            path = self._path(tile)
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, lambda temporary: temporary.write_bytes(body))
        except Exception as error:  # offline, refused, timed out, not an image: the map is drawn without tiles
            self.unreachable = f"map tiles could not be fetched from {url} ({type(error).__name__}: {error}); the map shows the photos' own trail"
            self._retry_at = time.monotonic() + RETRY_AFTER_S
            return False
        self.unreachable = None
        return True


def tile_source_for(settings: Settings) -> TileSource | None:
    """The tiles the settings ask for (`--map-tiles`); None keeps the map offline."""
    return TileSource(settings.tile_url) if settings.map_tiles else None
