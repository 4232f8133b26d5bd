"""Grading (to come): the bloc 1 / bloc 2 rubric in the référentiel's own words,
indicators computed from a transcript, live per-turn tips and the final scorecard.

Scoring observes a conversation; it never changes it.
"""
