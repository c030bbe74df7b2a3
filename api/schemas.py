"""Request schemas at the edge: what a client may send, validated before anything runs."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from summarizer.pipeline import DEFAULT_MODE, DEFAULT_WORDS, MAX_WORDS, MIN_WORDS, MODES


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(None, max_length=2000)
    text: str | None = None
    html: str | None = None
    url: str | None = Field(None, max_length=2000, description="fetched by the service (http or https)")
    outlet: str | None = Field(None, max_length=500)
    published: str | None = Field(None, max_length=100)

    @field_validator("title", "text", "html", "url", "outlet", "published")
    @classmethod
    def encodable(cls, value: str | None) -> str | None:
        """JSON may carry a lone surrogate ("\\ud800"), which is no character: refuse it by place."""
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as problem:
                raise ValueError(f"holds an unpaired surrogate (\\u{ord(value[problem.start]):04x}) at character "
                                 f"{problem.start}; send text as UTF-8") from None
        return value

    @model_validator(mode="after")
    def one_body(self):
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError('give exactly one of "text", "html" or "url"')
        if not getattr(self, given[0]).strip():
            raise ValueError(f'"{given[0]}" is empty')
        return self


class OptionsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: Literal[MODES] = DEFAULT_MODE
    max_words: int = Field(DEFAULT_WORDS, ge=MIN_WORDS, le=MAX_WORDS)


class BriefRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[DocumentIn] = Field(min_length=1)
    options: OptionsIn = OptionsIn()
