"""The chart as one HTML file that works offline, and shows the quote and source of a clicked event.

plotly.js is inlined (no CDN). The events' citations ride along as a JSON block
(``<script type="application/json">``, with ``<``, ``>`` and ``&`` written as ``\\u`` escapes so no
article text can close it), and a small inline script fills a panel from it when a point is clicked:
the date, the title, the quote and each source (title, outlet, publication date, and a link only when
the address is a web address). The panel is built with ``textContent``, so article text is never HTML.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from timeline.corrections.shown import edited_text
from timeline.model import Event
from timeline.view.timelinejs import safe_link

PANEL_ID = "event-panel"
DATA_ID = "event-citations"

PANEL_HTML = f"""<style>
#{PANEL_ID} {{ position: fixed; z-index: 1000; right: 1rem; bottom: 1rem; max-width: min(34rem, 90vw);
  max-height: 45vh; overflow: auto; background: #ffffff; color: #1f1f1f; border: 1px solid #5f6368;
  border-radius: 6px; padding: 0.8rem 1rem; font: 15px/1.45 system-ui, sans-serif;
  box-shadow: 0 2px 10px rgba(0,0,0,.25); }}
#{PANEL_ID} h2 {{ font-size: 1.1rem; margin: 0.2rem 0 0.5rem; }}
#{PANEL_ID} .when {{ color: #3c4043; margin: 0; }}
#{PANEL_ID} blockquote {{ margin: 0.4rem 0; padding-left: 0.7rem; border-left: 4px solid #5f6368; }}
#{PANEL_ID} button {{ float: right; font: inherit; }}
#{PANEL_ID} a {{ color: #0b57d0; }}
</style>
<aside id="{PANEL_ID}" aria-live="polite" aria-label="The clicked event" hidden></aside>
"""

PANEL_SCRIPT = f"""
(function () {{
  var gd = document.getElementById('{{plot_id}}');
  var panel = document.getElementById('{PANEL_ID}');
  var events = JSON.parse(document.getElementById('{DATA_ID}').textContent);
  function add(parent, tag, text, cls) {{
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    parent.appendChild(node);
    return node;
  }}
  function show(id) {{
    var event = events[id];
    if (!event) return;
    panel.replaceChildren();
    var close = add(panel, 'button', 'Close');
    close.type = 'button';
    close.addEventListener('click', function () {{ panel.hidden = true; }});
    add(panel, 'p', event.date + (event.edited ? ' · edited by hand: ' + event.edited : ''), 'when');
    add(panel, 'h2', event.title);
    if (event.quote) add(panel, 'blockquote', '\\u201c' + event.quote + '\\u201d');
    event.sources.forEach(function (source) {{
      var line = add(panel, 'p', 'Source: ');
      if (source.url) {{
        var link = add(line, 'a', source.title);
        link.href = source.url;
        link.rel = 'noopener noreferrer';
        link.target = '_blank';
      }} else {{
        add(line, 'span', source.title);
      }}
      var rest = [source.outlet, source.published].filter(Boolean).join(', ');
      if (rest) line.appendChild(document.createTextNode(', ' + rest));
    }});
    panel.hidden = false;
  }}
  gd.on('plotly_click', function (data) {{
    var point = data && data.points && data.points[0];
    var custom = point && point.customdata;
    var id = Array.isArray(custom) ? custom[0] : custom;
    if (id !== undefined && id !== null) show(String(id));
  }});
  window.__showEvent = show;
}})();
"""


def citation(event: Event) -> dict[str, Any]:
    """What the panel shows for ``event`` (plain text; links only to web addresses)."""
    return {
        "date": event.display_date,
        "title": event.title,
        "quote": event.sentence,
        "edited": edited_text(event),
        "sources": [
            {
                "title": source.title or source.doc,
                "outlet": source.outlet or "",
                "published": source.published.isoformat() if source.published else "no publication date",
                "url": safe_link(source.url) or "",
            }
            for source in event.sources
        ],
    }


def script_json(value: object) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left to end or open a tag."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def to_html(fig: go.Figure, *, title: str = "Timeline", events: Sequence[Event] = ()) -> str:
    """The figure as a complete HTML page that works offline (plotly.js inlined, no CDN), with the
    quote and source of ``events`` shown when one of their points is clicked."""
    page: str = fig.to_html(
        include_plotlyjs=True,
        full_html=True,
        config={"displaylogo": False, "responsive": True},
        default_width="100%",
        default_height="100%",
        post_script=PANEL_SCRIPT,
    )
    citations = script_json({event.id: citation(event) for event in events})
    data = f'<script type="application/json" id="{DATA_ID}">{citations}</script>'
    # Plotly writes no <title>; give the saved file a readable one.
    page = page.replace("<head>", f"<head><title>{html.escape(title)}</title>", 1)
    return page.replace("<body>", f"<body>{PANEL_HTML}{data}", 1)
