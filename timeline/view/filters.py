"""What the reader chose to see (``FilterState``), its URL form, and applying it to the events frame.

``FilterState`` is the whole view: the filters plus the lane switch, the selected event, the
large-type option and the Present slide, so one URL reproduces the view exactly. Its query
parameters are compact (only values that differ from the default) and reading them is tolerant: an
unreadable value falls back to its default and never raises, because links get hand-edited and
truncated.

Query parameters: ``from``/``to`` (ISO dates), ``actors``, ``cats``, ``sources``, ``prec``
(comma-separated lists; a comma or percent sign inside a value is percent-encoded), ``q`` (text),
``planned=0`` (hide planned), ``lane=category``, ``sel`` (event id), ``large=1``, ``slide`` (int),
``key=1``/``key=0`` (the chart's "Key events" switch on or off; absent: on past ``KEY_EVENTS_AUTO``
events) and ``keyn`` (how many key events, 1 to ``MAX_KEY_COUNT``).

The address the app writes is at most ``MAX_QUERY_CHARS`` long: a longer one is cut by whole
parameters (``to_query_params`` keeps what fits, ``unshared`` says what was left out), because
browsers and servers refuse long addresses (two long links in a row were an HTTP 400). A link read
in is as strictly bounded: an oversized value is ignored, lists keep at most ``MAX_LIST_ITEMS``
values of at most ``MAX_ITEM_CHARS`` each.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args
from urllib.parse import urlencode

import numpy as np
import pandas as pd

from timeline.model import PRECISION_ORDER
from timeline.view.frame import membership_token

Lane = Literal["actor", "category"]
LANES: tuple[str, ...] = get_args(Lane)

MAX_TEXT_LENGTH = 200
"""Longer search text in a URL is cut: a filter, not a document."""

MAX_SLIDE = 1_000_000

DEFAULT_KEY_COUNT = 20
"""How many key events the chart labels unless the link says otherwise (``keyn``)."""

MAX_KEY_COUNT = 200
"""The most key events a link may ask for (more labels than this would be a cloud again)."""

KEY_EVENTS_AUTO = 300
"""With the switch left alone, the chart shows key events over density past this many dated events."""

MAX_QUERY_CHARS = 2000
"""The longest query string (URL-encoded) the app writes: a link anyone can paste, mail or chat."""

MAX_VALUE_CHARS = 4000
"""A parameter value read from a link that is longer than this is ignored (no view needs it)."""

MAX_ITEM_CHARS = 200
"""A list value (an actor, an article id) or an event id longer than this is ignored."""

MAX_LIST_ITEMS = 200
"""A list read from a link keeps at most this many values."""

SHARE_ORDER = (
    "sel",
    "slide",
    "lane",
    "key",
    "keyn",
    "large",
    "planned",
    "from",
    "to",
    "prec",
    "cats",
    "q",
    "actors",
    "sources",
)
"""Which parameters a capped link keeps first: the short ones that say what is shown, then the lists."""

PARAM_NAMES = {
    "from": "the start date",
    "to": "the end date",
    "actors": "the actors filter",
    "cats": "the categories filter",
    "sources": "the articles filter",
    "q": "the search text",
    "prec": "the precision filter",
    "planned": "the planned-events option",
    "lane": "the lanes option",
    "sel": "the selected event",
    "large": "large type",
    "slide": "the slide number",
    "key": "the key-events switch",
    "keyn": "the number of key events",
}
"""How a left-out parameter is named to the reader."""


@dataclass(frozen=True)
class FilterState:
    """The view: filters (empty tuple = no restriction) and display options."""

    date_from: date | None = None
    date_to: date | None = None
    actors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    text: str = ""
    precisions: tuple[str, ...] = ()
    include_planned: bool = True
    lane: Lane = "actor"
    selected: str | None = None
    large: bool = False
    slide: int = 0
    key_events: bool | None = None
    """The chart's "Key events" switch; None: not chosen (on past ``KEY_EVENTS_AUTO`` dated events)."""
    key_count: int = DEFAULT_KEY_COUNT

    def key_events_on(self, dated: int) -> bool:
        """Whether the chart shows key events over density for a view of ``dated`` dated events."""
        return self.key_events if self.key_events is not None else dated > KEY_EVENTS_AUTO

    @classmethod
    def reset(cls) -> FilterState:
        """The default view: everything shown, nothing selected."""
        return cls()

    def cleared(self) -> FilterState:
        """No filters and no selection, but the reader's display choices (lanes, large type) kept."""
        return FilterState(
            lane=self.lane, large=self.large, key_events=self.key_events, key_count=self.key_count
        )

    def replace(self, **changes: object) -> FilterState:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @property
    def active_filters(self) -> int:
        """How many filters restrict the events (display options and selection not counted)."""
        return sum(
            (
                self.date_from is not None,
                self.date_to is not None,
                bool(self.actors),
                bool(self.categories),
                bool(self.sources),
                bool(self.text.strip()),
                bool(self.precisions),
                not self.include_planned,
            )
        )

    def all_query_params(self) -> dict[str, str]:
        """Only the values that differ from the default, as strings, however long they are."""
        params: dict[str, str] = {}
        if self.date_from is not None:
            params["from"] = self.date_from.isoformat()
        if self.date_to is not None:
            params["to"] = self.date_to.isoformat()
        for key, values in (
            ("actors", self.actors),
            ("cats", self.categories),
            ("sources", self.sources),
            ("prec", self.precisions),
        ):
            if values:
                params[key] = _join(values)
        if self.text:
            params["q"] = self.text
        if not self.include_planned:
            params["planned"] = "0"
        if self.lane != "actor":
            params["lane"] = self.lane
        if self.selected:
            params["sel"] = self.selected
        if self.large:
            params["large"] = "1"
        if self.slide:
            params["slide"] = str(self.slide)
        if self.key_events is not None:
            params["key"] = "1" if self.key_events else "0"
        if self.key_count != DEFAULT_KEY_COUNT:
            params["keyn"] = str(self.key_count)
        return params

    def to_query_params(self) -> dict[str, str]:
        """The view's parameters that fit in a shareable address (``MAX_QUERY_CHARS``)."""
        return fit_query(self.all_query_params())[0]

    def unshared(self) -> tuple[str, ...]:
        """Parameters the view's address leaves out because it would be too long (empty: all fit)."""
        return fit_query(self.all_query_params())[1]

    def known_only(
        self,
        *,
        actors: Collection[str],
        categories: Collection[str],
        sources: Collection[str],
        precisions: Collection[str],
    ) -> FilterState:
        """The view without filter values the data does not have (a link from another collection, a
        renamed article): one rule for every page, so a link shows the same events everywhere."""
        return self.replace(
            actors=tuple(actor for actor in self.actors if actor in actors),
            categories=tuple(category for category in self.categories if category in categories),
            sources=tuple(source for source in self.sources if source in sources),
            precisions=tuple(precision for precision in self.precisions if precision in precisions),
        )

    @classmethod
    def from_query_params(cls, params: Mapping[str, str | list[str]]) -> FilterState:
        """The state a URL describes; unknown keys are ignored and bad values fall back to defaults."""
        try:
            return cls._parse(params)
        except Exception:  # a link must never break the page; the default view is a safe answer
            return cls()

    @classmethod
    def _parse(cls, params: Mapping[str, str | list[str]]) -> FilterState:
        date_from = _parse_date(_last(params, "from"))
        date_to = _parse_date(_last(params, "to"))
        if date_from and date_to and date_from > date_to:
            date_from, date_to = date_to, date_from
        lane = _last(params, "lane")
        selected = (_last(params, "sel") or "").strip()
        if len(selected) > MAX_ITEM_CHARS:
            selected = ""
        return cls(
            date_from=date_from,
            date_to=date_to,
            actors=_split_all(params, "actors"),
            categories=_split_all(params, "cats"),
            sources=_split_all(params, "sources"),
            text=(_last(params, "q") or "")[:MAX_TEXT_LENGTH],
            precisions=tuple(p for p in _split_all(params, "prec") if p in PRECISION_ORDER),
            include_planned=_parse_flag(_last(params, "planned"), default=True),
            lane="category" if lane == "category" else "actor",
            selected=selected or None,
            large=_parse_flag(_last(params, "large"), default=False),
            slide=_parse_slide(_last(params, "slide")),
            key_events=_parse_optional_flag(_last(params, "key")),
            key_count=_parse_key_count(_last(params, "keyn")),
        )


def fit_query(
    params: Mapping[str, str], limit: int = MAX_QUERY_CHARS
) -> tuple[dict[str, str], tuple[str, ...]]:
    """The parameters (in ``SHARE_ORDER``) whose URL-encoded query fits in ``limit`` characters, and the
    names of those left out. A parameter is kept or left out whole: half a list would be another view."""
    kept: dict[str, str] = {}
    left_out: list[str] = []
    used = 0
    order = [key for key in SHARE_ORDER if key in params] + [key for key in params if key not in SHARE_ORDER]
    for key in order:
        cost = len(urlencode({key: params[key]})) + (1 if kept else 0)
        if used + cost <= limit:
            kept[key] = params[key]
            used += cost
        else:
            left_out.append(key)
    return kept, tuple(left_out)


def _escape(value: str) -> str:
    return value.replace("%", "%25").replace(",", "%2C")


def _unescape(value: str) -> str:
    return value.replace("%2C", ",").replace("%2c", ",").replace("%25", "%")


def _join(values: Iterable[str]) -> str:
    return ",".join(_escape(value) for value in values)


def _as_list(value: str | list[str] | None) -> list[str]:
    """The values of one parameter; an oversized one is dropped (a link must not make the page heavy)."""
    if value is None:
        return []
    values = [value] if isinstance(value, str) else [item for item in value if isinstance(item, str)]
    return [item for item in values if len(item) <= MAX_VALUE_CHARS]


def _last(params: Mapping[str, str | list[str]], key: str) -> str | None:
    values = _as_list(params.get(key))
    return values[-1] if values else None


def _split_all(params: Mapping[str, str | list[str]], key: str) -> tuple[str, ...]:
    items: list[str] = []
    for raw in _as_list(params.get(key)):
        items.extend(_unescape(part).strip() for part in raw.split(","))
    kept = dict.fromkeys(item for item in items if item and len(item) <= MAX_ITEM_CHARS)
    return tuple(kept)[:MAX_LIST_ITEMS]


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def _parse_flag(value: str | None, *, default: bool) -> bool:
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    return default


def _parse_optional_flag(value: str | None) -> bool | None:
    """A flag that may be left unset: anything unreadable is 'not chosen'."""
    if value is None:
        return None
    read_as_on, read_as_off = _parse_flag(value, default=True), _parse_flag(value, default=False)
    return read_as_on if read_as_on == read_as_off else None


def _parse_key_count(value: str | None) -> int:
    """``keyn``: a whole number of key events, clamped to 1..``MAX_KEY_COUNT``; unreadable: the default."""
    if value is None:
        return DEFAULT_KEY_COUNT
    try:
        count = int(value.strip())
    except ValueError:
        return DEFAULT_KEY_COUNT
    return min(max(count, 1), MAX_KEY_COUNT)


def _parse_slide(value: str | None) -> int:
    if value is None:
        return 0
    try:
        slide = int(value.strip())
    except ValueError:
        return 0
    return slide if 0 <= slide <= MAX_SLIDE else 0


def _any_member(keys: pd.Series, values: Iterable[str]) -> np.ndarray:
    """Rows whose membership key holds any of ``values``: one vectorised substring test per value."""
    mask = np.zeros(len(keys), dtype=bool)
    for value in values:
        mask |= keys.str.contains(membership_token(value), regex=False).to_numpy(dtype=bool, na_value=False)
    return mask


def filter_mask(df: pd.DataFrame, state: FilterState) -> np.ndarray:
    """The boolean row mask ``state`` selects in an ``events_frame`` (all operations vectorised)."""
    mask = np.ones(len(df), dtype=bool)
    if len(df) == 0:
        return mask
    if state.date_from is not None:
        # Intervals overlap the range: the event ends on or after its start. NaT compares False.
        mask &= (df["end"] >= pd.Timestamp(state.date_from)).to_numpy()
    if state.date_to is not None:
        mask &= (df["start"] <= pd.Timestamp(state.date_to)).to_numpy()
    if state.actors:
        mask &= _any_member(df["actors_key"], state.actors)
    if state.sources:
        mask &= _any_member(df["sources_key"], state.sources)
    if state.categories:
        mask &= df["category"].isin(state.categories).to_numpy()
    if state.precisions:
        mask &= df["precision"].isin(state.precisions).to_numpy()
    if not state.include_planned:
        mask &= ~df["planned"].to_numpy(dtype=bool)
    needle = state.text.strip().lower()
    if needle:
        mask &= df["search_text"].str.contains(needle, regex=False).to_numpy(dtype=bool, na_value=False)
    return mask


def apply_filters(df: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The rows of an ``events_frame`` that ``state`` keeps, in their original order.

    An event with several actors (or sources) matches if any of them is chosen; a date range keeps
    events whose interval overlaps it (an unanchored event has no interval, so a range drops it).
    """
    mask = filter_mask(df, state)
    return df if bool(mask.all()) else df.loc[mask]
