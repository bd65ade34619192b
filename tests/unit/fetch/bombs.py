"""Compression bombs shared by the unit and integration tests: tiny on the wire, huge decoded."""

from __future__ import annotations

import functools
import gzip
import zlib

import brotli

BOMB_DECODED_BYTES = 64 * 1024 * 1024


@functools.cache
def gzip_bomb() -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = bytes(1024 * 1024)
    body = b"".join(compressor.compress(chunk) for _ in range(BOMB_DECODED_BYTES // len(chunk)))
    return body + compressor.flush()


@functools.cache
def brotli_bomb() -> bytes:
    data: bytes = brotli.compress(bytes(BOMB_DECODED_BYTES), quality=5)
    return data


def gzip_of(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)
