"""`repliq nlu ...`: parse sentences as the customer understands them, evaluate the act
classifier on the held-out test set, export the data as a Rasa project."""

from __future__ import annotations

import argparse
import json
import sys

from bot.engine import understander
from bot.topics import TopicMatcher
from scenarios import ScenarioError, load_scenario
from scenarios.catalog import find


def cmd_parse(args: argparse.Namespace) -> int:
    engine = understander()
    if args.scenario:
        try:
            scenario = load_scenario(find(args.scenario), args.variant)
        except ScenarioError as error:
            for issue in error.issues:
                print(issue, file=sys.stderr)
            return 1
        engine = engine.with_topics(TopicMatcher.for_scenario(scenario))
    lines = [" ".join(args.text)] if args.text else (line.rstrip("\n") for line in sys.stdin)
    for line in lines:
        result = engine.understand(line).as_dict()
        print(json.dumps(result, ensure_ascii=False), flush=True)
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
                    "--scenario, les sujets du scénario reconnus.",
        epilog="exemples :\n  repliq nlu parse \"Vous imprimez combien à peu près ?\" "
               "--scenario e4-copieur-cabinet\n  repliq nlu parse < repliques.txt")
    p.add_argument("text", nargs="*", metavar="TEXTE", help="la phrase (sinon : entrée standard)")
    p.add_argument("--scenario", metavar="SCENARIO", help="reconnaître aussi ses sujets")
    p.add_argument("--variant", metavar="VARIANTE", help="variante du scénario")
    p.set_defaults(handler=cmd_parse)


