"""How much input one brief takes: the same limits for the CLI and the service (whose settings can
lower or raise them), so that what one accepts the other accepts too."""
from __future__ import annotations

from dataclasses import dataclass

from summarizer.ingest import InputError
from summarizer.types import Document

BYTES_PER_CHAR = 4  # UTF-8 at most: a file larger than this many bytes per allowed character is refused unread


@dataclass(frozen=True)
class Limits:
    max_documents: int = 20
    max_document_chars: int = 100_000
    max_request_chars: int = 400_000

    def check(self, documents: list[Document]) -> None:
        """InputError naming the first document, or the whole input, past a limit."""
        if len(documents) > self.max_documents:
            raise InputError("documents", f"{len(documents)} documents; at most {self.max_documents} per brief")
        total = 0
        for document in documents:
            size = len(document.text)
            total += size
            if size > self.max_document_chars:
                raise InputError(document.origin, f"{size} characters; at most {self.max_document_chars} per document")
        if total > self.max_request_chars:
            raise InputError("documents", f"{total} characters in all; at most {self.max_request_chars} per brief")

    def check_file_size(self, size: int, origin: str) -> None:
        """Refuse a file too large to hold an acceptable input, before reading it."""
        if size > self.max_request_chars * BYTES_PER_CHAR:
            raise InputError(origin, f"{size} bytes; at most {self.max_request_chars} characters per brief")
