"""The student's figures read against the price list of the brief (`negociation.tarifs`):
a priced item stated cheaper than the brief allows, or free, is a made-up tariff. Read on
the student's words alone, whatever the customer made of them: the director rarely caught
"les 20 spots et le direct pour 700 €" (1 300 € in the brief), and the grade followed him
(eight blind sets of eleven, examiners 3 to 8/20, Repliq up to +5)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.entities import amounts, normalise_numbers
from bot.text import euros, fold, sentences
from scenarios.model import Scenario, Tariff

# How far after an item's name its price is said ("le direct du samedi matin pour 700 €"); a
# comma, a colon or a semicolon closes the item ("avec le direct, les flyers et un bon de 5 €"
# prices the voucher, not the radio: the excellent student of aveugle-1).
_PRICE_WITHIN = 60
_ITEM_END = re.compile(r"[,;:](?:\s|$)| - ")
# An item named to be dropped is no claim on its price: "sans le direct, 700 €", "les spots
# seuls au lieu du pack avec direct".
_DROPPED = re.compile(r"(?:\b(?:sans|au lieu d\w*|plutot que|hors)\b[^,;:]{0,20}"
                      r"|\b(?:pas (?:de|du|le|la|les)|plus de|enlev\w*|retir\w*|supprim\w*"
                      r"|renonc\w*)(?: (?:le|la|les|l'|du|des|de|d'|un|une|deux))? ?)$")
# An amount that is a difference, or what another item costs, not the item's price: "600 €
# de moins", "on économise 450", "ce qui ramène le kit à environ 1 €" (with a supplier's share,
# aveugle-2), "un bon de 5 €".
_DIFFERENCE_BEFORE = re.compile(
    r"(?:(?:\becono\w*|\bgagn\w*|\bmoins|\bau lieu de|\bbaisse de|\breduction de"
    r"|\brepresente\w*|\bdiff\w*|\becart)\s*(?:de |d'|les |la )?|[-−]"
    r"|\b(?:ramen|redui|descend|tomb)\w*\b[^,;:]{0,25}"
    r"|\b(?:bons?|cheques?|tickets?|remises?|avoirs?)(?: d'achat)? de )$")
_DIFFERENCE_AFTER = re.compile(r"^\s*(?:de moins|d'economie|de plus|d'ecart|de difference"
                               r"|de reduction|en moins|en plus|de mieux)")
# The item itself said to cost nothing: "le direct offert", "ils nous offrent le direct".
_FREE_AFTER = re.compile(r"^[^,.;:]{0,30}?\b(?:offert\w*|gratuit\w*|en cadeau|cadeau|pour rien"
                         r"|a 0 ?(?:€|euros?))")
_FREE_BEFORE = re.compile(r"\boffr\w* (?:gratuitement )?(?:aussi )?"
                          r"(?:le|la|les|l'|du|des)? ?$")
# Two items said together: "le direct du samedi et les spots", "les spots plus le direct".
_JOINING = re.compile(r"\b(?:et|plus|avec)\b|\+")
_PRICED_AS = re.compile(r"\bau (?:meme )?(?:prix|tarif) d(?:u|es|e la|e l'|e)\b")
# Conditions and suppositions claim nothing ("si le fournisseur offrait les kits").
_SUPPOSED = re.compile(r"^(?:et )?(?:si|meme si|imaginons|supposons)\b|\bsi jamais\b")


@dataclass(frozen=True)
class WrongTariff:
    """One made-up tariff: the item, what the student said of it, and the brief's price."""

    tariff: Tariff
    said: str  # how the student priced it: "à 700 €", "offert", "au prix de …"
    sentence: str  # the student's sentence that says it

    @property
    def detail(self) -> str:
        return f"{self.tariff.label} annoncé {self.said}, la fiche dit {euros(self.tariff.price)}"


@lru_cache(maxsize=64)
def _names(keywords: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(fold(word)) for word in keywords)
    return re.compile(rf"\b(?:{words})s?\b")


def _said_of(text: str, tariffs: list[Tariff]) -> list[tuple[int, int, Tariff]]:
    """Where each item is named in the sentence and not named to be dropped."""
    spans = []
    for tariff in tariffs:
        for match in _names(tuple(tariff.keywords)).finditer(text):
            if not _DROPPED.search(text[max(0, match.start() - 30):match.start()]):
                spans.append((match.start(), match.end(), tariff))
    return sorted(spans, key=lambda span: span[0])


def _window(folded: str, named: list[tuple[int, int, Tariff]], index: int) -> int:
    """Where the price of the item named at `index` may be said: up to the next item named
    (its price is that item's), a closing comma or colon, or _PRICE_WITHIN characters."""
    end = named[index][1]
    closed = _ITEM_END.search(folded, end)
    return min(named[index + 1][0] if index + 1 < len(named) else len(folded),
               closed.start() if closed else len(folded), end + _PRICE_WITHIN)


def _joined(gap: str) -> bool:
    return bool(_JOINING.search(gap)) and len(gap) <= 30


def wrong_tariffs(text: str, scenario: Scenario) -> list[WrongTariff]:
    """The items of the scenario's price list this turn states cheaper than the brief, or free
    (each once). A question, a supposition or a difference ("600 € de moins") claims nothing."""
    tariffs = scenario.negotiation.tariffs if scenario.negotiation else []
    if not tariffs:
        return []
    found: dict[str, WrongTariff] = {}
    for sentence in sentences(text):
        if "?" in sentence:
            continue
        folded = fold(normalise_numbers(sentence))
        if _SUPPOSED.search(folded):
            continue
        named = _said_of(folded, tariffs)
        if not named:
            continue
        said = amounts(folded)
        for index, (start, end, tariff) in enumerate(named):
            limit = _window(folded, named, index)
            # A pack named with what it includes is priced as the pack: "le direct et les
            # spots pour 700 €" (aveugle-9).
            later = index
            while later + 1 < len(named) and limit == named[later + 1][0] and \
                    _joined(folded[named[later][1]:limit]) and \
                    named[later + 1][2].id in tariff.includes:
                later += 1
                limit = _window(folded, named, later)
            free = _FREE_AFTER.search(folded[end:limit]) or \
                _FREE_BEFORE.search(folded[max(0, start - 30):start])
            if free and not tariff.given_away:
                found.setdefault(tariff.id, WrongTariff(tariff, "offert", sentence))
                continue
            # "le direct au prix des spots seuls" (aveugle-8).
            priced_as = _PRICED_AS.search(folded, end, limit)
            cheaper = next((other for at, _, other in named
                            if priced_as and priced_as.end() <= at <= priced_as.end() + 12
                            and other.price < tariff.price), None)
            if cheaper is not None:
                found.setdefault(tariff.id, WrongTariff(
                    tariff, f"au prix de « {cheaper.label} » ({euros(cheaper.price)})",
                    sentence))
                continue
            for amount in said:
                if not named[later][1] <= amount.start < limit:
                    continue
                value = amount.value["montant"]
                before, after = folded[:amount.start], folded[amount.start + len(amount.text):]
                if _DIFFERENCE_BEFORE.search(before) or _DIFFERENCE_AFTER.search(after):
                    continue
                if 0 < value < tariff.price or (value == 0 and not tariff.given_away):
                    found.setdefault(tariff.id, WrongTariff(tariff, f"à {amount.text}", sentence))
                break  # the first price after the item is its price
    return list(found.values())
