"""Reference systems that newsbrief is compared with.

LexRank comes from sumy. sumy's own tokenizer needs NLTK data that cannot be downloaded
here, so its parser is handed our sentence splitter instead (sumy only needs an object
with `to_sentences` and `to_words`).
"""
from __future__ import annotations

import re

from summarizer.segment import split_sentences

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


class NewsbriefTokenizer:
    """sumy's tokenizer interface over our own segmenter."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.text for s in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def lexrank(texts: list[str], max_words: int) -> list[str]:
    """LexRank over the concatenated texts: the largest top-k, in text order, that fits `max_words`."""
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    document = PlaintextParser.from_string("\n\n".join(texts), NewsbriefTokenizer()).document
    summarizer = LexRankSummarizer()
    summarizer.stop_words = get_stop_words("english")
    total = len(document.sentences)

    def top(k: int) -> list[str]:
        return [str(s) for s in summarizer(document, k)]

    low, high = 1, total  # the top-k's length grows with k: find the largest k inside the budget
    best = top(1) if total else []
    while low <= high:
        middle = (low + high) // 2
        picked = top(middle)
        if sum(len(s.split()) for s in picked) <= max_words:
            best, low = picked, middle + 1
        else:
            high = middle - 1
    return best


def lead(texts: list[str], max_words: int) -> list[str]:
    """The first sentences of the first document, up to `max_words` (at least one sentence)."""
    picked: list[str] = []
    for sentence in split_sentences(texts[0]) if texts else []:
        if picked and sum(len(s.split()) for s in picked) + sentence.words > max_words:
            break
        picked.append(sentence.text)
    return picked
