"""Categories come from cue words (data): the headline counts fully, its sentence less."""

from __future__ import annotations

import pytest

from timeline.events.categories import category_names, choose_category


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("The US-led coalition has been conducting airstrikes against ISIS", "military action"),
        ("US strikes hit a Syrian airbase", "military action"),
        ("Militias launched rocket attacks on the US embassy", "attack"),
        ("A car bombing killed 20 people in Baghdad", "attack"),
        ("Pence visited Baghdad for talks with al-Abadi", "diplomacy"),
        ("Biden hosted al-Kadhimi for a White House meeting", "diplomacy"),
        ("The Iraqi government issued a statement", "statement"),
        ("Kirby said the coalition continues its mission", "statement"),
        ("The United States withdrew its troops", "troop presence"),
        ("Iraq plans nationwide parliamentary elections", "politics and elections"),
        ("Parliament voted to expel foreign forces", "politics and elections"),
        ("Washington approved a sanctions waiver for Iranian electricity imports", "energy and economy"),
        ("Oil exports rose sharply", "energy and economy"),
        ("Nothing in particular happened here", "other"),
    ],
)
def test_choose_category(headline: str, expected: str) -> None:
    assert choose_category(headline) == expected


def test_headline_outweighs_its_sentence() -> None:
    headline = "The United States withdrew its troops"
    sentence = "Iran emerged as the power broker after the United States withdrew its troops, officials said"
    assert choose_category(headline, context=sentence) == "troop presence"


def test_context_decides_when_the_headline_has_no_cue() -> None:
    assert choose_category("Abadi in Washington", context="Abadi held talks in Washington") == "diplomacy"


def test_every_category_is_named() -> None:
    assert set(category_names()) >= {
        "military action",
        "attack",
        "diplomacy",
        "statement",
        "troop presence",
        "politics and elections",
        "energy and economy",
        "other",
    }
