"""The current view as a TimelineJS3 document (timeline.knightlab.com): one slide per dated event.

- Dates: each slide starts where its interval starts, at the finest unit the interval is whole in
  (a year, a month, or a day), and ends where it ends when that differs: "Late 2017" (the engine's
  September-December 2017) starts in September 2017 and ends in December, "Summer 2018" runs June to
  August, "the 2010s" 2010 to 2019, "Week of 3 Apr 2017" 3 to 9 April. TimelineJS fills a missing
  month or day with 1 (as a spreadsheet of it does), so a plain year sits on 1 January. The reader's
  date ("Late 2017") is the slide's ``display_date``, so TimelineJS shows it as the engine wrote it.
- The title slide: the view's title, then its summary (how many events, the years they span, the main
  actors by how often they appear, the most frequent first).
- Groups: the view's lanes (``groups``: event id -> lane name, the chart's own lanes); without them,
  each event's first actor, "Other" when it names none.
- Media: the quote as a block quote, with its source as caption (the article's title, linked to its
  address when that is a web address) and credit (outlet and publication date).

TimelineJS renders headline, text, caption, credit and the block quote as HTML, so every piece of
article text is HTML-escaped here; only the markup we add ourselves is HTML. TimelineJS picks a media
kind by matching patterns against the media ``url`` ("spotify", "iframe", ".pdf", "youtu.be",
"jpg?..."): the block quote writes ``.``, ``/``, ``?`` and ``i`` of its text as character references, so
a quote that names such a thing stays a quote (the browser shows the same characters).
"""

from __future__ import annotations

import calendar
import html
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlparse

from timeline.corrections.shown import edited_text
from timeline.model import Event, Source

DEFAULT_TITLE = "Timeline"
MAIN_ACTORS = 6
"""How many actors the title slide names."""
OTHER_GROUP = "Other"

_QUOTE_REFS = str.maketrans({".": "&#46;", "/": "&#47;", "?": "&#63;", "i": "&#105;"})


def timelinejs_date(start: date, end: date) -> tuple[dict[str, int], dict[str, int] | None]:
    """The slide's ``start_date`` and ``end_date`` (None when the interval is one unit) for the inclusive
    interval ``start``..``end``, each at the finest unit the interval is whole in."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        first: dict[str, int] = {"year": start.year}
        return first, ({"year": end.year} if end.year != start.year else None)
    if start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        first = {"year": start.year, "month": start.month}
        last = {"year": end.year, "month": end.month}
        return first, (last if last != first else None)
    first = {"year": start.year, "month": start.month, "day": start.day}
    return first, ({"year": end.year, "month": end.month, "day": end.day} if end != start else None)


def safe_link(url: str | None) -> str | None:
    """``url`` when it is a web address (http or https, with a host), else None: never a script link."""
    if not url:
        return None
    parsed = urlparse(url)
    return url if parsed.scheme in {"http", "https"} and parsed.netloc else None


def _published(source: Source) -> str:
    return source.published.isoformat() if source.published else "no publication date"


def _cited(source: Source) -> str:
    """The source's title (its file name when it has none), linked to its address when it has one."""
    label = html.escape(source.title or source.doc)
    link = safe_link(source.url)
    return f'<a href="{html.escape(link)}">{label}</a>' if link else label


def _credit(source: Source) -> str:
    return html.escape(", ".join(part for part in (source.outlet, _published(source)) if part))


def _media(event: Event) -> dict[str, str] | None:
    if not event.sentence:
        return None
    quote = html.escape(event.sentence).translate(_QUOTE_REFS)
    media = {"url": f"<blockquote>“{quote}”</blockquote>"}
    if event.sources:
        media["caption"] = _cited(event.source)
        media["credit"] = _credit(event.source)
    return media


def _slide_text(event: Event) -> str:
    paragraphs = [
        f"<p>Source: {_cited(source)}" + (f", {_credit(source)}" if _credit(source) else "") + "</p>"
        for source in event.sources
    ]
    edited = edited_text(event)
    if edited:
        paragraphs.append(f"<p><em>Edited by hand: {html.escape(edited)}</em></p>")
    return "".join(paragraphs)


def main_actors(events: Sequence[Event], limit: int = MAIN_ACTORS) -> list[str]:
    """The actors of ``events``, the most frequent first (ties by name), at most ``limit``."""
    counts = Counter(actor for event in events for actor in event.actors)
    return [name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]]


def summary(events: Sequence[Event]) -> str:
    """The title slide's text (plain): "12 events, 2003 – 2021. Main actors: United States, Iran."."""
    dated = [event for event in events if event.start is not None]
    count = f"{len(dated)} event{'' if len(dated) == 1 else 's'}"
    if dated:
        first = min(event.start for event in dated if event.start is not None).year
        last = max((event.end or event.start) for event in dated if event.start is not None).year
        count += f", {first}" if first == last else f", {first} – {last}"
    actors = main_actors(dated)
    return count + "." + (f" Main actors: {', '.join(actors)}." if actors else "")


def _group(event: Event, groups: Mapping[str, str] | None) -> str:
    if groups is not None and event.id in groups:
        return groups[event.id]
    return event.actors[0] if event.actors else OTHER_GROUP


def slide(event: Event, groups: Mapping[str, str] | None = None) -> dict[str, Any] | None:
    """The event's slide, or None for an event with no date (TimelineJS cannot place it)."""
    if event.start is None:
        return None
    start_date, end_date = timelinejs_date(event.start, event.end or event.start)
    result: dict[str, Any] = {
        "start_date": start_date,
        "display_date": html.escape(event.display_date),
        "text": {"headline": html.escape(event.title), "text": _slide_text(event)},
        "group": html.escape(_group(event, groups)),
        "unique_id": event.id,
    }
    if end_date is not None:
        result["end_date"] = end_date
    media = _media(event)
    if media is not None:
        result["media"] = media
    return result


def to_timelinejs(
    events: Sequence[Event],
    *,
    title: str = DEFAULT_TITLE,
    intro: str = "",
    groups: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A TimelineJS3 JSON document: a title slide (``title``, the view's summary, then ``intro``) and
    one slide per event that has a date, in the events' order, grouped by ``groups`` (id -> lane)."""
    slides = [made for made in (slide(event, groups) for event in events) if made is not None]
    text = f"<p>{html.escape(summary(events))}</p>" + (f"<p>{html.escape(intro)}</p>" if intro else "")
    return {"title": {"text": {"headline": html.escape(title), "text": text}}, "events": slides}


def timelinejs_bytes(
    events: Sequence[Event],
    *,
    title: str = DEFAULT_TITLE,
    intro: str = "",
    groups: Mapping[str, str] | None = None,
) -> bytes:
    """``to_timelinejs`` as a UTF-8 file, one slide per line (compact, so json's fast encoder is used)."""
    document = to_timelinejs(events, title=title, intro=intro, groups=groups)
    slides = ",\n".join(json.dumps(item, ensure_ascii=False) for item in document["events"])
    head = json.dumps(document["title"], ensure_ascii=False)
    return f'{{"title": {head},\n"events": [\n{slides}\n]}}\n'.encode()
