"""Categories come from the dated clause: its event verb and the verb's arguments, with cue words as data.
A cue elsewhere in the sentence (a death-toll clause, an afterthought) does not decide."""

from __future__ import annotations

import pytest

from timeline.events.categories import categorize, category_names


def _category(sentence: str, date: str) -> str:
    at = sentence.index(date)
    return categorize(sentence, (at, at + len(date)))


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # the event verb names the action
        ("Gunmen ambushed a police patrol on Sunday.", "Sunday", "attack"),
        ("Gunmen killed six villagers on Monday.", "Monday", "attack"),
        # a harm takes the kind of its causer
        ("More than 2,500 people had been killed by meningitis by April.", "April", "health"),
        ("The earthquake on Tuesday destroyed thousands of homes.", "Tuesday", "disaster"),
        # a past form the lemmatizer misreads ("fined" -> "fin") is still read
        ("The oil company was fined a record sum in 2009.", "2009", "justice"),
        ("Rebel fighters recaptured the airport on Tuesday.", "Tuesday", "military action"),
        ("Britain withdrew its last combat troops in 2009.", "2009", "troop presence"),
        ("The two foreign ministers met in Geneva on Thursday.", "Thursday", "diplomacy"),
        ("The ministry denied the report on Friday.", "Friday", "statement"),
        ("Voters elected a new parliament in May.", "May", "politics and elections"),
        ("Turkey imported more Russian gas in 2019.", "2019", "energy and economy"),
        (
            "Thousands of students demonstrated outside the ministry on Monday.",
            "Monday",
            "protest and uprising",
        ),
        ("Police arrested the opposition leader on Saturday.", "Saturday", "justice"),
        ("Tens of thousands fled their homes in August.", "August", "humanitarian"),
        ("The ferry capsized off the coast on Wednesday.", "Wednesday", "disaster"),
        ("Officials vaccinated half the population by June.", "June", "health"),
        ("The queen knighted the actor in 2003.", "2003", "people and honours"),
        ("The garrison surrendered on 2 May.", "2 May", "military action"),
        ("The two states signed an armistice in July 1953.", "July 1953", "diplomacy"),
        ("The assembly proclaimed a republic in 1792.", "1792", "politics and elections"),
        # who acts is not what happened: an army that announces makes a statement
        ("The army announced a curfew on Monday.", "Monday", "statement"),
        # a particle or a preposition is part of the verb
        ("Foreign troops pulled out of the province in 2014.", "2014", "troop presence"),
        ("The city fell to the rebels on 3 March.", "3 March", "military action"),
        # a light verb lets its arguments decide
        ("The uprising began in March 2011.", "March 2011", "protest and uprising"),
        ("The army launched an offensive on the city on Sunday.", "Sunday", "military action"),
        ("The two sides held talks in Oman on Monday.", "Monday", "diplomacy"),
        ("The country held a referendum in June.", "June", "politics and elections"),
        ("A fire broke out at the refinery on Friday.", "Friday", "disaster"),
        # the longest phrase, then the noun a compound modifier names
        ("A suicide bombing struck the market on Friday.", "Friday", "terrorism"),
        ("The air campaign started in September.", "September", "military action"),
        ("The rescue operation resumed on Tuesday.", "Tuesday", "humanitarian"),
        # a verb with one of its nouns
        ("A little-known group claimed responsibility on Monday.", "Monday", "terrorism"),
        ("Protesters took to the streets on 25 January.", "25 January", "protest and uprising"),
        ("She won the award in 2016.", "2016", "people and honours"),
        ("The general took office on 1 July.", "1 July", "politics and elections"),
        # a weak verb gives way to a subject that says what happened
        ("An earthquake struck the island on 12 January.", "12 January", "disaster"),
        ("The actor died in hospital on Thursday.", "Thursday", "people and honours"),
        ("Hundreds died of cholera in October.", "October", "health"),
        # a saying gives way to what it announces
        ("The president announced on Monday that all troops would withdraw.", "Monday", "troop presence"),
        ("The ministry issued a statement on Friday.", "Friday", "statement"),
        # the verb a clause governs counts
        ("The rebels agreed on Sunday to a ceasefire.", "Sunday", "diplomacy"),
        ("The government decided in May to expel the ambassador.", "May", "diplomacy"),
        # a participle is read as written: "-based" says where a company is, not a military base
        ("The Texas-based firm reported a loss on Monday.", "Monday", "energy and economy"),
        ("Aid reached displaced families on Monday.", "Monday", "humanitarian"),
        # the second half of a hyphenated word is not a cue of its own
        ("The fast-food chain opened a store on Monday.", "Monday", "other"),
        # a figure after "to" is a level, not a captor: "fell to" the rebels is military, to $31 is not
        ("The town fell to the rebels on Monday.", "Monday", "military action"),
        ("Shares of the bank fell 4% to $31 on Tuesday.", "Tuesday", "energy and economy"),
    ],
)
def test_clause_category(sentence: str, date: str, expected: str) -> None:
    assert _category(sentence, date) == expected


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # "killed" in a death-toll clause does not make the uprising an attack
        (
            "The uprising began in March 2011, and more than 100,000 people have been killed since.",
            "March 2011",
            "protest and uprising",
        ),
        (
            "Protests erupted in Deraa in March 2011, and thousands were killed in the crackdown.",
            "March 2011",
            "protest and uprising",
        ),
        # "fuel" in an afterthought does not make a submarine disaster energy
        ("The submarine sank on Sunday after a fire broke out near its fuel tanks.", "Sunday", "disaster"),
        # the source's words are not the event
        (
            "The talks collapsed on Friday, a spokesman for the militia said in a statement.",
            "Friday",
            "diplomacy",
        ),
        # a cue in another clause dated differently is that clause's
        (
            "Troops withdrew in 2011, three years before the jihadists overran Mosul.",
            "2011",
            "troop presence",
        ),
    ],
)
def test_a_cue_outside_the_clause_does_not_decide(sentence: str, date: str, expected: str) -> None:
    assert _category(sentence, date) == expected


def test_a_clause_without_a_cue_reads_its_own_tree_only() -> None:
    # no cue in "the day came", one in its adverbial clause: it counts, at a lower weight
    assert _category("The day came on Monday when the soldiers withdrew.", "Monday") == "troop presence"
    assert _category("Nothing much happened here on Monday.", "Monday") == "other"


def test_every_category_is_named() -> None:
    assert set(category_names()) >= {
        "attack",
        "military action",
        "troop presence",
        "diplomacy",
        "statement",
        "politics and elections",
        "energy and economy",
        "protest and uprising",
        "terrorism",
        "humanitarian",
        "people and honours",
        "other",
    }
    assert category_names()[-1] == "other"
