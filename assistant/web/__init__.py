"""The Gradio screen and its HTTP API over a pool of assistants.

    pool = create_pool(library="~/lifelog/library")   # AssistantPool: the shared model, one Assistant per library
    demo = build_app(pool)                             # the layout, built once
    launch(demo, pool, port=7860)

pool.py loads; actions.py holds each user action once, for the screen and the API alike; screen.py lays out
the components, held by name; handlers.py are the screen's callbacks, each returning {component: value};
presentation.py formats what the assistant returns; api.py is the scripting API; layout.py wires them into
the app; server.py serves it.
"""

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before Gradio is imported: nothing is sent anywhere

from .actions import Actions, Visitor  # noqa: E402
from .layout import build_app  # noqa: E402
from .pool import AssistantPool, create_pool  # noqa: E402
from .server import launch  # noqa: E402

__all__ = ["Actions", "AssistantPool", "Visitor", "build_app", "create_pool", "launch"]
