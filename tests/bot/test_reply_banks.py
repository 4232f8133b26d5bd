"""The customer's reply banks: both registers say the same things, placeholders only where
the code fills them, and each social style has its own words for what every persona says
(issue 13: a blunt director and a warm shopkeeper no longer listen with the same line)."""

from __future__ import annotations

import re

from bot.engine import start_conversation
from bot.replies import Voice, banks, style_banks
from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.vocabulary import Register, SocialStyle

_PLACEHOLDERS = {"slot_hint": {"slots"}, "email_given": {"email"},
                 "email_corrected": {"email"},
                 "choice": {"option", "Option"}, "choice_after_fact": {"option", "Option"},
                 "choice_within_her_times": {"option", "Option"},
                 "repeat_other_prefix": {"name"},
                 "other_knows": {"name"}, "priority_need": {"need"},
                 "price_raised": {"before", "now"}, "solution_chosen": {"option", "Option"},
                 "gesture_chosen": {"option", "Option"},
                 "fee_new": {"amount", "fee"}, "deal_refused_standing": {"point"},
                 "slot_misremembered": {"slot"}, "not_here_yet": {"name", "pronoun"},
                 "still_above_rival": {"price", "rival"},
                 "still_above_today": {"price", "rival"}, "deal_above_budget": {"budget"}}


def test_both_registers_have_the_same_keys_and_only_known_placeholders() -> None:
    generic = banks()
    assert set(generic["vouvoiement"]) == set(generic["tutoiement"])
    for entries in generic.values():
        for key, lines in entries.items():
            assert lines, key
            for line in lines:
                assert set(re.findall(r"{(\w+)}", line)) <= _PLACEHOLDERS.get(key, set()), line


def test_every_style_speaks_in_both_registers_with_known_keys() -> None:
    styled, generic = style_banks(), banks()["vouvoiement"]
    assert set(styled) == {style.value for style in SocialStyle}
    for style, registers in styled.items():
        assert set(registers) == {"vouvoiement", "tutoiement"}, style
        assert set(registers["vouvoiement"]) == set(registers["tutoiement"]), style
        for register, entries in registers.items():
            assert set(entries) <= set(generic), (style, set(entries) - set(generic))
            for key, lines in entries.items():
                assert len(lines) >= 3, (style, key)
                for line in lines:
                    assert "{" not in line and "'" not in line, line
                    if register == "tutoiement":
                        assert not re.search(r"\b(vous|votre|vos)\b", line, re.I), line


def test_within_a_style_no_line_does_two_jobs() -> None:
    for style, registers in style_banks().items():
        for entries in registers.values():
            seen: dict[str, str] = {}
            for key, lines in entries.items():
                for line in lines:
                    assert seen.setdefault(line, key) == key, (style, line)


def test_customers_of_different_styles_listen_with_their_own_words() -> None:
    directive = load_scenario(BUILTIN_DIR / "tel-prospection-fidelix.yaml")  # M. Benali
    talk = start_conversation(directive, None, 0)
    assert talk.speaker.social_style == SocialStyle.DIRECTIF
    assert talk.bank("filler_listen") in Voice.lines("filler_listen", Register.VOUVOIEMENT,
                                                     SocialStyle.DIRECTIF)
    assert not set(Voice.lines("filler_listen", style=SocialStyle.DIRECTIF)) & set(
        Voice.lines("filler_listen", style=SocialStyle.AIMABLE))
    # A key no style rewrites is the generic one.
    assert Voice.lines("gatekeeper_who", style=SocialStyle.DIRECTIF) == \
        Voice.lines("gatekeeper_who")
