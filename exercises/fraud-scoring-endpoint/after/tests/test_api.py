import os

os.environ.setdefault("FRAUD_WAREHOUSE_DSN", "postgresql://localhost/test")

from unittest import mock  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from fraud_service import api  # noqa: E402
from fraud_service.features import FEATURE_COLUMNS  # noqa: E402

VALID_PAYLOAD = {
    "transaction_id": "txn_0001",
    "customer_id": "cus_42",
    "amount_minor": 1250,
    "currency": "EUR",
    "card_country": "DE",
    "merchant_country": "DE",
    "mcc": "5411",
    "timestamp": "2024-05-02T10:15:00Z",
}


@pytest.fixture
def client(monkeypatch):
    fake_model = mock.Mock(version="test")
    fake_model.predict_proba.return_value = np.array([0.1])
    monkeypatch.setattr(api, "load_model", lambda *args, **kwargs: fake_model)
    monkeypatch.setattr(
        api, "build_online_features", lambda **kwargs: {name: 0.0 for name in FEATURE_COLUMNS}
    )
    return TestClient(api.app)


def test_score_returns_200(client):
    headers = {"X-API-Key": api.settings.api_key}
    response = client.post("/v1/score", json=VALID_PAYLOAD, headers=headers)
    assert response.status_code == 200


def test_healthz(client):
    assert client.get("/healthz").status_code == 200
