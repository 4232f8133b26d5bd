"""What round 40 showed once measured (issue 13, dev part): a hurried baker who gave his free
times beside "envoyez-moi une documentation" hung up on the student who took one of them."""

from __future__ import annotations

from scenarios.vocabulary import Event

from .test_customer_coherence import _played, _talk


def test_a_slot_taken_from_the_times_he_gave_is_no_objection_ignored() -> None:
    lines = _played("tel-prospection-fidelix.client-presse.oral.t40-p2-3.txt")
    talk, turns = _talk("tel-prospection-fidelix", "client-presse", *lines[:4])
    assert not talk.state.ended, turns[-1].text
    assert talk.state.happened(Event.RDV_FIXE), turns[-1].text
    assert "documentation-mail" not in talk.state.objections_ignored
