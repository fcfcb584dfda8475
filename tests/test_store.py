"""The SQLite store: extracts only what changed, keeps failures named, survives a corrupt file.

Most tests run the store with a small fake pipeline (dates written as YYYY-MM-DD become events) so
they test the store's bookkeeping, not the extractor; the last ones run the real pipeline on the
seed articles when it is importable.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from read_only import make_read_only, run_without_write_access

import timeline.version
from bench.synthetic import synthetic_documents, synthetic_events
from timeline.documents.errors import DocumentError
from timeline.model import Document, Event, Mention, Source
from timeline.store import EventStore, Pipeline, StoreError, default_store, folder_fingerprint
from timeline.store import event_store as event_store_module
from timeline.version import data_files_digest

ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
REPOSITORY = Path(__file__).resolve().parents[1]


@dataclass
class FakePipeline:
    """Articles are plain text; each ISO date in them is an event; events on one day merge."""

    extracted: list[str] = field(default_factory=list)

    def load_catalog(self, sources_dir: Path) -> dict[str, Any]:
        path = sources_dir / "catalog.json"
        return dict(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else {}

    def load_document(self, path: Path, catalog: Any) -> Document:
        text = path.read_text(encoding="utf-8")
        if text.startswith("UNREADABLE"):
            raise DocumentError(f"{path.name} is not an article")
        entry = (catalog or {}).get(path.stem, {})
        published = date.fromisoformat(entry["published"]) if "published" in entry else None
        return Document(
            doc_id=path.stem, text=text, title=entry.get("title"), published=published, path=str(path)
        )

    def extract_events(self, document: Document) -> list[Event]:
        self.extracted.append(document.doc_id)
        if "EXPLODE" in document.text:
            raise RuntimeError("the extractor broke")
        source = Source(document.doc_id, document.title, None, None, document.published)
        events = []
        for match in ISO_DATE.finditer(document.text):
            day = date.fromisoformat(match.group())
            mention = Mention(
                document.doc_id, match.span(), match.group(), document.text, (0, len(document.text))
            )
            events.append(
                Event(
                    f"{document.doc_id}:{day}",
                    day,
                    day,
                    "day",
                    str(day),
                    str(day),
                    "Something",
                    document.text,
                    (mention,),
                    (source,),
                )
            )
        return events

    def merge_events(self, events: Sequence[Event]) -> list[Event]:
        by_day: dict[date | None, list[Event]] = {}
        for event in events:
            by_day.setdefault(event.start, []).append(event)
        return [
            Event(
                f"ev-{day}",
                day,
                day,
                "day",
                str(day),
                str(day),
                group[0].title,
                group[0].sentence,
                tuple(m for e in group for m in e.mentions),
                tuple(s for e in group for s in e.sources),
            )
            for day, group in by_day.items()
        ]

    def as_pipeline(self) -> Pipeline:
        return Pipeline(self.load_catalog, self.load_document, self.extract_events, self.merge_events)


@pytest.fixture
def fake() -> FakePipeline:
    return FakePipeline()


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "alpha.txt").write_text("Talks on 2020-01-03. Strike on 2020-01-08.", encoding="utf-8")
    (folder / "beta.md").write_text("Reported on 2020-01-08 as well.", encoding="utf-8")
    (folder / "gamma.html").write_text("<p>Vote on 2021-03-01.</p>", encoding="utf-8")
    (folder / "README.md").write_text("Not an article: 1999-01-01.", encoding="utf-8")
    return folder


@pytest.fixture
def store(tmp_path: Path, fake: FakePipeline) -> EventStore:
    return EventStore(tmp_path / "data" / "timeline.sqlite3", pipeline=fake.as_pipeline())


@pytest.fixture
def synced(store: EventStore, sources: Path, fake: FakePipeline) -> EventStore:
    store.sync(sources)
    fake.extracted.clear()
    return store


def test_first_sync_extracts_every_article(store: EventStore, sources: Path) -> None:
    report = store.sync(sources)
    assert sorted(report.extracted) == ["alpha", "beta", "gamma"]
    assert report.errors == [] and report.rebuilt_events
    assert [event.id for event in store.events()] == ["ev-2020-01-03", "ev-2020-01-08", "ev-2021-03-01"]
    merged = store.events()[1]
    assert sorted(source.doc for source in merged.sources) == ["alpha", "beta"]


def test_second_sync_extracts_nothing(synced: EventStore, sources: Path, fake: FakePipeline) -> None:
    before = synced.events()
    report = synced.sync(sources)
    assert report.extracted == [] and fake.extracted == []
    assert sorted(report.unchanged) == ["alpha", "beta", "gamma"]
    assert not report.rebuilt_events
    assert synced.events() == before


def test_changed_file_alone_is_extracted_again(synced: EventStore, sources: Path, fake: FakePipeline) -> None:
    (sources / "beta.md").write_text("Now reported on 2019-05-05.", encoding="utf-8")
    report = synced.sync(sources)
    assert report.extracted == ["beta"] and fake.extracted == ["beta"]
    assert [event.id for event in synced.events()] == [
        "ev-2019-05-05",
        "ev-2020-01-03",
        "ev-2020-01-08",
        "ev-2021-03-01",
    ]


def test_touching_a_file_without_changing_it_extracts_nothing(
    synced: EventStore, sources: Path, fake: FakePipeline
) -> None:
    path = sources / "alpha.txt"
    path.write_bytes(path.read_bytes())
    assert synced.sync(sources).extracted == []


def test_extractor_version_bump_extracts_everything(
    synced: EventStore, sources: Path, fake: FakePipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline.version, "EXTRACTOR_VERSION", timeline.version.EXTRACTOR_VERSION + "-next")
    assert sorted(synced.sync(sources).extracted) == ["alpha", "beta", "gamma"]
    assert sorted(fake.extracted) == ["alpha", "beta", "gamma"]


def test_catalog_edit_extracts_everything(synced: EventStore, sources: Path, fake: FakePipeline) -> None:
    (sources / "catalog.json").write_text(
        json.dumps({"alpha": {"title": "Alpha", "published": "2020-01-09"}})
    )
    report = synced.sync(sources)
    assert sorted(report.extracted) == ["alpha", "beta", "gamma"]
    stored = synced.document("alpha")
    assert stored is not None and (stored.title, stored.published) == ("Alpha", date(2020, 1, 9))


def test_data_file_edit_changes_the_fingerprint(tmp_path: Path) -> None:
    (tmp_path / "actors.json").write_text('{"actors": {"Iran": {}}}')
    before = data_files_digest(tmp_path)
    assert data_files_digest(tmp_path) == before
    (tmp_path / "actors.json").write_text('{"actors": {"Iran": {}, "Iraq": {}}}')
    assert data_files_digest(tmp_path) != before


@pytest.mark.parametrize(
    ("content", "message_part", "keeps_text"),
    [
        ("UNREADABLE bytes", "could not be loaded", False),
        ("Fine text on 2020-02-02 but EXPLODE", "could not be extracted", True),
    ],
)
def test_failed_article_is_named_and_the_rest_stored(
    store: EventStore, sources: Path, fake: FakePipeline, content: str, message_part: str, keeps_text: bool
) -> None:
    (sources / "broken.txt").write_text(content, encoding="utf-8")
    report = store.sync(sources)
    assert [error.name for error in report.errors] == ["broken.txt"]
    assert message_part in report.errors[0].message
    assert len(store.events()) == 3  # the others' events, nothing from the broken one
    broken = next(doc for doc in store.documents() if doc.path == "broken.txt")
    assert broken.error is not None and (broken.text == content) is keeps_text
    # a failed article is tried again on the next sync (the extractor may have been fixed) ...
    fake.extracted.clear()
    again = store.sync(sources)
    assert [error.name for error in again.errors] == ["broken.txt"]
    assert sorted(again.unchanged) == ["alpha", "beta", "gamma"]
    # ... and once the file is fixed, it loads and its error is gone
    (sources / "broken.txt").write_text("Fixed on 2022-02-22.", encoding="utf-8")
    fixed = store.sync(sources)
    assert fixed.errors == [] and "broken" in fixed.extracted
    assert "ev-2022-02-22" in {event.id for event in store.events()}


def test_two_files_with_one_article_id_are_reported(store: EventStore, sources: Path) -> None:
    (sources / "alpha.md").write_text("Another alpha on 2018-08-08.", encoding="utf-8")
    report = store.sync(sources)
    assert [error.name for error in report.errors] == ["alpha.txt"]  # alpha.md comes first by name
    assert "already used by alpha.md" in report.errors[0].message
    assert store.sync(sources).extracted == ["alpha.txt"]  # still reported, no flip-flop of the stored one
    assert store.document("alpha") is not None


def test_removed_file_takes_its_events(synced: EventStore, sources: Path) -> None:
    (sources / "gamma.html").unlink()
    report = synced.sync(sources)
    assert report.removed == ["gamma"]
    assert "ev-2021-03-01" not in {event.id for event in synced.events()}
    assert synced.document("gamma") is None


def test_missing_folder_keeps_what_is_stored(synced: EventStore, tmp_path: Path) -> None:
    before = synced.events()
    report = synced.sync(tmp_path / "nowhere")
    assert report.notices and "does not exist" in report.notices[0]
    assert synced.events() == before


def test_mentions_point_into_the_stored_text(synced: EventStore) -> None:
    for document in synced.documents():
        mentions = synced.mentions(document.doc_id)
        assert mentions and document.n_events == len({m.event_id for m in mentions})
        for mention in mentions:
            assert document.text[mention.span_start : mention.span_end] == mention.time_text


def test_documents_listed_with_metadata(synced: EventStore) -> None:
    assert [doc.path for doc in synced.documents()] == ["alpha.txt", "beta.md", "gamma.html"]
    assert synced.document("missing") is None


def write_garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database, just text" * 100)


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:2000])


def replace_with_other_schema(path: Path) -> None:
    path.unlink()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE unrelated (x)")
        connection.commit()


@pytest.mark.parametrize(
    "spoil",
    [write_garbage, truncate, replace_with_other_schema],
    ids=["garbage", "truncated", "other-schema"],
)
def test_corrupt_database_is_set_aside_and_rebuilt(
    synced: EventStore, sources: Path, fake: FakePipeline, spoil: Callable[[Path], None]
) -> None:
    path = synced.path
    synced.close()
    spoil(path)
    spoiled = path.read_bytes()
    reopened = EventStore(path, pipeline=fake.as_pipeline())
    assert reopened.recovered_from is not None
    assert Path(reopened.recovered_from).read_bytes() == spoiled  # set aside, not deleted
    report = reopened.sync(sources)
    assert report.recovered_from and "rebuilt" in report.notices[0]
    assert len(reopened.events()) == 3


def test_a_damaged_database_that_another_store_holds_is_left_in_place(
    synced: EventStore, fake: FakePipeline
) -> None:
    write_garbage(synced.path)  # synced is still open: someone else may be writing it
    spoiled = synced.path.read_bytes()
    with pytest.raises(StoreError, match="another program has it open"):
        EventStore(synced.path, pipeline=fake.as_pipeline())
    assert synced.path.read_bytes() == spoiled
    assert not list(synced.path.parent.glob("*.corrupt*"))
    synced.close()
    assert EventStore(synced.path, pipeline=fake.as_pipeline()).recovered_from is not None


def test_a_store_of_a_newer_version_is_never_set_aside(
    synced: EventStore, fake: FakePipeline, tmp_path: Path
) -> None:
    synced.close()
    with closing(sqlite3.connect(synced.path)) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        connection.commit()
    with pytest.raises(StoreError, match="newer version"):
        EventStore(synced.path, pipeline=fake.as_pipeline())
    assert not list(synced.path.parent.glob("*.corrupt*"))


def test_unusable_location_gives_a_clear_error(tmp_path: Path, fake: FakePipeline) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="TIMELINE_DATA_DIR"):
        EventStore(blocker / "timeline.sqlite3", pipeline=fake.as_pipeline())


def test_imported_events_come_back_equal_in_date_order(tmp_path: Path) -> None:
    documents = synthetic_documents(20, seed=2)
    events = synthetic_events(300, seed=2, documents=documents)
    store = EventStore(tmp_path / "s.sqlite3")
    store.import_events(events, documents)
    expected = sorted(events, key=lambda e: (e.start is None, e.start or date.min, e.end or date.min, e.id))
    assert store.events() == expected
    assert len(store.documents()) == 20


def test_imported_events_survive_a_later_sync(store: EventStore, sources: Path) -> None:
    documents = synthetic_documents(3, seed=4)
    imported = synthetic_events(30, seed=4, documents=documents)
    stray = synthetic_events(1, seed=5, documents=[Document(doc_id="not-stored", text="")])[0]
    orphan = dataclasses.replace(stray, id="orphan")
    store.import_events([*imported, orphan], documents)
    store.import_events(imported, documents)  # importing again replaces, never duplicates
    assert len(store.events()) == 31
    report = store.sync(sources)
    assert report.rebuilt_events and report.removed == []
    ids = {event.id for event in store.events()}
    # the fake merge joins events by day into "ev-<day>": every imported day is still there
    assert {f"ev-{event.start}" for event in [*imported, orphan]} <= ids
    assert {"ev-2020-01-03", "ev-2020-01-08", "ev-2021-03-01"} <= ids
    assert store.document("imported") is not None  # the orphan's placeholder article


def test_concurrent_syncs_and_reads(store: EventStore, sources: Path, fake: FakePipeline) -> None:
    failures: list[BaseException] = []
    counts: list[int] = []

    def work() -> None:
        try:
            other = EventStore(store.path, pipeline=fake.as_pipeline())
            other.sync(sources)
            counts.append(len(other.events()))
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert counts == [3] * 6
    assert sorted(fake.extracted) == ["alpha", "beta", "gamma"]  # the lock let one thread extract


def test_default_store_follows_the_environment(
    tmp_path: Path, sources: Path, fake: FakePipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path / "app-data"))
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(sources))
    monkeypatch.setattr(event_store_module, "default_pipeline", fake.as_pipeline)
    store = default_store()
    assert store.path == tmp_path / "app-data" / "timeline.sqlite3"
    assert store.last_report is not None and sorted(store.last_report.extracted) == ["alpha", "beta", "gamma"]


def real_pipeline_available() -> bool:
    try:
        import timeline.documents as documents
        import timeline.events as events
    except ImportError:
        return False
    return all(hasattr(documents, name) for name in ("load_document", "load_catalog")) and all(
        hasattr(events, name) for name in ("extract_events", "merge_events")
    )


@pytest.mark.skipif(not real_pipeline_available(), reason="the extraction pipeline is not importable yet")
def test_seed_articles_through_the_real_pipeline(tmp_path: Path) -> None:
    store = EventStore(tmp_path / "timeline.sqlite3")
    report = store.sync(REPOSITORY / "seeds")
    assert report.errors == [], report.errors
    assert len(report.extracted) == 5
    assert store.events(), "the seeds hold many dated events"
    for document in store.documents():
        for mention in store.mentions(document.doc_id):
            assert document.text[mention.span_start : mention.span_end] == mention.time_text
    assert store.sync(REPOSITORY / "seeds").extracted == []


def spoil_row(path: Path, sql: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(sql)
        connection.commit()


def add_edit(path: Path) -> None:
    spoil_row(
        path,
        "INSERT INTO edits(uuid, event_id, field, new, author, created_at) "
        "VALUES ('u1', 'ev-2020-01-08', 'title', '\"Strike on the base\"', 'teacher', '2026-01-01')",
    )


def edits(path: Path) -> list[tuple[str, str, str]]:
    with closing(sqlite3.connect(path)) as connection:
        return [
            tuple(row)
            for row in connection.execute("SELECT event_id, field, json_extract(new, '$') FROM edits")
        ]


ALL_DAYS = ["ev-2020-01-03", "ev-2020-01-08", "ev-2021-03-01"]


@pytest.mark.parametrize("damage", ["{not json", '{"id": "ev-2020-01-08"}', "[1, 2]", "null"])
@pytest.mark.parametrize("sync_first", [True, False], ids=["sync", "read"])
def test_a_damaged_shown_event_is_rebuilt_and_edits_are_kept(
    synced: EventStore, sources: Path, fake: FakePipeline, damage: str, sync_first: bool
) -> None:
    path = synced.path
    synced.close()
    add_edit(path)
    spoil_row(path, f"UPDATE events SET json = '{damage}' WHERE id = 'ev-2020-01-08'")
    store = EventStore(path, pipeline=fake.as_pipeline())
    if sync_first:
        report = store.sync(sources)
        notices = report.notices
    else:
        notices = store.notices
    assert [event.id for event in store.events()] == ALL_DAYS
    notices = notices or store.notices
    assert any("rebuilt from the articles" in notice for notice in notices), notices
    assert fake.extracted == []  # the per-article records were sound: nothing extracted again
    assert edits(path) == [("ev-2020-01-08", "title", "Strike on the base")]


@pytest.mark.parametrize("damage", ["{not json", '{"no": "event"}'])
def test_an_article_with_damaged_records_is_extracted_again(
    synced: EventStore, sources: Path, fake: FakePipeline, damage: str
) -> None:
    path = synced.path
    synced.close()
    add_edit(path)
    spoil_row(path, f"UPDATE doc_events SET json = '{damage}' WHERE doc_id = 'beta'")
    spoil_row(path, "UPDATE events SET json = '{broken' WHERE id = 'ev-2020-01-08'")
    store = EventStore(path, pipeline=fake.as_pipeline())
    report = store.sync(sources)
    assert fake.extracted == ["beta"] and report.repaired == ["beta.md"]
    assert any("beta.md extracted again" in notice for notice in report.notices), report.notices
    assert [event.id for event in store.events()] == ALL_DAYS
    assert sorted(source.doc for source in store.events()[1].sources) == ["alpha", "beta"]
    assert edits(path) == [("ev-2020-01-08", "title", "Strike on the base")]
    fake.extracted.clear()
    again = store.sync(sources)
    assert fake.extracted == [] and again.repaired == [] and again.notices == []


def test_a_damaged_event_found_while_reading_is_repaired_from_the_folder(
    synced: EventStore, sources: Path, fake: FakePipeline
) -> None:
    """Records that are JSON pass the sync's cheap check; reading them finds the damage."""
    spoil_row(synced.path, "UPDATE doc_events SET json = '{}' WHERE doc_id = 'gamma'")
    spoil_row(synced.path, """UPDATE events SET json = '{"id": 1}' WHERE id = 'ev-2021-03-01'""")
    spoil_row(synced.path, "UPDATE meta SET value = value + 1 WHERE key = 'events_generation'")
    assert [event.id for event in synced.events()] == ALL_DAYS
    assert fake.extracted == ["gamma"]
    assert any("gamma.html extracted again" in notice for notice in synced.notices), synced.notices


READ_ONLY_CHILD = """
import json, os, sys
from pathlib import Path
from timeline.store import EventStore, StoreError
store = EventStore(Path(sys.argv[1]))
report = store.sync(Path(sys.argv[2]))
try:
    store.import_events([])
    saved = True
except StoreError:
    saved = False
print(json.dumps({"writable": os.access(sys.argv[1], os.W_OK), "read_only": store.read_only,
                  "events": [event.id for event in store.events()], "notices": report.notices,
                  "documents": [doc.path for doc in store.documents()], "saved": saved}))
"""


@pytest.mark.parametrize("held", [False, True], ids=["closed", "open-elsewhere"])
def test_a_valid_database_in_a_read_only_folder_is_served_read_only(
    fake: FakePipeline, sources: Path, tmp_path: Path, held: bool
) -> None:
    data = tmp_path / "data"
    store = EventStore(data / "timeline.sqlite3", pipeline=fake.as_pipeline())
    store.sync(sources)
    if not held:
        store.close()
    (sources / "delta.txt").write_text("New on 2022-02-02.", encoding="utf-8")
    make_read_only(data)
    try:
        child = run_without_write_access(
            READ_ONLY_CHILD, [str(data / "timeline.sqlite3"), str(sources)], cwd=REPOSITORY
        )
    finally:
        data.chmod(0o755)
    assert child.returncode == 0, child.stderr
    seen = json.loads(child.stdout)
    assert seen["writable"] is False and seen["read_only"] is True
    assert seen["events"] == ALL_DAYS  # served as stored; delta.txt is not read
    assert seen["documents"] == ["alpha.txt", "beta.md", "gamma.html"]
    assert seen["saved"] is False
    notices = " ".join(seen["notices"])
    assert "cannot be written" in notices and "cannot be saved" in notices
    assert "unreadable" not in notices and "move" not in notices.lower()
    store.close()


def test_sync_reports_progress_over_the_articles_it_extracts(
    synced: EventStore, sources: Path, fake: FakePipeline
) -> None:
    (sources / "beta.md").write_text("Now reported on 2019-05-05.", encoding="utf-8")
    (sources / "delta.txt").write_text("New on 2022-02-02.", encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    synced.sync(sources, progress=lambda done, total, name: calls.append((done, total, name)))
    assert calls == [(0, 2, "beta.md"), (1, 2, "delta.txt"), (2, 2, "")]
    calls.clear()
    synced.sync(sources, progress=lambda done, total, name: calls.append((done, total, name)))
    assert calls == [(0, 0, "")]


def test_the_folder_fingerprint_changes_with_any_article_change(sources: Path) -> None:
    before = folder_fingerprint(sources)
    assert folder_fingerprint(sources) == before
    steps: list[Callable[[], object]] = [
        lambda: (sources / "alpha.txt").write_text("Edited on 2020-01-04.", encoding="utf-8"),
        lambda: (sources / "delta.txt").write_text("New.", encoding="utf-8"),
        lambda: (sources / "beta.md").unlink(),
        lambda: (sources / "catalog.json").write_text("{}", encoding="utf-8"),
        lambda: os.utime(sources / "gamma.html", ns=(1, 1)),
    ]
    seen = {before}
    for step in steps:
        step()
        seen.add(folder_fingerprint(sources))
    assert len(seen) == len(steps) + 1
    last = folder_fingerprint(sources)
    (sources / "README.md").write_text("Not an article, changed.", encoding="utf-8")
    (sources / ".hidden.txt").write_text("Not read.", encoding="utf-8")
    assert folder_fingerprint(sources) == last
