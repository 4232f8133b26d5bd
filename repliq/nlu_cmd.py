"""`repliq nlu ...`: parse sentences as the customer understands them, evaluate the act
classifier on the held-out test set, export the data as a Rasa project."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot import corpus
from bot.corpus import Annotation, Part
from bot.engine import act_classifier, understander
from bot.evaluation import evaluate
from bot.frame import Context
from bot.nludata import load
from bot.rasa import RasaActScorer, RasaUnavailable, export_project
from scenarios import ScenarioError, load_scenario
from scenarios.catalog import find

TEST_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "nlu" / "test.yml"


def cmd_parse(args: argparse.Namespace) -> int:
    engine = understander(rasa_url=args.rasa)
    if args.scenario:
        try:
            scenario = load_scenario(find(args.scenario), args.variant)
        except ScenarioError as error:
            for issue in error.issues:
                print(issue, file=sys.stderr)
            return 1
        engine = engine.for_scenario(scenario)
    lines = [" ".join(args.text)] if args.text else (line.rstrip("\n") for line in sys.stdin)
    context = Context.after(args.client) if args.client else None
    for line in lines:
        try:
            result = engine.understand(line, context).as_dict()
        except RasaUnavailable as error:
            print(f"repliq : {error}", file=sys.stderr)
            return 1
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    if args.corpus:
        return _eval_corpus(Part(args.corpus), Annotation(args.labels), args.rasa,
                            args.errors, args.human)
    if not args.test.is_file():
        print(f"{args.test} : jeu de test introuvable — attendu : un fichier nlu.yml au format "
              "Rasa", file=sys.stderr)
        return 1
    examples = load([args.test]).examples
    if not examples:
        print(f"{args.test} : aucun exemple — attendu : des blocs « - intent: »", file=sys.stderr)
        return 1
    scorer = RasaActScorer(args.rasa) if args.rasa else act_classifier()
    try:
        result = evaluate(scorer, examples)
    except RasaUnavailable as error:
        print(f"repliq : {error}", file=sys.stderr)
        return 1
    width = max(len(label) for label in result.labels)
    print(f"Moteur : {scorer.name} — {len(examples)} phrases de test ({args.test})\n")
    print(f"{'acte'.ljust(width)}  précision  rappel     F1  phrases")
    for i, label in enumerate(result.labels):
        print(f"{label.ljust(width)}  {result.precision[i]:9.3f}  {result.recall[i]:6.3f}  "
              f"{result.f1[i]:5.3f}  {result.support[i]:7d}")
    print(f"\nF1 macro : {result.macro_f1:.3f}   exactitude : {result.accuracy:.3f}\n")
    codes = {label: f"{i + 1:02d}" for i, label in enumerate(result.labels)}
    print("Matrice de confusion (lignes : acte attendu, colonnes : acte prédit)")
    print("    " + " ".join(codes[label] for label in result.labels))
    for label, row in zip(result.labels, result.matrix, strict=True):
        cells = " ".join(f"{n:2d}" if n else " ." for n in row)
        print(f"{codes[label]}  {cells}  {label}")
    if result.errors and args.errors:
        print("\nErreurs :")
        for text, expected, predicted in result.errors:
            print(f"  [{expected} → {predicted or '∅'}] {text}")
    return 0


def _eval_corpus(part: Part, annotation: Annotation, rasa: str | None, errors: bool,
                 human: bool) -> int:
    """The blind corpus (tests/data/corpus/): whole turns in context, per register."""
    if human:
        # The second annotator against the first: the agreement of two teachers.
        report = corpus.measure(corpus.load(part, annotation=Annotation.FIRST),
                                corpus.second_annotator(part))
        print(f"Accord entre les deux annotateurs, partie « {part.value} » : le second lu "
              f"comme un système, mesuré sur le premier ({report.overall.turns} répliques)\n")
    else:
        turns = corpus.load(part, annotation=annotation)
        understand = corpus.ScenarioReader(understander(rasa_url=rasa))
        report = corpus.measure(turns, understand.read)
        print(f"Corpus en aveugle, partie « {part.value} » : {report.overall.turns} "
              f"répliques, étiquettes : {_LABELS[annotation]} ({corpus.CORPUS_DIR})\n")
    rows = [("tous", report.overall), *report.by_register.items(),
            ("saisie", report.typed), ("reconnaissance vocale", report.asr)]
    measures = [("actes attendus tous trouvés", "all_acts_found"),
                ("impolitesse : précision", "rude_precision"),
                ("impolitesse : rappel", "rude_recall"),
                ("poli lu comme impoli", "polite_read_as_rude"),
                ("conclusion : rappel", "closing_recall"),
                ("non-conclusion lue comme conclusion", "non_closing_read_as_closing"),
                ("prise de congé : rappel", "goodbye_recall"),
                ("refus : rappel", "refusal_recall"),
                ("refus : précision", "refusal_precision"),
                ("offre de l'étudiant exacte", "offer_exact"),
                ("refus lu comme une offre", "refusal_read_as_offer"),
                ("chiffre du client lu comme une offre", "quote_read_as_offer"),
                ("contresens graves", "harmful"),
                ("réponse à la question du client : rappel", "answer_recall"),
                ("réponse à la question du client : précision", "answer_precision"),
                ("acceptation ou refus de sa proposition", "proposal_reply"),
                ("fait demandé reconnu", "fact_asked")]
    for name, scores in rows:
        print(f"— {name} ({scores.turns} répliques)")
        for label, attribute in measures:
            print(f"    {label:<46} {getattr(scores, attribute)}")
    print("\nActes attendus manqués (acte attendu → acte lu à la place), les plus fréquents :")
    for (expected, found), count in sorted(report.overall.confusions.items(),
                                           key=lambda item: -item[1])[:25]:
        print(f"    {count:4d}  {expected} → {found}")
    if errors and not human:
        print("\nRépliques dont un acte attendu manque :")
        for turn in turns:
            found = {a.value for a in understand(turn).acts}
            if not turn.labels.acts <= found:
                print(f"  [{turn.id}] attendu {sorted(turn.labels.acts)} lu {sorted(found)} : "
                      f"{turn.text}")
    return 0


_LABELS = {Annotation.AGREED: "l'accord des deux annotateurs",
           Annotation.FIRST: "le premier annotateur", Annotation.SECOND: "le second annotateur"}


def cmd_export_rasa(args: argparse.Namespace) -> int:
    target: Path = args.dir
    if target.exists() and any(target.iterdir()) and not args.force:
        print(f"{target} n'est pas vide — ajoutez --force pour y écrire quand même.",
              file=sys.stderr)
        return 1
    for path in export_project(target):
        print(f"écrit : {path}")
    print(f"\nEntraînez puis lancez le serveur (Rasa 3.6, voir docs/rasa.md) :\n"
          f"  cd {target} && rasa train nlu && rasa run --enable-api\n"
          "puis : repliq run --rasa http://localhost:5005")
    return 0


def add_parser(commands: argparse._SubParsersAction, parser_class: type) -> None:
    nlu = commands.add_parser(
        "nlu", help="analyser des phrases comme le client simulé les comprend",
        description="Outils de la compréhension des répliques : actes de langage, entités, "
                    "sujets du scénario.",
        epilog="exemples :\n  repliq nlu parse \"Bonjour, je suis Léa de Bureau Plus.\"\n"
               "  repliq nlu eval")
    sub = nlu.add_subparsers(title="commandes", metavar="COMMANDE", dest="nlu_command",
                             parser_class=parser_class, required=True)
    p = sub.add_parser(
        "parse", help="afficher l'analyse d'une phrase (JSON, une ligne par phrase)",
        description="Affiche, pour chaque ligne (argument ou entrée standard), les phrases avec "
                    "leurs actes (identifiant, libellé, confiance), leurs entités et, avec "
                    "--scenario, les sujets du scénario reconnus ; puis le sens de la "
                    "réplique entière (« frame ») : refus, chiffres et leur rôle (offre de "
                    "l'étudiant, citation du client…), conclusion, prise de congé, impolitesse "
                    "et, avec --client, le lien avec la dernière réplique du client.",
        epilog="exemples :\n  repliq nlu parse \"Vous imprimez combien à peu près ?\" "
               "--scenario e4-copieur-cabinet\n"
               "  repliq nlu parse --client \"Copitec est à 240.\" \"Je peux faire 275.\"\n"
               "  repliq nlu parse < repliques.txt")
    p.add_argument("text", nargs="*", metavar="TEXTE", help="la phrase (sinon : entrée standard)")
    p.add_argument("--scenario", metavar="SCENARIO", help="reconnaître aussi ses sujets")
    p.add_argument("--variant", metavar="VARIANTE", help="variante du scénario")
    p.add_argument("--client", metavar="RÉPLIQUE",
                   help="la réplique du client juste avant (chiffres cités, question posée, "
                        "proposition faite)")
    p.add_argument("--rasa", metavar="URL", help="utiliser un serveur Rasa (ex. "
                                                 "http://localhost:5005)")
    p.set_defaults(handler=cmd_parse)

    p = sub.add_parser(
        "eval", help="mesurer le moteur sur le jeu de test (précision, rappel, F1, confusions)",
        description="Évalue la reconnaissance des actes sur un jeu de test étiqueté, jamais "
                    "utilisé pour l'entraînement : précision, rappel et F1 par acte, F1 macro, "
                    "matrice de confusion.",
        epilog="exemples :\n  repliq nlu eval\n  repliq nlu eval --erreurs\n"
               "  repliq nlu eval --rasa http://localhost:5005")
    p.add_argument("--test", type=Path, default=TEST_SET, metavar="FICHIER",
                   help="jeu de test au format Rasa (par défaut : celui de Repliq)")
    p.add_argument("--erreurs", dest="errors", action="store_true",
                   help="lister les phrases mal reconnues")
    p.add_argument("--corpus", choices=("dev", "test"),
                   help="mesurer sur le corpus écrit en aveugle (tests/data/corpus/), par "
                        "registre : dev pour régler, test seulement pour mesurer")
    p.add_argument("--etiquettes", dest="labels", choices=[a.value for a in Annotation],
                   default=Annotation.AGREED.value,
                   help="avec --corpus : mesurer contre l'accord des deux annotateurs (par "
                        "défaut ; ce sur quoi ils divergent ne compte pas), ou l'un d'eux seul")
    p.add_argument("--accord-humain", dest="human", action="store_true",
                   help="avec --corpus : mesurer le second annotateur contre le premier, "
                        "le plafond de toute lecture")
    p.add_argument("--rasa", metavar="URL", help="évaluer un serveur Rasa")
    p.set_defaults(handler=cmd_eval)

    p = sub.add_parser(
        "export-rasa", help="écrire un projet Rasa prêt à entraîner",
        description="Écrit config.yml, domain.yml et data/nlu.yml (les données de Repliq, au "
                    "format Rasa) dans DOSSIER.",
        epilog="exemple :\n  repliq nlu export-rasa ~/rasa-repliq")
    p.add_argument("dir", type=Path, metavar="DOSSIER", help="dossier du projet Rasa")
    p.add_argument("--force", action="store_true", help="écrire dans un dossier non vide")
    p.set_defaults(handler=cmd_export_rasa)


