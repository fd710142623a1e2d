"""Lifelog Assistant's screen: `python app.py --help` (the same flags as `lifelog app`); a Hugging Face Space runs this file."""

import sys

from assistant.cli import build_app_from_args, parse_app_args

# Built at import, so that a Space (or `gradio app.py`) finds `demo`; imported, the flags are the defaults.
app = build_app_from_args(parse_app_args(sys.argv[1:] if __name__ == "__main__" else []))
demo = app.demo

if __name__ == "__main__":
    app.serve()
