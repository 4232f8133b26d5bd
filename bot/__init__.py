"""The simulated customer (to come): understanding the student's turn (speech acts per
sentence, entities, scenario topics), the customer's state, policy and replies.

No I/O and no Textual here: `repliq/` and `tui/` wire it.
"""
