"""axe-core, the accessibility engine, on every page of the app: no serious or critical violation.

axe-core comes from the npm registry (``tests/browser/node``, installed by ``make npm-deps``, which
``make test`` runs) and is injected into each page once its run has ended and its chart is drawn. Every
page the navigation lists is checked as it opens, and the states that show more: an event's detail (the
quote, the precision), large type, an event slide, an article with its dates marked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_support import CHART_ELEMENT, REPO, AppDriver, StoredTimeline

pytestmark = pytest.mark.browser

AXE = REPO / "tests" / "browser" / "node" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

AXE_RUN_JS = """async () => {
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.join(' '),
      message: (node.any.concat(node.all, node.none)[0] || {}).message || node.failureSummary || '',
    })),
  }));
}"""


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing: run `make npm-deps` (make test does it)")
    return AXE


def violations(app: AppDriver, axe_script: Path) -> list[str]:
    """The serious and critical violations axe finds on the page as it is now, one line per element."""
    if app.page.locator(CHART_ELEMENT).count():
        app.wait_for_chart()
    app.page.add_script_tag(path=str(axe_script))
    found: list[dict[str, Any]] = app.page.evaluate(AXE_RUN_JS)
    return [
        f"{item['id']} ({item['impact']}: {item['help']}) at {node['target']}: {node['message']}"
        for item in found
        if item["impact"] in BLOCKING
        for node in item["nodes"]
    ]


def nav_paths(app: AppDriver) -> list[str]:
    app.open()
    hrefs = [
        link.get_attribute("href") or "" for link in app.page.locator('[data-testid="stSidebarNav"] a').all()
    ]
    return list(dict.fromkeys(urlsplit(href).path.strip("/") for href in hrefs))


def test_every_page_as_it_opens(app: AppDriver, axe_script: Path) -> None:
    paths = nav_paths(app)
    assert {"", "present", "sources", "data"} <= set(paths), paths
    found: dict[str, list[str]] = {}
    for path in paths:
        app.open(path)
        found[path or "timeline"] = violations(app, axe_script)
    assert found == {key: [] for key in found}


def test_the_states_that_show_more(app: AppDriver, stored: StoredTimeline, axe_script: Path) -> None:
    event = next(e for e in stored.events if e.start is not None and e.mentions)
    planned = next((e for e in stored.events if e.planned and e.start is not None), event)
    document = next(doc for doc in stored.documents if doc.n_events > 0)
    states: list[tuple[str, dict[str, str]]] = [
        ("", {"sel": event.id}),
        ("", {"sel": planned.id, "large": "1"}),
        ("", {"lane": "category", "large": "1"}),
        ("present", {"slide": "1"}),
        ("sources", {"doc": document.doc_id}),
        ("data", {"large": "1"}),
    ]
    found: dict[str, list[str]] = {}
    for path, query in states:
        app.open(path, query)
        found[f"{path or 'timeline'} {query}"] = violations(app, axe_script)
    assert found == {key: [] for key in found}
