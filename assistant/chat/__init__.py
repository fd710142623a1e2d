"""The chat: what each message means and what the assistant does and says back.

    state.py       ChatState, Choice, Turn, Asked: plain frozen data carried from one message to the next
    intents.py     classify(message, state) -> Intent: one named intent per kind of message
    refinement.py  how a message changes the query: what it adds, what a correction replaces
    questions.py   a question in the chat: in the last one's scope, the answer first, its evidence as moments
    replies.py     the assistant's wording (templates in assistant/prompts/replies.toml)
    assistant.py   Assistant.respond = classify, then dispatch to one handler
"""

from .assistant import TIMELINE_SIDE, Assistant
from .intents import Intent, classify
from .replies import Replies
from .state import MAX_MESSAGE_CHARS, Asked, ChatState, Choice, OpenedMoment, Turn, clean_message

__all__ = [
    "MAX_MESSAGE_CHARS", "TIMELINE_SIDE", "Asked", "Assistant", "ChatState", "Choice", "Intent", "OpenedMoment", "Replies", "Turn",
    "classify", "clean_message",
]
