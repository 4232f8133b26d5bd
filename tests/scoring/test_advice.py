"""The advice a student reads never shows a placeholder, raw scenario text glued into a
sentence, "(s)" plurals or doubled punctuation (issue 14: "Bonjour Mme Martin, , de Bureau
Plus…", "… sur la MX-5000. : Plus aucune fiche… .."): every template is rendered with the texts
of every built-in scenario, and every advice of every calibration scorecard is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios import load_scenario
from scenarios.catalog import BUILTIN_DIR
from scenarios.model import Scenario
from scoring.advice import advise, count, example, first_sentence, flaws, keys, of, sentence
from scoring.calibration import graded, students

BUILTINS = sorted(BUILTIN_DIR.glob("*.yaml"))
BLIND = Path(__file__).resolve().parent.parent / "data" / "calibration" / "aveugle-1"


def _renderings(scenario: Scenario) -> list[str]:
    """Every template, with every text of the scenario it can be given."""
    customer = scenario.speaker(scenario.first_speaker).short_name
    company = scenario.brief.company.name
    done = [advise(key) for key in ("ecoute_coupure", "ecoute_controle", "ecoute_empathie",
                                    "substance", "decouverte_ouverte", "questionnement_absent",
                                    "prix_absent", "budget_absent", "budget_depasse",
                                    "conclusion_engagement", "conclusion_recapitulatif",
                                    "conclusion_conge", "suite", "ouverture", "tics", "mots",
                                    "compte_rendu_absent")]
    done += [advise("prise_de_contact", client=customer, entreprise=company, telephone=phone,
                    objet=purpose) for phone in (True, False) for purpose in (True, False)]
    done += [advise("nom_du_client", nom=customer), advise("courtoisie", dit="Vous savez lire ?"),
             advise("objectif", objectif=scenario.brief.objective),
             advise("monologue", dit="Alors je vous explique tout depuis le début…"),
             advise("compte_rendu", rubriques=["contact", "date"]),
             advise("manquement", tour=3, manquement="impolitesse", dit="Vous savez lire ?")]
    for fact in scenario.facts:
        done += [advise("ecoute_reformulation", fait=fact.label),
                 advise("decouverte", fait=fact.label, trouves=1, total=len(scenario.facts),
                        exemple=example(fact.phrasings))]
    done += [advise("questionnement", ouvertes=n, total=4) for n in (0, 1, 2)]
    done += [advise("arguments", exemple=example(a.phrasings)) for a in scenario.arguments]
    for objection in scenario.objections:
        named = objection.label if objection.label.startswith("«") else f"« {objection.label} »"
        done += [advise("objection", objection=named, reponse=example(a.phrasings))
                 for a in scenario.arguments] + [advise("objection", objection=named,
                                                         reponse=None)]
    if scenario.negotiation:
        deal = scenario.negotiation
        done.append(advise("prix_moment", prix=f"{deal.list_price:g} {deal.unit}"))
        done += [advise("concession", exemple=example(c.phrasings)) for c in deal.counterparts]
        done.append(advise("concession", exemple=None))
    if scenario.appointment:
        done.append(advise("suite_creneaux", creneaux="mardi à 14 h ou jeudi à 10 h"))
    if scenario.policy:
        done += [advise("reclamation", manques=["excuses", "droits expliqués"],
                        solution=example(s.phrasings) or f"Je vous propose : {s.label}.")
                 for s in scenario.policy.solutions]
    done += [advise("attendu", attendu=e.label) for e in scenario.grading.expectations]
    return done


@pytest.mark.parametrize("path", BUILTINS, ids=lambda p: p.stem)
def test_every_template_renders_clean_with_every_scenario_text(path: Path) -> None:
    scenario = load_scenario(path)
    rendered = _renderings(scenario)
    used = {key for key in keys()}
    assert len(rendered) >= len(used)
    bad = [(text, flaws(text)) for text in rendered if flaws(text)]
    assert not bad, bad[:5]


def test_every_template_is_rendered_by_the_test() -> None:
    # (A new template must be added to _renderings above.)
    source = Path(__file__).read_text(encoding="utf-8")
    assert all(f'"{key}"' in source for key in keys()), [k for k in keys()
                                                          if f'"{k}"' not in source]


@pytest.mark.parametrize("folder", [f for blind in sorted(BLIND.parent.glob("aveugle-*"))
                                    for f in sorted(blind.iterdir()) if f.is_dir()],
                         ids=lambda f: f"{f.parent.name}/{f.name}")
def test_no_calibration_scorecard_shows_a_flawed_text(folder: Path) -> None:
    for student in students(folder):
        card = graded(folder, student).card
        texts = [c.advice for c in card.criteria if c.advice] + card.priorities + \
            card.strengths + [e.note for c in card.criteria for e in c.evidence]
        bad = [(text, flaws(text)) for text in texts if flaws(text)]
        assert not bad, (student, bad[:3])


def test_french_helpers() -> None:
    assert count(0, "question ouverte", "questions ouvertes") == "0 question ouverte"
    assert count(3, "question ouverte", "questions ouvertes") == "3 questions ouvertes"
    assert of("ElectroMaison.fr") == "d’ElectroMaison.fr" and of("Bureau Plus") == "de Bureau Plus"
    assert sentence("vous imprimez combien ?") == "Vous imprimez combien ?"
    assert sentence("preuve à l'appui..") == "Preuve à l'appui."
    assert first_sentence("Obtenir l’accord de M. Dubois. Puis le reste.") == \
        "Obtenir l’accord de M. Dubois."
    assert example(["pour le problème", "Avec nous, un technicien passe sous 4 heures."]) == \
        "Avec nous, un technicien passe sous 4 heures."
    assert flaws("Bonjour Mme Martin, , de Bureau Plus") == [", ,"]
    assert flaws("« [avantage pour le client] »") and flaws("fait(s)") and flaws("fin..")
    assert not flaws("« Euh, je sais pas trop... peut-être les affiches »")
