import pytest

from summarizer.wording.evidence import (date_numbers, dropped_qualifiers, missing_names, missing_numbers, names, numbers,
    unquoted)
from summarizer.reading.segment import split_sentences
from summarizer.wording.neutral import loaded_terms, one_party_claim
from summarizer.wording.verify import check_support


def test_sentences_carry_exact_offsets_and_paragraphs_never_merge():
    text = "Dr. Vale met the U.N. envoy on Monday. They spoke for an hour.\n\nA heading\n\nThe talks end Friday."
    sentences = split_sentences(text, document=3)
    assert [s.text for s in sentences] == [
        "Dr. Vale met the U.N. envoy on Monday.", "They spoke for an hour.", "A heading", "The talks end Friday."]
    assert all(text[s.start:s.end] == s.text and s.document == 3 for s in sentences)
    assert [s.index for s in sentences] == [0, 1, 2, 3]


@pytest.mark.parametrize("text, expected", [
    # a whole sentence in brackets is read without them; an aside inside one stays
    ("The ferry sank. (The Drenna crossing is the busiest in Vessia.) Divers (two teams) went down.",
     ["The ferry sank.", "The Drenna crossing is the busiest in Vessia.", "Divers (two teams) went down."]),
    # a bullet a page ran into the paragraph
    ("The ferry sank. ■ 212 passengers were rescued. ■ Divers went down.",
     ["The ferry sank.", "212 passengers were rescued.", "Divers went down."]),
    # an agency's credit opening a sentence inside the paragraph, after a caption
    ("Divers at the wreck on Sunday. (HNN) The coast guard said all 212 passengers were safe. (It was windy.)",
     ["Divers at the wreck on Sunday.", "The coast guard said all 212 passengers were safe.", "It was windy."]),
])
def test_what_wraps_or_opens_a_sentence_is_no_part_of_it(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_the_middle_of_a_quotation_over_several_sentences_is_marked_and_no_brief_material():
    from summarizer.content.select import reads_whole
    from summarizer.lang.en import ENGLISH

    text = ('The captain posted on landing: “Two days ago I was told the Marisol Star might never sail again. '
            'Just WALKED off her deck in Port Velmar. Thank you all.” Her crew cheered.\n\n'
            'He said "We lost power. We drifted. Then the tugs came," on Monday. The 12" pipe burst. It rained.\n\n'
            # the text given ends inside a quotation, or it runs on into the next paragraph
            'The mayor spoke at noon. "Our harbour will reopen. The crews are ready. Nobody is leaving')
    sentences = split_sentences(text)
    inside = {s.text: s.inside_quotation for s in sentences}
    assert inside["Just WALKED off her deck in Port Velmar."] and inside["Thank you all.”"]
    assert not inside["Her crew cheered."]
    assert not reads_whole(next(s for s in sentences if s.text.startswith("Just WALKED")), ENGLISH)
    # a paragraph whose straight marks do not pair up (an inch mark) opens no quotation by them
    assert not any(s.inside_quotation for s in sentences if s.text in ("The 12\" pipe burst.", "It rained."))
    assert inside["The crews are ready."] and inside["Nobody is leaving"] and not inside["The mayor spoke at noon."]


def test_a_quotation_in_single_marks_over_several_sentences_is_marked_but_an_apostrophe_opens_none():
    text = ("'The crossing was rough that night. I held the rail the whole way,' one passenger said. "
            "'We will sail again,' the captain said.\n\n"
            "Then he adds: ‘Ask the crew’s families. They know what the sea takes.’ The inquiry opens on Monday.\n\n"
            "The so-called 'Drenna Four' met on Monday. Her parents’ house in Velmar was sold.\n\n"
            "\"I asked him, 'Why sail tonight?'\" the mate said. The Velmar Courier's \"Harbour Watch\" aired it.")
    inside = {s.text: s.inside_quotation for s in split_sentences(text)}
    assert inside["'The crossing was rough that night."] and inside["I held the rail the whole way,' one passenger said."]
    assert inside["Then he adds: ‘Ask the crew’s families."] and inside["They know what the sea takes.’"]
    # a quotation that opens and closes in its sentence, a name in single marks, an apostrophe: nothing open
    assert not any(inside[t] for t in ("'We will sail again,' the captain said.", "The inquiry opens on Monday.",
                                       "The so-called 'Drenna Four' met on Monday.",
                                       "Her parents’ house in Velmar was sold.",
                                       # single marks inside double ones: a quotation within a quotation
                                       "The Velmar Courier's \"Harbour Watch\" aired it."))


def test_numbers_are_canonical_across_spellings():
    assert numbers("Twenty-three injured, 1,000 dead, two crew") == {"23", "1000", "2"}
    assert missing_numbers("at least 11 people died", ["nine people were confirmed dead"]) == {"11"}
    assert missing_numbers("two crew members died", ["2 crew members were killed"]) == set()


def test_the_day_and_year_of_a_date_are_told_apart_from_counts():
    assert date_numbers("The ferry sank on March 4, 2025 and Nov. 9.") == {"4", "2025", "9"}
    assert date_numbers("Four people died on March 4.") == set()  # 4 is also a count
    assert date_numbers("May 5 people") == {"5"} and date_numbers("Mayor 5 and Septembers 4") == set()


def test_a_citation_may_take_its_counts_and_its_day_from_the_sentences_around_it():
    claim = "The ferry line apologized for the sinking on March 4 that left two crew members dead and one injured."
    source = "The ferry line apologized for the sinking on Monday."
    around = ["Two crew members died when the Marisol Star sank.", "A third crew member was injured."]
    support = check_support(claim, source, 0.8, None, wording=False, nearby=around)
    assert support.supports and support.numbers_nearby == ["1", "2", "4"]
    assert check_support(claim, source, 0.8, None, wording=False).reason == "does not state 1, 2, 4"
    # another toll around it; another day in the article; a figure that is no count must be in the sentence
    other = check_support(claim, source, 0.8, None, wording=False, nearby=["Nine crew members died."])
    assert other.reason == "does not state 1, 2"
    dated = check_support(claim, source, 0.8, None, wording=False, nearby=around + ["It sank on March 3."])
    assert dated.reason == "does not state 4"
    fare = check_support("The line charged 40 euros a ticket.", "The line charged for tickets.", 0.8, None,
                         wording=False, nearby=["Tickets cost 40 euros."])
    assert fare.reason == "does not state 40"
    # a sentence that gives another amount of the same count is not made right by the sentences around it
    wounded = check_support("Six men died and five were injured.", "Six men died and 19 were injured.", 0.8,
                            None, wording=False, nearby=["Five were injured."])
    assert wounded.reason == "does not state 5"
    # a sentence further in meaning may be another fact, beside the one whose figures are around it
    farther = check_support(claim, source, 0.65, None, wording=False, nearby=around)
    assert farther.reason == "leaves 1, 2, 4 to the sentences around it, at similarity 0.65 below 0.7"


def test_names_and_quotes_must_be_in_the_sources():
    assert missing_names("Minister Ilse Dravanek spoke in Port Velmar", ["Dravanek told reporters in Velmar"]) == set()
    assert missing_names("Karin Voss spoke", ["Dravanek spoke"]) == {"Karin Voss"}
    # a name and its initials, either way round, and the language's other names for one body
    assert missing_names("The United States said", ["The U.S. said"]) == set()
    assert missing_names("The Velmar Ferry Authority's rules", ["The VFA said"]) == set()
    assert missing_names("The VFA's rules", ["The Velmar Ferry Authority said"]) == set()
    assert missing_names("The United Nations said", ["The U.S. said"]) == {"United Nations"}
    assert missing_names("GOP senators said", ["Republican senators said"]) == set()
    assert missing_names("Dems unveiled a rules package", ["House Democrats unveiled the rules"]) == set()
    # a hyphenated name is found through any of its parts, as a name of several words is
    assert missing_names("The Velmar-Drenna ferry route closed", ["The route to Drenna closed"]) == set()
    assert missing_names("The Velmar-Drenna ferry route closed", ["The route to Osk closed"]) == {"Velmar-Drenna"}
    # a name written with or without its hyphen; a people's name and its place's, by ending or by the language's list
    assert missing_names("V5 ministers met", ["Ministers of the Velmar Five (V-5) met"]) == set()
    assert missing_names("Velmaran divers searched", ["Divers from Velmaro searched"]) == set()
    assert missing_names("French divers searched", ["Divers from France searched"]) == set()
    assert missing_names("Paula spoke", ["Paul spoke"]) == {"Paula"}
    assert missing_names("Hunter spoke", ["The hunting season opened"]) == {"Hunter"}
    # a body's initials over "and" and "for" in its name, or its first letters
    assert missing_names("The VFSA said", ["The Velmar Ferry and Shipping Authority said"]) == set()
    assert missing_names("The VCC said", ["The Velmar Centre for Coastal Crossings said"]) == set()
    assert missing_names("The VSA said", ["The Velmar Ferry and Shipping Authority said"]) == {"VSA"}
    # an acronym the claim spells out itself is no further name; a month is found in its abbreviation
    assert missing_names("The Velmar Ferry Authority (VFA) chief resigned", ["The Velmar Ferry Authority chief quit"]) == set()
    assert missing_names("The VFA chief resigned", ["The harbour chief quit"]) == {"VFA"}
    assert missing_names("The pier reopens on January 6", ["The pier reopens Jan. 6"]) == set()
    assert missing_names("The pier reopens on January 6", ["The pier reopens June 6"]) == {"January"}
    assert unquoted('He said it was "a disaster waiting to happen".', ['"It was a disaster waiting to happen," Reyk said.']) == []
    assert unquoted('He said it was "an avoidable tragedy".', ["It was a tragedy, he said."]) == ["an avoidable tragedy"]
    # the comma or stop a quotation closes on is the sentence's, not the speaker's words
    assert unquoted('Salvage is "weeks away."', ['Salvage is "weeks away," the company said.']) == []
    assert unquoted('Salvage is "weeks away, perhaps."', ['Salvage is "weeks away," the company said.']) == \
        ["weeks away, perhaps."]


def test_claims_filed_are_no_loaded_verb():
    assert loaded_terms("Jobless claims in Oskaria rose to 40,000 last week.") == []
    assert loaded_terms("Insurance claims after the storm doubled.") == []
    assert loaded_terms("Brevik Lines claims the ferry was not overloaded.") == ["claims"]
    # the noun is no verb of doubt: after a determiner or a possessive, or followed by what is claimed
    assert loaded_terms("The union repeated its claim that the ferry was overloaded.") == []
    assert loaded_terms("Brevik Lines' lawyers rejected claims of negligence.") == []
    assert loaded_terms("Insurers expect 900 new claims this week.") == []
    assert loaded_terms("Union leaders claim that the ferry was overloaded.") == ["claim"]
    # nor where it is the subject of the count it gives
    assert loaded_terms("Economists had expected claims to fall to 38,000.") == []
    assert loaded_terms("Weekly claims are still above last year's average.") == []
    assert loaded_terms("Brevik Lines claims to have inspected the ferry.") == ["claims"]
    # a group that claims an attack says it did it: no doubt cast
    assert loaded_terms("The Red Tide group claimed responsibility for the blast.") == []
    # a hospital's "admitting privileges" are no admission
    assert loaded_terms("The law requires doctors to hold admitting privileges at a hospital in Drenna.") == []
    assert loaded_terms("Brevik Lines ended up admitting the fault.") == ["admitting"]


def test_deliberate_the_verb_claims_no_intent():
    assert one_party_claim("The bill goes to the senate while ministers deliberate Varga's budget.") is None
    assert one_party_claim("Jurors will deliberate on Monday.") is None
    assert one_party_claim("It was a deliberate attack on the pier.") == "intent"


def test_a_label_someone_gives_is_theirs():
    assert loaded_terms("Minister Ada Kell described the blast as a terrorist attack.") == []
    assert loaded_terms("The blast, in what officials are calling a terrorist attack, killed four.") == []
    assert one_party_claim("The blast, in what officials are calling a terrorist attack, killed four.") is None
    assert loaded_terms("The terrorist attack killed four.") == ["terrorist"]
    # "called for" asks for an act; a naming verb does not reach past "and"
    assert loaded_terms("The union called for a massacre inquiry.") == ["massacre"]
    assert loaded_terms("He was called a liar and admitted it.") == ["admitted"]
    assert loaded_terms("Sending the crew back to sea so soon is barbaric.") == ["barbaric"]
    assert loaded_terms('"It is barbaric," the union said of the crew\'s hours.') == []
    assert loaded_terms("The ministry was caught in a lie about the ferry's licence.") == ["caught in a lie"]


def test_a_dropped_qualifier_is_found_through_an_irregular_verb_but_a_noun_is_no_qualifier_of_what_follows():
    source = "Rebels tried to take the airport on Friday."
    assert dropped_qualifiers("Rebels took the airport on Friday.", source) == ["tried"]
    assert dropped_qualifiers("Rebels tried to take the airport.", source) == []
    assert dropped_qualifiers("Hundreds marched against a planned new mine.",
                              "Hundreds marched against plans for a new mine.") == []


def test_a_party_tag_is_found_where_the_source_names_the_party():
    claim = "Rep. Ada Brenner (D-Ves.) asked the coast guard for the ferry's inspection records."
    assert missing_names(claim, ["Brenner, a Democrat, asked for the ferry's inspection records."]) == set()
    assert missing_names(claim, ["Brenner asked for the ferry's inspection records."]) == {"D-Ves"}


def test_a_hedge_covers_the_words_after_it_in_its_clause_and_a_speaker_covers_the_sentence():
    def reason(claim, source):
        return check_support(claim, source, 0.8, None).reason

    # the hedge is over the cause, which the claim does not state: no hedge is dropped
    source = ("The harbour authority opened an inquiry into the sinking of the Velmar ferry, after reports that "
              "the crew may have ignored a storm warning.")
    assert reason("The harbour authority opened an inquiry into the ferry's sinking.", source) is None
    # stating what the hedge is over drops it
    assert reason("The crew ignored a storm warning before the Velmar ferry sank.", source) \
        == "drops the source's hedge (may have)"
    assert reason("The skipper fled the port.", "The skipper, who is thought to have falsified the logs, fled the port.") \
        is None
    # a party's claim is the same: what it claims, not the rest of the sentence
    assert reason("The skipper fled the port.", "The skipper, who allegedly falsified the logs, fled the port.") is None
    assert reason("The skipper falsified the logs.", "The union accused the skipper of falsifying the logs.") \
        == "states as fact what the source gives as a party's claim"
    assert reason("The skipper falsified the logs.", "The skipper allegedly falsified the logs, police said.") \
        == "drops the source's hedge (allegedly)"
    # who says it covers the whole sentence, wherever it stands
    assert reason("Forty passengers were rescued.", "Forty passengers were rescued, according to the coast guard.") \
        == "drops the source's hedge (according to)"


def test_on_its_way_is_not_arrived():
    source = "The first group of evacuees from Teral is on its way to Norvik, where they will be housed in camps."
    assert check_support("The first evacuees from Teral arrived in Norvik.", source, 0.8, None).reason \
        == "tells as done what the source says is to happen"
    assert check_support("The first evacuees from Teral are on their way to Norvik.", source, 0.8, None).reason is None


def test_a_function_word_opening_a_sentence_names_no_one():
    source = "A majority of voters believe the government is doing too little to bring down rents."
    assert missing_names("Most voters say the government is not doing enough on rents.", [source]) == set()
    assert missing_names("Some voters blame Premier Lind for the rents.", [source]) == {"Premier Lind"}
    assert "New York" in names("Most shops in New York stayed shut.")


def test_initials_that_the_next_words_continue_end_no_sentence():
    text = ("Former Oskarian premier and U.N. Ambassador Ilse Dravanek said the crossing was safe. "
            "Protesters shouted anti-U.N. slogans outside the port. The ferry later sailed for the U.S. "
            "The talks begin on Monday.")
    assert [s.text for s in split_sentences(text)] == [
        "Former Oskarian premier and U.N. Ambassador Ilse Dravanek said the crossing was safe.",
        "Protesters shouted anti-U.N. slogans outside the port.",
        "The ferry later sailed for the U.S.",
        "The talks begin on Monday."]


def test_a_title_before_its_name_ends_no_sentence():
    text = ("The premier named former Oskarian Amb. Ilse Dravanek to replace Lt. Gen. Arvo Lind at the port. "
            "The crew was not told.")
    assert [s.text for s in split_sentences(text)] == [
        "The premier named former Oskarian Amb. Ilse Dravanek to replace Lt. Gen. Arvo Lind at the port.",
        "The crew was not told."]
