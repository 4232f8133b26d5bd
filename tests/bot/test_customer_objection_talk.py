"""How she voices and explains her objections (issue 13, blind plays): a surprised "comment
ça ?" asks what lies behind a doubt as surely as "qu'est-ce qui vous gêne ?", and a doubt voiced
after a fact does not say the fact again."""

from __future__ import annotations

from .test_customer_coherence import _played, _talk

DEJA_EQUIPE = "tel-prospection-fidelix.deja-equipe.oral.t11-p1-6.txt"


def test_a_surprised_follow_up_digs_into_the_doubt_instead_of_ending_the_call() -> None:
    """"Internet, on a déjà donné." / "Ah bon, comment ça ? Ça s'était mal passé ?": he hung
    up, his patience spent for an "ignored" objection, after a week-end sales figure."""
    lines = _played(DEJA_EQUIPE)
    talk, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:6])
    reply = turns[-1]
    assert not reply.ended, reply.text
    # (What was behind it, or since round 49 the story itself: the site that brought nothing.)
    assert "internet" in reply.text.lower() or "fait:site-agence-web" in reply.parts, reply
    assert "week-end" not in reply.text, reply.text
    assert talk.state.patience > 0


def test_a_short_question_about_something_else_is_not_taken_for_digging() -> None:
    lines = _played(DEJA_EQUIPE)
    _, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:5],
                     "Ah bon ? Et vous vendez combien de baguettes le dimanche matin ?")
    assert "Les promesses sur internet" not in turns[-1].text, turns[-1].text


def test_a_doubt_raised_after_a_fact_does_not_say_the_fact_again() -> None:
    """"On a FidCarte, une appli… On a déjà une appli de fidélité, FidCarte." in one reply."""
    lines = _played(DEJA_EQUIPE)
    talk, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:3])
    reply = turns[-1].text
    assert "deja-fidcarte" in talk.state.objections_pending  # the doubt is still voiced
    assert reply.lower().count("une appli") <= 1, reply
