"""Events: who did what to whom, coded in CAMEO and PLOVER."""

from tidings.events.codebook import CameoCode, cameo_code, cameo_codebook
from tidings.events.component import EventCoder
from tidings.events.explain import ExplainedEvent, explain, explain_lines
from tidings.events.extract import EventExtractor
from tidings.events.lexicon import Lexicon, load_lexicon

__all__ = [
    "CameoCode",
    "EventCoder",
    "EventExtractor",
    "ExplainedEvent",
    "Lexicon",
    "cameo_code",
    "cameo_codebook",
    "explain",
    "explain_lines",
    "load_lexicon",
]
