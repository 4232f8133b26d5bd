"""Rasa as an optional engine: the exported project, and the client tested against real
`/model/parse` answers recorded from a Rasa 3.6 server (../shared/rasa/)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from bot.nludata import load
from bot.rasa import RasaActScorer, RasaUnavailable
from bot.understand import Understander
from repliq.cli import main
from scenarios.vocabulary import Act

from ..conftest import ROOT

RECORDED = json.loads((ROOT.parent / "shared" / "rasa" / "model-parse-responses.json")
                      .read_text(encoding="utf-8"))
# The recorded model was trained on English intent names; an exported Repliq project needs
# no mapping since it uses Repliq's act identifiers.
MAPPING = {"greet": "salutation", "ask_open_question": "question_ouverte",
           "ask_closed_question": "question_fermee", "propose_price": "annonce_prix",
           "empathize": "empathie", "book_appointment": "proposition_rdv",
           "handle_objection": "traitement_objection", "reformulate": "reformulation"}


@pytest.fixture
def rasa_server() -> Iterator[str]:
    answers = {item["request"]["text"]: item["response"] for item in RECORDED}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if self.path != "/model/parse" or "text" not in body:
                self.send_response(500)
                self.end_headers()
                return
            answer = answers.get(body["text"], answers[""])
            payload = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_client_reads_real_rasa_answers(rasa_server: str) -> None:
    scorer = RasaActScorer(rasa_server, intents=MAPPING)
    scores = scorer.scores(["Je comprends tout à fait votre colère.",
                            "Seriez-vous disponible mardi prochain à 14 heures ?"])
    assert scores[0][0].act == Act.EMPATHIE
    assert scores[0][0].confidence == pytest.approx(0.990, abs=0.001)
    assert scores[1][0].act == Act.PROPOSITION_RDV


def test_rasa_engine_behind_the_same_interface(rasa_server: str) -> None:
    engine = Understander(RasaActScorer(rasa_server, intents=MAPPING))
    turn = engine.understand("Je vous propose 1 200 euros avec une remise de 15 %.")
    assert Act.ANNONCE_PRIX in turn.acts
    # Entities come from Repliq's own extractors, whichever engine classifies acts.
    assert [(e.type, e.value) for e in turn.entities] == [
        ("montant", {"montant": 1200.0, "devise": "EUR"}), ("pourcentage", 15.0)]


def test_server_down_is_a_clear_french_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(RasaUnavailable, match=r"ne répond pas.*rasa run --enable-api"):
        RasaActScorer(f"http://127.0.0.1:{port}", timeout=1).scores(["Bonjour"])


def test_run_with_rasa_down_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    script = tmp_path / "s.txt"
    script.write_text("Bonjour madame.\n", encoding="utf-8")
    assert main(["run", "e4-copieur-cabinet", "--script", str(script),
                 "--rasa", "http://127.0.0.1:9"]) == 1
    assert "le serveur Rasa (http://127.0.0.1:9) ne répond pas" in capsys.readouterr().err


def test_export_writes_a_complete_rasa_project(tmp_path: Path) -> None:
    assert main(["nlu", "export-rasa", str(tmp_path / "projet")]) == 0
    project = tmp_path / "projet"
    yaml = YAML(typ="safe")
    domain = yaml.load((project / "domain.yml").read_text(encoding="utf-8"))
    assert set(domain["intents"]) == {act.value for act in Act}
    config = yaml.load((project / "config.yml").read_text(encoding="utf-8"))
    assert config["language"] == "fr"
    exported = load([project / "data" / "nlu.yml"])
    original = load()
    assert len(exported.examples) == len(original.examples)
    assert sum(len(e.entities) for e in exported.examples) == \
        sum(len(e.entities) for e in original.examples)
    assert "email" in exported.regexes
    assert main(["nlu", "export-rasa", str(project)]) == 1  # not empty: asks for --force


def test_eval_prints_metrics_and_confusion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nlu", "eval"]) == 0
    out = capsys.readouterr().out
    assert "F1 macro :" in out and "Matrice de confusion" in out
    macro = float(out.split("F1 macro : ")[1].split()[0])
    assert macro >= 0.90


def test_parse_prints_one_json_object_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nlu", "parse", "Bonjour, je suis Léa de Bureau Plus."]) == 0
    result = json.loads(capsys.readouterr().out)
    acts = {a["id"] for s in result["sentences"] for a in s["acts"]}
    assert "presentation" in acts
    assert all("label" in a and "confidence" in a for s in result["sentences"]
               for a in s["acts"])


def test_parse_reads_lines_on_standard_input() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "repliq", "nlu", "parse"],
                            input="Bonjour madame.\nMerci, au revoir.\n", capture_output=True,
                            text=True, check=True)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["text"] for line in lines] == ["Bonjour madame.", "Merci, au revoir."]
    acts = {a["id"] for s in lines[1]["sentences"] for a in s["acts"]}
    assert {"remerciement", "prise_de_conge"} <= acts
