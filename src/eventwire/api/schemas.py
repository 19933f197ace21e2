"""Request and response models at the HTTP edge (the record itself is the JSON contract in docs/record.md)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ArticleIn(BaseModel):
    """One article: its text and what is known about it. ``published`` is YYYY-MM-DD (it anchors relative dates)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the article text (paragraphs separated by newlines)")
    published: str | None = Field(None, description="publication date, YYYY-MM-DD", examples=["2024-03-18"])
    url: str | None = Field(None, max_length=2048)
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=300)


class Page(BaseModel):
    """A page of a list: ``items`` from ``offset``, at most ``limit`` of them, out of ``total``."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class Stored(BaseModel):
    id: str
    stored: bool = Field(description="false when the article was already in the store (nothing changed)")
    record: dict[str, Any]


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail
