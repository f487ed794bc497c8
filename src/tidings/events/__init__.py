"""Events: who did what to whom, coded in CAMEO and PLOVER."""

from tidings.events.codebook import CameoCode, cameo_code, cameo_codebook
from tidings.events.component import EventCoder

__all__ = ["CameoCode", "EventCoder", "cameo_code", "cameo_codebook"]
