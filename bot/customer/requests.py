"""Questions that ask the customer for something other than a fact: her consent ("ça vous
va ?"), her time ("vous avez deux minutes ?"), whether anything is left ("autre chose ?").
Discovery lets them pass as answered; the customer's core answers them when nothing else does;
closing reads a consent question after a priced offer as a request for her yes. Read on folded
text (bot.text.fold)."""

from __future__ import annotations

import re
from enum import StrEnum

from ..acts import CHECKING_WORDS


class Request(StrEnum):
    CONSENT = "accord"
    PERMISSION = "permission"
    TIME = "temps"
    GO_AHEAD = "poursuivre"
    ACTION = "action"
    ANYTHING_ELSE = "autre chose"
    FLOOR = "vos questions"
    HOLDBACK = "frein"
    CHECK = "vérification"


_PATTERNS = {
    Request.CONSENT: re.compile(r"\b((?:ca|cela) vous (?:va|convient|conviendrait|irait)|vous etes "
                                r"d'accord|vous seriez d'accord|seriez-vous d'accord|"
                                r"vous etes ok|c'est bon pour vous|ok pour vous|"
                                r"on fait comme ca|ca vous dit|etes-vous d'accord|"
                                r"es-tu d'accord)\b"),
    # "C'est possible de les libérer pour animer les ateliers ?" asks leave to do something,
    # not a fact: "Ça, je n'ai pas le chiffre en tête" to it was absurd (blind play).
    Request.PERMISSION: re.compile(
        r"\b(c'est possible de|ce serait possible de|est-ce possible de|ce serait possible que|"
        r"c'est bon si (?:je|j'|on)|ca (?:vous )?(?:derange|gene|pose probleme) si|"
        r"(?:vous )?m'autorise\w*|vous me l'accorde\w*|vous me donnez votre (?:accord|feu vert)|"
        r"vous accept\w+ (?:de|que)|vous seriez d'accord|"
        r"vous voulez bien (?:que|me|qu')|vous me permettez|vous me laisse\w*|"
        r"(?:est-ce que )?(?:je|on) (?:peux|peut|pourrais|pourrait) (?:le |la |les |l'|leur |"
        r"lui )?(?:utiliser|liberer|prendre|"
        r"mettre|installer|afficher|compter sur|emprunter|occuper|disposer"
        # ("je peux envoyer un SMS aux porteurs de la carte ?" got "Ça, je n'ai pas le chiffre
        # en tête", blind play; "Il me reste votre accord pour le SMS : je peux le
        # programmer ?" got the card objective, round 36)
        r"|envoyer|contacter|ecrire|appeler|solliciter|inviter|relancer|programmer|lancer|"
        r"diffuser|faire partir)|votre (?:accord|feu vert|autorisation) pour (?:le|la|les|l'|un"
        r"|une|utiliser|envoyer|contacter))\b"),
    # "Souhaitez-vous que je vous présente le loyer ?" offers to go on: "Je préfère ne pas
    # avancer quelque chose d'inexact" to it was absurd (blind play).
    Request.GO_AHEAD: re.compile(
        r"\b(?:(?:souhaitez|voulez|desirez|aimeriez)-vous (?:que|qu') (?:je|j'|nous|on)|"
        r"vous (?:souhaitez|voulez|desirez|aimeriez) (?:que|qu') (?:je|j'|nous|on)|"
        r"(?:je|on) (?:peux|peut) (?:vous )?(?:presenter|montrer|expliquer|detailler|parler)"
        r"(?= .*\?))"),
    # "Vous avez deux minutes ?" got "Ça, je n'en sais rien. Et ce n'est pas le sujet, si ?"
    # in a blind play.
    # "Vous avez bien une vingtaine de minutes à m'accorder ?" read "l'accord de M. Lefèvre".
    Request.TIME: re.compile(
        r"\b(vous avez|avez-vous|auriez-vous|vous auriez|tu as|t'as|as-tu|vous disposez|"
        # ("Vous m'accordez deux minutes, ou préférez-vous que je vous rappelle ?", round 41)
        r"disposez-vous|vous m'accordez|vous m'accorderiez|m'accordez-vous|"
        # ("Nous avons bien une vingtaine de minutes ?" got "Exact. Rien à corriger.", round 56)
        r"nous avons|avons-nous|on a|nous disposons|on dispose|"
        r"pouvez-vous m'accorder|vous pouvez m'accorder)(?: bien| toujours)? (?:d')?("
        r"(?:deux|2|cinq|5|dix|10|quinze|15|vingt|20|trente|30|quelques|une dizaine de|"
        r"une quinzaine de|une vingtaine de|une trentaine de) (?:minutes|instants)|"
        r"un (?:petit )?(?:moment|instant)|une (?:petite )?(?:minute|demi-heure|heure)|"
        r"un peu de temps)\b"),
    # "Pouvez-vous les envoyer dès aujourd'hui à sav@… ?" asks her to do something: "Comme je
    # vous le disais, la porte est fendue" (the fact its words named) answered nothing (blind
    # play).
    Request.ACTION: re.compile(
        r"\b(?:pouvez-vous|pourriez-vous|vous pouvez|vous pourriez|vous pouvez bien|"
        r"est-ce que vous (?:pouvez|pourriez)|merci de) (?:(?:me |nous |les |l'|la |le |m'en |"
        r"nous en |m'|y |lui ){0,2})(?:envoyer|transmettre|faire parvenir|renvoyer|retourner|"
        r"prendre en photo|photographier|remplir|completer|"
        # ("…une ou deux photos de la porte. Est-ce que vous pouvez les prendre aujourd'hui ?"
        # got her wish for a gesture, round 53.)
        r"(?<=les )prendre|(?<=la )prendre|(?<=l')prendre|"
        # ("Pouvez-vous me rappeler votre nom et votre numéro de commande ?" asks her to say
        # them again, not to call back: "Oui, je m'en occupe tout de suite", round 40.)
        r"rappeler(?!\s+(?:votre|vos|ton|ta|tes|quel|quelle|comment|combien|quand|ou|"
        r"le nom|le numero|la reference|l'adresse|la date)\b)|"
        r"confirmer par (?:mail|ecrit|e-mail)|"
        # (The thing to do named just before: "…envoyer des photos à sav@…. Vous pouvez faire
        # ça aujourd'hui ?" got "Ce que je veux ?", round 37.)
        r"faire (?:ca|cela)|le faire)\b"),
    # "Qu'est-ce qui vous manque pour vous décider ?", "qu'est-ce qui vous bloque encore ?",
    # "reste-t-il un point à régler ?" ask what still holds her back: blind plays heard "Des
    # pannes, oui, régulièrement" and "Je n'ai pas l'information sous la main" to them.
    Request.HOLDBACK: re.compile(
        r"\b(?:(?:qu'est-ce qui|qu'est ce qui|c'est quoi qui|qui) (?:vous |te |t')?(?:bloque|"
        r"bloquerait|retient|retiendrait|freine|freinerait|empeche|empecherait|coince|"
        r"fait hesiter|ferait hesiter|ferait (?:signer|dire oui|changer d'avis)|"
        r"pourrait vous (?:convaincre|decider))"
        # "Qu'est-ce qui vous gêne avec vos copieurs ?" asks about her equipment: these words
        # ask what holds her back only said alone, "encore", or about deciding or the offer.
        r"|(?:qu'est-ce qui|qu'est ce qui|c'est quoi qui) (?:vous |te |t')?(?:manque|"
        r"manquerait|gene|generait|derange|pose (?:encore )?(?:le plus )?(?:probleme|souci))"
        r"(?: (?:encore|le plus|precisement|exactement|surtout|vraiment|"
        r"toujours|aujourd'hui|maintenant|alors|donc))*(?: ?(?:\?|,|:)| ?$| pour (?:vous |te |"
        r"t')?(?:decider|signer|conclure|avancer|engager|dire|valider|passer|prendre (?:votre|"
        r"ta|une|la) decision|trancher|lancer|aller plus loin|franchir le pas)| dans (?:notre|"
        r"ma|cette|l'|mon|nos) ?(?:offre|proposition|projet|conditions))"
        r"|qu'est-ce qu'il (?:vous |te )?(?:manque|faut|faudrait)(?: alors| donc)?(?: encore|"
        r" de plus)? pour (?:que|vous|te|signer|valider|decider|dire oui|conclure)|"
        r"que (?:vous |te )?faudrait-il (?:encore |de plus )?pour|"
        r"(?:reste-t-il|il reste|il vous reste|y a-t-il encore|il y a encore|vous avez encore|"
        r"avez-vous encore) (?:un|une|des|quelque) (?:point|chose|frein|doute|reserve|"
        r"hesitation|obstacle)s?|quel(?:le)? (?:point|element|aspect|frein|reserve|doute|"
        r"hesitation)(?: exactement| precisement)? ?\?|vous hesitez (?:sur|a cause de|pour) quoi|"
        # "Des doutes sur quoi ?" (round 47: "on s'éloigne, là")
        r"(?:des |vos )?(?:doutes?|reserves?|hesitations?) (?:sur|a propos de|de) quoi|"
        r"(?:c'est quoi|quels sont|quelles sont|"
        r"quel est|quelle est) (?:vos|tes|votre|ton|ta) (?:doutes?|reserves?|freins?|"
        r"hesitations?)|ou est-ce que (?:ca|cela) (?:coince|bloque)|(?:avez-vous|vous avez|"
        r"auriez-vous) (?:encore )?(?:une|des) (?:questions? ou (?:une |des )?)?(?:reserves?|"
        r"doutes?|hesitations?|freins?)"
        # ("C'est quoi le souci exactement, c'est trop cher ou c'est moi ?" got "Des pannes,
        # oui, régulièrement", round 37.)
        r"|(?:c'est quoi|quel est) le (?:souci|probleme|blocage)(?: exactement| au juste)?,? "
        r"c'est (?:le prix|trop cher|la duree|moi)|c'est trop cher ou"
        # ("Qu'est-ce qui reste en suspens exactement ? Dites-moi ce qui vous bloque" got the
        # 48-hour repairs fact first, round 45.)
        r"|(?:dites|dis|expliquez|explique)-moi ce qui (?:vous |te |t')?(?:bloque|retient|gene|"
        r"freine|coince|fait hesiter)|qu'est-ce qui (?:reste|est encore) en suspens)"),
    # "Bon allez-y, posez vos questions" got "Je ne saurais pas vous dire" (blind play).
    Request.FLOOR: re.compile(r"\b(?:posez(?:-moi)? (?:vos|tes|toutes vos) questions|pose(?:-moi)? "
                              r"tes questions|(?:avez-vous|vous avez|as-tu|t'as|tu as) des "
                              r"questions|je (?:reponds|repondrai) a (?:vos|tes) questions|"
                              r"des questions de votre cote)\b"),
    # "Donc 12 000 pages par mois, c'est bien cela ?" checks what she said: "Ce n'est pas mal,
    # mais j'ai encore des doutes" to it answered an opinion nobody asked (blind play).
    # (And the file checked: "Il s'agit bien de la commande EM-458921, livrée lundi ?")
    Request.CHECK: re.compile(rf"\b(?:{CHECKING_WORDS}|vous me confirmez|il s'agit bien|"
                              r"s'agit-il bien)\b"),
    # Whether she wants anything more from the student ("je peux faire autre chose pour
    # vous ?", "vous avez d'autres questions ?", "autre chose ?"), not a fact asked with the
    # words: "avez-vous pu constater autre chose sur l'appareil ?" and "les pannes ou autre
    # chose ?" got "Non, c'est bon. Merci." (blind play).
    Request.ANYTHING_ELSE: re.compile(
        r"\b(?:d'autres questions|une autre question|(?:faire|aider|puis|peux|pourrais|"
        r"pouvons|pourrait)\b[^.?!]{0,30}\b(?:autre chose|quelque chose d'autre)|(?:autre "
        r"chose|quelque chose d'autre) (?:pour vous|que je (?:peux|puisse|pourrais)|a (?:ajouter|"
        r"me demander))|besoin d'autre chose|^\W*(?:(?:et|bon|alors|sinon|donc)\W+)*"
        r"(?:est-ce qu'il y a |y a-t-il |il y a |y a |vous avez |avez-vous |vous voyez )?"
        r"(?:autre chose|quelque chose d'autre)\W*$)"),
}


def asks(request: Request, folded: str) -> bool:
    return bool(_PATTERNS[request].search(folded))


def asks_something_else(folded: str) -> bool:
    """Whether a question asks her for one of these rather than for a fact."""
    return any(pattern.search(folded) for pattern in _PATTERNS.values())


# What the student says will be done for her ("je vous mets la livraison dimanche matin", "on
# vous livre samedi"): an offer put to her yes, not a question about her situation.
DOING_FOR_HER = re.compile(r"\b(?:je vous|je te|on vous|on te|nous vous) (?:\w+ )?(?:mets|livre|"
                           r"livrons|envoie|envoyons|fais|faisons|rembourse|remboursons|installe|"
                           r"installons|programme|programmons|reserve|reservons|bloque)\b")
