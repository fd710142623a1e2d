"""The demo library the app opens when no library is given: the demo source, indexed once, searchable first
and enriched after.

Rebuilt only when needed: the first run, a run that now has the CLIP model where the last one had none
(the photos are then embedded, nothing else is redone), or a different model.

OCR makes the demo searchable by what its signs say, even with no CLIP weights at all. It is on when
rapidocr is installed (LIFELOG_DEMO_OCR=0 turns it off) and runs after the library is searchable, in a
thread beside the app (enrich_demo_library): about 0.3-0.7 s per photo per core for the ~420 drawn photos,
committed every few hundred photos, and resumed by the next start if the app stops first.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from ..core.progress import Progress
from ..enrich import Enrichment
from ..enrich.stages import StageReport
from ..indexing import IndexOptions, index_photos
from ..indexing.enrich_steps import enrich_in_steps
from ..library import Library, LibraryError
from ..models import ClipEncoder
from .source import write_demo_source

DEMO_HOME_TIMEZONE = "Europe/Dublin"
_lock = threading.Lock()  # one build at a time, however many sessions ask


def demo_ocr_wanted() -> bool:
    """OCR the demo when rapidocr is installed, unless LIFELOG_DEMO_OCR=0."""
    if os.environ.get("LIFELOG_DEMO_OCR", "1").strip().lower() in ("0", "false", "no", "off"):
        return False
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def ensure_demo_library(root: Path, encoder: ClipEncoder | None, progress: Progress | None = None) -> Path:
    """Path of a searchable demo library under root (metadata, captions and embeddings), building it first if necessary;
    its signs are read by enrich_demo_library."""
    root = Path(root).expanduser()
    source, library = root / "source", root / "library"
    progress = progress or (lambda done, total, what: None)
    with _lock:
        if not ((source / "metadata.csv").exists() and (source / "captions.csv").exists()):
            # the CSVs are written last, so both present means the photos are complete
            write_demo_source(source, progress=lambda done, total: progress(done, total, "drawing the demo photos"))
        try:
            current = Library.open(library)
        except LibraryError:
            current = None
        if current is not None and encoder is not None and current.model not in (None, encoder.name):
            shutil.rmtree(library)  # indexed with another model: the demo is cheap to redo
            current = None
        needs_embeddings = encoder is not None and (current is None or current.embeddings is None or not current.embedded.all())
        if current is None or needs_embeddings:
            options = IndexOptions(
                encoder=encoder, home_timezone=DEMO_HOME_TIMEZONE, metadata_csv=source / "metadata.csv",
                captions_csv=source / "captions.csv", progress=progress,
            )
            index_photos(library, source / "photos", options)
    return library


def enrich_demo_library(library: Path, *, commit_every: int, progress: Progress | None = None,
                        stop: threading.Event | None = None, ocr: bool | None = None) -> list[StageReport]:
    """Read the signs in a searchable demo library, a generation every commit_every photos (nothing to do when
    they are read, or OCR is not wanted); returns the step's report.

    ocr: read the signs (None: demo_ocr_wanted())."""
    if not (demo_ocr_wanted() if ocr is None else ocr):
        return []
    # OCR in this thread: worker processes would re-run the app's own start-up code
    return enrich_in_steps(library, Enrichment(ocr=True, ocr_workers=0), commit_every=commit_every, progress=progress, stop=stop)
