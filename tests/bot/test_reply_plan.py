"""One reply plan per turn (docs/customer.md): a primary part, at most one secondary that
goes the same way and adds something, a new objection after what answers the student, a
short acknowledgement first."""

from __future__ import annotations

from bot.customer import Priority, ReplyKind, ReplyPart
from bot.customer.reply import Stance, compose


def _said(*parts: ReplyPart) -> list[str]:
    return [part.text for part in compose(list(parts), lambda: "Je vous écoute.")]


LIFTED = ReplyPart(Priority.OBJECTION_LIFTED, "Vu comme ça, quatre ans, ce n'est pas un "
                   "handicap.", ReplyKind.OBJECTION, stance=Stance.POSITIVE)


def test_a_reply_never_says_yes_and_no() -> None:
    doubt = ReplyPart(Priority.REACTION, "Ce n’est pas mal, mais j’ai encore des doutes.",
                      ReplyKind.CONTROL, stance=Stance.NEGATIVE)
    assert _said(LIFTED, doubt) == [LIFTED.text]


def test_one_politeness_is_enough() -> None:
    hello = ReplyPart(Priority.COURTESY, "Bonjour, je vous écoute.", ReplyKind.INTRODUCTION)
    thanks = ReplyPart(Priority.AFTERTHOUGHT, "Il n’y a pas de quoi.", ReplyKind.THANKS)
    assert _said(hello, thanks) == [hello.text]


def test_a_stock_verdict_after_a_verdict_is_left_out_but_a_scenario_line_is_kept() -> None:
    insist = ReplyPart(Priority.FOLLOW_UP, "Vous ne répondez pas vraiment à ma question.",
                       ReplyKind.OBJECTION, stance=Stance.NEGATIVE)
    stock = ReplyPart(Priority.REACTION, "Ce n’est pas mal, mais j’ai encore des doutes.",
                      ReplyKind.CONTROL, stance=Stance.NEGATIVE)
    assert _said(insist, stock) == [insist.text]
    own = ReplyPart(Priority.REACTION, "Vu comme ça… 330 contre 289, le calcul n'est pas le "
                    "même.", ReplyKind.ARGUMENT, "cout-global", Stance.POSITIVE)
    assert _said(LIFTED, own) == [LIFTED.text, own.text]


def test_a_new_objection_comes_after_what_answers_the_student() -> None:
    liked = ReplyPart(Priority.REACTION, "Chez moi, ça ferait du monde en moins dans la "
                      "queue.", ReplyKind.ARGUMENT, "click", Stance.POSITIVE)
    price = ReplyPart(Priority.FOLLOW_UP, "Et c'est combien, tout ça ?",
                      ReplyKind.OBJECTION_RAISED, "prix", Stance.NEGATIVE)
    assert _said(price, liked) == [liked.text, price.text]


def test_a_stock_acknowledgement_is_not_stuck_onto_an_answer() -> None:
    # Blind reviewers found "Merci." or "Exact." glued to an answer out of place more often
    # than anything else: she answers, and leaves out the comment.
    fact = ReplyPart(Priority.ANSWER, "Des cartes à tampons, en carton.", ReplyKind.FACT,
                     "cartes")
    thanks = ReplyPart(Priority.AFTERTHOUGHT, "Avec plaisir.", ReplyKind.THANKS)
    assert _said(fact, thanks) == [fact.text]
    assert _said(thanks) == [thanks.text]


def test_a_scenario_acknowledgement_comes_before_the_answer() -> None:
    fact = ReplyPart(Priority.ANSWER, "Des cartes à tampons, en carton.", ReplyKind.FACT,
                     "cartes")
    own = ReplyPart(Priority.ECHO, "Ah, vous avez bien retenu mes histoires de cartons.",
                    ReplyKind.REFORMULATION)
    assert _said(fact, own) == [own.text, fact.text]


def test_a_stock_yes_is_not_said_before_an_objection_that_takes_it_back() -> None:
    solution = ReplyPart(Priority.ANSWER, "D’accord, j’accepte.", ReplyKind.SOLUTION,
                         stance=Stance.POSITIVE)
    objection = ReplyPart(Priority.FOLLOW_UP, "En semaine ? Je repose une journée de congé ?",
                          ReplyKind.OBJECTION_RAISED, "semaine", Stance.NEGATIVE)
    assert _said(solution, objection) == [objection.text]


def test_with_nothing_to_answer_the_customer_invites_the_student_on() -> None:
    assert _said() == ["Je vous écoute."]
