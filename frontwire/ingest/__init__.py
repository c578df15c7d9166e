"""Files, folders, JSONL and standard input -> ``RawDocument``.

Every input form of SCHEMA.md: ``*.txt``, ``*.html``/``*.htm``, ``*.jsonl`` (one article a line; ``*.jsonl.gz`` gzipped), a folder
(recursively) and ``-`` for JSONL on standard input; web crawls as ``*.warc``/``*.warc.gz`` (one article per HTML
page, ``warc.py``) and RSS/Atom feeds polled over HTTP (``feeds.py``, for ``frontwire watch``). Reading never stops a batch: an input that cannot be read
becomes a ``Failure`` naming it and what to do, and the next input is read.
"""

from frontwire.ingest.reader import iter_raw_documents, raw_document_from_record, read_text_file

__all__ = ["iter_raw_documents", "raw_document_from_record", "read_text_file"]
