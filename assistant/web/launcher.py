"""Starting the app: the screen built once over its pool, then served (`lifelog app` and app.py hold the flags).

With no library, the built-in demo lifelog is built when the server starts. On a Hugging Face Space
(SPACE_ID set) the app listens where the Space says (GRADIO_SERVER_NAME, GRADIO_SERVER_PORT) and keeps
the demo in the Space's persistent storage (/data) when it has some.
"""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from .layout import build_app
from .pool import AssistantPool, create_pool
from .server import launch


@dataclass
class App:
    """The screen built once over its pool of assistants, ready to serve."""

    demo: gr.Blocks
    pool: AssistantPool
    share: bool = False

    @classmethod
    def build(cls, *, share: bool = False, **options: object) -> "App":
        """options: create_pool's (library, model, auth_file, study log, settings such as host and port)."""
        pool = create_pool(**options)  # type: ignore[arg-type]
        return cls(build_app(pool), pool, share)

    def serve(self, *, block: bool = True):
        """Start loading the libraries in the background, then listen (blocking unless told otherwise)."""
        self.pool.start_loading()
        settings = self.pool.settings
        return launch(self.demo, self.pool, host=settings.host, port=settings.port, share=self.share, block=block)
