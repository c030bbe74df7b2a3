"""The parser (spaCy's en_core_web_sm, from its PyPI package) and what the selection does with it."""
import numpy as np
import pytest

from summarizer.lang.en import ENGLISH
from summarizer.types import Cluster, Sentence

# pieces page text leaves that end in a full stop: a credits line, a caption, half of a split thought
PIECES = [
    "Starring Ada Brenner, Jonas Teller and Ilse Marn as the ferry's last crew.",
    "Captain Arvo Lind and his daughter on the quay at Port Velmar in happier times.",
    "A rusting hull and the relentless pressure from the ferry line's cheaper rivals.",
    "Waiting for someone at the harbour authority to notice it.",
    "A fellow captain of the Drenna crossing, of course.",
]
# sentences, including those a word list takes for pieces (no "-ed" verb, a verb that looks like a noun)
SENTENCES = [
    "The women retell the story of the rescue on every visit.",
    "From Port Velmar I hear the same.",
    "Two crew members died and a third was injured.",
    "Divers reached the wreck of the Marisol Star on Sunday.",
    "Brevik Lines denied that the ferry was overloaded.",
    "Hurdles to a settlement with the families remain.",
]


def test_pieces_hold_no_clause_and_sentences_do(models):
    assert models.parser.clauses(PIECES) == [False] * len(PIECES)
    assert models.parser.clauses(SENTENCES) == [True] * len(SENTENCES)


@pytest.mark.parametrize("text", [
    "A rusting hull and the relentless pressure from the ferry line's rivals.",
    # the asides in brackets make no sentence of it (parsed whole, "detailed" reads as a finite verb)
    "Capt. Arvo Lind (a Coast Guard officer) and Ilse Marn (a Harbour Authority official detailed to the "
    "minister's office).",
])
def test_a_chosen_piece_is_replaced_by_the_next_best_sentence(models, text):
    """The piece is closer to the event and would be chosen; parsed, it is not, and the brief is chosen
    again from the rest."""
    from summarizer.content.select import select

    piece = Sentence(0, 0, text, 0, len(text))
    news = Sentence(1, 0, "Brevik Lines said the ferry had lost engine power in heavy seas.", 0, 64)
    piece.embedding, news.embedding = np.array([0.9, 0.436]), np.array([0.6, 0.8])
    event = np.array([1.0, 0.0])

    def chosen(clauses=None):
        selection = select([Cluster([piece], 1), Cluster([news], 1)], event, 20, [[piece], [news]], [0, 1],
                           [None, None], ENGLISH, clauses=clauses)
        return [s.text for _, s in selection.chosen]

    assert chosen() == [piece.text]  # one fits the budget, and without a parse it is the piece
    assert chosen(models.parser.clauses) == [news.text]
