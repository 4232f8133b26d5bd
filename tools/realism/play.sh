#!/bin/bash
# play.sh SCENARIO VARIANT PLAY.txt — what a blind player runs after each line: the
# whole conversation replayed from the start against the engine under measure
# ($REPLIQ_PLAYTREE, default /work/playtree: a worktree of the commit measured), no grade shown.
tree=${REPLIQ_PLAYTREE:-/work/playtree}
# (Resolved before the cd: players gave relative paths and got "fichier introuvable".)
play=$(realpath -- "$3")
variant=(--variant "$2"); [ "$2" = base ] && variant=()
cd "$tree" && REPLIQ_CACHE_DIR=${REPLIQ_CACHE_DIR:-/tmp/rc_play} .venv/bin/python -m repliq run "$1" \
  "${variant[@]}" --script "$play" --no-save --mode examen 2>&1 | grep -v "^Note :\|^Bilan détaillé"
