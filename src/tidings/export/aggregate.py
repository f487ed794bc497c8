"""Group event reports across articles into one event each, as GDELT does."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from tidings.records import Article, Event, EventCluster


def _code(event: Event, side: str) -> str:
    mention = event.source if side == "source" else event.cameo_target
    return mention.actor.code if mention is not None else ""


def cluster_events(events: Iterable[Event], articles: Mapping[str, Article]) -> list[EventCluster]:
    """One cluster per (date, source code, target code, CAMEO code), in first-report order."""
    groups: dict[tuple[date | None, str, str, str], list[Event]] = {}
    for event in events:
        key = (event.date, _code(event, "source"), _code(event, "target"), event.cameo_code)
        groups.setdefault(key, []).append(event)
    clusters = []
    for (day, source, target, code), reports in groups.items():
        article_ids = {event.article_id for event in reports}
        outlets = {articles[i].source or articles[i].url or i for i in article_ids if i in articles}
        clusters.append(
            EventCluster(
                date=day,
                source_code=source,
                target_code=target,
                cameo_code=code,
                mentions=tuple(reports),
                num_articles=len(article_ids),
                num_sources=len(outlets),
            )
        )
    return clusters
