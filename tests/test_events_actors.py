"""Actors: people and bodies map to the actor they act for, longest and most specific phrase first."""

from __future__ import annotations

import pytest

from timeline.events.actors import find_actors


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Vice President Mike Pence assured Haider al-Abadi", ("US", "Iraq")),
        ("Biden hosted Mustafa al-Kadhemi at the White House", ("US", "Iraq")),
        ("Quds Force chief Ismail Qaani arrived", ("Iran",)),
        ("Soleimani was killed near the airport", ("Iran",)),
        ("the Popular Mobilization demanded a withdrawal", ("Iran-backed militias",)),
        ("Kataib Hezbollah fired rockets", ("Iran-backed militias",)),
        ("An Iran-backed Iraqi militia said it would keep fighting", ("Iran-backed militias",)),
        ("An Iranian-backed Iraqi Shia jihadist militia said so", ("Iran-backed militias",)),
        ("Several pro-Iran groups in Iraq welcomed it", ("Iran-backed militias", "Iraq")),
        ("militias loyal to Tehran threatened the premier", ("Iran-backed militias",)),
        ("Daesh lost Mosul", ("ISIS",)),
        ("the Islamic State had been defeated", ("ISIS",)),
        ("Moscow began airstrikes as Putin watched", ("Russia",)),
        ("Assad's forces in Damascus", ("Syria",)),
        ("Gen. John Allen, head of the US-led coalition", ("US", "US-led coalition")),
        ("Peshmerga forces in Erbil", ("Kurdistan",)),
        ("The UN Security Council met", ("UN",)),
        ("the Iraqi government said", ("Iraq",)),
        ("U.S. forces stay", ("US",)),
    ],
)
def test_find_actors(sentence: str, expected: tuple[str, ...]) -> None:
    assert find_actors(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Let us meet and talk about it",  # the pronoun "us" is not the US
        "The Iranshahr road was closed",  # whole words only: no "Iran" inside a longer name
        "Russiagate was a scandal",  # no match inside a longer word
        "The island is small",  # "IS" is case-sensitive
    ],
)
def test_no_false_actor(sentence: str) -> None:
    assert find_actors(sentence) == ()


def test_each_actor_once_in_order_of_mention() -> None:
    assert find_actors("Iran and Iraq; Tehran again, then Baghdad") == ("Iran", "Iraq")
