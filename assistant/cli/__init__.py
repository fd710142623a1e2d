"""`lifelog …` (and app.py's flags): options.py builds the parser, commands.py runs each sub-command over the library API."""

from .commands import build_app_from_args, main
from .options import add_app_options, parse_app_args

__all__ = ["add_app_options", "build_app_from_args", "main", "parse_app_args"]
