"""How a long step says how far it has got: progress(done, total, what). The CLI draws it as a bar or as lines,
the app passes it on to Gradio's progress tracker, and indexing, enrichment and the demo's build report through it."""

from __future__ import annotations

from typing import Callable

Progress = Callable[[int, int, str], None]
