"""Topics recognised by what a sentence means, not by one word it shares with a phrasing:
questions the teacher did not foresee reach their fact, lines about nothing reach none.
The sentences are ours, written for these tests (none comes from the blind corpus)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from bot.topics import TopicMatcher, WordMatcher
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR, find
from scenarios.model import Topic


@cache
def matcher(scenario_id: str) -> TopicMatcher:
    return TopicMatcher.for_scenario(load_scenario(find(scenario_id)))


def best(scenario_id: str, sentence: str) -> str | None:
    hits = matcher(scenario_id).match(sentence)
    return hits[0].id if hits else None


@pytest.mark.parametrize(("scenario_id", "sentence", "fact"), [
    # Slang, and words the phrasings do not use.
    ("e4-copieur-cabinet", "Vos copieurs tombent souvent en rade ?", "pannes-frequentes"),
    ("e4-copieur-cabinet", "C'est vous qui validez l'achat, ou il faut l'aval de quelqu'un ?",
     "processus-decision"),
    # Typed fast or transcribed: no accents, no plural, "moi" for "mois".
    ("e4-copieur-cabinet", "vous imprimez combien de page par moi a peu pres",
     "volume-mensuel"),
    ("tel-prospection-fidelix", "Vous me laissez votre adresse électronique ?", "email"),
    ("tel-reclamation-lave-linge", "Qu'est-ce qui s'est passé exactement avec la porte ?",
     "nature-dommage"),
])
def test_a_question_in_other_words_reaches_its_fact(scenario_id: str, sentence: str,
                                                    fact: str) -> None:
    assert best(scenario_id, sentence) == fact


def test_an_unforeseen_question_reaches_a_fact_the_word_reading_missed() -> None:
    sentence = "Qu'est-ce qui s'est passé exactement avec la porte ?"
    scenario = load_scenario(find("tel-reclamation-lave-linge"))
    assert not WordMatcher.for_scenario(scenario).match(sentence)
    assert best("tel-reclamation-lave-linge", sentence) == "nature-dommage"


def test_a_look_alike_word_is_not_the_topic() -> None:
    # "écouler" is two letters from "couleur": stock is not the share of colour prints.
    assert not matcher("e4-copieur-cabinet").match("Il vous reste du stock à écouler ?")


def test_a_question_on_one_subject_does_not_drag_in_its_neighbour() -> None:
    hits = {hit.id for hit in matcher("e4-copieur-cabinet").match(
        "Vous scannez beaucoup de documents vers votre logiciel de compta ?")}
    assert "numerisation-logiciel" in hits
    assert "volume-mensuel" not in hits


@pytest.mark.parametrize("sentence", [
    "Bonjour, je suis ravi de vous rencontrer.",
    "Pardon, vous pouvez répéter la fin ?",
    "Très bien, je prends note.",
    "Je m'appelle Hugo, je suis en alternance.",
    "Excusez-moi, mon téléphone a sonné.",
])
@pytest.mark.parametrize("path", sorted(BUILTIN_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_line_about_nothing_reaches_no_topic(path: Path, sentence: str) -> None:
    assert not matcher(path.stem).match(sentence)


def _topics() -> list[Topic]:
    return [Topic.model_validate(data) for data in (
        {"id": "volume", "libelle": "Volume d'impression mensuel",
         "phrases": ["Vous imprimez combien de pages par mois aujourd'hui ?",
                     "Quel est votre volume d'impression ?"],
         "mots_cles": ["volume", "pages par mois"]},
        {"id": "rappel", "libelle": "Le meilleur moment pour rappeler",
         "phrases": ["Quand est-ce que je peux vous rappeler ?",
                     "Vous êtes disponible à quel moment ?"],
         "mots_cles": ["disponible"]},
    )]


@pytest.mark.parametrize("sentence", [
    "Aujourd'hui on fait le point ensemble.",  # "aujourd'hui" is in a phrasing of volume
    "Je vous rappelle dans la semaine.",  # "rappeler" is in a phrasing of rappel
    "On se rappelle, d'accord.",
])
def test_a_word_shared_with_a_phrasing_is_not_enough(sentence: str) -> None:
    assert not TopicMatcher(_topics()).match(sentence)


def test_the_sentence_as_a_whole_matches_a_phrasing_despite_typos() -> None:
    topics = _topics()
    sentence = "vous imprimez combien de page par moi"
    assert not WordMatcher(topics).match(sentence)
    assert [hit.id for hit in TopicMatcher(topics).match(sentence)] == ["volume"]
    assert [hit.id for hit in TopicMatcher(topics).match(
        "Vous êtes dispo quand pour que je vous rappelle ?")] == ["rappel"]


def test_hits_are_sorted_scored_and_the_same_every_time() -> None:
    sentence = "Les documents sensibles, comment vous évitez qu'ils traînent sur la machine ?"
    hits = matcher("e4-copieur-cabinet").match(sentence)
    assert len(hits) >= 2
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert all(0 < hit.score <= 1 for hit in hits)
    assert matcher("e4-copieur-cabinet").match(sentence) == hits
    assert TopicMatcher.for_scenario(load_scenario(find("e4-copieur-cabinet"))).match(
        sentence) == hits


def test_the_character_reading_is_scikit_learn_tf_idf() -> None:
    """The n-gram weights are computed by hand for speed; they must stay those of
    TfidfVectorizer, which the decision record measured."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from bot.topics import NgramMatcher, char_ngrams

    analyzer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).build_analyzer()
    for text in ("a", "ab", "prix", "vous imprimez  combien ?", "l'ete dernier"):
        assert sorted(char_ngrams(text)) == sorted(analyzer(text))
    topics = _topics()
    ours = NgramMatcher(topics)
    texts = [t for topic in topics for t in (*topic.phrasings, *topic.keywords, topic.label)]
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    matrix = vectorizer.fit_transform([ours._prepare(text) for text in texts])
    owners = [topic.id for topic in topics
              for _ in (*topic.phrasings, *topic.keywords, topic.label)]
    for sentence in ("Vous imprimez combien par mois ?", "je vous rappelle quand ?"):
        cosines = (matrix @ vectorizer.transform([ours._prepare(sentence)]).T).toarray()
        expected = {topic: max(c for o, c in zip(owners, cosines.ravel(), strict=True)
                               if o == topic) for topic in set(owners)}
        assert ours.scores(sentence) == pytest.approx(expected)
