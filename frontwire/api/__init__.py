"""The HTTP service: the ledger as a JSON API and a map page, for people who look before they compute.

    from frontwire.api import create_app
    app = create_app(Settings(db="frontwire.db"))          # an ASGI app; ``frontwire serve`` runs it on uvicorn

Reading (no token): ``GET /api/events`` (filters, cursor pages), ``/api/events/{id}``, ``/api/documents/{id}``,
``/api/control``, ``/api/losses``, ``/api/stats``, ``/api/export``. Writing (a bearer token from ``api_tokens``):
``POST /api/documents``, ``/api/merge/split``, ``/api/merge/join``. Every error has one JSON shape
(``frontwire.api.errors``); the OpenAPI schema is at ``/api/openapi.json``.
"""

from frontwire.api.app import create_app

__all__ = ["create_app"]
