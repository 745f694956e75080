"""Normalized word shingles, MinHash signatures and LSH band keys (pure functions).

MinHash comes from ``datasketch``; the banding is done here so that the bands live in our own
store (a Faust table) instead of datasketch's in-memory index.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zlib
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from sitrep.textnorm import normalize_for_match

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str, size: int) -> set[bytes]:
    """Word ``size``-grams of the matching form of ``text`` (folded Arabic, lower case, no punctuation)."""
    words = _WORD.findall(normalize_for_match(text))
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@lru_cache(maxsize=8)
def _template(num_perm: int, seed: int) -> MinHash:
    # Drawing the permutations is the costly part of a MinHash: draw them once per setting and copy.
    # CRC-32 (C, deterministic across processes) hashes the shingles: MinHash only needs a
    # well-spread 32-bit hash, not a cryptographic one.
    return MinHash(num_perm=num_perm, seed=seed, hashfunc=zlib.crc32)


def signature(items: set[bytes], num_perm: int, seed: int = 1) -> np.ndarray:
    """MinHash signature (``num_perm`` unsigned 32-bit values) of a set of shingles."""
    minhash = _template(num_perm, seed).copy()
    if items:
        minhash.update_batch(sorted(items))
    return np.asarray(minhash.hashvalues, dtype=np.uint64).astype(np.uint32)


def encode_signature(values: np.ndarray) -> str:
    """Compact JSON-able form of a signature (base64 of little-endian uint32)."""
    return base64.b64encode(values.astype("<u4").tobytes()).decode("ascii")


def decode_signature(text: str) -> np.ndarray:
    """Inverse of :func:`encode_signature`."""
    return np.frombuffer(base64.b64decode(text), dtype="<u4")


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / float(len(a))


@lru_cache(maxsize=32)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising false positives + false negatives around ``threshold``
    (the same criterion as datasketch's ``MinHashLSH``)."""

    def integral(f: object, lo: float, hi: float, steps: int = 200) -> float:
        width = (hi - lo) / steps
        return sum(f(lo + (i + 0.5) * width) for i in range(steps)) * width  # type: ignore[operator]

    best, best_error = (1, num_perm), float("inf")
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            false_pos = integral(lambda s, b=bands, r=rows: 1 - (1 - s**r) ** b, 0.0, threshold)
            false_neg = integral(lambda s, b=bands, r=rows: 1 - (1 - (1 - s**r) ** b), threshold, 1.0)
            if false_pos + false_neg < best_error:
                best, best_error = (bands, rows), false_pos + false_neg
    return best


def band_keys(values: np.ndarray, bands: int, rows: int) -> list[str]:
    """One short hash per LSH band: two signatures sharing any band key are candidates."""
    raw = values.astype("<u4").tobytes()
    width = 4 * rows
    return [hashlib.blake2b(raw[i * width : (i + 1) * width], digest_size=6).hexdigest()
            for i in range(bands)]
