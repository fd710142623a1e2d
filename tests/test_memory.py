"""A long-running app must not grow: freed memory goes back to the system (assistant/core/memory.py).

Each check runs in a fresh Python process, whose arenas and resident size nothing else has touched."""

from __future__ import annotations

import platform
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="the arenas and malloc_trim are glibc's")
ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_servers_threads_share_the_capped_arenas():
    # sixteen threads each holding memory would get an arena each (up to eight per core) without the cap,
    # which the server sets as it is imported
    heaps = run_python("""
        import ctypes, os, re, tempfile, threading
        import assistant.web
        from assistant.core.memory import MALLOC_ARENAS
        held, ready = [], threading.Barrier(17)
        def hold():
            held.append([bytes(4096) for _ in range(64)])  # 4 KiB blocks come from the thread's arena
            ready.wait()
            ready.wait()
        threads = [threading.Thread(target=hold) for _ in range(16)]
        for thread in threads:
            thread.start()
        ready.wait()
        libc = ctypes.CDLL(None)
        libc.fopen.restype = ctypes.c_void_p
        with tempfile.TemporaryDirectory() as folder:
            report = os.path.join(folder, "malloc.xml")
            stream = ctypes.c_void_p(libc.fopen(report.encode(), b"w"))
            libc.malloc_info(0, stream)
            libc.fclose(stream)
            heaps = len(re.findall(r'<heap nr="', open(report).read()))
        ready.wait()
        print(heaps, MALLOC_ARENAS)
    """)
    found, cap = map(int, heaps.split())
    assert found <= cap


def test_freed_memory_is_handed_back():
    # 200 MB of 4 KiB blocks, one in 64 kept: the heap cannot shrink from its top, so only a trim gives the pages back
    freed_mb = run_python("""
        from assistant.core.memory import release_freed_memory
        def anonymous_mb():
            line = next(line for line in open("/proc/self/status") if line.startswith("RssAnon:"))
            return int(line.split()[1]) / 1024
        blocks = [bytes(4000) for _ in range(50_000)]
        kept = blocks[::64]
        del blocks
        before = anonymous_mb()
        assert release_freed_memory()
        print(before - anonymous_mb())
    """)
    assert float(freed_mb) > 100


def test_the_app_keeps_handing_freed_memory_back_while_it_serves(app_server):
    import threading

    assert any(thread.name == "release-freed-memory" and thread.is_alive() for thread in threading.enumerate())
