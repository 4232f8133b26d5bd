"""Each broken scenario under tests/data/broken/ gives its exact `file:line: message`.

The files are the template of `repliq scenarios new` with one mistake a teacher could make
(plus hostile files): the message must name the line and say what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from repliq.cli import main
from scenarios.validate import check_file

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken"

EXPECTED: dict[str, list[str]] = {
    "attendu-critere-non-evalue": [
        "199: l'attendu « contrepartie » se rattache au critère « b1.personnalisation », qui n'est pas évalué dans ce scénario — attendu : un critère listé dans evaluation.criteres",
    ],
    "balise-python": [
        '10: balise YAML « !!python/object/apply:os.system » interdite — attendu : du texte, des nombres, des listes et des clés, sans balise (« ! »)',
    ],
    "bloc-hors-bornes": [
        '5: « bloc » vaut 3 — attendu : au plus 2 (le bloc de compétences : 1 ou 2)',
    ],
    "bombe-alias": [
        "7: alias YAML (&ancre, *renvoi) démultipliés à l'excès (« bombe » YAML : les renvois ajoutent plus de 100 000 éléments une fois développés) — attendu : un scénario sans renvois imbriqués",
    ],
    "cle-en-double": [
        '9: clé « difficulte » en double (déjà définie ligne 8) — attendu : chaque clé une seule fois par bloc',
    ],
    "cle-inconnue": [
        '118: clé inconnue « objection » — vouliez-vous dire « objections » ?',
    ],
    "creneau-a-l-envers": [
        "164: créneau du mardi de 16:00 à 14:00 : la fin n'est pas après le début — attendu : debut avant fin (ex. 14:00 → 16:00)",
    ],
    "critere-inconnu": [
        '190: critère « b1.relation » inconnu du référentiel — attendu : vouliez-vous dire « b1.relation_interpersonnelle » ?',
    ],
    "description-variante-multiligne": [
        "182: « description » : la description d'une variante tient sur une seule ligne — attendu : une ligne pour l'étudiant : ce qui change dans la fiche-sujet",
    ],
    "deux-points-dans-texte": [
        "30: erreur de syntaxe YAML : un « : » inattendu (mettez le texte entre guillemets s'il contient « : ») — attendu : « clé: valeur », une indentation régulière en espaces et des guillemets fermés",
    ],
    "encodage-latin1": [
        "3: le fichier n'est pas encodé en UTF-8 (octet 0xe0 illisible) — attendu : un fichier enregistré en UTF-8 (dans votre éditeur : Enregistrer sous… → encodage UTF-8)",
    ],
    "fait-jamais-revele": [
        '87: le fait « corvee » ne peut jamais être révélé : ni phrases ni mots_cles — attendu : des exemples de questions (phrases) ou des mots-clés',
    ],
    "fichier-vide": [
        '1: fichier vide — attendu : un scénario (« repliq scenarios new ID » écrit un modèle à compléter)',
    ],
    "guillemet-non-ferme": [
        '10: guillemet non fermé — attendu : un texte entre guillemets qui se ferme sur la même ligne ("…")',
    ],
    "heure-invalide": [
        '14: heure « 11h » invalide pour « heure » — attendu : HH:MM (ex. 14:00)',
    ],
    "humeur-hors-bornes": [
        "58: « humeur_initiale » vaut 150 — attendu : au plus 100 (l'humeur au début, de 0 (furieux) à 100 (enthousiaste))",
    ],
    "id-different-du-fichier": [
        "2: l'identifiant « fontaine-agence » ne correspond pas au nom du fichier « id-different-du-fichier.yaml » — attendu : id: id-different-du-fichier (ou renommez le fichier fontaine-agence.yaml)",
    ],
    "identifiant-en-double": [
        '153: identifiant « corvee » déjà utilisé dans « faits » — attendu : un identifiant unique',
    ],
    "identifiant-invalide": [
        '43: identifiant « Nadia Roche » invalide pour « id » — attendu : des minuscules sans accents, des chiffres et des tirets (ex. claire-martin)',
    ],
    "interlocuteur-inconnu": [
        '15: « nadia-rocher » ne désigne aucun interlocuteur du scénario — attendu : vouliez-vous dire « nadia-roche » ?',
    ],
    "issue-inatteignable-tours": [
        "174: l'issue « fin-entretien » ne peut jamais être atteinte : tour_min (10) est supérieur à tour_max (5) — attendu : tour_min ≤ tour_max",
    ],
    "issue-sous-le-plancher": [
        "165: l'issue « contrat-signe » ne peut jamais être atteinte : elle exige un prix d'au plus 30, sous le plancher (32) que le client n'obtient jamais — attendu : un prix_max au moins égal au plancher",
    ],
    "indentation-trop-profonde": [
        "32: indentation trop profonde (plus de 200 colonnes) — attendu : un scénario d'au plus 64 niveaux imbriqués, indentés de deux espaces",
    ],
    "liste-au-lieu-de-scenario": [
        "1: le fichier contient une liste — attendu : un scénario, c'est-à-dire des clés comme « id: », « titre: », « fiche_sujet: »",
    ],
    "nombre-trop-long": [
        '9: nombre trop long (5 000 caractères) — attendu : un nombre de taille raisonnable, ou un texte entre guillemets',
    ],
    "tarif-inconnu": [
        '162: « pose-seule » ne désigne aucun poste de la liste des tarifs du scénario — attendu : vouliez-vous dire « pose » ?',
    ],
    "plancher-au-dessus-du-prix": [
        '141: le prix cible (36) est sous le plancher (45) — attendu : une cible entre le plancher et le prix catalogue',
        '142: le prix plancher (45) dépasse le prix catalogue (39) — attendu : un plancher inférieur ou égal au prix catalogue',
        '151: la concession « remise-plancher » descend à 32, sous le plancher (45) — attendu : un prix au moins égal au plancher',
    ],
    "poids-mal-additionnes": [
        '188: la somme des poids (90) ne fait pas le total déclaré (100) — attendu : des poids dont la somme vaut total_poids',
    ],
    "poids-demesure": [
        '195: « poids » vaut 1e+308 — attendu : au plus 1 000 (le poids du critère)',
    ],
    "poids-infini": [
        "188: « total_poids » vaut l'infini (.inf) — attendu : un nombre fini, plus de 0 et au plus 1 000 (la somme déclarée des poids (ex. 100))",
        "191: « poids » vaut l'infini (.inf) — attendu : un nombre fini, plus de 0 et au plus 1 000 (le poids du critère)",
    ],
    "prix-demesure": [
        "140: « prix_catalogue » vaut 1 000 000 000 000 — attendu : au plus 1 000 000 000 (le prix de départ de l'offre de l'étudiant)",
    ],
    "rdv-sans-section": [
        "201: cette condition ne peut jamais être remplie : elle attend un rendez-vous et le scénario n'a pas de section « rendez_vous » — attendu : une section rendez_vous avec des créneaux libres",
    ],
    "renvoi-dans-son-ancre": [
        "92: renvoi YAML (*nom) placé à l'intérieur de sa propre ancre (&nom) : contenu infini — attendu : un renvoi vers un bloc déjà fermé",
    ],
    "repliques-vides": [
        "122: « repliques » doit contenir au moins 1 élément — attendu : les formulations de l'objection par le client",
    ],
    "sujet-inconnu": [
        '129: « consomation » ne désigne aucun sujet du scénario — attendu : vouliez-vous dire « consommation » ?',
    ],
    "tabulation": [
        "44: tabulation dans l'indentation — attendu : des espaces uniquement (YAML refuse les tabulations ; remplacez chacune par deux espaces)",
    ],
    "telephone-sans-appel": [
        '7: scénario au téléphone sans section « appel » — attendu : appel: avec sens (sortant ou entrant) et heure',
    ],
    "titre-manquant": [
        '1: clé obligatoire « titre » manquante — attendu : le titre du scénario',
    ],
    "type-inconnu": [
        '6: valeur « negotiation » inconnue pour « type » — attendu : « negociation », « prospection_telephonique », « reclamation » ou « negociation_interne » (vouliez-vous dire « negociation » ?)',
    ],
    "valeur-indefinie": [
        '86: « packs_par_semaine » vaut une valeur indéfinie (.nan) — attendu : un nombre fini',
    ],
    "variante-champ-inexistant": [
        "184: variante « budget-serre » : le champ « budget » n'existe pas dans « negociation » — attendu : vouliez-vous dire « negociation.budget_client » ?",
    ],
    "variante-element-inconnu": [
        '185: variante « budget-serre » : aucun élément « trop-chere » dans « objections » — attendu : vouliez-vous dire « trop-cher » ?',
    ],
    "variante-valeurs-invalides": [
        "185: avec la variante « budget-serre », « humeur_initiale » vaut 500 — attendu : au plus 100 (l'humeur au début, de 0 (furieux) à 100 (enthousiaste))",
        '190: avec la variante « budget-serre », valeur « prixx » inconnue pour « categorie » — attendu : « prix », « concurrence », « engagement », « decision », « temps », « confiance », « besoin », « organisation » ou « escalade » (vouliez-vous dire « prix » ?)',
        '196: variante « budget-serre » : « faits » est obligatoire : une variante ne peut pas le retirer — attendu : un élément de liste ou une section facultative',
    ],
    "variante-rend-invalide": [
        '141: avec la variante « budget-serre », le prix cible (36) est sous le plancher (50) — attendu : une cible entre le plancher et le prix catalogue',
        '151: avec la variante « budget-serre », la concession « remise-plancher » descend à 32, sous le plancher (50) — attendu : un prix au moins égal au plancher',
        '184: avec la variante « budget-serre », le prix plancher (50) dépasse le prix catalogue (39) — attendu : un plancher inférieur ou égal au prix catalogue',
    ],
}


def test_there_are_at_least_twenty_broken_files() -> None:
    files = sorted(p.stem for p in BROKEN.glob("*.yaml"))
    assert files == sorted(EXPECTED)
    assert len(files) >= 20


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gives_exact_line_and_message(name: str) -> None:
    path = BROKEN / f"{name}.yaml"
    found = [f"{issue.line}: {issue.message}" for issue in check_file(path)]
    assert found == EXPECTED[name]


def test_validate_command_prints_file_line_message_and_exits_1(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(BROKEN)
    assert main(["scenarios", "validate", "cle-inconnue.yaml"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "cle-inconnue.yaml:118: clé inconnue « objection » — vouliez-vous dire « objections » ?"
    ]
    assert "1 problème dans 1 fichier sur 1." in captured.err


def test_validating_the_folder_reports_every_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenarios", "validate", str(BROKEN)]) == 1
    out = capsys.readouterr().out
    for name in EXPECTED:
        assert f"{name}.yaml:" in out
