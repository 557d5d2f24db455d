"""Read-side questions the CLI, the HTTP API and the web UI all ask of a store: one function each, so the
three stay thin and agree."""
from __future__ import annotations

from .arabic import normalize_for_matching
from .records import Entity, Event
from .store import Store


def find_entity(store: Store, name_or_id: str) -> Entity | None:
    """An entity by id, by name or by any alias (normalised, so alef/ya/teh-marbuta spellings all match);
    among several, the one with the most mentions."""
    found = store.get_entity(name_or_id)
    if found is not None:
        return found
    wanted = normalize_for_matching(name_or_id.strip())
    best, best_count = None, -1
    for entity, count in store.entities_with_counts():
        forms = [entity.name, *entity.aliases]
        if any(normalize_for_matching(f) == wanted for f in forms) and count > best_count:
            best, best_count = entity, count
    return best


def _timeline(events: list[Event]) -> list[Event]:
    """Canonical events (not retellings) sorted by date, undated last."""
    kept = [v for v in events if v.same_as is None]
    return sorted(kept, key=lambda v: (v.date is None, v.date or "", v.article, v.start))


def entity_timeline(store: Store, entity_id: str) -> list[Event]:
    return _timeline([v for v in store.events() if entity_id in v.participants or v.place == entity_id])


def story_timeline(store: Store, story_id: str) -> list[Event]:
    story = store.get_story(story_id)
    if story is None:
        return []
    members = set(story.articles)
    return _timeline([v for v in store.events() if v.article in members])
