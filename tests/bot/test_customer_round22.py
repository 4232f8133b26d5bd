"""What the twenty-second blind round showed (issue 13): of two questions in one turn, the
second went unanswered when it was about one of her subjects ("et qu'est-ce qui vous pose
le plus de difficultés avec vos machines ?"), and of two things named in one question ("la
numérisation et la confidentialité, comment ça se passe ?") she answered one; questions
about her contract or with examples were taken for choices and said back ("Dans ces
240 €, ce sera mieux pour moi")."""

from __future__ import annotations

import pytest

from bot.questions import offered_options

from .test_customer_coherence import _played, _talk


def test_a_second_question_on_her_machines_gets_its_answer() -> None:
    lines = _played("e4-copieur-cabinet.decideur-present.competent.t22-p3-6.txt")
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:3])
    assert "240" in turns[-1].text and "panne" in turns[-1].text, turns[-1].text


def test_two_things_named_in_one_question_are_both_answered() -> None:
    lines = _played("e4-copieur-cabinet.delai-court.competent.t22-p1-4.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:4])
    assert "badge" in turns[-1].text and "numéris" in turns[-1].text, turns[-1].text


def test_each_question_is_answered_before_a_second_thing_named_in_one() -> None:
    """"Volume mensuel, part de couleur, et ce qui vous pose problème ?": the colour and the
    breakdowns (one answer per question), not the colour and the volume."""
    lines = _played("e4-copieur-cabinet.delai-court.competent.t22-p1-4.txt")
    _, turns = _talk("e4-copieur-cabinet", "delai-court", *lines[:2])
    assert "couleur" in turns[-1].text and "panne" in turns[-1].text, turns[-1].text


@pytest.mark.parametrize("question", [
    "Mais dans vos 240 €, est-ce que les pages sont incluses, ou payez-vous les copies en plus ?",
    "Et les pages couleur sont-elles incluses dans ces 240 €, ou facturées en plus ?",
    "Comment gérez-vous la confidentialité des documents imprimés, par exemple les fiches de "
    "paie ou les dossiers clients qui restent sur le copieur ?",
])
def test_questions_about_her_contract_or_with_examples_offer_no_choice(question: str) -> None:
    assert offered_options(question) is None


def test_an_option_cut_to_its_length_keeps_its_determiner() -> None:
    options = offered_options("Pour l'installation, préférez-vous que nous la programmions un "
                              "mois avant la fin du contrat Copitec, ou juste avant la fin ?")
    assert options is not None and options[0].startswith("un mois"), options


def test_an_option_said_back_is_not_capitalised_in_the_middle() -> None:
    lines = _played("tel-prospection-fidelix.deja-equipe.oral.t22-p3-4.txt")
    _, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines)
    assert not any("Plutôt À" in t.text for t in turns), [t.text for t in turns]


@pytest.mark.parametrize(("variant", "offer"), [(None, "250"), ("budget-serre", "230")])
def test_asked_about_the_competitors_offer_she_tells_it(variant: str | None, offer: str) -> None:
    """"Copitec vous a-t-il déjà fait une proposition pour le renouvellement ?" got "Ça,
    honnêtement, je ne saurais pas vous dire" (rounds 19, 21, 22): she has it in hand."""
    talk, turns = _talk("e4-copieur-cabinet", variant, "Bonjour madame Martin, Léa de Bureau Plus.",
                        "Et Copitec vous a-t-il déjà fait une proposition pour le renouvellement ?")
    assert offer in turns[-1].text and "Copitec" in turns[-1].text, turns[-1].text
    assert "offre-copitec" in talk.state.objections_raised  # now hers to answer
    assert "au-dessus" not in turns[-1].text  # no price of the student's to weigh it against


def test_a_comparison_of_hers_is_not_told_as_an_offer_she_was_made() -> None:
    _, turns = _talk("e4-evenement-responsable", None,
                     "Bonjour monsieur Dubois, Léa Morel, je viens pour l'animation d'avril.",
                     "Et l'an dernier, la foire aux plantes, ça avait donné quoi ?")
    assert "je connais un événement qui marche" not in turns[-1].text, turns[-1].text


def test_the_decider_closing_the_meeting_does_not_speak_of_himself_in_the_third_person() -> None:
    """"Pour un contrat de ce montant, c'est M. Lefèvre qui décide. C'est pour ça qu'il a
    voulu être là. Bien. Vous m'avez convaincu." said by M. Lefèvre (round 22)."""
    lines = _played("e4-copieur-cabinet.decideur-present.competent.t22-p3-6.txt")
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines)
    assert not any(t.speaker == "philippe-lefevre" and "M. Lefèvre qui" in t.text
                   for t in turns), [t.text for t in turns]


def test_a_compliment_on_her_office_is_not_contempt() -> None:
    """"Wow, super beaux vos locaux, c'est vous qui avez choisi la déco ?" ended the meeting
    with "Je ne décide pas sous la pression. Au revoir." (round 23)."""
    from bot.conduct import markers
    assert markers("Wow, super beaux vos locaux, c'est vous qui avez choisi la déco ?") == ()
    assert markers("C'est vous qui avez signé sans réserve.") == ("reproche",)


def test_a_first_name_and_the_company_introduce_the_caller() -> None:
    """"Oui bonjour monsieur, euh, Inès de la société Fidelix à Lille, je cherche à joindre
    monsieur Benali" got "C'est moi-même. Quarante pour cent de mon chiffre…", then "Pardon,
    mais vous êtes qui ?" and a hang-up (round 23)."""
    lines = _played("tel-prospection-fidelix.base.oral.t23-p3-2.txt")
    talk, turns = _talk("tel-prospection-fidelix", None, *lines)
    assert turns[0].text == "C’est moi-même.", turns[0].text
    assert not talk.state.ended and "vous êtes qui" not in turns[-1].text, turns[-1].text


def test_photos_asked_for_the_express_are_no_promise_without_them() -> None:
    lines = _played("tel-reclamation-lave-linge.hors-delai.oral.t23-p1-5.txt")
    talk, _ = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:5])
    assert "promesse_hors_politique" not in [e.value for e in talk.state.events]
    talk, _ = _talk("tel-reclamation-lave-linge", None, "Bonjour madame, Julie du SAV.",
                    "Pas la peine d'envoyer des photos, je lance l'express tout de suite.")
    assert "promesse_hors_politique" in [e.value for e in talk.state.events]
