"""She answers what the question asks, not what shares its words (issue 13, blind rounds 16
and 17): "la couleur, elle est comprise ou vous la payez à part ?" got the colour share, an
open question about her copiers got "Des pannes, oui", as if asked about breakdowns, and "À
quelle adresse mail je vous envoie le contrat ?" got no address."""

from __future__ import annotations

from .test_customer_coherence import _played, _talk

HELLO = "Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir."


def test_asked_whether_colour_is_billed_on_top_she_says_what_it_costs() -> None:
    talk, turns = _talk("e4-copieur-cabinet", None, HELLO,
                        "Vous payez combien aujourd'hui pour vos deux copieurs ?",
                        "Et dans les 240, la couleur elle est comprise ou vous la payez à part ?")
    assert "pages-couleur-facturees" in talk.state.facts_revealed, turns[-1].text
    assert "90" in turns[-1].text and "30 %" not in turns[-1].text, turns[-1].text


def test_an_open_question_gets_no_yes_or_no_to_a_question_not_asked() -> None:
    for line in ("Pour commencer, pouvez-vous me décrire comment le cabinet utilise aujourd'hui "
                 "ses deux copieurs au quotidien ?",
                 "Comment ça se passe en ce moment, au quotidien, avec vos machines ?"):
        _, turns = _talk("e4-copieur-cabinet", None, HELLO, line)
        first = turns[-1].text.split(".")[0]
        assert "oui" not in first.lower().split(", ") and not first.startswith("Oui"), \
            turns[-1].text


def test_asked_where_to_send_the_contract_she_gives_her_address() -> None:
    """The question came at the end of a competent play (t10) and was read as a recap."""
    lines = _played("e4-copieur-cabinet.delai-court.competent.t10-p3-1.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:16])
    assert "À quelle adresse mail" in lines[15]
    assert "carte" in turns[-1].text or "@" in turns[-1].text, turns[-1].text

