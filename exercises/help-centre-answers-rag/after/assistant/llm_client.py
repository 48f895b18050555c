"""Client for the hosted chat-completion API, and the cache of answers to repeated questions."""
from __future__ import annotations

import hashlib
import json
import logging

import httpx
import redis

logger = logging.getLogger(__name__)


class LLMError(RuntimeError):
    """The provider answered with an error or with something we cannot use."""


class LLMClient:
    def __init__(self, api_url: str, api_key: str, model: str) -> None:
        self.model = model
        self._url = api_url
        # Long answers can take a while to generate; don't cut them off half-way.
        self._http = httpx.Client(headers={"Authorization": f"Bearer {api_key}"}, timeout=None)

    def complete(self, messages: list[dict[str, str]], temperature: float = 0.0) -> str:
        """The model's reply to `messages`."""
        logger.info("LLM request model=%s messages=%s", self.model, json.dumps(messages))
        resp = self._http.post(self._url, json={"model": self.model, "messages": messages, "temperature": temperature})
        if resp.status_code != 200:
            raise LLMError(f"provider returned {resp.status_code}: {resp.text[:200]}")

        choice = resp.json()["choices"][0]
        return choice["message"]["content"].strip()


class AnswerCache:
    """Answers to questions asked before, so a popular question costs one model call a day."""

    def __init__(self, client: redis.Redis, ttl_s: int) -> None:
        self._redis = client
        self._ttl_s = ttl_s

    @staticmethod
    def key(question: str) -> str:
        # Case and spacing don't change the question.
        normalised = " ".join(question.lower().split())
        return "answer:" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()

    def get(self, question: str) -> str | None:
        return self._redis.get(self.key(question))

    def put(self, question: str, answer: str) -> None:
        self._redis.set(self.key(question), answer, ex=self._ttl_s)
