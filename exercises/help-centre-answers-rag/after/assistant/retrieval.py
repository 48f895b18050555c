"""Semantic search over the help-centre articles and past resolved tickets."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import httpx
from qdrant_client import QdrantClient
from qdrant_client.models import PointStruct

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

    def upsert_documents(self, collection: str, docs: list[dict]) -> int:
        """Embed and store documents ({"id", "title", "text", "url"}).

        Points are keyed by the document id, so re-running an import overwrites instead of
        duplicating. jobs/index_tickets.py uses it for the resolved-tickets collection (each
        document is the customer's first message followed by the agent's final reply).
        """
        vectors = self.embed([d["text"] for d in docs])
        points = [
            PointStruct(id=d["id"], vector=v, payload={"title": d["title"], "text": d["text"], "url": d["url"]})
            for d, v in zip(docs, vectors, strict=True)
        ]
        self._db.upsert(collection, points=points)
        return len(points)

    def search(self, query: str, limit: int = 5) -> list[Passage]:
        """The best passages from articles and resolved tickets together, most similar first."""
        [vector] = self.embed([query])
        hits = []
        for collection in (self._settings.articles_collection, self._settings.tickets_collection):
            hits += self._db.search(collection, query_vector=vector, limit=limit)
        hits = [h for h in hits if h.score >= self._settings.min_similarity]
        hits.sort(key=lambda h: h.score, reverse=True)
        logger.debug("retrieved %d passages for a %d-character query", len(hits), len(query))
        return [
            Passage(doc_id=str(h.id), title=h.payload["title"], text=h.payload["text"], url=h.payload["url"], score=h.score)
            for h in hits[:limit]
        ]
