"""What the pipeline knows about a language, in one object: its word lists, its patterns and its prompts.

Every stage that reads words asks a `Language` (spaCy's `Language.Defaults` in miniature), so a
second language is one new module beside `en.py` and one line in `LANGUAGES`. Code that asks
nothing of a language (clustering, the ILP, rendering) does not take one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from models import registered
from models.judge import JudgePrompt


@dataclass(frozen=True)
class Prompts:
    """What the LLM is told, with the worked examples that calibrate a small model."""
    fusion: str
    fusion_examples: tuple  # (main sentence, other reports, rewrite)
    fusion_request: str  # format with {main} and {others}
    no_other_reports: str
    reply_label: re.Pattern  # a label the model puts before its sentence ("Sentence: ...")
    judge: JudgePrompt  # the support question the LLM judge asks (models/judge.py)


@dataclass(frozen=True, eq=False)  # one object per language: compared and hashed by identity
class Language:
    code: str
    name: str
    # words
    stop_words: frozenset  # function words: no content of their own
    # function words of other languages in the same script: two in a sentence mark it as another language's
    foreign_words: frozenset
    number_words: dict  # "two" -> 2
    number: re.Pattern  # a number in digits or words ("11", "1,000", "twenty-three")
    not_names: frozenset  # capitalised words that are not names: sentence openers, weekdays, titles
    titles: tuple  # "Mr", "Dr": "Mr. Biden" names Biden, and its full stop ends no sentence ("... led by Gov.")
    qualifiers: frozenset  # words whose loss changes what the words after them say ("not", "sought")
    linking: frozenset  # words between a qualifier and what it qualifies ("sought to raise")
    keepers: frozenset  # words a shortened sentence must keep: qualifiers, hedges, speech, scale
    phrase_openers: frozenset  # a phrase taken out whole opens with one of these
    # a phrase set off by a comma that the sentence can lose opens with one of these: at its end
    # (", prompting calls for ...", ", a measure that ..."), or inside it (", who was elected in 2016,")
    closing_phrase_openers: frozenset
    inner_phrase_openers: frozenset
    appositive_openers: frozenset  # a phrase naming again the noun before it: ", a measure that ..."
    relative_words: frozenset  # a relative clause about the noun before it: ", who was elected in 2016"
    auxiliaries: frozenset  # a finite verb that makes a phrase a clause: "the easiest way is to fly"
    glue: frozenset  # words a shortened sentence may add to stay grammatical
    loaded_terms: tuple  # words the brief must not use in its own voice
    loaded: re.Pattern  # any of them
    # a verb of naming that ends just before a loaded term makes it the namer's word, not the brief's:
    # "the minister described the bombings as a terrorist attack", "what officials are calling a massacre"
    named_by: re.Pattern
    one_party: dict  # kind -> pattern of a claim only a party can make: intent, blame, casualties it inflicted
    undecided: re.Pattern  # words before a claim that leave it open: "whether", "if"
    hedges: tuple
    # hedges that say who says it ("according to the army", "the paper reported"): they cover their whole
    # sentence; any other covers the words after it in its clause ("the outbreak might have started ...")
    sentence_hedges: tuple
    months: tuple
    date: re.Pattern  # a calendar date: "November 9", "Nov. 9, 2020", "9 November"
    implied_numbers: dict  # words that state a number: a source's "both leaders" says two
    own_spokesman: re.Pattern  # a speaker who is the actor's own voice: "its spokesman said", "her office said"
    name_equivalents: dict  # two names of one body, neither the other's initials: "GOP" -> "Republican"
    possessive: re.Pattern  # the ending that makes a word possessive: "Iraq's"
    demonym: re.Pattern  # the ending that makes a people of a place: "Lind" -> "Lindish", "Oskaria" -> "Oskarian"
    # letters a place's name may have past what its people's name keeps: "Mexic-an" is of "Mexic-o",
    # "Belg-ian" of "Belg-ium"
    demonym_rest: int
    claim_speech: re.Pattern  # a speaker that makes a claim, not a report: "accused", "insisted", "called it"
    future: re.Pattern  # what is to happen, not what happened: "will", "is due to"
    agent: str  # the word that names the doer of a passive verb: "was called off by the union"
    # the one a verb was done to, and the verb ("helicopter", "shot" in "the helicopter was shot down")
    passive_voice: re.Pattern
    # who did it, before a verb (in place of {verb}), with no "was" between: "the helicopter had shot"
    active_voice: str
    # patterns: reading
    junk_line: re.Pattern
    junk_prefix: re.Pattern
    section_label: re.Pattern  # a label opening a paragraph or sentence of news, taken off it: "Why it matters: ..."
    promo: re.Pattern
    credit_line: re.Pattern
    byline: re.Pattern
    byline_outlet: re.Pattern
    furniture_outlet: re.Pattern  # page furniture that names its own publication: "With reporting by X's ..."
    original_url: re.Pattern
    caption_credit: re.Pattern
    caption_phrase: re.Pattern
    embed_furniture: re.Pattern  # text of embedded players and posts, at any length: "delete your Tweet location history"
    credit_prefix: re.Pattern  # a photo credit or player button run into the line after it: "Mike Coppola/Getty The twins ..."
    link_label: re.Pattern  # a link's label for screen readers, run into the text: "... amid the trade war Opens a New Window."
    # a page's links to its other stories on a person, run into the text after the name they follow, under
    # the person's full name (group 1, the name as the text gives it, stays): "Senator Holm Ann Marie HolmFerry
    # bill stalls Port budget passes MORE (Osk.) said"
    related_links: re.Pattern
    contact_line: re.Pattern  # how to reach the writer or the desk: "jdoe@paper.com", "can be reached at"
    furniture_sentence: re.Pattern  # a sentence of page furniture inside a paragraph: "Click here to ...", "MUST WATCH"
    party_tag: re.Pattern  # a politician's party and state after the name: "(R-Ky.)"; group "party"
    parties: dict  # the tag's party letter -> the party's name: "R" -> "Republican"
    first_person: re.Pattern  # someone speaking for themselves: "we", "our", "I think" (outside quotation marks)
    addresses_reader: re.Pattern  # the writer speaking to the reader: "you", "your", "Imagine, for a minute, ..."
    says_nothing: re.Pattern  # that a statement was made, and not what it says: "The army released a statement."
    writer_exclaims: re.Pattern  # the writer's own exclamation or guess (outside quotation marks): "... going strong!"
    date_formats: tuple
    # patterns: sentences that cannot stand alone
    needs_context: re.Pattern
    points_back: re.Pattern
    personal_pronoun: re.Pattern  # "he", "she": with no capitalised word beside it, someone told of before
    fragment: re.Pattern
    # words that continue a name after initials, where a splitter took their full stop for a sentence's:
    # "Former governor and U.N. | Ambassador Nikki Haley said ..."
    after_initials: re.Pattern
    not_news_title: re.Pattern  # a headline that asks, explains or teases, not tells: "What the ruling means", "Read ..."
    # patterns: who said it
    attribution: re.Pattern
    leading_speaker: re.Pattern
    trailing_speaker: re.Pattern
    after_quote_speaker: re.Pattern
    speech_words: re.Pattern
    reporting_clause: re.Pattern  # who says it, after the main clause: ", his office said on Monday"
    speech_verb: re.Pattern  # splits "commanders said army units" before the party's own words
    # figures: what a quantity counts
    figure_categories: dict  # category -> pattern of the words after a figure
    figure_lead_ins: dict  # category -> pattern of the word just before it
    figure_topics: dict  # category -> how a reader names it
    subset: re.Pattern
    vague_amounts: dict
    quantity: re.Pattern
    one_more: re.Pattern  # "a third crew member was injured": one more of a count given before
    counted: dict  # kind of people -> the words for them
    not_nouns: frozenset
    more: frozenset  # "40 more vehicles"
    date_before: re.Pattern
    ordinal_after: re.Pattern
    toll_at: re.Pattern
    part_of: re.Pattern
    # disputes
    blame: tuple
    taken: tuple  # patterns of a place said to be taken (or lost): "had captured Osk", "lost control of Osk"
    not_asserted: re.Pattern  # words just before that make it no claim: "whether", "failed to", "not"
    contested: tuple  # patterns of a place said to be still fought for: "the fighting for Osk continues"
    held: re.Pattern  # a place said to be still held: "Osk remained under government control"
    alias: re.Pattern  # "Shusha, known as Shushi in Armenian": two names of one place
    denied: tuple
    # opposite ways to describe one thing: pairs of (label, pattern); "peaceful" against "violent"
    characterisations: tuple
    negated_before: re.Pattern  # a negation in the words just before a description: "was not a failure"
    clause_break: re.Pattern  # where a clause ends: punctuation, a conjunction, a speech verb
    denies: re.Pattern
    pronouns: frozenset
    articles: frozenset
    prompts: Prompts

    def stem(self, word: str) -> str:
        """The one stemmer: lower case, possessive off, cut to six letters ("overloaded" and
        "overload" meet, as do "Armenian" and "Armenia")."""
        return self.without_possessive(word.lower())[:6]

    def without_possessive(self, word: str) -> str:
        """"Iraq's" -> "Iraq"."""
        return self.possessive.sub("", word)

    def content_words(self, text: str) -> list[str]:
        """The text's content words, stemmed, in order: stop words and single letters left out."""
        return [self.stem(w) for w in re.findall(r"[a-z0-9][a-z0-9'’-]*", text.lower())
                if w not in self.stop_words and len(w) > 1]


def language(code: str) -> Language:
    """The language of that code, or a clear error naming the known ones."""
    from summarizer.lang.en import ENGLISH

    return registered({ENGLISH.code: ENGLISH}, code, "language")
