"""Reference systems that newsbrief is compared with.

LexRank comes from sumy. sumy's own tokenizer needs NLTK data that cannot be downloaded
here, so its parser is handed our sentence splitter instead (sumy only needs an object
with `to_sentences` and `to_words`).
"""
from __future__ import annotations

import re

from summarizer.reading.segment import split_sentences

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


class NewsbriefTokenizer:
    """sumy's tokenizer interface over our own segmenter."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.text for s in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def lexrank(titles: list[str], texts: list[str], max_words: int) -> list[str]:
    """LexRank over every headline and document, filled the way the published LexRank rows are.

    Headlines are candidate sentences, as in the published NeuS outputs (which quote them). Sentences
    are taken best-ranked first, whole, until the budget is reached: the last one may cross it, so
    the baseline uses its budget instead of stopping short. They are given in text order.
    """
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    headlines = [_as_sentence(t) for t in titles if t.strip()]
    document = PlaintextParser.from_string("\n\n".join(headlines + texts), NewsbriefTokenizer()).document
    summarizer = LexRankSummarizer()
    summarizer.stop_words = get_stop_words("english")

    def until_budget(ranked):  # sumy hands the sentences best-rated first; it restores text order after
        picked, words = [], 0
        for info in ranked:
            if words >= max_words:
                break
            picked.append(info)
            words += len(str(info.sentence).split())
        return picked

    return [str(s) for s in summarizer(document, until_budget)]


def _as_sentence(title: str) -> str:
    title = title.strip()
    return title if title[-1:] in ".!?\"”’'" else title + "."


def lead(texts: list[str], max_words: int) -> list[str]:
    """The first sentences of the first document, up to `max_words` (at least one sentence)."""
    picked: list[str] = []
    for sentence in split_sentences(texts[0]) if texts else []:
        if picked and sum(len(s.split()) for s in picked) + sentence.words > max_words:
            break
        picked.append(sentence.text)
    return picked
