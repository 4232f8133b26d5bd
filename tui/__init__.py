"""The Textual application: screens, widgets and the `repliq.tcss` styles.

It only shows and wires (through `repliq.rehearsal`); business rules live in `bot/` and
`scoring/`, persistence in `store/`.
"""
