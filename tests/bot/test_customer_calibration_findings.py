"""What the examiners of the second blind calibration set (tests/data/calibration/aveugle-2,
issue 14) graded that the simulated customer had let pass: a contemptuous remark on her own
choice and children, express replacement promised without the photos, a part of the price paid
back on her card."""

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
