"""What is left for the pixels: the text minus its constraints, its before/after clauses and narrative filler.

"Meeting friends outside a bar, before walking to another bar. It was in 2019, I think." becomes the
visual description "Meeting friends outside a bar." (the clause is found by `sequence`).
"""

from __future__ import annotations

import re

from .text import FUNCTION_WORDS, Span, blank_out, sentences

_FLAGS = re.IGNORECASE


_FILLER = [re.compile(pattern, _FLAGS) for pattern in (
    r"\b(?:can\s+you\s+|could\s+you\s+|please\s+)?(?:find|show|get|give)\s+(?:me\s+)?(?:the\s+|a\s+|all\s+(?:the\s+)?)?(?:moments?|times?|photos?|pictures?|images?|occasions?|events?)\s+(?:when|where|of|that|in\s+which)\b",
    r"\b(?:i(?:'m|\s+am)|we(?:'re|\s+are))\s+(?:looking|searching)\s+for\b|\b(?:i|we)\s+(?:want|would\s+like|need)\s+to\s+find\b",
    r"\b(?:find|show)\s+me\b|\blooking\s+for\b",
    r"\b(?:the\s+)?(?:moment|time|occasion|day|photos?|pictures?)\s+(?:when|where|that)\s+(?=i\b|we\b)",
    r"\bif\s+i\s+(?:remember|recall)(?:\s+(?:correctly|rightly|well))?\b",
    r"\bas\s+far\s+as\s+i\s+(?:can\s+)?(?:remember|recall|know)\b",
    r"\b(?:i|we)\s+(?:can\s+|do\s+|vaguely\s+|clearly\s+|still\s+)?(?:remember|recall|recollect)(?:\s+(?:that|seeing|being|having))?\b",
    r"\b(?:i|we)\s+(?:think|believe|guess|suppose|reckon|assume|feel)(?:\s+(?:that|it\s+was|it's))?\b",
    r"\bi(?:'m|\s+am)\s+(?:not\s+)?(?:quite\s+|fairly\s+|pretty\s+|very\s+|totally\s+|completely\s+)?(?:sure|certain|positive)(?:\s+(?:that|if|whether|about|of))?\b",
    r"\b(?:i\s+)?(?:don't|do\s+not)\s+(?:really\s+)?(?:know|remember)(?:\s+(?:exactly|when|where|if|whether))?\b",
    r"\bnot\s+(?:quite\s+|really\s+)?sure(?:\s+(?:when|where|if|whether|about))?\b",
    r"\bit\s+(?:was|is|must\s+have\s+been|might\s+have\s+been|may\s+have\s+been|could\s+have\s+been|would\s+have\s+been|seemed|seems|felt)\b",
    r"\bthat\s+(?:was|is)\b",
    r"\bthere\s+(?:was|were|is|are)\b",
    r"\b(?:i|we)\s+(?:may|might|must|could|would)\s+have(?:\s+been)?\b",
    r"\b(?:i|we)\s+(?:was|were)\b",
    r"\b(?:maybe|perhaps|probably|possibly|definitely|apparently|basically|actually|anyway|somehow|kind\s+of|sort\s+of|"
    r"at\s+some\s+point|one\s+day|some\s+day|sometime|or\s+something|or\s+so|i\s+guess|you\s+know|roughly|approximately)\b",
    r"\b(?:very\s+|quite\s+|really\s+|fairly\s+)?(?:early|late)(?=\s*(?:[,;.!?]|$))",
)]
# Conjunctions and punctuation left dangling at either end once constraints are cut out.
_EDGE_JUNK = re.compile(
    r"^(?:\s|[,:;\-–—]|\b(?:and|but|so|then|or|also|when|while|where|which|that|as|because)\b)+"
    r"|(?:\s|[,:;\-–—]|\b(?:and|but|so|then|or|also|when|while|where|which|that|as|because|the|a|an)\b)+$", _FLAGS)


def _tidy(sentence: str) -> str:
    sentence = re.sub(r"(?:(?<=\s)|^)['’](?=\s|$)", " ", sentence)  # an apostrophe whose word was cut ("'s avonds")
    sentence = re.sub(r"\s+", " ", sentence)
    sentence = re.sub(r"\s+([,.;:!?])", r"\1", sentence)
    sentence = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", sentence)
    previous = None
    while previous != sentence:
        previous = sentence
        sentence = _EDGE_JUNK.sub("", sentence).strip()
    return sentence


def visual_description(text: str, removed: list[Span]) -> str:
    """The text without the removed spans and filler, sentence by sentence; empty sentences are dropped."""
    blanked = blank_out(text, removed)
    kept = []
    for start, end in sentences(blanked):
        sentence = blanked[start:end]
        terminator = re.search(r"[.!?]+\s*$", sentence)
        body = sentence[:terminator.start()] if terminator else sentence
        for pattern in _FILLER:
            body = pattern.sub(" ", body)
        body = _tidy(body)
        if not any(word.lower() not in FUNCTION_WORDS for word in re.findall(r"[^\W_]+", body)):
            continue
        kept.append(body[0].upper() + body[1:] if body[:1].islower() and kept else body)
    if len(kept) <= 1:
        return kept[0] if kept else ""
    return " ".join(sentence if sentence.endswith((".", "!", "?")) else sentence + "." for sentence in kept)
