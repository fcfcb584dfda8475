"""The workspace commands: ``timeline add``, ``collection``, ``backup``, ``restore``, ``recover``.

Run in-process through ``timeline.cli.main`` with the data folder in a temporary directory and the light
pipeline of ``workspace_support`` (the store's extraction is tested elsewhere); web addresses are served
by a local HTTP server.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from intake_fixtures import serve
from workspace_support import PIPELINE

import timeline.store.event_store as event_store_module
from timeline.cli import main
from timeline.corrections import Edit, anchor_of
from timeline.store.edits_store import corrected_events, edits, save_edit
from timeline.workspace import get_collection, open_store

PAGE = b"""<html><head><title>Ceasefire holds</title>
<meta property="article:published_time" content="2019-05-02"></head>
<body><article><h1>Ceasefire holds</h1><p>The ceasefire was signed on 2019-05-01, ending eight years of war
between Iran and Iraq, officials in both capitals said on Sunday.</p>
<p>Prisoners were to be exchanged under the agreement reached at the United Nations in New York.</p>
</article></body></html>"""


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "seed.txt").write_text("Seed: talks opened on 2020-01-03.", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(event_store_module, "default_pipeline", lambda: PIPELINE)
    return tmp_path / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def test_collections_are_created_listed_and_renamed(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "collection", "create", "Iran–Iraq War 1980–88") == (0, "iran-iraq-war-1980-88\n", "")
    code, out, _ = run(capsys, "collection", "rename", "iran-iraq-war-1980-88", "The war")
    assert (code, out) == (0, "iran-iraq-war-1980-88\tThe war\n")
    code, out, _ = run(capsys, "collection", "list")
    assert out.splitlines() == ["default\t0\tSeed articles", "iran-iraq-war-1980-88\t0\tThe war"]
    code, _, err = run(capsys, "collection", "rename", "nope", "X")
    assert code == 1 and "There is no collection 'nope'" in err


def test_add_files_folders_and_addresses_each_failure_named_the_rest_added(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "one.txt").write_text("The envoy arrived on 2001-02-03.", encoding="utf-8")
    (folder / "two.md").write_text("# Vote\n\nParliament voted on 2002-03-04.", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"skipped: not an article type")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    routes = {"/ceasefire": (200, "text/html; charset=utf-8", PAGE)}
    with serve(routes) as base:
        code, out, err = run(capsys, "add", str(folder), f"{base}/ceasefire", f"{base}/missing",
                             str(binary), str(tmp_path / "absent.txt"))  # fmt: skip
    assert code == 1
    added = [line.split("\t")[0] for line in out.splitlines()]
    assert len(added) == 3 and all(doc_id.startswith("mine/") for doc_id in added)
    assert "photo.txt" in err and "absent.txt: no such file" in err and "404" in err
    assert "extracting 1/4" in err  # the seed and the three new articles
    store = open_store(get_collection("default"))
    days = sorted(str(event.start) for event in store.events())
    assert days == ["2001-02-03", "2002-03-04", "2019-05-01", "2020-01-03"]
    page = next(doc for doc in store.documents() if doc.doc_id in added and doc.url)
    assert page.title == "Ceasefire holds" and str(page.published) == "2019-05-02"
    code, out, _ = run(capsys, "add", str(folder / "one.txt"), "--no-sync")
    assert code == 0 and "already in the collection" in out


def test_add_options_and_usage_errors(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "collection", "create", "War")
    article = tmp_path / "a.txt"
    article.write_text("Undated text: the truce was signed on 1988-08-20.", encoding="utf-8")
    code, out, err = run(capsys, "add", str(article), "--collection", "war", "--title", "Truce", "--mode",
                         "narrative", "--outlet", "Class notes")  # fmt: skip
    assert code == 0 and out.startswith("mine/truce-") and "no publication date found" in err
    assert run(capsys, "collection", "list")[1].splitlines()[1] == "war\t1\tWar"
    doc = open_store(get_collection("war")).documents()[0]
    assert (doc.title, doc.outlet, doc.mode) == ("Truce", "Class notes", "narrative")
    code, _, err = run(capsys, "add", str(article), str(article), "--title", "Both")
    assert code == 2 and "--title names one article" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["add", str(article), "--published", "21/08/1988"])
    assert exit_info.value.code == 2 and "is not a date" in capsys.readouterr().err
    code, _, err = run(capsys, "add", str(article), "--collection", "nope")
    assert code == 1 and "There is no collection 'nope'" in err


def test_backup_and_restore_round_trip_and_a_bad_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The envoy arrived on 2001-02-03.", encoding="utf-8")
    run(capsys, "collection", "create", "War")
    run(capsys, "add", str(article), "--collection", "war")
    store = open_store(get_collection("war"))
    [event] = store.events()
    save_edit(store, Edit("title", "Envoy arrives", event.id, anchor_of(event), author="ana"), None)
    store.close()
    code, out, _ = run(capsys, "backup", "war", str(tmp_path / "war.zip"))
    assert code == 0 and "1 article(s), 1 edit(s), 0 lesson(s)" in out
    code, out, err = run(capsys, "restore", str(tmp_path / "war.zip"))
    assert code == 0 and "Restored into 'War' (war-2): 1 article(s) added; 1 edit(s) added" in out
    restored = open_store(get_collection("war-2"))
    assert [e.title for e in corrected_events(restored).events] == ["Envoy arrives"]
    code, out, _ = run(capsys, "restore", str(tmp_path / "war.zip"), "--into", "war-2")
    assert code == 0 and "0 edit(s) added" in out and len(edits(restored)) == 1
    (tmp_path / "notes.zip").write_bytes(b"not a zip at all")
    code, out, err = run(capsys, "restore", str(tmp_path / "notes.zip"))
    assert code == 1 and out == ""
    assert (
        err
        == "timeline: notes.zip is not a timeline backup: it is not a zip file (or it is damaged). Nothing was restored.\n"
    )


def test_recover_restores_the_edits_of_a_set_aside_store(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", str(data_dir.parent / "seeds" / "seed.txt"), "--no-sync")
    store = open_store(get_collection("default"))
    store.sync(get_collection("default").sources_dir)
    event = store.events()[0]
    save_edit(store, Edit("title", "Talks open", event.id, anchor_of(event)), None)
    store.close()
    set_aside = tmp_path / "timeline.sqlite3.corrupt"
    shutil.copyfile(data_dir / "timeline.sqlite3", set_aside)
    (data_dir / "timeline.sqlite3").unlink()  # as if the damaged store had been set aside
    code, out, _ = run(capsys, "recover", str(set_aside))
    assert (code, out) == (0, "1 edit(s) restored into default, 0 already there\n")
    code, out, _ = run(capsys, "recover", str(set_aside))
    assert out == "0 edit(s) restored into default, 1 already there\n"
    (tmp_path / "junk").write_bytes(b"junk" * 50)
    code, _, err = run(capsys, "recover", str(tmp_path / "junk"))
    assert code == 1 and "is not a SQLite database" in err
