"""What is in the photo, as words: text in photos (OCR), zero-shot concept tags, detected objects, captions.

Opt-in steps of `lifelog index` (--ocr, --concepts, --detector, --captioner). The per-photo steps run in a
background thread beside embedding and keep their results in shards beside the library (shards.py), so
they resume after an interruption and survive later runs without the flags. At every commit the results
are attached to the photo table as words for the text channel (`ocr_text`, `tags`, `objects`, and
generated captions where the captions CSV has none) and as label counts for the query's concept filters.
"""

from ..library.schema import ENRICHED_COLUMNS  # the photo-table columns these steps fill ("" where a step has not run)
from .attach import attach_enrichments
from .enrichment import Enrichment

__all__ = ["ENRICHED_COLUMNS", "Enrichment", "attach_enrichments"]
