"""The classifiers are applied by hand at run time (bot/linear_text.py, for speed): they must
read every sentence exactly as the trained scikit-learn pipelines do."""

from __future__ import annotations

import numpy as np

from bot.acts import NgramActClassifier
from bot.conduct import conduct_examples, default_conduct
from bot.engine import act_classifier
from bot.nludata import Example, load

# Typed, dictated and off-script turns, accents and none, punctuation and none.
TURNS = ["Bonjour madame Martin, je suis Léa Morel, de Bureau Plus.",
         "combien de pages vous imprimez par mois euh a peu pres",
         "Si je comprends bien, vous imprimez beaucoup.",
         "T'es sourde ou quoi ?", "", "€€€ !!!", "OK ÇA MARCHE, ON SIGNE ?"]


def test_the_act_classifier_reads_sentences_as_its_pipeline_does() -> None:
    classifier = act_classifier()
    texts = [*TURNS, *(example.text for example in load().examples[::25])]
    expected = np.atleast_2d(classifier._pipeline.decision_function(texts))
    assert np.allclose(classifier._linear.margins(texts), expected, atol=1e-9)


def test_the_conduct_classifier_reads_sentences_as_its_pipeline_does() -> None:
    classifier = default_conduct()
    rude, polite = conduct_examples()
    texts = [*TURNS, *rude[::10], *polite[::20]]
    expected = classifier._pipeline.predict_proba(texts)[:, 1]
    assert np.allclose([classifier.probability(text) for text in texts], expected, atol=1e-9)


def test_a_two_act_classifier_ranks_both_acts() -> None:
    classifier = NgramActClassifier.train(
        [Example(text, "salutation") for text in ("bonjour madame", "bonsoir", "salut")]
        + [Example(text, "remerciement") for text in ("merci beaucoup", "je vous remercie",
                                                      "merci bien")])
    hello, thanks = classifier.scores(["bonjour monsieur", "merci à vous"])
    assert [score.act.value for score in hello] == ["salutation", "remerciement"]
    assert [score.act.value for score in thanks] == ["remerciement", "salutation"]
