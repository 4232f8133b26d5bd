"""The HTML export in a real headless browser (Debian's chromium, installed by the README's
test command): it renders, prints to PDF, and shows the transcript, the grid and the
evidence linked to the turns, at phone width."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from repliq.cli import main

from .test_store import play

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-quic"]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, ("chromium est introuvable : lancez scripts/test.sh en root (ou "
                   "« sudo apt-get install chromium »)")
    return found


def browser(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def exported_page(tmp_path: Path) -> Path:
    """One played session exported as the HTML page a teacher opens."""
    db_path = tmp_path / "html.db"
    play(db_path)
    page = tmp_path / "seance.html"
    assert main(["sessions", "export", "--all", "--format", "html", "--sortie", str(page),
                 "--base", str(db_path)]) == 0
    return page


def test_html_export_renders_in_a_real_browser(tmp_path: Path) -> None:
    url = exported_page(tmp_path).resolve().as_uri()

    dom = browser("--dump-dom", url, profile=tmp_path / "p1").stdout
    assert '<table class="grid">' in dom
    assert "Maîtrise de la relation interpersonnelle" in dom
    assert "Note : " in dom and "/ 20" in dom
    assert 'href="#tour-' in dom  # evidence linked to the turns
    assert 'class="turn student"' in dom and 'class="turn customer"' in dom
    assert "combien de pages imprimez-vous par mois" in dom
    assert "http://" not in dom.split("<body>")[0]  # self-contained: nothing fetched

    shot = tmp_path / "telephone.png"
    browser(f"--screenshot={shot}", "--window-size=412,915", url, profile=tmp_path / "p2")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5_000

    pdf = tmp_path / "seance.pdf"
    browser(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", url, profile=tmp_path / "p3")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 5_000


def test_every_evidence_link_lands_on_the_turn_it_names(tmp_path: Path) -> None:
    # The Bilan cited "tour 7" for the bubble labelled 14, the HTML link "tour 1" went to a
    # turn numbered 2: a turn shows the scorecard's number everywhere (issue 14).
    import re

    html = exported_page(tmp_path).read_text(encoding="utf-8")
    links = re.findall(r'<a href="#tour-(\d+)">tour (\d+)</a>', html)
    assert links
    for anchor, cited in links:
        label = re.search(rf'id="tour-{anchor}"><div class="who">([^<]*)</div>', html)
        assert label and label.group(1).startswith(f"{cited}. Élève"), (anchor, cited, label)
