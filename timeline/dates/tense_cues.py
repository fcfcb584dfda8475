"""The words the tense reader (``timeline.dates.tense``) knows: future constructions, auxiliaries,
participles of a plan, and the words after which a verb is a bare infinitive or a word is a noun."""

from __future__ import annotations

FIXED_FUTURE = (
    "is due to",
    "are due to",
    "set to",
    "slated to",
    "poised to",
    "going to",
    "expected to",
    "expects to",
    "expect to",
    "hopes to",
    "hope to",
    "hoping to",
    "plans to",
    "plan to",
    "planning to",
    "planned to",
    "aims to",
    "aim to",
    "aiming to",
    "intends to",
    "intend to",
    "wants to",
    "want to",
    "is to",
    "are to",
    "scheduled for",
    "scheduled to",
    "planned for",
    "set for",
    "slated for",
    "to be held",
    "ahead of",
    # An agreement or a decision to act: the date is the act's ("agreed to purchase the line in February").
    "agreed to",
    "agrees to",
    "agree to",
    "decided to",
    "decides to",
    "voted to",
    "votes to",
    "offered to",
    "agreement to",
)
"""Future constructions the tagger always knows, beside the data's multi-word cues."""
WOULD = frozenset({"would", "could", "might", "should"})
PRESENT_AUX = frozenset({"is", "are", "am", "'s", "be", "being"})
FINITE_PRESENT = frozenset({"is", "are", "am", "'s"})
PAST_AUX = frozenset({"was", "were", "been", "had"})
PERFECT_AUX = frozenset({"has", "have"})
PLAN_PARTICIPLES = frozenset(
    {
        "expected",
        "scheduled",
        "planned",
        "slated",
        "set",
        "due",
        "poised",
        "timetabled",
        "intended",
        "proposed",
    }
)
"""Participles of a plan: future under a present auxiliary ("are expected on Monday")."""
BASE_FORM_AFTER = frozenset(
    {
        "to",
        "will",
        "would",
        "shall",
        "should",
        "could",
        "might",
        "can",
        "must",
        "may",
        "'ll",
        "did",
        "does",
        "do",
    }
)
"""A verb after these is a bare infinitive ("would proceed", "to put"): it carries no tense of its own."""
DETERMINERS = frozenset({"a", "an", "the", "its", "his", "their", "our", "my", "your"})
"""A word after these is a noun or an adjective ("the seabed", "the wounded", "its left"), not a verb."""
COULD_PAST = frozenset({"not", "never", "have"})
"""After "could" these make it the past of "can" ("could not be reached"), not a possibility ahead."""
NEGATIVE_SUBJECTS = frozenset({"neither", "nor", "nobody", "none"})
"""A subject these open makes "could" the past of "can" ("Neither he nor his aides could be reached")."""
REPORTING_VERBS = frozenset({"said", "says", "say", "told", "tells", "added", "thinks", "think", "believes"})
"""A reporting verb between a negative subject and "could" opens another clause ("Neither said it could")."""
