"""Articles per day as bar geometry, drawn by the templates as inline SVG on the server.

No front-end chart library: a page must work without JavaScript, and a few dozen rectangles are enough to
show when a story broke and how long it ran. Days with no article are filled in (a gap is information) as
long as the range stays readable; past MAX_DAYS only the days that have articles get a bar.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..queries import DayCount

MAX_DAYS = 400


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: str
    articles: int


@dataclass
class DayChart:
    width: int
    height: int
    peak: int
    first: str
    last: str
    bars: list[Bar] = field(default_factory=list)


def day_chart(days: list[DayCount], width: int = 640, height: int = 120) -> DayChart | None:
    """Bars from the oldest day (right, as Arabic reads) to the newest (left); None when nothing is dated."""
    counts: dict[str, int] = {}
    for d in days:
        try:
            date.fromisoformat(d.day)
        except ValueError:
            continue
        counts[d.day] = counts.get(d.day, 0) + d.articles
    if not counts:
        return None
    ordered = sorted(counts)
    first, last = date.fromisoformat(ordered[0]), date.fromisoformat(ordered[-1])
    span = (last - first).days + 1
    if span <= MAX_DAYS:
        ordered = [(first + timedelta(days=i)).isoformat() for i in range(span)]
    peak = max(counts.values())
    slot = width / len(ordered)
    bar_width = min(max(1.0, slot * 0.8), 40.0)          # one day alone is a bar, not a wall
    bars = []
    for i, day in enumerate(ordered):
        n = counts.get(day, 0)
        h = (height - 4) * n / peak if n else 0.0
        x = width - (i + 1) * slot + (slot - bar_width) / 2
        bars.append(Bar(round(x, 2), round(height - h, 2), round(bar_width, 2), round(h, 2), day, n))
    return DayChart(width, height, peak, ordered[0], ordered[-1], bars)
