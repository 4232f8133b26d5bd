"""Word error rate, for the speech benchmarks and tests: the reference and the hypothesis
are normalised the same way (case, punctuation, apostrophes and hyphens, numbers written
in digits by text2num, so "dix-sept" and "17" agree), then compared word by word with
rapidfuzz's Levenshtein distance on word lists."""

from __future__ import annotations

import re


def normalise(text: str) -> list[str]:
    from text_to_num import alpha2digit

    text = text.lower().replace("’", "'")
    text = alpha2digit(text, "fr")
    return re.sub(r"[^\w]+", " ", text).split()


def errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(word errors, words in the reference)."""
    from rapidfuzz.distance import Levenshtein

    ref, hyp = normalise(reference), normalise(hypothesis)
    return Levenshtein.distance(ref, hyp), len(ref)


def word_error_rate(pairs: list[tuple[str, str]]) -> float:
    """Errors over reference words, summed over all (reference, hypothesis) pairs."""
    counted = [errors(ref, hyp) for ref, hyp in pairs]
    words = sum(n for _, n in counted)
    return sum(e for e, _ in counted) / words if words else 0.0
