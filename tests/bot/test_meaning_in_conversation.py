"""What the meaning frame changes in a conversation: the customer's own figure repeated in a
question is no price offer, a refused figure is no concession, a doubtful rudeness never ends
the conversation, and `repliq nlu parse` shows the frame."""

from __future__ import annotations

import json

from bot.conduct import Level
from bot.engine import start_conversation, understander
from bot.frame import Context, Role
from bot.state import Event
from repliq.cli import main
from scenarios import load_scenario
from scenarios.catalog import find
from scenarios.vocabulary import Act

GREETING = ("Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir. "
            "Je viens vous parler de vos copieurs.")


def copier_customer_after_current_cost():
    customer = start_conversation(load_scenario(find("e4-copieur-cabinet")))
    customer.opening()
    customer.step(GREETING)
    _, reply = customer.step("Combien payez-vous aujourd'hui pour vos deux copieurs ?")
    assert "240" in reply.text  # she gave her current cost
    return customer


def test_the_customers_figure_asked_about_is_not_a_price_offer() -> None:
    customer = copier_customer_after_current_cost()
    understood, _ = customer.step("Dans vos 240 €, la couleur est comprise ?")
    assert [f.role for f in understood.frame.figures] == [Role.QUOTE]
    assert understood.frame.offer is None
    assert customer.state.price_offered is None
    assert customer.state.concessions_given == []


def test_a_refused_figure_is_no_concession() -> None:
    customer = copier_customer_after_current_cost()
    customer.step("Notre offre est à 289 € HT par mois, maintenance comprise.")
    assert customer.state.price_offered == 289
    understood, _ = customer.step("Je ne peux pas descendre à 240, ce n'est pas possible.")
    assert understood.frame.refusal
    assert customer.state.price_offered == 289
    assert customer.state.concessions_given == []


def test_a_price_without_euro_sign_is_the_students_offer() -> None:
    u = understander().understand("Bon, je peux faire 269.", Context.after("C'est trop cher."))
    assert u.frame.offer is not None and u.frame.offer.amount == 269


def test_a_doubtful_rudeness_cools_the_customer_but_never_ends_the_talk() -> None:
    customer = copier_customer_after_current_cost()
    before = customer.state.mood
    understood, reply = customer.step("comme vous voulez")
    assert understood.rudeness.level == Level.DOUBT
    assert Act.IMPOLITESSE not in understood.acts
    assert not reply.ended
    assert Event.IMPOLITESSE not in customer.state.events
    assert before - customer.state.mood <= 5


def test_a_sure_rudeness_is_an_impoliteness_the_customer_reacts_to() -> None:
    customer = copier_customer_after_current_cost()
    understood, _ = customer.step("Vous savez lire ? C'est écrit sur la proposition.")
    assert understood.rudeness.level == Level.SURE
    assert Event.IMPOLITESSE in customer.state.events


def test_nlu_parse_prints_the_frame_beside_the_sentences(capsys) -> None:
    assert main(["nlu", "parse", "--client", "Copitec est à 240.",
                 "Je ne m'aligne pas sur 240, mais je peux faire 275."]) == 0
    parsed = json.loads(capsys.readouterr().out)
    assert set(parsed) == {"text", "sentences", "frame"}
    frame = parsed["frame"]
    assert frame["refus"] is True
    assert frame["offre"] == {"montant": 275.0}
    assert [(c["valeur"], c["role"]) for c in frame["chiffres"]] == [
        (240.0, "citation"), (275.0, "offre")]
    assert frame["impolitesse"]["niveau"] == "non"


def test_odd_input_gives_an_empty_or_plain_frame_never_an_error() -> None:
    engine = understander()
    for text in ("", "   ", "🙂" * 200, "?" * 500, "je ne " * 600, "1 " * 1500,
                 "de 8 h à " * 300, "€€€ 12 12 12"):
        u = engine.understand(text, Context.after("Vous me faites 250 ? " * 20))
        assert u.frame.offer is None, text[:20]
        assert not u.rudeness.sure, text[:20]
    assert engine.understand("").frame.as_dict()["chiffres"] == []


def test_an_elliptic_follow_up_asks_about_what_the_customer_just_said() -> None:
    """« Ah, combien ? » after the customer mentions her budget asks for the budget; the same
    words with nothing before ask for nothing; a long question keeps its own topic."""
    scenario = load_scenario(find("e4-copieur-cabinet"))
    engine = understander().for_scenario(scenario)
    facts = {fact.id for fact in scenario.facts}
    after_budget = Context.after("Pour le renouvellement, on a une enveloppe en tête, oui.")
    assert engine.understand("Ah, combien ?", after_budget).facts_asked(facts) == ["budget"]
    assert engine.understand("Combien ?").facts_asked(facts) == []
    long_question = engine.understand("Et vos copieurs actuels, ils tombent souvent en panne ?",
                                      after_budget)
    assert long_question.facts_asked(facts) == ["pannes-frequentes"]


def test_a_stated_limit_and_a_held_position_are_refusals() -> None:
    engine = understander()
    assert engine.understand("Je vous offre la livraison et l'installation, pas plus.")\
        .frame.refusal
    assert engine.understand("Je maintiens mon prix : 289 € HT.").frame.refusal
    assert not engine.understand("On peut en parler plus tard si vous voulez.").frame.refusal


def test_her_budget_restated_in_a_recap_is_hers_not_an_offer() -> None:
    """"…et un budget autour de 280 € HT tout compris. C'est bien ça ?" was read as an offer
    above the 240 € she pays, and she objected "C'est plus cher que ce qu'on paie"."""
    her_line = "Idéalement, je voudrais rester à 280 € HT par mois maximum, tout compris."
    u = understander().understand(
        "Si je résume : 12 000 pages par mois, la confidentialité par badge, et un budget "
        "autour de 280 € HT tout compris. C'est bien ça ?", Context.after(her_line))
    assert [f.role for f in u.frame.figures] == [Role.QUOTE]
    assert u.frame.offer is None


def test_telling_her_she_keeps_her_tills_is_not_contempt() -> None:
    """"Vous gardez vos caisses, il n'y a rien à racheter" got "Pas sur ce ton avec moi";
    "Gardez vos remarques" is still contempt."""
    polite = understander().understand(
        "Bonne nouvelle : vous gardez vos caisses, il n'y a rien à racheter.")
    assert polite.rudeness.level != Level.SURE
    rude = understander().understand("Gardez vos remarques pour vous.")
    assert rude.rudeness.level == Level.SURE
