"""The tense that points a bare weekday or month-day ahead or behind (timeline/dates/tense.py).

Each row is one rule with its example: the cue that governs the date is the nearest in its own clause,
counted in words; participles are read by their auxiliary; compound adjectives are no verbs.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import tag_dates
from timeline.dates.tense import tense_of
from timeline.events.tense import governed_by_future

WED_2_JUNE_2010 = date(2010, 6, 2)  # a Wednesday: the weekday named is never the publication day below

TENSE_TABLE = [
    # Modal and future constructions.
    ("BP will try to plug the well in a so-called top kill operation on Friday.", "future"),
    ("Results of the tests are expected on Monday.", "future"),
    ("BP hopes partly to close the cap on Tuesday.", "future"),
    (
        "He is due to put the long-delayed and much-criticised austerity plan to the parliament in Athens on Monday.",
        "future",
    ),
    (
        "He is due to put the plan to parliament, which has been debating the budget for weeks, on Monday.",
        "future",
    ),
    ("The leaders are set to meet in Brussels on Friday.", "future"),
    ("The company plans to publish its results on Thursday.", "future"),
    ("The hearing is scheduled for Monday.", "future"),
    ("The minister is to visit the capital on Saturday.", "future"),
    ("Protesters are going to march through the city on Sunday.", "future"),
    ("The union said it would strike on Friday.", "future"),
    ("The effort should start on Friday.", "future"),
    ("The report is scheduled to be officially released on Thursday.", "future"),
    ("Details of the charges will be officially released on Monday.", "future"),
    ("The envoy has scheduled a news conference on Thursday.", "future"),
    ("The action on Thursday was set to move back to the courts.", "future"),
    ("Protesters planned an anti-war rally for Sunday.", "future"),
    # Past narration.
    ("The minister said on Monday that talks would continue.", "past"),
    ("The soldier was killed on Tuesday.", "past"),
    ("The results had been expected on Monday.", "past"),
    ("The tender offer had been scheduled to expire at midnight Friday.", "past"),
    ("They said on Tuesday that their bill will save energy.", "past"),
    ("On Monday, the agency announced that the plant will close.", "past"),
    ("The ban that a judge blocked on Tuesday would cost little.", "past"),
    ("The lawyer, who resigned on Monday, will testify later.", "past"),
    ("The rig sank on Thursday as hopes dimmed for the missing workers.", "past"),
    ("The agency has announced on Monday a review of the rules.", "past"),
    ("A giant funnel will be lowered to the seabed on Thursday.", "future"),  # "seabed" is no -ed verb
    ("A student was found to be infected on Saturday.", "past"),
    ("The adviser was voicing continued hope that the procedure would succeed on Thursday.", "future"),
    ("The memorial service planned for Saturday was canceled.", "past"),
    ("The council decided to hold the vote on Monday.", "future"),
    # "could" is a possibility ahead, but its negation or perfect is the past of "can".
    ("The vote could come on Friday.", "future"),
    ("The minister could not be reached for comment on Tuesday.", "past"),
    ("The minister couldn't be reached on Tuesday.", "past"),
    ("The rebels could have fled on Sunday.", "past"),
    # After a negative subject "could" is the past of "can" too; a reporting verb between opens a new clause.
    ("Neither the mayor nor his deputy could be found on Friday.", "past"),
    ("Nobody could reach the stranded climbers on Monday.", "past"),
    ("Neither union said it could resume the talks on Friday.", "future"),
    # An aside in brackets with no verb is read by the clause it stands in.
    ("The father will leave at dawn (5 a.m. Friday), the lawyer said.", "future"),
    ("The father left at dawn (5 a.m. Friday), the lawyer said.", "past"),
]


def _date_span(sentence: str) -> tuple[int, int]:
    for day in ("Monday", "Tuesday", "Thursday", "Friday", "Saturday", "Sunday"):
        at = sentence.find(day)
        if at >= 0:
            return at, at + len(day)
    raise AssertionError(sentence)


@pytest.mark.parametrize(("sentence", "expected"), TENSE_TABLE)
def test_tense_governing_a_weekday(sentence: str, expected: str) -> None:
    start, end = _date_span(sentence)
    assert tense_of(sentence, start, end) == expected


@pytest.mark.parametrize(("sentence", "expected"), TENSE_TABLE)
def test_weekday_resolves_on_the_side_of_its_tense(sentence: str, expected: str) -> None:
    start, _ = _date_span(sentence)
    mention = next(m for m in tag_dates(sentence, WED_2_JUNE_2010, "news") if m.span[0] <= start < m.span[1])
    assert mention.start is not None
    assert (mention.start > WED_2_JUNE_2010) == (expected == "future"), mention


MONTH_DAY_TABLE = [
    # Published 2 June 2010: March 9 is 3 months behind or 9 ahead; the tense decides.
    ("A hearing is set for March 9.", date(2011, 3, 9)),
    ("A hearing is expected on March 9.", date(2011, 3, 9)),
    ("The company hopes to close the deal on March 9.", date(2011, 3, 9)),
    ("Shares fell on March 9.", date(2010, 3, 9)),
    ("The deal had been expected on March 9.", date(2010, 3, 9)),
]


@pytest.mark.parametrize(("sentence", "day"), MONTH_DAY_TABLE)
def test_month_day_without_year_follows_its_tense(sentence: str, day: date) -> None:
    mention = next(m for m in tag_dates(sentence, WED_2_JUNE_2010, "news") if "March" in m.text)
    assert mention.start == day


SHARED_TABLE = [
    # The tagger and the event stage's planned-event rule read these alike (one cue table).
    ("The union said it would strike on Friday.", True),
    ("The leaders are set to meet in Brussels on Friday.", True),
    ("The company plans to publish its results on Thursday.", True),
    ("The minister is to visit the capital on Saturday.", True),
    ("The soldier was killed on Tuesday.", False),
    ("The minister said on Monday that talks would continue.", False),
    ("The results had been announced on Monday.", False),
    ("The rig sank on Thursday as hopes dimmed for the missing workers.", False),
]


@pytest.mark.parametrize(("sentence", "planned"), SHARED_TABLE)
def test_tagger_and_event_stage_agree(sentence: str, planned: bool) -> None:
    span = _date_span(sentence)
    assert governed_by_future(sentence, span) is planned
    assert (tense_of(sentence, *span) == "future") is planned
