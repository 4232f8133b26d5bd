"""What the turn is, read before answering it (issue 13, twelfth blind round): a request for
her time is not a question about her business, her own figure restated is not an offer, a
weak echo of a topic does not raise a doubt, days named in a question about her shop are not
a meeting offer, a turn that ends on a question is not a goodbye, blaming the carrier is not
a promise, and what she has agreed to does not end in an angry hang-up."""

from __future__ import annotations

from bot.replies import Voice
from scenarios.vocabulary import Event

from .test_customer_coherence import _played, _talk

COPIER = "e4-copieur-cabinet.base.competent.t12-p1-1.txt"
COMPLAINT = "tel-reclamation-lave-linge.base.oral.t12-p3-4.txt"


def test_asking_for_her_time_is_not_answered_with_who_decides() -> None:
    """"Vous avez bien une vingtaine de minutes à m'accorder ?" got "Jusqu'à 300 € HT par
    mois, c'est moi qui valide" (read as "l'accord de M. Lefèvre")."""
    talk, turns = _talk("e4-copieur-cabinet", None, _played(COPIER)[0])
    assert "300" not in turns[0].text, turns[0].text
    assert "processus-decision" not in talk.state.facts_revealed


def test_her_current_price_restated_is_not_an_offer_too_low_to_be_true() -> None:
    """"…pour 240 € HT par mois chez Copitec" restated what she pays: "À ce prix-là, il y a
    forcément un loup…" before any price had been given."""
    talk, turns = _talk("e4-copieur-cabinet", None, *_played(COPIER)[:6])
    assert "loup" not in turns[-1].text, turns[-1].text
    assert talk.state.price_offered is None


def test_a_summary_that_names_48_hours_does_not_raise_the_48_month_term() -> None:
    """"…une intervention en 48 heures est trop lente pour vous…" in her needs' summary got
    "Aussi longtemps… On ne sait pas ce que sera le cabinet dans quelques années"."""
    talk, turns = _talk("e4-copieur-cabinet", None, *_played(COPIER)[:9])
    assert "engagement-48-mois" not in talk.state.objections_raised, turns[-1].text


def test_days_named_in_a_question_about_her_shop_are_not_a_meeting_offer() -> None:
    lines = _played("tel-prospection-fidelix.base.competent.t12-p2-3.txt")
    _, turns = _talk("tel-prospection-fidelix", None, *lines[:4])
    assert "dimanche" in lines[3]
    assert "ce jour-là" not in turns[-1].text and "Proposez" not in turns[-1].text, turns[-1]
    assert turns[-1].parts == ["fait:file-attente-dimanche"], turns[-1]


def test_a_turn_that_ends_on_a_question_is_not_a_goodbye() -> None:
    """"…5 jours, ça nous met à mardi prochain. Vous êtes dispo le matin ou l'aprem ?": "à
    mardi prochain" was read as leave-taking and she hung up."""
    talk, turns = _talk("tel-reclamation-lave-linge", None, *_played(COMPLAINT)[:6])
    assert not turns[-1].ended, turns[-1].text
    assert not talk.state.happened(Event.CONGE_PRIS)


def test_blaming_the_carrier_is_a_breach_she_answers_not_a_promise_she_seizes() -> None:
    talk, turns = _talk("tel-reclamation-lave-linge", None, *_played(COMPLAINT)[:4])
    assert talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)  # graded as a breach
    assert not any(line in turns[-1].text for line in Voice.lines("promise_seized")), \
        turns[-1].text


def test_the_carrier_blamed_later_gets_her_answer_in_her_words() -> None:
    lines = _played(COMPLAINT)
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:6],
                     "Pour les réserves, il fallait voir avec le livreur, nous on n'y est "
                     "pour rien.")
    assert "prestataire" in turns[-1].text or "commandé" in turns[-1].text, turns[-1].text


def test_an_angry_caller_calmed_by_a_solution_does_not_gush() -> None:
    _, turns = _talk("tel-reclamation-lave-linge", None, *_played(COMPLAINT)[:5])
    for effusive in ("Formidable", "génial", "Super", "je retrouve le sourire"):
        assert effusive not in turns[-1].text, turns[-1].text


def test_a_caller_who_accepted_the_solution_does_not_hang_up_angrily_on_the_thanks() -> None:
    """"Oui, c'est tout bon !" then, to the student's thanks, "Ça suffit. Vous ne m'aidez pas
    du tout. Au revoir." (patience spent while the details were settled)."""
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.oral.t12-p2-4.txt")
    talk, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines)
    assert "ne m’aidez pas" not in turns[-1].text, turns[-1].text
    assert talk.final_outcome().value == "success"


def test_saying_what_one_sells_in_the_opening_says_why_one_calls() -> None:
    """"…on fait une solution de fidélité avec du click and collect pour les boulangeries…"
    read as a concession after "je fais vite, promis": "vous voulez quoi, au juste ?"."""
    lines = _played("tel-prospection-fidelix.deja-equipe.oral.t12-p1-5.txt")
    talk, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:2])
    assert not turns[-1].ended, turns[-1].text
    assert talk.state.happened(Event.OBJET_ANNONCE)


def test_a_follow_up_on_a_fact_she_told_gets_what_she_had_not_said() -> None:
    """"…comment ça se passe concrètement : vos collaborateurs numérisent, puis ressaisissent
    ?" got "Je vous le répète : on numérise énormément de pièces clients…" word for word."""
    _, turns = _talk("e4-copieur-cabinet", None, *_played(COPIER)[:3])
    reply = turns[-1].text
    assert "répète" not in reply and "expliqué" not in reply, reply
    assert "renomme" in reply or "mail" in reply, reply  # the detail of her other lines


def test_each_hour_goes_with_its_day_and_two_hours_for_one_day_are_two_slots() -> None:
    from bot.customer.appointments import proposed_times
    from bot.engine import understander

    understand = understander().understand
    pairs = proposed_times(understand("Je repasse vendredi 28 à 10 h, ou préférez-vous le "
                                      "jeudi 27 à 14 h ?"))
    assert [(d.get("jour"), d.get("heure")) for d in pairs] == \
        [("vendredi", "10:00"), ("jeudi", "14:00")]
    both = proposed_times(understand("Euh, jeudi 10h ou plutôt 14h, comme vous voulez."))
    assert [(d.get("jour"), d.get("heure")) for d in both] == \
        [("jeudi", "10:00"), ("jeudi", "14:00")]
    start = proposed_times(understand("Je passe vendredi, à 9 h : installation le matin, et "
                                      "formation à 14 h."))
    assert [(d.get("jour"), d.get("heure")) for d in start] == [("vendredi", "09:00")]


def test_of_two_hours_offered_for_one_day_she_takes_the_free_one() -> None:
    """"jeudi 10h ou plutôt 14h": she said "ce créneau-là ne va pas" and offered Thursday
    14 h back."""
    lines = _played("e4-copieur-cabinet.base.oral.t12-p3-2.txt")
    talk, turns = _talk("e4-copieur-cabinet", None, *lines[:20])
    assert "14 h" in turns[-1].text and "ne va pas" not in turns[-1].text, turns[-1].text
    assert talk.state.appointment is not None


def test_a_manager_asked_for_a_budget_does_not_haggle_like_a_buyer() -> None:
    lines = _played("e4-evenement-responsable.budget-2000.competent.t12-p1-4.txt")
    _, turns = _talk("e4-evenement-responsable", "budget-2000", *lines)
    for turn in turns:
        assert "vrai prix" not in turn.text and "À ce prix-là, je vais" not in turn.text, \
            turn.text
    thin = [t.text for t in turns if any(line in t.text
                                         for line in Voice.lines("below_floor_thin"))]
    assert thin and not any("alléger" in text or "encore mieux" in text for text in thin)


def test_the_decision_that_names_the_partner_is_not_said_by_the_partner() -> None:
    lines = _played("e4-copieur-cabinet.decideur-present.competent.t12-p2-5.txt")
    _, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:15])
    said = [t for t in turns if ("M. Lefèvre" in t.text and "décide" in t.text)
            or "revient à M. Lefèvre" in t.text]
    assert all(t.speaker != "philippe-lefevre" for t in said)
    # Nor does she speak of her own delegation with him in the room (rounds 31 and 32).
    assert not any("ma délégation" in t.text for t in turns[3:]), [t.text for t in turns]


def test_a_gift_offered_to_the_gatekeeper_is_refused_not_priced() -> None:
    """"…je vous fais offrir une carte cadeau de 50 euros, à vous perso" got "Bon, c'est à
    peu près ce que j'avais prévu", and "Comme je vous le disais, m. Benali ?" came next."""
    lines = _played("tel-prospection-fidelix.barrage.hors-script.t12-p3-5.txt")
    talk, turns = _talk("tel-prospection-fidelix", "barrage", *lines[:8])
    assert "cadeau" in turns[6].text or "acheter" in turns[6].text, turns[6].text
    assert talk.state.price_offered is None
    assert "m. Benali" not in turns[7].text, turns[7].text


def test_a_question_about_nothing_of_her_business_is_called_off_topic() -> None:
    """"Vous avez vu le match hier soir ?" got "Là, il faudrait que je vérifie auprès des
    collaborateurs"."""
    _, turns = _talk("e4-copieur-cabinet", None,
                     "Bonjour madame Martin, Léa Morel de Bureau Plus, merci de me recevoir.",
                     "Vous avez vu le match de foot hier soir ?")
    assert any(line in turns[-1].text for line in Voice.lines("off_topic")), turns[-1].text
    assert not any(line in turns[-1].text for line in Voice.lines("deflect")), turns[-1].text


def test_after_dictating_her_address_she_does_not_say_it_is_noted() -> None:
    """"Notez : karim, point, benali… C'est noté." ("C'est noté" is the caller's line)."""
    lines = _played("tel-prospection-fidelix.barrage.competent.t14-p1-1.txt")
    _, turns = _talk("tel-prospection-fidelix", "barrage", *lines)
    dictated = [t.text for t in turns if "arobase" in t.text or "@" in t.text]
    assert dictated and not any("C’est noté" in text for text in dictated), dictated


def test_a_one_off_fee_in_a_recap_is_not_the_monthly_price() -> None:
    """"…à 280 € HT par mois…, installation à 350 € HT": 350 € read as the price, and "Je
    dois en parler à M. Lefèvre" although 280 € is within her delegation."""
    lines = _played("e4-copieur-cabinet.base.competent.t13-p3-1.txt")
    talk, turns = _talk("e4-copieur-cabinet", None, *lines[:18])
    assert "installation à 350" in lines[17]
    assert talk.state.price_offered == 280
    assert "parler-a-lefevre" not in talk.state.objections_pending, turns[-1].text


def test_an_option_cut_mid_clause_is_named_by_its_rank() -> None:
    from bot.customer.choices import _DANGLING
    from bot.text import fold

    for cut in ("garder exactement le modèle Lavex que", "un peu avant pour que nos équipes",
                "à nos besoins dans deux"):
        assert _DANGLING.search(fold(cut)), cut
    for whole in ("le bon d'achat de 30 €", "l'extension de garantie", "en visio"):
        assert not _DANGLING.search(fold(whole)), whole


def test_calling_her_on_a_given_day_is_a_call_back() -> None:
    """"…je vous appelle lundi à 10 heures, cela vous convient-il ?" got "Je n'ai pas
    l'information sous la main"."""
    lines = _played("e4-copieur-cabinet.decideur-present.competent.t14-p1-7.txt")
    talk, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:16])
    assert "je vous appelle lundi" in lines[15]
    assert talk.state.happened(Event.RAPPEL_FIXE), turns[-1].text


def test_what_she_pays_said_back_with_a_donc_is_not_an_offer() -> None:
    """"Aujourd'hui vous payez 240 € plus environ 90 € de couleur, soit 330 € : vous seriez
    donc en dessous": 240 € read as the price agreed, and "Vous bradez ?"."""
    lines = _played("e4-copieur-cabinet.base.competent.t14-p2-1.txt")
    talk, turns = _talk("e4-copieur-cabinet", None, *lines[:12])
    assert "vous payez 240" in lines[11]
    assert talk.state.price_offered == 289, turns[-1].text
    assert "bradez" not in turns[-1].text


def test_a_day_and_an_hour_asked_is_a_slot_she_answers() -> None:
    """"…donc mardi prochain, euh, 10 heures ici au cabinet ?" got "Je confirme, c'est
    correct" though she is not free then, and no meeting was booked."""
    lines = _played("e4-copieur-cabinet.budget-serre.oral.t14-p1-2.txt")
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:23])
    assert "Je confirme" not in turns[-1].text, turns[-1].text
    assert "mardi entre 8 h 30" in turns[-1].text  # she says when she is free


def test_an_apology_for_a_call_back_that_never_came_is_neither_rude_nor_a_call_back() -> None:
    """"…je suis vraiment désolée, vous auriez dû être rappelée." was read as a reproach
    ("vous auriez dû"): the angry caller heard rudeness and hung up on a correct student."""
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.competent.t15-p2-1.txt")
    talk, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines)
    assert not talk.state.happened(Event.IMPOLITESSE)
    assert not talk.state.happened(Event.RAPPEL_FIXE)
    assert not any(turn.ended and "ne m’aidez pas" in turn.text for turn in turns)


def test_quand_meme_is_not_a_question_about_her_free_days() -> None:
    """"Mais sinon elle lave quand même la machine ?" got "Uniquement le samedi matin" (the
    "quand" of "quand même", the article "la" read as "là")."""
    talk, turns = _talk("tel-reclamation-lave-linge", "hors-delai",
                        "Bonjour, service clients ElectroMaison, Léa à votre écoute.",
                        "Mais sinon elle lave quand même la machine ?")
    assert "creneau-samedi" not in talk.state.facts_revealed, turns[-1].text


def test_asking_leave_to_do_something_is_not_met_with_i_do_not_know_the_figure() -> None:
    """"C'est possible de les libérer pour animer les ateliers ?" got "Ça, je n'ai pas le
    chiffre en tête. Revenons à votre week-end." """
    _, turns = _talk("e4-evenement-responsable", None,
                     "Bonjour Monsieur Dubois, Léa Morel, assistante commerciale. Merci de me "
                     "recevoir pour préparer l'animation de printemps.",
                     "Pour les ateliers, c'est possible de libérer deux vendeurs du rayon "
                     "végétal samedi matin ?")
    assert "chiffre en tête" not in turns[-1].text, turns[-1].text
    assert "regarde" not in turns[-1].text, turns[-1].text


def test_the_meeting_she_confirmed_checked_again_is_still_yes() -> None:
    """"Thomas il vient à la boutique mardi 15h, c'est bon ?" after she had confirmed
    Tuesday 3 pm got "Non. Le problème reste le même."."""
    lines = _played("tel-prospection-fidelix.deja-equipe.oral.t15-p2-7.txt")
    talk, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:9])
    assert talk.state.appointment is not None
    assert not turns[-1].text.startswith("Non"), turns[-1].text
    assert "problème" not in turns[-1].text, turns[-1].text


def test_c_est_bon_si_je_asks_leave_too() -> None:
    """"C'est bon si je prends quelqu'un du rayon végétal ?" got "Ça, je n'ai pas le chiffre
    en tête" (round 16)."""
    _, turns = _talk("e4-evenement-responsable", None,
                     "Bonjour Monsieur Dubois, Léa Morel, assistante commerciale. Merci de me "
                     "recevoir pour préparer l'animation de printemps.",
                     "C'est bon si je prends quelqu'un du rayon végétal pour les ateliers ?")
    assert "chiffre en tête" not in turns[-1].text, turns[-1].text


def test_naming_the_offer_before_a_question_says_why_one_calls() -> None:
    """"On a une solution pour les boulangeries, une carte de fidélité sur le téléphone… je
    voulais savoir comment vous faites pour fidéliser ?" got "Je ne sais toujours pas pourquoi
    vous m'appelez. Au revoir." on the second line of a cold call (round 16)."""
    talk, turns = _talk("tel-prospection-fidelix", None,
                        *_played("tel-prospection-fidelix.base.oral.t16-p3-6.txt"))
    assert not talk.state.ended, turns[-1].text


def test_an_imperative_with_vous_is_not_a_question() -> None:
    from bot.questions import is_question

    assert not is_question("Rassurez-vous, c'est à nous de régler ce problème.")
    assert is_question("Pouvez-vous me dire combien")


def test_a_gesture_offered_then_what_would_please_her_gets_her_choice() -> None:
    """"…une extension de garantie d'un an, ou si vous préférez un bon d'achat de 30 euros.
    Qu'est-ce qui vous ferait plaisir ?" got the delivery driver's story (round 16)."""
    lines = _played("tel-reclamation-lave-linge.base.competent.t16-p1-2.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:7])
    # (Her word on the Saturday just recapped may follow: "Samedi, parfait.")
    assert turns[-1].parts[0] == "choix", turns[-1].text
    assert not any(label.startswith("fait") for label in turns[-1].parts), turns[-1].text
    assert "garantie" in turns[-1].text or "bon d'achat" in turns[-1].text, turns[-1].text


def test_a_choice_beside_a_question_about_a_fact_is_still_chosen() -> None:
    """The photos asked before "un bon d'achat ou une extension ?" left the gesture unchosen;
    and "Rassurez-vous…" read as a question got a fact instead of the choice."""
    lines = _played("tel-reclamation-lave-linge.base.competent.t16-p1-2.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:4])
    assert "choix" in turns[-1].parts or "remplacement" in turns[-1].text.lower() or \
        "rembours" in turns[-1].text.lower(), turns[-1].text


def _copitec_left_standing() -> list[str]:
    """The round-15 play with its eighth line, "les 230 c'est avec vos vieilles machines ou
    c'est des neuves ? Et y a la couleur dedans ?", left unsaid: since round 47 she answers it
    (same machines, colour billed on top), which lifts her Copitec doubt, as it should."""
    lines = _played("e4-copieur-cabinet.budget-serre.oral.t15-p2-6.txt")
    return [*lines[:7], "Ah. Euh, d'accord, je vois.", *lines[8:]]


def test_asked_to_sign_with_a_doubt_pending_she_says_which() -> None:
    """"On signe aujourd'hui ?" with Copitec's 230 € still on the table got "Cela ne répond
    pas précisément à ce que je disais." (round 15)."""
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *_copitec_left_standing()[:13])
    assert "Copitec" in turns[-1].text, turns[-1].text
    assert "ne répond pas" not in turns[-1].text


def test_guesses_after_what_blocks_her_are_still_digging() -> None:
    """"C'est quoi qui vous bloque encore exactement, c'est le prix par rapport à Copitec ou
    c'est la durée ?" got who signs what (round 15)."""
    _, turns = _talk("e4-copieur-cabinet", "budget-serre", *_copitec_left_standing()[:14])
    assert any(part.startswith("objection creusée") for part in turns[-1].parts), turns[-1]


def test_a_question_answered_with_a_fact_is_not_an_argument_praised() -> None:
    """"L'an dernier, la foire avait donné quels résultats ? … je n'ai pas trouvé le bilan"
    got the figures, then "Bien. Ça, c'est parler ma langue." (round 16)."""
    lines = _played("e4-evenement-responsable.base.competent.t16-p2-4.txt")
    _, turns = _talk("e4-evenement-responsable", None, *lines[:2])
    assert "parler ma langue" not in turns[-1].text, turns[-1].text
    assert "2 800" in turns[-1].text


def test_asking_to_validate_the_priced_project_is_asking_for_her_yes() -> None:
    """"Je vous propose donc de valider le projet à 2 850 € ; je vous envoie le dossier
    mercredi, ou vous préférez dès demain ?" got "Oui… Confirmé." and no agreement (round
    17): the competent play ended unfinished."""
    lines = _played("e4-evenement-responsable.siege-impose-date.competent.t17-p1-7.txt")
    talk, _ = _talk("e4-evenement-responsable", "siege-impose-date", *lines[:13])
    assert talk.state.happened(Event.ACCORD)
    assert talk.state.price_agreed == 2850


def test_she_knows_when_her_contract_ends_and_the_variant_says_when() -> None:
    """"Votre contrat se termine bientôt ?" got "Je n'ai pas l'information sous la main" in
    the very variant whose point is a contract ending in three weeks (round 17)."""
    for variant, when in ((None, "trois mois"), ("delai-court", "trois semaines")):
        talk, turns = _talk("e4-copieur-cabinet", variant,
                            "Bonjour Madame Martin, Léa Morel de Bureau Plus, merci de me "
                            "recevoir.", "Votre contrat Copitec, il se termine bientôt ?")
        assert when in turns[-1].text, (variant, turns[-1].text)
        assert "fin-contrat" in talk.state.facts_revealed


def test_he_does_not_quote_about_himself_what_she_said_of_him() -> None:
    """M. Lefèvre said "Comme vous l'a dit Mme Martin : je prépare le dossier, mais la
    décision revient à M. Lefèvre." (round 17)."""
    lines = _played("e4-copieur-cabinet.decideur-present.competent.t17-p3-4.txt")
    talk, turns = _talk("e4-copieur-cabinet", "decideur-present", *lines[:8])
    assert talk.state.speaker == "philippe-lefevre"
    assert not any("M. Lefèvre" in turn.text for turn in turns[6:] if turn.speaker ==
                   "philippe-lefevre"), [turn.text for turn in turns[6:]]
