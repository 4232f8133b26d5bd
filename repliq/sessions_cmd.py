"""`repliq sessions ...` and `repliq class report`: reviewing, searching, exporting,
importing and deleting stored sessions. Only wiring and printing: the rules are in store/."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from bot.turn_record import Role, exchange_numbers
from store import class_report
from store.db import audio_dir, default_path, open_db
from store.exchange import import_files, to_csv, to_json, to_markdown
from store.export_model import SCHEMA_PATH as EXPORT_SCHEMA_PATH
from store.export_model import schema_text as export_schema_text
from store.html import number, render
from store.sessions import (
    STATUS_LABELS,
    delete_sessions,
    find_session,
    list_sessions,
    search,
    session_record,
)

from .errors import EXIT_INPUT, EXIT_USAGE, OutputError
from .files import write_atomically
from .terminal import clean, say, show


def _db(args: argparse.Namespace) -> Database:
    return open_db(args.db)


def _resolve(db: Database, prefix: str) -> str | None:
    session_id = find_session(db, prefix)
    if session_id is None:
        say(f"repliq : séance « {prefix} » introuvable — attendu : les premiers caractères "
            "d'un identifiant affiché par « repliq sessions list » (au moins 4 chiffres ou "
            "lettres a à f)")
    return session_id


def _mark(value: object) -> str:
    return "—" if value is None else f"{number(value)}/20"


def cmd_list(args: argparse.Namespace) -> int:
    if args.since and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.since):
        say("repliq : date invalide pour --depuis — attendu : AAAA-MM-JJ (ex. 2026-09-01)")
        return EXIT_USAGE
    rows = list_sessions(_db(args), args.student, args.scenario, args.since)
    if not rows:
        show("Aucune séance enregistrée.")
        return 0
    for row in rows:
        variant = f" ({row.variant})" if row.variant else ""
        started = str(row.started_at or "")[:16].replace("T", " ")
        show(f"{row.id[:8]}  {started}  {clean(row.student, False):<18.18}  "
             f"{row.scenario_id}{variant}  {STATUS_LABELS.get(row.status, row.status)}  "
             f"{row.outcome or '—'}  {_mark(row.mark)}  {row.turns} tours")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    db = _db(args)
    session_id = _resolve(db, args.id)
    if session_id is None:
        return EXIT_INPUT
    r = session_record(db, session_id)
    show(f"{r['scenario']['title']} — {r['student']} — {str(r['started_at'] or '')[:16]} — "
         f"{STATUS_LABELS.get(r['status'], r['status'])}")
    # (Numbered as the scorecard cites them: "tour 7" is the student's seventh turn and the
    # reply to it.)
    for turn, exchange in zip(r["turns"], exchange_numbers(r["turns"]), strict=True):
        who = "Élève" if turn.is_student else "Client"
        show(f"{exchange:>3}. {who} : {clean(turn.text, False)}" if exchange else
             f"     {who} : {clean(turn.text, False)}")
        if turn.tip:
            show(f"      Conseil : {clean(turn.tip, False)}")
    card = r["scorecard"]
    if card:
        show("\nBilan")
        for c in card["criteria"]:
            show(f"  {c['level']:<2}  {number(c['score']):>4}/20  {c['label']}")
            if c.get("advice"):
                show(f"        → {clean(c['advice'], False)}")
        show(f"  Note : {number(card['total'])} / 20")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    hits = search(_db(args), " ".join(args.text))
    if not hits:
        show("Aucun résultat.")
    for hit in hits:
        who = "élève" if hit["speaker"] == Role.STUDENT else "client"
        show(f"{hit['session_id'][:8]}  {str(hit['started_at'] or '')[:10]}  "
             f"{clean(hit['student'], False)}  {hit['scenario_id']}  tour {hit['number']} "
             f"({who}) : {clean(hit['extract'], False)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    db = _db(args)
    if args.all:
        ids = [row.id for row in list_sessions(db, limit=1_000_000)]
    else:
        if not args.id:
            say("repliq : indiquez une séance (ID) ou --all")
            return EXIT_USAGE
        session_id = _resolve(db, args.id)
        if session_id is None:
            return EXIT_INPUT
        ids = [session_id]
    if not ids:
        say("Aucune séance à exporter.")
        return EXIT_INPUT
    if args.format == "html":
        root = audio_dir(args.db or default_path())
        if len(ids) > 1 and args.output is None:
            say("repliq : plusieurs séances en HTML : indiquez un dossier avec --sortie")
            return EXIT_USAGE
        if len(ids) > 1:
            if not args.output.is_dir():
                if not args.output.parent.is_dir():
                    raise OutputError(f"dossier introuvable : {args.output.parent} — attendu "
                                      "un dossier existant pour --sortie")
                args.output.mkdir(exist_ok=True)
            for session_id in ids:
                write_atomically(args.output / f"seance-{session_id[:8]}.html",
                           render(session_record(db, session_id), root))
            show(f"{len(ids)} pages écrites dans {args.output}")
            return 0
        text = render(session_record(db, ids[0]), root)
    else:
        text = {"json": to_json, "csv": to_csv, "md": to_markdown}[args.format](db, ids)
    return _deliver(text, args.output, "Export")


def cmd_import(args: argparse.Namespace) -> int:
    db = _db(args)
    results = import_files(db, args.files, audio_dir(args.db or default_path()))
    for result in results:
        if result.error:
            say(f"repliq : {result.error}")
            say("  rien de ce fichier n'a été importé ; corrigez-le puis importez-le à nouveau")
    added = sum(r.added for r in results)
    completed = sum(r.completed for r in results)
    skipped = sum(r.skipped for r in results)
    refused = sum(1 for r in results if r.error)
    line = f"{added} séance(s) importée(s), {skipped} déjà présente(s)"
    if completed:
        line += f", {completed} complétée(s) (tours récupérés)"
    if refused:
        line += f" ; {refused} fichier(s) refusé(s) sur {len(results)}"
    show(line + ".")
    return EXIT_INPUT if refused else 0


def cmd_delete(args: argparse.Namespace) -> int:
    db = _db(args)
    if args.older_than:
        match = re.fullmatch(r"(\d{1,5})j|(\d{1,5})d", args.older_than.strip())
        if not match:
            say("repliq : durée invalide pour --plus-vieilles-que — attendu : un nombre de "
                "jours jusqu'à 99999, ex. 90j")
            return EXIT_USAGE
        days = int(match.group(1) or match.group(2))
        limit = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
        ids = [r[0] for r in db.execute("select id from sessions where started_at < ?",
                                        [limit]).fetchall()]
    elif args.student:
        ids = [r[0] for r in db.execute(
            "select s.id from sessions s join students st on st.id = s.student_id where "
            "st.name = ?", [args.student]).fetchall()]
    elif args.id:
        session_id = _resolve(db, args.id)
        if session_id is None:
            return 1
        ids = [session_id]
    else:
        say("repliq : indiquez une séance, --eleve NOM ou --plus-vieilles-que 90j")
        return 2
    removed = delete_sessions(db, ids, audio_dir(args.db or default_path()))
    show(f"{len(ids)} séance(s) supprimée(s) avec leurs tours, bilans et comptes rendus ; "
         f"{len(removed)} fichier(s) audio supprimé(s).")
    for path in removed:
        show(f"  {path}")
    return 0


def cmd_students(args: argparse.Namespace) -> int:
    rows = _db(args).execute(
        "select st.name, count(s.id), round(avg(s.mark), 1), max(s.started_at) from students "
        "st left join sessions s on s.student_id = st.id group by st.id order by st.name")
    found = False
    for name, count, average, last in rows:
        found = True
        show(f"{clean(name, False):<24} {count:>3} séance(s)  moyenne "
             f"{'—' if average is None else number(average)}  dernière : "
             f"{str(last or '—')[:10]}")
    if not found:
        show("Aucun élève enregistré.")
    return 0


def _deliver(text: str, output: Path | None, what: str) -> int:
    """The text on standard output, or in the file asked for."""
    if output is None:
        # A terminal gets no escape sequence; a pipe or a redirection gets the file as is.
        sys.stdout.write(clean(text) if sys.stdout.isatty() else text)
    else:
        write_atomically(output, text)
        show(f"{what} écrit : {output}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    text = export_schema_text()
    if args.write:
        EXPORT_SCHEMA_PATH.write_text(text, encoding="utf-8")
        show(f"Schéma écrit : {EXPORT_SCHEMA_PATH}")
        return 0
    if args.check:
        current = EXPORT_SCHEMA_PATH.read_text(encoding="utf-8") \
            if EXPORT_SCHEMA_PATH.exists() else ""
        if current != text:
            say(f"{EXPORT_SCHEMA_PATH} n'est plus à jour : lancez « repliq sessions schema "
                "--write ».")
            return EXIT_INPUT
        show(f"{EXPORT_SCHEMA_PATH} est à jour.")
        return 0
    sys.stdout.write(text)
    return 0


def cmd_class_report(args: argparse.Namespace) -> int:
    db = _db(args)
    text = class_report.to_html(db) if args.format == "html" else class_report.to_csv(db)
    return _deliver(text, args.output, "Rapport")


def add_parsers(commands: argparse._SubParsersAction, parser_class: type) -> None:
    base = argparse.ArgumentParser(add_help=False)
    base.add_argument("--base", dest="db", type=Path, default=None, metavar="FICHIER",
                      help="base des séances (par défaut : $REPLIQ_DB ou le dossier de données)")
    sessions = commands.add_parser(
        "sessions", help="historique des séances : lister, relire, chercher, exporter, importer",
        description="Les séances sont enregistrées tour par tour dans une base SQLite locale.",
        epilog="exemples :\n  repliq sessions list --eleve \"Léa Morel\"\n"
               "  repliq sessions export a1b2c3d4 --format html --sortie seance.html")
    sub = sessions.add_subparsers(title="commandes", metavar="COMMANDE", dest="sessions_command",
                                  parser_class=parser_class, required=True)
    p = sub.add_parser("list", parents=[base], help="lister les séances",
                       description="Liste les séances, les plus récentes d'abord.",
                       epilog="exemple :\n  repliq sessions list --scenario e4-copieur-cabinet "
                              "--depuis 2026-09-01")
    p.add_argument("--eleve", dest="student", metavar="NOM", help="d'un élève")
    p.add_argument("--scenario", metavar="ID", help="d'un scénario")
    p.add_argument("--depuis", dest="since", metavar="AAAA-MM-JJ", help="depuis une date")
    p.set_defaults(handler=cmd_list)
    p = sub.add_parser("show", parents=[base], help="relire une séance",
                       description="Affiche la transcription, les conseils et le bilan.",
                       epilog="exemple :\n  repliq sessions show a1b2c3d4")
    p.add_argument("id", metavar="ID", help="identifiant (au moins 4 premiers caractères)")
    p.set_defaults(handler=cmd_show)
    p = sub.add_parser("search", parents=[base], help="chercher dans ce qui a été dit",
                       description="Recherche plein texte dans toutes les répliques.",
                       epilog="exemple :\n  repliq sessions search contrepartie")
    p.add_argument("text", nargs="+", metavar="TEXTE", help="mots à chercher")
    p.set_defaults(handler=cmd_search)
    p = sub.add_parser("export", parents=[base], help="exporter une séance ou toutes",
                       description="Exporte en Markdown, HTML (page autonome, imprimable), CSV "
                                   "ou JSON (pour l'import chez l'enseignant).",
                       epilog="exemples :\n  repliq sessions export a1b2c3d4 --format json "
                              "--sortie seance.json\n  repliq sessions export --all --format "
                              "csv --sortie classe.csv")
    p.add_argument("id", nargs="?", metavar="ID", help="la séance (ou --all)")
    p.add_argument("--all", action="store_true", help="toutes les séances")
    p.add_argument("--format", choices=("md", "html", "csv", "json"), default="md",
                   help="format (par défaut : md)")
    p.add_argument("--sortie", dest="output", type=Path, metavar="CHEMIN",
                   help="fichier (ou dossier pour plusieurs pages HTML) ; sinon la sortie "
                        "standard")
    p.set_defaults(handler=cmd_export)
    p = sub.add_parser("import", parents=[base], help="importer des exports JSON",
                       description="Importe les exports JSON d'élèves dans cette base ; les "
                                   "séances déjà présentes sont ignorées, un fichier illisible "
                                   "n'importe rien.",
                       epilog="exemple :\n  repliq sessions import exports/*.json")
    p.add_argument("files", type=Path, nargs="+", metavar="FICHIER")
    p.set_defaults(handler=cmd_import)
    p = sub.add_parser("delete", parents=[base], help="supprimer des séances (et leur audio)",
                       description="Supprime une séance, toutes celles d'un élève, ou celles "
                                   "plus vieilles qu'un nombre de jours, avec leurs fichiers "
                                   "audio ; affiche ce qui a été supprimé.",
                       epilog="exemples :\n  repliq sessions delete a1b2c3d4\n"
                              "  repliq sessions delete --plus-vieilles-que 90j")
    p.add_argument("id", nargs="?", metavar="ID")
    p.add_argument("--eleve", dest="student", metavar="NOM", help="toutes celles d'un élève")
    p.add_argument("--plus-vieilles-que", "--older-than", dest="older_than", metavar="DURÉE",
                   help="plus anciennes que DURÉE (ex. 90j)")
    p.set_defaults(handler=cmd_delete)
    p = sub.add_parser("students", parents=[base], help="lister les élèves",
                       description="Liste les élèves avec leur nombre de séances et leur "
                                   "moyenne.", epilog="exemple :\n  repliq sessions students")
    p.set_defaults(handler=cmd_students)
    from .repair_cmd import add_parser as add_repair_parser  # `reparer` lives on its own

    add_repair_parser(sub, base)
    p = sub.add_parser("schema", help="le schéma JSON des exports (ce que l'import accepte)",
                       description="Affiche, régénère (--write) ou vérifie (--check) le schéma "
                                   "JSON des fichiers d'export, publié dans "
                                   "store/export.schema.json.",
                       epilog="exemple :\n  repliq sessions schema --check")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help="régénérer le fichier publié")
    group.add_argument("--check", action="store_true", help="vérifier qu'il est à jour")
    p.set_defaults(handler=cmd_schema)

    classe = commands.add_parser(
        "class", help="rapport de classe", description="Rapports pour l'enseignant.",
        epilog="exemple :\n  repliq class report --format html --sortie classe.html")
    sub = classe.add_subparsers(title="commandes", metavar="COMMANDE", dest="class_command",
                                parser_class=parser_class, required=True)
    p = sub.add_parser("report", parents=[base], help="une ligne par élève, une colonne par "
                                                      "critère",
                       description="Niveau le plus récent et tendance par critère, nombre de "
                                   "séances, moyenne ; en HTML, une courbe par élève.",
                       epilog="exemple :\n  repliq class report --format csv --sortie "
                              "classe.csv")
    p.add_argument("--format", choices=("html", "csv"), default="html")
    p.add_argument("--sortie", dest="output", type=Path, metavar="FICHIER")
    p.set_defaults(handler=cmd_class_report)
