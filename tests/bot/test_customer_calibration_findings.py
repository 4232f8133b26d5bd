"""What the examiners of the blind calibration sets (tests/data/calibration/aveugle-2 and
aveugle-5, issue 14) graded that the simulated customer had let pass: a contemptuous remark on
her own choice and children, express replacement promised without the photos, a part of the
price paid back on her card; in the event talk, costs hidden outside the envelope, the head
office told too late to say no, a mailing already scheduled — and one breach read where there
was none."""

from __future__ import annotations

from bot.conduct import markers
from bot.engine import start_conversation
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.vocabulary import Event


def test_running_down_her_choice_and_her_children_is_rude() -> None:
    said = ("Deux gamins qui salissent tout, je vois le tableau… remarquez, prendre un 8 kg avec "
            "une famille, c'était pas très malin non plus.")
    assert markers(said)
    # Said of oneself, it is an apology, not contempt.
    assert not markers("Je vous ai mal renseignée, c'était pas très malin de ma part, pardon.")


def _complaint_after(*lines: str):
    scenario = load_scenario(BUILTIN_DIR / "tel-reclamation-lave-linge.yaml")
    talk = start_conversation(scenario)
    talk.opening()
    for line in ("ElectroMaison.fr bonjour, Antoine Girard du service après-vente, je vous écoute.",
                 "Je suis désolé, Madame Garnier. Comment ça s'est passé à la livraison, et où se "
                 "trouve la fissure ?", *lines):
        talk.step(line)
    return talk.state


def test_express_promised_without_the_photos_breaks_the_policy() -> None:
    state = _complaint_after(
        "Alors je fais simple : je vous envoie un Lavex neuf en express sous 48 heures, pas "
        "besoin de m'envoyer de photos, je vous fais confiance. Ça vous va ?")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_part_of_the_price_paid_back_on_her_card_breaks_the_policy() -> None:
    state = _complaint_after(
        "Et pour les allers-retours à la laverie, je vous fais rembourser 80 euros directement "
        "sur votre carte bancaire. Qu'en dites-vous ?")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_the_whole_price_refunded_is_her_right_not_a_breach() -> None:
    state = _complaint_after(
        "Si vous préférez, vous pouvez vous rétracter : on reprend la machine et on vous "
        "rembourse les 549 euros sur votre carte. Vous préférez ça ou un remplacement ?")
    assert Event.PROMESSE_HORS_POLITIQUE not in state.events


def _event_after(*lines: str):
    scenario = load_scenario(BUILTIN_DIR / "e4-evenement-responsable.yaml")
    talk = start_conversation(scenario)
    talk.opening()
    for line in ("Bonjour Monsieur Dubois, merci de me recevoir. Quel budget pouvez-vous consacrer "
                 "à l'animation d'avril ?", *lines):
        talk.step(line)
    return talk.state


def test_kits_taken_from_the_store_stock_off_the_envelope_break_the_rules() -> None:
    state = _event_after(
        "Mon projet fait 4 500 €, mais les kits de rempotage, je les prends directement dans le "
        "stock du magasin, donc ça ne passe pas sur l'enveloppe animation. Ça vous va ?")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_a_voucher_hidden_as_a_till_discount_breaks_the_rules() -> None:
    state = _event_after(
        "Et le bon de 5 € aux nouveaux adhérents, je le fais passer en remise en caisse, ça ne "
        "se voit pas dans le budget.")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_the_head_office_told_too_late_to_refuse_breaks_the_rules() -> None:
    state = _event_after(
        "Pour le siège, on envoie juste un petit mail d'information au marketing la semaine de "
        "l'événement, comme ça ils ne peuvent pas nous bloquer. Vous validez ?")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_a_mailing_already_scheduled_to_his_customers_breaks_the_rules() -> None:
    state = _event_after(
        "J'ai préparé un SMS à tous les porteurs de la carte fidélité, l'envoi est programmé "
        "pour le 28 mars.")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_contempt_for_the_region_is_rude_not_an_invented_offer() -> None:
    said = ("200 adhésions en plus du chiffre, franchement, les guignols de la région n'ont "
            "jamais tenu une caisse de leur vie, ils fixent des objectifs au pif.")
    state = _event_after(said)
    assert markers(said)
    assert Event.PROMESSE_HORS_POLITIQUE not in state.events


def test_an_honest_budget_that_does_not_fit_is_no_breach() -> None:
    state = _event_after(
        "Mon projet complet fait 4 500 €, ça ne passe pas dans l'enveloppe, donc je vous "
        "propose de retirer le direct radio et un horticulteur. Qu'en pensez-vous ?")
    assert Event.PROMESSE_HORS_POLITIQUE not in state.events


def test_her_remedy_made_to_hang_on_what_she_signed_at_the_door_denies_her_right() -> None:
    state = _complaint_after(
        "C'est mardi ou rien, et si vous voulez être remboursée il fallait refuser le colis au "
        "livreur.")
    assert Event.DROIT_LEGAL_NIE in state.events


def test_telling_her_the_reserves_did_not_matter_denies_nothing() -> None:
    state = _complaint_after(
        "Rassurez-vous : même sans réserve sur le bon de livraison, la garantie légale de "
        "conformité s'applique, on vous remplace la machine.")
    assert Event.DROIT_LEGAL_NIE not in state.events
