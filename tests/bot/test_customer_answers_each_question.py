"""A sentence that asks two questions gets two answers (issue 13, fifteenth blind round):
"quelle part en couleur, et est-ce que vous numérisez beaucoup ?" got the scanning only, and
"combien vous coûte le contrat, et qui prendra la décision ?" the price only; the student had
to ask again, and the reviewers marked both replies."""

from __future__ import annotations

from bot.questions import question_clauses

from .test_customer_coherence import _played, _talk

DELAI_COURT = "e4-copieur-cabinet.delai-court.competent.t15-p2-2.txt"


def test_two_coordinated_questions_are_read_as_two() -> None:
    assert question_clauses("Sur ces 12 000 pages, quelle part en couleur, et est-ce que vous "
                            "numérisez beaucoup ?") == [
        "Sur ces 12 000 pages, quelle part en couleur", "est-ce que vous numérisez beaucoup ?"]
    assert len(question_clauses("Combien vous coûte le contrat et qui décide ?")) == 2


def test_one_question_stays_one() -> None:
    """"en noir et blanc", "vous et vos associés" join words, not questions."""
    for sentence in ("Vous imprimez en noir et blanc ou en couleur ?",
                     "Qui décide, vous et vos associés ?"):
        assert question_clauses(sentence) == [sentence]


def test_the_colour_share_and_the_scanning_both_get_their_answer() -> None:
    lines = _played(DELAI_COURT)
    talk, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:5])
    assert {"part-couleur", "numerisation-logiciel"} <= set(talk.state.facts_revealed)
    # (The colour share may come with the volume, asked "en noir et blanc et en couleur" the
    # turn before: then it is not said twice.)
    assert "30 %" in turns[-1].text + turns[-2].text and "logiciel" in turns[-1].text, \
        turns[-1].text


def test_the_current_price_and_who_decides_both_get_their_answer() -> None:
    lines = _played(DELAI_COURT)
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:7])
    assert "240" in turns[-1].text and "Lefèvre" in turns[-1].text, turns[-1].text


def test_a_second_clause_about_a_word_of_the_first_reveals_nothing_more() -> None:
    """"…et ce qui vous satisfait ou non avec Copitec ?" is not a question about the price
    she pays Copitec: a clause is read only for topics the whole sentence is about."""
    talk, turns = _talk("e4-copieur-cabinet", None,
                        "Bonjour Madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
                        "Pouvez-vous me décrire comment le cabinet utilise ses deux copieurs "
                        "aujourd'hui, et ce qui vous satisfait ou non avec Copitec ?")
    assert "loyer-actuel" not in talk.state.facts_revealed, turns[-1].text
