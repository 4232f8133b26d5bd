"""A question's form (open, closed, alternative) is read from its grammar, as docs/acts.md
defines it, whatever the act classifier guesses; bare acknowledgements do no act; a condition
on a concession is no closing, handing over the order form is one."""

from __future__ import annotations

import pytest

from bot.engine import start_conversation, understander
from bot.questions import QuestionForm, question_form
from scenarios import load_scenario
from scenarios.catalog import find
from scenarios.vocabulary import Act


@pytest.mark.parametrize(("text", "form"), [
    ("Comment ça se passe chez vous quand une machine tombe en panne ?", QuestionForm.OUVERTE),
    ("Qu'est-ce qui vous ferait changer de prestataire ?", QuestionForm.OUVERTE),
    ("et la radio vous en pensez quoi", QuestionForm.OUVERTE),
    ("ElectroMaison bonjour, que puis-je pour vous ?", QuestionForm.OUVERTE),
    ("Vous avez déjà un contrat d'entretien ?", QuestionForm.FERMEE),
    ("vous êtes combien au cabinet ?", QuestionForm.FERMEE),
    ("et la maintenance elle est comprise c'est ça", QuestionForm.FERMEE),
    ("Quel jour vous arrangerait pour la livraison ?", QuestionForm.FERMEE),
    ("C'est quoi votre adresse mail ?", QuestionForm.FERMEE),
    ("Ça vous tente ou pas ?", QuestionForm.FERMEE),
    # "où" (where) is no choice, even though folding makes it "ou" (or)
    ("Où est-ce que vous rangez les ramettes ?", QuestionForm.FERMEE),
    ("Plutôt un passage en semaine ou le samedi matin ?", QuestionForm.ALTERNATIVE),
    ("Qu'est-ce qui compte le plus pour vous : le loyer ou le délai d'intervention ?",
     QuestionForm.ALTERNATIVE),
    ("Je vous envoie la documentation ce soir.", None),
    ("Nos techniciens sont basés à Villeurbanne.", None),
])
def test_the_form_of_a_question_comes_from_its_grammar(text: str,
                                                       form: QuestionForm | None) -> None:
    assert question_form(text) == form


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    return understander().for_scenario(load_scenario(find("e4-copieur-cabinet")))


@pytest.mark.parametrize(("text", "act"), [
    ("Et vos machines, elles lâchent souvent ?", Act.QUESTION_FERMEE),
    ("et vos copieurs ils tombent en panne souvent c'est ça", Act.QUESTION_FERMEE),
    ("Racontez-moi, comment s'organisent vos impressions en période fiscale ?",
     Act.QUESTION_OUVERTE),
])
def test_a_question_is_credited_with_its_form(engine, text: str, act: Act) -> None:  # type: ignore[no-untyped-def]
    understood = engine.understand(text)
    assert act in understood.acts
    assert not understood.acts & {Act.ARGUMENT, Act.PREUVE, Act.EMPATHIE}
    others = {Act.QUESTION_OUVERTE, Act.QUESTION_FERMEE, Act.QUESTION_ALTERNATIVE} - {act}
    assert not understood.acts & others


def test_the_form_is_shown_in_the_parse_output(engine) -> None:  # type: ignore[no-untyped-def]
    parsed = engine.understand("Très bien. Vous préférez un loyer fixe ou au volume ?").as_dict()
    assert [s["forme_question"] for s in parsed["sentences"]] == [None, "alternative"]


@pytest.mark.parametrize("text", ["D'accord.", "Ok.", "Très bien, entendu.", "Non."])
def test_a_bare_acknowledgement_does_no_act_and_is_understood(engine, text: str) -> None:  # type: ignore[no-untyped-def]
    understood = engine.understand(text)
    assert not understood.empty
    assert understood.acts == set()


def test_the_customer_does_not_ask_to_repeat_a_plain_ok() -> None:
    customer = start_conversation(load_scenario(find("e4-copieur-cabinet")))
    customer.step("Bonjour madame Martin, Julie Roy, de Bureau Plus.")
    _, reply = customer.step("Ok.")
    assert "compris" not in reply.text and "répéter" not in reply.text


def test_an_acknowledgement_before_a_question_leaves_the_question_alone(engine) -> None:  # type: ignore[no-untyped-def]
    understood = engine.understand("D'accord. Et vous imprimez combien de pages par mois ?")
    assert Act.RECAPITULATIF not in understood.acts
    assert Act.CONCESSION not in understood.acts
    assert Act.QUESTION_FERMEE in understood.acts


def test_a_greeting_cue_is_credited_beside_thanks(engine) -> None:  # type: ignore[no-untyped-def]
    sentence = engine.understand("Bonjour madame Martin, merci de me recevoir ce matin.")\
        .sentences[0]
    sure = {score.act for score in sentence.acts if score.confidence >= 0.85}
    assert {Act.SALUTATION, Act.REMERCIEMENT} <= sure


def test_signing_as_the_condition_of_a_discount_is_no_closing(engine) -> None:  # type: ignore[no-untyped-def]
    understood = engine.understand("Je peux descendre à 279 € si vous signez avant vendredi.")
    assert Act.DEMANDE_ENGAGEMENT not in understood.acts
    assert not understood.frame.closing


@pytest.mark.parametrize("text", ["Voici le bon de commande, je vous laisse signer en bas.",
                                  "Tout est prêt, il ne reste qu'à signer."])
def test_handing_over_the_order_form_is_a_closing(engine, text: str) -> None:  # type: ignore[no-untyped-def]
    assert engine.understand(text).frame.closing


@pytest.mark.parametrize("text", [
    "Vendredi 14 à 10 h, ça vous convient ?",  # the day and the hour come out apart
    "pour récapituler 265 euros par mois sur 60 mois livraison jeudi est-ce que ça vous va",
    "alors vous préférez la formule sur 48 mois ou la formule sur 60 mois",
])
def test_closings_dictated_or_with_a_dated_day_are_recognised(engine, text: str) -> None:  # type: ignore[no-untyped-def]
    assert engine.understand(text).frame.closing


@pytest.mark.parametrize("text", [
    "On vous pose la fontaine le 3 ou plutôt le 10 ?",
    "vous aimeriez être livrée en début ou en fin de semaine",
    "Je vous laisse le contrat, vous nous le renvoyez signé d'ici vendredi ?",
])
def test_an_alternative_on_carrying_the_deal_out_is_a_closing(engine, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md's alternative closing ("on installe le 12 ou le 19 ?")."""
    assert engine.understand(text).frame.closing


@pytest.mark.parametrize("text", [
    "Vous voulez qu'on commence par le prix ou par vos besoins ?",
    "on vous livre jeudi ou sous 48 heures si vous nous envoyez les photos",
])
def test_a_choice_of_subject_or_a_delivery_explained_is_no_closing(engine, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not engine.understand(text).frame.closing


def test_a_long_dictated_turn_is_read_move_by_move(engine) -> None:  # type: ignore[no-untyped-def]
    """Without punctuation, greeting, introduction, purpose and question are all read."""
    understood = engine.understand("bonjour madame martin je suis julie roy de bureau plus je "
                                   "viens vous parler de vos copieurs est-ce que vous avez "
                                   "un contrat de maintenance aujourd'hui")
    assert {Act.SALUTATION, Act.PRESENTATION, Act.ANNONCE_OBJET,
            Act.QUESTION_FERMEE} <= understood.acts
    assert len(understood.sentences) >= 2


def test_a_short_dictated_turn_stays_whole(engine) -> None:  # type: ignore[no-untyped-def]
    assert len(engine.understand("ok mais du coup c'est combien par mois").sentences) == 1


@pytest.mark.parametrize(("text", "options"), [
    ("Vous préférez en boutique ou en visio ?", ("en boutique", "en visio")),
    ("Thomas passe vous voir à la boutique de Fives, ou vous préférez la visio ?",
     ("à la boutique de Fives", "la visio")),
    ("un geste, bon d'achat 30€ ou 1 an de garantie en plus, vous préférez quoi ?",
     ("bon d'achat 30€", "1 an de garantie en plus")),
    ("Remplacement ou remboursement ?", ("Remplacement", "remboursement")),
    # The formal inversion leads into the options too (a blind play heard "Plutôt
    # préférez-vous le bon d'achat").
    ("Préférez-vous le bon d'achat ou l'extension de garantie ?",
     ("le bon d'achat", "l'extension de garantie")),
    # Parallel options, cut at a whole word (a blind play heard "Un an de garantie
    # supplémentaire sur, ce sera mieux").
    ("Préférez-vous 30 euros à utiliser sur un prochain achat, ou un an de garantie "
     "supplémentaire sur le lave-linge neuf ?",
     ("30 euros à utiliser", "un an de garantie supplémentaire")),
    ("Je peux vous faire un bon d'achat de 30 euros sur le site, ou une garantie d'un an ?",
     ("un bon d'achat de 30 euros", "une garantie d'un an")),
    ("Préférez-vous la formule sur 48 mois à 289 € HT ou sur 60 mois à 275 € HT ?",
     ("sur 48 mois à 289 € HT", "sur 60 mois à 275 € HT")),
    ("Vous êtes plutôt disponible le matin ou l'après-midi ?", ("le matin", "l'après-midi")),
])
def test_the_options_of_a_choice_are_read_as_said(text: str, options: tuple[str, str]) -> None:
    from bot.questions import choice_options

    assert choice_options(text) == options


@pytest.mark.parametrize("text", ["Vous êtes satisfaite ou pas ?", "Ça vous va ?",
                                  "Je vous envoie ça ou pas du tout ?",
                                  "Est-ce que cette proposition répond à vos attentes, ou y "
                                  "a-t-il un point qui vous fait encore hésiter ?",
                                  # Two questions about her situation, nothing to choose.
                                  "Est-ce que la machine fonctionne malgré tout, ou est-elle "
                                  "inutilisable ?"])
def test_a_yes_or_no_question_offers_no_options(text: str) -> None:
    from bot.questions import choice_options

    assert choice_options(text) is None


@pytest.mark.parametrize(("text", "before", "second"), [
    ("Que choisissez-vous ?", "Pour m'excuser, je vous offre un bon d'achat de 30 euros, ou si "
                              "vous préférez une extension de garantie d'un an.",
     "une extension de garantie d'un an"),
    ("Je peux vous faire un bon d'achat de 30 euros, ou une garantie d'un an, comme vous "
     "voulez.", None, "une garantie d'un an"),
])
def test_options_said_before_the_question_or_without_one_are_read(
        text: str, before: str | None, second: str) -> None:
    from bot.questions import offered_options

    assert offered_options(text, before) == ("un bon d'achat de 30 euros", second)
