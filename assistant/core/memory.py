"""Freed memory handed back to the system, so that a server answering for days stays the same size.

glibc's malloc gives each thread that allocates an arena of its own (up to eight per core) and keeps what is
freed there for reuse. The app answers on Gradio's pool of threads (about thirty), and a turn's temporaries over
every photo (scores, masks, candidate rows: 0.1 to 1 MB each at 100,000 photos) land in whichever arena the
thread holds, where the free space left between live blocks only grows. Measured with benchmarks/chat_load.py
(20 sessions, 100,000 photos, AMD EPYC, 2026-12-07): the memory in use stayed at 555-561 MB while the arenas'
free space grew from 635 to 860 MB in four minutes, and the resident size with it; with two arenas it stayed
within 7 MB after the first minute, and handing free pages back every 10 s lowered it by 300 MB more.
"""

from __future__ import annotations

import ctypes
import platform
import threading
import time

MALLOC_ARENAS = 2  # arenas the app's threads share: the GIL serialises most of a turn, so two cost no speed here
RELEASE_EVERY_S = 10.0  # how often the free pages in every arena are handed back (malloc_trim)
_M_ARENA_MAX = -8  # mallopt's parameter number for the arena cap (malloc.h)

_releasing: threading.Thread | None = None
_releasing_lock = threading.Lock()


def _glibc() -> ctypes.CDLL | None:
    """The process's C library when it is glibc (the arenas and malloc_trim are glibc's); None elsewhere."""
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return None
    return ctypes.CDLL(None)


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Let threads started from now on share `arenas` arenas; False where the C library is not glibc.

    glibc settles its arena limit once eight arenas exist, so this must run before the server's threads do.
    """
    libc = _glibc()
    return libc is not None and bool(libc.mallopt(_M_ARENA_MAX, arenas))


def release_freed_memory() -> bool:
    """Hand the free pages of every arena back to the system; whether any were (False where not glibc)."""
    libc = _glibc()
    return libc is not None and bool(libc.malloc_trim(0))


def keep_memory_flat(every_s: float = RELEASE_EVERY_S) -> threading.Thread | None:
    """Hand freed pages back every `every_s` seconds from a thread, started once per process (an app launched
    again reuses it); None where the C library is not glibc. The arenas are capped apart, as early as the
    process can (limit_malloc_arenas)."""
    global _releasing
    if _glibc() is None:
        return None
    with _releasing_lock:
        if _releasing is None:
            def release() -> None:  # as long as the process lives (a daemon)
                while True:
                    time.sleep(every_s)
                    release_freed_memory()

            _releasing = threading.Thread(target=release, name="release-freed-memory", daemon=True)
            _releasing.start()
    return _releasing
