"""Which topics of the scenario (hidden facts, needs, arguments, objections, counterparts,
concessions, policy items) a sentence is about, from the teacher's phrasings and keywords.

Two readings of the sentence are averaged (docs/decisions/0004-sujets-par-le-sens.md):
- words: folded content words, tolerant of plurals, word order and a letter or two wrong
  (typing or speech recognition errors, with rapidfuzz), against keywords and phrasings;
- character n-grams: TF-IDF cosine (scikit-learn) between the whole folded sentence and
  each phrasing, keyword and label of a topic. Word pieces carry meaning the word reading
  misses ("imprimez" ~ "impression", "dispo" ~ "disponible"), and the function words
  carry the shape of the sentence: "vous avez combien de..." is asked, not argued.
A topic is recognised when both readings agree enough: one generic word shared with a
phrasing ("aujourd'hui", "appeler") no longer fires it on its own."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process
from ruamel.yaml import YAML
from scipy.sparse import csr_matrix

from scenarios.model import PolicyItem, Scenario, Topic

from .entities import Entity, days_said
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

# Measured on the dev part of the blind corpus (benchmarks/topic_matching.py): equal weights
# and a 0.6 threshold recognise the most facts asked while firing on fewer lines about
# nothing than the word reading alone did.
WORD_WEIGHT = 0.5
NGRAM_SCALE = 1.25  # cosines of short texts rarely pass 0.8: brought to the word scale
THRESHOLD = 0.6
# A topic reached through the plain way of asking a question (discovery.yml) counts a little
# less than one the student's own words reach: "vous êtes chez FidCarte ?" asks about FidCarte
# before it asks what the baker uses in general.
PARAPHRASE_WEIGHT = 0.85
# When a question matches a plain way of asking, what that way reaches weighs more in the
# ranking than the student's own words (the blind corpus, facts asked: dev 0.481 → 0.500,
# test 0.489 → 0.496; ranking by the way of asking alone, weight 0.25, reached 0.509 on dev
# but fell to 0.475 on test).
WORDS_WHEN_ASKED = 0.5


# Numbers said in words are the same words as in digits: "sous cinq jours" (a teacher's
# keyword) and "sous 5 jours" (a student, or the speech recogniser) must meet. A small table
# rather than text2num: this runs on every word of every sentence and phrasing.
_NUMBER_WORDS = {"deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6",
                 "sept": "7", "huit": "8", "neuf": "9", "dix": "10", "douze": "12",
                 "quinze": "15", "vingt": "20", "trente": "30", "quarante": "40",
                 "cinquante": "50", "soixante": "60", "cent": "100"}


# Set phrases whose words mean nothing of their own: "ce sera marqué noir sur blanc" is no
# question about black-and-white pages (round 49: she gave her colour share at the close).
_SET_PHRASES = re.compile(r"\bnoir sur blanc\b")


def content_words(text: str) -> list[str]:
    words = []
    for word in _WORD.findall(_SET_PHRASES.sub(" ", fold(text))):
        word = _NUMBER_WORDS.get(word, word)
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
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


def scenario_names(scenario: Scenario) -> frozenset[str]:
    """Company and people names are no topic: "Fidelix" must not mean "fidéliser"."""
    named = [scenario.brief.company.name,
             *(f"{s.first_name} {s.last_name}" for s in scenario.speakers)]
    return frozenset(word for name in named for word in content_words(name))


class WordMatcher:
    """The word reading: keywords found among the sentence's words, or the F-measure of
    the words it shares with the closest phrasing."""

    # How a text becomes its words; a benchmark may swap in another (spaCy lemmas).
    tokenize = staticmethod(content_words)

    def __init__(self, topics: list[Topic], threshold: float = 0.62,
                 names: frozenset[str] = frozenset()) -> None:
        self.threshold = threshold
        self.names = names
        self._entries = [
            _Entry(
                topic.id,
                tuple(tuple(words) for keyword in topic.keywords
                      if (words := self.tokenize(keyword))),
                tuple(frozenset(words) for phrase in topic.phrasings
                      if (words := self.tokenize(phrase))),
            )
            for topic in topics
        ]
        self._vocabulary = frozenset(
            word for entry in self._entries
            for group in (*entry.keywords, *entry.phrase_sets) for word in group)
        # same_word over the whole vocabulary for every new word of a turn was a third of a
        # turn's time: only words sharing the first five letters can share a stem, and
        # rapidfuzz's C loop finds the near-misspellings among the rest.
        self._words = sorted(self._vocabulary)
        self._by_prefix: dict[str, list[str]] = {}
        for word in self._words:
            self._by_prefix.setdefault(word[:_STEM_PREFIX], []).append(word)
        self._cache: dict[str, frozenset[str]] = {}

    @classmethod
    def for_scenario(cls, scenario: Scenario) -> WordMatcher:
        return cls(scenario_topics(scenario), names=scenario_names(scenario))

    def scores(self, sentence: str) -> dict[str, float]:
        every_word = self.tokenize(sentence)
        words = [word for word in every_word if word not in self.names]
        # A name's words count only inside a longer keyword: "salon de jardin" is the head
        # office's operation even where the store is "Jardins & Cie" ("c'est quoi leur
        # opération Salon de jardin ?" matched nothing and got "Bon. Merci.", round 49).
        named = frozenset(word for word in every_word if word in self.names)
        if not words:
            return {}
        # For each word of the sentence, the scenario words it stands for (equal, same stem,
        # or a letter or two apart): computed once, then every phrasing is a set lookup.
        related = {word: self._related(word) for word in set(words)}
        seen = frozenset().union(*related.values())
        if not seen:
            return {}
        found = {}
        for entry in self._entries:
            score = max(self._keyword_score(entry, seen, named),
                        self._phrase_score(entry, words, related, seen))
            if score > 0:
                found[entry.id] = score
        return found

    def match(self, sentence: str) -> list[TopicHit]:
        return _hits(self.scores(sentence), self.threshold)

    def _related(self, word: str) -> frozenset[str]:
        cached = self._cache.get(word)
        if cached is None:
            near = (v for v, _, _ in process.extract_iter(
                word, self._words, scorer=fuzz.ratio, score_cutoff=_NEAR_RATIO))
            stems = (self._by_prefix.get(word[:_STEM_PREFIX], ())
                     if len(word) >= _STEM_PREFIX else ())
            # (The word itself, if the scenario uses it, is among the near ones: ratio 100.)
            cached = frozenset(v for v in (*stems, *near) if same_word(word, v))
            self._cache[word] = cached
        return cached

    @staticmethod
    def _keyword_score(entry: _Entry, seen: frozenset[str],
                       named: frozenset[str] = frozenset()) -> float:
        best = 0.0
        for keyword in entry.keywords:
            if all(part in seen or part in named for part in keyword) and \
                    any(part in seen for part in keyword):
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


class NgramMatcher:
    """The character reading: best TF-IDF cosine between the sentence and one of the
    topic's texts (phrasings, keywords, label), on character 2- to 4-grams within words
    (scikit-learn's TfidfVectorizer(analyzer="char_wb", sublinear_tf=True), done by hand)."""

    def __init__(self, topics: list[Topic], threshold: float = 0.4,
                 names: frozenset[str] = frozenset()) -> None:
        self.threshold = threshold
        self.names = names
        self.ids = [topic.id for topic in topics]
        texts, owners = [], []
        for index, topic in enumerate(topics):
            for text in (*topic.phrasings, *topic.keywords, topic.label):
                if folded := self._prepare(text):
                    texts.append(folded)
                    owners.append(index)
        self._owners = np.array(owners, dtype=np.intp)
        # The texts of one scenario are also its corpus: n-grams common to all its topics
        # ("vous", "est-ce que") weigh little, those of one topic much.
        self._index: dict[str, int] = {}
        counts = [self._counts(text, grow=True) for text in texts]
        documents = np.zeros(len(self._index))
        for found in counts:
            documents[list(found)] += 1
        # TfidfVectorizer's smooth idf; computed here, since fitting scikit-learn's costs
        # 5 ms of checks and `repliq scenarios essai` builds a matcher per keyword and line.
        self._idf = np.log((1 + len(texts)) / (1 + documents)) + 1
        weighted = [self._weights(found) for found in counts]
        rows = np.repeat(np.arange(len(texts)), [len(column) for column, _ in weighted])
        columns = np.concatenate([column for column, _ in weighted] or [np.zeros(0, np.intp)])
        weights = np.concatenate([weight for _, weight in weighted] or [np.zeros(0)])
        # One row per n-gram: a sentence only touches the few rows of its own n-grams.
        self._by_ngram = csr_matrix((weights, (columns, rows)),
                                    shape=(len(self._index), len(texts)))

    @classmethod
    def for_scenario(cls, scenario: Scenario) -> NgramMatcher:
        return cls(scenario_topics(scenario), names=scenario_names(scenario))

    def _prepare(self, text: str) -> str:
        # Punctuation stays: a question mark is part of the shape of a question.
        return _WORD.sub(lambda word: "" if _stem(word[0]) in self.names else word[0],
                         fold(text)).strip()

    def _counts(self, text: str, grow: bool = False) -> dict[int, int]:
        """How often each known n-gram occurs (with `grow`, unknown ones become known)."""
        grams = Counter(char_ngrams(text))
        index = self._index
        if grow:
            for gram in grams:
                index.setdefault(gram, len(index))
        return {index[gram]: count for gram, count in grams.items() if gram in index}

    def _weights(self, counts: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
        """Sublinear TF-IDF, unit length: TfidfVectorizer(sublinear_tf=True)'s weights (the
        n-grams the scenario never uses drop out of the cosine anyway)."""
        columns = np.fromiter(counts, dtype=np.intp, count=len(counts))
        weights = (1 + np.log(np.fromiter(counts.values(), dtype=np.float64,
                                          count=len(counts)))) * self._idf[columns]
        return columns, weights / np.linalg.norm(weights) if len(weights) else weights

    def scores(self, sentence: str) -> dict[str, float]:
        columns, weights = self._weights(self._counts(self._prepare(sentence)))
        if not len(columns):
            return {}
        similarity = self._by_ngram[columns].T @ weights
        best = np.zeros(len(self.ids))
        np.maximum.at(best, self._owners, similarity)
        return {self.ids[i]: float(best[i]) for i in np.flatnonzero(best)}

    def match(self, sentence: str) -> list[TopicHit]:
        return _hits(self.scores(sentence), self.threshold)


class TopicMatcher:
    """Both readings averaged: what the engine, the self-test and the grading use."""

    def __init__(self, topics: list[Topic], threshold: float = THRESHOLD,
                 names: frozenset[str] = frozenset()) -> None:
        self.threshold = threshold
        # Company and people names are no topic: "Fidelix" must not mean "fidéliser".
        self.names = names
        self.words = WordMatcher(topics, names=names)
        self.ngrams = NgramMatcher(topics, names=names)
        self._phrasings: dict[str, dict[str, float]] = {}
        # The delay a policy item promises: "le délai de rétractation c'est 14 jours" is not
        # the 5-day replacement, however close the words (blind play: "Cinq jours ?").
        self.delays = {topic.id: topic.delay_days for topic in topics
                       if isinstance(topic, PolicyItem) and topic.delay_days is not None}
        # The durations a topic's keywords name ("48 mois"): "48 heures d'attente" in a
        # summary is not the 48-month term, however close the words (blind plays, three
        # rounds: "C'est long, comme engagement" to a summary that named no term).
        self.durations = {topic.id: pairs for topic in topics
                          if (pairs := durations_in(" ".join(topic.keywords)))}

    @classmethod
    def for_scenario(cls, scenario: Scenario) -> TopicMatcher:
        return cls(scenario_topics(scenario), names=scenario_names(scenario))

    def scores(self, sentence: str) -> dict[str, float]:
        by_words = self.words.scores(sentence)
        by_ngrams = self.ngrams.scores(sentence)
        # In the scenario's order, so that ties rank the same way on every run.
        return {topic: WORD_WEIGHT * by_words.get(topic, 0.0)
                + (1 - WORD_WEIGHT) * min(1.0, NGRAM_SCALE * by_ngrams.get(topic, 0.0))
                for topic in self.ngrams.ids if topic in by_words or topic in by_ngrams}

    def match(self, sentence: str, question: bool = False) -> list[TopicHit]:
        """The topics a sentence is about; a question is also read through the plain way of
        asking what it asks for (bot/data/discovery.yml), so that "vous pensiez mettre
        combien ?" reaches the budget the teacher phrased "Quel est votre budget ?"."""
        scores = self.scores(sentence)
        if not question:
            return _hits(scores, self.threshold)
        folded = fold(sentence)
        asked: dict[str, float] = {}  # what the plain ways of asking this question reach
        for intent in discovery_intents():
            if intent.asked_in(folded):
                for phrasing in intent.phrasings:
                    for topic, score in self._phrasing_scores(phrasing).items():
                        asked[topic] = max(asked.get(topic, 0.0), PARAPHRASE_WEIGHT * score)
        hits = _hits({topic: max(scores.get(topic, 0.0), asked.get(topic, 0.0))
                      for topic in dict.fromkeys([*scores, *asked])}, self.threshold)
        # Ranked by what the question asks more than by its words: "la couleur, elle est
        # comprise ou vous la payez à part ?" shares more words with "Vous imprimez beaucoup
        # en couleur ?" but asks what "Qu'est-ce qui est facturé à part ?" asks (blind play:
        # "La couleur, c'est 30 % du volume"). The scores stay those of the better reading.
        return sorted(hits, key=lambda hit: -(asked.get(hit.id, 0.0)
                                              + WORDS_WHEN_ASKED * scores.get(hit.id, 0.0)))

    def agreeing(self, hits: list[TopicHit], entities: list[Entity],
                 sentence: str = "") -> list[TopicHit]:
        """The hits whose promised delay or named duration the sentence does not contradict:
        an item is not what a sentence means when the sentence says its delays and none is
        the item's, nor a topic of "48 mois" when the sentence says "48 heures" and no
        duration of the topic."""
        # (A delay named as the usual one is set against the item offered: it is not this
        # sentence's delay.)
        folded = fold(sentence)
        usual = [match.span() for match in _USUAL_DELAY.finditer(folded)]
        entities = [entity for entity in entities if not any(
            start <= folded.find(fold(entity.text)) < end for start, end in usual)]
        for start, end in reversed(usual):
            sentence = folded = folded[:start] + folded[end:]
        said = set(days_said(entities))
        if said and self.delays:
            hits = [hit for hit in hits
                    if hit.id not in self.delays or self.delays[hit.id] in said]
        durations = durations_in(sentence)
        if self.durations:
            # (A topic's number said as something else counts as another unit: "50, 60 euros
            # d'économie par mois" read as the 60-month term, round 36.)
            other = frozenset((number, "autre") for number in _AMOUNT.findall(fold(sentence)))
            if durations or other:
                hits = [hit for hit in hits if not _contradicted(
                    self.durations.get(hit.id), durations | other)]
        return hits

    def _phrasing_scores(self, phrasing: str) -> dict[str, float]:
        cached = self._phrasings.get(phrasing)
        if cached is None:
            cached = self._phrasings[phrasing] = self.scores(phrasing)
        return cached


DISCOVERY_DATA = Path(__file__).resolve().parent / "data" / "discovery.yml"


@dataclass(frozen=True)
class DiscoveryIntent:
    """One kind of discovery question (a budget, who decides...): the ways students ask it
    and the plain way teachers phrase it."""

    name: str
    patterns: tuple[re.Pattern[str], ...]
    phrasings: tuple[str, ...]

    def asked_in(self, folded: str) -> bool:
        return any(pattern.search(folded) for pattern in self.patterns)


@lru_cache(maxsize=1)
def discovery_intents(path: Path = DISCOVERY_DATA) -> tuple[DiscoveryIntent, ...]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return tuple(DiscoveryIntent(item["intention"],
                                 tuple(re.compile(motif) for motif in item["motifs"]),
                                 tuple(item["formulations"])) for item in data)


_DURATION = re.compile(r"\b(\d+)\s*(mois|ans?|annees?|heures?|h|jours?|semaines?|minutes?|"
                       r"min)\b")
_UNIT = {"h": "heure", "heures": "heure", "ans": "an", "annee": "an", "annees": "an",
         "jours": "jour", "semaines": "semaine", "minutes": "minute", "min": "minute"}


# A number said as an amount or a share ("60 euros", "60 €", "60 %").
_AMOUNT = re.compile(r"\b(\d+)\s*(?:€|euros?|%|pour ?cent)")


def durations_in(text: str) -> frozenset[tuple[str, str]]:
    """The (number, unit) durations a text names: "48 heures" → ("48", "heure")."""
    return frozenset((number, _UNIT.get(unit, unit))
                     for number, unit in _DURATION.findall(fold(text)))


# A delay named as the usual one, to set the item offered against it ("normalement, un
# remplacement prend 5 jours, là vous avez une machine neuve dès samedi" dropped the express
# for its 2 days and its 48 h, and she said "Cinq jours ? Encore ?", aveugle-25).
_USUAL_DELAY = re.compile(r"\b(?:normalement|d'habitude|habituellement|en temps normal|au lieu"
                          r" des?|plutot que|sans attendre)\b[^.?!;:]{0,40}?\b(?:jours?|"
                          r"semaines?|heures?|h|mois)\b")


def _contradicted(own: frozenset[tuple[str, str]] | None,
                  said: frozenset[tuple[str, str]]) -> bool:
    """Whether a sentence names one of a topic's figures with another unit, and none of its
    durations."""
    if not own or own & said:
        return False
    # A delay said that is none of the topic's ("une machine neuve, sous 5 jours" is not the
    # 48-hour express, round 43: she took the standard delay as the express one).
    # (Delivery delays only, a day or more: "si c'est encore l'intervention en 48 heures" sets
    # the rival's delay against the 4-hour repairs, it still speaks of them.)
    own_delay, said_delay = _hours(own), _hours(said)
    if own_delay and min(own_delay) >= _DAY and said_delay and not own_delay & said_delay:
        return True
    numbers = {number for number, _ in own}
    return any(number in numbers for number, _ in said)


_IN_HOURS = {"heure": 1, "jour": 24, "semaine": 168}
_DAY = 24


def _hours(durations: frozenset[tuple[str, str]]) -> set[int]:
    """The short delays among durations, in hours (48 h and 2 jours are one delay)."""
    return {int(number) * _IN_HOURS[unit] for number, unit in durations if unit in _IN_HOURS}


def char_ngrams(text: str) -> list[str]:
    """Character 2- to 4-grams inside each word padded with spaces: scikit-learn's
    "char_wb" analyzer ("prix" → " p", "pr", ..., " pri", ..., "rix ")."""
    grams = []
    for word in text.split():
        padded = f" {word} "
        for n in range(2, 5):
            grams += [padded[i:i + n] for i in range(max(1, len(padded) - n + 1))]
            if len(padded) <= n:  # a short word counts once, as a whole
                break
    return grams


def _hits(scores: dict[str, float], threshold: float) -> list[TopicHit]:
    hits = [TopicHit(topic, score) for topic, score in scores.items() if score >= threshold]
    return sorted(hits, key=lambda hit: -hit.score)


# A shared stem is at least this many first letters ("decide" ~ "decision").
_STEM_PREFIX = 5
# Letters-apart words: rapidfuzz's ratio from which two long words are one misspelt.
_NEAR_RATIO = 85


@lru_cache(maxsize=200_000)
def same_word(a: str, b: str) -> bool:
    """Equal, sharing a long stem ("decide" ~ "decision"), or one or two letters apart
    (typing or recognition errors)."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    if shortest >= _STEM_PREFIX:
        prefix = 0
        for x, y in zip(a, b, strict=False):
            if x != y:
                break
            prefix += 1
        if prefix >= _STEM_PREFIX and prefix >= 0.7 * shortest:
            return True
    return shortest >= 6 and abs(len(a) - len(b)) <= 2 and fuzz.ratio(a, b) >= _NEAR_RATIO
