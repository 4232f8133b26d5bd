"""The Textual application (to come): screens, widgets and `.tcss` styles.

It only shows and wires; business rules live in `bot/` and `scoring/`.
"""
