"""Goods names misspelt by one letter ("viagara", "oxycodon", "tramadoll", "fentanil").

Every Latin goods term of ``MIN_TERM_LENGTH`` letters or more is indexed with the forms it takes
with one letter deleted (a deletion neighbourhood, as SymSpell does): a word of the page within one
edit of a term (a letter dropped, added, changed, or two neighbours swapped) shares one of those
forms with it, so it is found with a few dictionary look-ups per word whatever the number of terms.
Misspellings keep the first letter, and a term of six letters is only misspelt by a letter dropped,
added or swapped with its neighbour (a changed letter makes too many other words: "pollan", "valgum").
Only words that are no English word (the segmenter's word list, also after dropping a plural or verb
ending: "morphing" is not "morphine", "herein" is not "heroin") and no term are looked up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable
from functools import lru_cache

MIN_TERM_LENGTH = 6
MIN_CHANGED_LETTER_LENGTH = 7  # a term this long is also misspelt by a changed letter
# endings that make an English word of a listed one ("morphing" of "morph", "carriers" of "carrier")
_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "ness")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def within_one_edit(word: str, term: str, changed_letter: bool = True) -> bool:
    """Whether ``word`` is ``term`` with one letter deleted, inserted or (``changed_letter``) changed,
    or two neighbouring letters swapped (and not ``term`` itself)."""
    if word == term or abs(len(word) - len(term)) > 1:
        return False
    if len(word) == len(term):
        diff = [i for i in range(len(word)) if word[i] != term[i]]
        if len(diff) == 1:
            return changed_letter
        first, second = diff if len(diff) == 2 else (0, 0)
        return second == first + 1 and word[first] + word[second] == term[second] + term[first]
    shorter, longer = (word, term) if len(word) < len(term) else (term, word)
    return shorter in _deletions(longer)


class Misspellings:
    """The goods terms a misspelt word stands for (see the module docstring)."""

    def __init__(self, terms: Iterable[str], english: Container[str]) -> None:
        self.terms = frozenset(t for t in terms if len(t) >= MIN_TERM_LENGTH and t.isascii() and t.isalpha())
        self.english = english
        index: dict[str, set[str]] = defaultdict(set)
        for term in self.terms:
            index[term].add(term)
            for form in _deletions(term):
                index[form].add(term)
        # tuples, not sets: the garbage collector stops tracking tuples of strings, so thousands of
        # small sets held for the process's life do not add to every full collection
        self._index = {form: tuple(sorted(terms)) for form, terms in index.items()}
        self.term_for = lru_cache(maxsize=4096)(self._term_for)

    def is_english(self, word: str) -> bool:
        """Whether ``word`` is an English word of the list, or one with a common ending added."""
        if word in self.english:
            return True
        return any(
            word.endswith(ending) and len(word) - len(ending) >= 3 and word[: -len(ending)] in self.english
            for ending in _ENDINGS
        )

    def _term_for(self, word: str) -> str | None:
        """The goods term ``word`` misspells by one edit, or None (the first in order when several)."""
        if len(word) < MIN_TERM_LENGTH or word in self.terms or not word.isalpha() or self.is_english(word):
            return None
        index = self._index
        candidates: set[str] = set(index.get(word, ()))
        for form in _deletions(word):
            candidates.update(index.get(form, ()))
        matches = sorted(
            term
            for term in candidates
            if term[0] == word[0] and within_one_edit(word, term, len(term) >= MIN_CHANGED_LETTER_LENGTH)
        )
        return matches[0] if matches else None
