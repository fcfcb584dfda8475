"""Playing a lesson in Present: ``?lesson=<slug>`` (with ``c=<collection>``) opens its slides.

A lesson's slides are its events in the teacher's order, found among the corrected events by id, then
by anchor (``timeline.store.lessons_store.lesson_events``), each with the teacher's note. A slide
whose event is gone, or an event without a date (Present places each slide on the time axis), is left
out and said so, never dropped silently. Reading a lesson needs no sign-in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from timeline.store.lessons_store import Lesson, lesson, lesson_events
from timeline.ui.components import md
from timeline.ui.state import AppData, current_store, page_param

LOG = logging.getLogger(__name__)

LESSON_PARAM = "lesson"


@dataclass(frozen=True)
class LessonPlay:
    lesson: Lesson
    slides: pd.DataFrame
    """The slides' events (rows of the app's frame), in the lesson's order."""
    notes: tuple[str, ...]
    """The teacher's note of each row of ``slides``."""
    left_out: int = 0


def lesson_slug() -> str | None:
    return page_param(LESSON_PARAM)


def lesson_play(data: AppData) -> LessonPlay | None:
    """The lesson the URL names, ready to play; None (with a message drawn) if there is none."""
    slug = lesson_slug()
    if not slug:
        return None
    try:
        found = lesson(current_store(), slug)
    except Exception:  # a damaged or read-only store: say so, Present shows the filtered view
        LOG.exception("Could not read lesson %s", slug)
        found = None
    if found is None:
        st.warning(
            md(f"There is no lesson “{slug}” in this collection; showing the filtered view instead."),
            icon=":material/warning:",
        )
        return None
    rows: list[int] = []
    notes: list[str] = []
    left_out = 0
    positions = {event_id: index for index, event_id in enumerate(data.frame["id"])}
    for slide, event in lesson_events(found, data.events):
        index = positions.get(event.id) if event is not None else None
        if index is None or pd.isna(data.frame["start"].iloc[index]):
            left_out += 1
            continue
        rows.append(index)
        notes.append(slide.note)
    slides = data.frame.iloc[rows].reset_index(drop=True)
    return LessonPlay(found, slides, tuple(notes), left_out)


def span_text(item: Lesson) -> str:
    """The teacher's date span of the lesson, in words ("" when none was given)."""
    if not item.span_from and not item.span_to:
        return ""
    start = item.span_from.isoformat() if item.span_from else "…"
    end = item.span_to.isoformat() if item.span_to else "…"
    return f"{start} to {end}"


def title_extra(play: LessonPlay) -> None:
    """What the title slide adds for a lesson: the teacher's span and the slides left out."""
    span = span_text(play.lesson)
    if span:
        st.markdown("Lesson span: " + md(span))
    if play.left_out:
        st.caption(
            f"{play.left_out} slide(s) left out: their event is no longer in the timeline or has no date."
        )


def slide_note(play: LessonPlay, index: int) -> None:
    """The teacher's note under the ``index``-th slide (0-based), as plain text."""
    if 0 <= index < len(play.notes) and play.notes[index]:
        st.markdown("**Teacher's note:** " + md(play.notes[index]))


def sidebar(play: LessonPlay, present_page: str, params: dict[str, str]) -> None:
    with st.sidebar:
        st.markdown(f"Playing the lesson **{md(play.lesson.title)}** ({len(play.slides)} slides).")
        st.page_link(
            present_page,
            label="Present the filtered view instead",
            icon=":material/filter_alt:",
            query_params=params,
        )
