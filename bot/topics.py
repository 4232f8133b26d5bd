"""Which topics of the scenario (hidden facts, needs, arguments, objections, counterparts,
concessions, policy items) a sentence is about, from the teacher's phrasings and keywords.

Matching is on folded text (no accents, lowercase), tolerant of plurals, word order and a
letter or two wrong (typing or speech recognition errors), with rapidfuzz."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from scenarios.model import Scenario, Topic

from .text import fold

# Function words carry no topic; a short list of our own is enough (spaCy's would cost 40 MB).
STOPWORDS = frozenset("""
a à au aux avec c ca ce cela ces cet cette chez comme d dans de des du elle elles en est et
etes etre eu il ils j je l la le les leur leurs lui m ma mais me mes moi mon n ne nos notre
nous on ou par pas pour qu que quel quelle quelles quels qui sa se ses si son sur t ta te
tes toi ton tu un une vos votre vous y ai as avez avons ont suis sommes sont fait faites
est-ce bien alors donc du-coup coup euh ben voila bon oui non tres plus moins aussi ici la-bas
combien comment pourquoi quand quoi ou-est
""".split())  # noqa: SIM905 - a word list reads better as text
_WORD = re.compile(r"[a-z0-9]+")


def content_words(text: str) -> list[str]:
    words = []
    for word in _WORD.findall(fold(text)):
        if word not in STOPWORDS and len(word) > 1:
            words.append(_stem(word))
    return words


def _stem(word: str) -> str:
    # Plural and a few verb endings: "pannes" ~ "panne", "imprimez" ~ "imprime".
    for ending in ("aux", "ez", "es", "s", "x", "e"):
        # "faute" must not become "faut" (il faut): a final e goes only from longer words.
        if len(word) > (5 if ending == "e" else 4) and word.endswith(ending):
            return word[: -len(ending)]
    return word


@dataclass(frozen=True)
class TopicHit:
    id: str
    score: float

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "score": round(self.score, 3)}


@dataclass(frozen=True)
class _Entry:
    id: str
    keywords: tuple[tuple[str, ...], ...]  # each keyword as its stemmed content words
    phrase_sets: tuple[frozenset[str], ...]  # each phrasing as its stemmed content words


def scenario_topics(scenario: Scenario) -> list[Topic]:
    items: list[Topic] = [*scenario.topics, *scenario.facts, *scenario.needs,
                          *scenario.arguments, *scenario.objections]
    if scenario.negotiation:
        items += [*scenario.negotiation.counterparts, *scenario.negotiation.concessions]
    if scenario.policy:
        policy = scenario.policy
        items += [*policy.solutions, *policy.gestures, *policy.forbidden, *policy.legal_points]
    return items


class TopicMatcher:
    def __init__(self, topics: list[Topic], threshold: float = 0.62,
                 names: frozenset[str] = frozenset()) -> None:
        self.threshold = threshold
        # Company and people names are no topic: "Fidelix" must not mean "fidéliser".
        self.names = names
        self._entries = [
            _Entry(
                topic.id,
                tuple(tuple(words) for keyword in topic.keywords
                      if (words := content_words(keyword))),
                tuple(frozenset(words) for phrase in topic.phrasings
                      if (words := content_words(phrase))),
            )
            for topic in topics
        ]
        self._vocabulary = frozenset(
            word for entry in self._entries
            for group in (*entry.keywords, *entry.phrase_sets) for word in group)
        self._cache: dict[str, frozenset[str]] = {}

    @classmethod
    def for_scenario(cls, scenario: Scenario) -> TopicMatcher:
        named = [scenario.brief.company.name,
                 *(f"{s.first_name} {s.last_name}" for s in scenario.speakers)]
        return cls(scenario_topics(scenario), names=frozenset(
            word for name in named for word in content_words(name)))

    def match(self, sentence: str) -> list[TopicHit]:
        words = [word for word in content_words(sentence) if word not in self.names]
        if not words:
            return []
        # For each word of the sentence, the scenario words it stands for (equal, same stem,
        # or a letter or two apart): computed once, then every phrasing is a set lookup.
        related = {word: self._related(word) for word in set(words)}
        seen = frozenset().union(*related.values())
        hits = []
        for entry in self._entries:
            score = max(self._keyword_score(entry, seen),
                        self._phrase_score(entry, words, related, seen))
            if score >= self.threshold:
                hits.append(TopicHit(entry.id, score))
        return sorted(hits, key=lambda hit: -hit.score)

    def _related(self, word: str) -> frozenset[str]:
        cached = self._cache.get(word)
        if cached is None:
            cached = frozenset(v for v in self._vocabulary if same_word(word, v))
            self._cache[word] = cached
        return cached

    @staticmethod
    def _keyword_score(entry: _Entry, seen: frozenset[str]) -> float:
        best = 0.0
        for keyword in entry.keywords:
            if all(part in seen for part in keyword):
                # A two-word keyword ("prix plancher") is stronger evidence than one word.
                best = max(best, min(1.0, 0.75 + 0.1 * len(keyword)))
        return best

    @staticmethod
    def _phrase_score(entry: _Entry, words: list[str], related: dict[str, frozenset[str]],
                      seen: frozenset[str]) -> float:
        """F-measure of the words a sentence shares with the closest teacher's phrasing."""
        best = 0.0
        for phrase in entry.phrase_sets:
            shared_in_phrase = len(phrase & seen)
            if not shared_in_phrase:
                continue
            shared_in_sentence = sum(1 for w in words if related[w] & phrase)
            recall = shared_in_sentence / len(words)
            precision = shared_in_phrase / len(phrase)
            best = max(best, 2 * recall * precision / (recall + precision))
        return best * 0.95


@lru_cache(maxsize=200_000)
def same_word(a: str, b: str) -> bool:
    """Equal, sharing a long stem ("decide" ~ "decision"), or one or two letters apart
    (typing or recognition errors)."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    if shortest >= 5:
        prefix = 0
        for x, y in zip(a, b, strict=False):
            if x != y:
                break
            prefix += 1
        if prefix >= 5 and prefix >= 0.7 * shortest:
            return True
    return shortest >= 6 and abs(len(a) - len(b)) <= 2 and fuzz.ratio(a, b) >= 85
