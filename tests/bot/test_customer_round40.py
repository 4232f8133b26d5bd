"""What round 40 showed once measured (issue 13, dev part): a hurried baker who gave his free
times beside "envoyez-moi une documentation" hung up on the student who took one of them; a
caller asked to repeat her name promised to call back; two solutions put to her went unchosen;
days and mails that were no meeting got her free times; a bribe and someone's private number
passed without a word."""

from __future__ import annotations

from bot.replies import Voice
from scenarios.vocabulary import Event

from .test_customer_coherence import _played, _talk


def test_a_slot_taken_from_the_times_he_gave_is_no_objection_ignored() -> None:
    lines = _played("tel-prospection-fidelix.client-presse.oral.t40-p2-3.txt")
    talk, turns = _talk("tel-prospection-fidelix", "client-presse", *lines[:4])
    assert not talk.state.ended, turns[-1].text
    assert talk.state.happened(Event.RDV_FIXE), turns[-1].text
    assert "documentation-mail" not in talk.state.objections_ignored


def test_asked_to_say_her_name_again_she_gives_it_not_a_promise_to_call_back() -> None:
    lines = _played("tel-reclamation-lave-linge.base.competent.t40-p3-3.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:2])
    assert "EM-458921" in turns[-1].text, turns[-1].text
    assert "je m’en occupe" not in turns[-1].text


def test_two_solutions_put_to_her_then_which_suits_her_she_picks_one() -> None:
    """"…soit on vous livre un lave-linge neuf… ; soit, comme la livraison date de moins de
    quatorze jours, on vous rembourse… Qu'est-ce qui vous convient le mieux ?" got "Bon…
    Réglez-moi ça correctement" and no choice; the same question after a standard and an
    express replacement got "Oui, tout est bon pour moi"."""
    lines = _played("tel-reclamation-lave-linge.base.competent.t40-p3-3.txt")
    _, turns = _talk("tel-reclamation-lave-linge", None, *lines[:5])
    assert "premi" in turns[-1].text or "livre" in turns[-1].text, turns[-1].text
    lines = _played("tel-reclamation-lave-linge.client-tres-agressif.competent.t40-p2-2.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "client-tres-agressif", *lines[:4])
    assert "express" in turns[-1].text, turns[-1].text
    assert "tout est bon" not in turns[-1].text


def test_the_photo_sent_today_is_no_delivery_promised_too_soon_and_gets_her_yes() -> None:
    """"Pouvez-vous m'envoyer la photo cet après-midi ? Dans ce cas, la livraison peut avoir
    lieu samedi…" got "Franchement, j'ai du mal à y croire" (a delivery promised too soon), and
    the competent call ended on a promise outside the policy."""
    lines = _played("tel-reclamation-lave-linge.base.competent.t40-p3-3.txt")
    talk, turns = _talk("tel-reclamation-lave-linge", None, *lines[:7])
    assert not talk.state.happened(Event.PROMESSE_HORS_POLITIQUE), turns[-1].text
    assert turns[-1].text.startswith("Oui, je m’en occupe"), turns[-1].text
    assert "matin" in turns[-1].text
    for line in lines[7:]:
        talk.step(line)
    assert talk.final_outcome().value == "success"


def test_having_chosen_a_solution_she_does_not_demand_the_other_in_the_same_breath() -> None:
    lines = _played("tel-reclamation-lave-linge.hors-delai.competent.t40-p3-1.txt")
    _, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:4])
    assert "échange" in turns[-1].text and "rembours" not in turns[-1].text, turns[-1].text


def test_a_director_who_asked_what_would_be_left_does_not_say_he_still_refuses() -> None:
    lines = _played("e4-evenement-responsable.budget-2000.competent.t40-p1-2.txt")
    _, turns = _talk("e4-evenement-responsable", "budget-2000", *lines[:9])
    assert "Toujours non" not in turns[-1].text, turns[-1].text
    assert any(word in turns[-1].text for word in ("rabais", "maigre", "trop juste")), \
        turns[-1].text


def test_a_day_named_for_the_event_or_a_mail_to_head_office_is_no_meeting() -> None:
    """The TV host "pour le samedi" got "Non, ce créneau-là je suis pris" and his free times;
    "je préviens le siège par mail le vendredi 4 avril, c'est bon pour vous ?" got "Plutôt le
    matin ou l'après-midi ?"; then "Le matin ou l'après-midi de quoi ?" got "L'après-midi,
    donc"."""
    lines = _played("e4-evenement-responsable.base.hors-script.t40-p1-3.txt")
    _, turns = _talk("e4-evenement-responsable", None, *lines[:10])
    assert "pris" not in turns[1].text and "mardi" not in turns[1].text, turns[1].text
    assert "matin" not in turns[8].text, turns[8].text
    assert "après-midi" not in turns[9].text.lower(), turns[9].text


def test_a_bribe_is_refused_in_its_own_words() -> None:
    lines = _played("e4-copieur-cabinet.budget-serre.hors-script.t40-p1-5.txt")
    talk, turns = _talk("e4-copieur-cabinet", "budget-serre", *lines[:3])
    assert any(line in turns[-1].text for line in Voice.lines("bribe_refused")), turns[-1].text
    assert talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)


def test_someone_elses_private_number_is_refused_and_the_call_goes_on() -> None:
    lines = _played("tel-prospection-fidelix.deja-equipe.hors-script.t40-p2-6.txt")
    talk, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines)
    assert any(line in turns[-1].text for line in Voice.lines("data_handed_refused")), \
        turns[-1].text
    assert "benali" in turns[-1].text  # his own address, asked in the same turn
    assert not talk.state.ended or talk.final_outcome().value == "success"


def test_a_meeting_today_at_noon_is_refused_with_his_free_times_and_no_brush_off() -> None:
    """"Il peut venir aujourd'hui à midi pile, pendant votre rush" got "Mettez-moi tout ça dans
    un mail"; his free times said beside "vous m'envoyez une doc par mail" gave the meeting
    and refused it in one breath."""
    lines = _played("tel-prospection-fidelix.deja-equipe.hors-script.t40-p1-6.txt")
    _, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:5])
    assert "mardi" in turns[-1].text, turns[-1].text
    assert "mail" not in turns[-1].text, turns[-1].text


def test_an_oral_quoi_asks_nothing_and_his_card_question_is_answered() -> None:
    lines = _played("tel-prospection-fidelix.client-presse.oral.t40-p2-3.txt")
    _, turns = _talk("tel-prospection-fidelix", "client-presse", *lines[:2])
    assert "carton" in turns[-1].text, turns[-1].text


def test_no_obligation_at_all_denies_the_guarantee_that_still_applies() -> None:
    """"…le délai de quatorze jours est dépassé, donc légalement on n'est plus obligés de rien
    faire" got "D'accord. Mais alors cette fois, je compte sur vous": the legal guarantee of
    conformity still applies after the 14 days."""
    lines = _played("tel-reclamation-lave-linge.hors-delai.hors-script.t40-p3-4.txt")
    talk, turns = _talk("tel-reclamation-lave-linge", "hors-delai", *lines[:3])
    assert talk.state.happened(Event.DROIT_LEGAL_NIE), turns[-1].text
    assert "je compte sur vous" not in turns[-1].text


def test_the_price_told_he_does_not_ask_what_it_costs() -> None:
    lines = _played("tel-prospection-fidelix.deja-equipe.hors-script.t40-p2-6.txt")
    _, turns = _talk("tel-prospection-fidelix", "deja-equipe", *lines[:6])
    assert not any("combien" in turn.text for turn in turns[4:]), [t.text for t in turns[4:]]
