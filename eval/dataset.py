"""Evaluation datasets: JSONL, one cluster a line:
{"id": str, "documents": [{"title"?: str, "text": str}], "references": [str, ...], "word_limit"?: int}
A malformed line is refused with an error that names the file, the line and the problem.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


class DatasetError(ValueError):
    pass


@dataclass(frozen=True)
class Example:
    index: int  # position in the file: published outputs are aligned by it
    id: str
    documents: tuple[dict, ...]
    references: tuple[str, ...]
    word_limit: int | None = None


def load(path: str | Path, limit: int | None = None) -> list[Example]:
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"{path}: no such file")
    examples = []
    for number, line in numbered_lines(path, DatasetError, "is it a JSONL file?"):
        if limit is not None and len(examples) >= limit:
            break
        examples.append(parse_line(line, f"{path}:{number}", len(examples)))
    if not examples:
        raise DatasetError(f"{path}: no clusters")
    return examples


def numbered_lines(path: Path, error: type[Exception], hint: str):
    """The JSONL file's non-blank lines with their numbers (from 1); a file that is not UTF-8 text raises
    `error`, naming the line where reading failed, with `hint` on what the file should be."""
    with open(path, encoding="utf-8") as lines:
        number = 0
        try:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield number, line
        except UnicodeDecodeError:
            raise error(f"{path}:{number + 1}: not UTF-8 text ({hint})") from None


def parse_line(line: str, where: str, index: int) -> Example:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise DatasetError(f"{where}: not valid JSON ({error.msg}, column {error.colno})") from None
    if not isinstance(row, dict):
        raise DatasetError(f"{where}: a line must be a JSON object")
    documents, references = row.get("documents"), row.get("references")
    if not isinstance(documents, list) or not documents:
        raise DatasetError(f'{where}: "documents" must be a non-empty list')
    for i, document in enumerate(documents):
        if not isinstance(document, dict) or not isinstance(document.get("text"), str):
            raise DatasetError(f'{where}: documents[{i}] must be an object with a "text" string')
    if not isinstance(references, list) or not references or not all(isinstance(r, str) and r.strip() for r in references):
        raise DatasetError(f'{where}: "references" must be a non-empty list of strings')
    word_limit = row.get("word_limit")
    if word_limit is not None and (not isinstance(word_limit, int) or word_limit <= 0):
        raise DatasetError(f'{where}: "word_limit" must be a positive integer')
    return Example(index=index, id=str(row.get("id", index)), documents=tuple(documents),
                   references=tuple(references), word_limit=word_limit)


def mean_reference_words(examples: list[Example]) -> int:
    """The default length budget: about the references' mean length."""
    lengths = [len(r.split()) for e in examples for r in e.references[:1]]
    return round(sum(lengths) / len(lengths))
