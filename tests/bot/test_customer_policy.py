"""What a real customer jumps on (issue 13): a price that cannot be real is not taken as the
offer, a promise outside the sales policy is taken at its word, and a ceiling the customer
has stated is never exceeded afterwards, however convinced."""

from __future__ import annotations

from bot.customer import Customer
from bot.customer.closing import accepts_deal
from bot.engine import start_conversation
from bot.replies import Voice
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.vocabulary import Event

from .test_dialogues import DIALOGUES


def _talk(scenario_id: str, *lines: str) -> tuple[Customer, list[str]]:
    talk = start_conversation(load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml"), None, 0)
    talk.opening()
    return talk, [talk.step(line)[1].text for line in lines]


_COPIER = ("Bonjour Madame Martin, Léa Morel de Bureau Plus, merci de me recevoir. Je viens "
           "vous présenter nos solutions d'impression.",
           "Combien de pages imprimez-vous par mois ?")


def test_a_price_that_cannot_be_real_is_questioned_not_taken() -> None:
    for offer, bank in (("Notre offre complète est à 0 € par mois.", "price_absurd_low"),
                        ("Notre offre est à 1 500 € HT par mois.", "price_absurd_high")):
        talk, replies = _talk("e4-copieur-cabinet", *_COPIER, offer)
        assert replies[-1] in Voice.lines(bank), (offer, replies[-1])
        assert talk.state.price_offered is None  # nothing on the table
        assert not talk.state.objections_raised  # no "plus cher" objection to a figure


def test_a_plausible_price_is_still_the_offer() -> None:
    talk, replies = _talk("e4-copieur-cabinet", *_COPIER,
                          "Notre offre complète est à 289 € HT par mois.")
    assert talk.state.price_offered == 289
    assert not any(replies[-1] in Voice.lines(b)
                   for b in ("price_absurd_low", "price_absurd_high"))


def test_a_promise_outside_the_policy_is_taken_at_its_word() -> None:
    talk, replies = _talk("tel-reclamation-lave-linge",
                          "ElectroMaison, service client, Julie à l'appareil, bonjour.",
                          "Je suis désolée. Pour le dérangement, je vous fais un virement de "
                          "80 euros.")
    assert talk.state.happened(Event.PROMESSE_HORS_POLITIQUE)
    assert any(line in replies[-1] for line in Voice.lines("promise_seized")), replies[-1]


def _convinced_manager(budget_told: bool) -> Customer:
    talk, _ = _talk("e4-evenement-responsable", "Bonjour monsieur Dubois, merci de me recevoir.")
    state = talk.state
    state.facts_revealed = ["objectif-ca-avril", *(["budget-disponible"] if budget_told else [])]
    state.mood = 90
    state.arguments_heard = [a.id for a in talk.scenario.arguments]
    state.needs_understood = [n.id for n in talk.scenario.needs]
    state.counterparts_obtained = [c.id for c in talk.scenario.negotiation.counterparts]
    state.price_offered = 3100  # 100 € above his envelope of 3 000 €
    return talk


def test_a_stated_ceiling_is_kept_however_convinced() -> None:
    assert accepts_deal(_convinced_manager(budget_told=False))[0]  # value may stretch it
    accepted, reason = accepts_deal(_convinced_manager(budget_told=True))
    assert not accepted and reason == "ask_discount"


def test_she_stops_haggling_when_the_student_holds_the_price() -> None:
    talk = start_conversation(load_scenario(BUILTIN_DIR / "e4-copieur-cabinet.yaml",
                                            "budget-serre"), "budget-serre", 0)
    talk.opening()
    talk.step(_COPIER[0])
    state = talk.state
    state.facts_revealed = [f.id for f in talk.scenario.facts][:4]
    state.mood, state.patience, state.price_offered = 80, 100, 279.0  # above her budget
    replies = [talk.step("C'est mon dernier prix. On signe ?")[1].text for _ in range(3)]
    # (Her budget untold, she first says it, since round 35.)
    assert replies[0] in Voice.lines("ask_discount") or "250" in replies[0], replies
    assert replies[-1] in Voice.lines("deal_refused_budget"), replies
    assert not state.happened(Event.ACCORD)


def test_a_guaranteed_result_is_doubted_but_a_contractual_guarantee_is_an_argument() -> None:
    doubted = Voice.lines("claim_doubted")
    for claim in ("Avec nous, zéro panne, je vous le garantis.",
                  "Je vous promets que vous doublez vos ventes de photocopies en un mois."):
        _, replies = _talk("e4-copieur-cabinet", *_COPIER, claim)
        assert replies[-1] in doubted, (claim, replies[-1])
    _, replies = _talk("e4-copieur-cabinet", *_COPIER,
                       "Avec la MX-5000, l'intervention est garantie sous 4 heures ouvrées.")
    assert replies[-1] not in doubted, replies[-1]


def test_her_need_said_back_or_a_promise_declined_is_no_claim() -> None:
    # aveugle-40: a student the examiner gave 17.5 restated "zéro panne longue" as her need,
    # then said he promised no such thing; she doubted both, and the grade counted two
    # promises outside the policy.
    doubted = Voice.lines("claim_doubted")
    for line in ("Si je reformule : zéro panne longue en période fiscale, des pièces qui partent "
                 "directement dans Cegid. Quel budget avez-vous prévu ?",
                 "Je ne vous promets pas zéro panne, aucune machine n'en est à l'abri ; ce que "
                 "je garantis par contrat, c'est une intervention sous 4 heures ouvrées."):
        _, replies = _talk("e4-copieur-cabinet", *_COPIER, line)
        assert replies[-1] not in doubted, (line, replies[-1])
    # A restatement the seller vouches for is still a promise.
    _, replies = _talk("e4-copieur-cabinet", *_COPIER,
                       "Si je résume : avec nous, c'est zéro panne, garanti.")
    assert replies[-1] in doubted, replies[-1]


def test_pages_over_the_allowance_never_billed_and_a_price_match_are_doubted() -> None:
    # aveugle-40 to -42: three copier students promised the colour overage "jamais facturé",
    # one to refund the difference if she found cheaper; none was doubted, and the examiners
    # counted both as promises outside the policy.
    doubted = Voice.lines("claim_doubted")
    for claim in ("Si jamais vous dépassez les 3 000 pages couleur, je ne vous facturerai pas "
                  "le dépassement.",
                  "Et si vous trouvez moins cher ailleurs, je vous rembourse la différence."):
        _, replies = _talk("e4-copieur-cabinet", *_COPIER, claim)
        assert replies[-1] in doubted, (claim, replies[-1])
    # The contract's own terms are no promise.
    _, replies = _talk("e4-copieur-cabinet", *_COPIER,
                       "Au-delà des 3 000 pages couleur incluses, le dépassement est facturé "
                       "au tarif du contrat, et le forfait s'ajuste par avenant.")
    assert replies[-1] not in doubted, replies[-1]


def test_figures_given_back_announce_no_price_of_ours() -> None:
    # A blind play (tests/data/dialogues/jouees/, t4-s3-6): after the student gave back her
    # volumes ("donc environ 3 600 pages couleur et 8 400 en noir et blanc") she objected
    # "c'est plus cher que ce qu'on paie" before any price had been said.
    played = DIALOGUES / "jouees" / "e4-copieur-cabinet.base.competent.t4-s3-6.txt"
    lines = [line for line in played.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")][:6]
    talk, _ = _talk("e4-copieur-cabinet", *lines)
    assert talk.state.price_offered is None
    assert "plus-cher-qu-aujourd-hui" not in talk.state.objections_raised
