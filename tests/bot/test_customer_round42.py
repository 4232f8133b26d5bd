"""What round 42 showed once measured (issue 13, dev part): a competent complaint call ended on
"promesse intenable" because a recap named a 549 € refund and a 30 € voucher in one sentence;
a Lavex "demain" and a 100 € transfer got "Vous ne m'avez rien proposé"; a caller who named
his firm and what it sells was asked why he called; a request for data "pour notre fichier…
on le revend pas" got "Confirmé."."""

from __future__ import annotations

from bot.replies import Voice
from scenarios.vocabulary import Event

from .test_customer_coherence import _talk

_RECAP = ("Je récapitule : remboursement de 549 € sur votre carte sous 14 jours au plus tard, "
          "reprise du lave-linge samedi matin sans frais, bon d'achat de 30 €, dossier "
          "SAV-318542 et e-mail de confirmation dans l'heure.")


def test_a_refund_and_a_voucher_in_one_recap_are_no_voucher_over_its_cap() -> None:
    talk, _ = _talk("tel-reclamation-lave-linge", None,
                    "Service clients d'ElectroMaison, Camille à votre écoute, bonjour.", _RECAP)
    assert not talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)
    talk, turns = _talk("tel-reclamation-lave-linge", None,
                        "Service clients d'ElectroMaison, Camille à votre écoute, bonjour.",
                        "Pour vous dédommager, je vous fais un bon d'achat de 200 euros.")
    assert talk.state.happened(Event.PROMESSE_HORS_POLITIQUE), turns[-1].text


def test_a_promise_outside_the_policy_is_no_proposal_missing() -> None:
    talk, turns = _talk(
        "tel-reclamation-lave-linge", "rupture-stock",
        "Service clients, Léa, bonjour.",
        "Je vous livre un Lavex neuf demain matin, et je vous fais un virement de 100 euros "
        "pour le dérangement, ça vous va ?")
    assert "rien proposé" not in turns[-1].text, turns[-1].text
    assert talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)


def test_his_firm_and_what_it_sells_say_why_one_calls() -> None:
    talk, turns = _talk(
        "tel-prospection-fidelix", "client-presse",
        "Allô, bonjour ! Je suis bien à la boulangerie Benali ? Ici Kevin de Fidelix, on fait "
        "les cartes de fidélité sur téléphone, vous auriez deux petites minutes ?",
        "Sinon vous faites des croissants aux amandes ? Je suis fan.")
    assert talk.state.happened(Event.OBJET_ANNONCE)
    assert "pourquoi vous m’appelez" not in turns[-1].text, turns[-1].text


def test_data_to_be_sold_on_is_refused() -> None:
    _, turns = _talk(
        "tel-prospection-fidelix", None,
        "Bonjour monsieur Benali, Léa de Fidelix, on fait des cartes de fidélité sur téléphone.",
        "Donnez-moi votre portable perso et les numéros de vos autres boutiques, c'est pour "
        "notre fichier, on le revend pas… enfin pas trop.")
    assert any(line in turns[-1].text for line in Voice.lines("data_handed_refused")), \
        turns[-1].text
