"""OpenStreetMap's tiles under the map, opt-in: a local HTTP server stands in for the tile server."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest
from PIL import Image

from assistant.core.settings import Settings
from assistant.web.mapview import MapPoint, map_font, render_map
from assistant.web.tiles import ATTRIBUTION, TileSource, tile_source_for

DUBLIN = [MapPoint(53.3498, -6.2603, "1", "Grafton Street"), MapPoint(53.3600, -6.2400, "2")]
TILE_GREEN = (30, 160, 60)


class TileServer:
    """A tile server on this machine: answers each tile with a green PNG, or with `status`, or holds it until released."""

    def __init__(self, status: int = 200, hold: bool = False):
        self.requests: list[tuple[str, str]] = []  # (path, User-Agent)
        self.release = threading.Event()
        if not hold:
            self.release.set()
        body = io.BytesIO()
        Image.new("RGB", (256, 256), TILE_GREEN).save(body, "PNG")
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, self.headers.get("User-Agent", "")))
                server.release.wait(30)
                self.send_response(status)
                self.send_header("Content-Type", "image/png")
                self.end_headers()
                self.wfile.write(body.getvalue() if status == 200 else b"busy")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def tile_server():
    servers = []

    def start(**options) -> TileServer:
        servers.append(TileServer(**options))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def green_share(image: Image.Image) -> float:
    return float((np.asarray(image) == TILE_GREEN).all(axis=-1).mean())


def test_tiles_are_fetched_once_with_our_user_agent_then_served_from_the_cache_folder(tile_server, tmp_path):
    server = tile_server()
    drawn = render_map(DUBLIN, tiles=TileSource(server.url, tmp_path, wait_s=20))
    assert green_share(drawn) > 0.8  # the tiles under the pins
    paths = [path for path, _ in server.requests]
    assert paths and len(paths) == len(set(paths))  # each tile asked for once
    assert all(agent.startswith("lifelog-assistant/") for _, agent in server.requests)
    again = render_map(DUBLIN, tiles=TileSource(server.url, tmp_path, wait_s=20))  # a new app, the same cache folder
    assert len(server.requests) == len(paths)  # nothing asked again
    assert again.tobytes() == drawn.tobytes()


def test_a_tiled_map_says_whose_tiles_they_are(tile_server, tmp_path):
    drawn = np.asarray(render_map(DUBLIN, tiles=TileSource(tile_server().url, tmp_path, wait_s=20)))
    corner = drawn[-24:, 320:]  # bottom right; the scale is written bottom left
    ink = np.flatnonzero((corner.max(axis=-1) < 90).any(axis=0))
    assert len(ink), "no attribution"
    written = ink[-1] - ink[0] + 1
    assert abs(written - map_font(11).getlength(ATTRIBUTION)) <= 8  # that text's width at its size (less its side bearings)


def test_a_server_that_fails_gives_the_trail_map_and_is_not_asked_again_at_once(tile_server, tmp_path):
    server = tile_server(status=503)
    source = TileSource(server.url, tmp_path, wait_s=20)
    assert render_map(DUBLIN, tiles=source).tobytes() == render_map(DUBLIN).tobytes()
    assert "could not be fetched" in source.unreachable and "127.0.0.1" in source.unreachable
    asked = len(server.requests)
    assert asked == 1  # the first failure stops the rest
    render_map(DUBLIN, tiles=source)
    assert len(server.requests) == asked


def test_a_server_that_does_not_answer_does_not_hold_up_the_map(tile_server, tmp_path):
    server = tile_server(hold=True)
    source = TileSource(server.url, tmp_path, wait_s=0.3, timeout_s=30)
    drawn = render_map(DUBLIN, tiles=source)
    assert server.requests and not server.release.is_set()  # drawn while the server still held the request
    assert drawn.tobytes() == render_map(DUBLIN).tobytes()


def test_a_closed_port_gives_the_trail_map(tmp_path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    source = TileSource(f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png", tmp_path, wait_s=20)
    assert render_map(DUBLIN, tiles=source).tobytes() == render_map(DUBLIN).tobytes()
    assert "URLError" in source.unreachable


def test_tiles_are_off_unless_asked_for(monkeypatch):
    monkeypatch.delenv("LIFELOG_MAP_TILES", raising=False)
    assert tile_source_for(Settings.resolve()) is None
    monkeypatch.setenv("LIFELOG_MAP_TILES", "1")
    monkeypatch.setenv("LIFELOG_TILE_URL", "http://127.0.0.1:9/{z}/{x}/{y}.png")
    source = tile_source_for(Settings.resolve())
    assert source is not None and source.url_template == "http://127.0.0.1:9/{z}/{x}/{y}.png"
    assert tile_source_for(Settings.resolve(map_tiles=False)) is None  # the flag, given, wins
