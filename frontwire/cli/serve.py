"""``frontwire serve``: the ledger as an HTTP API and a map page, on uvicorn.

    frontwire serve                                  # http://127.0.0.1:8000/ : the map; /api/docs : the API
    FRONTWIRE_API_TOKENS=s3cret frontwire serve --db postgresql://... --host 0.0.0.0
"""

from __future__ import annotations

import argparse

from frontwire.cli.common import EXIT_OK, EXIT_USAGE, add_db_option, say
from frontwire.config import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the ledger: a JSON API and a map page",
        description="Serve the store's merged events over HTTP: the map-and-timeline page at /, the JSON API under "
                    "/api (schema at /api/openapi.json, docs at /api/docs). Reading needs nothing; writing "
                    "(POST /api/documents, /api/merge/split, /api/merge/join) needs a bearer token from "
                    "$FRONTWIRE_API_TOKENS and is off without one. The page loads nothing from the network.")
    add_db_option(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.set_defaults(func=run)


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app on uvicorn until interrupted; the library call behind the command."""
    import uvicorn

    from frontwire.api import create_app
    from frontwire.store import open_store
    from frontwire.store.events import refresh_events

    with open_store(settings.db) as store:  # fail here, with the store's own message, not on the first request
        refresh_events(store)
    writes = "on" if settings.api_tokens else "off (set FRONTWIRE_API_TOKENS to allow them)"
    say(f"serving {settings.db} at http://{host}:{port}/ (API docs at /api/docs; writes {writes})")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not 0 < args.port < 65536:
        say(f"--port {args.port} is not a port; use 1 to 65535")
        return EXIT_USAGE
    serve(settings, host=args.host, port=args.port)
    return EXIT_OK
