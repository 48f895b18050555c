"""HTTP endpoint for real-time fraud scoring, called by checkout before authorisation."""
from __future__ import annotations

import logging
import secrets
from datetime import datetime
from typing import Literal

import numpy as np
import redis
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

from fraud_service.config import get_settings
from fraud_service.features import FEATURE_COLUMNS, build_online_features
from fraud_service.model_loader import load_model

logger = logging.getLogger(__name__)

settings = get_settings()
app = FastAPI(title="fraud-scoring")

feature_store = redis.Redis(
    host=settings.redis_host,
    port=settings.redis_port,
    password=settings.redis_password,
    socket_timeout=settings.feature_store_timeout_s,
    socket_connect_timeout=settings.feature_store_timeout_s,
    decode_responses=True,
)


class ScoreRequest(BaseModel):
    transaction_id: str
    customer_id: str
    amount_minor: int
    currency: str
    card_country: str
    merchant_country: str
    mcc: str
    timestamp: datetime


class ScoreResponse(BaseModel):
    transaction_id: str
    decision: Literal["approve", "review", "decline"]
    score: float


def require_api_key(x_api_key: str = Header(...)) -> None:
    if not secrets.compare_digest(x_api_key, settings.api_key):
        raise HTTPException(status_code=401, detail="invalid API key")


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/v1/score", response_model=ScoreResponse, dependencies=[Depends(require_api_key)])
def score(req: ScoreRequest) -> ScoreResponse:
    try:
        model = load_model(settings.model_dir, settings.model_version)
        features = build_online_features(
            store=feature_store,
            customer_id=req.customer_id,
            amount_minor=req.amount_minor,
            currency=req.currency,
            card_country=req.card_country,
            merchant_country=req.merchant_country,
            mcc=req.mcc,
            ts=req.timestamp,
        )
        row = np.array([[features[name] for name in FEATURE_COLUMNS]], dtype=np.float64)
        fraud_score = float(model.predict_proba(row)[0])
    except Exception:
        return ScoreResponse(transaction_id=req.transaction_id, decision="approve", score=0.0)

    if fraud_score >= 0.85:
        decision = "decline"
    elif fraud_score >= 0.6:
        decision = "review"
    else:
        decision = "approve"

    return ScoreResponse(transaction_id=req.transaction_id, decision=decision, score=fraud_score)
