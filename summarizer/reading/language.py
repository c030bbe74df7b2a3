"""Which language a document is in, as far as the brief needs to know: it is English-only.

The models (MiniLM, the word lists, the prompts) are English. A document mostly written in another
script would be dropped line by line as boilerplate and end in a puzzling "no article text", so it
is refused up front, naming the script and the languages that use it. A document in another language
that shares the script (a Dutch article beside English ones) is left out, with a warning; a sentence
in one (a paper's abstract quoted in Indonesian) is only no brief material.
"""
from __future__ import annotations

import re
import unicodedata

from summarizer.lang import Language

# Unicode script (the first word of a letter's name) -> how a reader knows it
SCRIPTS = {
    "CYRILLIC": "Cyrillic script (Russian, Ukrainian, …)", "ARABIC": "Arabic script (Arabic, Persian, Urdu, …)",
    "CJK": "Chinese characters (Chinese, Japanese)", "HIRAGANA": "Japanese", "KATAKANA": "Japanese",
    "HANGUL": "Korean", "HEBREW": "Hebrew", "GREEK": "Greek", "DEVANAGARI": "Devanagari (Hindi, …)",
    "THAI": "Thai", "ARMENIAN": "Armenian", "GEORGIAN": "Georgian", "BENGALI": "Bengali", "TAMIL": "Tamil",
}
FOREIGN_SHARE = 0.5  # share of a document's letters in other scripts at which it is not English
SAMPLE = 20_000  # characters looked at: enough to tell, cheap on a large document
# Lower-case words a sentence has before it must use one of the language's function words: headlines do
# without them, but in fewer words or capitalised ones
UNMARKED_WORDS = 10
# Share of a document's lower-case words that are the language's function words, below which it is
# written in another language: 0.48 at the median of the 1,470 NeuS and Multi-News documents, 0.20 at
# the lowest English one (a paper's abstract), 0.04 in the one Dutch article among them
OTHER_LANGUAGE_SHARE = 0.1
TELLING_WORDS = 20  # fewer lower-case words than this tell nothing (a caption, a list of names)


def foreign_script(text: str) -> str | None:
    """The non-Latin script most of the text's letters are in, described for a reader, or None."""
    counts: dict[str, int] = {}
    letters = 0
    for character in text[:SAMPLE]:
        if not character.isalpha():
            continue
        letters += 1
        if character.isascii():
            continue
        script = unicodedata.name(character, "UNKNOWN").split()[0]
        if script != "LATIN":
            counts[script] = counts.get(script, 0) + 1
    if not letters or not counts:
        return None
    script, count = max(counts.items(), key=lambda kv: kv[1])
    if count / letters < FOREIGN_SHARE:
        return None
    return SCRIPTS.get(script, f"{script.title()} script")


def in_language(sentence: str, language: Language) -> bool:
    """Is the sentence in `language`, as far as its function words tell? One with UNMARKED_WORDS words
    or more in lower case and none of them a function word is not: "Kami mendokumentasikan genus dan
    spesies baru ..." (13 of the 22,148 sentences of the NeuS and Multi-News sets, none of them English);
    nor is one with two function words of other languages: "In 2002 pleegde beroepscrimineel Octave
    Durham een geruchtmakende schilderijenroof in het Van Gogh Museum." (four in those sets)."""
    words = _lower_case_words(sentence)
    if sum(word in language.foreign_words for word in words) >= 2:
        return False
    return len(words) < UNMARKED_WORDS or any(word in language.stop_words for word in words)


def other_language(text: str, language: Language) -> bool:
    """Is the text, written in the language's script, in another language? Its function words tell:
    "In 2002 pleegde beroepscrimineel Octave Durham een geruchtmakende schilderijenroof ..." has
    hardly any English ones."""
    words = _lower_case_words(text[:SAMPLE])
    return len(words) >= TELLING_WORDS and \
        sum(word in language.stop_words for word in words) < OTHER_LANGUAGE_SHARE * len(words)


def _lower_case_words(text: str) -> list[str]:
    """The text's words written in lower case (a name or a sentence's first word tells no language)."""
    return [word for word in re.findall(r"[^\W\d_]+", text) if word.islower()]
