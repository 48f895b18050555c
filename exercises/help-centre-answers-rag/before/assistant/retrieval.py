"""Semantic search over the help-centre articles."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import httpx
from qdrant_client import QdrantClient

from assistant.config import Settings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Passage:
    doc_id: str
    title: str
    text: str
    url: str
    score: float


class Retriever:
    """Embeds a query with the embedding service and searches the vector database."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._db = QdrantClient(url=settings.vector_db_url, timeout=2.0)
        self._http = httpx.Client(base_url=settings.embedding_api_url, timeout=2.0)

    def embed(self, texts: list[str]) -> list[list[float]]:
        resp = self._http.post("/embeddings", json={"model": self._settings.embedding_model, "input": texts})
        resp.raise_for_status()
        return [item["embedding"] for item in resp.json()["data"]]

    def search(self, query: str, limit: int = 5) -> list[Passage]:
        [vector] = self.embed([query])
        hits = self._db.search(self._settings.articles_collection, query_vector=vector, limit=limit)
        return [
            Passage(doc_id=str(h.id), title=h.payload["title"], text=h.payload["text"], url=h.payload["url"], score=h.score)
            for h in hits
        ]
