"""A box as tall as what is left of the screen below its top: the Timeline's chart, whose date axis must
be on screen on a 1024x768 projector as on a laptop, whatever sits above it (notices, controls).

CSS alone cannot say "from here to the bottom of the screen"; a tiny Streamlit component
(``st.components.v2``, inline JavaScript that loads nothing) measures where the box starts and writes it
to the CSS variable ``--chart-top`` on the page, again whenever the page above it changes size. The CSS
(``components.PAGE_CSS``) sizes the box from it; until then it falls back to a typical offset.
"""

from __future__ import annotations

import streamlit as st

COMPONENT = "timeline.fit_to_screen"
KEY = "fit_to_screen"
"""The component's key: its element is hidden by the page's CSS (``.st-key-fit_to_screen``)."""
BOX_SELECTOR = ".st-key-chart_box"
GAP_PX = 12
"""Room left below the box, so its bottom edge is not flush with the screen's."""

JS = """
export default function () {
  const root = document.documentElement;
  const place = () => {
    const box = document.querySelector('__BOX__');
    if (!box) return;
    // Where the box starts in the page (not on the screen: the same however far the page is scrolled).
    let top = 0;
    for (let element = box.parentElement || box; element; element = element.offsetParent) {
      top += element.offsetTop;
    }
    const value = `${Math.round(top) + __GAP__}px`;
    if (root.style.getPropertyValue('--chart-top') !== value) root.style.setProperty('--chart-top', value);
  };
  const observer = new ResizeObserver(place);
  const block = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (block) observer.observe(block);
  window.addEventListener('resize', place);
  place();
  return () => { observer.disconnect(); window.removeEventListener('resize', place); };
}
"""


def fit_to_screen() -> None:
    """Mount the measurer (once per page run; it follows the page by itself after that)."""
    js = JS.replace("__BOX__", BOX_SELECTOR).replace("__GAP__", str(GAP_PX))
    st.components.v2.component(COMPONENT, js=js)(key=KEY, width="content", height="content")
