"""FastAPI verifies webhooks in dependencies: `Depends(verified_body)` runs before the handler
and raises on a bad signature, so the handler is covered, as a Flask before_request hook would
cover it; so does one listed by the route decorator (`dependencies=[...]`). A dependency's own
parameters may declare further dependencies, which run first. The
value a dependency returns is still request data: a URL taken from it and fetched is SSRF."""
import hashlib
import hmac
import json
import os

import httpx
from fastapi import Depends, FastAPI, Header, HTTPException, Request

app = FastAPI()  # expect: WH301

GITHUB_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()
STRIPE_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"].encode()
seen_deliveries = set()


async def verified_body(request: Request, x_hub_signature_256: str = Header("")) -> bytes:
    body = await request.body()
    if len(body) > 1024 * 1024:
        raise HTTPException(status_code=413)
    expected = "sha256=" + hmac.new(GITHUB_SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, x_hub_signature_256):
        raise HTTPException(status_code=401, detail="bad signature")
    return body


async def github_event(body: bytes = Depends(verified_body)) -> dict:
    return json.loads(body)


async def raw_body(request: Request) -> bytes:
    return await request.body()


async def require_stripe_signature(request: Request, stripe_signature: str = Header("")) -> None:
    body = await request.body()
    timestamp, _, signature = stripe_signature.partition(",v1=")
    signed = timestamp.removeprefix("t=").encode() + b"." + body
    expected = hmac.new(STRIPE_SECRET, signed, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise HTTPException(status_code=400, detail="bad signature")


@app.post("/webhooks/github")
async def github_webhook(request: Request, body: bytes = Depends(verified_body)):
    delivery = request.headers.get("X-GitHub-Delivery", "")
    if delivery in seen_deliveries:
        return {"duplicate": True}
    seen_deliveries.add(delivery)
    event = json.loads(body)
    async with httpx.AsyncClient(timeout=10) as client:
        await client.post(event["repository"]["hooks_url"], json={"seen": True})  # expect: WH401, WH501
    return {"ok": True}


@app.post("/webhooks/github/issues")
async def github_issues(request: Request, event: dict = Depends(github_event)):
    if request.headers.get("X-GitHub-Delivery", "") in seen_deliveries:
        return {"duplicate": True}
    return {"issue": event.get("issue")}  # expect: WH501


@app.post("/webhooks/partner")
async def partner_webhook(body: bytes = Depends(raw_body)):  # expect: WH101, WH201
    event = json.loads(body)
    return {"kind": event["kind"]}  # expect: WH501


@app.post("/webhooks/stripe", dependencies=[Depends(require_stripe_signature)])
async def stripe_webhook(request: Request):  # expect: WH201
    event = await request.json()
    return {"received": event["type"]}  # expect: WH501
