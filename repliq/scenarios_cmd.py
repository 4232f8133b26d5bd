"""`repliq scenarios ...`: list, show, validate, schema, new. Only wiring and printing:
the rules live in the `scenarios` package."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from scenarios import ScenarioError, load_scenario, validate_paths
from scenarios.brief import render_brief
from scenarios.catalog import DEFAULT_SCENARIO, entries, find, user_dir
from scenarios.model import SLUG_RE
from scenarios.schema import SCHEMA_PATH, schema_text, write_schema
from scenarios.template import render_template


def _print_issues(error: ScenarioError) -> None:
    for issue in error.issues:
        print(issue, file=sys.stderr)


BLOCS = {1: "Bloc 1 — Relation client et négociation-vente",
         2: "Bloc 2 — Relation client à distance et digitalisation"}


def cmd_list(args: argparse.Namespace) -> int:
    found = entries(args.dir)
    if not found:
        print("Aucun scénario trouvé.")
    valid = [entry for entry in found if entry.scenario is not None]
    for bloc, title in BLOCS.items():
        in_bloc = [e for e in valid if e.scenario is not None and e.scenario.bloc == bloc]
        if not in_bloc:
            continue
        print(title)
        for entry in in_bloc:
            scenario = entry.scenario
            assert scenario is not None
            print(f"  {scenario.id}  ({entry.source})")
            details = (f"{scenario.kind.label} · {scenario.channel.label.lower()} · "
                       f"{scenario.duration_min} min · niveau {scenario.difficulty.label.lower()}")
            for line in (scenario.title, details):
                print(textwrap.fill(line, 78, initial_indent="    ", subsequent_indent="    "))
            if scenario.variants:
                print(textwrap.fill("variantes : " + ", ".join(v.id for v in scenario.variants),
                                    78, initial_indent="    ", subsequent_indent="      "))
        print()
    for entry in found:
        if entry.scenario is None:
            count = len(entry.problems)
            print(f"⚠ {entry.path} : invalide ({count} problème{'s' if count > 1 else ''}) — "
                  f"voir : repliq scenarios validate {entry.path}")
    print(f"Dossier personnel des scénarios : {user_dir()}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    try:
        path = find(args.scenario, args.dir)
        scenario = load_scenario(path, args.variant)
    except ScenarioError as error:
        _print_issues(error)
        return 1
    variant = scenario.variant(args.variant) if args.variant else None
    print(render_brief(scenario, variant), end="")
    if variant is None and scenario.variants:
        print("\nVariantes de la fiche-sujet (option --variant) :")
        for item in scenario.variants:
            print(textwrap.fill(f"• {item.id} — {item.description}", width=78,
                                initial_indent="  ", subsequent_indent="    "))
    return 0


def cmd_try(args: argparse.Namespace) -> int:
    """`repliq scenarios essai`: the scenario against generic student lines (bot/selftest)."""
    from bot.engine import understander
    from bot.selftest import Severity, run
    from scenarios.errors import display_path
    from scenarios.yamlfile import read_yaml

    try:
        path = find(args.scenario, args.dir)
        scenario = load_scenario(path, args.variant)
        data = read_yaml(path, display_path(path))
    except ScenarioError as error:
        _print_issues(error)
        return 1
    shown = display_path(path)
    print(f"Essai de {shown} ({scenario.title}) avec des répliques d'étudiants ordinaires…")
    findings = run(scenario, data, understander())
    in_file = [f for f in findings if f.line is not None]
    engine = [f for f in findings if f.line is None]
    for finding in sorted(in_file, key=lambda f: f.line or 0):
        print(f"{shown}:{finding.line}: [{finding.severity.value}] {finding.message}")
    if engine:
        print("\nCe que le moteur de Repliq comprend mal (rien à corriger dans le scénario) :")
        for finding in engine:
            print(f"  • {finding.message}")
    problems = sum(f.severity is Severity.PROBLEM for f in in_file)
    warnings = len(in_file) - problems
    print(f"\n{problems} problème(s), {warnings} point(s) à vérifier dans le scénario.")
    return 1 if problems else 0


def cmd_validate(args: argparse.Namespace) -> int:
    count, issues = validate_paths(args.paths)
    for issue in issues:
        print(issue)
    files = {issue.file for issue in issues}
    plural = "s" if count > 1 else ""
    if not count:
        # Nothing was checked: never "aucun problème", which a script would take for a pass.
        print("Aucun fichier de scénario vérifié.", file=sys.stderr)
        return 1
    if not issues:
        print(f"{count} fichier{plural} vérifié{plural} : aucun problème.")
        return 0
    n = len(issues)
    print(f"{n} problème{'s' if n > 1 else ''} dans {len(files)} fichier"
          f"{'s' if len(files) > 1 else ''} sur {count}.", file=sys.stderr)
    return 1


def cmd_schema(args: argparse.Namespace) -> int:
    if args.write:
        print(f"Schéma écrit : {write_schema()}")
        return 0
    if args.check:
        current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
        if current != schema_text():
            print(f"{SCHEMA_PATH} n'est plus à jour : lancez « repliq scenarios schema --write ».",
                  file=sys.stderr)
            return 1
        print(f"{SCHEMA_PATH} est à jour.")
        return 0
    print(schema_text(), end="")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    if not SLUG_RE.match(args.id):
        print(f"identifiant « {args.id} » invalide — attendu : des minuscules sans accents, des "
              "chiffres et des tirets (ex. vente-fontaine-agence)", file=sys.stderr)
        return 2
    folder: Path = args.dir
    target = folder / f"{args.id}.yaml"
    if target.exists() and not args.force:
        print(f"{target} existe déjà — ajoutez --force pour l'écraser.", file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(render_template(args.id, SCHEMA_PATH), encoding="utf-8")
    print(f"Modèle écrit : {target}")
    print(f"Complétez-le, puis vérifiez-le : repliq scenarios validate {target}")
    return 0


def add_parser(commands: argparse._SubParsersAction, parser_class: type) -> None:
    scenarios = commands.add_parser(
        "scenarios", help="lister, afficher, vérifier et créer des scénarios",
        description="Les scénarios sont des fichiers YAML écrits par les enseignants "
                    "(guide : docs/scenarios.md).",
        epilog="exemples :\n  repliq scenarios list\n  repliq scenarios validate mes-scenarios/",
    )
    sub = scenarios.add_subparsers(title="commandes", metavar="COMMANDE", dest="scenarios_command",
                                   parser_class=parser_class, required=True)
    dir_help = "dossier de scénarios supplémentaire (option répétable)"

    p = sub.add_parser("list", help="lister les scénarios intégrés et personnels",
                       description="Liste les scénarios : ceux des dossiers --dir, le dossier "
                                   "personnel ($REPLIQ_SCENARIOS_DIR) puis les intégrés.",
                       epilog="exemple :\n  repliq scenarios list --dir ~/cours/scenarios")
    p.add_argument("--dir", type=Path, action="append", metavar="DOSSIER", help=dir_help)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="afficher la fiche-sujet d'un scénario",
                       description="Affiche la fiche-sujet telle que l'étudiant la lira, "
                                   "avec la variante demandée appliquée.",
                       epilog=f"exemple :\n  repliq scenarios show {DEFAULT_SCENARIO} "
                              "--variant budget-serre")
    p.add_argument("scenario", metavar="SCENARIO", help="identifiant ou chemin du fichier .yaml")
    p.add_argument("--variant", metavar="VARIANTE", help="variante de la fiche-sujet à appliquer")
    p.add_argument("--dir", type=Path, action="append", metavar="DOSSIER", help=dir_help)
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("essai", help="essayer un scénario avec des répliques d'étudiants "
                                     "ordinaires",
                       description="Joue une banque de répliques génériques (questions de "
                                   "découverte, répliques neutres, conclusions, prises de "
                                   "congé, fermeté, impolitesse, réponses aux objections) "
                                   "contre le scénario et signale, avec fichier:ligne, les "
                                   "faits qu'aucune question ordinaire n'atteint, les "
                                   "mots-clés trop généraux, les phrases qui ne déclenchent "
                                   "pas leur sujet et les objections impossibles à traiter. "
                                   "Code de sortie 1 s'il y a un problème.",
                       epilog="exemples :\n  repliq scenarios essai mon-scenario.yaml\n"
                              f"  repliq scenarios essai {DEFAULT_SCENARIO} --variant "
                              "budget-serre")
    p.add_argument("scenario", metavar="SCENARIO", help="identifiant ou chemin du fichier .yaml")
    p.add_argument("--variant", metavar="VARIANTE", help="variante à appliquer")
    p.add_argument("--dir", type=Path, action="append", metavar="DOSSIER", help=dir_help)
    p.set_defaults(handler=cmd_try)

    p = sub.add_parser("validate", help="vérifier des fichiers ou dossiers de scénarios",
                       description="Vérifie chaque fichier (et chaque variante) ; chaque "
                                   "problème s'affiche sous la forme fichier:ligne: message. "
                                   "Code de sortie 1 s'il y a un problème.",
                       epilog="exemples :\n  repliq scenarios validate mon-scenario.yaml\n"
                              "  repliq scenarios validate scenarios/")
    p.add_argument("paths", type=Path, nargs="+", metavar="CHEMIN",
                   help="fichier .yaml ou dossier (parcouru récursivement)")
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("schema", help="afficher ou régénérer le schéma JSON des scénarios",
                       description="Le schéma JSON permet aux éditeurs (extension YAML de VS "
                                   "Code, yaml-language-server) de compléter et vérifier les "
                                   "fichiers.",
                       epilog="exemples :\n  repliq scenarios schema > schema.json\n"
                              "  repliq scenarios schema --write")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true",
                       help=f"réécrire le schéma publié ({SCHEMA_PATH.name})")
    group.add_argument("--check", action="store_true",
                       help="vérifier que le schéma publié est à jour (code 1 sinon)")
    p.set_defaults(handler=cmd_schema)

    p = sub.add_parser("new", help="écrire un modèle de scénario commenté à compléter",
                       description="Écrit IDENTIFIANT.yaml : un scénario complet, commenté et "
                                   "déjà valide, à adapter à votre situation.",
                       epilog="exemple :\n  repliq scenarios new vente-fontaine-agence "
                              "--dir ~/cours/scenarios")
    p.add_argument("id", metavar="IDENTIFIANT", help="identifiant du scénario (ex. "
                                                     "vente-fontaine-agence)")
    p.add_argument("--dir", type=Path, default=Path("."), metavar="DOSSIER",
                   help="dossier où écrire le fichier (par défaut : le dossier courant)")
    p.add_argument("--force", action="store_true", help="écraser un fichier existant")
    p.set_defaults(handler=cmd_new)
