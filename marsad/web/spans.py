"""Highlights over an article's stored text, nested so that HTML can show them.

The article page shows the clean text with quotes, entity mentions and a linked summary sentence marked at
their stored offsets. HTML elements must nest, stored spans need not (a mention may straddle a quote's edge),
so spans are placed into a tree in priority order and a span that would cross one already placed is left out
rather than split: a split mention would show two elements whose offsets are no longer the stored ones.
The text between spans stays plain strings, which the template escapes piece by piece.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Highlight:
    """One element over `text[start:end]`: kind is "quote", "mark" or "mention"; `ref` the record behind it."""

    kind: str
    start: int
    end: int
    ref: object = None
    children: list = field(default_factory=list)       # Highlight nodes while building, pieces once built


def _insert(children: list[Highlight], span: Highlight) -> bool:
    """Place `span` among sibling nodes (sorted, disjoint); False when it crosses one of them."""
    inside = []
    for i, child in enumerate(children):
        if child.end <= span.start or child.start >= span.end:
            continue
        if child.start <= span.start and span.end <= child.end:      # inside (an equal span goes inside too)
            return _insert(child.children, span)
        if span.start <= child.start and child.end <= span.end:
            inside.append(i)
            continue
        return False
    if inside:
        span.children = [children[i] for i in inside]
        del children[inside[0]:inside[-1] + 1]
    children.append(span)
    children.sort(key=lambda c: c.start)
    return True


def _pieces(text: str, start: int, end: int, nodes: list[Highlight]) -> list:
    out: list = []
    at = start
    for node in nodes:
        if node.start > at:
            out.append(text[at:node.start])
        node.children = _pieces(text, node.start, node.end, node.children)
        out.append(node)
        at = node.end
    if end > at:
        out.append(text[at:end])
    return out


def nest_highlights(text: str, spans: list[Highlight]) -> list:
    """The text as a list of plain strings and Highlight nodes (whose `children` are again such lists).
    Spans are placed in the order given (put the most important first); empty, out-of-range and crossing
    spans are dropped. Joining every string in order gives back `text` exactly."""
    roots: list[Highlight] = []
    for span in spans:
        if 0 <= span.start < span.end <= len(text):
            _insert(roots, Highlight(span.kind, span.start, span.end, span.ref))
    return _pieces(text, 0, len(text), roots)
