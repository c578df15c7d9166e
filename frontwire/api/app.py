"""The ASGI app: the JSON API under ``/api``, its OpenAPI schema and docs, and the map page at ``/``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from frontwire import __version__
from frontwire.api import reading, writing
from frontwire.api.errors import install_error_handlers
from frontwire.api.service import Service
from frontwire.config import Settings
from frontwire.web import INDEX_HTML, STATIC_DIR

PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app serving ``settings.db``. Nothing opens until the first request; the store closes at shutdown."""
    service = Service(settings or Settings.load())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()

    app = FastAPI(
        title="frontwire", version=__version__, lifespan=lifespan,
        description="A sourced, geolocated, de-duplicated ledger of conflict events (ACLED codebook).",
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
    )
    app.state.service = service
    install_error_handlers(app)
    app.include_router(reading.router)
    app.include_router(writing.router)
    _mount_docs(app)
    _mount_page(app)
    return app


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI from the ``swagger-ui-bundle`` package on PyPI: the docs page loads nothing from a CDN."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:  # docs are a convenience: without the bundle they are off, never fetched
        return
    app.mount("/api/docs/assets", StaticFiles(directory=swagger_ui_path), name="swagger-ui")

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/api/openapi.json", title="frontwire API",
                                   swagger_js_url="/api/docs/assets/swagger-ui-bundle.js",
                                   swagger_css_url="/api/docs/assets/swagger-ui.css",
                                   swagger_favicon_url="/api/docs/assets/favicon-32x32.png")


def _mount_page(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        # the page's own policy (also in its meta tag), sent by the server too: nothing but this origin loads
        return FileResponse(INDEX_HTML, media_type="text/html", headers={"Content-Security-Policy": PAGE_POLICY})
