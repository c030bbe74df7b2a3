"""Where sources differ, beyond figures: responsibility, control and denials, on invented reports
with the real MiniLM embeddings (closeness in meaning decides whether two sentences are about the
same event)."""
import pytest

from summarizer.comparison.disputes import find_disputes
from summarizer.lang.en import ENGLISH
from summarizer.types import Sentence


def find_disputes_(sentences):
    return find_disputes(sentences, ENGLISH)


@pytest.fixture()
def sentences(embedder):
    def make(*reports):  # (document, text), ...
        vectors = embedder.embed([text for _, text in reports])
        return [Sentence(document=d, index=i, text=t, start=0, end=len(t), embedding=v)
                for i, ((d, t), v) in enumerate(zip(reports, vectors))]
    return make


def test_different_parties_blamed_for_the_same_attack(sentences):
    [dispute] = find_disputes_(sentences(
        (0, "The interior ministry blamed the rebels for the attack on the fuel depot in Varn."),
        (1, "Rebel commanders said army units were responsible for the attack on the fuel depot."),
    ))
    assert dispute.kind == "responsibility" and "attack on the fuel depot" in dispute.topic
    assert {c.value for c in dispute.claims} == {"held responsible: rebels", "held responsible: army units"}
    assert [c.documents for c in dispute.claims] == [[0], [1]]


def test_a_town_taken_by_one_side_and_still_held_by_the_other(sentences):
    [dispute] = find_disputes_(sentences(
        (0, "Rebel fighters said they had captured the town of Osk on Sunday."),
        (1, "Osk remained under government control on Monday, the defence ministry said."),
    ))
    assert dispute.topic == "Control of Osk" and dispute.kind == "control"
    assert [c.value for c in dispute.claims] == ["taken", "still held by government"]


def test_a_denied_claim_against_the_outlet_that_makes_it(sentences):
    [dispute] = find_disputes_(sentences(
        (0, "At least 17 people died when the overloaded ferry capsized, the seafarers' union said."),
        (1, "Brevik Lines said the vessel lost engine power and denied that it was overloaded."),
        (2, "Brevik Lines has denied that the ship was overloaded."),
    ))
    assert dispute.topic == "Whether the ship was overloaded" and dispute.kind == "denial"
    asserted, denied = dispute.claims
    assert asserted.documents == [0] and denied.documents == [1, 2]
    assert denied.value == "denied by Brevik Lines"


def test_agreement_is_not_a_dispute(sentences):
    assert find_disputes_(sentences(
        (0, "The interior ministry blamed the rebels for the attack on the fuel depot."),
        (1, "Police also blamed the rebels for the attack on the fuel depot."),
        (2, "Rebel fighters said they had captured the town of Osk."),
        (3, "Government troops captured the town of Osk after a week of fighting, the army said."),
        (4, "Brevik Lines denied that the ship was overloaded."),
        (5, "The ferry sailed from Port Velmar with 226 people on board."),
    )) == []


def test_the_same_document_never_disputes_itself(sentences):
    assert find_disputes_(sentences(
        (0, "The union said the overloaded ferry capsized in heavy seas."),
        (0, "Brevik Lines denied that the ship was overloaded."),
    )) == []


def test_one_thing_described_in_opposite_ways(sentences):
    # the violent side first in the text, to show the sides come in the pair's order, not the documents'
    [dispute] = find_disputes_(sentences(
        (0, "Police said the rally in Brevik Square turned violent after dark."),
        (1, "Organisers said the rally in Brevik Square was not violent and stayed calm throughout."),
        (2, "The rally in Brevik Square stayed peaceful, a city council member said."),
    ))
    assert dispute.kind == "characterisation" and dispute.topic == "How the rally is described"
    assert [(c.value, c.documents) for c in dispute.claims] == [("peaceful", [1, 2]), ("violent", [0])]
