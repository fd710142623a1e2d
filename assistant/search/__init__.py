"""Finding moments in a library: `search` filters by time, place and concepts, ranks, and groups into events.

Modules: results (what is asked and answered), stored (the stored-vector kernel), scoring (channel fusion),
candidates (every filtered photo, or a vector index's pool in a large library),
feedback (by example, more like / not this), sequence (before/after), events, relaxation (hints), near_misses
(just outside the remembered time),
browsing (around a photo), engine (the `search` entry point).
"""

from .browsing import neighbouring_events, photos_around
from .candidates import candidate_scorer
from .engine import search
from .events import moments_of_photos
from .results import EventHit, NearMisses, PhotoHit, RelaxationHint, SearchError, SearchRequest, SearchResult
from .scoring import Relevance
from .stored import EXACT_RESCORE, prepare_scoring, similarity, stored_vectors, vector_index

__all__ = [
    "EXACT_RESCORE", "EventHit", "NearMisses", "Relevance", "PhotoHit", "RelaxationHint", "SearchError", "SearchRequest", "SearchResult",
    "candidate_scorer", "moments_of_photos", "neighbouring_events", "photos_around", "prepare_scoring", "search",
    "similarity", "stored_vectors", "vector_index",
]
