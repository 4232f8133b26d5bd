"""What an off-script student says that a real customer jumps on (issue 13, fifteenth blind
round): running down her supplier, an ultimatum, a promise taken back, a discount the seller
admits is not theirs to give, a condition on her reviews, a guarantee for life. Each got
"D'accord, allez-y", "Mouais" or nothing in the plays, and the reviewers marked it."""

from __future__ import annotations

from bot.conduct import markers

from .test_customer_coherence import _played, _talk

COPIER_OFF = "e4-copieur-cabinet.base.hors-script.t15-p3-1.txt"
COMPLAINT_OFF = "tel-reclamation-lave-linge.base.hors-script.t15-p3-7.txt"
BARRAGE_OFF = "tel-prospection-fidelix.barrage.hors-script.t15-p3-3.txt"
OPENING = "Bonjour Madame Martin, Léa Morel de Bureau Plus, merci de me recevoir."


def test_running_down_her_supplier_is_rebuked_and_the_meeting_goes_on() -> None:
    talk, turns = _talk("e4-copieur-cabinet", "decideur-present",
                        "Bonjour ! Alors moi c'est Nathan, Bureau Plus. Je vais être direct : "
                        "vos copieurs de 6 ans c'est des épaves, Copitec vous arnaque, et j'ai "
                        "la machine qu'il vous faut.")
    assert not talk.state.ended, turns[0].text
    assert "allez-y" not in turns[0].text, turns[0].text
    assert any(word in turns[0].text
               for word in ("Dénigrer", "commentaire", "jugement", "Critiquer"))


def test_running_down_her_supplier_while_asking_her_to_sign_is_pressure() -> None:
    talk, turns = _talk("e4-copieur-cabinet", None, OPENING,
                        "Copitec c'est de la camelote. Vous signez aujourd'hui ?")
    assert "pression" in talk.state.events, turns[-1].text


def test_an_ultimatum_is_pressure() -> None:
    assert "pression" in markers("Alors, vous signez ou je repars ?")
    assert "pression" in markers("Vous signez ou vous restez avec vos vieux copieurs ?")
    assert not markers("Vous signez aujourd'hui ou vous préférez en parler à M. Lefèvre ?")


def test_a_promise_taken_back_is_not_let_pass() -> None:
    """"Le coup des 200 euros et de garder la machine, oubliez, j'ai dit n'importe quoi" got
    "Ah bon ? Très bien, je note"."""
    _, turns = _talk("tel-reclamation-lave-linge", None, *_played(COMPLAINT_OFF)[:7])
    assert "il y a deux minutes" in turns[-1].text or "promettre" in turns[-1].text \
        or "ne tient plus" in turns[-1].text, turns[-1].text


def test_an_honest_correction_is_not_a_promise_taken_back() -> None:
    _, turns = _talk("e4-copieur-cabinet", None, OPENING,
                     "Le MX-5000 est à 289 € HT par mois.",
                     "Pardon, je me suis trompée : 289 € HT, maintenance comprise.")
    assert "il y a deux minutes" not in turns[-1].text
    assert "ne tient plus" not in turns[-1].text


def test_a_discount_the_seller_is_not_allowed_to_give_is_questioned() -> None:
    """"Euh… bah normalement non, mais je m'arrangerai" got "Possible. Vous pensiez à quelle
    heure ?" first: her doubt comes before the rest."""
    _, turns = _talk("tel-prospection-fidelix", "barrage", *_played(BARRAGE_OFF)[:9])
    assert turns[-1].text.startswith(("Tu en as le droit", "Vous en avez le droit",
                                      "Si votre responsable", "Si ton responsable",
                                      "« Je m’arrangerai »")), turns[-1].text


def test_asking_her_to_remove_her_reviews_is_refused() -> None:
    talk, turns = _talk("tel-reclamation-lave-linge", "hors-delai",
                        "Bonjour, service clients ElectroMaison, Léa à votre écoute.",
                        "On vous envoie une machine neuve samedi matin. Par contre faut que "
                        "vous acceptiez d'enlever vos deux messages sur le site.")
    assert "promesse_hors_politique" in talk.state.events
    assert any(word in turns[-1].text for word in ("avis", "site")), turns[-1].text


def test_a_machine_guaranteed_for_life_is_doubted() -> None:
    _, turns = _talk("e4-copieur-cabinet", None, OPENING,
                     "Avec notre copieur, vous ne serez jamais en panne, il est garanti à vie.")
    assert any(word in turns[-1].text for word in ("garantir", "douter", "promettez")), \
        turns[-1].text


def test_six_free_months_on_a_cold_call_are_doubted() -> None:
    """"Six mois offerts si vous dites oui maintenant" got "Acceptable." (round 16)."""
    talk, turns = _talk("tel-prospection-fidelix", None,
                        "Bonjour Monsieur Benali, Léa Morel de Fidelix, à Lille. Je vous appelle "
                        "pour vous proposer une démonstration de notre application de fidélité.",
                        "Et pour vous, six mois offerts si vous dites oui maintenant.")
    assert "promesse_hors_politique" in talk.state.events, turns[-1].text
    assert turns[-1].text != "Acceptable."


def test_a_good_review_bought_is_refused() -> None:
    talk, turns = _talk("tel-reclamation-lave-linge", None,
                        "Bonjour, service clients ElectroMaison, Léa à votre écoute.",
                        "Si vous mettez cinq étoiles sur le site, je vous fais un bon de 50 euros.")
    assert "promesse_hors_politique" in talk.state.events
    assert any(word in turns[-1].text for word in ("avis", "site")), turns[-1].text


def test_money_beyond_the_policy_cap_is_a_breach_not_a_gesture() -> None:
    """"…et je vous fais un chèque de 200 euros en plus" and "200 euros en bon d'achat" (the
    gesture is 30 € at most) got "D'accord, on va voir." (round 16)."""
    for line in ("Pour le dérangement, je vous fais un chèque de 200 euros en plus.",
                 "Pour le dérangement, je vous mets 200 euros en bon d'achat."):
        talk, turns = _talk("tel-reclamation-lave-linge", None,
                            "Bonjour, service clients ElectroMaison, Léa à votre écoute.", line)
        assert "promesse_hors_politique" in talk.state.events, (line, turns[-1].text)
        assert "bon-achat-30" not in talk.state.solutions_proposed, line
    talk, _ = _talk("tel-reclamation-lave-linge", None,
                    "Bonjour, service clients ElectroMaison, Léa à votre écoute.",
                    "Pour le dérangement, je vous offre un bon d'achat de 30 euros.")
    assert "promesse_hors_politique" not in talk.state.events
