#!/usr/bin/env bash
# Prepare Repliq on a Debian-like machine: system packages (when root), a virtual
# environment in .venv and the Python packages. Idempotent: a second run only checks.
# Usage: scripts/setup.sh [extra]   (extra: "test" also installs the test tools)
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)
cd "$root_dir"
extra=${1:-}

# --- system packages -------------------------------------------------------
system_packages=(espeak-ng libportaudio2)
if [ "$extra" = "test" ]; then
  # The HTML export is checked in a real headless browser, the application inside tmux, the
  # microphone commands on a virtual sound card (../shared/tools/virtual-mic: a PulseAudio
  # null sink, reached by PortAudio through the ALSA pulse plugin).
  system_packages+=(chromium tmux pulseaudio pulseaudio-utils libasound2-plugins)
  # `repliq sessions reparer` uses `sqlite3 … .recover` where that tool can run it (not
  # Debian's build: Repliq then reads the pages itself); its test replays through the tool.
  system_packages+=(sqlite3)
fi
python_bin=${REPLIQ_PYTHON:-}
if [ -z "$python_bin" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python_bin=$candidate; break; fi
  done
fi
if [ -z "$python_bin" ]; then
  echo "Repliq : Python 3.11 ou plus récent est introuvable. Installez-le : apt-get install python3 python3-venv" >&2
  exit 1
fi
if ! "$python_bin" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Repliq : $python_bin est trop ancien (Python 3.11 ou plus récent requis)." >&2
  exit 1
fi
# Debian splits venv/ensurepip out of the interpreter package.
if [ ! -x .venv/bin/python ] && ! "$python_bin" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  system_packages+=("python3-venv")
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${system_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Repliq : installation des paquets système manquants : ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Repliq : paquets système manquants (voix et audio) : ${missing[*]}"
    echo "         installez-les avec : sudo apt-get install ${missing[*]}"
  fi
fi

# --- virtual environment and Python packages --------------------------------
if [ ! -x .venv/bin/python ]; then
  echo "Repliq : création de l'environnement virtuel .venv"
  if ! "$python_bin" -m venv .venv; then
    rm -rf .venv
    echo "Repliq : impossible de créer l'environnement virtuel ; installez : sudo apt-get install python3-venv" >&2
    exit 1
  fi
fi
spec="."
[ -n "$extra" ] && spec=".[$extra]"
# Reinstall only when the dependencies or the requested extras change (an install with the
# test extras also serves a plain launch).
stamp=".venv/.repliq-installed"
deps_hash=$(sha256sum pyproject.toml | cut -d' ' -f1)
installed=false
if [ -f "$stamp" ]; then
  if [ -z "$extra" ]; then
    grep -q "^$deps_hash" "$stamp" && installed=true
  else
    grep -qxF "$deps_hash $extra" "$stamp" && installed=true
  fi
fi
if [ "$installed" = false ]; then
  echo "Repliq : installation des paquets Python ($spec)"
  log=.venv/pip-install.log
  if ! { .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip &&
         .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"; } \
       >"$log" 2>&1; then
    cat "$log" >&2
    echo "Repliq : l'installation des paquets Python a échoué (détails ci-dessus, et dans $log)." >&2
    exit 1
  fi
  echo "$deps_hash $extra" >>"$stamp"
fi
