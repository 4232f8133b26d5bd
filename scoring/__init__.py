"""Grading: the bloc 1 / bloc 2 rubric in the référentiel's own words (data/rubric.yml),
observations computed from a transcript, live per-turn tips and the final scorecard.

Entry point: `scoring.grader.grade(transcript, scenario, report)`. Scoring observes a
conversation; it never changes it.
"""
