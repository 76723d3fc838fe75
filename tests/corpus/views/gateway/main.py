"""An API gateway in FastAPI: query, path and body parameters are request data."""
import os

import aiohttp
import httpx
from fastapi import FastAPI, Header, HTTPException, Query
from fastapi.responses import RedirectResponse
from pydantic import BaseModel

app = FastAPI()

ADMIN_KEY = os.environ["GATEWAY_ADMIN_KEY"]

UPSTREAMS = {"billing": "https://billing.internal.example.com", "search": "https://search.internal.example.com"}


class Subscription(BaseModel):
    callback_url: str
    topic: str


@app.get("/fetch")
async def fetch(url: str):
    async with httpx.AsyncClient(timeout=5) as client:
        r = await client.get(url)  # expect: WH401
    return {"status": r.status_code}


@app.get("/fetch-query")
async def fetch_query(target: str = Query(...)):
    async with aiohttp.ClientSession() as session:
        async with session.get(target) as r:  # expect: WH401
            return {"status": r.status}


@app.post("/subscriptions")
async def subscribe(sub: Subscription):
    async with httpx.AsyncClient(timeout=5) as client:
        await client.post(sub.callback_url, json={"topic": sub.topic})  # expect: WH401
    return {"ok": True}


@app.get("/upstream/{name}")
async def upstream(name: str):  # safe: WH401
    base = UPSTREAMS.get(name)
    if base is None:
        raise HTTPException(404)
    async with httpx.AsyncClient(timeout=5) as client:
        r = await client.get(base + "/health")
    return {"status": r.status_code}


@app.get("/out")
async def out(to: str):
    return RedirectResponse(to)  # expect: WH402


@app.get("/out-safe")
async def out_safe(to: str):  # safe: WH402
    if not to.startswith("/") or to.startswith(("//", "/\\")):
        to = "/"
    return RedirectResponse(to)


@app.get("/out-half-checked")
async def out_half_checked(to: str):
    # Browsers read "/\\evil.example" as another host: excluding "//" alone is not enough.
    if not to.startswith("/") or to.startswith("//"):
        to = "/"
    return RedirectResponse(to)  # expect: WH402


@app.get("/admin")
async def admin(x_admin_key: str = Header("")):
    if x_admin_key == ADMIN_KEY:  # expect: WH102
        return {"admin": True}
    raise HTTPException(403)

