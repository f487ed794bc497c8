"""The errors tidings raises: each message names the value at fault and how to fix it.

The library raises these; the command line turns any of them into one line on stderr and exit
status 1. Everything else that escapes is a bug in tidings.
"""

from __future__ import annotations


class TidingsError(Exception):
    """A problem the user can fix; the message says which value and how."""


class InputError(TidingsError):
    """A value given to tidings (an article id, a filter, an input stream) is not usable."""


class DatabaseError(TidingsError):
    """The database cannot be opened, read or written."""


class ConfigurationError(TidingsError):
    """A configuration file (an actors file, a data table) is missing or malformed."""


class ClusterError(TidingsError):
    """Worker processes or a Dask cluster failed or cannot be reached."""
