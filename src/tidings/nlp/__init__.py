"""The spaCy backbone: one function builds the pipeline, one runs articles through it."""

from tidings.nlp.annotations import register_extensions
from tidings.nlp.pipeline import DEFAULT_MODEL, analyze, analyze_one, annotate, build_pipeline

__all__ = [
    "DEFAULT_MODEL",
    "analyze",
    "analyze_one",
    "annotate",
    "build_pipeline",
    "register_extensions",
]
