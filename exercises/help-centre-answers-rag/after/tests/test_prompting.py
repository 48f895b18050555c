import os

os.environ.setdefault("ASSISTANT_LLM_API_KEY", "test-key")

from assistant.prompting import CustomerContext, build_messages  # noqa: E402
from assistant.retrieval import Passage  # noqa: E402

CUSTOMER = CustomerContext(name="Sam", email="sam@example.com", plan="pro", recent_orders=["ord_1"])


def test_prompt_contains_the_question():
    messages = build_messages("How do I get a refund?", CUSTOMER, [])
    assert "How do I get a refund?" in messages[0]["content"]


def test_prompt_contains_the_passages():
    passage = Passage(doc_id="a1", title="Refunds", text="Refunds take 5 days.", url="https://help/refunds", score=0.9)
    messages = build_messages("refund?", CUSTOMER, [passage])
    assert "Refunds take 5 days." in messages[0]["content"]
