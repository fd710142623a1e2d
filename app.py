"""Lifelog Assistant: launches the Gradio screen of `assistant.web`.

    python app.py [--library LIB] [--model ID_OR_PATH] [--host H] [--port P] [--share]
                  [--auth-file USERS] [--study-log LOG [--participant ID] [--topic T]]

With no library, the built-in demo lifelog is built on first run. The module-level `demo` makes this file
work as a Hugging Face Space as is. Scripts talk to it through the /chat, /more_like, /reset, /submit and /topic API.
"""

from __future__ import annotations

import argparse
import os

from assistant.web import build_app, create_pool, launch


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Lifelog Assistant: find moments in your lifelog by describing them.")
    parser.add_argument("--library", help="library folder (env LIFELOG_LIBRARY); default: the built-in demo library")
    parser.add_argument("--model", help="CLIP model id or folder (env LIFELOG_MODEL)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 7860)))
    parser.add_argument("--host", default=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"), help="address to listen on (default: this machine only)")
    parser.add_argument("--share", action="store_true", help="also publish a temporary public link (off unless asked)")
    parser.add_argument("--auth-file", help="require a login; accounts (and each one's library) from `lifelog add-user`")
    parser.add_argument("--study-log", help="record every turn, click and submission as JSON lines in this file")
    parser.add_argument("--participant", help="participant id in the study log (default: the login name)")
    parser.add_argument("--topic", help="the task's topic id in the study log (default: none; participants can set one)")
    return parser.parse_args(argv)


# Built once, at module level, so that a Hugging Face Space (or `gradio app.py`) finds `demo`; imported, the flags are the defaults.
arguments = parse_args(None if __name__ == "__main__" else [])
pool = create_pool(
    arguments.library, arguments.model, auth_file=arguments.auth_file,
    study_log=arguments.study_log, participant=arguments.participant, topic=arguments.topic,
)
demo = build_app(pool)

if __name__ == "__main__":
    launch(demo, pool, host=arguments.host, port=arguments.port, share=arguments.share)
