"""Quotes: who said what, direct and indirect, with the resolved speaker."""

from tidings.quotes.component import QuoteExtractor

__all__ = ["QuoteExtractor"]
