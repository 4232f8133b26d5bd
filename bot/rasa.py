"""Rasa as an optional external NLU engine, behind the same interface as the built-in one.

Repliq's training data is already in Rasa's format: `export_project` writes a ready-to-train
Rasa 3.x project, and `RasaActScorer` asks a running server (`rasa run --enable-api`,
`POST /model/parse`) for the act of each sentence. Entities and scenario topics stay with
Repliq's own extractors, so both engines see the same amounts, dates and topics."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

from ruamel.yaml import YAML

from scenarios.vocabulary import Act

from .acts import ActScore
from .nludata import NluData, load

ENTITY_TYPES = ("montant", "pourcentage", "duree", "date", "email", "telephone",
                "numero_commande")
REGEXES = {
    "email": [r"[\w.+-]+@[\w-]+(\.[\w-]+)+"],
    "telephone": [r"(\+33|0)[1-9]([ .-]?\d{2}){4}"],
    "numero_commande": [r"\b[A-Z]{2,4}-?\d{5,}\b"],
    "pourcentage": [r"\d+([.,]\d+)? ?%"],
    "montant": [r"\d{1,3}( \d{3})*([.,]\d+)? ?(€|euros?)"],
}
CONFIG = """\
# Rasa 3.x configuration written by « repliq nlu export-rasa ».
recipe: default.v1
assistant_id: repliq_fr
language: fr
pipeline:
  - name: WhitespaceTokenizer
  - name: RegexFeaturizer
  - name: LexicalSyntacticFeaturizer
  - name: CountVectorsFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 2
    max_ngram: 5
  - name: DIETClassifier
    epochs: 100
    constrain_similarities: true
  - name: RegexEntityExtractor
    use_lookup_tables: false
    use_regexes: true
  - name: EntitySynonymMapper
policies: []
"""


class RasaUnavailable(RuntimeError):
    """The Rasa server could not answer; the message says what to do, in French."""


def export_project(target: Path, data: NluData | None = None) -> list[Path]:
    """Write config.yml, domain.yml and data/nlu.yml into `target`; return the files."""
    data = data or load()
    (target / "data").mkdir(parents=True, exist_ok=True)
    yaml = YAML()
    yaml.width = 4096
    written = []
    config = target / "config.yml"
    config.write_text(CONFIG, encoding="utf-8")
    written.append(config)
    domain = target / "domain.yml"
    with domain.open("w", encoding="utf-8") as handle:
        yaml.dump({"version": "3.1", "intents": [act.value for act in Act],
                   "entities": list(ENTITY_TYPES)}, handle)
    written.append(domain)
    lines = ['version: "3.1"', "nlu:"]
    for intent, examples in data.by_intent().items():
        lines += [f"- intent: {intent}", "  examples: |"]
        for example in examples:
            text = example.text
            for kind, value in example.entities:
                text = text.replace(value, f"[{value}]({kind})", 1)
            lines.append(f"    - {text}")
    for name, patterns in {**REGEXES, **data.regexes}.items():
        lines += [f"- regex: {name}", "  examples: |", *(f"    - {p}" for p in patterns)]
    for name, synonyms in data.synonyms.items():
        lines += [f"- synonym: {name}", "  examples: |", *(f"    - {s}" for s in synonyms)]
    nlu = target / "data" / "nlu.yml"
    nlu.write_text("\n".join(lines) + "\n", encoding="utf-8")
    written.append(nlu)
    return written


class RasaActScorer:
    """Speech acts from a Rasa server. `intents` maps Rasa intent names to Repliq acts when
    the model was not trained on Repliq's own names (an exported project needs none)."""

    name = "rasa"

    def __init__(self, url: str = "http://localhost:5005", timeout: float = 5.0,
                 intents: dict[str, str] | None = None) -> None:
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.intents = intents or {}

    def parse(self, text: str) -> dict[str, object]:
        request = urllib.request.Request(
            f"{self.url}/model/parse", data=json.dumps({"text": text}).encode("utf-8"),
            headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise RasaUnavailable(
                f"le serveur Rasa ({self.url}) a répondu {exc.code} — attendu : une réponse "
                "de /model/parse (vérifiez qu'un modèle NLU est chargé)") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise RasaUnavailable(
                f"le serveur Rasa ({self.url}) ne répond pas ({reason}) — lancez-le avec "
                "« rasa run --enable-api », ou utilisez le moteur intégré (sans --rasa)"
            ) from exc
        except json.JSONDecodeError as exc:
            raise RasaUnavailable(f"le serveur Rasa ({self.url}) a renvoyé autre chose que du "
                                  "JSON — attendu : l'API HTTP de Rasa") from exc

    def _act(self, name: object) -> Act | None:
        name = self.intents.get(str(name), str(name))
        try:
            return Act(name)
        except ValueError:
            return None

    def scores(self, sentences: list[str]) -> list[list[ActScore]]:
        result = []
        for sentence in sentences:
            answer = self.parse(sentence)
            ranking = answer.get("intent_ranking") or [answer.get("intent") or {}]
            scores: dict[Act, float] = {}
            for item in ranking:  # type: ignore[union-attr]
                act = self._act(item.get("name"))
                if act is not None:
                    scores[act] = max(scores.get(act, 0.0), float(item.get("confidence", 0)))
            ordered = sorted(scores.items(), key=lambda pair: -pair[1])
            result.append([ActScore(act, confidence) for act, confidence in ordered])
        return result
