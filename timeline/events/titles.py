"""Turn a dated sentence into a short headline a teacher could read aloud.

The headline keeps the sentence's own words: it drops the time expression (the timeline shows the date),
attribution ("the source said", "according to ..."), opening connectives ("But", "However,") and photo
credits, then, when still long, cuts at the last clause or phrase boundary that fits, never mid-phrase.
"""

from __future__ import annotations

import re

from timeline.events.attribution import SAID_THAT, saying_is_dated, strip_attribution
from timeline.events.clauses import MARKER, dated_clause
from timeline.events.shorten import balance_quotes, cut, drop_appositive, drop_openers, trim_dangling
from timeline.events.wording import STRIP_CHARS, tidy, title_words

__all__ = ["make_title", "remove_time", "strip_attribution"]


def _cut_time(sentence: str, time_span: tuple[int, int], placeholder: str) -> str:
    words = title_words()
    start, end = time_span
    # A span that stops inside a word ("first quarter" of "first quarterly") takes the whole word.
    while 0 < start < len(sentence) and sentence[start - 1].isalnum() and sentence[start].isalnum():
        start -= 1
    while 0 < end < len(sentence) and sentence[end - 1].isalnum() and sentence[end].isalnum():
        end += 1
    head = sentence[:start]
    while True:
        kept, _, last = head.rstrip().rpartition(" ")
        if not last or last.lower() not in words.time_lead:
            break
        head = kept + " " if kept else ""
    tail = sentence[end:]
    tail = re.sub(r"^[’']s\b", "", tail)  # "Friday’s strikes" -> "strikes"
    if re.match(r"[-–][^\W\d_]", tail):
        tail = ""  # "invited in 2014-three years after ...": the glued clause says something else
    if head.rstrip().endswith(",") and tail.lstrip().startswith(","):
        # "the army, on Friday, launched": the commas only framed the date.
        head, tail = head.rstrip()[:-1], tail.lstrip()[1:]
    return f"{head} {placeholder} {tail}"


def remove_time(
    sentence: str,
    time_span: tuple[int, int],
    placeholder: str = "",
    other_spans: tuple[tuple[int, int], ...] = (),
) -> str:
    """``sentence`` without the time expression and the little words that introduce it ("on", "in the").

    ``placeholder`` takes the expression's place (to find its clause later); empty removes it.
    ``other_spans`` are the sentence's other time expressions, removed too (they date other things).
    """
    text = sentence
    spans = sorted({time_span, *other_spans}, reverse=True)
    for span in spans:
        if span != time_span and (span[0] < time_span[1] and time_span[0] < span[1]):
            continue
        text = _cut_time(text, span, placeholder if span == time_span else "")
    return tidy(text)


def make_title(
    sentence: str,
    time_span: tuple[int, int] | None = None,
    other_spans: tuple[tuple[int, int], ...] = (),
) -> str:
    """A headline of at most about 12 words built from ``sentence``.

    ``time_span`` (offsets into ``sentence``) is the dated expression: it (and ``other_spans``, the
    sentence's other time expressions) is dropped from the headline,
    the headline comes from the clause holding it, and a leading "X said" is kept when the date belongs
    to the saying.
    """
    text = sentence
    speaker_dated = False
    if time_span is not None:
        quoted = sentence[: time_span[0]].count("“") > sentence[: time_span[0]].count("”")
        speaker_dated = quoted or saying_is_dated(sentence, time_span)
        marked = remove_time(sentence, time_span, MARKER, other_spans)
        # A date inside a quotation belongs to the whole quoted statement, speaker included.
        text = marked if quoted else dated_clause(marked)
    text = strip_attribution(text, keep_speaker=speaker_dated)
    if speaker_dated:
        text = SAID_THAT.sub(r"\1\2 ", text, count=1)
    text = tidy(drop_appositive(drop_openers(text)).replace(MARKER, ""))
    text = trim_dangling(cut(text))
    text = balance_quotes(text).strip(STRIP_CHARS)
    text = re.sub(r"[,;:]([”\"])$", r"\1", text)  # "... in a combat mission,”" ends without the comma
    if len(text.split()) < 2:
        text = trim_dangling(cut(tidy(sentence)))
    return text[:1].upper() + text[1:]
