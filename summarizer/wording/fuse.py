"""Abstractive stage: each chosen cluster's representative sentence rewritten by the LLM, told
what the other outlets' wordings share, then every claim and every citation checked; what fails
falls back to the extractive sentence.

One LLM call per cluster (not one prompt for the whole brief), and code, not the model, attaches
and checks the citations. Checks on a rewritten sentence, all recorded in its `evidence`:
  numbers     every number is in the cited sentences
  names       every name is in the cited sentences (or is a cited outlet)
  quotes      a quotation not verbatim in a cited sentence loses its quotation marks
  voice       no loaded term in the brief's own voice
  hedges      the representative's hedge, and who said it, survive
  citations   each cited sentence must support the new sentence on its own, or the citation is
              dropped (with the reason, in `evidence.dropped`); the representative sentence, which
              the draft rewrites, must support it, or the draft falls back
              (summarizer/wording/verify.py: similarity, exact evidence, LLM judge)
evidence["mode"] says what shipped: "fused", "unchanged" (the model gave the sentence back as
written) or "extractive-fallback" (a check failed; `fusion.failed` says which).
"""
from __future__ import annotations

import re

import nupunkt

from models.embedder import Embedder
from models.generator import Generator
from models.judge import Judge
from summarizer.wording.evidence import missing_names, missing_numbers, unquoted
from summarizer.wording.neutral import hedges, is_attributed, keeps_speaker, loaded_terms, speaker_clause
from summarizer.types import BriefSentence, Citation, Document
from summarizer.wording.verify import check_support, similarities, verbatim

FUSION_PROMPT = """You edit sentences for a neutral news brief. You get a main sentence and other outlets' \
reports of the same fact. Rewrite the main sentence in your own words as ONE shorter, complete sentence in the past \
tense:
- keep its main fact, and only details that the other reports also state; drop side details;
- add nothing that is not in the main sentence;
- keep numbers as written, and keep who said it ("X said", "according to X");
- keep hedges such as "alleged", "reportedly";
- never use loaded words such as admitted, claimed, slammed, liberated, occupied, terrorists.
Reply with the sentence only."""
# Worked examples (an invented town, union, war and bridge): (main sentence, other reports, rewrite).
# With the instructions alone the 1.5B model copied its input or wrote headlines ("Biden warns of
# assault"); shown these, it shortens to the shared fact and keeps the speaker. They cost nothing
# per brief: llama.cpp keeps a prompt prefix it has read (a server slot's cache, or a held block in
# models/llama_parallel.py) and reads only what follows it.
FUSION_EXAMPLES = (
    ("Floodwaters swept through the riverside town of Kelm on Tuesday, killing at least eight people and forcing "
     "thousands from their homes, the regional governor said, as forecasters warned of more rain.",
     ("At least eight people died when the river burst its banks in Kelm, the governor's office said.",
      "Thousands of residents of Kelm were evacuated on Tuesday as floods hit the town."),
     "Floods in Kelm on Tuesday killed at least eight people and forced thousands from their homes, the regional "
     "governor said."),
    ("“We will not sign anything that cuts wages,” union leader Marta Solis told reporters outside the ministry, as "
     "the strike entered its third day.",
     (),
     "Union leader Marta Solis said the union would not sign anything that cuts wages."),
    ("The rebels claimed they had liberated the border town of Osk after two days of heavy fighting with army units.",
     ("Rebel fighters said on Sunday that they now control Osk.",),
     "The rebels said they had taken the border town of Osk."),
    ("Police arrested the driver at the scene after he allegedly ran a red light and hit a cyclist on Dorn Street, a "
     "spokeswoman said.",
     ("The driver, who allegedly ran a red light, was detained at the scene, police said.",),
     "Police said they arrested the driver at the scene after he allegedly ran a red light."),
    ("The bridge, which opened in 1932, had been closed to lorries since an inspection found corrosion in its steel "
     "cables last spring.",
     (),
     "The 1932 bridge had been closed to lorries since an inspection last spring found its cables corroded."),
)
REWORDING_PROMPT = """You rewrite one sentence of a news report in different words for a neutral news brief. Keep \
every fact, number and name, and who said it; add nothing; keep it one sentence. Reply with the sentence only."""
REWORDING_EXAMPLES = (  # invented, like the fusion examples
    ("The blast was the deadliest attack on the capital since the ceasefire of 2019.",
     "No attack on the capital had killed more people since the 2019 ceasefire."),
    ("Residents said the water rose above the first floor within an hour.",
     "Within an hour the water had risen above the first floor, residents said."),
    ("Talks between the two unions broke down again in early March.",
     "In early March, talks between the two unions collapsed once more."),
)
JUDGED_OTHERS = 2  # other outlets' sentences judged per fused sentence (the judge is most of the time)
OTHER_REPORT_WORDS = 40  # an other outlet's wording is cut to this many words: enough to see what it shares
MAX_INPUTS = 3  # the representative and the two closest other wordings; more only dilutes a small model


def fuse_all(items: list[BriefSentence], documents: list[Document], generator: Generator, judge: Judge,
             embedder: Embedder, progress=lambda message: None) -> list[BriefSentence]:
    """Fused, checked sentences for the extractive brief, each falling back to its extractive sentence."""
    progress(f"rewriting {len(items)} sentences")
    drafts = draft_sentences(items, generator)
    progress("checking citations")
    return [check(item, draft, documents, judge, embedder) for item, draft in zip(items, drafts)]


def draft_sentences(items: list[BriefSentence], generator: Generator) -> list[str]:
    """One LLM call per sentence, all given at once (the backend may write them side by side): the
    representative sentence rewritten down to what the other outlets' wordings share (extractive,
    then abstractive). A small model compresses one sentence far more reliably than it merges several.

    A sentence with nothing to drop often comes back as written; those get a second call that asks
    only for other words (on the development clusters: 4 copies left of 7, 29 of 35 shipped rewritten)."""
    replies = generator.complete_many([fusion_messages(item) for item in items], max_tokens=70, stop=["\n"])
    drafts = [_draft(item, reply) for item, reply in zip(items, replies)]
    copied = [i for i, (item, draft) in enumerate(zip(items, drafts)) if verbatim(draft, item.text)]
    if copied:
        replies = generator.complete_many([rewording_messages(items[i]) for i in copied], max_tokens=70, stop=["\n"])
        for i, reply in zip(copied, replies):
            drafts[i] = _draft(items[i], reply)
    return drafts


def _draft(item: BriefSentence, reply: str) -> str:
    draft = _first_sentence(reply)
    clause = speaker_clause(item.text)
    if len(draft.split()) < 4 or not draft.endswith(".") or clause is None or keeps_speaker(draft, item.text):
        return draft
    # Small models drop "X said"; put back the representative's own words for who said it.
    where, words = clause
    if where == "leading":
        first = draft.split()[0]
        proper = re.search(r"\s" + re.escape(first) + r"\b", item.text)  # capitalised mid-sentence: a name
        return f"{words} {draft if proper else draft[0].lower() + draft[1:]}"
    return f"{draft[:-1]}, {words}."


def fusion_messages(item: BriefSentence) -> list[dict]:
    others = [c.text for c in _distinct(item.citations) if c.text != item.text][: MAX_INPUTS - 1]
    messages = [{"role": "system", "content": FUSION_PROMPT}]
    for main, other_reports, rewrite in FUSION_EXAMPLES:
        messages += [{"role": "user", "content": _fusion_request(main, other_reports)},
                     {"role": "assistant", "content": rewrite}]
    return messages + [{"role": "user", "content": _fusion_request(item.text, others)}]


def rewording_messages(item: BriefSentence) -> list[dict]:
    messages = [{"role": "system", "content": REWORDING_PROMPT}]
    for sentence, rewording in REWORDING_EXAMPLES:
        messages += [{"role": "user", "content": sentence}, {"role": "assistant", "content": rewording}]
    return messages + [{"role": "user", "content": item.text}]


def _fusion_request(main: str, other_reports) -> str:
    lines = "\n".join(f"- {_cut(text, OTHER_REPORT_WORDS)}" for text in other_reports) \
        or "- (none: only this outlet reports it)"
    return f"Main sentence: {main}\nOther reports:\n{lines}"


def check(item: BriefSentence, draft: str, documents: list[Document], judge: Judge,
          embedder: Embedder) -> BriefSentence:
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
        kept, checks["citations"] = _check_citations(draft, item, judge, embedder)
        if not kept:
            failure = "the representative sentence it rewrites does not support it"
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
    if (is_attributed(texts[0]) and not is_attributed(draft)) or not keeps_speaker(draft, texts[0]):
        return "the source says who said it and the fused sentence does not"
    return None


def _check_citations(claim: str, item: BriefSentence, judge: Judge,
                     embedder: Embedder) -> tuple[list[Citation], dict]:
    """The citations whose sentence supports `claim` on its own, and the record of every check.

    The representative sentence, which the claim rewrites, is checked first: if even it does not
    support the claim, the rewrite changed its meaning and no other citation is worth a judge call.
    Then the other outlets' sentences, closest first; at most JUDGED_OTHERS of them get a judge call
    (about 0.9 s each), the rest are dropped unless the cheap checks alone show support.
    """
    scores = similarities(embedder, claim, [c.text for c in item.citations])
    ranked = sorted(zip(item.citations, scores), key=lambda pair: (pair[0].text != item.text, -pair[1]))
    verdicts: dict = {}  # wire copies share a text: judge each text once
    record: dict = {}
    for citation, score in ranked:
        key = f"{citation.document}:{citation.sentence}"
        judged_others = {text for text in verdicts if text != item.text}
        budget_left = citation.text in verdicts or len(judged_others) < JUDGED_OTHERS or citation.text == item.text
        record[key] = check_support(claim, citation.text, float(score), judge if budget_left else None, verdicts)
        if record[key].get("judge") == "not run":
            record[key]["reason"] = f"not judged: at most {JUDGED_OTHERS} other outlets' sentences are judged"
        if citation.text == item.text and "reason" in record[key]:
            return [], record
    kept = [c for c in item.citations if "reason" not in record[f"{c.document}:{c.sentence}"]]
    return kept, record


def _cut(text: str, words: int) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


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
    text = re.sub(r"\b([A-Z])\. (?=[A-Z]\.)", r"\1.", text)  # the model writes "U. S." for "U.S."
    if len(text) > 1 and text[0] in "\"“" and text[-1] in "\"”" and text.count('"') + text.count("“") <= 2:
        text = text[1:-1].strip()
    spans = nupunkt.sent_spans(text)  # not a regex: "Mr." and "U.S." do not end a sentence
    sentence = re.sub(r"\.{2,}$", ".", text[spans[0][0]:spans[0][1]].strip() if spans else text)
    if sentence and sentence[-1] not in ".!?\"”":
        sentence += "."
    return sentence
