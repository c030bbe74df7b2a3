"""Drafting: the LLM's rewrite of each chosen sentence, one call per sentence, all given at once
(a backend may write them side by side).

The representative sentence is rewritten down to what the other outlets' wordings share
(extractive, then abstractive): a small model compresses one sentence far more reliably than it
merges several. What the model is told, and its worked examples, are the language's
(`summarizer/lang/`); they cost nothing per brief, since llama.cpp keeps a prompt prefix it has
read (a server slot's cache, or a held block in models/llama_parallel.py) and reads only what
follows it.
"""
from __future__ import annotations

import re

import nupunkt

from models.generator import Generator
from summarizer.lang import Language
from summarizer.types import BriefSentence, Citation
from summarizer.wording.evidence import QUOTATION
from summarizer.wording.neutral import is_attributed, keeps_speaker, own_voice, reporting_clause, speaker_clause

OTHER_REPORT_WORDS = 30  # an other outlet's wording is cut to this many words: enough to see what it shares
MAX_INPUTS = 3  # the representative and the two closest other wordings; more only dilutes a small model
MAX_TOKENS = 70


def draft_sentences(items: list[BriefSentence], generator: Generator, language: Language) -> list[str]:
    """A draft for each sentence. One with nothing to drop often comes back as written, and ships
    unchanged: a second call that asked only for other words cost about a quarter of the time and
    gained no ROUGE on the held-out clusters (docs/measurements.md)."""
    replies = generator.complete_many([fusion_messages(item, language) for item in items],
                                      max_tokens=MAX_TOKENS, stop=["\n"])
    return [_draft(item, reply, language) for item, reply in zip(items, replies)]


def fusion_messages(item: BriefSentence, language: Language) -> list[dict]:
    prompts = language.prompts
    others = [c.text for c in distinct(item.citations) if c.text != item.text][: MAX_INPUTS - 1]
    messages = [{"role": "system", "content": prompts.fusion}]
    for main, other_reports, rewrite in prompts.fusion_examples:
        messages += [{"role": "user", "content": _fusion_request(main, other_reports, language)},
                     {"role": "assistant", "content": rewrite}]
    return messages + [{"role": "user", "content": _fusion_request(item.text, others, language)}]


def _fusion_request(main: str, other_reports, language: Language) -> str:
    lines = "\n".join(f"- {_cut(text, OTHER_REPORT_WORDS)}" for text in other_reports) \
        or f"- {language.prompts.no_other_reports}"
    return language.prompts.fusion_request.format(main=main, others=lines)


def _draft(item: BriefSentence, reply: str, language: Language) -> str:
    # quotation marks put back last: a restored "X said" may bring back the comma a quotation closed on
    return _requoted(_with_speaker(item, _first_sentence(reply, language), language), item.text)


def _with_speaker(item: BriefSentence, draft: str, language: Language) -> str:
    """The draft, with who says it put back where the representative says so and the draft dropped it."""
    if len(draft.split()) < 4 or not draft.endswith("."):
        return draft
    clause = speaker_clause(item.text, language)
    if clause is None:
        # who says it, told after the main clause, dropped by the draft: put back at its end
        later = reporting_clause(item.text, language)
        if later and is_attributed(item.text, language) and not is_attributed(draft, language):
            return f"{draft[:-1]}, {later}."
        return draft
    if keeps_speaker(draft, item.text, language):
        return draft
    # Small models drop "X said"; put back the representative's own words for who said it.
    where, words = clause
    if where == "leading":
        return f"{words} {_mid_sentence(draft, item, language)}"
    return f"{draft[:-1]}, {words}."


def _mid_sentence(draft: str, item: BriefSentence, language: Language) -> str:
    """The draft's first word as it reads after "X said": lower case if the sources write it so, or it is
    a word like "the"; a name keeps its capital ("Russia has ...", not "russia has ...", though the
    sentence rewritten never named Russia)."""
    first = draft.split()[0]
    written_lower = re.compile(r"\b" + re.escape(first.lower()) + r"\b")
    if first.lower() in language.stop_words or any(written_lower.search(c.text) for c in item.citations):
        return draft[0].lower() + draft[1:]
    return draft


def _requoted(draft: str, representative: str) -> str:
    """Small models also drop quotation marks: 'apologized for the "accidental" downing' came back as
    'apologized for the accidental downing', the party's word now the brief's own. A quotation of the
    representative that the draft keeps word for word, unquoted, gets its marks back. Its words are
    matched without the comma or stop it closed on ('is "close to being completed," Whitaker said'),
    which the draft may not keep; the draft's own comma or stop after them goes inside the marks, as
    the sources write it, where the quotation had one there."""
    for match in QUOTATION.finditer(representative):
        words = match.group(1).rstrip(",.;:!? ")
        closing = match.group(1)[len(words):].strip()
        if len(words) < 3:
            continue
        unquoted = re.compile(r"(?<![\w\"“])" + re.escape(words) + r"(?![\w\"”])"
                              + (r"([,.]?)" if closing else "()"))
        if unquoted.search(own_voice(draft)):
            draft = unquoted.sub(lambda found: f"{match.group()[0]}{words}{found.group(1)}{match.group()[-1]}",
                                 draft, count=1)
    return draft


def _first_sentence(reply: str, language: Language) -> str:
    text = reply.strip().splitlines()[0].strip() if reply.strip() else ""
    text = language.prompts.reply_label.sub("", text).strip()
    text = re.sub(r"\b([A-Z])\. (?=[A-Z]\.)", r"\1.", text)  # the model writes "U. S." for "U.S."
    if len(text) > 1 and text[0] in "\"“" and text[-1] in "\"”" and text.count('"') + text.count("“") <= 2:
        text = text[1:-1].strip()
    spans = nupunkt.sent_spans(text)  # not a regex: "Mr." and "U.S." do not end a sentence
    sentence = re.sub(r"\.{2,}$", ".", text[spans[0][0]:spans[0][1]].strip() if spans else text)
    if sentence and sentence[-1] not in ".!?\"”":
        sentence += "."
    return sentence


def _cut(text: str, words: int) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def distinct(citations: list[Citation]) -> list[Citation]:
    """One citation per distinct text: a wire copy adds no new wording to read or judge."""
    seen, unique = set(), []
    for citation in citations:
        if citation.text not in seen:
            seen.add(citation.text)
            unique.append(citation)
    return unique
