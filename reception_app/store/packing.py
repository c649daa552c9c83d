"""Eligibility snapshots are kept compressed (zlib): a check-in's merged JSON and the OQS XML it came from are
~7 KB as text and ~2 KB compressed, and they are most of what the database grows by each day (and most of the new
pages the page cache comes to hold). No schema change: SQLite keeps a BLOB in the TEXT column, and rows written
before this are read as they are. Compression happens before SQLCipher encrypts the page, so the file is as opaque
as before (lengths of rows at rest give nothing away that the record count does not).
"""

from __future__ import annotations

import zlib

# Never the start of a text file or an XML document (a NUL first), so a value starting with it is one we packed.
MAGIC = b"\x00RZ1"
LEVEL = 6


def pack(data: bytes) -> bytes:
    return MAGIC + zlib.compress(data, LEVEL)


def unpack(value: bytes | memoryview | str) -> bytes:
    """What `pack` was given; a value stored before packing (text or bytes) comes back unchanged."""
    if isinstance(value, str):
        return value.encode("utf-8")
    data = bytes(value)
    if data.startswith(MAGIC):
        return zlib.decompress(data[len(MAGIC):])
    return data
