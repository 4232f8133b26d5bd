"""Every number the customer decides with, in one table: docs/customer.md quotes each one
(tests/test_docs.py keeps them in sync). Mood and patience are on 0–100 scales."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from scenarios.vocabulary import Difficulty


def rule(value: object, meaning: str) -> Any:
    """A rule's default with what it means, in French, for the teachers' documentation."""
    return field(default=value, metadata={"fr": meaning})


def per_difficulty(facile: int, moyen: int, difficile: int, meaning: str) -> Any:
    return field(default_factory=lambda: {Difficulty.FACILE: facile, Difficulty.MOYEN: moyen,
                                          Difficulty.DIFFICILE: difficile},
                 metadata={"fr": meaning})


@dataclass(frozen=True)
class Rules:
    """Mood and patience moves and the thresholds of the customer's decisions."""

    decay: Mapping[Difficulty, int] = per_difficulty(
        1, 2, 3, "patience perdue à chaque réplique (facile, moyen, difficile)")
    directive_decay: int = rule(1, "patience perdue en plus à chaque réplique avec un client "
                                   "directif")
    half_decay_mood: int = rule(50, "humeur à partir de laquelle la perte de patience est "
                                    "divisée par deux")
    no_decay_mood: int = rule(75, "humeur à partir de laquelle le client ne perd plus "
                                  "patience")
    patience_bonus: Mapping[Difficulty, int] = per_difficulty(
        10, 0, -10, "patience de départ ajoutée selon la difficulté")
    facts_before_deal: Mapping[Difficulty, int] = per_difficulty(
        1, 2, 3, "faits à découvrir avant de pouvoir conclure")
    opening_turns: int = rule(3, "tours pendant lesquels le client accuse réception de la "
                                 "présentation")
    not_understood_patience: int = rule(-5, "patience, réplique vide ou incompréhensible")
    missing_introduction_mood: int = rule(-5, "humeur, pas de présentation au 2e tour")
    rude_mood: int = rule(-25, "humeur, impolitesse ou pression certaine")
    rude_patience: int = rule(-20, "patience, impolitesse ou pression certaine")
    doubtful_rude_mood: int = rule(-3, "humeur, impolitesse douteuse")
    denigration_mood: int = rule(-10, "humeur, concurrent ou matériel actuel dénigré")
    monologue_words: int = rule(70, "mots d'un monologue (sans question, avant toute "
                                    "question)")
    monologue_patience: int = rule(-15, "patience, monologue")
    too_long_words: int = rule(400, "mots d'une réplique démesurée")
    too_long_patience: int = rule(-10, "patience, réplique démesurée")
    off_topic_patience: int = rule(-8, "patience, hors-sujet")
    good_question_mood: int = rule(3, "humeur, question qui fait révéler un fait")
    good_question_patience: int = rule(2, "patience, question qui fait révéler un fait")
    facts_per_reply: int = rule(2, "faits révélés au plus par réplique")
    questions_per_reply: int = rule(3, "questions d'une même réplique de l'étudiant qui ont "
                                       "chacune leur réponse (au-delà des faits ci-dessus)")
    reformulation_mood: int = rule(5, "humeur, reformulation après au moins un fait")
    reformulation_patience: int = rule(2, "patience, reformulation après au moins un fait")
    empathy_mood_complaint: int = rule(10, "humeur, empathie ou excuse dans une réclamation")
    empathy_mood: int = rule(3, "humeur, empathie ou excuse ailleurs")
    still_angry_mood: int = rule(25, "humeur sous laquelle le client reste fâché malgré "
                                     "l'empathie")
    warm_style_mood: int = rule(50, "humeur sous laquelle un client expressif ou aimable "
                                    "parle sans effusion (répliques génériques)")
    warm_style_mood_complaint: int = rule(
        75, "la même humeur dans une réclamation (une cliente partie de la colère ne dit pas "
            "« Formidable, j'accepte avec plaisir ! » à peine calmée)")
    control_yes_mood: int = rule(55, "humeur à partir de laquelle il répond oui à une "
                                     "question de contrôle (sans objection en suspens)")
    callback_rather_patience: int = rule(20, "patience sous laquelle, entre deux minutes "
                                             "tout de suite et un rappel, il choisit le rappel")
    argument_quoted_score: float = rule(0.8, "sûreté de lecture d'un argument à partir de "
                                             "laquelle le client reprend sa réplique propre")
    argument_tied_mood: int = rule(6, "humeur, argument relié à un besoin exprimé")
    argument_loose_mood: int = rule(1, "humeur, argument non relié")
    proof_mood: int = rule(3, "humeur, preuve")
    objection_topic_score: float = rule(0.62, "sûreté de lecture d'un sujet qu'il faut, "
                                              "sans acte, pour soulever une objection")
    objection_topic_score_summary: float = rule(0.7, "la même, dans un résumé de ses besoins "
                                                     "(il nomme beaucoup de sujets à la fois)")
    objection_treated_mood: int = rule(10, "humeur, objection traitée")
    objection_treated_patience: int = rule(5, "patience, objection traitée")
    objection_ignored_mood: int = rule(-10, "humeur, objection ignorée (si le scénario ne "
                                            "dit rien)")
    objection_ignored_patience: int = rule(-10, "patience, objection ignorée (si le scénario "
                                                "ne dit rien)")
    premature_price_mood: int = rule(-10, "humeur, prix annoncé avant toute découverte")
    premature_price_patience: int = rule(-15, "patience, prix annoncé avant toute découverte")
    premature_closing_mood: int = rule(-10, "humeur, closing prématuré")
    premature_closing_patience: int = rule(-10, "patience, closing prématuré")
    offer_min_share: float = rule(0.3, "part du prix catalogue sous laquelle un montant "
                                       "n'est pas une offre")
    offer_max_share: float = rule(2.0, "multiple du prix catalogue au-delà duquel un montant "
                                       "n'est pas une offre")
    item_max_share: float = rule(0.02, "part du prix catalogue sous laquelle un montant est "
                                       "un élément de l'offre (« le bon de 5 € »), pas un prix "
                                       "absurde")
    plausible_below_floor: float = rule(0.9, "part du plancher sous laquelle une offre est "
                                             "peu plausible")
    plausible_above_list: float = rule(1.1, "multiple du prix catalogue au-delà duquel une "
                                            "offre est peu plausible")
    counterpart_mood_min: int = rule(35, "humeur minimale pour accorder une contrepartie")
    deal_mood_min: int = rule(45, "humeur minimale pour conclure")
    value_mood: int = rule(70, "humeur à partir de laquelle il est convaincu (avec un "
                               "argument relié)")
    value_margin: float = rule(0.06, "dépassement de budget accepté s'il est convaincu")
    refusal_mood: int = rule(25, "humeur sous laquelle une demande d'engagement refusée "
                                 "devient un refus")
    solution_mood_min: int = rule(30, "humeur minimale pour accepter une solution")
    wary_distrust: int = rule(3, "écarts de l'étudiant (impolitesses, promesses mises en doute) "
                                 "après lesquels elle n'accepte que par écrit")
    solution_refused_mood: int = rule(5, "humeur, solution refusée (il se radoucit)")
    gesture_mood: int = rule(8, "humeur, geste commercial autorisé")
    legal_denial_mood: int = rule(-20, "humeur, droit légal nié")
    legal_denial_patience: int = rule(-20, "patience, droit légal nié")
    remedy_refused_mood: int = rule(-10, "humeur, recours refusé sans solution (« je peux pas "
                                        "vous faire un retour »)")
    upsell_mood: int = rule(-10, "humeur, produit payant proposé pendant une réclamation "
                                 "(« notre extension de garantie à 79 € »)")
    claim_doubted_mood: int = rule(-5, "humeur, résultat garanti qu'aucun vendeur ne peut "
                                      "promettre (« +30 % garanti »)")
    discount_asks_max: int = rule(2, "fois où il redemande un geste au même prix avant de "
                                     "renoncer à conclure aujourd'hui")
    restate_max: int = rule(2, "fois où il redit une objection encore en suspens avant de dire "
                               "où il en reste, une fois, puis de ne plus la répéter (sauf pour "
                               "dire, quand on lui demande de signer, ce qui le retient)")
    leave_confidence: float = rule(0.6, "confiance de lecture à partir de laquelle une prise "
                                        "de congé sans « au revoir » termine l'entretien")
    arrival_turn_min: int = rule(2, "tour à partir duquel la personne attendue à un entretien "
                                    "peut arriver (l'accueil dit qu'elle n'est pas encore là)")

    def table(self) -> list[str]:
        """The rules as the rows of docs/customer.md's table: name, value, meaning."""
        return [f"| `{f.name}` | {_shown(getattr(self, f.name))} | {f.metadata['fr']} |"
                for f in fields(self)]


def _shown(value: object) -> str:
    if isinstance(value, Mapping):
        return " / ".join(_shown(v) for v in value.values())
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value).replace("-", "−")
