"""The HTTP API and web pages over a tidings database (``tidings serve``)."""

from tidings.api.app import app_from_environment, create_app

__all__ = ["app_from_environment", "create_app"]
