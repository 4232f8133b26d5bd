"""The form of a student's question (open, closed, alternative), read from its grammar.

The form is syntax, not meaning: "Vous imprimez beaucoup ?" calls for a yes, a no or a figure
whatever its words, and "Comment gérez-vous vos impressions ?" cannot be answered by yes or no.
The act classifier learns forms from examples and confuses them with the questions' functions
(a closed question read as a check question or an open one); rules on the interrogative words
read the form the way docs/acts.md defines it."""

from __future__ import annotations

import re
from enum import StrEnum

from scenarios.vocabulary import Act

from .text import clean, fold, without_fillers


class QuestionForm(StrEnum):
    OUVERTE = "ouverte"
    FERMEE = "fermee"
    ALTERNATIVE = "alternative"

    @property
    def act(self) -> Act:
        return {QuestionForm.OUVERTE: Act.QUESTION_OUVERTE,
                QuestionForm.FERMEE: Act.QUESTION_FERMEE,
                QuestionForm.ALTERNATIVE: Act.QUESTION_ALTERNATIVE}[self]


FORM_ACTS = frozenset(form.act for form in QuestionForm)

# How a question reads when the speech recogniser left out its question mark: "est-ce que",
# an interrogative word or an inversion ("avez-vous"), after a short lead-in.
SPOKEN_QUESTION = re.compile(
    r"^(?:(?:et|alors|donc|du coup|mais|bon|ok|d'accord|oui|ah|en fait|sinon),?\s+){0,3}"
    r"(?:qu'est[- ]ce|combien|quand|comment|pourquoi|quel|quelle|quels|quelles|ou est|a quelle"
    r"|qui est|qui (?:decide|signe|s'occupe))"
    # "est-ce que" anywhere (also "qu'est-ce que", "qui est-ce qui"), an inversion
    # (an imperative is no inversion: "Rassurez-vous, c'est à nous de régler ça." was read as
    # a question and answered with a fact, in a blind play)
    r"|\best[- ]ce qu|\b(?!(?:rassurez|asseyez|installez|depechez|calmez|inquietez|excusez|"
    r"detendez|imaginez|figurez|souvenez|rappelez|adressez|reposez|occupez|renseignez|"
    # (nor the noun "rendez-vous": "Merci de m'accorder ce rendez-vous." told her signing
    # limit, blind play)
    r"allez|tenez|voyez|dites|croyez|ecoutez|rendez)-)\w+-(?:vous|il|elle|ils|elles|on)\b"
    # an interrogative word at the end ("il serait dispo quand"), a tag ("c'est ça"), an
    # embedded question ("vous savez dans quel délai")
    r"|\b(?:quand|combien|comment|pourquoi|c'est ca|je me trompe|ou pas|ou non)[\s.!]*$"
    # ("quoi" after a verb or a preposition: "vous faites quoi", "c'est pour quoi"; the oral
    # tic "…le click and collect quoi." asks nothing, round 40: read as a question, it took
    # the answer of the real question after it.)
    r"|\b(?:est|c'est|faites|fait|fais|voulez|veux|dites|dis|pensez|penses|proposez|parlez|"
    r"attendez|cherchez|preferez|prenez|choisissez|vendez|de|a|pour|en|sur|avec|sinon|ou)"
    r" quoi[\s.!]*$"
    r"|\bvous savez (?:si|combien|quand|comment|pourquoi|qui|ou|dans quel|quel)\b"
    r"|\bc'est qui\b")

# Open: the answer has to be told ("comment", "pourquoi", "qu'est-ce qui", "que pensez-vous",
# "parlez-moi de"). "Qu'est-ce que c'est, votre adresse ?" is rare enough to be left aside;
# "c'est quoi votre mail" and "quel", "combien", "qui", "quand", "où" ask for one precise
# piece of information: closed, as docs/acts.md defines it.
_OPEN = re.compile(
    r"\b(?:comment|pourquoi|qu'est[- ]ce qu[ie]|que (?:pensez|faites|cherchez|attendez)"
    r"|qu'(?:attendez|entendez|aimeriez|imaginez|envisagez)"
    r"|en quoi|de quelle (?:facon|maniere)|dans quelle mesure"
    r"|parlez[- ]moi|racontez[- ]moi|expliquez[- ]moi|dites[- ]moi (?:comment|pourquoi|ce qu)"
    r"|(?:en )?pensez quoi|(?:que|qu') puis[- ]je|c'est pour quoi"
    r"|vous pouvez me (?:dire|raconter|expliquer|decrire) (?:votre|ce qu|comment|pourquoi))")
# A choice between two named options, not "ou pas" / "ou non" (a plain yes-or-no).
_CHOICE = re.compile(r"\w[\w'€%, -]*\bou (?:bien |plutot )?(?!pas\b|non\b|quoi\b|bien\b\s*$)"
                     r"[\w'-]")
_YES_NO_TAIL = re.compile(r"\bou (?:pas|non|quoi)\b")
# "Et à l'heure de midi ou le dimanche matin, est-ce que la queue vous fait perdre des
# clients ?": the times say when, the question comes after them (a blind play's baker took
# it for a meeting on Sunday).
_ASKED_AFTER = re.compile(r"\bou\b[^,?]*,\s*(?:est-ce qu|comment|pourquoi|combien|"
                          r"y a-t-il|avez-vous|vous avez)")
# "Qu'est-ce qui vous satisfait ou au contraire vous gêne ?" asks one thing both ways, not a
# choice (a blind play heard "Je n'ai pas l'information sous la main" about her own copiers).
_CONTRARY = re.compile(r"\bou (?:au contraire|a l'inverse|a l'oppose|a l'envers)\b"
                       # "…ce qui vous satisfait ou vous gêne avec vos copieurs ?"
                       r"|\b(?:satisfait|plait|convient|aimez|appreciez|marche)\b.{0,20}\bou\b"
                       r".{0,12}\b(?:gene|genent|deplait|derange|ennuie|pose probleme|decoit|"
                       r"manque|coince)\b")


# Where a second question starts inside one sentence: "quelle part en couleur, et est-ce que
# vous numérisez beaucoup ?", "combien vous coûte le contrat, et qui prendra la décision ?".
# Blind reviewers marked every such turn where the customer answered the first half only.
_NEXT_QUESTION = re.compile(
    r"(?i),\s*et\s+|\s+et\s+(?=(?:est[- ]ce|qui\b|quel|combien|comment|pourquoi|quand\b"
    r"|o[uù]\b|pour\b|c[oô]t[ée]\b|au niveau\b|niveau\b|y a\b|il y a\b|vous\b))")


# A check put to her, then another question in the same breath ("le contrat finit dans trois
# mois c'est ça, vous avez un budget en tête ?" got the end of the contract, not a word of
# the budget, round 49): the check closes the first clause.
_AFTER_CHECK = re.compile(r"(?i)(\bc'est (?:bien )?(?:ça|ca|cela)|\bn'est-ce pas)\s*,\s*(?=\S)")


def question_clauses(sentence: str) -> list[str]:
    """The questions one sentence asks, in order: several where a coordinated question
    follows the first or a check closes it, else the sentence itself."""
    pieces = _AFTER_CHECK.split(sentence)
    # (split keeps each check with the clause it closes)
    checked = [pieces[i] + (pieces[i + 1] if i + 1 < len(pieces) else "")
               for i in range(0, len(pieces), 2)]
    clauses = [part.strip() for piece in checked for part in _NEXT_QUESTION.split(piece)]
    return [part for part in clauses if part] or [sentence]


def is_question(sentence: str) -> bool:
    """A question by its mark or, as the speech recogniser writes it, by its words."""
    return sentence.rstrip().endswith("?") or bool(
        SPOKEN_QUESTION.search(fold(without_fillers(sentence))))


def question_form(sentence: str) -> QuestionForm | None:
    """The form of the question a sentence asks, or None when it asks none."""
    if not is_question(sentence):
        return None
    # Options offered make a choice even after an open word ("Qu'est-ce qui compte le plus :
    # le prix ou les délais ?"). "où" (where) folds to "ou" (or): the choice is read unfolded.
    lowered = clean(without_fillers(sentence)).lower()
    if _CHOICE.search(lowered) and not _YES_NO_TAIL.search(lowered) and \
            not _CONTRARY.search(fold(lowered)) and not _ASKED_AFTER.search(fold(lowered)):
        return QuestionForm.ALTERNATIVE
    if _OPEN.search(fold(lowered)):
        return QuestionForm.OUVERTE
    return QuestionForm.FERMEE


# Words that lead into the options ("vous préférez", "plutôt", "on part sur"): not part of them.
# Case-blind, with the inverted subject of a formal question ("Préférez-vous le bon d'achat
# ou l'extension ?" offers "le bon d'achat").
_CHOICE_LEAD = re.compile(
    r"(?i)^.*\b(?:pr[eé]f[eé]rez|pr[eé]f[eé]reriez|voulez|voudriez|aimeriez|souhaitez|choisissez"
    r"|optez|plut[oô]t|on part sur|on fait|on prend|vous prenez|c'est|ce serait)"
    r"(?:-vous|-tu|-t-on)?\b[\s:,]*")
_OPTION_WORDS = 7
_DAY_WORD = re.compile(r"(?i)^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|demain|"
                       r"apr[eè]s-demain)$")
# A second half that asks another question is no option: "ou y a-t-il un point…", "ou est-ce
# que…", "ou avez-vous…", "ou est-elle inutilisable ?" (a question about her situation, not
# two things to choose from).
# ("Vous avez deux minutes ou c'est pas le moment ?" asks for her time: "La première
# solution, plutôt." to it, blind play.)
_WHAT_IT_MEANT = re.compile(r"\W*(?:(?:non|oui|d'accord|ok),? a quoi|c'est-a-dire|vous voulez dire"
                            r"|vous parlez d)\b")
_NOT_AN_OPTION = re.compile(r"(?:y a-t-il|y a t il|il y a|est-ce|avez-vous|voyez-vous|"
                            r"(?:c'est |ce n'est )?pas (?:le|un bon) moment|"
                            r"auriez-vous|vous avez|vous voyez|quelque chose|autre chose|"
                            r"\w+-(?:t-)?(?:il|elle|ils|elles|on)\b)")
_DETAIL = re.compile(r"\b(?:nom|numero|reference|mail|e-mail|adresse|telephone|portable|"
                     r"coordonnees|code postal|date de (?:naissance|commande|livraison))\b")
_HER_DETAILS = re.compile(r"\b(?:donner|dire|communiquer|rappeler|confirmer|epeler|indiquer)\b"
                          rf".*{_DETAIL.pattern}")
_SOMEONE_ELSE = re.compile(r"\b(?:quelqu'un d'autre|une autre personne|quelqu'un au-dessus)\b")
# A half that states how things are for her ("ils vous posent des problèmes ou ça va ?",
# "la machine est branchée ou l'avez-vous utilisée ?") asks about her situation, a fact she
# answers, not two things offered to choose from: blind plays heard "Ça va, ce sera mieux
# pour moi" and "La machine est branchée, ce sera mieux pour moi" after the fact said no.
# A half that asks her preference ("…ou vous préférez en visio ?") offers a choice.
PREFERENCE = re.compile(r"(?i)\b(?:pr[eé]f[eéè]r\w*|voudriez|aimeriez|souhaitez|choisissez|"
                         r"optez|plut[oô]t)\b")
# ("C'est vous qui faites le pain vous-même ou c'est surgelé ?" asks who does it: "La première
# solution, plutôt.", blind play.)
# ("…ou on fait ça en visio ?" offers the visio: "ça en" is no situation of hers, round 53.)
_SITUATION = re.compile(r"(?:et |mais )?(?:(?:ils?|elles?|ca|cela) (?!le\b|la\b|les\b|en\b|a\b|"
                        r"au\b|par\b|chez\b|dans\b|sur\b)\w+"
                        r"|vous qui \w+"
                        r"|c'est (?!bien\b)\w+$|(?:\w+')?\w+-vous\b"
                        r"|(?:la|le|votre) \w+ (?:est|sont|marche|fonctionne)\b)")
_ASKED_ABOUT_HER = re.compile(r"\b\w+-(?:t-)?(?:il|elle|ils|elles)\b|\best-ce qu")
# ("La porte elle est fendue comment, genre juste le verre ou c'est toute la porte ?" asks
# how: "Plutôt toute la porte, je pense." to it, blind play.)
_EXAMPLES = re.compile(r"\b(?:par exemple|notamment|comme|genre|comment)\b")
_OPTION_START = re.compile(r"(?i)^(?:à|a|au|aux|en|par|sur|chez|avec|dans)$")
# Words a noun option starts with: "un bon d'achat… ou une extension…" are parallel.
# "le créneau de 8 h à 12 h ou celui de 14 h à 18 h": "celui" stands for "le créneau".
_DETERMINER = re.compile(r"(?i)^(?:un|une|le|la|les|l'\S+|des|du|votre|vos|\d+\S*|celui|celle"
                         r"|ceux|celles)$")
# Words an option never ends with: a cut made mid-phrase ("un an de garantie supplémentaire
# sur", said back in a blind play) goes back to the last full word.
_DANGLING = {"à", "a", "au", "aux", "de", "du", "des", "d'", "en", "par", "sur", "pour", "avec",
             "dans", "chez", "le", "la", "les", "l'", "un", "une", "et", "ou", "votre", "vos",
             "prochain", "prochaine", "valable", "nouveau", "nouvel", "nouvelle", "autre", "petit",
             "petite"}


_OPINION_ONLY = re.compile(r"^\W*(?:(?:et|alors|donc|bon|euh) )*(?:qu'en (?:pensez|dites)-vous"
                           r"|vous en (?:pensez|dites) quoi|qu'est-ce que vous en (?:pensez|dites)"
                           r"|(?:ca|cela) vous (?:parle|plait|dit)|votre avis|"
                           r"qu'en penses-tu|t'en penses quoi|tu en penses quoi)\W*$")
# (Whatever the subject: "est-ce que ces trois points répondent à vos attentes ?", "la
# MX-5000 vous semble répondre à vos besoins ?" got her first need said again, blind plays.)
_FIT_CHECK = re.compile(r"\b(?:repond|correspond)(?:ent|rait|raient)? (?:bien |vraiment |"
                        r"parfaitement )?(?:a|aux) (?:votre|vos|ce que|tes|ton|ta)\b"
                        r"|\b(?:vous|te) sembl\w* (?:repondre|correspondre)\b")


def checks_fit(text: str) -> bool:
    """ "Est-ce que ces trois points répondent à vos attentes ?": whether the offer fits."""
    return bool(_FIT_CHECK.search(fold(text)))


def asks_opinion(sentence: str) -> bool:
    """ "Qu'en pensez-vous ?", "est-ce que cela répond à votre exigence de confidentialité ?":
    her opinion of what was just said, not a question about her situation."""
    folded = fold(sentence)
    return bool(_OPINION_ONLY.match(folded) or _FIT_CHECK.search(folded))


def asks_details(sentence: str) -> bool:
    """Whether a sentence asks for her name, her order number, her address…"""
    return bool(_HER_DETAILS.search(fold(sentence)))


# A choice offered without a question mark ("je vous propose au choix un bon d'achat de 30 €
# ou une extension de garantie.", round 41: she answered the slot and never chose).
_CHOICE_OFFERED = re.compile(r"\b(?:au choix|(?:vous avez|tu as) le choix entre)\b.* ou ")


def choice_options(sentence: str) -> tuple[str, str] | None:
    """The two options of an alternative question, as the student said them: "Vous
    préférez en boutique ou en visio ?" → ("en boutique", "en visio")."""
    if question_form(sentence) is not QuestionForm.ALTERNATIVE and \
            not _CHOICE_OFFERED.search(fold(sentence)):
        return None
    if _WHAT_IT_MEANT.match(fold(sentence)):
        # "Non à quoi, à l'influenceur ou à ma cousine ?" asks what her word was about: "La
        # deuxième solution, ce sera mieux" chose between things nobody offered (round 46).
        return None
    text = clean(without_fillers(sentence)).strip().rstrip(" ?!.…")
    if people := _WHICH_OF.search(text):
        # "Qui de Sophie ou de Mathieu préférez-vous libérer ?" offers the two people, not
        # "et qui de Sophie" and "libérer" ("Plutôt et qui de Sophie, je pense", round 55).
        return people.group(1), people.group(2)
    # ("je vous propose au choix un bon d'achat… ou une extension…": the options follow.)
    text = re.split(r"\b(?:au choix|(?:vous avez |tu as )?le choix entre)\s*:?\s*", text,
                    maxsplit=1, flags=re.IGNORECASE)[-1]
    # ("…un bon d'achat de 30 €, ou si vous préférez, une extension de garantie" offers the
    # extension: she answered with her wish for a gesture, blind play.)
    halves = re.split(r",?\s+ou\s+(?:bien\s+|plut[oô]t\s+|sinon\s+|alors\s+|si (?:vous |tu )?"
                      r"(?:le )?pr[ée]f[ée]r(?:ez|es),?\s+)?", text,
                      maxsplit=1, flags=re.IGNORECASE)
    if len(halves) != 2:
        return None
    before = re.split(r"\s*[,:;]\s+|[.!?…]\s+", halves[0])[-1]
    # The option ends at the first pause or sentence end ("…d'un an. Que choisissez-vous").
    after = re.split(r"\s*[,:;]\s+|[.!…]\s+", halves[1])[0]
    if _NOT_AN_OPTION.match(fold(after)):
        return None  # "ça répond à vos attentes, ou y a-t-il un point qui bloque ?"
    if re.search(r"\b(?:de|pour) quoi$", fold(after)):
        # Her own words asked back: "Le matin ou l'après-midi de quoi ?" got "L'après-midi,
        # donc." (round 40).
        return None
    if _HER_DETAILS.search(fold(halves[0])) and _DETAIL.search(fold(after)):
        # "Vous pouvez me donner votre nom ou le numéro de commande ?" asks for her details,
        # either will do: "Vous ne m'avez rien proposé" to it (blind play).
        return None
    if _SOMEONE_ELSE.search(fold(after)):
        # "C'est vous qui signez ou faut voir avec quelqu'un d'autre ?" asks who decides:
        # "Faut voir avec quelqu'un d'autre, plutôt." after the answer (blind play).
        return None
    right = _CHOICE_LEAD.sub("", after).split()
    left = _CHOICE_LEAD.sub("", before).split()
    # (A half led by "vous préférez" offers a choice: "il passe à la boutique du Vieux-Lille
    # ou vous préférez en visio ?" got "je ne saurais pas vous dire", blind play.)
    offered = PREFERENCE.search(after) is not None
    if not offered and any(_SITUATION.match(fold(" ".join(side))) for side in (left, right)) \
            and not re.search(r"\d", " ".join([*left, *right])):
        return None  # (not "ça rentre dans les 3000 ou il faut que je refasse le budget ?")
    # ("Thomas préfère-t-il venir à la boutique, ou une visio vous arrange-t-elle ?" asks
    # a preference: "Soit. Et concrètement ?" to it, blind play.)
    if (_ASKED_ABOUT_HER.search(fold(" ".join(left))) or _EXAMPLES.search(fold(before))) \
            and not PREFERENCE.search(before):
        # "les pages couleur sont-elles incluses dans ces 240 €, ou facturées en plus ?"
        # asks about her contract; "comment gérez-vous la confidentialité, par exemple les
        # fiches de paie ou les dossiers clients ?" gives examples: nothing to choose
        # (blind plays heard "Dans ces 240 €, ce sera mieux pour moi").
        return None
    start = _parallel_start(left, right[0]) if right else None
    if start is None and right[1:2] and right[0].lower() in ("de", "entre") and \
            right[1][:1].isdigit():
        # Two time ranges ("de 8 heures à midi ou de 14 heures à 18 heures"): the first
        # starts at its own "de", not at "à midi" (round 46).
        ranges = [i for i, word in enumerate(left[:-1])
                  if word.lower() == right[0].lower() and left[i + 1][:1].isdigit()]
        start = ranges[-1] if ranges else None
    if right and _DAY_WORD.match(right[0]):
        # Two days offered ("lundi prochain de 8 h à 12 h ou mardi de 14 h à 18 h ?"): the
        # first option starts at its day, not at its last hour ("Je dirais à 12 h", blind play).
        days = [i for i, word in enumerate(left) if _DAY_WORD.match(word)]
        start = days[-1] if days and len(left) - days[-1] <= 2 * _OPTION_WORDS else start
    if start is not None and len(left) - start > 1:
        # "je vous fais un bon d'achat de 30 € sur le site, ou une garantie…" offers "un bon
        # d'achat de 30 €"; "sur 48 mois à 289 €, ou sur 60 mois…" offers "sur 48 mois…".
        left = left[start:start + _OPTION_WORDS + _figure_tail(left, start + _OPTION_WORDS)]
    else:
        # (With its determiner: "un mois avant la fin du contrat Copitec" said back as "mois
        # avant la fin…", blind play.)
        cut = len(left) - _OPTION_WORDS
        left = left[cut - 1:] if cut > 0 and _DETERMINER.match(left[cut - 1]) else \
            left[-_OPTION_WORDS:]
        # "Thomas passe vous voir à la boutique" offers "à la boutique".
        start = next((i for i, word in enumerate(left) if _OPTION_START.match(word)), 0)
        left = left[start:]
    left = _whole(left)
    right = _whole(_noun_phrase(right[:_OPTION_WORDS + _figure_tail(right, _OPTION_WORDS)]))
    if not left or not right:
        return None
    # (Without the pause that ended it: "Je dirais un modèle 8 kg équivalent, en stock,.",
    # blind play.)
    return " ".join(left).rstrip(" ,;:"), " ".join(right).rstrip(" ,;:")


# "Que choisissez-vous ?" after the options were said in the sentence before; "…, ou une
# garantie d'un an, comme vous voulez." offers them without a question mark.
_PICK = re.compile(r"\b(?:que choisissez|lequel|laquelle|lesquels|lesquelles|vous preferez quoi|"
                   # (Round 37: "…soit un technicien samedi matin. Ça vous irait quoi ?")
                   r"(?:ca|qu'est-ce qui) vous (?:irait|dit|arrange\w*|convien\w*) (?:le mieux|"
                   r"quoi|plus)|vous (?:choisissez|prenez|voulez) quoi|"
                   r"qu'est-ce que vous preferez|que preferez"
                   r"|qu'est-ce qui vous (?:irait|conviendrait|ferait (?:le plus )?plaisir|"
                   r"arrangerait|arrange(?: le mieux)?|tente(?:rait)?|(?:serait|sera|semble|"
                   r"parait) (?:le plus |la plus )?(?:utile|pratique|adapte|interessant))"
                   r"|quelle (?:option|formule|solution) (?:vous|preferez))")
_PICK_TAIL = re.compile(r"(?i),?\s*(?:comme vous (?:voulez|preferez|pr[ée]f[ée]rez)|au choix|"
                        r"[àa] vous de (?:voir|choisir))\s*[.!?]*$")

# "Qui de Sophie ou de Mathieu…", "lequel entre le mardi ou le jeudi…": the two named after it.
_WHICH_OF = re.compile(r"(?i)\b(?:qui|lequel|laquelle)\s+(?:de|d'entre|entre)\s+"
                       r"((?:l[ae]\s+|l')?\w[\w-]*)\s+(?:ou|et)\s+(?:de\s+|d')?"
                       r"((?:l[ae]\s+|l')?\w[\w-]*)")

_PICK_MID = re.compile(r"(?i),\s*(?:vous choisissez|c'est vous qui (?:choisissez|voyez)|"
                       r"comme vous (?:voulez|pr[ée]f[ée]rez)|au choix|[àa] vous de (?:voir|"
                       r"choisir))\s*[,;]")


def asks_to_pick(folded: str) -> bool:
    """Whether folded words ask her to pick among what was offered ("qu'est-ce qui vous
    arrangerait le mieux ?", "lequel vous convient ?")."""
    return _PICK.search(folded) is not None


def offered_options(sentence: str, before: str | None = None) -> tuple[str, str] | None:
    """The options a turn offers in `sentence`, also when they were said in the sentence
    before it ("…un bon d'achat, ou si vous préférez une extension. Que choisissez-vous ?")
    or end with "comme vous voulez" instead of a question mark."""
    options = choice_options(sentence)
    if options is None and (is_question(sentence) or _OFFERING.search(fold(sentence))):
        options = _either(sentence)
    if options is None and before and _PICK.search(fold(sentence)):
        options = _either(before)
    if options is None and _PICK_TAIL.search(sentence):
        options = choice_options(_PICK_TAIL.sub("", sentence) + " ?")
    if options is None and (pick := _PICK_MID.search(sentence)):
        # The choice left to her mid-sentence: "…livraison samedi, matin ou après-midi, vous
        # choisissez, mais vite hein" got "Oui, c'est bien ça" and no choice (round 55).
        options = choice_options(sentence[:pick.start()] + " ?")
    if options is None and before and _PICK.search(fold(sentence)) and \
            re.search(r"\bou\b", before):
        options = choice_options(before.rstrip(" .!") + " ?")
    return options


# "Je peux vous offrir soit…, soit…" offers; "soit ça marche, soit on arrête" does not.
_OFFERING = re.compile(r"\b(offr\w*|propos\w*|fais|faire|choisi\w*|au choix|solutions|"
                       r"options|possibilites)\b")


_BECAUSE = re.compile(r"(?i)^(?:comme|puisque|vu que|[ée]tant donn[ée] que|si)\b[^,;]*,\s*")


def _either(sentence: str) -> tuple[str, str] | None:
    """"Je peux vous offrir soit un bon d'achat de 30 €, soit une extension d'un an" offers
    two options without "ou"."""
    match = re.search(r"(?i)\bsoit,?\s+(.+?)[,;]?\s+soit,?\s+(.+)$", sentence)
    if match is None:
        return None
    # Each option is what follows its "soit", past a clause that says why ("soit, comme la
    # livraison date de moins de quatorze jours, on vous rembourse…": round 40, where the
    # second "soit" was followed by a comma and nothing was offered), up to the next pause.
    parts = (re.split(r"[,;:.!?…]", _BECAUSE.sub("", part.strip()), maxsplit=1)[0]
             for part in match.groups())
    left, right = (_whole(part.split()[:_OPTION_WORDS]) for part in parts)
    return (" ".join(left), " ".join(right)) if left and right else None


_TO = frozenset({"à", "a", "au", "aux"})


def _parallel_start(left: list[str], head: str) -> int | None:
    """Where the first option starts when the second begins like it: the same preposition,
    or a determiner (with the preposition before it, "à la boutique… ou la visio")."""
    if _OPTION_START.match(head):
        # ("à l'écart avec les 240 €… ou aux 350 € d'installation": "à" and "aux" are one
        # preposition; "Je dirais avec les 240 euros de Copitec" cut the first, round 46.)
        same = _TO if head.lower() in _TO else {head.lower()}
        return next((i for i, word in enumerate(left) if word.lower() in same), None)
    if not _DETERMINER.match(head):
        return None
    first = next((i for i, word in enumerate(left) if _DETERMINER.match(word)
                  and left[i + 1:i + 2] != ["coup"]), None)  # "du coup" is no determiner
    if first and _OPTION_START.match(left[first - 1]):
        return first - 1
    return first


def _noun_phrase(words: list[str]) -> list[str]:
    """A noun option without the verb the student put after it: "une visio vous
    arrange-t-elle davantage" offers "une visio"."""
    if not words or not (_DETERMINER.match(words[0]) or _OPTION_START.match(words[0])):
        return words
    end = next((i for i, word in enumerate(words) if i > 0 and (
        word.lower() in ("vous", "vous-même") or _INVERTED.match(word))), len(words))
    return words[:end]


_INVERTED = re.compile(r"(?i)^\w+-(?:t-)?(?:il|elle|ils|elles|on|vous)\b")


def _figure_tail(words: list[str], end: int) -> int:
    """How many words past `end` finish a time or an amount cut there: "de 8 h à 12" said
    back is no slot."""
    tail = 0
    while end + tail < len(words) and _FIGURE_WORD.match(words[end + tail]):
        tail += 1
    return tail


_FIGURE_WORD = re.compile(r"(?i)^(?:\d+\S*|h|heures?|€|euros?|%|ht|ttc)$")


def _whole(words: list[str]) -> list[str]:
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words = words[:-1]
    return words
