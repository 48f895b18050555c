"""POST /v1/answer for the help-centre widget: an answer grounded in our articles and past tickets."""
from __future__ import annotations

import logging

import redis
from fastapi import FastAPI
from pydantic import BaseModel, Field

from assistant.config import get_settings
from assistant.llm_client import AnswerCache, LLMClient
from assistant.prompting import CustomerContext, build_messages
from assistant.retrieval import Retriever

logger = logging.getLogger(__name__)

settings = get_settings()
app = FastAPI(title="help-centre-assistant")
retriever = Retriever(settings)
llm = LLMClient(settings.llm_api_url, settings.llm_api_key, settings.llm_model)
cache = AnswerCache(redis.Redis.from_url(settings.cache_url, decode_responses=True), ttl_s=settings.cache_ttl_s)


class Customer(BaseModel):
    name: str
    email: str
    plan: str
    recent_orders: list[str] = Field(default_factory=list, max_length=5)


class AnswerRequest(BaseModel):
    # The widget's backend attaches the signed-in customer's profile so answers can be specific.
    customer: Customer
    question: str = Field(min_length=3, max_length=2_000)


class AnswerResponse(BaseModel):
    answer: str
    sources: list[str]


@app.post("/v1/answer", response_model=AnswerResponse)
def answer(req: AnswerRequest) -> AnswerResponse:
    cached = cache.get(req.question)
    if cached is not None:
        return AnswerResponse(answer=cached, sources=[])

    try:
        passages = retriever.search(req.question, limit=settings.top_k)
    except Exception:
        # Retrieval is best effort: the model can still answer without context.
        passages = []

    messages = build_messages(req.question, CustomerContext(**req.customer.model_dump()), passages)
    text = llm.complete(messages, temperature=0.2)
    cache.put(req.question, text)
    return AnswerResponse(answer=text, sources=[p.url for p in passages])


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}
