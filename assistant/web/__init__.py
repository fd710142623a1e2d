"""The Gradio screen and its HTTP API over a pool of assistants.

    pool = create_pool(library="~/lifelog/library")   # AssistantPool: the shared model, one Assistant per library
    demo = build_app(pool)                             # the layout, built once
    launch(demo, pool, port=7860)

pool.py loads; actions.py holds each user action once, for the screen and the API alike; screen.py lays out
the components, held by name; handlers.py are the screen's callbacks, each returning {component: value};
presentation.py formats what the assistant returns; api.py is the scripting API; layout.py wires them into
the app; server.py serves it.
"""

from . import no_analytics  # noqa: F401  (first: Gradio's analytics off before Gradio is imported)
from .actions import Actions, Visitor
from .layout import build_app
from .pool import AssistantPool, create_pool
from .server import launch

__all__ = ["Actions", "AssistantPool", "Visitor", "build_app", "create_pool", "launch"]
