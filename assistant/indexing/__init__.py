"""Indexing, the write side of a library: read photos, embed them, enrich them, commit a generation.

Stages as in clip-retrieval: photos.py reads files, ingest.py embeds and checkpoints, resolve.py turns
files plus metadata into the photo table, commit.py writes one generation through the library's store;
work.py decides where the per-photo work runs (this machine, or cluster.py's Ray workers).
"""

from .commit import commit_photo_table
from .ingest import IndexOptions, index_photos
from .report import IndexReport

__all__ = ["IndexOptions", "IndexReport", "commit_photo_table", "index_photos"]
