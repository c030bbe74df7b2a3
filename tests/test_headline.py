"""The brief's headline: the outlets' headline that most sources' sentences support, never one in an
outlet's voice, within the budget. Invented reports of a bridge closure, the real MiniLM."""
from summarizer.pipeline import Options, summarize
from summarizer.types import TITLE, Document

BODY = [
    "Engineers closed the Lindholm river bridge on Tuesday after finding cracks in two of its supports, "
    "the city council said. Traffic was diverted over the old ferry road. The council said repairs could take "
    "six weeks.",
    "The Lindholm river bridge was closed on Tuesday when engineers found cracks in two supports, according to "
    "the city council. Buses will use the ferry road until the bridge reopens. Shop owners said the closure "
    "would hurt trade.",
    "Cracks in two supports forced engineers to close the Lindholm river bridge on Tuesday, the city council "
    "announced. The bridge carries 20,000 vehicles a day. A council spokesman said no one was hurt.",
]


def _documents(titles):
    return [Document(text=text, title=title, origin=f"doc{i}") for i, (text, title) in enumerate(zip(BODY, titles))]


def test_the_headline_most_sources_support_opens_the_brief_and_counts_in_the_budget(models):
    titles = [
        "Council slams engineers as Lindholm bridge shuts",  # a loaded verb: the outlet's voice
        "Lindholm river bridge closed after engineers find cracks in supports",
        "Bridge closure: 'six weeks' of detours for Lindholm drivers",  # a label and a quotation
    ]
    brief = summarize(_documents(titles), Options(max_words=60), models)
    top = brief.sentences[0]
    assert top.evidence.mode == "headline" and top.text == titles[1] + "."
    # cited to the sentences that state it, in every document (each tells the closure and the cracks), and
    # to its own outlet's headline, which states it whole where the article's sentence gives it as the
    # council's word ("according to the city council"), in part
    assert {c.document for c in top.citations} == {0, 1, 2}
    assert all(c.sentence >= 0 and c.text in BODY[c.document] for c in top.citations if c.document != 1)
    assert [(c.sentence, c.in_part) for c in top.citations if c.document == 1] == [(TITLE, False)]
    assert sum(len(s.text.split()) for s in brief.sentences) <= 60
    assert all(s.evidence.mode != "headline" for s in brief.sentences[1:])


def test_no_headline_without_a_usable_title(models):
    loaded = ["Council slams engineers as Lindholm bridge shuts"] * 3
    untitled = summarize(_documents([None] * 3), Options(max_words=60), models)
    in_outlets_voice = summarize(_documents(loaded), Options(max_words=60), models)
    # a headline longer than a quarter of the budget would leave too little for the news
    long = ["Lindholm river bridge closed after engineers find cracks in supports"] * 3
    too_long = summarize(_documents(long), Options(max_words=36), models)
    for brief in (untitled, in_outlets_voice, too_long):
        assert brief.sentences and all(s.evidence.mode != "headline" for s in brief.sentences)


def test_a_headline_no_article_sentence_supports_is_not_used(models):
    # "six dead" is in no article: the extractive checks find no sentence stating it
    titles = ["Six dead as Lindholm river bridge collapses in storm"] * 3
    brief = summarize(_documents(titles), Options(max_words=60), models)
    assert all(s.evidence.mode != "headline" for s in brief.sentences)


def test_a_headline_only_a_minority_of_the_sources_support_is_not_used(models):
    # only the first outlet names the mayor, in its headline and its article: the other two do not
    # state the headline's news
    texts = [BODY[0].replace("the city council said", "Mayor Ada Brenner said"), BODY[1], BODY[2]]
    titles = ["Mayor Ada Brenner shuts Lindholm river bridge after engineers find cracks", None, None]
    documents = [Document(text=t, title=h, origin=f"doc{i}") for i, (t, h) in enumerate(zip(texts, titles))]
    brief = summarize(documents, Options(max_words=60), models)
    assert all(s.evidence.mode != "headline" for s in brief.sentences)


def test_a_title_case_headline_is_set_in_sentence_case_keeping_its_names():
    from summarizer.content.headline import _sentence_case, as_checked, written_words
    from summarizer.lang.en import ENGLISH

    told = written_words(["Engineers in Lindholm's old town closed the bridge to Brevik, the U.S. embassy "
                          "said, and Lindholmers queued at the ferry."], ENGLISH)
    assert (_sentence_case("Lindholm's River Bridge Closed As U.S. Embassy Warns Of Lindholm-Brevik Cracks", told, ENGLISH)
            == "Lindholm's river bridge closed as U.S. embassy warns of Lindholm-Brevik cracks")
    # a name the articles only write inside a hyphenated one ("Tallow-Drenna strait") is still a name
    strait = written_words(["Divers searched the Tallow-Drenna strait, the coast guard said."], ENGLISH)
    assert _sentence_case("Ferry Sinks Amid Drenna Storm", strait, ENGLISH) == "Ferry sinks amid Drenna storm"
    # a word of a name's stem written with a capital keeps its own ("Lindholmers"); a single letter does not
    assert _sentence_case("Lindholmers Queue At A Ferry", told, ENGLISH) == "Lindholmers queue at a ferry"
    # a word opening a second sentence of the headline keeps its capital, and so does a title; "U.S." ends none
    assert (_sentence_case("Lindholm's Bridge Closed. The Town Saw How Much It Needs Gen. Brevik", told, ENGLISH)
            == "Lindholm's bridge closed. The town saw how much it needs Gen. Brevik")
    # a name the articles only write opening a sentence, before another name, is a name; a word before "said" is not
    opening = written_words(["Ilse Dravanek has closed the bridge.", "Engineers said the bridge was unsafe."], ENGLISH)
    assert (_sentence_case("Engineers Ask Why Ilse Dravanek Closed The Bridge", opening, ENGLISH)
            == "Engineers ask why Ilse Dravanek closed the bridge")
    # a headline the outlet already wrote in sentence case keeps its capitals, unknown names and all
    assert (_sentence_case("Mayor Brenner closes the bridge to Brevik traffic", told, ENGLISH)
            == "Mayor Brenner closes the bridge to Brevik traffic")
    # its citations are checked with the first capital the headline's own, unless the articles write a name
    assert as_checked("Engineers close Lindholm bridge.", told, ENGLISH) == "engineers close Lindholm bridge."
    assert as_checked("Lindholm closes its bridge.", told, ENGLISH) == "Lindholm closes its bridge."


def test_the_outlet_that_wrote_the_headline_is_cited_for_it(models):
    # the second outlet's article tells the closure in words too far from its own headline for the
    # similarity gate, but its headline states it: the headline cites that outlet's title, and the
    # other outlets' sentences that state it
    texts = [BODY[0], "Drivers faced long detours in Lindholm as the crossing stayed shut. Buses used the ferry road "
             "until repairs are done. Shop owners said the closure would hurt trade.", BODY[2]]
    titles = [None, "Lindholm river bridge closed after engineers find cracks in supports", None]
    documents = [Document(text=t, title=h, origin=f"doc{i}") for i, (t, h) in enumerate(zip(texts, titles))]
    top = summarize(documents, Options(max_words=60), models).sentences[0]
    assert top.evidence.mode == "headline"
    assert [(c.document, c.sentence) for c in top.citations if c.document == 1] == [(1, TITLE)]
    assert {c.document for c in top.citations} == {0, 1, 2} and top.citations[1].text == titles[1]


def test_a_question_or_an_explainer_is_no_headline(models):
    told = ["What the Lindholm bridge closure means for drivers", "Read the council's statement on the Lindholm bridge",
            "Is Lindholm's river bridge safe"]
    brief = summarize(_documents(told), Options(max_words=60), models)
    assert all(s.evidence.mode != "headline" for s in brief.sentences)


def test_the_first_words_capital_is_the_headlines_not_a_name(models):
    # no article writes "officials": its capital is only the headline's, so it is no name they lack
    title = "Officials close Lindholm river bridge after engineers find cracks in supports"
    top = summarize(_documents([None, None, title]), Options(max_words=60), models).sentences[0]
    assert top.evidence.mode == "headline" and top.text == title + "."
    assert {c.document for c in top.citations} == {0, 1, 2}

