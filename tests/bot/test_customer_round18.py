"""What the eighteenth blind round showed (issue 13), each replayed from the play that showed
it: an installation fee given away read as the new rent and her 300 € delegation compared
with read as an offer (she then had to "en parler à M. Lefèvre" at 265 €); the order checked
("livré lundi ?") heard as a weekday delivery proposed; a choice asked "qu'est-ce qui vous
serait le plus utile ?" answered with the story of the delivery, and asked again in other
words answered the other way; "Vous me donnez votre mail ?" answered "Je n'ai pas
l'information"."""

from __future__ import annotations

from bot.replies import Voice
from scenarios.vocabulary import SocialStyle

from .test_customer_coherence import _played, _talk

BASE_ORAL = "e4-copieur-cabinet.base.oral.t18-p1-7.txt"


def test_the_installation_given_away_is_not_the_new_rent() -> None:
    lines = _played(BASE_ORAL)
    assert "l'installation, les 350 euros" in lines[9]
    talk, turns = _talk("e4-copieur-cabinet", None, *lines[:10])
    assert talk.state.price_offered == 289, talk.state.price_offered
    assert "Lefèvre" not in turns[-1].text, turns[-1].text


def test_her_delegation_compared_with_is_not_an_offer() -> None:
    lines = _played(BASE_ORAL)
    assert "en dessous de 300" in lines[11]
    talk, _ = _talk("e4-copieur-cabinet", None, *lines[:12])
    assert talk.state.price_offered == 289, talk.state.price_offered


def test_the_order_checked_is_no_weekday_delivery_proposed() -> None:
    for line in ("Il s'agit bien du lave-linge Lavex 8 kg de la commande EM-458921, livré "
                 "lundi ?",
                 "Oui oui je vois, le lave-linge Lavex 8 kilos, livré lundi. Du coup la porte "
                 "elle est fissurée comment ?"):
        talk, turns = _talk("tel-reclamation-lave-linge", None,
                            "ElectroMaison.fr, service clients, Julien, bonjour.",
                            "Pouvez-vous me donner votre numéro de commande ?", line)
        assert "pas-de-conge" not in talk.state.objections_raised, turns[-1].text


def test_a_weekday_delivery_proposed_still_meets_her_refusal() -> None:
    talk, turns = _talk("tel-reclamation-lave-linge", None,
                        "ElectroMaison, Kevin, bonjour.",
                        "D'accord. Vous avez votre numéro de commande ?",
                        "Oui, il y a du retard sur les messages en ce moment. Alors, normalement, "
                        "je peux vous remplacer la machine sous 5 jours.",
                        "C'est le délai normal, madame. Sinon, je peux vous proposer l'express "
                        "en 48 heures, mais il faut envoyer des photos.",
                        "Bon, alors le livreur passera en début de semaine prochaine.")
    assert "pas-de-conge" in talk.state.objections_raised, turns[-1].text


def test_what_would_be_most_useful_asks_her_to_choose_and_she_keeps_to_it() -> None:
    lines = _played("tel-reclamation-lave-linge.hors-delai.competent.t18-p2-1.txt")
    assert "le plus utile" in lines[5]
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:7])
    first, again = turns[5].text, turns[6].text
    assert "livreur" not in first, first
    picked = "bon d'achat" if "bon d'achat" in first else "garantie"
    assert picked in first and picked in again, (first, again)


def test_asked_for_her_mail_as_a_request_she_gives_her_card() -> None:
    lines = _played("e4-copieur-cabinet.decideur-present.oral.t18-p2-2.txt")
    assert "Vous me donnez votre mail ?" in lines[14]
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:15])
    assert "carte" in turns[-1].text or "@" in turns[-1].text, turns[-1].text


DELAI_COURT = "e4-copieur-cabinet.delai-court.competent.t18-p3-3.txt"


def test_a_summary_of_her_needs_put_to_her_gets_her_yes_not_a_comment() -> None:
    lines = _played(DELAI_COURT)
    assert lines[6].startswith("Si je résume") and lines[6].endswith("C'est bien cela ?")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:7])
    assert "pertinent" not in turns[-1].text, turns[-1].text


def test_the_cost_per_day_and_the_competitor_price_she_keeps_are_no_offer() -> None:
    """"Donc à 250 €, vous gardez… Avec nous, pour 39 € de plus par mois, soit moins de
    1,30 € par jour…" got "Où est le piège ?": 250 € and 1,30 € were read as our price."""
    lines = _played(DELAI_COURT)
    assert "1,30 € par jour" in lines[11]
    talk, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:12])
    assert talk.state.price_offered == 289, talk.state.price_offered
    assert "piège" not in turns[-1].text and "trop beau" not in turns[-1].text, turns[-1].text


def test_asked_to_sign_what_he_agreed_to_he_signs() -> None:
    """"Correct. On fait comme ça." then "Pouvez-vous le parapher ici ?" got "Je ne réponds
    pas là-dessus", and "cela vous convient pour signer aujourd'hui ?" the 48 hours of
    Copitec."""
    lines = _played("e4-copieur-cabinet.decideur-present.competent.t18-p1-3.txt")
    assert "parapher" in lines[16] and "pour signer aujourd'hui" in lines[18]
    talk, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:19])
    confirmations = Voice.lines("deal_confirmed")
    for turn in (turns[16], turns[18]):
        assert turn.text in confirmations, turn.text
    assert talk.state.price_agreed == 275


def test_asked_what_a_breakdown_cost_she_says_she_never_counted_it() -> None:
    """Three blind plays asked "ça vous a coûté combien, en temps perdu ?" and heard the
    colour billed on top, the breakdowns again or the rent."""
    lines = _played("e4-copieur-cabinet.decideur-present.oral.t18-p2-2.txt")
    asked = next(i for i, line in enumerate(lines) if "coûté combien" in line)
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:asked + 1])
    assert any(line in turns[-1].text for line in Voice.lines("loss_not_counted")), \
        turns[-1].text
    assert "240" not in turns[-1].text, turns[-1].text


def test_asked_what_she_thinks_she_gives_an_opinion_not_a_yes() -> None:
    """"Qu'en pensez-vous ?" after an argument got "Après réflexion, oui." (blind play); a
    yes-or-no check ("Ça vous paraît intéressant ?") still gets her yes."""
    pitch = ("Bonjour madame Martin, Léa de Bureau Plus.",
             "Vos machines tombent souvent en panne ?",
             "Avec notre contrat, l'intervention se fait sous 4 heures ouvrées, c'est écrit "
             "noir sur blanc.")
    _, turns = _talk("e4-copieur-cabinet", None, *pitch, "Qu'en pensez-vous ?")
    yes = {line for style in SocialStyle for line in Voice.lines("control_yes", style=style)}
    assert turns[-1].text not in yes | set(Voice.lines("control_yes")), turns[-1].text
    _, turns = _talk("e4-copieur-cabinet", None, *pitch, "Ça vous paraît intéressant ?")
    assert turns[-1].text not in Voice.lines("control_opinion"), turns[-1].text


def test_a_price_lowered_but_still_above_her_budget_gets_no_maybe() -> None:
    """"2 000 €, pas un euro de plus", then 3 200 € got "Bien. Si ça tient à ce montant, on
    peut sans doute serrer encore un peu." (blind play)."""
    lines = _played("e4-evenement-responsable.budget-2000.hors-script.t18-p2-4.txt")
    assert "on est à 3 200" in lines[3]
    # (Asked politely, he tells his 2 000 € first; in the play he kept it back after a rude
    # turn, and the cut then only got "regardons ce qu'on peut encore alléger".)
    _, turns = _talk("e4-evenement-responsable", "budget-2000", lines[0],
                     "Je comprends. Quel budget avez-vous pour ce week-end, exactement ?",
                     lines[3])
    assert "2 000" in turns[-2].text, turns[-2].text
    assert any(line in turns[-1].text for line in Voice.lines("still_above_budget")), \
        turns[-1].text
    assert "sans doute" not in turns[-1].text, turns[-1].text


def test_pressed_to_choose_on_a_complaint_call_she_signs_nothing() -> None:
    lines = _played("tel-reclamation-lave-linge.rupture-stock.hors-script.t18-p2-3.txt")
    pressed = next(i for i, line in enumerate(lines) if "Faut vous décider" in line)
    _, turns = _talk("tel-reclamation-lave-linge", "rupture-stock", *lines[:pressed + 1])
    assert "signe" not in turns[-1].text, turns[-1].text
    assert any(line in turns[-1].text for line in Voice.lines("pressure_reaction_complaint"))
