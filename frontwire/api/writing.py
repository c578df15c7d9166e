"""The API's write endpoints: POST an article to code and store it, split or join claims by hand.

Every write needs ``Authorization: Bearer <token>`` with a token from the ``api_tokens`` setting
(``FRONTWIRE_API_TOKENS``, comma-separated). With no token configured, writes are off (403); a missing or wrong
token is 401. A body over ``api_max_body_bytes`` is refused (413) before it is read whole.
"""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from frontwire.api.errors import ApiError
from frontwire.api.reading import Svc, service
from frontwire.api.service import Service
from frontwire.cli.ingest import store_result
from frontwire.ingest import raw_document_from_record
from frontwire.ledger import claim_to_dict
from frontwire.records import RawDocument
from frontwire.store.events import event_of_claim

router = APIRouter(prefix="/api")
POST_ORIGIN = "POST /api/documents"


def require_writer(request: Request, svc: Annotated[Service, Depends(service)]) -> None:
    """Let the request through only with a configured bearer token."""
    tokens = svc.tokens
    if not tokens:
        raise ApiError(403, "writes are off: this service has no API tokens configured",
                       hint="start it with FRONTWIRE_API_TOKENS=<token> (or api_tokens in frontwire.toml)",
                       code="writes_off")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "this endpoint needs a token", hint="send 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not any(hmac.compare_digest(given.strip().encode(), token.encode()) for token in tokens):
        raise ApiError(401, "the token is not one this service accepts", hint="check the token you were given",
                       headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


Writer = Annotated[None, Depends(require_writer)]


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused as soon as it is known to be over ``limit`` bytes (declared or streamed)."""
    declared = request.headers.get("content-length")
    too_large = ApiError(413, f"the request body is over {limit:,} bytes",
                         hint="send one article at a time, or raise FRONTWIRE_API_MAX_BODY_BYTES")
    if declared and declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "the body is not UTF-8 text", hint="send the article as UTF-8") from None


def _raw_document(body: bytes, content_type: str) -> RawDocument:
    """A POSTed article: JSON (as one line of a JSONL input), or a page of HTML, or plain text."""
    if not body.strip():
        raise ApiError(400, "the body is empty", hint='send {"text": "..."} or an HTML page')
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return RawDocument(id=None, html=_decode(body), origin=POST_ORIGIN)
    if kind == "text/plain":
        return RawDocument(id=None, text=_decode(body), origin=POST_ORIGIN)
    if kind not in ("application/json", ""):
        raise ApiError(415, f"cannot read a body of type {kind!r}",
                       hint="send application/json, text/html or text/plain")
    try:
        record = json.loads(_decode(body))
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"the body is not valid JSON ({exc.msg} at column {exc.colno})",
                       hint='send {"text": "...", "published_at": "YYYY-MM-DD"}') from None
    raw = raw_document_from_record(record, POST_ORIGIN)
    if not isinstance(raw, RawDocument):
        raise ApiError(422, raw.reason, hint='send {"text": "..."} or {"html": "..."}')
    return raw


@router.post("/documents", status_code=201, summary="code one article and store it")
async def post_document(request: Request, svc: Svc, _: Writer) -> JSONResponse:
    """Run one article (JSON like a JSONL input line, an HTML page, or plain text) through the pipeline, store
    the document and its claims, and return them with the events they joined. Posting the same article again
    stores nothing new (``stored`` false)."""
    raw = _raw_document(await read_body(request, svc.settings.api_max_body_bytes),
                        request.headers.get("content-type", ""))
    # coding is CPU-bound and the pipeline is one: run it off the event loop, one article at a time
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_code_and_store, svc, raw)


def _code_and_store(svc: Service, raw: RawDocument) -> JSONResponse:
    with svc.pipeline() as pipeline:
        results = list(pipeline.run([raw]))
    if not results:
        raise ApiError(500, "the pipeline returned nothing for the article", hint="this is a bug in frontwire")
    result = results[0]
    with svc.store() as store:
        stored = store_result(store, result)
        if store.dialect.name == "postgresql":
            store.connection.commit()
        svc.keep_current(store, now=True)
        event_ids = {c.claim_id: event_of_claim(store, c.claim_id) for c in result.claims}
    if result.failure is not None and (result.document is None or result.document.status != "ok"):
        raise ApiError(422, result.failure.reason, hint="the failure is recorded in the store's failures table")
    claims = [{**claim_to_dict(c), "event_id": event_ids.get(c.claim_id)} for c in result.claims]
    document = result.document.to_dict() if result.document is not None else None
    return JSONResponse({"document": document, "claims": claims, "stored": stored},
                        status_code=201 if stored else 200)


async def _decision(request: Request, svc: Service, kind: str) -> dict[str, Any]:
    body = await read_body(request, svc.settings.api_max_body_bytes)
    try:
        payload = json.loads(_decode(body) or "null")
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"the body is not valid JSON ({exc.msg})", hint='send {"claim_ids": ["...", "..."]}') from None
    ids = payload.get("claim_ids") if isinstance(payload, dict) else None
    note = payload.get("note") if isinstance(payload, dict) else None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids) or len(set(ids)) < 2:
        raise ApiError(422, f"'{kind}' needs two or more different claim ids",
                       hint='send {"claim_ids": ["...", "..."], "note": "why"}')
    if note is not None and not isinstance(note, str):
        raise ApiError(422, "note must be a string", hint='send {"claim_ids": [...], "note": "why"}')
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_record_decision, svc, kind, sorted(set(ids)), note)


def _record_decision(svc: Service, kind: str, ids: list[str], note: str | None) -> dict[str, Any]:
    with svc.store() as store:
        unknown = [cid for cid in ids if event_of_claim(store, cid) is None]
        if unknown:
            raise ApiError(404, f"no stored claim with id {', '.join(unknown)}",
                           hint="claim ids are the claim_id of each claim in GET /api/events/{id}")
        store.add_decision(kind, ids, note)
        svc.keep_current(store, now=True)
        events = sorted({event_of_claim(store, cid) or "" for cid in ids})
    return {"recorded": kind, "claim_ids": ids, "note": note, "event_ids": events}


@router.post("/merge/split", summary="these claims are different events")
async def split(request: Request, svc: Svc, _: Writer) -> dict[str, Any]:
    """Record an analyst's split: no two of the claims sit in one event, on every later merge."""
    return await _decision(request, svc, "split")


@router.post("/merge/join", summary="these claims are one event")
async def join(request: Request, svc: Svc, _: Writer) -> dict[str, Any]:
    """Record an analyst's join: the claims sit in one event, on every later merge."""
    return await _decision(request, svc, "join")
