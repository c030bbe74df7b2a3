"""Abstractive stage: each chosen cluster's representative sentence rewritten by the LLM, told
what the other outlets' wordings share, then every claim and every citation checked; what fails
falls back to the extractive sentence.

One LLM call per cluster (not one prompt for the whole brief), and code, not the model, attaches
and checks the citations. Checks on a rewritten sentence, all recorded in its `evidence`:
  numbers     every number is in the cited sentences
  names       every name is in the cited sentences (or is a cited outlet)
  quotes      a quotation not verbatim in a cited sentence loses its quotation marks
  voice       no loaded term in the brief's own voice
  hedges      the representative's hedge, and its "who said it", survive
  citations   each cited sentence must support the new sentence on its own, and a fact that
              several independent sources reported must keep at least two of them
              (summarizer/verify.py: similarity, exact evidence, LLM judge)
evidence["mode"] says what shipped: "fused", "unchanged" (the model gave the sentence back as
written) or "extractive-fallback" (a check failed; `fusion.failed` says which).
"""
from __future__ import annotations

import re

from models.embedder import Embedder
from models.generator import Generator
from models.judge import Judge
from summarizer.evidence import missing_names, missing_numbers, unquoted
from summarizer.neutral import hedges, is_attributed, loaded_terms
from summarizer.types import BriefSentence, Citation, Document
from summarizer.verify import check_support, similarities, verbatim

FUSION_PROMPT = """You edit sentences for a neutral news brief. You get a main sentence and other outlets' \
reports of the same fact.
Rewrite the main sentence in your own words as ONE shorter sentence in plain, neutral English:
- keep its main fact and only facts that the other reports also state; drop side details;
- add nothing that is not in the main sentence;
- keep numbers as written and keep who said it ("X said", "according to X");
- keep hedges such as "alleged", "reportedly";
- never use loaded words such as admitted, claimed, slammed, liberated, occupied, terrorists.
Reply with the sentence only."""
MAX_INPUTS = 3  # the representative and the two closest other wordings; more only dilutes a small model
_LEADING_ATTRIBUTION = re.compile(
    r"^((?:according to [^,]{2,60},)|(?:[^,\"“]{2,80}?\s(?:said|says|reported|announced|told reporters)(?: that)?))\s",
    re.IGNORECASE)
_TRAILING_ATTRIBUTION = re.compile(
    r",\s*((?:according to [^,.]{2,60})|(?:(?:the |a )?[^,.]{2,60}?\s(?:said|says|reported|announced|told reporters|"
    r"said in a statement)))\s*\.?$", re.IGNORECASE)


def fuse_all(items: list[BriefSentence], documents: list[Document], generator: Generator, judge: Judge,
             embedder: Embedder, sources: list[int], progress=lambda message: None) -> list[BriefSentence]:
    """Fused, checked sentences for the extractive brief, each falling back to its extractive sentence.

    All drafts are written first and all judgements made after, so the model's cached prompt
    prefix (the instructions) is reused from one call to the next instead of being re-read.
    """
    drafts = []
    for number, item in enumerate(items, start=1):
        progress(f"fusing sentence {number} of {len(items)}")
        drafts.append(draft_sentence(item, generator))
    progress("checking citations")
    return [check(item, draft, documents, judge, embedder, sources) for item, draft in zip(items, drafts)]


def draft_sentence(item: BriefSentence, generator: Generator) -> str:
    """One LLM call: the representative sentence rewritten down to what the other outlets' wordings
    share (extractive, then abstractive). A small model compresses one sentence far more reliably
    than it merges several."""
    others = [c.text for c in _distinct(item.citations) if c.text != item.text][: MAX_INPUTS - 1]
    lines = "\n".join(f"- {text}" for text in others) or "- (none: only this outlet reports it)"
    reply = generator.complete([{"role": "system", "content": FUSION_PROMPT},
                                {"role": "user", "content": f"Main sentence: {item.text}\nOther reports:\n{lines}"}],
                               max_tokens=70)
    draft = _first_sentence(reply)
    if len(draft.split()) < 4 or is_attributed(draft) or not draft.endswith("."):
        return draft
    # Small models drop "X said"; put back the representative's own words for who said it.
    leading, trailing = _LEADING_ATTRIBUTION.match(item.text), _TRAILING_ATTRIBUTION.search(item.text)
    if leading:
        first = draft.split()[0]
        proper = re.search(r"\s" + re.escape(first) + r"\b", item.text)  # capitalised mid-sentence: a name
        return f"{leading.group(1)} {draft if proper else draft[0].lower() + draft[1:]}"
    if trailing:
        return f"{draft[:-1]}, {trailing.group(1)}."
    return draft


def check(item: BriefSentence, draft: str, documents: list[Document], judge: Judge, embedder: Embedder,
          sources: list[int]) -> BriefSentence:
    checks: dict = {"draft": draft}
    if verbatim(draft, item.text):  # nothing was rewritten: the extractive sentence stands as checked
        return BriefSentence(text=item.text, citations=item.citations,
                             evidence=dict(item.evidence, fusion=checks, mode="unchanged"))
    texts = [item.text] + [c.text for c in _distinct(item.citations) if c.text != item.text]  # representative first
    outlets = [documents[c.document].outlet or "" for c in item.citations]
    failure = _check_claim(draft, texts, outlets, checks)
    kept: list[Citation] = []
    if not failure:
        draft = checks["text"]
        kept, checks["citations"] = _check_citations(draft, item.citations, judge, embedder)
        before = {sources[c.document] for c in item.citations}
        after = {sources[c.document] for c in kept}
        if not kept:
            failure = "no cited sentence supports the fused sentence on its own"
        elif len(before) > 1 and len(after) < 2:
            failure = f"the fused sentence keeps the support of {len(after)} of {len(before)} independent sources"
    evidence = dict(item.evidence, fusion=checks)
    if failure:
        # The extractive sentence, as extractive mode ships it: a source's own words, its citations
        # already checked for meaning and numbers.
        checks["failed"] = failure
        evidence["mode"] = "extractive-fallback"
        return BriefSentence(text=item.text, citations=item.citations, evidence=evidence)
    evidence["mode"] = "fused"
    evidence["dropped"] = item.evidence.get("dropped", []) + _dropped(item.citations, kept, checks["citations"])
    return BriefSentence(text=draft, citations=kept, evidence=evidence)


def _dropped(before: list[Citation], after: list[Citation], record: dict) -> list[dict]:
    return [{"document": c.document, "sentence": c.sentence, "reason": record[f"{c.document}:{c.sentence}"]["reason"]}
            for c in before if c not in after]


def _check_claim(draft: str, texts: list[str], outlets: list[str], checks: dict) -> str | None:
    """The first reason the draft cannot ship, or None. May fix the draft's quotation marks."""
    if len(draft.split()) < 4:
        return "no usable sentence came back"
    absent = sorted(missing_numbers(draft, texts))
    checks["numbers"] = {"missing": absent}
    if absent:
        return f"numbers not in the sources: {', '.join(absent)}"
    unnamed = sorted(missing_names(draft, texts + outlets))
    checks["names"] = {"missing": unnamed}
    if unnamed:
        return f"names not in the sources: {', '.join(unnamed)}"
    invented = unquoted(draft, texts)
    checks["quotes"] = {"not_verbatim": invented}
    for quote in invented:  # keep the words, drop the marks that would make them a quotation
        draft = re.sub(r"[\"“]\s*" + re.escape(quote) + r"\s*[\"”]", quote, draft)
    checks["text"] = draft
    loaded = loaded_terms(draft)
    checks["voice"] = {"loaded_terms": loaded}
    if loaded:
        return f"loaded terms in the brief's own voice: {', '.join(loaded)}"
    # The draft rewrites the representative (texts[0]): its hedges must survive. Another outlet's
    # hedge is checked per citation, where it decides whether that outlet supports the draft.
    source_hedges = hedges(texts[0])
    checks["hedges"] = {"in_source": source_hedges, "kept": bool(hedges(draft)) or is_attributed(draft)}
    if source_hedges and not checks["hedges"]["kept"]:
        return f"the source hedges ({', '.join(source_hedges)}) and the fused sentence does not"
    if is_attributed(texts[0]) and not is_attributed(draft):
        return "the source says who said it and the fused sentence does not"
    return None


def _check_citations(claim: str, citations: list[Citation], judge: Judge,
                     embedder: Embedder) -> tuple[list[Citation], dict]:
    """The citations whose sentence supports `claim` on its own, and the record of every check."""
    scores = similarities(embedder, claim, [c.text for c in citations])
    verdicts: dict = {}  # wire copies share a text: judge each text once
    record = {f"{c.document}:{c.sentence}": check_support(claim, c.text, float(score), judge, verdicts)
              for c, score in zip(citations, scores)}
    kept = [c for c in citations if "reason" not in record[f"{c.document}:{c.sentence}"]]
    return kept, record


def _distinct(citations: list[Citation]) -> list[Citation]:
    """One citation per distinct text: a wire copy adds no new wording for the model to read."""
    seen, distinct = set(), []
    for citation in citations:
        if citation.text not in seen:
            seen.add(citation.text)
            distinct.append(citation)
    return distinct


def _first_sentence(reply: str) -> str:
    text = reply.strip().splitlines()[0].strip() if reply.strip() else ""
    text = re.sub(r"^(sentence|answer|brief)\s*:\s*", "", text, flags=re.IGNORECASE).strip()
    if len(text) > 1 and text[0] in "\"“" and text[-1] in "\"”" and text.count('"') + text.count("“") <= 2:
        text = text[1:-1].strip()
    match = re.match(r"(.+?[.!?])(\s+[A-Z\"“]|$)", text)
    sentence = re.sub(r"\.{2,}$", ".", match.group(1) if match else text)
    if sentence and sentence[-1] not in ".!?\"”":
        sentence += "."
    return sentence
