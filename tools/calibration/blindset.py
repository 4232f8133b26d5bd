"""The steps of a blind calibration set (issue 14), from the briefs to the committed folder.

    PYTHONPATH=. .venv/bin/python tools/calibration/blindset.py briefs 39
    PYTHONPATH=. .venv/bin/python tools/calibration/blindset.py exam 39 SEED
    PYTHONPATH=. .venv/bin/python tools/calibration/blindset.py verify 39
    PYTHONPATH=. .venv/bin/python tools/calibration/blindset.py build 39
    PYTHONPATH=. .venv/bin/python tools/calibration/blindset.py dump OUT.json [39 40 …]
    PYTHONPATH=. .venv/bin/python tools/calibration/blindset.py compare BEFORE.json AFTER.json

A set is prepared outside the repository, in $REPLIQ_STAGING/calibN (default /work/staging),
so that writers and examiners never see the project: `briefs` fills the two brief templates of
this folder and writes each case's students' brief (`repliq scenarios show`, run in the tree
under measure, $REPLIQ_PLAYTREE, default /work/playtree); the writers play against that tree
with tools/realism/play.sh. `exam` draws each case's order at random and writes the anonymised
transcripts (without the engine's "Issue :" line), the call reports and the criteria the
examiner grades; the order stays outside the examiner's folder. `verify` replays every student
in the tree under measure and says whether the customer still says what the examiner read.
`build` copies the set into tests/data/calibration/aveugle-N with the examiner's marks keyed by
profile. `dump` and `compare` list each student's marks before and after a change to the grade.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from scoring.calibration import graded, measure, students
from scoring.rubric import rubric

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CALIBRATION = ROOT / "tests" / "data" / "calibration"
STAGING = Path(os.environ.get("REPLIQ_STAGING", "/work/staging"))
PLAYTREE = Path(os.environ.get("REPLIQ_PLAYTREE", "/work/playtree"))
SCENARIOS = ["e4-copieur-cabinet", "e4-evenement-responsable", "tel-prospection-fidelix",
             "tel-reclamation-lave-linge"]
PROFILES = ["excellent", "bon", "faible", "tres-faible", "bourrage", "poli-sans-vendre",
            "insulte-cachee", "hors-politique", "prix-tenu"]
# What a phone case's writer adds: the student's call report, judged by the examiner.
REPORT_STEP = """6. This is a phone case: after each call, write that student's call report \
(compte rendu),
   as that student would write it (a careless student writes a careless or incomplete report, an
   excellent one a precise, complete one; never report what was not said), to the same path with
   `.compte-rendu.yml` instead of `.txt`. UTF-8 YAML with exactly these keys, values in French:
       contact: "who you spoke to (name, role, company or file reference)"
       besoin: "the customer's situation and needs as found in the call"
       objections:
         - "each objection or difficulty raised, and how it was handled"
       resultat: "the outcome of the call"
       action: "what happens next, who does what"
       date: "the date/time agreed, if any"
"""
REPORT_NOTE = (";\n  and each student's call report EXAM_DIR/eleve-K.compte-rendu.yml, written "
               "by the student after the call\n  (judge it for the reporting criterion against "
               "what was actually said).")


def _template(name: str) -> str:
    """A brief template, without its heading comment (everything up to "-->")."""
    return (HERE / name).read_text(encoding="utf-8").split("-->", 1)[1].lstrip()


def briefs(number: str) -> None:
    folder = STAGING / f"calib{number}"
    for scenario in SCENARIOS:
        (folder / scenario).mkdir(parents=True, exist_ok=True)
        exam = folder / f"exam-{scenario}"
        exam.mkdir(exist_ok=True)
        fiche = folder / f"{scenario}.fiche.txt"
        shown = subprocess.run([str(PLAYTREE / ".venv/bin/python"), "-m", "repliq", "scenarios",
                                "show", scenario], cwd=PLAYTREE, capture_output=True, text=True,
                               check=True)
        fiche.write_text(shown.stdout, encoding="utf-8")
        phone = scenario.startswith("tel-")
        files = "\n".join(f"- `{p}`: {folder / scenario / (p + '.txt')}" for p in PROFILES)
        writer = (_template("writer-brief.md")
                  .replace("REPORT_STEP\n", REPORT_STEP if phone else "")
                  .replace("SCENARIO_FILES", files).replace("BRIEF", str(fiche))
                  .replace("SCENARIO", scenario))
        # (Writers working side by side once overwrote each other's scratch script in /tmp.)
        writer += (f"\nScratch files: if you need any temporary file, keep it only under "
                   f"/tmp/{number}-writer-{scenario}/ (other people work beside you in /tmp).\n")
        (folder / f"writer-{scenario}.brief").write_text(writer, encoding="utf-8")
        examiner = (_template("examiner-brief.md").replace("CR_NOTE", REPORT_NOTE if phone else ".")
                    .replace("STUDENT_BRIEF", str(exam / "fiche.txt"))
                    .replace("EXAM_DIR", str(exam)))
        (folder / f"examiner-{scenario}.brief").write_text(examiner, encoding="utf-8")
        shutil.copy(fiche, exam / "fiche.txt")
    print(f"briefs written in {folder}")


def exam(number: str, seed: int) -> None:
    folder = STAGING / f"calib{number}"
    for index, scenario in enumerate(SCENARIOS):
        order = PROFILES[:]
        random.Random(seed * 10 + index).shuffle(order)
        target = folder / f"exam-{scenario}"
        mapping = []
        for k, profile in enumerate(order, 1):
            text = (folder / scenario / f"{profile}.transcript.txt").read_text(encoding="utf-8")
            kept = [line for line in text.splitlines() if not line.startswith("Issue :")]
            (target / f"eleve-{k}.transcript.txt").write_text("\n".join(kept).rstrip() + "\n",
                                                              encoding="utf-8")
            report = folder / scenario / f"{profile}.compte-rendu.yml"
            if report.exists():
                shutil.copy(report, target / f"eleve-{k}.compte-rendu.yml")
            mapping.append(f"eleve-{k} {profile}")
        (folder / f"map-{scenario}.txt").write_text("\n".join(mapping) + "\n", encoding="utf-8")
        data = YAML(typ="safe").load((PLAYTREE / "scenarios" / "builtin" / f"{scenario}.yaml")
                                     .read_text(encoding="utf-8"))
        out = [f"# Critères évalués pour ce cas ({scenario})", ""]
        for item in data["evaluation"]["criteres"]:
            criterion = rubric().criterion(item["critere"])
            out += [f"## {criterion.id} — {criterion.label} (poids {item['poids']} / 100)", "",
                    f"Compétence : {criterion.competence}. Ce qui est observé : "
                    f"{criterion.observed}", ""]
            out += [f"- **{level}** : {text}" for level, text in criterion.levels.items()] + [""]
        (target / "criteres.md").write_text("\n".join(out), encoding="utf-8")
    print(f"examiners' folders written in {folder}")


def verify(number: str) -> int:
    folder = STAGING / f"calib{number}"
    differ = 0
    for scenario in SCENARIOS:
        for profile in PROFILES:
            played = subprocess.run([str(ROOT / "tools" / "realism" / "play.sh"), scenario, "base",
                                     str(folder / scenario / f"{profile}.txt")],
                                    capture_output=True, text=True, check=False).stdout
            read = (folder / scenario / f"{profile}.transcript.txt").read_text(encoding="utf-8")
            same = played == read
            differ += not same
            print(f"{'same' if same else 'DIFF'} {scenario} {profile}")
    return 1 if differ else 0


def build(number: str) -> None:
    folder = STAGING / f"calib{number}"
    target = CALIBRATION / f"aveugle-{number}"
    for scenario in SCENARIOS:
        (target / scenario).mkdir(parents=True, exist_ok=True)
        mapping = dict(line.split() for line in (folder / f"map-{scenario}.txt")
                       .read_text(encoding="utf-8").splitlines())
        for profile in mapping.values():
            shutil.copy(folder / scenario / f"{profile}.txt", target / scenario / f"{profile}.txt")
            report = folder / scenario / f"{profile}.compte-rendu.yml"
            if report.exists():
                shutil.copy(report, target / scenario / report.name)
        marks = (folder / f"exam-{scenario}" / "examinateur.yml").read_text(encoding="utf-8")
        marks = re.sub(r"^(eleve-\d):[^\n]*$",
                       lambda m, names=mapping: f"{names[m.group(1)]}:  # {m.group(1)} pour "
                                                f"l'examinateur",
                       marks, flags=re.M)
        (target / scenario / "examinateur.yml").write_text(marks, encoding="utf-8")
    print(f"set copied to {target} (its README is yours to write)")


def dump(out: str, numbers: list[str]) -> None:
    sets = [CALIBRATION / f"aveugle-{n}" for n in numbers] or sorted(
        CALIBRATION.glob("aveugle-*"), key=lambda p: int(p.name.split("-")[1]))
    marks: dict[str, list[object]] = {}
    for blind in sets:
        cells = []
        for folder in sorted(p for p in blind.iterdir() if p.is_dir()):
            figures = measure(folder)
            cells.append(f"{figures.rank_correlation:.2f}/{figures.mean_gap:.2f}/"
                         f"{figures.within_one_level:.0%}" + ("" if figures.on_target else "*")
                         + "".join(f" {s}{g:+.1f}" for s, g in figures.gaming_over))
            for student in students(folder):
                result = graded(folder, student)
                marks[f"{blind.name}/{folder.name}/{student}"] = [
                    result.examiner_mark, result.card.total,
                    {c.id: c.level.value for c in result.card.criteria}]
        print(f"{blind.name:11}", " | ".join(cells), flush=True)
    Path(out).write_text(json.dumps(marks, indent=0), encoding="utf-8")


def compare(before: str, after: str) -> None:
    old, new = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (before, after))
    for key in sorted(set(old) | set(new)):
        if old.get(key) == new.get(key):
            continue
        _, total_old, levels_old = old.get(key, [None, None, {}])
        exam_new, total_new, levels_new = new.get(key, [None, None, {}])
        moved = [f"{c.split('.')[1]} {levels_old.get(c)}→{levels_new.get(c)}"
                 for c in levels_new if levels_old.get(c) != levels_new.get(c)]
        print(f"{key:60} examinateur {exam_new}  {total_old} → {total_new}  ", " ".join(moved))


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    command, args = argv[0], argv[1:]
    if command == "briefs" and len(args) == 1:
        briefs(args[0])
    elif command == "exam" and len(args) == 2:
        exam(args[0], int(args[1]))
    elif command == "verify" and len(args) == 1:
        return verify(args[0])
    elif command == "build" and len(args) == 1:
        build(args[0])
    elif command == "dump" and args:
        dump(args[0], args[1:])
    elif command == "compare" and len(args) == 2:
        compare(*args)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
