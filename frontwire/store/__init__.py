"""Where documents and claims are kept: one SQLite file by default, PostgreSQL for many users.

    with open_store("frontwire.db") as store:              # or "postgresql://user@host/db"
        store.save_document(document, claims)             # one transaction per document; idempotent
        store.iter_claims(); store.iter_documents(); store.failures()

Documents are keyed by a content hash: the same input stored twice changes nothing; an updated version of the
same URL (or id) is kept beside the old one. The claims of the version the article dates last (then the
greatest content hash) count, whatever order the versions were ingested in.
"""

from frontwire.store.database import Store, open_store

__all__ = ["Store", "open_store"]
