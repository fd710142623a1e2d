"""Scoring photos against a description: the fusion of channels. `Scorer` puts CLIP (from the stored vectors,
stored.py), exact photo words (BM25) and words close in meaning on one scale."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..library import Library
from ..models import ClipEncoder, ModelNotAvailable, SentenceEncoder, shared_query_sentence_model
from .kernels import stored_cosines
from .stored import similarity, stored_vectors

# Fusion: CLIP similarities are standardised over the candidates (z-scores); photo words that hold every
# query word add TEXT_WEIGHT standard deviations, and a share of the words (BM25, idf-weighted) that share
# of it. Captions are exact when they match, CLIP is broad.
TEXT_WEIGHT = 3.0
# Photo words that are unusually close in meaning to the description (sentence-model z-score over the
# candidates, positive part) add this much per standard deviation, as CLIP's z-score does.
SEMANTIC_WEIGHT = 1.0
# A photo matches the description, rather than only passing the time and place filters, when its words
# share a query word (BM25 > 0), when they are SEMANTIC_MATCH_Z standard deviations closer in meaning than
# usual, or when CLIP puts it near the top: at most CLIP_MATCH_BELOW_BEST of the library's own standard
# deviations (of this query's cosines) below the best candidate.
SEMANTIC_MATCH_Z = 2.0
CLIP_MATCH_BELOW_BEST = 2.0
# Answering asserts more than showing does: "you went 4 times" counts every photo CLIP lets through, where a gallery
# only ranks them. So an answer with no word of its question in any photo counts a photo by CLIP only past a
# stricter cut: CLIP's z-score over the candidates (the question's scope), the z that search fuses; and says it is unsure.
ASSERTED_CLIP_Z = 3.5


@dataclass
class ClipEvidence:
    """What CLIP says of the candidates, and the cut it said it by."""

    z: np.ndarray  # cosines standardised (photos without an embedding: 0)
    matches: np.ndarray  # bool: at or above the cut
    best: float | None  # the best candidate's cosine (None: no candidate has an embedding)
    cut: float  # CLIP_MATCH_BELOW_BEST of the library's spread below the best (-inf without a best: nothing to beat)


@dataclass
class Relevance:
    """How well each candidate shows a description, on the one fused scale, and which candidates do."""

    scores: np.ndarray  # fused: CLIP z + TEXT_WEIGHT x BM25 share + SEMANTIC_WEIGHT x meaning z
    described: np.ndarray  # bool: some channel's cut-off says the candidate shows the description
    by_words: np.ndarray  # bool: its words do (a shared word, or words unusually close in meaning)
    channels: list[str]  # the word channels used: "text", "meaning"
    clip_best: float | None = None  # the best candidate's CLIP cosine (None: CLIP had no say)


@dataclass
class Scorer:
    """Scores texts against a candidate set through both channels, fused on one scale."""

    library: Library
    encoder: ClipEncoder | None
    rows: np.ndarray  # candidate rows, ascending
    # A pool picked by the vector index stands for many more rows (`population`, ascending; None: the whole
    # library): the channels' statistics come from an evenly spaced exact sample of those, not from the pool.
    pooled: bool = False
    population: np.ndarray | None = None

    @cached_property
    def _gathered_rows(self) -> np.ndarray | None:
        """The rows to gather before scoring, or None when the candidates are the whole library (no gather)."""
        return None if len(self.rows) == len(self.library) else self.rows

    @property
    def has_clip(self) -> bool:
        return self.encoder is not None and self.library.embeddings is not None

    @property
    def has_text(self) -> bool:
        index = self.library.text_index
        return index is not None and not index.is_empty

    def clip_z(self, vector: np.ndarray) -> np.ndarray:
        """CLIP similarity standardised over the candidates (photos without an embedding score 0)."""
        return self.clip_evidence(vector).z

    def clip_evidence(self, vector: np.ndarray) -> ClipEvidence:
        """CLIP z-scores over the candidates, and which candidates CLIP says show the query (CLIP_MATCH_*)."""
        stored = stored_vectors(self.library)
        scores = similarity(self.library, vector, self._gathered_rows)
        embedded = self.library.embedded if self._gathered_rows is None else self.library.embedded[self.rows]
        everywhere = bool(embedded.all())
        known = scores if everywhere else scores[embedded]
        if not len(known):
            return ClipEvidence(np.zeros(len(scores), np.float32), np.zeros(len(scores), bool), None, -np.inf)
        library_sample = stored.sample_statistics(vector)  # the library's own spread for this query
        spread = library_sample[1] if library_sample is not None else 0.0
        typical = float(known.mean()), float(known.std())
        if self.pooled:  # a pool holds the best candidates (so its best is the best), but is no fair sample of the rest
            sampled = library_sample if self.population is None else stored.sample_statistics(vector, self.population)
            typical = sampled or typical
        best = float(known.max())
        cut = best - CLIP_MATCH_BELOW_BEST * spread
        matches = scores >= cut if everywhere else embedded & (scores >= cut)
        z = scores - np.float32(typical[0])  # in place from here on: a million scores is 4 MB a pass
        z /= np.float32(max(typical[1], 1e-6))
        if not everywhere:
            z[~embedded] = 0.0
        return ClipEvidence(z, matches, best, cut)

    def asserted_by_clip(self, vector: np.ndarray) -> np.ndarray:
        """Which candidates CLIP says show the query surely enough for an answer to count them (ASSERTED_CLIP_Z)."""
        return self.clip_z(vector) >= ASSERTED_CLIP_Z

    @cached_property
    def sentence_model(self) -> SentenceEncoder | None:
        """The library's sentence model (for queries: numpy when it can), when its photo words were embedded and the
        model loads here."""
        if self.library.text_model is None or self.library.text_embeddings is None:
            return None
        try:
            return shared_query_sentence_model(self.library.text_model)
        except ModelNotAvailable:
            return None

    def semantic_z(self, text: str) -> np.ndarray:
        """How much closer in meaning than usual each candidate's words are to the text (z-score, >= 0).

        In a pool the sentence channel scores only the pool (which CLIP and the photo words picked): words
        close in meaning to the description on a photo neither of those picked are not looked for.
        """
        query = self.sentence_model.encode_text(text)
        scores = stored_cosines(self.library.text_embeddings, query, self._gathered_rows)
        has_words = scores != 0  # photos without words have zero vectors
        if not has_words.any():
            return np.zeros(len(scores), dtype=np.float32)
        typical = scores[has_words]
        if self.pooled:
            sampled = stored_cosines(self.library.text_embeddings, query, stored_vectors(self.library).sample_rows(self.population))
            typical = sampled[sampled != 0] if (sampled != 0).any() else typical
        mean, spread = typical.mean(), typical.std()
        z = np.where(has_words, (scores - mean) / max(float(spread), 1e-6), 0.0)
        return np.clip(z, 0.0, None).astype(np.float32)

    def word_scores(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The text channel fused: exact words (BM25) plus, when available, words close in meaning; and which
        candidates' words match the text (a shared word, or SEMANTIC_MATCH_Z closer in meaning than usual)."""
        total = np.zeros(len(self.rows), dtype=np.float32)
        matches = np.zeros(len(self.rows), dtype=bool)
        if self.has_text:
            shared = self.text_scores(text)
            total += TEXT_WEIGHT * shared
            matches |= shared > 0
        if self.sentence_model is not None:
            close = self.semantic_z(text)
            total += SEMANTIC_WEIGHT * close
            matches |= close >= SEMANTIC_MATCH_Z
        return total, matches

    def relevance(self, vector: np.ndarray | None, text: str) -> "Relevance":
        """Search's one relevance over the candidates: CLIP (z-scores), photo words and words close in meaning,
        fused on one scale, with which candidates each channel's cut-off says show what was described.
        Search ranks by it; answers take the described candidates as the moments a question is about."""
        return self.fused(self.clip_evidence(vector) if vector is not None and len(self.rows) else None, text)

    def fused(self, clip: ClipEvidence | None, text: str) -> "Relevance":
        """The relevance from CLIP's evidence already found (None: no CLIP vector; its arrays are taken over)
        and the text's words: for a caller that looked at CLIP's cut before paying for the words."""
        scores = clip.z if clip is not None else np.zeros(len(self.rows), dtype=np.float32)
        described = clip.matches if clip is not None else np.zeros(len(self.rows), dtype=bool)
        by_words = np.zeros(len(self.rows), dtype=bool)
        channels: list[str] = []
        if text and (self.has_text or self.sentence_model is not None):
            word_scores, by_words = self.word_scores(text)
            scores += word_scores
            described |= by_words
            channels.append("text")
            if self.sentence_model is not None:
                channels.append("meaning")
        return Relevance(scores, described, by_words, channels, clip.best if clip is not None else None)

    def text_scores(self, text: str) -> np.ndarray:
        """BM25 as a share of what the query could score at most (every word matched as well as any photo does): 0..1."""
        index = self.library.text_index
        ceiling = index.best_possible(text)
        scores = index.scores(text, self._gathered_rows)
        return np.clip(scores / ceiling, 0.0, 1.0) if ceiling > 0 else scores
