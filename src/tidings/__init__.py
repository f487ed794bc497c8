"""tidings: political event data from news text, with every record traceable to its sentence."""

__version__ = "0.1.0"
