"""Events: who did what to whom, coded in CAMEO and PLOVER."""

from tidings.events.component import EventCoder
from tidings.events.explain import ExplainedEvent, explain, explain_lines
from tidings.events.extract import EventExtractor
from tidings.events.lexicon import Lexicon, load_lexicon

__all__ = [
    "EventCoder",
    "EventExtractor",
    "ExplainedEvent",
    "Lexicon",
    "explain",
    "explain_lines",
    "load_lexicon",
]
