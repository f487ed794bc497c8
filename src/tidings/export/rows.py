"""Records as flat rows: the JSONL/CSV contract, and GDELT- and PLOVER-style events.

Actor sectors are joined with "|" ("GOV", "GOV|MIL", "" when none are known).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tidings.records import ActorMention, Event, EventCluster, Factuality, Quote


def _actor_fields(prefix: str, mention: ActorMention | None) -> dict[str, object]:
    actor = mention.actor if mention else None
    return {
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_sector": "|".join(actor.sectors) if actor else None,
        f"{prefix}_text": mention.text if mention else None,
    }


def event_row(event: Event) -> dict[str, object]:
    """An event as the stable row of ``tidings events --format jsonl``."""
    place = event.location
    return {
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end,
        **_actor_fields("source", event.source),
        **_actor_fields("target", event.target),
        "cameo_code": event.cameo_code,
        "cameo_root": event.cameo_root,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "plover_event": event.plover_event,
        "plover_mode": event.plover_mode,
        "plover_context": event.plover_context,
        "factuality": event.factuality.value,
        "date": event.date.isoformat() if event.date else None,
        "date_basis": event.date_basis.value,
        "date_precision": event.date_precision.value if event.date_precision else None,
        "date_text": event.date_text,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "location_geonames_id": place.geonames_id if place else None,
        "location_start": place.start if place else None,
        "location_end": place.end if place else None,
        "trigger": event.trigger,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "reported_by_name": event.reported_by.actor.name if event.reported_by else None,
        # Which of the article's quotes (in order) states or reports the event.
        "quote_index": event.quote_index,
        "reciprocal": event.reciprocal,
        "rule": event.rule,
        "source_rule": event.source_rule,
        "target_rule": event.target_rule,
    }


def quote_row(quote: Quote) -> dict[str, object]:
    """A quote as the stable row of ``tidings quotes --format jsonl``."""
    speaker = quote.speaker.actor if quote.speaker else None
    return {
        "article_id": quote.article_id,
        "kind": quote.kind.value,
        "text": quote.text,
        "spans": [list(span) for span in quote.spans],
        "cue": quote.cue,
        "speaker_mention": quote.speaker.text if quote.speaker else None,
        "speaker_name": speaker.name if speaker else None,
        "speaker_country": speaker.country if speaker else None,
        "speaker_sector": "|".join(speaker.sectors) if speaker else None,
        "reported_by": quote.reported_by.actor.name if quote.reported_by else None,
        "rule": quote.rule,
    }


def mention_row(mention: ActorMention) -> dict[str, object]:
    """An actor mention with its offsets and resolved actor (``tidings serve``'s articles)."""
    return {
        "article_id": mention.article_id,
        "sentence_index": mention.sentence_index,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "name": mention.actor.name,
        "country": mention.actor.country,
        "sector": "|".join(mention.actor.sectors),
        "code": mention.actor.code,
        "resolved_by": mention.resolved_by,
    }


def _gdelt_actor(number: int, mention: ActorMention | None) -> dict[str, object]:
    actor = mention.actor if mention else None
    return {
        f"Actor{number}Code": actor.code if actor else "",
        f"Actor{number}Name": actor.name.upper() if actor else "",
        f"Actor{number}CountryCode": (actor.country or "") if actor else "",
        f"Actor{number}Type1Code": actor.sectors[0] if actor and actor.sectors else "",
    }


def gdelt_row(cluster: EventCluster, *, url: str | None = None) -> dict[str, object]:
    """An event cluster with GDELT 2.0 event-table field names, where GDELT has the field;
    the first report stands for the event, ``url`` is its article's address."""
    event = cluster.mentions[0]
    place = event.location
    return {
        "SQLDATE": event.date.strftime("%Y%m%d") if event.date else "",
        **_gdelt_actor(1, event.source),
        **_gdelt_actor(2, event.cameo_target),
        "IsRootEvent": int(event.sentence_index == 0),
        "EventCode": event.cameo_code,
        "EventBaseCode": event.cameo_code[:3],
        "EventRootCode": event.cameo_root,
        "QuadClass": event.quad_class,
        "GoldsteinScale": event.goldstein,
        "ActionGeo_FullName": place.name if place else "",
        "ActionGeo_CountryCode": (place.country or "") if place else "",
        "ActionGeo_Lat": place.latitude if place else None,
        "ActionGeo_Long": place.longitude if place else None,
        "ActionGeo_FeatureID": place.geonames_id if place else None,
        "NumMentions": len(cluster.mentions),
        "NumSources": cluster.num_sources,
        "NumArticles": cluster.num_articles,
        "SOURCEURL": url or "",
    }


def _plover_actor(mention: ActorMention) -> dict[str, object]:
    return {
        "actorText": mention.text,
        "code": mention.actor.country,
        "sector": "|".join(mention.actor.sectors),
        "name": mention.actor.name,
    }


def plover_rows(events: Iterable[Event], texts: Mapping[str, str]) -> list[dict[str, object]]:
    """Events in the shape of PLOVER's JSON records (``texts``: article id -> text): one record
    per trigger and code, whose actor and recipient lists hold its compound or reciprocal
    parties, as the PLOVER manual codes them."""
    groups: dict[tuple[str, int, str, Factuality], list[Event]] = {}
    for event in events:
        key = (event.article_id, event.trigger_start, event.cameo_code, event.factuality)
        groups.setdefault(key, []).append(event)
    return [_plover_row(group, texts[group[0].article_id]) for group in groups.values()]


def _plover_row(group: list[Event], text: str) -> dict[str, object]:
    event = group[0]
    actors = dict.fromkeys(mention for e in group for mention in e.plover_parties[0])
    recipients = dict.fromkeys(mention for e in group for mention in e.plover_parties[1])
    place = event.location
    return {
        "id": f"{event.article_id}-{event.sentence_index}-{event.trigger_start}-{event.cameo_code}",
        "date": event.date.isoformat() if event.date else None,
        "event": event.plover_event,
        "mode": event.plover_mode,
        "context": event.plover_context,
        "source": [_plover_actor(mention) for mention in actors],
        "target": [_plover_actor(mention) for mention in recipients],
        "eventText": event.trigger,
        "text": text[event.sentence_start : event.sentence_end],
        "location": (
            {"placeName": place.name, "country": place.country, "geonamesID": place.geonames_id}
            if place
            else None
        ),
        "factuality": event.factuality.value,
        "cameo": event.cameo_code,
    }
