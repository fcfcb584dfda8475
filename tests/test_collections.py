"""Collections: listing, creating and renaming them; adding a teacher's article crash-safely; syncing a
collection's source folder and its own articles into its store with prefixed doc ids."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from datetime import date
from pathlib import Path

import pytest
from workspace_support import PIPELINE, add_articles_forever

from timeline.documents.errors import DocumentError
from timeline.documents.intake import Draft, read_pasted
from timeline.workspace import (
    DEFAULT_SLUG,
    WorkspaceError,
    add_article,
    create_collection,
    get_collection,
    list_collections,
    open_store,
    remove_article,
    rename_collection,
    sync_collection,
)
from timeline.workspace.articles import read_catalog

SEED = "Seed news: talks opened in Geneva on 2020-01-03."
MINE = "My own article. The ceasefire was signed on 1988-08-20, ending the war."


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "seed.txt").write_text(SEED, encoding="utf-8")
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds))
    data = tmp_path / "data"
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(data))
    return data


def test_the_default_collection_is_the_seeds_and_the_old_store(data_dir: Path, tmp_path: Path) -> None:
    [default] = list_collections(data_dir)
    assert default.slug == DEFAULT_SLUG and default.name == "Seed articles"
    assert default.store_path == data_dir / "timeline.sqlite3"  # where today's app keeps it
    assert default.sources_dir == tmp_path / "seeds"
    assert default.articles_dir == data_dir / "collections" / "default" / "articles"


def test_collections_are_created_listed_and_renamed_keeping_their_slug(data_dir: Path) -> None:
    war = create_collection("Iran–Iraq War 1980–88", data_dir)
    assert war.slug == "iran-iraq-war-1980-88" and war.sources_dir is None
    twin = create_collection("Iran-Iraq war 1980-88", data_dir)
    assert twin.slug == "iran-iraq-war-1980-88-2"
    assert create_collection("Default", data_dir).slug == "default-2"  # the default's slug is taken
    renamed = rename_collection(war.slug, "  The   Iran–Iraq War ", data_dir)
    assert (renamed.slug, renamed.name) == (war.slug, "The Iran–Iraq War")
    assert [c.slug for c in list_collections(data_dir)] == [
        "default", "iran-iraq-war-1980-88", "iran-iraq-war-1980-88-2", "default-2",
    ]  # fmt: skip
    assert rename_collection("default", "Seeds", data_dir).name == "Seeds"
    assert list_collections(data_dir)[0].name == "Seeds"
    with pytest.raises(WorkspaceError, match=r"no collection 'nope' \(there are: default, iran"):
        get_collection("nope", data_dir)
    with pytest.raises(WorkspaceError, match="no collection"):
        get_collection("../etc", data_dir)
    with pytest.raises(WorkspaceError, match="needs a name"):
        create_collection("   ", data_dir)


def test_a_damaged_collection_description_is_still_listed(data_dir: Path) -> None:
    war = create_collection("War", data_dir)
    (war.folder / "collection.json").write_text("{broken", encoding="utf-8")
    [_default, listed] = list_collections(data_dir)
    assert listed.slug == "war" and listed.name == "war" and "could not be read" in (listed.problem or "")


def test_an_added_article_is_extracted_with_a_prefixed_id_beside_the_seeds(data_dir: Path) -> None:
    default = get_collection(DEFAULT_SLUG, data_dir)
    draft = read_pasted(MINE)
    added = add_article(default, draft, title="Ceasefire", outlet="Class notes",
                        published=date(1988, 8, 21), mode="narrative")  # fmt: skip
    assert added.doc_id == "mine/" + added.path.name and added.path.name.startswith("ceasefire-")
    entry = read_catalog(default.articles_dir)["articles"][added.path.name]
    assert entry == {"title": "Ceasefire", "outlet": "Class notes", "url": None,
                     "published": "1988-08-21", "mode": "narrative"}  # fmt: skip
    store = open_store(default, pipeline=PIPELINE)
    progress: list[tuple[int, int, str]] = []
    report = sync_collection(default, store, lambda *step: progress.append(step))
    assert sorted(report.extracted) == [added.doc_id, "seed.txt"]
    assert progress[-1] == (2, 2, "")
    docs = {doc.doc_id: doc for doc in store.documents()}
    assert docs[added.doc_id].title == "Ceasefire" and docs[added.doc_id].path == added.doc_id
    assert {source.doc for event in store.events() for source in event.sources} == {"seed.txt", added.doc_id}
    again_added = add_article(default, draft, title="Another title")  # the same text: not stored twice
    assert again_added.already_there and again_added.doc_id == added.doc_id
    again = sync_collection(default, store)
    assert again.extracted == [] and again.removed == []


def test_a_file_with_a_seeds_name_does_not_clash_and_only_the_new_entry_is_extracted(data_dir: Path) -> None:
    default = get_collection(DEFAULT_SLUG, data_dir)
    default.articles_dir.mkdir(parents=True)
    (default.articles_dir / "seed.txt").write_text("Mine on 1999-01-01.", encoding="utf-8")
    store = open_store(default, pipeline=PIPELINE)
    assert sorted(sync_collection(default, store).extracted) == ["mine/seed.txt", "seed.txt"]
    second = add_article(default, Draft("b", "Talks on 2001-02-03."), title="Second")
    report = sync_collection(default, store)
    assert report.extracted == [second.doc_id]  # the catalog grew, but only the new entry is read
    remove_article(default, second.doc_id)
    assert sync_collection(default, store).removed == [second.doc_id]
    with pytest.raises(WorkspaceError, match="Only articles added"):
        remove_article(default, "seed.txt")


def test_a_new_collection_reads_only_its_own_articles(data_dir: Path) -> None:
    war = create_collection("War", data_dir)
    store = open_store(war, pipeline=PIPELINE)
    assert store.path == war.folder / "timeline.sqlite3"
    assert sync_collection(war, store).extracted == []  # no folder notice: it is just empty
    add_article(war, Draft("a", MINE), title="Ceasefire")
    assert store.events() == []  # written, not yet extracted
    assert sync_collection(war, store).notices == []
    assert [e.start for e in store.events()] == [date(1988, 8, 20)]


def test_an_article_without_a_date_is_accepted_and_flagged(data_dir: Path) -> None:
    war = create_collection("War", data_dir)
    added = add_article(war, Draft("pasted", "A text with no dateline at all."))
    entry = read_catalog(war.articles_dir)["articles"][added.path.name]
    assert entry["published"] is None and "No publication date" in entry["note"]


def test_what_is_not_an_article_or_a_damaged_catalog_adds_nothing(data_dir: Path) -> None:
    war = create_collection("War", data_dir)
    with pytest.raises(DocumentError):
        add_article(war, Draft("empty", "   "))
    (war.articles_dir / "catalog.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(WorkspaceError, match=r"cannot be read.*no article was added"):
        add_article(war, Draft("a", MINE))
    assert sorted(path.name for path in war.articles_dir.iterdir()) == [".lock", "catalog.json"]
    assert (war.articles_dir / "catalog.json").read_text(encoding="utf-8") == "{not json"


def test_kill_9_while_adding_articles_leaves_every_article_whole_with_its_entry(data_dir: Path) -> None:
    war = create_collection("War", data_dir)
    context = multiprocessing.get_context("spawn")
    confirmed_names: list[str] = []
    for round_number in range(4):
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=add_articles_forever, args=(str(data_dir), sender))
        child.start()
        sender.close()
        for _ in range(3 + round_number):  # killed in the middle of a later add
            assert receiver.poll(120), "the writer did not confirm an article"
            confirmed_names.append(receiver.recv())
        os.kill(child.pid or 0, signal.SIGKILL)
        child.join(60)
        while receiver.poll(0):  # confirmations sent before the kill count too
            try:
                confirmed_names.append(receiver.recv())
            except EOFError:
                break
        catalog = read_catalog(war.articles_dir)["articles"]
        files = {path.name for path in war.articles_dir.glob("*.txt")}
        assert files <= set(catalog), "an article without its metadata"
        assert set(confirmed_names) <= files, "a confirmed article is missing"
        for name in files:
            assert (war.articles_dir / name).read_text(encoding="utf-8").startswith("Article ")
    add_article(war, Draft("last", "The last article, on 2002-02-02."))
    catalog = read_catalog(war.articles_dir)["articles"]
    assert set(catalog) == {path.name for path in war.articles_dir.glob("*.txt")}  # stale entries gone
    assert not list(war.articles_dir.glob(".tmp-*"))
    json.dumps(catalog)


def test_the_apps_default_store_shows_articles_added_to_the_default_collection(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.store.event_store as event_store_module
    from timeline.store import default_store

    monkeypatch.setattr(event_store_module, "default_pipeline", lambda: PIPELINE)
    added = add_article(get_collection(DEFAULT_SLUG, data_dir), Draft("a", MINE), title="Ceasefire")
    store = default_store()
    assert store.path == data_dir / "timeline.sqlite3"
    assert {doc.doc_id for doc in store.documents()} == {"seed.txt", added.doc_id}


def test_an_own_articles_date_and_details_are_given_later_and_only_it_is_extracted_again(
    data_dir: Path,
) -> None:
    from timeline.workspace.articles import set_published, update_article

    war = create_collection("War", data_dir)
    first = add_article(war, Draft("a", "Undated: talks on 2001-02-03."))
    add_article(war, Draft("b", "Other: a vote on 2002-03-04."), published=date(2002, 3, 5))
    store = open_store(war, pipeline=PIPELINE)
    sync_collection(war, store)
    entry = set_published(war, first.doc_id, date(2001, 2, 4))
    assert entry["published"] == "2001-02-04" and "given by the editor" in entry["note"]
    update_article(war, first.doc_id, title="  Talks  ", mode="narrative")
    assert sync_collection(war, store).extracted == [first.doc_id]
    doc = store.document(first.doc_id)
    assert doc is not None and (doc.title, doc.published, doc.mode) == (
        "Talks",
        date(2001, 2, 4),
        "narrative",
    )
    with pytest.raises(WorkspaceError, match="Only articles added"):
        set_published(war, "seed.txt", date(2001, 1, 1))
    with pytest.raises(WorkspaceError, match=r"no article 'mine/gone\.txt'"):
        set_published(war, "mine/gone.txt", date(2001, 1, 1))
    with pytest.raises(WorkspaceError, match="not a kind of text"):
        update_article(war, first.doc_id, mode="poem")  # type: ignore[arg-type]
