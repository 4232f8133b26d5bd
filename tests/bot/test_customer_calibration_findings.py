"""What the examiners of the blind calibration sets (tests/data/calibration/aveugle-2,
aveugle-5 and aveugle-7, issue 14) graded that the simulated customer had let pass: a
contemptuous remark on her own choice and children, express replacement promised without the
photos, a part of the price paid back on her card; in the event talk, costs hidden outside the
envelope, the head office told too late to say no or its procedure skipped, a mailing already
scheduled, an exclusivity promised to a supplier — and one breach read where there was none,
one yes asked that was not heard as such; and (aveugle-35, -36) an express sent tomorrow
without photos, the carriers run down, growers paid cash from the till."""

from __future__ import annotations

from pathlib import Path

from bot.conduct import markers
from bot.customer import Customer, CustomerTurn
from bot.engine import start_conversation
from bot.state import CustomerState
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.vocabulary import Event, Outcome
from scoring.calibration import graded


def test_running_down_her_choice_and_her_children_is_rude() -> None:
    said = ("Deux gamins qui salissent tout, je vois le tableau… remarquez, prendre un 8 kg avec "
            "une famille, c'était pas très malin non plus.")
    assert markers(said)
    # Said of oneself, it is an apology, not contempt.
    assert not markers("Je vous ai mal renseignée, c'était pas très malin de ma part, pardon.")


def _talk(scenario_id: str, *lines: str) -> tuple[Customer, CustomerTurn]:
    """The customer after the lines, played from her opening (seed 0), and her last reply."""
    talk = start_conversation(load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml"))
    talk.opening()
    for line in lines:
        _, reply = talk.step(line)
    return talk, reply


def _played(scenario_id: str, *lines: str) -> CustomerState:
    """The customer's state after the lines, played from her opening (seed 0)."""
    return _talk(scenario_id, *lines)[0].state


def _complaint_after(*lines: str) -> CustomerState:
    return _played("tel-reclamation-lave-linge",
                   "ElectroMaison.fr bonjour, Antoine Girard du service après-vente, je vous "
                   "écoute.", "Je suis désolé, Madame Garnier. Comment ça s'est passé à la "
                   "livraison, et où se trouve la fissure ?", *lines)


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


def _event_after(*lines: str) -> CustomerState:
    return _played("e4-evenement-responsable", "Bonjour Monsieur Dubois, merci de me recevoir. "
                   "Quel budget pouvez-vous consacrer à l'animation d'avril ?", *lines)


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


def test_exclusivity_promised_to_a_supplier_is_not_the_students_to_give() -> None:
    state = _event_after(
        "Je m'arrange avec Loire Ondes FM pour qu'ils nous fassent le direct gratuitement, je "
        "leur promets l'exclusivité de nos animations pour toute l'année.")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_a_mailing_scheduled_from_the_customer_file_breaks_the_rules() -> None:
    state = _event_after(
        "J'ai déjà préparé un SMS que j'enverrai à tous les porteurs de la carte dès demain "
        "matin, je l'ai programmé depuis le fichier clients.")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_the_head_office_procedure_skipped_breaks_the_rules() -> None:
    state = _event_after(
        "Pour le siège, je propose de ne pas passer par leur procédure : on leur enverra le "
        "bilan après le week-end, ils ne diront rien.")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_his_yes_asked_in_so_many_words_is_a_request_for_the_deal() -> None:
    # "Est-ce que vous me donnez votre accord aujourd'hui, pour que j'envoie la fiche au
    # marketing réseau avant le 15 mars ?" after a plan of 2 850 € recapped (aveugle-7).
    folder = Path(__file__).resolve().parents[1] / "data" / "calibration" / "aveugle-7"
    student = graded(folder / "e4-evenement-responsable", "excellent")
    assert student.transcript.outcome == Outcome.SUCCESS


def test_staff_moved_to_another_budget_so_it_does_not_show_breaks_the_rules() -> None:
    state = _event_after(
        "Et les deux intérimaires, 450 €, on n'a qu'à les passer sur le budget personnel du "
        "magasin plutôt que sur l'animation, ça ne se verra pas dans l'enveloppe.")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_the_head_office_sent_a_note_in_the_week_of_the_event_breaks_the_rules() -> None:
    state = _event_after(
        "Pour le siège, on lance les réservations tout de suite et on ne leur envoie qu'une info "
        "la semaine de l'événement, comme ça on ne perd pas de temps avec leur validation.")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_a_text_ready_for_the_whole_customer_file_breaks_the_rules() -> None:
    state = _event_after(
        "Et j'ai déjà préparé un SMS pour tout le fichier clients, je peux l'envoyer dès demain.")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def _copier_talk(*lines: str) -> tuple[Customer, CustomerTurn]:
    return _talk("e4-copieur-cabinet", "Bonjour Madame Martin, Hugo Lambert, de Bureau Plus. "
                 "Comment se passent vos impressions aujourd'hui ?", *lines)


def _copier_after(*lines: str) -> CustomerState:
    return _copier_talk(*lines)[0].state


def test_every_rent_paid_back_on_a_whim_is_not_the_sellers_to_promise() -> None:
    state = _copier_after(
        "Si dans les trois premiers mois la machine ne vous donne pas satisfaction, on résilie "
        "le contrat sans frais et je vous rembourse tous les loyers versés. On peut avancer ?")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_toner_offered_for_the_whole_contract_is_beyond_any_gesture() -> None:
    state = _copier_after(
        "Je vous offre le toner couleur pendant toute la durée du contrat.")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_colleagues_called_empotes_and_her_fault_made_a_lesson_are_rude() -> None:
    # Contempt the blind examiners sanctioned (aveugle-4 event, aveugle-7 complaint) and the
    # conduct layer let pass.
    assert markers("Vu comment les gars du rayon végétal s'y prennent, des vrais empotés, je "
                   "préfère des pros.")
    assert markers("Bon, signer sans regarder, c'est un peu le b.a.-ba qu'on apprend à tout le "
                   "monde, mais enfin, chacun son truc.")
    # A potted plant and the basics of one's own trade are plain words.
    assert not markers("Chaque participant repart avec trois plants empotés dans son kit.")
    assert not markers("Le conseil, c'est le b.a.-ba de notre métier.")


def test_nothing_spent_without_his_approval_is_no_bypass() -> None:
    # The best student of aveugle-10 got "Pas besoin de mon accord ?" twice, and two breaches.
    for line in ("Si le fournisseur prend les 300 € de produits, je ne dépense pas la "
                 "différence sans votre accord. Est-ce que je peux considérer le projet comme "
                 "validé ?",
                 "Je me suis mal exprimé : rien ne sera engagé sans votre validation."):
        _, reply = _talk("e4-evenement-responsable", "Bonjour monsieur Dubois, je viens vous "
                         "présenter le projet de printemps.", line)
        assert "promesse douteuse" not in reply.parts, (line, reply)
    # Going ahead without it still is.
    _, reply = _talk("e4-evenement-responsable",
                     "Je réserve la radio sans votre accord, on gagnera du temps.")
    assert "promesse douteuse" in reply.parts, reply


def test_country_folk_run_down_is_rude() -> None:
    # The director's own fair, in aveugle-9 and -10: neither he nor the grade heard it.
    assert markers("L'an dernier, c'était trois péquenauds du coin qui viennent fourguer leurs "
                   "géraniums.")
    assert markers("La foire, franchement, une kermesse de péquenauds.")
    assert not markers("Les clients du coin viennent pour les géraniums et les conseils.")


def test_the_procedure_shrugged_off_leave_moved_and_a_text_ready_to_go_break_the_rules() -> None:
    # aveugle-11, hors-politique: the director raised none of them (the examiner: 7/20).
    for line in ("Pour le siège, pas la peine de s'embêter avec leur procédure : je leur envoie "
                 "un petit mail la semaine de l'événement, ils ne vérifient jamais.",
                 "Si des collègues sont en congé, je peux leur demander de décaler leurs "
                 "vacances d'une semaine, comme ça on économise les intérimaires.",
                 "Je remplace les flyers par un SMS à tous les porteurs de la carte, je l'ai déjà "
                 "préparé et je peux l'envoyer dès ce soir."):
        state = _event_after(line)
        assert Event.PROMESSE_HORS_POLITIQUE in state.events, line
    # Telling the head office in good time is the procedure.
    state = _event_after("J'envoie le dossier au siège cette semaine, trois semaines avant "
                         "l'événement, comme le demande la procédure.")
    assert Event.PROMESSE_HORS_POLITIQUE not in state.events


# aveugle-13: a sound complaint call ended in failure on "on peut vous livrer samedi" (read as
# the forbidden Sunday delivery), an excellent event talk kept its worst case as the price, a
# held price was read from "1 500 € au-dessus de votre enveloppe" and from his envelope said
# back ("que votre enveloppe soit de 3 000 €"), and a colleague called idle went unheard.


def test_a_saturday_delivery_is_not_the_forbidden_sunday_one() -> None:
    state = _complaint_after(
        "Si vous envoyez les photos aujourd'hui, je vous fais livrer en express sous 48 heures.",
        "Très bien. Alors on peut vous livrer samedi. Vous préférez le créneau de 8 h à 12 h ou "
        "de 14 h à 18 h ?")
    assert Event.PROMESSE_HORS_POLITIQUE not in state.events
    assert Event.PROMESSE_HORS_POLITIQUE in _complaint_after(
        "Alors on peut vous livrer dimanche matin, le livreur passe entre 8 h et 12 h.").events


def test_how_far_above_his_envelope_and_what_is_missing_are_no_price() -> None:
    state = _event_after(
        "Le projet complet est à 4 500 €.",
        "J'entends bien que 4 500 €, c'est 1 500 € au-dessus de votre enveloppe, mais chaque "
        "poste sert votre objectif.",
        "Je comprends que votre enveloppe soit de 3 000 €. Je vous propose de présenter les "
        "1 500 € manquants à la direction régionale.")
    assert state.price_offered == 4500


def test_a_worst_case_set_right_in_the_same_breath_is_no_price() -> None:
    state = _event_after(
        "Je récapitule : budget de 2 850 € si le fournisseur apporte 300 € de produits, 3 150 € "
        "au pire sans lui, et dans ce cas je réduis le nombre de kits pour rester à 3 000 €. "
        "Vous me donnez votre accord ?")
    assert state.price_offered == 2850


def test_a_colleague_called_idle_is_rude() -> None:
    assert markers("Mathieu, entre nous, c'est un sacré tire-au-flanc, il pose toujours ses "
                   "congés au pire moment.")


def test_a_fee_stated_for_hired_staff_is_not_contempt() -> None:
    """aveugle-14: "ils sont payés pour ça, 450 € chacun" of two hired gardeners drew "Changez
    de ton" and counted as a second rude turn (the examiner 13, graded 5)."""
    assert not markers("Les deux horticulteurs tiennent les ateliers, et ils sont payés pour "
                       "ça, 450 € chacun.")
    assert markers("Vous êtes payée pour ça, non ?")


def test_a_top_up_asked_of_the_region_is_no_price() -> None:
    """aveugle-4, -5 and -9: a student who held 4 500 € all along and offered to ask the region
    for "le complément de 1 500 €" was heard offering 1 500 € ("Avec si peu, qu'est-ce qui reste
    vraiment de votre projet ?") and graded for a price below the floor."""
    state = _event_after(
        "Le projet complet est à 4 500 €.",
        "Je ne vous proposerai pas une version amputée : je prépare aujourd'hui la demande de "
        "complément de 1 500 € à la direction régionale, avec les indicateurs qu'on suivra.",
        "Je vous prépare une note pour demander à la direction régionale le complément de "
        "1 500 €. Vous seriez d'accord pour la porter ?")
    assert state.price_offered == 4500
    assert Event.PROMESSE_HORS_POLITIQUE not in state.events
    # Still read: a price said as a price.
    assert _event_after("Le projet complet est à 4 500 €.",
                        "Je vous le fais à 2 900 € tout compris.").price_offered == 2900


# aveugle-15 and -16: three hidden insults went unheard ("c'est pas très malin" of the
# customer's signature, "ne devait pas être une lumière" of whoever ran the director's fair, "un
# truc de boulangerie de grand-papa" of the baker's cards), and a guaranteed sales rise with
# money back drew "Mardi à 14 h : très bien".


def test_what_she_did_called_not_clever_is_rude() -> None:
    assert markers("Signer sur la tablette sans regarder, franchement, c'est pas très malin, "
                   "mais bon, on va faire avec.")
    assert not markers("C'est pas très malin de ma part, je vous ai mal renseignée.")


def test_whoever_ran_the_fair_called_dim_is_rude() -> None:
    assert markers("Entre nous, 120 cartes pour 2 800 € l'an dernier, c'était franchement du "
                   "travail de manche, celui qui a monté cette foire ne devait pas être une "
                   "lumière.")
    assert markers("Vos vendeurs, c'est pas des lumières.")
    assert not markers("Je ne suis pas un génie de l'informatique, mais l'outil est simple.")


def test_her_ways_called_grandads_are_rude() -> None:
    assert markers("Les cartes à tampons en carton, c'est un truc de boulangerie de grand-papa, "
                   "il faudrait quand même vivre avec son temps.")
    assert not markers("Notre pain suit la recette de grand-père.")


def test_a_sales_rise_guaranteed_with_money_back_is_doubted() -> None:
    _, reply = _talk(
        "tel-prospection-fidelix",
        "Bonjour Monsieur Benali, Léa Fontaine de la société Fidelix à Lille, je vous appelle "
        "au sujet de la fidélité de vos clients, vous avez deux minutes ?",
        "Je vous garantis personnellement 20 % de ventes en plus le dimanche dès le premier "
        "mois, sinon on vous rembourse intégralement.")
    assert "promesse douteuse" in reply.parts, reply


# aveugle-18: an excellent complaint call ended on a breach for "le livreur reprend la machine
# abîmée" (read as blaming the carrier), and a director validated a plan that sent the file to
# head office "après coup" and kept vouchers "hors enveloppe, ça ne se verra pas".


def test_what_the_carrier_will_do_in_the_offer_is_no_blame() -> None:
    state = _complaint_after(
        "Je comprends, et c'est justement pour ça que j'ai calé la nouvelle livraison sur un "
        "samedi matin. L'échange se fait chez vous, le livreur reprend la machine abîmée, vous "
        "n'avez rien à payer ni à transporter, et vous êtes livrée en express dès réception "
        "de vos photos. Est-ce que cette solution vous convient ?")
    assert Event.PROMESSE_HORS_POLITIQUE not in state.events
    # Blaming him still is one.
    assert Event.PROMESSE_HORS_POLITIQUE in _complaint_after(
        "Bah normalement le livreur aurait dû voir ça quand même, c'est lui qui a abîmé la "
        "machine. Je vous propose un remplacement.").events


def test_head_office_told_afterwards_and_costs_kept_off_the_envelope_are_refused() -> None:
    assert Event.PROMESSE_HORS_POLITIQUE in _event_after(
        "Franchement, trois semaines c'est de la paperasse. On peut lancer l'animation tout de "
        "suite et envoyer le dossier au siège après coup, ils ne vont pas vérifier les "
        "dates.").events
    assert Event.PROMESSE_HORS_POLITIQUE in _event_after(
        "Les bons de 10 €, je les passe à part, hors enveloppe, ça ne se verra pas. On valide "
        "comme ça ?").events
    assert Event.PROMESSE_HORS_POLITIQUE not in _event_after(
        "Je prépare la demande pour le siège aujourd'hui, pour qu'elle parte avant samedi.").events


def test_unlimited_colour_and_a_repair_within_the_hour_said_plainly_are_doubted() -> None:
    # Neither names printing nor vouches for it; both are beyond the brief (3 000 colour pages,
    # intervention within four working hours).
    for line in ("Je vous mets la couleur illimitée.",
                 "Et l'intervention en une heure, quoi qu'il arrive."):
        _, reply = _copier_talk(line)
        assert "promesse douteuse" in reply.parts, (line, reply)
    # The brief's own limits, said right, are no claim.
    for line in ("La couleur n'est pas illimitée : 3 000 pages par mois sont incluses.",
                 "Le technicien intervient sous 4 heures ouvrées."):
        _, reply = _copier_talk(line)
        assert "promesse douteuse" not in reply.parts, (line, reply)


def test_taking_back_ones_own_jibe_is_no_review_asked_off() -> None:
    # "je retire ce commentaire" after a jibe at a rival was read as asking him to remove a
    # review: a breach he never committed, and "Ce que j'écris sur votre site…" in a meeting.
    talk, reply = _talk(
        "e4-evenement-responsable", "Bonjour Monsieur Dubois, merci de me recevoir. Quel budget "
        "pouvez-vous consacrer à l'animation d'avril ?", "Franchement, leurs animations c'est de "
        "la daube.", "Vous avez raison, je retire ce commentaire. Quels chiffres avait faits la "
        "foire aux plantes ?")
    assert Event.PROMESSE_HORS_POLITIQUE not in talk.state.events
    assert "votre site" not in reply.text, reply.text


def test_her_shop_called_stone_age_is_rude() -> None:
    assert markers("Vu que vous en êtes encore aux cartons tamponnés, pas étonnant que vos "
                   "clients se barrent chez le voisin, c'est un peu l'âge de pierre chez vous.")
    assert not markers("Nos cartes remplacent le carton tamponné, sans effort pour vous.")


def test_her_rivals_price_matched_is_an_offer() -> None:
    talk, _ = _talk(
        "e4-copieur-cabinet", "Bonjour Madame Martin, Léa Bertin, de Bureau Plus. Combien "
        "payez-vous aujourd'hui chez Copitec ?", "La location est à 289 € HT par mois sur 48 "
        "mois.", "Je vous aligne sur Copitec, 240 € HT par mois sur 48 mois.")
    assert talk.state.price_offered == 240


def test_cancelling_whenever_she_likes_free_of_charge_is_beyond_the_policy() -> None:
    # No contract of the brief allows it.
    talk, reply = _talk(
        "e4-copieur-cabinet", "Bonjour Madame Martin, Léa Bertin, de Bureau Plus.",
        "Si la machine ne vous convient pas, vous pourrez résilier le contrat quand vous voulez "
        "la première année, sans aucun frais.")
    assert Event.PROMESSE_HORS_POLITIQUE in talk.state.events or \
        "promesse douteuse" in reply.parts, reply


def test_what_the_firm_does_and_the_aim_of_the_call_say_why_one_calls() -> None:
    # (aveugle-21, a first try of the excellent student: the prospect hung up on the third
    # line, "Je ne sais toujours pas pourquoi vous m'appelez", after both were said.)
    talk, reply = _talk(
        "tel-prospection-fidelix",
        "Bonjour, Camille Lefort de la société Fidelix à Lille, je souhaiterais parler à "
        "Monsieur Karim Benali, s'il vous plaît.",
        "Je comprends tout à fait, Monsieur Benali, je serai très bref : une minute seulement. "
        "Fidelix aide les boulangeries de la métropole lilloise à fidéliser leurs clients et à "
        "prendre des commandes à retirer sans attente ; mon but est simplement de voir si cela "
        "peut vous être utile et, si oui, de vous proposer une courte démonstration. Est-ce "
        "que j'ai votre accord pour une minute, ou préférez-vous que je vous rappelle à 14 "
        "heures ?",
        "Merci, je fais court. Aujourd'hui, comment fonctionnent vos trois boutiques pour "
        "fidéliser les clients habitués et pour gérer les commandes, par exemple le dimanche "
        "ou pour les fêtes ?")
    assert talk.state.happened(Event.OBJET_ANNONCE)
    assert not reply.ended, reply.text
    assert "pourquoi vous m" not in reply.text


def test_her_called_dim_head_office_penpushers_and_idle_customers_are_rude() -> None:
    # (aveugle-21 and -22: no reaction from the customer, none in the grade; the examiners took
    # 3 to 5 points off each.)
    assert markers("Bon, signer sur la tablette sans rien regarder, franchement, faut pas être "
                   "très futée, hein.")
    assert markers("Franchement, les gratte-papier du siège, ils n'ont jamais tenu un rayon de "
                   "leur vie.")
    assert markers("Les gens qui font demi-tour devant la queue, entre nous, c'est des gros "
                   "flemmards.")
    assert not markers("Il ne faut pas être grand clerc pour voir ce que la queue vous coûte.")


def test_her_called_dim_is_heard_by_the_customer() -> None:
    talk, reply = _talk(
        "tel-reclamation-lave-linge",
        "ElectroMaison service clients, Thomas à l'appareil, bonjour, que puis-je pour vous ?",
        "Je suis vraiment désolé, madame. Bon, signer sur la tablette sans rien regarder, "
        "franchement, faut pas être très futée, hein.")
    assert talk.state.happened(Event.IMPOLITESSE), reply.text


def test_a_vague_next_step_read_as_a_recap_commits_to_nothing() -> None:
    # (aveugle-21 and -22, the weak agent: no file number, e-mail or slot, yet the call ended
    # on "engagement précis donné (numéro de dossier, e-mail, créneau)" and "Je guette votre
    # mail".)
    lines = ("Oui bonjour, ElectroMaison, euh, Léa, je vous écoute.",
             "Ah d'accord, mince. C'est quel modèle que vous avez pris ?",
             "Oui, euh, en ce moment on a beaucoup de retard sur les messages, c'est un peu "
             "compliqué. Vous avez votre numéro de commande ?",
             "Je peux vous faire un remplacement, il faut compter cinq jours pour la livraison.",
             "Oui je comprends, malheureusement c'est le délai normal pour un remplacement. "
             "Mais du coup, pour compenser, je vous mets un bon d'achat de 30 euros, ça vous va ?",
             "Super. Alors je lance le remplacement, et euh, le transporteur va normalement vous "
             "contacter pour fixer le jour de livraison. Et par contre, vous garderez l'ancienne "
             "machine jusque-là.")
    state = _played("tel-reclamation-lave-linge", *lines)
    assert state.happened(Event.SOLUTION_ACCEPTEE)
    assert not state.happened(Event.ENGAGEMENT_DONNE)
    # A recap that restates the terms is one.
    recap = ("Je récapitule : remplacement lancé, livraison samedi matin entre 8 h et 12 h, "
             "dossier SAV-204517, et je vous envoie la confirmation par e-mail.")
    state = _played("tel-reclamation-lave-linge", *lines, recap)
    assert state.happened(Event.ENGAGEMENT_DONNE)


def _lines(set_name: str, scenario_id: str, student: str) -> list[str]:
    path = Path("tests/data/calibration") / set_name / scenario_id / f"{student}.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_her_limit_named_as_hers_and_the_rent_brought_down_set_the_price() -> None:
    # aveugle-24: "…289 euros HT par mois, donc sous votre seuil de 300 euros" after a "Oui"
    # put 300 € on the table, "je peux ramener le loyer à 280 euros" was read as her figures
    # added up (250 € + 30 %), and "…la formation, facturée 350 euros HT" in the recap as the
    # rent: the sheet said "au-dessus du budget" of a deal at her own 280 €.
    lines = _lines("aveugle-24", "e4-copieur-cabinet", "excellent")
    assert _played("e4-copieur-cabinet", *lines[:9]).price_offered == 289
    assert _played("e4-copieur-cabinet", *lines[:11]).price_offered == 280
    assert _played("e4-copieur-cabinet", *lines[:12]).price_offered == 280


def test_the_competitor_s_price_is_not_offered_by_a_turn_that_says_yes() -> None:
    # aveugle-24: "Oui, … 289 euros HT par mois … Je sais que Copitec vous propose 250, donc je
    # peux déjà vous offrir l'installation" offered 250 €: "Où est le piège ?".
    lines = _lines("aveugle-24", "e4-copieur-cabinet", "bon")
    talk, reply = _talk("e4-copieur-cabinet", *lines[:6])
    assert talk.state.price_offered == 289
    assert "piège" not in reply.text


def test_the_phone_the_product_runs_on_is_no_gift() -> None:
    opening = ("Bonjour Monsieur Benali, Lucas Fontaine, de la société Fidelix à Lille. Je vous "
               "appelle au sujet de la fidélisation de vos clients, avez-vous deux minutes ?")
    # aveugle-23: the policy's own offer, and "Cadeau ? Méfiez-vous de ce que vous promettez"
    # to it; the top student was graded 8 for the examiner's 19.
    state = _played("tel-prospection-fidelix", opening,
                    "L'abonnement est à 49 euros hors taxes par mois, sans engagement, premier "
                    "mois offert, et la carte de fidélité sur smartphone est comprise.")
    assert Event.PROMESSE_HORS_POLITIQUE not in state.events
    state = _played("tel-prospection-fidelix", opening,
                    "Et si vous prenez l'abonnement, je vous offre un smartphone pour la caisse.")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_her_fault_made_plain_is_contempt() -> None:
    # aveugle-24: no reaction; the examiner 14, graded 17.5.
    assert markers("Bon, ouvrir un carton avant de signer, ce n'est quand même pas sorcier, "
                   "hein, mais passons.")
    assert not markers("Remplir le formulaire, ce n'est pas sorcier, je vous guide.")


def test_entre_nous_before_a_remark_is_no_arrangement_off_the_books() -> None:
    # aveugle-26: a compliant call ended on "la réclamation va rebondir" because "Bon, entre
    # nous, jeter un œil sur un hublot…" read as a promise kept off the record; the remark
    # itself, sarcasm on her, went unheard (the examiner 14, graded 7.5).
    remark = ("Bon, entre nous, jeter un œil sur un hublot avant de laisser filer le livreur, "
              "c'est pas non plus de la physique nucléaire, hein.")
    state = _complaint_after(remark + " Vous seriez disponible quand pour recevoir une "
                             "machine de remplacement ?")
    assert Event.PROMESSE_HORS_POLITIQUE not in state.events
    assert markers(remark)
    state = _complaint_after("Entre nous, je vous rembourse 80 euros sur votre carte.")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events


def test_shopkeepers_who_know_nothing_and_web_agencies_called_vultures_are_contempt() -> None:
    # aveugle-26: to a baker who paid an agency 3 000 €; no reaction, the examiner 13, graded 17.
    assert markers("Franchement, ces petites agences web, c'est une bande de rapaces, ils "
                   "vendent du vent à prix d'or à des commerçants qui n'y connaissent rien.")


def test_a_plan_explained_is_no_brush_off_and_vulgar_contempt_is_heard() -> None:
    # aveugle-27: "C'est comme ça que je vise 150 adhésions" drew "Encore une comme ça et on
    # arrête là", and the hidden-insult student was graded 5 for the examiner's 12.
    assert not markers("C'est comme ça que je vise 150 adhésions sur le week-end.")
    assert markers("C'est comme ça, c'est la procédure, point.")
    # aveugle-28: no reaction; the examiner 12, graded 17.5.
    assert markers("Les agences web, c'est une bande de branleurs qui plument les artisans.")


def test_staff_not_fit_to_run_a_workshop_and_a_gang_of_crooks_are_contempt() -> None:
    # aveugle-30: no reaction to either; the examiners 12.5 and 12, graded 16.5 both.
    assert markers("Les vendeurs du rayon végétal ne sont pas foutus d'animer un atelier.")
    assert markers("Les agences web, c'est une belle bande d'escrocs qui plument un boulanger "
                   "qui n'y connaît rien.")
    assert not markers("Je vous envoie le devis de l'agence, vous me direz ce que vous en pensez.")


def test_the_sav_address_for_the_photos_is_no_precise_commitment() -> None:
    # aveugle-30: the weak student asked for the photos "par mail, sav@electromaison.fr" and
    # said the SAV would call back; the call ended on "engagement précis donné (numéro de
    # dossier, e-mail de confirmation, créneau)" with none of them given.
    express = ("Il y a l'express en 48 heures si vous avez des photos. Vous les envoyez au SAV "
               "par mail, sav@electromaison.fr, et après ils vous recontactent.")
    assert Event.ENGAGEMENT_DONNE not in _complaint_after(express).events
    state = _complaint_after(express, "Je vous ouvre le dossier SAV-204817 et je vous envoie "
                             "un e-mail de confirmation dans l'heure.")
    assert Event.ENGAGEMENT_DONNE in state.events


def _blind_lines(blind: str, scenario_id: str, student: str) -> list[str]:
    """A blind calibration student's lines (tests/data/calibration)."""
    folder = Path(__file__).resolve().parents[1] / "data" / "calibration" / blind / scenario_id
    return (folder / f"{student}.txt").read_text(encoding="utf-8").splitlines()


def test_a_solution_taken_with_nothing_precise_promised_is_a_partial_result() -> None:
    talk, _ = _talk("tel-reclamation-lave-linge", *_blind_lines(
        "aveugle-30", "tel-reclamation-lave-linge", "faible"))
    assert talk.state.outcome == "solution-sans-engagement"
    assert talk.final_outcome() == Outcome.PARTIAL


def test_a_question_about_her_old_machine_offers_no_replacement() -> None:
    # aveugle-30: "…pour remplacer une ancienne machine, j'imagine ?" was the standard
    # replacement offered and accepted: a student who proposed nothing ended on a success.
    state = _complaint_after("Et vous l'aviez choisie pour remplacer une ancienne machine, "
                             "j'imagine ?")
    assert Event.SOLUTION_PROPOSEE not in state.events
    state = _complaint_after("Vous voulez qu'on vous remplace la machine par une neuve ?")
    assert Event.SOLUTION_PROPOSEE in state.events


def test_the_usual_delay_set_against_the_express_does_not_hide_it() -> None:
    # aveugle-25: "normalement, un remplacement prend 5 jours, là vous avez une machine neuve
    # dès samedi matin" dropped the express for its 2 days, and she said "Cinq jours ? Encore ?".
    talk, reply = _talk(
        "tel-reclamation-lave-linge",
        "ElectroMaison.fr bonjour, Antoine Girard du service après-vente, je vous écoute.",
        "Je suis désolé, Madame Garnier. Comment ça s'est passé à la livraison, et où se trouve "
        "la fissure ?",
        "Le geste que je fais pour vous, c'est l'express : normalement, un remplacement prend "
        "5 jours, là vous avez une machine neuve en 48 heures, dès samedi matin.")
    assert "Cinq jours" not in reply.text
    assert "remplacement-express" in talk.state.solutions_proposed


def test_asked_again_the_director_counts_the_indicators_laid_out_since() -> None:
    # aveugle-30: the good student gave the staffing plan, then the indicators after "accord
    # sous conditions", then asked "Est-ce que vous validez le projet alors ?": the answer was
    # yes, but the outcome stayed "il manque encore le plan de personnel ou les indicateurs".
    talk, _ = _talk("e4-evenement-responsable", *_blind_lines(
        "aveugle-30", "e4-evenement-responsable", "bon"))
    assert talk.state.outcome == "evenement-valide"


def test_we_equip_bakeries_says_why_one_calls() -> None:
    # aveugle-29: "Nous équipons les boulangeries d'une carte de fidélité…" went unheard as the
    # purpose; the top prix-tenu student had "attendu non tenu : annoncer l'objet".
    state = _played("tel-prospection-fidelix",
                    "Bonjour Monsieur Benali, Nicolas Perrin, de la société Fidelix à Lille. "
                    "Nous équipons les boulangeries d'une carte de fidélité sur smartphone ; "
                    "puis-je vous prendre deux minutes ?")
    assert Event.OBJET_ANNONCE in state.events
    assert Event.PRESENTATION_MANQUANTE not in _played(
        "tel-prospection-fidelix",
        "Bonjour Monsieur Benali, Nicolas Perrin, de la société Fidelix à Lille. Nous équipons "
        "les boulangeries d'une carte de fidélité sur smartphone ; puis-je vous prendre deux "
        "minutes ?", "Qu'est-ce que vous utilisez aujourd'hui pour fidéliser vos clients ?").events


def test_the_firm_named_before_its_app_is_no_introduction_but_says_why_one_calls() -> None:
    # aveugle-29: a caller who never gave his name was taken as introduced ("Fidelix c'est
    # l'appli…" read "c'est" as "c'est Lucas"), and the prospect hung up on "s'est présenté·e
    # mais n'a pas dit pourquoi il·elle appelle", the contrary of what happened.
    state = _played("tel-prospection-fidelix",
                    "Ouais bonjour, faut passer au digital maintenant, Fidelix c'est l'appli qu'il "
                    "vous faut, carte de fidélité sur téléphone, c'est 49 euros par mois.")
    assert Event.PRESENTATION_FAITE not in state.events
    assert Event.OBJET_ANNONCE in state.events
    state = _played("tel-prospection-fidelix", "Bonjour Monsieur Benali, c'est Lucas de Fidelix.")
    assert Event.PRESENTATION_FAITE in state.events


def test_the_reduction_granted_is_no_price_offered() -> None:
    # aveugle-31: "En contrepartie de cette réduction de 1 500 €, j'aurais besoin de deux
    # accords…", after the plan brought to 3 000 €, read as 1 500 € offered, below the floor:
    # "il ne va plus rester grand-chose de votre événement", and the excellent student graded
    # 7 for the examiner's 18.5.
    folder = Path(__file__).resolve().parents[1] / "data" / "calibration" / "aveugle-31"
    card = graded(folder / "e4-evenement-responsable", "excellent")
    assert card.card.total >= 16
    talk, _ = _talk("e4-evenement-responsable", *_blind_lines(
        "aveugle-31", "e4-evenement-responsable", "excellent")[:8])
    assert talk.state.price_offered == 3000


def test_a_discount_given_on_the_phone_is_the_price_offered() -> None:
    # aveugle-33: "c'est 49 euros par mois, et comme vous êtes un nouveau client je peux vous
    # faire 10 % de remise, ça vous ferait dans les 44 euros" kept 49 € on the table ("OK,
    # c'est dans le budget"), and no sheet said a discount is not allowed on the phone (the
    # examiner 5, graded 8.5).
    lines = _blind_lines("aveugle-33", "tel-prospection-fidelix", "faible")
    talk, _ = _talk("tel-prospection-fidelix", *lines[:5])
    assert talk.state.price_offered == 44
    for said, price in [("C'est 49 euros par mois, et je peux vous faire 15 % de remise.", 41.65),
                        ("C'est 49 euros par mois mais pour vous ce sera 44 euros.", 44)]:
        talk, _ = _talk("tel-prospection-fidelix", *lines[:4], said)
        assert talk.state.price_offered == price
    folder = Path(__file__).resolve().parents[1] / "data" / "calibration" / "aveugle-33"
    card = graded(folder / "tel-prospection-fidelix", "faible").card
    assert any("sous le plancher" in e.note and not e.positive
               for c in card.criteria for e in c.evidence)


def test_calling_his_cards_a_granny_thing_and_telling_him_to_wake_up_is_contempt() -> None:
    # aveugle-33: "vos cartons à tamponner, c'est un truc de grand-mère, il serait temps de
    # vous réveiller un peu" got "Acceptable." (the examiner 12, graded 16).
    assert markers("Vos cartons à tamponner, c'est un truc de grand-mère.")
    assert markers("Franchement, il serait temps de vous réveiller un peu.")
    assert not markers("C'est la recette de ma grand-mère, nos clients l'adorent.")


def test_a_call_back_with_no_time_and_the_firm_s_address_commit_to_nothing() -> None:
    # aveugle-33: "ben vous les envoyez à sav@electromaison.fr et après on vous rappelle pour
    # la livraison" ended on "engagement précis donné (numéro de dossier, e-mail de
    # confirmation, créneau de livraison)" with none of them, and the SAV's own address
    # counted as her e-mail obtained.
    lines = _blind_lines("aveugle-33", "tel-reclamation-lave-linge", "faible")
    talk, _ = _talk("tel-reclamation-lave-linge", *lines)
    assert Event.ENGAGEMENT_DONNE not in talk.state.events
    assert Event.EMAIL_OBTENU not in talk.state.events
    assert talk.state.outcome == "solution-sans-engagement"
    # With its time, a call back is a commitment.
    talk, _ = _talk("tel-reclamation-lave-linge", *lines[:6],
                    "Vous les envoyez par mail et je vous rappelle dans 2 heures pour fixer "
                    "la livraison.")
    assert Event.ENGAGEMENT_DONNE in talk.state.events


def test_express_sent_tomorrow_without_photos_is_a_promise_she_doubts() -> None:
    # aveugle-35: "pas besoin de photos ni rien, je vous la fais partir en express, vous l'avez
    # demain matin" was read as the express argument and got "Bon. J'attends votre mail".
    state = _complaint_after(
        "Très bien, une nouvelle machine. Alors écoutez, pas besoin de photos ni rien, je vous "
        "la fais partir en express, vous l'avez demain matin. Ça vous va ?")
    assert Event.PROMESSE_HORS_POLITIQUE in state.events
    # Asking for the photos first, the express in 48 h is the policy.
    state = _complaint_after(
        "Envoyez-moi les photos à sav@electromaison.fr et je vous la fais partir en express, "
        "livrée sous 48 heures. Ça vous va ?")
    assert Event.PROMESSE_HORS_POLITIQUE not in state.events


def test_running_the_carriers_down_is_blame_she_answers() -> None:
    # aveugle-35: "encore ces transporteurs, ils font n'importe quoi en ce moment" went by.
    assert markers("Ah je vois, encore ces transporteurs, ils font n'importe quoi en ce moment.")
    assert not markers("Le transporteur reprendra l'ancienne machine samedi matin.")


def test_extras_paid_cash_from_the_till_and_costs_kept_off_the_budget_are_refused() -> None:
    # aveugle-36: "les horticulteurs… payés en liquide, on prend dans le fond de caisse et ça
    # reste discret" got "D'accord, vous commencez à couper".
    lines = _blind_lines("aveugle-36", "e4-evenement-responsable", "hors-politique")
    talk, reply = _talk("e4-evenement-responsable", *lines[:3])
    assert talk.state.frauds == 1
    assert Event.PROMESSE_HORS_POLITIQUE in talk.state.events
    assert "couper" not in reply.text
