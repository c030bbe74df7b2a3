"""How much input one brief takes: the same limits for the CLI and the service (whose settings can
lower or raise them), so that what one accepts the other accepts too."""
from __future__ import annotations

from dataclasses import dataclass

from summarizer.reading.ingest import InputError
from summarizer.types import Document

BYTES_PER_CHAR = 4  # UTF-8 at most: a file larger than this many bytes per allowed character is refused unread


class LimitExceeded(InputError):
    """Input past a size limit (the service answers 413, the CLI exits 2)."""


@dataclass(frozen=True)
class Limits:
    max_documents: int = 20
    max_document_chars: int = 100_000
    max_request_chars: int = 400_000

    def check(self, documents: list[Document]) -> None:
        self.check_sizes([(document.origin, len(document.text)) for document in documents])

    def check_sizes(self, sizes: list[tuple[str, int]]) -> None:
        """LimitExceeded naming the first document (by its `where`), or the whole input, past a limit."""
        if len(sizes) > self.max_documents:
            raise LimitExceeded("documents", f"{len(sizes)} documents; at most {self.max_documents} documents "
                                             "per brief")
        total = 0
        for where, size in sizes:
            total += size
            if size > self.max_document_chars:
                raise LimitExceeded(where, f"{size} characters; at most {self.max_document_chars} per document")
        if total > self.max_request_chars:
            raise LimitExceeded("documents", f"{total} characters in all; at most {self.max_request_chars} "
                                             "characters per brief")

    def check_file_size(self, size: int, origin: str) -> None:
        """Refuse a file too large to hold an acceptable input, before reading it."""
        if size > self.max_request_chars * BYTES_PER_CHAR:
            raise LimitExceeded(origin, f"{size} bytes; at most {self.max_request_chars} characters per brief")
