"""Date stamps that refer to no event (issue 6, sections 5 and 6): reader comments' time stamps, bylines,
agency and page datelines. Each rule, as a table: a line -> the kind of stamp its date is, or None (kept
as a possible event date)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import tag_dates
from timeline.documents import analyse_layout
from timeline.documents.stamps import comments_start, find_stamps, stamp_of, text_stamps
from timeline.model import TimeMention

PUBLISHED = date(2011, 3, 14)


def _dated(text: str) -> list[TimeMention]:
    return [m for m in tag_dates(text, PUBLISHED, "news") if m.precision == "day" and m.start is not None]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Reader comments: a time stamp with the commenter's speaker line (BBC, WordPress, Blogger...).
        ("At 18:20 15th Mar 2011, quietreader wrote: I disagree with the minister.", "comment"),
        ("At 10:32 pm on 15 Mar 2011, Jo Bloggs wrote: This comment was removed.", "comment"),
        ("At 3:40 P.M. on Mar 15, 2011, Ana Ruiz wrote: My thoughts are with them.", "comment"),
        ("Kofi A. says:\nMarch 15, 2011 at 4:12 pm\nGreat piece.", "comment"),
        ("mk_77 said...\n15 March 2011 13:45\nNot convinced.", "comment"),
        ("Lena on March 15, 2011 at 9:02 am said: Thanks for this.", "comment"),
        ("Lena wrote on 15 March 2011 at 09:02: Thanks for this.", "comment"),
        # Reader comments: a stamp followed by the comment's action links (Washington Post, Guardian).
        ("Unbelievable. Posted by: riverfan | March 15, 2011 3:45 PM | Report abuse", "comment"),
        ("tomw\n15 March 2011 3:45PM\nRecommend? (12)", "comment"),
        ("J. Doe • March 15, 2011 • Reply", "comment"),
        ("Comment by Jo Smith on March 15, 2011 at 4:12 pm", "comment"),
        ("Like · Reply · 3 · March 15, 2011 at 2:02pm", "comment"),
        # Bylines: when a post was written.
        ("jdoe • 2 days ago", "byline"),
        ("Posted by Maria van Berg on Tuesday, 15 March 2011", "byline"),
        ("Posted on March 15, 2011 by admin", "byline"),
        ("Submitted by dkowal on 15 March 2011 - 10:02", "byline"),
        # Agency datelines, anywhere on the line (a headline may run into them).
        ("LONDON, March 15 (Reuters) - The central bank raised rates.", "dateline"),
        ("Quake hits coast TOKYO, March 15 (AFP) - A strong quake struck.", "dateline"),
        ("NEW YORK, March 15, 2011 (AP) — Stocks fell.", "dateline"),
        ("March 15 (Bloomberg) -- Oil rose for a third day.", "dateline"),
        ("SAN JOSE, Calif., March 15, 2011 /PRNewswire/ -- Acme Corp announced a merger.", "dateline"),
        ("GENEVA | Tue Mar 15, 2011 8:56am EDT GENEVA (Reuters) - The agency said.", "dateline"),
        ("CAIRO, March 15 | Tue Mar 15, 2011 3:16 pm IST", "dateline"),
        ("BAGHDAD, March 15, 2011 — Two bombs exploded in the capital.", "dateline"),
        # Page stamps: published and updated.
        ("Published March 15, 2011 | NewsSite.com", "dateline"),
        ("example.co.uk, Tuesday 15 March 2011 12.02 GMT", "dateline"),
        ("15 March 2011 Last updated at 10:48 GMT", "dateline"),
        ("Page last updated at 09:14 GMT, Tuesday, 15 March 2011 10:14 UK", "dateline"),
        ("Last updated: 15 March 2011", "dateline"),
        # A page's links under its stamp are no comment's: the stamp opens no reader comments.
        ("Updated at 10:48 GMT, 15 March 2011\nShare this", "dateline"),
        ("15 March 2011 10:48 GMT\nLike", None),
        ("Published: 15 March 2011 12:02", "dateline"),
        ("By JANE DOE\nPublished: March 15, 2011", "dateline"),
        ("This article was published on example.co.uk at 01.23 GMT on Tuesday 15 March 2011.", "dateline"),
        (
            "A version appeared on p5 of the Main section of the Daily Record on Tuesday 15 March 2011.",
            "dateline",
        ),
        ("A version of this article appeared in print on March 15, 2011, on page A1.", "dateline"),
        # Reporting: kept.
        ("On Monday, the minister wrote: we will not give up.", None),
        ("The White House said on Tuesday that talks would resume.", None),
        ("The rig exploded on March 15, 2011 - killing 11 workers.", None),
        ("A report due to be published on Tuesday is expected to criticise the agency.", None),
        ("In Washington, March 15 was declared a day of mourning.", None),
        ("The study was published in a journal on March 15, 2011.", None),
        ("Updated figures released on Tuesday show prices rising.", None),
        ("She added: the vote on Tuesday will be close.", None),
        ("At 3pm on Monday, police said: the road is closed.", None),
        ("Smith wrote on Monday: the talks have failed.", None),
        ("He was referring to an earlier comment by the minister on 15 March.", None),
        ("• March 15: the bank raised rates.", None),
        ("The bank • which raised rates on March 15 • said it would wait.", None),
    ],
)
def test_a_written_date_is_a_stamp_or_kept(line: str, expected: str | None) -> None:
    mentions = _dated(line)
    assert mentions, line
    kinds = {stamp.kind for m in mentions if (stamp := stamp_of(line, m)) is not None}
    assert kinds == ({expected} if expected else set())


BODY = "The agency said the well had been capped after weeks of work, and officials said on 10 March it held."


@pytest.mark.parametrize(
    ("text", "comments_from"),
    [
        (
            f"{BODY}\nAt 18:20 15th Mar 2011, quietreader wrote: Too late.\nAt 19:02 15th Mar 2011, jk wrote: Yes.",
            1,
        ),
        (f"{BODY}\n{BODY}\nGreat news. Posted by: riverfan | March 15, 2011 3:45 PM | Report abuse\nNo.", 2),
        # A byline or a dateline opens no comments.
        (f"Posted by Maria van Berg on Tuesday, 15 March 2011\n{BODY}\n{BODY}", None),
        (f"LONDON, March 15 (Reuters) - {BODY}\n{BODY}", None),
        (f"{BODY}\n{BODY}", None),
    ],
)
def test_the_reader_comments_start_at_the_first_comment_stamp(text: str, comments_from: int | None) -> None:
    start = comments_start(text, find_stamps(text, _dated(text)))
    expected = (
        None if comments_from is None else sum(len(line) + 1 for line in text.split("\n")[:comments_from])
    )
    assert start == expected


def test_text_stamps_finds_the_stamps_without_given_mentions() -> None:
    text = (
        f"LONDON, March 15 (Reuters) - {BODY}\nAt 18:20 15th Mar 2011, quietreader wrote: Too late.\n"
        "Lena wrote on 16 March 2011 at 09:02: Thanks for this."
    )
    assert [stamp.kind for stamp in text_stamps(text)] == ["dateline", "comment", "comment"]


def test_the_layout_excludes_stamps_and_the_reader_comments() -> None:
    text = (
        "Well capped after weeks of work\n\n"
        f"BAGHDAD, March 15, 2011 — {BODY}\n\n{BODY}\n\n"
        "At 18:20 15th Mar 2011, quietreader wrote: On Sunday I saw the oil from the beach.\n\n"
        "At 19:02 15th Mar 2011, jk wrote: Nothing happened on 1 March.\n"
    )
    layout = analyse_layout(text)

    def excluded(phrase: str) -> bool:
        at = text.index(phrase)
        return any(start <= at < end for start, end in layout.excluded)

    assert excluded("March 15, 2011 —")
    assert excluded("On Sunday I saw")
    assert excluded("1 March")
    assert not excluded("officials said on 10 March")
