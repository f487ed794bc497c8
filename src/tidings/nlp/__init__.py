"""What tidings' components hang on a spaCy Doc, and how an annotated Doc becomes records.

The pipeline itself is assembled in ``tidings.pipeline``, the one module that knows the stages.
"""

from tidings.nlp.annotations import register_extensions
from tidings.nlp.convert import doc_to_analysis

__all__ = ["doc_to_analysis", "register_extensions"]
