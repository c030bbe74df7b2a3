"""Rendering: a `Brief` as the JSON contract, as Markdown, or as a standalone HTML page.

JSON contract (clients rely on it):
  sentences[].citations[].document indexes documents; .sentence indexes that document's
  sentences, or is -1 for its title (the brief's headline, cited to the outlet that wrote it);
  .text repeats that sentence or title; .span is 1, or 2 where the document states the brief sentence in
  two sentences in a row (from .sentence on; .text is both); .in_part is true where the cited text states
  the brief sentence's main fact but not all of it (Markdown: "[2][3] (in part: [1])"). Markers in
  Markdown and HTML are 1-based.
  sentences[].note is what a reader is told beside the citations ("one source", or "" when the
  brief has one source in all or other sources state the sentence); the web page shows it as given.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from html import escape

from summarizer.types import TITLE, Brief, Citation, CitationCheck, Document, Evidence


def to_dict(brief: Brief) -> dict:
    return {
        "sentences": [
            {
                "text": s.text,
                "citations": [citation_dict(c) for c in s.citations],
                "single_source": s.evidence.independent_sources == 1,
                "note": _single_source_note(brief, s),
                "evidence": evidence_dict(s.evidence),
            }
            for s in brief.sentences
        ],
        "documents": [
            {"title": d.title, "outlet": d.outlet, "url": d.url, "published": d.published,
             "sentences": [s.text for s in sentences]}
            for d, sentences in zip(brief.documents, brief.document_sentences)
        ],
        "disagreements": [asdict(d) for d in brief.disagreements],
        "stats": brief.stats,
        "warnings": brief.warnings,
    }


def citation_dict(citation: Citation) -> dict:
    """A citation as the JSON contract gives it (the module docstring)."""
    return {"document": citation.document, "sentence": citation.sentence, "text": citation.text,
            "in_part": citation.in_part, "span": citation.span}


def evidence_dict(evidence: Evidence) -> dict:
    """A sentence's audit trail as JSON: checks keyed "document:sentence" (or "document:first-last" for
    sentences in a row checked together), unset fields left out."""
    trail = {"mode": evidence.mode, "checks": list(evidence.checks),
             "independent_sources": evidence.independent_sources,
             "citation_checks": _checks(evidence.citation_checks),
             "dropped": [{"document": c.document, "sentence": c.sentence, "reason": c.support.reason}
                         for c in evidence.dropped]}
    if evidence.removed:
        trail["removed"] = list(evidence.removed)
    if evidence.fusion is not None:
        fusion = asdict(evidence.fusion)
        fusion["citation_checks"] = _checks(evidence.fusion.citation_checks)
        trail["fusion"] = {key: value for key, value in fusion.items() if value is not None}
    return trail


def _checks(checks: list[CitationCheck]) -> dict:
    return {f"{c.document}:{c.sentence}" + (f"-{c.sentence + c.span - 1}" if c.span > 1 else ""):
            {k: v for k, v in asdict(c.support).items() if v is not None} for c in checks}


def to_json(brief: Brief) -> str:
    return json.dumps(to_dict(brief), ensure_ascii=False, indent=2)


def _single_source_note(brief: Brief, sentence) -> str:
    """What the reader is told when only one independent source reports a sentence, among several sources
    ("" otherwise; the JSON's `note`, shown in brackets after the markers). Articles that
    ran the same copy (a wire story) are one source: the note says so, or "[1][2] (one source)" would
    read as a contradiction."""
    if brief.stats.get("independent_sources", 0) <= 1 or sentence.evidence.independent_sources != 1:
        return ""
    articles = len({c.document for c in sentence.citations})
    return f"one source: the same copy in {articles} articles" if articles > 1 else "one source"


def _in_brackets(note: str) -> str:
    """A note as Markdown and HTML show it after the citation markers: " (one source)", or nothing."""
    return f" ({note})" if note else ""


def source_label(document: Document, number: int) -> str:
    """How a source is named to a reader: headline, outlet, date; never empty."""
    parts = [document.title or f"Document {number}"]
    if document.outlet:
        parts.append(document.outlet)
    if document.published:
        parts.append(document.published)
    return " — ".join(parts)


def _markers(documents: list[int]) -> str:
    """Citation markers of the numbered source list: [1][3]."""
    return "".join(f"[{d + 1}]" for d in documents)


def _in_full_and_in_part(citations: list[Citation]) -> tuple[list[Citation], list[Citation]]:
    """The citations whose sentence states all of the brief sentence, and those that state its main fact only."""
    return [c for c in citations if not c.in_part], [c for c in citations if c.in_part]


def _cited(sentence) -> str:
    """A sentence's markers, those whose outlet states only its main fact apart: "[2][3] (in part: [1])"."""
    whole, part = (_markers([c.document for c in chosen]) for chosen in _in_full_and_in_part(sentence.citations))
    return f"{whole} (in part: {part})".lstrip() if part else whole


def to_markdown(brief: Brief) -> str:
    lines = ["## Brief", ""]
    for sentence in brief.sentences:
        text = f"**{sentence.text}**" if sentence.evidence.mode == "headline" else sentence.text
        lines += [f"{text} {_cited(sentence)}{_in_brackets(_single_source_note(brief, sentence))}".rstrip(), ""]
    if brief.disagreements:
        lines += ["## Where sources differ", ""]
        for item in brief.disagreements:
            lines.append(f"- {item.topic}:")
            lines += [f"  - **{claim.value}**: {claim.text} {_markers(claim.documents)}".rstrip()
                      for claim in item.claims]
        lines.append("")
    lines += ["## Sources", ""]
    for number, document in enumerate(brief.documents, start=1):
        url = f" <{document.url}>" if document.url else ""
        lines.append(f"{number}. {source_label(document, number)}{url}")
    return "\n".join(lines) + "\n"


_STYLE = """
body { font: 17px/1.55 Georgia, serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
sup a { text-decoration: none; font: 12px sans-serif; color: #0645ad; }
.sources li { margin-bottom: .6rem; } .sources blockquote { margin: .2rem 0 0 1rem; color: #555; font-size: .9rem; }
"""


def _bold_if_headline(sentence, html: str) -> str:
    return f"<strong>{html}</strong>" if sentence.evidence.mode == "headline" else html


def to_html(brief: Brief, title: str = "newsbrief") -> str:
    def markers(citations) -> str:
        def linked(chosen):
            return "".join(f'<sup><a href="#source-{c.document + 1}" title="{escape(c.text)}">[{c.document + 1}]</a></sup>'
                           for c in chosen)
        whole, part = (linked(chosen) for chosen in _in_full_and_in_part(citations))
        return f"{whole} <small>(in part: {part})</small>" if part else whole

    body = [f"<h1>{escape(title)}</h1>", "<section class='brief'>"]
    body += [f"<p>{_bold_if_headline(s, escape(s.text))} {markers(s.citations)}"
             f"<small>{_in_brackets(_single_source_note(brief, s))}</small></p>" for s in brief.sentences]
    body.append("</section>")
    if brief.warnings:  # what a reader of the page should know of the input ("only one usable document", ...)
        body.append("<ul class='warnings'>" + "".join(f"<li>{escape(w)}</li>" for w in brief.warnings) + "</ul>")
    if brief.disagreements:
        body.append("<h2>Where sources differ</h2><ul class='disagreements'>")
        for item in brief.disagreements:
            claims = "".join(
                f"<li><strong>{escape(c.value)}</strong>: {escape(c.text)} "
                + "".join(f'<sup><a href="#source-{d + 1}">[{d + 1}]</a></sup>' for d in c.documents)
                + "</li>"
                for c in item.claims
            )
            body.append(f"<li>{escape(item.topic)}<ul>{claims}</ul></li>")
        body.append("</ul>")
    body.append("<h2>Sources</h2><ol class='sources'>")
    for number, document in enumerate(brief.documents, start=1):
        label = escape(source_label(document, number))
        if document.url:
            label = f'<a href="{escape(document.url)}">{label}</a>'
        cited = sorted({c.sentence + k for s in brief.sentences for c in s.citations if c.document == number - 1
                        for k in range(c.span)})
        told = [document.title if i == TITLE else brief.document_sentences[number - 1][i].text for i in cited]
        quotes = "".join(f"<blockquote>{escape(text)}</blockquote>" for text in told)
        body.append(f'<li id="source-{number}">{label}{quotes}</li>')
    body.append("</ol>")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{escape(title)}</title>"
        f"<style>{_STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


RENDERERS = {"markdown": to_markdown, "json": to_json, "html": to_html}
