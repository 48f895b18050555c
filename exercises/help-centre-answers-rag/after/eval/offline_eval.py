"""Offline evaluation of help-centre answers on held-out resolved tickets.

    python -m eval.offline_eval --tickets gs://support-exports/resolved_tickets_2025q3.jsonl [--n 200]

Each ticket holds the customer's first message and the agent's final reply. The assistant
answers the message, and a grader prompt decides whether the answer agrees with the agent.
"""
from __future__ import annotations

import argparse
import json
import logging
import random

import fsspec

from assistant.config import get_settings
from assistant.llm_client import LLMClient
from assistant.prompting import CustomerContext, build_messages
from assistant.retrieval import Retriever

logger = logging.getLogger(__name__)

GRADER_PROMPT = """You are grading an answer written by a support assistant.

Agent's reply: {reference}

Assistant's answer: {candidate}

Does the assistant's answer agree with the agent's reply? Answer yes or no."""

# Exported tickets are anonymised, so every evaluation question comes from the same stand-in customer.
EVAL_CUSTOMER = CustomerContext(name="Alex", email="alex@example.com", plan="standard")


def load_tickets(path: str) -> list[dict]:
    with fsspec.open(path, "r", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sample_tickets(tickets: list[dict], n: int, seed: int = 13) -> list[dict]:
    """A fixed random sample, so that two runs score the same tickets."""
    return random.Random(seed).sample(tickets, min(n, len(tickets)))


def agrees(llm: LLMClient, reference: str, candidate: str) -> bool:
    prompt = GRADER_PROMPT.format(reference=reference, candidate=candidate)
    return llm.complete([{"role": "user", "content": prompt}]).lower().startswith("yes")


def answer_accuracy(tickets: list[dict], retriever: Retriever, llm: LLMClient) -> float:
    correct = 0
    for ticket in tickets:
        passages = retriever.search(ticket["first_message"], limit=6)
        messages = build_messages(ticket["first_message"], EVAL_CUSTOMER, passages)
        candidate = llm.complete(messages, temperature=0.7)
        correct += agrees(llm, ticket["agent_reply"], candidate)
    return correct / len(tickets)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Score help-centre answers against agents' replies.")
    parser.add_argument("--tickets", required=True, help="JSONL export of resolved tickets")
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    settings = get_settings()
    llm = LLMClient(settings.llm_api_url, settings.llm_api_key, settings.llm_model)
    tickets = sample_tickets(load_tickets(args.tickets), args.n)
    accuracy = answer_accuracy(tickets, Retriever(settings), llm)
    print(f"answer accuracy: {accuracy:.1%} on {len(tickets)} tickets")


if __name__ == "__main__":
    main()
