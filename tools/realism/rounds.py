"""The blind realism rounds of issue 13, as commands: assign plays to blind players, turn their
plays into numbered transcripts for blind reviewers, count the verdicts, keep the plays as dev
dialogues, and compare every kept dialogue's replies between two versions of the engine.

Run from the root of the tree to measure (its `bot/` is the engine played):
    python tools/realism/rounds.py assign 35 3517      # briefs for 3 players, 21 plays
    python tools/realism/rounds.py transcripts 35      # review/*.txt with [R1], [R2]…
    python tools/realism/rounds.py lists 35            # 3 balanced lists + reviewer briefs
    python tools/realism/rounds.py stats 35            # share of partly/off replies
    python tools/realism/rounds.py keep 35 "trente-cinquième" 2026-12-02
    python tools/realism/rounds.py replies OUT.json    # every kept dialogue's replies
    python tools/realism/rounds.py diff A.json B.json  # which replies and outcomes changed
    python tools/realism/rounds.py trace FILE [FROM]   # one dialogue, turn by turn
    REPLIQ_TRACE_PLAN=1 python tools/realism/rounds.py trace FILE   # with every planned part
    python tools/realism/rounds.py coverage [FILE…]   # questions left beside an answered one
Rounds live in $REPLIQ_ROUNDS_DIR (default /work/staging), one folder per round (playsN/).
See tools/realism/README.md for the protocol."""

from __future__ import annotations

import io
import json
import os
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROUNDS = Path(os.environ.get("REPLIQ_ROUNDS_DIR", "/work/staging"))
JOUEES = Path("tests/data/dialogues/jouees")
VARIANTS = {
    "e4-copieur-cabinet": ["base", "budget-serre", "decideur-present", "delai-court"],
    "e4-evenement-responsable": ["base", "budget-2000", "siege-impose-date"],
    "tel-prospection-fidelix": ["base", "barrage", "client-presse", "deja-equipe"],
    "tel-reclamation-lave-linge": ["base", "client-tres-agressif", "hors-delai",
                                   "rupture-stock"],
}
REGISTERS = ("competent", "oral", "hors-script")
PLAYERS, PER_PLAYER = 3, 7


def _round(number: str) -> Path:
    return ROUNDS / f"plays{number}"


def _variant(name: str) -> str | None:
    """The variant of a play file's name (scenario.variant.register.tN-pK-I.txt)."""
    variant = name.split(".")[1]
    return None if variant == "base" else variant


def assign(number: str, seed: str) -> None:
    """Every variant once, six more at random, seven plays per register, seven per player;
    the students' briefs written with `repliq scenarios show`."""
    import subprocess

    rng = random.Random(int(seed))
    pairs = [(s, v) for s, variants in VARIANTS.items() for v in variants]
    plays = pairs + rng.sample(pairs, PLAYERS * PER_PLAYER - len(pairs))
    rng.shuffle(plays)
    registers = list(REGISTERS) * PER_PLAYER
    rng.shuffle(registers)
    folder = _round(number)
    (folder / "briefs").mkdir(parents=True, exist_ok=True)
    for scenario, variant in pairs:
        option = [] if variant == "base" else ["--variant", variant]
        brief = subprocess.run([sys.executable, "-m", "repliq", "scenarios", "show", scenario,
                                *option], capture_output=True, text=True, check=True).stdout
        (folder / "briefs" / f"{scenario}.{variant}.txt").write_text(brief, encoding="utf-8")
    template = (HERE / "player-brief.md").read_text(encoding="utf-8")
    for player in range(PLAYERS):
        rows = []
        for i in range(PER_PLAYER):
            (scenario, variant), register = plays[player * PER_PLAYER + i], \
                registers[player * PER_PLAYER + i]
            name = f"{scenario}.{variant}.{register}.t{number}-p{player + 1}-{i + 1}.txt"
            rows.append(f"{i + 1}. scenario `{scenario}`, variant `{variant}`, register "
                        f"**{register}**, file `{folder / name}` — brief: "
                        f"{folder}/briefs/{scenario}.{variant}.txt\n   command: {HERE}/play.sh "
                        f"{scenario} {variant} {folder / name}")
        brief = template.replace("ROUNDDIR", str(folder)).replace("PLAYSH", str(HERE / "play.sh"))
        (folder / f"p{player + 1}.brief").write_text(
            brief.replace("CONVERSATIONS", "\n".join(rows)), encoding="utf-8")
    print(f"{folder}/p1.brief … p{PLAYERS}.brief")


def _plays(number: str) -> list[Path]:
    return sorted(_round(number).glob(f"*.t{number}-*.txt"))


def transcripts(number: str) -> None:
    """Each play replayed (seed 0), its customer replies numbered for the reviewers."""
    from bot.engine import start_conversation
    from repliq.run_cmd import rehearse, script_lines
    from scenarios import load_scenario
    from scenarios.catalog import BUILTIN_DIR
    from scenarios.vocabulary import Outcome

    out = _round(number) / "review"
    out.mkdir(exist_ok=True)
    for path in _plays(number):
        scenario_id, variant = path.name.split(".")[0], _variant(path.name)
        scenario = load_scenario(BUILTIN_DIR / f"{scenario_id}.yaml", variant)
        rehearsal = rehearse(start_conversation(scenario, variant, 0), script_lines(path),
                             echo_student=False, out=io.StringIO())
        lines = [f"# {path.stem}",
                 f"# scénario : {scenario_id} — variante : {path.name.split('.')[1]}", ""]
        count = 0
        for turn in rehearsal.turns:
            if turn.is_student:
                lines.append(f"Élève : {turn.text}")
            else:
                count += 1
                lines.append(f"[R{count}] {scenario.speaker(turn.who).display_name} : "
                             f"{turn.text}")
        outcome = Outcome(rehearsal.record()["outcome"]).label
        lines += ["", f"(Fin de l'échange — issue : {outcome})"]
        (out / f"{path.stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(path.stem, count)


def lists(number: str) -> None:
    """The transcripts in three lists of about as many replies, one reviewer brief each."""
    folder = _round(number)
    files = sorted((folder / "review").glob("*.txt"),
                   key=lambda f: -f.read_text(encoding="utf-8").count("[R"))
    groups: list[list[str]] = [[] for _ in range(PLAYERS)]
    totals = [0] * PLAYERS
    for file in files:
        k = totals.index(min(totals))
        groups[k].append(str(file))
        totals[k] += file.read_text(encoding="utf-8").count("[R")
    template = (HERE / "review-brief.md").read_text(encoding="utf-8")
    for k, group in enumerate(groups, 1):
        (folder / f"list{k}.txt").write_text("\n".join(group) + "\n", encoding="utf-8")
        (folder / f"review{k}.brief").write_text(
            template.replace("LISTFILE", str(folder / f"list{k}.txt"))
            .replace("OUTFILE", str(folder / f"verdicts{k}.jsonl"))
            .replace("ROUNDDIR", str(folder)), encoding="utf-8")
    print("replies per list:", totals)


def stats(number: str) -> None:
    """Share of replies judged partly or off: overall, per scenario, register, reviewer."""
    rows = []
    for k in range(1, PLAYERS + 1):
        for line in (_round(number) / f"verdicts{k}.jsonl").read_text().splitlines():
            if line.strip():
                rows.append({**json.loads(line), "reviewer": k})

    def show(title: str, key) -> None:  # type: ignore[no-untyped-def]
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for row in rows:
            c = counts[str(key(row))]
            c[0] += 1
            c[1] += row["v"] in ("partly", "off")
            c[2] += row["v"] == "off"
        print(f"== {title}")
        for name in sorted(counts):
            n, bad, off = counts[name]
            print(f"  {name:45s} {100 * bad / n:5.1f} % partly/off {100 * off / n:5.1f} % off "
                  f"(n={n})")

    show("all", lambda r: "all")
    show("scenario", lambda r: r["file"].split(".")[0])
    show("register", lambda r: r["file"].split(".")[2])
    show("reviewer", lambda r: r["reviewer"])
    show("variant", lambda r: ".".join(r["file"].split(".")[:2]))


def keep(number: str, word: str, date: str) -> None:
    """The plays as dev dialogues (jouees/), each with the outcome this engine reaches."""
    sys.path.insert(0, ".")
    from tests.bot.test_dialogues import play

    for path in _plays(number):
        scenario, variant, register = path.name.split(".")[:3]
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
        head = ["# issue attendue : success",
                f"# Jouée en aveugle le {date} (issue 13, {word} série) : une réplique à la fois,"
                " en lisant chaque réponse du client, par un joueur qui n'avait que la "
                "fiche-sujet et DOMAIN.md.", f"# scénario : {scenario}"]
        head += [f"# variante : {variant}"] if variant != "base" else []
        head += [f"# registre : {register}"]
        target = JOUEES / path.name
        target.write_text("\n".join(head + lines) + "\n", encoding="utf-8")
        record, _ = play(target)
        text = re.sub(r"^# issue attendue : \S+", f"# issue attendue : {record['outcome']}",
                      target.read_text(encoding="utf-8"), count=1, flags=re.M)
        target.write_text(text, encoding="utf-8")
        print(record["outcome"], target.name)


def replies(out: str, *files: str) -> None:
    """Every customer reply of the kept dialogues (or of FILES), to diff two engines."""
    sys.path.insert(0, ".")
    from tests.bot.test_dialogues import play

    paths = [Path(f) for f in files] or sorted(JOUEES.glob("*.txt"))
    found = {}
    for path in paths:
        record, _ = play(path)
        found[path.name] = {"outcome": record["outcome"],
                            "replies": [t["text"] for t in record["turns"]
                                        if t["speaker"] == "customer"]}
    Path(out).write_text(json.dumps(found, ensure_ascii=False, indent=0), encoding="utf-8")


def diff(before: str, after: str) -> None:
    """The dialogues whose replies or outcome differ between two `replies` files."""
    old = json.loads(Path(before).read_text(encoding="utf-8"))
    new = json.loads(Path(after).read_text(encoding="utf-8"))
    changed = 0
    for name in sorted(old.keys() & new.keys()):
        if old[name] == new[name]:
            continue
        changed += 1
        was, now = old[name]["outcome"], new[name]["outcome"]
        print(("OUTCOME " if was != now else "") + f"{name}: {was} -> {now}")
        for i, (x, y) in enumerate(zip(old[name]["replies"], new[name]["replies"],
                                       strict=False)):
            if x != y:
                print(f"   R{i}: - {x}\n       + {y}")
    print(changed, "dialogues differ")


def _conversation(path: Path):  # type: ignore[no-untyped-def]
    """A kept dialogue's customer, freshly started, and the student's lines."""
    from bot.engine import start_conversation
    from scenarios import load_scenario
    from scenarios.catalog import BUILTIN_DIR

    text = path.read_text(encoding="utf-8")
    match = re.search(r"^# variante : (\S+)", text, re.M)
    variant = match.group(1) if match else _variant(path.name)
    customer = start_conversation(
        load_scenario(BUILTIN_DIR / f"{path.name.split('.')[0]}.yaml", variant), variant, 0)
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.startswith("#")]
    return customer, lines


@dataclass
class _Plan:
    """The last reply plan: every part the policies planned, and those said."""

    planned: list = field(default_factory=list)
    said: list = field(default_factory=list)


def _watch_plans() -> _Plan:
    """Keep each turn's reply plan as the engine composes it (trace and coverage read it)."""
    from bot.customer import core

    plan, keep = _Plan(), core.compose

    def compose(parts, filler):  # type: ignore[no-untyped-def]
        plan.planned, plan.said = list(parts), keep(parts, filler)
        return plan.said

    core.compose = compose  # type: ignore[assignment]
    return plan


def coverage(*files: str) -> None:
    """How many of the student's questions get their own answer, over the kept dialogues (or
    FILES): in each turn asking her facts, the questions one part of the reply answers, and
    those left while another question of the same turn was answered ("answers only the 48 h
    delay; skips the equipment…", the commonest complaint of blind reviewers)."""
    sys.path.insert(0, ".")
    plan = _watch_plans()
    asked = answered = left = turns = 0
    examples: list[str] = []
    for path in [Path(f) for f in files] or sorted(JOUEES.glob("*.txt")):
        customer, lines = _conversation(path)
        customer.opening()
        for line in lines:
            plan.said = []
            understanding, _ = customer.step(line)
            slots = {i for i, s in enumerate(understanding.sentences)
                     if s.is_question and s.discovers}
            if len(slots) < 2:
                continue
            got = {p.answers for p in plan.said} & slots
            turns += 1
            asked += len(slots)
            answered += len(got)
            if got:
                left += len(slots - got)
                if len(examples) < 30 and slots - got:
                    examples.append(f"{path.name}: {line[:160]}")
            if customer.state.ended:
                break
    print(f"turns with two questions or more: {turns}; questions: {asked}; "
          f"answered each by a part: {answered}; left beside an answered one: {left}")
    print("\n".join(examples))


def trace(file: str, start: str = "0") -> None:
    """One dialogue turn by turn: the acts and topics read, mood, patience, reply parts."""
    customer, lines = _conversation(Path(file))
    # Every part the policies planned, before the reply plan keeps one or two: why a
    # reaction the student expected was not said.
    plan = _watch_plans() if os.environ.get("REPLIQ_TRACE_PLAN") else None
    opening = customer.opening()
    if opening:
        print("C0:", opening.text)
    for i, line in enumerate(lines, 1):
        understanding, reply = customer.step(line)
        if i >= int(start):
            state = customer.state
            print(f"S{i}: {line}\n   acts={sorted(a.value for a in understanding.acts)} "
                  f"topics={sorted(understanding.topics)}")
            before = f"{reply.before.text} || " if reply.before else ""
            print(f"C{i} [{reply.speaker}] mood={state.mood} pat={state.patience} "
                  f"parts={reply.parts}: {before}{reply.text}")
            for part in sorted(plan.planned) if plan else []:
                dropped = "" if any(part is said for said in plan.said) else "DROPPED "
                print(f"     plan {dropped}{part.priority.name}/{part.label}: {part.text}")
        if customer.state.ended:
            print("ENDED", customer.state.outcome)
            break


COMMANDS = {"assign": assign, "transcripts": transcripts, "lists": lists, "stats": stats,
            "keep": keep, "replies": replies, "diff": diff, "trace": trace,
            "coverage": coverage}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    COMMANDS[sys.argv[1]](*sys.argv[2:])
