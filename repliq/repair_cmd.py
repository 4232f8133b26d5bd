"""`repliq sessions reparer`: check the base and, when it is damaged, rebuild it from what can
still be read (store/repair.py), keeping the original next to it. Only wiring and printing."""

from __future__ import annotations

import argparse

from store.db import default_path
from store.repair import repair

from .errors import EXIT_OK
from .terminal import show


def cmd_repair(args: argparse.Namespace) -> int:
    path = args.db or default_path()
    report = repair(path)
    if report.healthy:
        show(f"La base {path} est saine ({report.sessions} séance(s), {report.turns} tour(s) ; "
             "intégrité complète vérifiée) : rien n'a été modifié.")
        return EXIT_OK
    show(f"Base {path} réparée (problème trouvé : {report.problem}).")
    show(f"  Récupéré : {report.sessions} séance(s) et {report.turns} tour(s) "
         f"(méthode : {report.method}).")
    if report.placeholder_sessions or report.placeholder_students or \
            report.placeholder_scenarios:
        show(f"  Fiches perdues remplacées : {report.placeholder_sessions} séance(s), "
             f"{report.placeholder_students} élève(s), {report.placeholder_scenarios} "
             "scénario(s) — elles apparaissent comme « inconnu (réparation) » dans "
             "« repliq sessions list ».")
    show(f"  Original gardé tel quel : {report.backup}")
    show("  Base reconstruite vérifiée (PRAGMA integrity_check) : ok ; index de recherche "
         "reconstruit.")
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction, base: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "reparer", parents=[base], help="vérifier et réparer une base endommagée",
        description="Vérifie toute la base. Si elle est endommagée, garde une copie de "
                    "l'original à côté d'elle, reconstruit une base neuve avec tout ce qui "
                    "peut encore être lu et dit ce qui a été récupéré. Une base saine n'est "
                    "pas modifiée. Fermez Repliq (application et entretiens) avant.",
        epilog="exemples :\n  repliq sessions reparer\n"
               "  repliq sessions reparer --base classe-ndrc1.db")
    p.set_defaults(handler=cmd_repair)
