"""Deletion-only compression (summarizer/content/compress.py): what a shortened sentence may lose, and what it
must keep. Plain logic over text and content units: no model involved."""
import numpy as np
import pytest

from summarizer.content.compress import shortened
from summarizer.content.extract import extract
from summarizer.content.units import units
from summarizer.lang.en import ENGLISH
from summarizer.types import Cluster, Sentence


def sentence(text: str) -> Sentence:
    return Sentence(document=0, index=4, text=text, start=0, end=len(text), embedding=np.ones(3) / np.sqrt(3))


def shorter(text: str, shared_text: str = "") -> str | None:
    """The sentence shortened, when the other sources state `shared_text`."""
    result = shortened(sentence(text), units(shared_text, ENGLISH), ENGLISH)
    return result.text if result else None


@pytest.mark.parametrize("text, expected", [
    # a closing participle, relative clause or appositive that only this outlet gives
    ("The harbour authority closed the northern pier on Monday, prompting long queues at the southern terminal.",
     "The harbour authority closed the northern pier on Monday."),
    ("The ferry operator suspended its night crossings, a decision that angered commuters across the bay.",
     "The ferry operator suspended its night crossings."),
    # an inner relative clause takes its closing comma with it; an aside in brackets or dashes goes whole
    ("The coast guard commander, who took charge of the search overnight, said the divers had found the hull.",
     "The coast guard commander said the divers had found the hull."),
    ("The operator cut its timetable to two crossings, which was criticised by commuters on the island.",
     "The operator cut its timetable to two crossings."),
    # another phrase leaves the comma in place
    ("The footage spread quickly, while the operator stayed silent, the harbour master said.",
     "The footage spread quickly, the harbour master said."),
    ("The pier (closed since the storm of last winter) will reopen for the summer season.",
     "The pier will reopen for the summer season."),
    ("Rescuers worked through the night — often in heavy rain and strong wind — to reach the stranded boats.",
     "Rescuers worked through the night to reach the stranded boats."),
])
def test_a_detail_only_its_outlet_gives_is_taken_out(text, expected):
    assert shorter(text) == expected


@pytest.mark.parametrize("text, shared", [
    # another source states it: it is the shared news
    ("The harbour authority closed the northern pier on Monday, prompting long queues at the southern terminal.",
     "There were long queues at the southern terminal."),
    # a name or a figure stays
    ("The harbour authority closed the northern pier on Monday, prompting a complaint from mayor Ilse Dravanek.", ""),
    ("The harbour authority closed the northern pier on Monday, stranding about 300 passengers overnight.", ""),
    # a hedge or a speaker stays: without it a finding becomes a fact
    ("Night crossings are twice as likely to be delayed as day crossings, a new study of the route suggests.", ""),
    # the main clause after an opening phrase is no aside
    ("After the crew reported a leak in the engine room, the captain turned the ferry back to port.", ""),
    # an item of a list
    ("The storm closed schools, including the two academies in the old town, shops and offices across Velmar.", ""),
    ("The divers searched the engine room, the lower deck, the cabins and the car deck.", ""),
    ("Offering ferries, buses, parking and bicycles, the new terminal opened in 2019.", ""),
    # who a speaker is, a clause after an opening, a phrase that introduces a quotation
    ("The crossing was cancelled, said Ilse Dravanek, a spokeswoman for the operator.", ""),
    ("To get from one island to another, the easiest way is to take the ferry.", ""),
    ("Similar to last year's timetable, the summer schedule adds two late crossings.", ""),
    ("According to the operator's website, which has since been taken down, the ferry had no licence.", ""),
    ('The captain called the harbour master, shouting into a radio that read, "We are taking water."', ""),
    # a short opening: what follows is the main clause
    ("By then, the captain had already ordered everyone onto the upper deck.", ""),
])
def test_what_the_sources_share_and_what_a_reader_needs_stays(text, shared):
    assert shorter(text, shared) is None


def test_the_shortened_sentence_is_cited_as_its_article_s_sentence_and_says_what_went():
    full = sentence("The ferry operator suspended its night crossings, a decision that angered commuters across the bay.")
    short = shortened(full, set(), ENGLISH)
    by_document = [[Sentence(0, i, f"Filler sentence number {i} here.", 0, 0, np.array([1.0, 0, 0])) for i in range(4)]
                   + [full]]
    [item] = extract([(Cluster([full], 1), short)], by_document, ENGLISH)
    assert item.text == "The ferry operator suspended its night crossings."
    assert [(c.document, c.sentence) for c in item.citations] == [(0, 4)]
    assert item.evidence.removed == ["a decision that angered commuters across the bay"]


def chosen_alone(text: str, max_words: int) -> list[str]:
    """What the selection takes, within `max_words`, from one outlet's one sentence (whole or shortened)."""
    from summarizer.content.select import select

    news = Sentence(0, 0, text, 0, len(text))
    news.embedding = np.array([1.0, 0.0])
    chosen, _ = select([Cluster([news], 1)], np.array([0.8, 0.6]), max_words, [[news]], [0], [None], ENGLISH)
    return [s.text for _, s in chosen]


def test_a_sentence_too_long_for_the_budget_whole_is_chosen_shortened():
    text = ("The harbour authority closed the northern pier at Tallow Point on Monday, prompting long queues at the "
            "southern terminal for the rest of the afternoon.")
    assert chosen_alone(text, 15) == ["The harbour authority closed the northern pier at Tallow Point on Monday."]
    assert chosen_alone(text, 30) == [text]  # with the words for it, the sentence is taken whole


def test_a_sentence_is_not_shortened_to_nothing_said():
    """Taking out the closing participle would leave "The coast guard released a statement early Sunday.":
    that a statement was made, not what it says. No such shortened form is offered."""
    text = ("The coast guard released a statement early Sunday, saying the ferry's captain had been questioned "
            "through the night.")
    assert shorter(text) == "The coast guard released a statement early Sunday."  # what compression alone does
    assert chosen_alone(text, 10) == []
    assert chosen_alone(text, 25) == [text]
