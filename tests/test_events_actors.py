"""Actors: the participants of the dated clause, mapped through the data to the countries and bodies they
stand for; an unmapped name is its own actor; the source that says and a background place are not actors."""

from __future__ import annotations

import pytest

from timeline.events.actor_names import actor_index, name_key
from timeline.events.actors import DocumentContext, document_context, find_actors
from timeline.events.nlp import parse


def _actors(sentence: str, date: str, context: str | DocumentContext | None = None) -> tuple[str, ...]:
    at = sentence.index(date)
    return find_actors(sentence, (at, at + len(date)), context=context)


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # people and bodies map to the actor they act for
        ("Vice President Pence flew to Baghdad on Sunday to meet Haider al-Abadi.", "Sunday", ("US", "Iraq")),
        ("Quds Force commander Esmail Qaani arrived in Beirut on Tuesday.", "Tuesday", ("Iran",)),
        ("The Iraqi prime minister met Pence in Washington on Monday.", "Monday", ("Iraq", "US")),
        ("Moscow recalled its ambassador on Friday.", "Friday", ("Russia",)),
        ("Libya's rebels captured Tripoli in August 2011.", "August 2011", ("Libya opposition", "Libya")),
        ("Syrian rebels shot down a helicopter on Sunday.", "Sunday", ("Syria opposition",)),
        ("Houthi rebels seized Sanaa in September 2014.", "September 2014", ("Houthis", "Yemen")),
        (
            "The Arab League suspended Syria's membership in November 2011.",
            "November 2011",
            ("Arab League", "Syria"),
        ),
        ("Al-Qaida claimed responsibility for the hotel bombing on Monday.", "Monday", ("al-Qaida",)),
        ("In 2007 al Qaeda militants seized the town.", "2007", ("al-Qaida",)),
        ("Kataib Hezbollah fired rockets at the base on Wednesday.", "Wednesday", ("Iran-backed militias",)),
        ("An Iran-backed Iraqi militia shelled the airport on 5 May.", "5 May", ("Iran-backed militias",)),
        ("Iran and Iraq signed a gas deal on Monday.", "Monday", ("Iran", "Iraq")),
        ("A US drone strike killed the general in January 2020.", "January 2020", ("US",)),
        # the agent of a passive comes first, the subject after it
        ("The commander was killed by an Israeli airstrike on Thursday.", "Thursday", ("Israel",)),
        # hyphens, the "al-" particle and case do not hide a name
        ("Forces of the US-led-coalition left the base in 2021.", "2021", ("US-led coalition",)),
        ("Muqtada Sadr called for calm on Saturday.", "Saturday", ("Iraq",)),
        # an office with no name stands for the country where it happened, or the document's country
        ("Government forces shelled Homs on Friday.", "Friday", ("Syria",)),
        ("Security forces opened fire in Cairo on 28 January.", "28 January", ("Egypt",)),
        # an unmapped organisation or person becomes its own actor, not dropped
        (
            "The Tribal Council of Anbar condemned the raid on Thursday.",
            "Thursday",
            ("Tribal Council of Anbar",),
        ),
        ("The Zambezi Relief Society opened a clinic in March.", "March", ("Zambezi Relief Society",)),
        # a place the data lacks, only modifying a noun, is background; before a person it says whom the
        # person acts for; heading its phrase it is a party
        ("The Ohio-based chain closed its stores in March.", "March", ()),
        ("A tanker ran aground off the Oregon coast on Monday.", "Monday", ()),
        ("Oregon Governor Kate Brown declared an emergency on Monday.", "Monday", ("Oregon", "Kate Brown")),
        ("Oregon sued the company on Monday.", "Monday", ("Oregon",)),
        # a name inside a longer one is that other name's: an organisation, a person, a city
        ("The Syrian National Council elected a leader on Monday.", "Monday", ("Syrian National Council",)),
        ("Michael Jordan retired in 1993.", "1993", ("Michael Jordan",)),
        ("Iranian warships docked in Port Sudan on 3 March.", "3 March", ("Iran",)),
        # ... but not a country's own institution
        ("The Iraqi Foreign Ministry summoned the envoy on Monday.", "Monday", ("Iraq",)),
        ("The Iranian Revolutionary Guard's Quds Force armed the group in 2014.", "2014", ("Iran",)),
    ],
)
def test_participants_map_to_actors(sentence: str, date: str, expected: tuple[str, ...]) -> None:
    assert _actors(sentence, date) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "context", "expected"),
    [
        (
            "The prime minister resigned on Tuesday after weeks of protests.",
            "Tuesday",
            "Lebanon",
            ("Lebanon",),
        ),
        ("Government forces retook the town on Sunday.", "Sunday", "Syria", ("Syria",)),
        ("Rebels retook the town on Sunday.", "Sunday", "Syria", ("Syria opposition",)),
        # a place in the clause beats the document's country
        ("The president spoke in Kabul on Monday.", "Monday", "US", ("Afghanistan",)),
        # without any country a bare office says nothing: no actor rather than a wrong one
        ("The prime minister resigned on Tuesday.", "Tuesday", None, ()),
    ],
)
def test_office_stands_for_the_country_in_context(
    sentence: str, date: str, context: str | None, expected: tuple[str, ...]
) -> None:
    assert _actors(sentence, date, context) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # the source that says is not a participant of the event it reports
        (
            "Turkish troops crossed into Syria on Monday, Russian officials said.",
            "Monday",
            ("Turkey", "Syria"),
        ),
        ("The ceasefire collapsed on Friday, according to a UN spokesman.", "Friday", ()),
        ("France closed its embassy on Sunday, the Iranian foreign ministry said.", "Sunday", ("France",)),
        # ... unless the date belongs to the saying itself: then the speaker acts, and so do those reported
        ("On Monday Pompeo said that Iran had attacked the tankers.", "Monday", ("US", "Iran")),
        # a place that is only background is not an actor
        ("Al-Qaida claimed the bombing in Baghdad on Monday.", "Monday", ("al-Qaida",)),
        ("Several militias in Iraq welcomed the decision on Tuesday.", "Tuesday", ()),
        ("Jordan met Qatar in Paris on Monday.", "Monday", ("Jordan", "Qatar")),
        # ... but a country named as the place takes part, and a city does when nothing else does
        ("Russia began airstrikes in Syria on 30 September.", "30 September", ("Russia", "Syria")),
        ("A bomb exploded in Kabul on Sunday.", "Sunday", ("Afghanistan",)),
        # background clauses and circumstances are other events
        ("Canada sent aid on Friday after Haiti was struck by an earthquake.", "Friday", ("Canada",)),
        ("Egypt reopened the crossing on Sunday despite Israeli objections.", "Sunday", ("Egypt",)),
        # words that describe a people or faith, and wire services, are not actors
        ("Sunni tribes joined the fight in 2006.", "2006", ()),
        ("CAIRO (Reuters) - Egypt's army deployed tanks on Friday.", "Friday", ("Egypt",)),
        # nor are time zones the recogniser takes for organisations
        ("Talks resumed at 1400 GMT on Friday.", "Friday", ()),
        ("Flights resumed on Friday at 15.16 BST.", "Friday", ()),
    ],
)
def test_not_every_name_is_an_actor(sentence: str, date: str, expected: tuple[str, ...]) -> None:
    assert _actors(sentence, date) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Let us meet and talk about it on Monday.",  # the pronoun "us" is not the US
        "The island is small, it was said on Monday.",  # "IS" only in capitals
    ],
)
def test_words_that_only_look_like_names(sentence: str) -> None:
    assert _actors(sentence, "Monday") == ()


def test_a_name_inside_a_longer_place_name_is_that_place() -> None:
    assert _actors("The Iranshahr road was closed on Monday.", "Monday") == ("Iranshahr",)
    assert _actors("Oil reached the Gulf of Mexico on Friday.", "Friday") == ()


def test_each_actor_once_in_order_of_role() -> None:
    assert _actors(
        "Tehran and Iran's allies met Baghdad officials and Iraq's premier on Monday.", "Monday"
    ) == (
        "Iran",
        "Iraq",
    )


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Al-Qaida", "qaida"),
        ("al Qaida", "qaida"),
        ("the U.S.", "us"),
        ("Shi’ite", "shiite"),
        ("Kata'ib Hezbollah", "kataib hezbollah"),
    ],
)
def test_name_keys_ignore_spelling_noise(name: str, key: str) -> None:
    assert name_key(name) == key


def test_data_has_no_unreachable_or_duplicate_actor() -> None:
    index = actor_index()
    assert len(set(index.order)) == len(index.order)
    for actor in index.order:
        assert index.entries[name_key(actor)].actor == actor


def test_document_context_gives_full_names_and_the_main_country() -> None:
    first = "Gen. Mark Odom of the Danish contingent arrived in Kabul on Monday."
    second = "Odom left the base on Friday."
    context = document_context(parse([first, second, "The Afghan army thanked him."]))
    assert context.country == "Afghanistan"
    assert context.people["Odom"] == "Mark Odom"
    assert _actors(second, "Friday", context) == ("Mark Odom",)
    # the office in a later sentence stands for the document's country
    assert _actors("The president thanked him on Sunday.", "Sunday", context) == ("Afghanistan",)


def test_an_ambiguous_last_name_stays_as_written() -> None:
    context = document_context(parse(["Anna Berg spoke.", "Olaf Berg replied."]))
    assert "Berg" not in context.people
