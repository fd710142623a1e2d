"""Serving the app: Gradio's queue, the listening address, logins, and which photo files each login may fetch."""

from __future__ import annotations

import functools
import os

import gradio as gr
from starlette.middleware import Middleware

from ..core.access import PhotoAccess
from ..core.memory import keep_memory_flat, limit_malloc_arenas
from .api import ApiRequestCheck
from .layout import CSS
from .pool import AssistantPool

# Gradio's queue, set deliberately. A search is CPU work (numpy masks; torch's mat-vec already uses every
# core), so running more searches at once than there are cores adds no throughput, only memory and
# contention: each event listener runs up to one search per core (2 to 8) and the rest wait in arrival
# order, so with twenty participants typing at once everyone waits about the same. The limit is per
# listener (the screen's message box and /chat each have it), so a study in the browser and a script on
# the API do not starve each other. The shared Assistant keeps no per-user state (each session's
# ChatState travels with the request), the model's tokenizer is behind a lock, the study log's writes too.
CONCURRENCY_PER_EVENT = max(2, min(8, os.cpu_count() or 2))
# Waiting requests beyond this are refused at once ("queue is full") rather than left to time out: 20
# participants with a message and a click in flight each, plus room for scripts.
QUEUE_SIZE = 64
# glibc fixes its arena limit once eight arenas exist, so the cap is set as the server is imported, before the
# app's threads (loading, torch's, Gradio's) allocate (core/memory.py)
limit_malloc_arenas()


def launch(demo: gr.Blocks, pool: AssistantPool, *, host: str = "127.0.0.1", port: int = 7860, share: bool = False, block: bool = True):
    """Start serving: on this machine only unless told, with a login if configured, photos only from the libraries' folders."""
    keep_memory_flat()  # a long-running server must not grow (core/memory.py)
    demo.queue(default_concurrency_limit=CONCURRENCY_PER_EVENT, max_size=QUEUE_SIZE)
    middleware = [Middleware(ApiRequestCheck)]  # a call the API cannot take is told what to send, not a server error
    if pool.authenticator is not None:  # one library per account: narrow Gradio's app-wide allowed_paths per login
        middleware.append(Middleware(PhotoAccess, all_roots=pool.photo_roots, roots_for=pool.photo_roots_for, login_of=functools.partial(_login_of, demo)))
    return demo.launch(
        server_name=host, server_port=port, share=share, allowed_paths=pool.photo_roots(), css=CSS,
        auth=pool.authenticator, auth_message="Log in with the name and password you were given for this study.",
        prevent_thread_lock=not block, quiet=not block, app_kwargs={"middleware": middleware},
    )


def _login_of(demo: gr.Blocks, request) -> str | None:
    """The account a request is logged in as, read as Gradio's own login check reads it (its session cookie)."""
    server = demo.server_app
    token = request.cookies.get(f"access-token-{server.cookie_id}") or request.cookies.get(f"access-token-unsecure-{server.cookie_id}")
    return server.tokens.get(token)
