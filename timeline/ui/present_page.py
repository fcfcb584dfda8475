"""Present page: the current view as slides, one event each, in date order, for a class.

Slide 0 is the title slide; slide n (1-based) is the n-th dated event. The slide number is in the URL
(``slide``), so a link opens on the same slide. Previous and Next sit above the slide, so a projector
always shows them; a clicker's keys (PageDown/PageUp, the arrows, Space) step too (``keys``).
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st

from timeline.corrections.shown import edited_text
from timeline.ui import components as ui
from timeline.ui.detail import PRECISION_NOTE
from timeline.ui.keys import presenter_keys
from timeline.ui.lesson_play import LESSON_PARAM, lesson_play, slide_note, title_extra
from timeline.ui.lesson_play import sidebar as lesson_sidebar
from timeline.ui.state import AppData, app_data, filtered_frame, publish_view, set_view
from timeline.view.chart_keys import key_event_ids
from timeline.view.chart_position import position_figure
from timeline.view.filters import FilterState
from timeline.view.highlight import highlighted_sentence, quotation

md = ui.md


MAIN_ACTORS = 6
"""How many actors the title slide names, the most frequent first."""

PRESENT_CSS = """
<style>
.st-key-presenter_keys { display: none; }
.st-key-slide h1 {
  font-size: clamp(1.5rem, min(5.2vh, 3.6vw), 3.2rem); line-height: 1.15; padding: 0.2rem 0 0.4rem;
}
.st-key-slide h3 { font-size: clamp(1.1rem, min(3.2vh, 2.2vw), 2rem); padding: 0.2rem 0; }
.st-key-slide [data-testid="stMarkdownContainer"] p,
.st-key-slide [data-testid="stMarkdownContainer"] blockquote {
  font-size: clamp(1rem, min(2.9vh, 2vw), 1.45rem); line-height: 1.45;
}
.st-key-slide div[data-testid="stCaptionContainer"],
.st-key-slide div[data-testid="stCaptionContainer"] p {
  font-size: clamp(0.95rem, min(2.3vh, 1.6vw), 1.2rem);
}
</style>
"""
"""Our own static CSS for Present: the slide's type scales with the screen (a projector at 1024x768
shows a whole slide, a large screen shows it large); the key listener takes no room."""

DENSER_CSS = {
    "dense": """
<style>
.st-key-slide h1 { font-size: clamp(1.3rem, min(4.1vh, 2.8vw), 2.6rem); }
.st-key-slide [data-testid="stMarkdownContainer"] blockquote p {
  font-size: clamp(1rem, min(2.7vh, 1.9vw), 1.35rem);
}
</style>
""",
    "densest": """
<style>
.st-key-slide h1 { font-size: clamp(1.2rem, min(3.4vh, 2.3vw), 2.2rem); }
.st-key-slide [data-testid="stMarkdownContainer"] blockquote p {
  font-size: clamp(0.95rem, min(2.3vh, 1.6vw), 1.2rem);
}
</style>
""",
}
"""Smaller type for a slide with much to read (static CSS, chosen by ``slide_density``)."""

POSITION_HEIGHT_PX = 110
"""The strip showing where the event lies on the whole timeline: short, so the slide fits."""


def slide_density(title: str, sentence: str) -> str:
    """How much a slide holds: "roomy", "dense" or "densest" (the title counts more: it is larger)."""
    weight = 1.6 * len(title) + len(sentence)
    return "roomy" if weight <= 300 else "dense" if weight <= 560 else "densest"


def _step(delta: int, total: int) -> None:
    view = st.session_state.get("view")
    base = view if isinstance(view, FilterState) else FilterState()
    set_view(base.replace(slide=min(max(base.slide + delta, 0), total)))


def _go_to(slide: int) -> None:
    view = st.session_state.get("view")
    base = view if isinstance(view, FilterState) else FilterState()
    set_view(base.replace(slide=slide))


def _span(df: pd.DataFrame) -> str:
    first, last = df["start"].min(), df["end"].max()
    if pd.isna(first) or pd.isna(last):
        return ""
    return f"{first.year}" if first.year == last.year else f"{first.year} – {last.year}"


def main_actors(df: pd.DataFrame, limit: int = MAIN_ACTORS) -> list[str]:
    """The actors of ``df``'s events, the most frequent first (ties by name), at most ``limit``."""
    counts = Counter(actor for actors in df["actors"] for actor in actors)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [name for name, _ in ranked[:limit]]


def view_title(view: FilterState, data: AppData) -> str:
    """The title slide's title: what the filters choose (actors, categories, one article, a search),
    or "Timeline" when nothing is filtered."""
    parts: list[str] = []
    if view.actors:
        parts.append(", ".join(view.actors[:3]) + (" and others" if len(view.actors) > 3 else ""))
    if view.categories:
        parts.append(", ".join(view.categories[:3]) + (" and more" if len(view.categories) > 3 else ""))
    if len(view.sources) == 1:
        parts.append(data.doc_names.get(view.sources[0], view.sources[0]))
    if view.text:
        parts.append(f"“{view.text}”")
    return ui.shorten(": ".join(parts), 120) if parts else "Timeline"


def _title_slide(
    df: pd.DataFrame, view: FilterState, data: AppData, title: str | None = None, key_of: int | None = None
) -> None:
    """The first slide: ``title`` (a lesson's) or the filters', the span, the count (of how many, when
    ``df`` holds the key events of ``key_of``), the main actors."""
    st.markdown(f"# {md(title or view_title(view, data))}")
    span = _span(df)
    counted = f"{len(df)} event{'s' if len(df) != 1 else ''}"
    if key_of is not None:
        counted = f"{len(df)} key event{'s' if len(df) != 1 else ''} of {key_of:,}"
    st.markdown(f"### {counted}" + (f", {span}" if span else ""))
    actors = main_actors(df)
    if actors:
        st.markdown("Main actors: " + md(", ".join(actors)))
    described = _describe_filters(view, data)
    if described:
        st.markdown("Showing: " + md(described))
    if key_of is not None:
        st.caption(
            "The most salient events, as the Timeline labels them: switch Key events off there to present "
            "every event."
        )
    st.markdown("Press **Next** (or PageDown, →, Space) to start.")


def _describe_filters(view: FilterState, data: AppData) -> str:
    parts: list[str] = []
    if view.date_from or view.date_to:
        parts.append(f"{view.date_from or '…'} to {view.date_to or '…'}")
    if view.actors:
        parts.append(", ".join(view.actors))
    if view.categories:
        parts.append(", ".join(view.categories))
    if view.sources:
        parts.append(", ".join(data.doc_names.get(doc, doc) for doc in view.sources))
    if view.text:
        parts.append(f'"{view.text}"')
    if view.precisions:
        parts.append("dated to the " + "/".join(view.precisions))
    if not view.include_planned:
        parts.append("no planned events")
    return "; ".join(parts)


def _event_slide(row: pd.Series, df: pd.DataFrame, data: AppData) -> None:
    event = data.by_id.get(str(row["id"]))
    if event is None:
        st.warning("This event is no longer in the timeline.")
        return
    note = PRECISION_NOTE.get(event.precision, event.precision)
    planned = " · :violet-badge[planned]" if event.planned else ""
    edited = edited_text(event)
    by_hand = f" · :orange-badge[edited by hand: {md(edited)}]" if edited else ""
    st.markdown(f"### {md(event.display_date)} · {md(note)}{planned}{by_hand}")
    density = slide_density(event.title, event.sentence)
    if density in DENSER_CSS:
        st.html(DENSER_CSS[density])
    st.markdown(f"# {md(event.title)}")
    sentence = highlighted_sentence(event).replace("\n", " ").strip()
    if sentence:
        st.markdown(quotation(sentence))
    sources = "; ".join(
        f"{source.outlet or 'Unknown outlet'}, "
        + (source.published.isoformat() if source.published else "no publication date")
        for source in event.sources
    )
    if sources:
        st.caption("Source: " + md(sources))
    strip = position_figure(df, event.id, colors=data.colors)
    strip.update_layout(height=POSITION_HEIGHT_PX)
    st.plotly_chart(
        strip,
        config={"staticPlot": True},
        theme=None,
        key="position",
        width="stretch",
    )


def render() -> None:
    data = app_data()
    if ui.show_fatal(data):
        return
    view = ui.page_view(data)
    ui.page_style(True)
    st.html(PRESENT_CSS)
    df = filtered_frame(data, view)
    play = lesson_play(data)  # ?lesson=<slug>: the teacher's slides, in their order, instead of the view
    dated = df.loc[df["start"].notna()]
    key_of = len(dated) if not play and view.key_events_on(len(dated)) else None
    if key_of is not None:  # the key events the Timeline labels, not thousands of slides
        dated = dated.loc[dated["id"].isin(key_event_ids(dated, lane_by=view.lane, key_count=view.key_count))]
    slides = play.slides if play else dated
    extra = {LESSON_PARAM: play.lesson.slug} if play else None
    total = len(slides)
    slide = min(view.slide, total)
    if slide != view.slide:
        view = view.replace(slide=slide)
        set_view(view)

    with st.sidebar:
        st.page_link(
            ui.TIMELINE_PAGE,
            label="Back to the timeline",
            icon=":material/arrow_back:",
            query_params=view.to_query_params(),
        )
    if play:
        lesson_sidebar(play, ui.PRESENT_PAGE, view.to_query_params())
    ui.link_notices(view)

    if total == 0 and play:
        st.info("This lesson has no slide to present yet: add events to it on the Lessons page.")
        publish_view(view, extra)
        return
    if total == 0:
        st.info("No event to present with these filters. Change them on the Timeline page, or reset them.")
        st.button("Reset filters", key="reset_present", on_click=ui.reset_filters, type="primary")
        publish_view(view)
        return

    presenter_keys(lambda delta: _step(delta, total))
    previous_col, middle, next_col = st.columns([3, 2, 3], vertical_alignment="center")
    previous_col.button(
        "Previous",
        key="previous",
        on_click=_step,
        args=(-1, total),
        disabled=slide == 0,
        icon=":material/chevron_left:",
        width="stretch",
    )
    with middle:
        st.markdown(f"**{slide} / {total}**", width="stretch", text_alignment="center")
        st.progress(slide / total if total else 0.0)
    next_col.button(
        "Next",
        key="next",
        on_click=_step,
        args=(1, total),
        disabled=slide >= total,
        icon=":material/chevron_right:",
        type="primary",
        width="stretch",
    )

    with st.container(key="slide"):
        if slide == 0:
            _title_slide(slides, view, data, play.lesson.title if play else None, key_of=key_of)
            if play:
                title_extra(play)
        else:
            _event_slide(slides.iloc[slide - 1], slides, data)
            if play:
                slide_note(play, slide - 1)
    if slide >= total:
        st.button("Back to the start", key="restart", on_click=_go_to, args=(0,))
    publish_view(view, extra)


if __name__ == "__main__":
    ui.guarded(render)
