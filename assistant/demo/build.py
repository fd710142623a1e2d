"""The demo library the app opens when no library is given: the demo source, indexed once.

Rebuilt only when needed: the first run, a run that now has the CLIP model where the last one had none
(the photos are then embedded, nothing else is redone), a different model, or OCR wanted and not done.

OCR makes the demo searchable by what its signs say, even with no CLIP weights at all. It is on when
rapidocr is installed (LIFELOG_DEMO_OCR=0 turns it off) and runs in worker processes beside the
embedding: about 0.3-0.7 s per photo per core for the ~420 drawn photos, once, on the first start.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from ..core.progress import Progress
from ..enrich import Enrichment, shards
from ..indexing import IndexOptions, index_photos
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


def ensure_demo_library(
    root: Path, encoder: ClipEncoder | None, progress: Progress | None = None, *, ocr: bool | None = None
) -> Path:
    """Path of a ready demo library under root, building or completing it first if necessary.

    ocr: read the signs in the photos (None: demo_ocr_wanted()).
    """
    ocr = demo_ocr_wanted() if ocr is None else ocr
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
        needs_ocr = ocr and (current is None or len(shards.done_stamps(library, "ocr")) < len(current))
        if current is None or needs_embeddings or needs_ocr:
            options = IndexOptions(
                encoder=encoder, home_timezone=DEMO_HOME_TIMEZONE, metadata_csv=source / "metadata.csv",
                captions_csv=source / "captions.csv", progress=progress,
                # OCR in a thread of this process: worker processes would re-run the app's own start-up code
                enrichment=Enrichment(ocr=True, ocr_workers=0) if ocr else None,
            )
            index_photos(library, source / "photos", options)
    return library
