"""Find documents that are the same story: exact copies and near-duplicates.

Exact copies share the hash of their normalised text (``Document.id``). Near-duplicates
(the same wire story re-published with another headline or a trimmed paragraph) are
found with MinHash signatures over word shingles and a locality-sensitive hash index
(datasketch). Duplicates are linked and reported, never silently dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.8
_SCHEME = MinHash(num_perm=1).scheme
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    """Return ``text`` with Unicode compatibility forms, quotes and whitespace folded."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


def document_id(text: str) -> str:
    """Return the stable id of a document: the SHA-256 of its normalised text."""
    return hashlib.sha256(normalise(text).lower().encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Return the word ``size``-grams of ``text``, lower-cased, as bytes."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    """Return the MinHash signature of ``text``."""
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch(list(shingles(text)))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    """Serialise a signature for storage."""
    return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    """Rebuild a signature stored with :func:`to_bytes`."""
    return MinHash(
        num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=_SCHEME
    )


class NearDuplicateIndex:
    """An LSH index of document signatures that answers 'which stored text is this like?'."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._signatures

    def add(self, key: str, minhash: MinHash) -> None:
        """Index ``minhash`` under ``key`` (a document id); a known key is ignored."""
        if key not in self._signatures:
            self._lsh.insert(key, minhash)
            self._signatures[key] = minhash

    def similar(self, minhash: MinHash, *, exclude: Iterable[str] = ()) -> list[tuple[str, float]]:
        """Return ``(key, estimated Jaccard similarity)`` of indexed near-duplicates, best first."""
        skip = set(exclude)
        found = [
            (key, float(minhash.jaccard(self._signatures[key])))
            for key in self._lsh.query(minhash)
            if key not in skip
        ]
        return sorted(found, key=lambda pair: (-pair[1], pair[0]))


class DuplicateTracker:
    """Remember the documents of a batch and say which earlier one a new one repeats."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self._index = NearDuplicateIndex(threshold)

    def check(self, doc_id: str, text: str) -> tuple[str, float] | None:
        """Return ``(earlier id, similarity)`` when ``text`` repeats an earlier document.

        An exact copy (same id) has similarity 1.0. The document is remembered either way.
        """
        if doc_id in self._index:
            return doc_id, 1.0
        minhash = signature(text)
        found = self._index.similar(minhash, exclude=(doc_id,))
        self._index.add(doc_id, minhash)
        return found[0] if found else None
