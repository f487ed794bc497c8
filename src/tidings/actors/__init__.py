"""Actors: recognise political actors and resolve them to country and sector codes."""

from tidings.actors.component import ActorResolver

__all__ = ["ActorResolver"]
