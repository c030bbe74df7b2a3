"""The brief's headline: the outlets' headline that most sources' sentences support, never one in an
outlet's voice, within the budget. Invented reports of a bridge closure, the real MiniLM."""
from summarizer.pipeline import Options, summarize
from summarizer.types import Document

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
    # cited to the sentences that state it, in every document (each tells the closure and the cracks)
    assert {c.document for c in top.citations} == {0, 1, 2}
    assert all(c.sentence >= 0 and c.text in BODY[c.document] for c in top.citations)
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
    # only the first article names the mayor: the other two do not state the headline's news
    texts = [BODY[0].replace("the city council said", "Mayor Ada Brenner said"), BODY[1], BODY[2]]
    titles = ["Mayor Ada Brenner shuts Lindholm river bridge after engineers find cracks"] * 3
    documents = [Document(text=t, title=h, origin=f"doc{i}") for i, (t, h) in enumerate(zip(texts, titles))]
    brief = summarize(documents, Options(max_words=60), models)
    assert all(s.evidence.mode != "headline" for s in brief.sentences)


def test_a_title_case_headline_is_set_in_sentence_case_keeping_its_names():
    from summarizer.content.headline import _sentence_case
    from summarizer.lang.en import ENGLISH
    from summarizer.types import Sentence

    told = [[Sentence(0, 0, "Engineers in Lindholm's old town closed the bridge to Brevik, the U.S. embassy said.", 0, 0)]]
    assert (_sentence_case("Lindholm's River Bridge Closed As U.S. Embassy Warns Of Lindholm-Brevik Cracks", told, ENGLISH)
            == "Lindholm's river bridge closed as U.S. embassy warns of Lindholm-Brevik cracks")
