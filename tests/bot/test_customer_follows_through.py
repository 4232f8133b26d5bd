"""The customer takes in what the student has just settled (issue 13, blind reviewers of the
eighth and ninth rounds): a figure given is not asked for, a promise made is not asked for, a
yes to an offer is a deal, the day she asked for is accepted, a doubt she has just voiced in
her own words is not voiced again, and an angry caller does not gush."""

from __future__ import annotations

from bot.replies import Voice
from bot.topics import content_words
from scenarios.vocabulary import Event, SocialStyle

from .test_customer_coherence import _played, _talk


def test_a_longer_term_granted_with_its_price_is_not_asked_how_much_nor_doubted_twice() -> None:
    """"…si vous partez sur 60 mois… je peux faire 269 €": she heard "De combien on parle ?"
    and then "C'est long, comme engagement" after her own "Déjà que 48, je trouvais ça long"."""
    lines = _played("e4-copieur-cabinet.base.oral.t9-p3-6.txt")
    talk, turns = _talk("e4-copieur-cabinet", None, *lines[:12])
    reply = turns[-1].text
    assert "combien" not in reply.lower(), reply
    assert "engagement-60-mois" in talk.state.counterparts_obtained
    assert reply.count("long") <= 1, reply
    # Her yes to the longer term settles her doubt about the term: the deal can follow.
    assert "engagement-48-mois" not in talk.state.objections_pending


def test_terms_promised_in_writing_are_not_asked_for_in_writing() -> None:
    lines = _played("e4-copieur-cabinet.base.oral.t9-p3-6.txt")
    _, turns = _talk("e4-copieur-cabinet", None, *lines)
    # "Je vous envoie tout par écrit demain…" then the deal and the goodbye.
    for turn in turns[-2:]:
        assert "écrit" not in turn.text and "Envoyez" not in turn.text, turn.text


def test_the_price_said_as_made_now_is_the_offer_even_below_the_floor() -> None:
    """"normalement c'est 289 €… mais pour vous je fais 199 €": not "c'est plus cher que ce
    qu'on paie aujourd'hui" (240 €), but her doubt about so low a price."""
    lines = _played("e4-copieur-cabinet.delai-court.hors-script.t9-p3-3.txt")
    # (Since round 35 "c'est de la préhistoire" in the second line is one fault too many
    # before the price: the price line follows a politer opening here.)
    talk, turns = _talk("e4-copieur-cabinet", "delai-court",
                        "Bonjour Madame Martin, Kevin de Bureau Plus, merci de me recevoir.",
                        "Vous imprimez combien de pages par mois, à peu près ?", lines[3])
    assert talk.state.price_offered == 199
    assert "plus cher" not in turns[-1].text, turns[-1].text
    assert "prix invraisemblable" in turns[-1].parts


def test_an_offer_with_its_price_then_ca_vous_va_is_answered_by_the_deal() -> None:
    """"…on peut rajouter 100 kits, ça fait 1 925 €, toujours dans l'enveloppe. Ça vous va
    comme ça ?" got "Oui, ça me va." and no deal came of it."""
    lines = _played("e4-evenement-responsable.budget-2000.oral.t8-p1-4.txt")
    talk, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:19])
    assert talk.state.happened(Event.ACCORD), turns[-1].text
    assert talk.state.price_agreed == 1925


def test_the_day_she_asked_for_is_accepted_not_repeated() -> None:
    """"Uniquement le samedi matin." then "…samedi… entre 8 h et 12 h, ça va ?" was answered
    "Je vous le répète : uniquement le samedi matin"."""
    lines = _played("tel-reclamation-lave-linge.base.oral.t9-p3-2.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:7])
    assert "samedi" in lines[6]
    assert "répète" not in turns[-1].text and "choix" in turns[-1].parts, turns[-1].text


def test_a_proposal_in_digits_meets_a_keyword_in_words() -> None:
    """"sous 5 jours" is the teacher's "sous cinq jours": the replacement offered is read as
    the standard replacement, not as a filler."""
    assert content_words("sous 5 jours") == content_words("sous cinq jours")
    lines = _played("tel-reclamation-lave-linge.base.oral.t9-p3-2.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:4])
    # Read as the standard replacement, it is taken or protested against as five days (since
    # round 45 the caller in a hurry protests: "Cinq jours ? Encore ?"), never a filler.
    assert {"solution", "objection:attendre-5-jours"} & set(turns[-1].parts), turns[-1]


def test_an_angry_expressive_caller_does_not_gush() -> None:
    """The complaint caller is expressive; while she is still cross, her yes is plain
    ("Entendu."), not "Formidable, j'accepte avec plaisir !" nor "Oui, c'est tout bon !"."""
    talk, turns = _talk("tel-reclamation-lave-linge", None,
                        *_played("tel-reclamation-lave-linge.base.oral.t9-p3-2.txt")[:7])
    assert talk.speaker.social_style == SocialStyle.EXPRESSIF
    assert talk.state.mood < talk.rules.warm_style_mood
    effusive = set(Voice.lines("confirm_ok", style=SocialStyle.EXPRESSIF)) | set(
        Voice.lines("solution_accepted", style=SocialStyle.EXPRESSIF))
    assert not any(line in turn.text for turn in turns for line in effusive), \
        [turn.text for turn in turns]


def test_an_argument_restated_in_a_recap_is_not_noted_again() -> None:
    """"Oui, ce point-là, je l'ai noté." to a recap and goodbye rang vague: an argument heard
    before and restated among the terms is part of them."""
    lines = _played("e4-copieur-cabinet.budget-serre.competent.t8-p1-1.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines)
    again = set(Voice.lines("argument_again"))
    assert not any(line in turns[-1].text for line in again), turns[-1].text


def test_what_one_sells_said_in_the_opening_says_why_one_calls() -> None:
    """"…on a un truc de carte de fidélité et de click and collect pour les boulangeries…"
    was answered "Je ne sais toujours pas pourquoi vous m'appelez. … Au revoir." (seven blind
    plays hung up on that false reason)."""
    lines = _played("tel-prospection-fidelix.client-presse.oral.t9-p1-3.txt")
    talk, turns = _talk("tel-prospection-fidelix", "client-presse", *lines[:2])
    assert talk.state.happened(Event.OBJET_ANNONCE)
    assert "pourquoi vous m" not in turns[-1].text and not turns[-1].ended, turns[-1].text


def test_asked_what_lies_behind_her_doubt_she_tells_it() -> None:
    """"Internet, on a déjà donné." — "Comment ça ? Il s'est passé quoi ?" got "Ça, je n'en
    sais rien. Et ce n'est pas le sujet, si ?"; asking is what the scenario says lifts it."""
    lines = _played("tel-prospection-fidelix.deja-equipe.oral.t9-p1-7.txt")
    talk, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:3])
    assert "site-agence-web" in talk.state.facts_revealed, turns[-1].text
    assert "internet-deja-donne" in talk.state.objections_treated
    assert turns[-1].text.startswith("Il y a deux ans"), turns[-1].text


def test_asked_for_her_address_while_closing_she_gives_it() -> None:
    """"…mardi 15 h à la boutique. Vous me donnez votre mail pour l'invitation ?" got
    "Entendu. C'est clair." and no address."""
    lines = _played("tel-prospection-fidelix.deja-equipe.oral.t9-p1-7.txt")
    talk, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:7])
    assert "arobase" in turns[-1].text and talk.state.happened(Event.EMAIL_OBTENU)


def test_asked_for_two_minutes_he_gives_them_or_not_but_answers() -> None:
    """"…vous avez deux minutes ?" got "Ça, je n'en sais rien. Et ce n'est pas le sujet,
    si ?" (a deflection, as if asked a fact)."""
    _, turns = _talk("tel-prospection-fidelix", "deja-equipe",
                     "Bonjour, je suis bien chez les boulangeries Benali ? Je voudrais parler "
                     "à monsieur Benali.",
                     "Inès, de Fidelix : on fait une appli de fidélité et de click and collect "
                     "pour les boulangeries. Vous avez deux minutes ?")
    assert "je n’en sais rien" not in turns[-1].text.lower(), turns[-1].text
    assert "esquive" not in turns[-1].parts


def test_asked_for_monsieur_benali_he_says_it_is_him_even_without_a_question_mark() -> None:
    _, turns = _talk("tel-prospection-fidelix", None,
                     "Oui bonjour, c'est Kevin de Fidelix, je voudrais parler à monsieur "
                     "Benali svp")
    assert "c'est moi" in turns[-1].parts, turns[-1].text


def test_what_else_besides_the_breakdowns_brings_the_next_concern() -> None:
    """"Et à part les pannes, y a d'autres trucs qui vous embêtent au quotidien ?" got
    "Encore une fois, c'est notre gros souci"."""
    lines = _played("e4-copieur-cabinet.budget-serre.oral.t10-p1-2.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:8])
    assert "pannes-frequentes" in talk.state.facts_revealed
    assert "fait:pannes-frequentes" not in turns[-1].parts, turns[-1].text
    assert any(p.startswith("fait:") for p in turns[-1].parts), turns[-1].parts


def test_of_two_arguments_she_takes_up_the_one_that_answers_her_concern() -> None:
    """The breakdowns told, "45 pages minute… et la maintenance c'est intervention sous 4 h"
    got "ce critère n'entre pas dans mon analyse" about the speed."""
    lines = _played("e4-copieur-cabinet.budget-serre.oral.t10-p1-2.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:5])
    assert turns[-1].parts == ["argument:intervention-4h"], turns[-1]


def test_between_two_priced_versions_he_takes_the_one_he_can_sign() -> None:
    """"Vous préférez la version à 1 775 € avec les flyers, ou celle à 1 975 € avec la
    radio ?" — he chose the one below what he had called an emptied project, and no deal came
    of the alternative close."""
    lines = _played("e4-evenement-responsable.budget-2000.competent.t10-p2-6.txt")
    talk, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:17])
    assert "1 975" in turns[-1].text and talk.state.happened(Event.ACCORD), turns[-1].text
    assert talk.state.price_agreed == 1975


def test_a_free_replacement_is_not_the_express_promised_without_photos() -> None:
    """"…vous renvoyer une machine neuve… ça vous coûte rien" was read as "vous n'avez rien à
    envoyer" (the express without photos, forbidden): two good calls ended in failure."""
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.oral.t11-p3-2.txt")
    talk, _ = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines)
    assert not talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)
    assert talk.state.outcome == "reclamation-resolue"
