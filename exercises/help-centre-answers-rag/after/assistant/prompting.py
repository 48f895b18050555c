"""Builds the chat messages for one answer from the prompt template."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.retrieval import Passage

PROMPT_PATH = Path(__file__).parent / "prompts" / "answer.md"

# A long article is cut so that it cannot crowd the other passages out of the prompt.
MAX_PASSAGE_CHARS = 1_500

NO_CONTEXT = (
    "No passage matched this question. Answer from your general knowledge of Larkspur's "
    "products and policies."
)


@dataclass(frozen=True)
class CustomerContext:
    name: str
    email: str
    plan: str
    recent_orders: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def load_template() -> str:
    # The template ships with the image, so it is read once per process.
    return PROMPT_PATH.read_text(encoding="utf-8")


def format_passages(passages: list[Passage]) -> str:
    return "\n\n".join(
        f"[{i}] {p.title} ({p.url})\n{p.text[:MAX_PASSAGE_CHARS]}" for i, p in enumerate(passages, start=1)
    )


def build_messages(question: str, customer: CustomerContext, passages: list[Passage]) -> list[dict[str, str]]:
    """One system message holding the instructions, the customer, the context and the question."""
    prompt = load_template().format(
        name=customer.name,
        email=customer.email,
        plan=customer.plan,
        recent_orders=", ".join(customer.recent_orders) or "none",
        context=format_passages(passages) or NO_CONTEXT,
        question=question,
    )
    return [{"role": "system", "content": prompt}]
