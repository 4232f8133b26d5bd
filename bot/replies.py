"""The customer's words: scenario lines first, then banks in the persona's social style
(bot/data/replies_by_style.yml: a blunt director and a warm shopkeeper do not listen or agree
with the same words), then generic banks (bot/data/replies.yml), in the persona's register,
never the same line twice in a row."""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

from scenarios.vocabulary import Register, SocialStyle

BANKS = Path(__file__).parent / "data" / "replies.yml"
STYLE_BANKS = Path(__file__).parent / "data" / "replies_by_style.yml"


@lru_cache(maxsize=1)
def banks() -> dict[str, dict[str, list[str]]]:
    data = YAML(typ="safe").load(BANKS.read_text(encoding="utf-8"))
    return {register: {key: [str(line) for line in lines] for key, lines in entries.items()}
            for register, entries in data.items()}


@lru_cache(maxsize=1)
def style_banks() -> dict[str, dict[str, dict[str, list[str]]]]:
    """style -> register -> key -> lines; a key a style lacks falls back to the generic bank."""
    data = YAML(typ="safe").load(STYLE_BANKS.read_text(encoding="utf-8"))
    return {style: {register: {key: [str(line) for line in lines]
                               for key, lines in entries.items()}
                    for register, entries in registers.items()}
            for style, registers in data.items()}


def _all_entries() -> list[dict[str, list[str]]]:
    return [*banks().values(),
            *(entries for registers in style_banks().values() for entries in registers.values())]


@lru_cache(maxsize=1)
def stock_lines() -> frozenset[str]:
    """Every bank line, in every register and style: what any persona might say, as opposed
    to the lines a scenario gives its own character."""
    return frozenset(line for entries in _all_entries() for lines in entries.values()
                     for line in lines)


@lru_cache(maxsize=1)
def _repeat_prefixes() -> tuple[str, ...]:
    # A prefix naming the person who said it is known by its words before the name.
    return tuple(prefix.split("{")[0] for entries in _all_entries()
                 for key in ("repeat_prefix", "repeat_other_prefix", "ask_again_prefix")
                 for prefix in entries.get(key, []))


# A sound a line may open with ("Hum. Aujourd'hui, on paie 240 €"): after a lead-in it
# would read "Je vous l'ai dit : hum. Aujourd'hui…" (blind play).
# ("Attendez," and "Écoutez," too: "Comme je vous l'ai expliqué, attendez, c'est plus cher",
# round 44.)
_INTERJECTION = re.compile(r"^(?:(?:Ah|Oh) non|Hum|Hm+|Bon|Ah|Oh|Euh|Ben|Bah|Hein|Mouais"
                           r"|Attendez|Écoutez|Tenez)\s*[.!…,]+\s+(?=\S)")
# Nor the words that closed the call the first time ("Je l'ai déjà dit : ah non, internet,
# j'ai déjà donné. Merci bien.", blind play): said again, the doubt stands, the call goes on.
_CLOSER = re.compile(r"(?<=[.!?…])\s+(?:Merci bien|Au revoir|Bonne journée)\s*[.!]$")


# Nor a connective that linked the line to what came before it: "Comme je vous l'ai
# expliqué, et il y a les pages couleur…" (blind play).
_CONNECTIVE = re.compile(r"^(?:Et|Mais|Puis|Alors)\s+(?=\S)", re.IGNORECASE)


# Nor words that announce news ("Je dois vous dire que Copitec…"): said again, it is no
# news ("Je vous l'ai dit : je dois vous dire que…", blind reviewers).
_ANNOUNCING = re.compile(r"^(?:Je dois (?:vous|te) dire|Il faut que je (?:vous|te) dise|"
                         r"Je (?:vous|te) préviens(?: tout de suite)?)(?: que |\s*[:,]\s*)"
                         r"(?=\S)")


_TOPIC_ASKED = re.compile(r"^([\w’'-]+(?: [\w’'-]+)?) \? ([A-ZÀ-Ý])(?=[a-zà-ÿ’' ])")


def continued(lead: str, line: str, names: frozenset[str] = frozenset()) -> str:
    """A line said after a lead-in, its first letter lowered: ("Je vous l'ai dit :",
    "Des pannes, oui.") → "Je vous l'ai dit : des pannes, oui."; a name among `names`
    keeps its capital ("…: Copitec nous propose 250 €", not "copitec")."""
    line = _ANNOUNCING.sub("", _CONNECTIVE.sub("", _INTERJECTION.sub("", _CLOSER.sub("", line))))
    # "Internet ? On m'a déjà fait le coup." said again: "…, internet, on m'a déjà fait le
    # coup", not "Comme je vous le disais, internet ? On m'a…" (blind players).
    line = _TOPIC_ASKED.sub(lambda m: f"{m.group(1)}, {m.group(2).lower()}", line)
    first = re.match(r"[\w-]+", line)
    if _TITLED.match(line) or (first and first.group(0) in names):
        return f"{lead} {line}"  # "M. Benali est au fournil" keeps its capital
    return f"{lead} {line[0].lower()}{line[1:]}"


_TITLED = re.compile(r"^(?:M\.|Mme|Mlle|Me)\s")


def line_sentences(line: str) -> list[str]:
    """The sentences of one of her lines (scenario and bank lines end each with . ! ? …);
    "M. Benali" is not two sentences."""
    return re.split(r"(?<=[.!?…])(?<!\bM\.)(?<!\bMe\.)\s+", line.strip())


def says_again(text: str) -> bool:
    """Whether a line is said again on purpose ("Je vous l'ai dit : …")."""
    return text.startswith(_repeat_prefixes())


# Sentences shorter than this ("Oui.", "D'accord.") are not lines one notices said twice.
_NOTICED = 12


class Voice:
    """Picks lines deterministically from a seeded generator: a line already said in the
    conversation only once every other line of its bank has been (a person does not say
    "Oh, merci, ça fait du bien de l'entendre !" twice in one call), and then not one of the
    last few."""

    def __init__(self, rng: random.Random, recent: list[str]) -> None:
        self.rng = rng
        self.recent = recent  # shared with the state, so a replay avoids the same repeats
        self.used: set[str] = set()

    def pick(self, lines: list[str]) -> str:
        fresh = [line for line in lines if line not in self.used]
        # Nor one that says again a sentence of a line said ("Je vous écoute." then "Je vous
        # écoute. Poursuivez.", blind play).
        said = {sentence for line in self.used for sentence in line_sentences(line)
                if len(sentence) >= _NOTICED}
        fresh = [line for line in fresh if not said & set(line_sentences(line))] or fresh or \
            [line for line in lines if line not in self.recent[-6:]]
        line = self.rng.choice(fresh or lines)
        self.recent.append(line)
        self.used.add(line)
        del self.recent[:-12]
        return line

    def bank(self, key: str, register: Register = Register.VOUVOIEMENT,
             style: SocialStyle | None = None, **values: str) -> str:
        lines = self.lines(key, register, style)
        if style is not None and all(line in self.used for line in lines):
            # Her style's lines are all said: the generic ones, rather than a repeat.
            lines = self.lines(key, register)
        return self.pick(lines).format(**values)

    @staticmethod
    def has(key: str) -> bool:
        return key in banks()["vouvoiement"]

    @staticmethod
    def lines(key: str, register: Register = Register.VOUVOIEMENT,
              style: SocialStyle | None = None) -> list[str]:
        name = "tutoiement" if register == Register.TUTOIEMENT else "vouvoiement"
        if style is not None:
            styled = style_banks().get(style.value, {}).get(name, {}).get(key)
            if styled:
                return styled
        return banks()[name][key]
