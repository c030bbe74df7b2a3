"""Ingest stage: turn files, stdin or request payloads into `Document`s.

Accepted: plain text, HTML (main text extracted by trafilatura) and JSON of the form
{"documents": [{"title", "text" | "html", "url", "outlet", "published"}]}.
Anything else is refused with an `InputError` that names the input and the problem.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from summarizer.types import Document

_HTML_SNIFF = re.compile(r"<(!doctype html|html|body|article|p|div)\b", re.IGNORECASE)
DOCUMENT_FIELDS = ("title", "text", "html", "url", "outlet", "published")


class InputError(ValueError):
    """Bad input, with `where` naming the file or field and the message saying what is wrong."""

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


def read_path(path: str | Path) -> list[Document]:
    path = Path(path)
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    return parse_bytes(path.read_bytes(), str(path), suffix=path.suffix.lower())


def parse_bytes(data: bytes, origin: str, suffix: str = "") -> list[Document]:
    """Decode and parse one input; the format comes from the suffix, else from the content."""
    if b"\x00" in data:
        raise InputError(origin, "is not a text file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(origin, f"is not UTF-8 text (bad byte at offset {error.start})") from None
    if not text.strip():
        raise InputError(origin, "is empty")
    stripped = text.lstrip()
    if suffix == ".json" or (not suffix and stripped.startswith("{")):
        return parse_json(text, origin)
    if suffix in (".html", ".htm") or (suffix not in (".txt", ".md") and _HTML_SNIFF.search(text[:2000])):
        return [parse_html(text, origin)]
    return [Document(text=text, origin=origin)]


def parse_json(text: str, origin: str) -> list[Document]:
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(origin, f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("documents"), list):
        raise InputError(origin, 'JSON must be an object with a "documents" list')
    if not payload["documents"]:
        raise InputError(f"{origin}: documents", "is empty")
    return [parse_record(record, f"{origin}: documents[{i}]") for i, record in enumerate(payload["documents"])]


def parse_record(record: object, where: str) -> Document:
    """One JSON document record; `text` is taken as plain text, `html` is extracted."""
    if not isinstance(record, dict):
        raise InputError(where, "must be an object")
    for name in DOCUMENT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}.{name}", f"must be a string, not {type(value).__name__}")
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        raise InputError(where, 'needs "text" or "html"')
    body = text if text is not None else html
    if not body.strip():
        raise InputError(f"{where}.{'text' if text is not None else 'html'}", "is empty")
    metadata = {name: record.get(name) or None for name in ("title", "outlet", "url", "published")}
    if text is not None:
        return Document(text=text, origin=where, **metadata)
    document = parse_html(html, where)
    return Document(text=document.text, origin=where,
                    **{k: v or getattr(document, k) for k, v in metadata.items()})


def parse_html(html: str, origin: str) -> Document:
    import trafilatura  # heavy import, only needed for HTML

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, include_images=False)
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(origin, "HTML has no article text that could be extracted")
    return Document(
        text=extracted.text,
        title=extracted.title or None,
        outlet=extracted.sitename or None,
        url=extracted.url or None,
        published=extracted.date or None,
        origin=origin,
    )
