"""The simulated customer: understanding the student's turn (speech acts per sentence,
entities, scenario topics), the customer's state, policy and replies.

Entry point: `bot.engine.start_conversation(scenario, variant, seed)` returns a `Customer`
whose `step(text)` gives the understanding of the turn and the customer's reply. No I/O and
no Textual here: `repliq/` and `tui/` wire it.
"""
