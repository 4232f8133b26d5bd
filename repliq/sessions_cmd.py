"""`repliq sessions ...` and `repliq class report`: reviewing, searching, exporting,
importing and deleting stored sessions. Only wiring and printing: the rules are in store/."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from store import class_report
from store.db import audio_dir, default_path, open_db
from store.exchange import ExportFileError, import_files, to_csv, to_json, to_markdown
from store.html import render
from store.sessions import (
    STATUS_LABELS,
    delete_sessions,
    find_session,
    list_sessions,
    search,
    session_record,
)


def _db(args: argparse.Namespace) -> Database:
    return open_db(args.db)


def _resolve(db: Database, prefix: str) -> str | None:
    session_id = find_session(db, prefix)
    if session_id is None:
        print(f"repliq : séance « {prefix} » introuvable — attendu : les premiers caractères "
              "d'un identifiant affiché par « repliq sessions list » (au moins 4)",
              file=sys.stderr)
    return session_id


def cmd_list(args: argparse.Namespace) -> int:
    if args.since and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.since):
        print("repliq : date invalide pour --depuis — attendu : AAAA-MM-JJ (ex. 2026-09-01)",
              file=sys.stderr)
        return 2
    rows = list_sessions(_db(args), args.student, args.scenario, args.since)
    if not rows:
        print("Aucune séance enregistrée.")
        return 0
    for row in rows:
        mark = "—" if row.mark is None else f"{row.mark:g}/20"
        variant = f" ({row.variant})" if row.variant else ""
        print(f"{row.id[:8]}  {row.started_at[:16].replace('T', ' ')}  {row.student:<18.18}  "
              f"{row.scenario_id}{variant}  {STATUS_LABELS.get(row.status, row.status)}  "
              f"{row.outcome or '—'}  {mark}  {row.turns} tours")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    db = _db(args)
    session_id = _resolve(db, args.id)
    if session_id is None:
        return 1
    r = session_record(db, session_id)
    print(f"{r['scenario']['title']} — {r['student']} — {r['started_at'][:16]} — "
          f"{STATUS_LABELS.get(r['status'], r['status'])}")
    for turn in r["turns"]:
        who = "Élève" if turn["speaker"] == "student" else "Client"
        print(f"{turn['number']:>3}. {who} : {turn['text']}")
        if turn["tip"]:
            print(f"      Conseil : {turn['tip']}")
    card = r["scorecard"]
    if card:
        print("\nBilan")
        for c in card["criteria"]:
            print(f"  {c['level']:<2}  {c['score']:>4g}/20  {c['label']}")
            if c.get("advice"):
                print(f"        → {c['advice']}")
        print(f"  Note : {card['total']:g} / 20")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    hits = search(_db(args), " ".join(args.text))
    if not hits:
        print("Aucun résultat.")
    for hit in hits:
        who = "élève" if hit["speaker"] == "student" else "client"
        print(f"{hit['session_id'][:8]}  {hit['started_at'][:10]}  {hit['student']}  "
              f"{hit['scenario_id']}  tour {hit['number']} ({who}) : {hit['extract']}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    db = _db(args)
    if args.all:
        ids = [row.id for row in list_sessions(db, limit=1_000_000)]
    else:
        if not args.id:
            print("repliq : indiquez une séance (ID) ou --all", file=sys.stderr)
            return 2
        session_id = _resolve(db, args.id)
        if session_id is None:
            return 1
        ids = [session_id]
    if not ids:
        print("Aucune séance à exporter.", file=sys.stderr)
        return 1
    if args.format == "html":
        pages = [render(session_record(db, i), audio_dir(args.db or default_path()))
                 for i in ids]
        if len(pages) > 1 and args.output is None:
            print("repliq : plusieurs séances en HTML : indiquez un dossier avec --sortie",
                  file=sys.stderr)
            return 2
        if len(pages) > 1:
            args.output.mkdir(parents=True, exist_ok=True)
            for session_id, page in zip(ids, pages, strict=True):
                (args.output / f"seance-{session_id[:8]}.html").write_text(page,
                                                                           encoding="utf-8")
            print(f"{len(pages)} pages écrites dans {args.output}")
            return 0
        text = pages[0]
    else:
        text = {"json": to_json, "csv": to_csv, "md": to_markdown}[args.format](db, ids)
    return _deliver(text, args.output, "Export")


def cmd_import(args: argparse.Namespace) -> int:
    try:
        added, skipped = import_files(_db(args), args.files)
    except ExportFileError as error:
        print(f"repliq : {error} — rien n'a été importé", file=sys.stderr)
        return 1
    print(f"{added} séance(s) importée(s), {skipped} déjà présente(s).")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    db = _db(args)
    if args.older_than:
        match = re.fullmatch(r"(\d+)j|(\d+)d", args.older_than)
        if not match:
            print("repliq : durée invalide pour --plus-vieilles-que — attendu : un nombre de "
                  "jours, ex. 90j", file=sys.stderr)
            return 2
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
        print("repliq : indiquez une séance, --eleve NOM ou --plus-vieilles-que 90j",
              file=sys.stderr)
        return 2
    removed = delete_sessions(db, ids, audio_dir(args.db or default_path()))
    print(f"{len(ids)} séance(s) supprimée(s) avec leurs tours, bilans et comptes rendus ; "
          f"{len(removed)} fichier(s) audio supprimé(s).")
    for path in removed:
        print(f"  {path}")
    return 0


def cmd_students(args: argparse.Namespace) -> int:
    rows = _db(args).execute(
        "select st.name, count(s.id), round(avg(s.mark), 1), max(s.started_at) from students "
        "st left join sessions s on s.student_id = st.id group by st.id order by st.name")
    found = False
    for name, count, average, last in rows:
        found = True
        print(f"{name:<24} {count:>3} séance(s)  moyenne {average if average is not None else '—'}"
              f"  dernière : {(last or '—')[:10]}")
    if not found:
        print("Aucun élève enregistré.")
    return 0


def _deliver(text: str, output: Path | None, what: str) -> int:
    """The text on standard output, or in the file asked for."""
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        print(f"{what} écrit : {output}")
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
