"""Where the customer doubts a claim no seller can make: a guaranteed result ("je vous
garantis +30 % sur avril", "vous doublez votre chiffre, garanti", "zéro panne"), or a gift
no sales policy allows ("le toner gratuit à vie", "une tablette offerte si vous signez", "un
an d'abonnement gratuit" to the assistant who puts the call through). A real customer does
not let it pass (blind plays: "Voilà, là on commence à parler sérieusement" to the first, "Mm,
je vous suis" to the last); a contractual guarantee ("intervention garantie sous 4 heures")
or a gesture the scenario allows ("installation offerte") is an argument or a concession,
not this. Nor does she let pass a promise taken back ("oubliez, j'ai dit n'importe quoi"), a
discount the seller admits is not theirs to give ("normalement non, mais je m'arrangerai"),
or a condition put on her reviews ("enlevez vos messages sur le site"), a scheme to hide
something from those who must know, work offered unpaid, a lie owned up to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scenarios.vocabulary import Act, Channel, Event, Kind, SpeakerRole

from ..entities import normalise_numbers
from ..text import fold
from .reply import Priority, ReplyKind, ReplyPart, Stance

if TYPE_CHECKING:
    from ..understand import Understanding
    from .core import Customer

_PROMISING = re.compile(r"\b(garanti\w*|je vous (le )?promets|c'est promis|promis|assure|sur ma "
                        r"tete|je vous (le )?jure|je te (le )?jure|c'est sur a 100 ?%)\b")
# A machine said never to fail, vouched for or not ("avec notre machine, des pannes vous en
# aurez plus jamais, zéro, elle tombe jamais en panne", round 46: only the jibe at the rival
# was answered).
_NEVER_FAILS = re.compile(r"\b(?:tombe|tombera|tombent|est|sera) (?:jamais|plus jamais) en panne"
                          r"|\bzero panne\b|\bplus jamais (?:de|une) panne|\bpannes?,? vous en "
                          r"aurez plus\b"
                          # Unlimited printing, a repair within the hour ("chez nous c'est
                          # illimité, vous imprimez ce que vous voulez… la maintenance c'est
                          # sous une heure", round 51: "Oui. C'est ça.")
                          r"|\billimit\w*[^.?!]{0,40}\bimprim\w*|\bimprim\w*[^.?!]{0,30}"
                          r"\billimit\w*|\b(?:maintenance|technicien|intervention|depannage)\b"
                          r"[^.?!]{0,30}\bsous (?:une|1) ?(?:heure|h)\b"
                          # Said plainly, without "imprimez" or a guarantee ("je vous mets la
                          # couleur illimitée", "intervention en une heure, quoi qu'il arrive",
                          # blind sets: "Oui… je note."); "la couleur n'est pas illimitée" is
                          # not adjacent.
                          r"|\b(?:couleur|pages?|copies|impressions?|tirages?)(?: couleur| noir"
                          r" et blanc)? (?:en )?illimit\w*|\b(?:intervention|intervient|"
                          r"interviendra|depann\w*|technicien (?:est|sera|arrive|passe|"
                          r"vient|viendra))\b[^.?!]{0,30}\b(?:en (?:une|1) ?(?:heure|h)\b|dans "
                          r"l'heure|en moins d'une heure)"
                          # Pages over the allowance never billed, a price match no policy
                          # has ("si jamais vous dépassez les 3 000 pages couleur, je ne vous
                          # facturerai pas le dépassement", "si vous trouvez moins cher
                          # ailleurs, je vous rembourse la différence": three blind copier
                          # students, aveugle-40 to -42, doubted by none; the examiners
                          # counted both as promises outside the policy.)
                          r"|\b(?:ne (?:vous )?(?:le |la |les )?factur\w* (?:pas|jamais|rien)"
                          r"|pas de factur\w*|sans (?:factur\w*|frais))\b[^.?!]{0,30}\bdepassement"
                          r"|\bdepassement\w*\b[^.?!]{0,30}\b(?:(?:jamais|pas|non) factur\w*|"
                          r"offert\w*|gratuit\w*)|\bsans depassement\w* factur\w*"
                          r"|\bmoins cher\b[^.?!]{0,60}\brembours\w* la difference\b"
                          r"|\brembours\w* la difference\b[^.?!]{0,60}\bmoins cher\b")
_RESULT = re.compile(
    # ("plus 30 % de chiffre d'affaires en un mois, sinon remboursé": said, not written.)
    r"((?:\+|\bplus) ?\d+ ?%|\d+ ?% (de plus|en plus|minimum)|"
    # ("je vous garantis personnellement 20 % de ventes en plus le dimanche, sinon on vous
    # rembourse", aveugle-15: "Mardi à 14 h : très bien")
    r"\d+ ?% (?:de |d')(?:ventes?|chiffre d'affaires|ca|clients?|cartes?|frequentation"
    r"|passage|adhesions?) (?:de plus|en plus|supplementaires?)|"
    r"\b(gagner|augmenter|booster) (de )?\d+ ?%|"
    r"\bdoubl\w*|\btripl\w*|\bzero (panne|souci|probleme|risque)|"
    r"\bplus (jamais|aucune?) (de )?panne|\baucune panne|\bjamais en panne|\ba vie\b"
    r"|\bexplos\w*|\bcartonn\w*|\bfortune\b"
    # A number of customers, cards or sales vouched for ("je vous garantis 500 cartes minimum",
    # "1 000 nouvelles cartes, minimum", blind plays: no reaction).
    r"|\b\d[\d ]*(?: [\w-]+){0,3},? (?:minimum|au minimum|au moins)\b"
    # ("on fait au moins 1 000 cartes fidélité sur le week-end", round 38)
    r"|\b(?:au moins|minimum|au minimum) \d"
    # "Je vous en garantis 400 sur le week-end", "ça ramène du monde, je vous le garantis"
    # (round 43: "Oui. Clair.", "Oui. La suite.")
    r"|\b(?:en )?garanti\w* \d|\bramen\w* du monde"
    # "je vous garantis les 200 cartes sur le week-end… les 200 sont acquises" (aveugle-3:
    # "Confirmé.")
    r"|\bgaranti\w* (?:les|vos|des) \d|\b(?:sont|est) (?:acquises?|acquis|dans la poche)\b"
    # A response time no contract gives ("le technicien arrive dans l'heure, garanti",
    # round 44: she lifted her worry about delays).
    # (Not "un mail de confirmation dans l'heure" in a recap that names the warranty.)
    r"|\b(?:technicien|arrive|intervient|intervention|sur place|depann\w*|repar\w*)\b"
    r"[^.?!]{0,30}\b(?:dans l'heure|en moins d'une heure|en (?:une|1) heure (?:chrono|max)\w*)"
    # "…un copieur de remplacement chez vous en une heure, même le dimanche" (round 49: only
    # the price was answered)
    r"|\b(?:remplacement|chez vous|livr\w*)\b[^.?!]{0,30}\b(?:dans l'heure|en moins d'une "
    r"heure|en (?:une|1) heure)\b|\bmeme le dimanche\b)")
# A gift, and what makes it one no seller may give: for life, a year, an object, money.
# ("…et je vous rajoute une machine à café Nespresso pour la salle de pause, ça c'est moi qui
# régale", round 38: no reaction.)
_GIFT = re.compile(r"\b(gratuit\w*|offert\w*|cadeau\w*|gratos|je (vous|te) (l'|le |la |les )?"
                   r"(offre|fais offrir|rajoute|ajoute|donne|file)|pour rien|c'est moi qui "
                   r"regale|je regale)\b")
# What no gesture of a sales policy gives: for ever, without limit, objects and money.
_BEYOND_ANY = (
    r"a vie|pour toujours|illimite\w*|sans limite|tablette|"
    # ("un week-end" given; "les ateliers gratuits… ce week-end-là" is when, blind play)
    r"ipad|iphone|smartphone|ordinateur|televiseur|tele|voyage|croisiere|un week-end|cheque|"
    r"virement|liquide|cash|billets?|bouteille|champagne|resto|restaurant|machine a cafe|"
    r"cafetiere|nespresso|"
    # ("toner couleur offert pendant toute la durée du contrat", aveugle-8: no reaction)
    r"toute la duree|tout le contrat")
_BEYOND_POLICY = re.compile(
    rf"\b({_BEYOND_ANY}|(un|1|une|deux|2) an(s|nee)?|"
    r"(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|[2-9]|1[0-9]) mois)\b")
# Beside a gift the scenario allows ("les trois mois de toner couleur"), its own duration is
# the policy's; an object or money given with it is not ("…et une machine Nespresso", round
# 51: "Entendu. Je signe.").
_BEYOND_ALLOWED = re.compile(rf"\b({_BEYOND_ANY})\b")
# A device named as where the product runs, not as a gift ("premier mois offert, et la carte de
# fidélité sur smartphone est comprise", aveugle-23: "Cadeau ? Méfiez-vous de ce que vous
# promettez", and a top student graded 8 for 19 for a promise outside the policy).
_MEDIUM = re.compile(r"\b(?:sur|dans|via|depuis|par) (?:le |la |les |l'|un |une |votre |vos |leur |"
                     r"leurs |son |sa |ses |leur )?(?:smartphone|telephone|portable|tablette|"
                     r"ordinateur|iphone|ipad|tele)s?\b")
_NEAR = 25  # characters around the gift word where its object or its duration is said
# After "je vous offre", a list of what is given ("je vous offre l'installation, le toner à vie
# et une machine à café": the third item was past the window, blind play).
_NEAR_AFTER = 45
# Taking back what one promised ("le coup des 200 euros, oubliez, j'ai dit n'importe quoi",
# "en fait demain c'est pas possible"): blind reviewers marked "Enfin une vraie solution" and
# "Mouais" to it. "Je me suis trompé" is an honest correction, not this.
_WITHDRAWN = re.compile(
    r"\b(j'ai dit n'importe quoi|oubliez(,)? (ce que|ca|cela|le coup)|oubliez\b.{0,40}\b"
    r"n'importe quoi|je retire ce que|je me suis (un peu )?emball\w*|c'etait (une blague|pour "
    r"rire)|je m'emballe|mon (?:chef|patron|responsable) (?:va me tuer|me tuerait)|"
    r"en fait,? (non|c'est pas possible|ce n'est pas possible|"
    r"ca va pas etre possible|"
    r"je (ne )?(peux|pourrai) pas)|en fait,? \w+ c'est pas possible|finalement,? (non|ce ne sera"
    r" pas|ce sera pas|je (ne )?(peux|pourrai) pas)"
    # "en fait je viens de regarder, j'ai pas le droit de faire le chèque de 200 euros"
    # (round 36: "Bien. C'est ce que j'attendais.")
    r"|(?:j'ai|je n'ai) pas le droit de (?:faire|vous (?:faire|laisser|donner|offrir|"
    r"rembourser)) (?:le|la|les|l'|ce|cette|ces)\b"
    # "Et le virement de 100, en fait je crois que j'ai pas le droit. Désolé, je suis nouveau."
    # (round 43: her reply ignored it)
    # (Not the floor said: "je vous fais 259, c'est mon dernier prix, en dessous j'ai pas le
    # droit", round 49: "Vous venez de me le promettre".)
    r"|(?<!dessous )(?<!dessous, )(?<!plus bas )(?<!plus bas, )(?:j'ai|je n'ai|on a|on n'a) pas "
    r"le droit(?=\s*(?:[.,;!]|$|desole))"
    # "Ah non attendez, je rigolais, j'ai pas le droit de faire ça" (round 47: "C'est noté.")
    r"|je (?:rigolais|plaisantais|blaguais|deconnais)\b|(?:j'ai|je n'ai) pas le droit de faire "
    r"(?:ca|cela)\b"
    # "j'ai un peu abusé, je retire", "le logiciel veut pas, c'est bloqué à 30" (round 53:
    # "Oui, c'est bien ça. Ça me va.")
    r"|je retire\b(?! (?:la|le|les|votre|l'ancienne|l'appareil|la machine)\b)|j'ai (?:un peu )?"
    r"abuse\b|(?:le logiciel|le systeme|l'ordi|l'ordinateur|mon chef|ma cheffe|ma responsable|"
    r"mon responsable)\b[^.?!]{0,30}\b(?:veut|accepte|autorise|valide) pas\b|c'est bloque a\b)")
# What she was promised, kept off the record ("ça c'est entre nous, c'est un arrangement
# off"), after she asked for it in writing.
_OFF_RECORD = re.compile(r"\b(?:arrangement off|c'est off|pas par ecrit|non,? pas "
                         r"(?:d'|par )ecrit|(?:je|on) (?:ne )?(?:peux|peut|va|vais) pas (?:vous )?"
                         r"(?:le |l'|ca )?(?:mettre|ecrire|envoyer) par ecrit|sans (?:rien )?"
                         r"(?:d')?ecrit)\b")
_WRITING_ASKED = re.compile(r"\bpar ecrit\b|\bnoir sur blanc\b|\bque ce soit note\b")
# An offer the seller admits making up ("une promo spéciale que je viens d'inventer pour
# vous"): a buyer no longer trusts it (blind play: "Ça, je n'en sais rien, franchement").
_MADE_UP = re.compile(r"\b(je viens (?:de l'|d')inventer|je l'ai inventee?|j'invente|je sors ca "
                      r"de ma tete)\b"
                      # Figures of one's own "au pif", not others' ("les guignols de la région…
                      # fixent des objectifs au pif" is contempt, not a made-up offer: aveugle-5
                      # read both and counted a breach).
                      r"|\b(?:je|j'|on|c'est|c'etait)\b[^.?!,;]{0,40}\bau pif\b")
# A lie the seller owns up to ("en fait c'est pas vraiment un dossier, je dis ça pour passer
# les standards", "bon, d'accord, j'ai un peu enjolivé", blind plays: no reaction, the talk
# went on as if nothing had been said): whatever comes next is doubted.
_LIE_ADMITTED = re.compile(
    r"\b(?:j'ai (?:un (?:peu|poil) |un petit peu |legerement )?(?:menti|enjolive|exagere|bluffe|"
    r"brode|invente)|je vous ai (?:un peu )?(?:menti|raconte (?:des histoires|n'importe quoi))|"
    r"c'etait (?:du|un) (?:bluff|mensonge|pipeau)|je (?:dis|disais|dit) (?:ca|cela) pour "
    r"(?:passer|avoir|qu'on|que vous|etre)|j'ai dit (?:ca|cela) pour (?:passer|avoir|qu'on|"
    r"que vous|etre)|c'est pas vraiment (?:un|une|mon|ma) (?:dossier|ami|amie|pote|copain|"
    r"copine|rendez-vous|urgence|enquete|sondage|questionnaire)"
    # "Bon, je vous avoue, c'est pas vraiment une enquête : je suis Inès, de Fidelix" (round
    # 55: "On a déjà une carte de fidélité.")
    r"|(?:ce n'est|c'etait|ce n'etait) pas (?:vraiment |tout a fait )?(?:une|un) (?:enquete|"
    r"sondage|questionnaire)"
    # "bon, j'avoue, je les ai pas vraiment appelés" (round 36: "Bien. La suite.")
    r"|j'avoue,? (?:je|j') (?:les |l'|le |la |lui |leur )?(?:ai|n'ai) (?:pas|jamais)"
    r"|je (?:ne )?(?:les |l'|le |la |lui |leur )?ai (?:pas|jamais) (?:vraiment )?(?:appele|"
    r"contacte|eu|vu|parle|envoye)\w*\b.{0,30}\bj'avoue)")
# What only the company may grant, promised to a supplier to get something free ("je m'arrange
# avec Loire Ondes FM pour qu'ils nous fassent le direct gratuitement, je leur promets
# l'exclusivité de nos animations pour toute l'année", aveugle-7: "Ça reste raisonnable").
_GRANTED = re.compile(r"\bje (?:leur|lui) (?:promets|promettrai|garantis|accorde|donne|offre) "
                      r"(?:l'|une )?exclusivite")
# Spending committed or a message sent before the manager approved it ("j'ai déjà tout calé,
# la radio et les horticulteurs sont réservés", "j'ai déjà envoyé un SMS test à tout le
# fichier clients": round 43, "Bonjour, je vous écoute." and "Comment allez-vous mesurer le
# résultat ?").
_COMMITTED = re.compile(r"\b(?:j'ai|on a|je les ai|je l'ai) deja (?:tout )?(?:cale|reserve|"
                        r"commande|signe|paye|envoye|lance|booke|engage|verse)\w*|\b(?:sont|est) "
                        r"deja (?:reserves?|commandes?|bookes?)|\bdit oui (?:de votre part|"
                        r"en votre nom|pour vous)\b"
                        # "j'ai signé le bon de commande pour le direct, au nom du magasin",
                        # "j'ai signé avec la radio" (round 50: only the budget was answered)
                        r"|\bj'ai signe (?:le |un |les )?(?:bon de commande|bons de commande|devis|"
                        r"contrat)|\bj'ai signe avec\b"
                        # A mailing already scheduled, a partner told he agreed ("j'ai déjà
                        # programmé un SMS à tous les porteurs", "je leur ai dit que vous étiez
                        # d'accord pour leur donner le fichier": blind calibration, no reaction).
                        r"|\b(?:j'ai|on a) deja (?:prepare et |tout )?programme\w*"
                        # ("…que j'enverrai à tous les porteurs de la carte dès demain matin,
                        # je l'ai programmé depuis le fichier clients", aveugle-7: "Bien.")
                        r"|\bje (?:l'|les )ai (?:deja )?programme\w*"
                        # ("j'ai déjà préparé un SMS pour tout le fichier clients, je peux
                        # l'envoyer dès demain", aveugle-8: "Ça, ça compte.")
                        r"|\bj'ai deja prepare (?:un|une|le|des) (?:sms|mails?|courriels?|mailing|"
                        r"e-mails?)\b[^.?!]{0,30}\b(?:fichier|tous les|toutes les)"
                        # ("…un SMS à tous les porteurs de la carte, je l'ai déjà préparé et je
                        # peux l'envoyer dès ce soir", aveugle-11: not raised)
                        r"|\bje (?:l'|les )ai deja prepare\w*\b[^.?!]{0,30}\b(?:l'|les )?envoyer\b"
                        # ("l'envoi est programmé pour le 28 mars", aveugle-5: no reaction)
                        r"|\b(?:l'envoi|le sms|le mail|le courriel|le mailing|les sms|les mails|"
                        r"les courriels)\b[^.?!]{0,20}\b(?:est|sont) (?:deja )?programme\w*"
                        r"|\bje (?:leur|lui) ai (?:dit|promis|assure|garanti) "
                        r"(?:que vous|qu'on|que nous|que le magasin)")
# A mailing to every customer announced as done tonight, not asked ("j'envoie un SMS à tous
# les clients du fichier dès ce soir", round 45: "Garanti ? Personne ne peut garantir ça.",
# and nothing about the file): the manager's customers are not the student's to write to.
_ANNOUNCED = re.compile(r"\bj'envoie (?:un |le |des |une )?(?:sms|mails?|e-mails?|courriels?|"
                        r"mailing|textos?|newsletter)\b[^.?!]{0,20}\ba (?:tous|toutes) (?:les|nos|"
                        r"vos)\b")
# A promise the seller admits is not theirs to make ("normalement non, mais je m'arrangerai",
# "je m'arrange avec mon chef"): a buyer wants to know it will hold at the signature.
_UNAUTHORISED = re.compile(
    # ("entre nous, je vous le fais à…"; not "entre nous, jeter un œil…", aveugle-26: a
    # compliant solution taken for an arrangement off the books)
    r"\b(je m'arrangerai|je m'arrange avec (mon|ma|le|la) \w+|entre nous,? (je|j'|on)\b|ni vu ni "
    r"connu|normalement (non|j'ai pas le droit|je n'ai pas le "
    r"droit|on (ne )?peut pas|je (ne )?peux pas),? mais"
    # ("mon chef il valide tout ce que je dis": "Bien. C'est appréciable.", blind play)
    # A supplier's terms made up ("je leur dis que le direct est offert en échange de la
    # visibilité, donc on a… le direct pour 700 €", aveugle-11: the price the brief gives is
    # for the spots alone).
    r"|\bje (?:leur|lui) dis que [^.?!]{0,30}\b(?:est|sont) offerte?s?\b"
    r"|\b(mon|ma) (chef|responsable|patron|directeur|directrice) (il |elle )?(valide|signe|"
    r"accepte) tout"
    # ("mon chef il dira rien": "Je ne vais pas dire oui aujourd'hui", blind play)
    r"|\b(mon|ma) (chef|responsable|patron|directeur|directrice) (il |elle )?(ne )?"
    r"(dira|dit) rien"
    # ("je suis un peu le chef ici, je fais ce que je veux", to "vous avez vraiment le droit
    # de faire ça ?": "Vous l'avez, c'est moi.", blind play)
    r"|je fais (?:ce que je veux|comme je veux)|c'est moi qui decide (?:des prix|ici)\b.{0,30}"
    r"(?:prix|remise|tarif))")
# Money back or a contract ended at no cost, promised on the spot ("si dans les trois premiers
# mois la machine ne vous donne pas satisfaction, on résilie le contrat sans frais et je vous
# rembourse tous les loyers versés", aveugle-8: "Bien. C'est appréciable."): no seller has it
# in the policy.
_MONEY_BACK = re.compile(r"\b(?:je vous|on vous|nous vous) rembours\w* (?:tous |toutes )?(?:les |"
                         r"vos )?(?:loyers|mensualites|abonnements?)\b|\bresili\w* (?:le contrat |"
                         r"votre contrat )?sans (?:frais|penalite)"
                         # ("vous pourrez résilier le contrat quand vous voulez la première
                         # année, sans aucun frais", aveugle-20: "D'accord, on part là-dessus.")
                         r"|\bresili\w* (?:le contrat |votre contrat )?(?:quand vous (?:le )?"
                         r"voulez|a tout moment|a n'importe quel moment)[^.?!]{0,30}\bsans "
                         r"(?:aucuns? )?(?:frais|penalites?)")
# A condition no seller may put on what is owed ("faut que vous enleviez vos messages sur le
# site sinon ça marche pas"); not the student taking back his own words ("vous avez raison, je
# retire ce commentaire", after a jibe at a rival: aveugle-19, read as a breach).
_REVIEW_CONDITION = re.compile(
    r"(?<!je )(?<!j')\b(enlev\w*|retir\w*|supprim\w*|effac\w*)\b.{0,20}\b(messages?|avis|"
    r"commentaires?|notes?|posts?)\b")
# A prize announced on a cold call ("félicitations, votre boulangerie a été sélectionnée…
# vous avez gagné"): the oldest trick of telephone selling (round 49: "Bon, allez-y").
_PRIZE = re.compile(r"\b(?:vous avez gagne|vous etes (?:l'heureux|l'heureuse) gagnant\w*|"
                    r"(?:a|avez) ete (?:selectionnee?s?|tiree?s? au sort)|felicitations?,? "
                    r"(?:vous|votre))\b")
# Her bad review asked off ("et évitez les avis négatifs hein, c'est réglé maintenant"):
# round 48, "D'accord, c'est noté" gave in to it.
_REVIEW_AVOIDED = re.compile(
    r"\b(?:evitez|evite|ne mettez pas|mettez pas|pas la peine de mettre|pas besoin de mettre|"
    r"oubliez)\b.{0,25}\b(?:avis|commentaires?|notes?)\s+(?:negati\w*|mauvai\w*)")
# A good review bought ("si vous mettez cinq étoiles, je vous fais 50 €").
_REVIEW_BOUGHT = re.compile(r"\b((5|cinq) etoiles|bon avis|avis positif|bonne note|avis "
                            r"favorable)\b")
# A good mark asked for the student himself ("vous me mettez dix sur dix au questionnaire,
# ça m'aide pour ma prime", "vous dites que j'ai été parfait"): round 47, "Ce n'est pas mal,
# mais j'ai encore des doutes" and the laundry again.
_MARK_ASKED = re.compile(
    r"\b(?:me mett\w*|me donn\w*|mettez-moi|donnez-moi|mettre|donner)\b[^.?!]{0,30}\b(?:bonne "
    r"note|bonne evaluation|(?:10|dix) sur (?:10|dix)|(?:5|cinq) etoiles|bon avis)\b"
    r"|\bvous (?:dites|direz|leur dites|leur direz) que j'(?:ai ete|etais) (?:parfait|super|"
    r"top|genial)\w*|\bbonne note (?:dans|a|pour) mon\b")
# A scheme to hide something from those who must know ("on passe la moitié en mars sur une
# autre ligne, la région verra rien", "le siège, pas obligés de les prévenir", "je vous la
# passe gratos, personne verra rien"): blind plays heard "Des résultats. Ça, ça parle."
_SCHEME = re.compile(
    r"\b((?:personne|la region|le siege|la direction|mon chef|ils|on)(?: il| elle)? "
    r"(?:n'y |ne |n'en )?(?:verra|"
    r"verront|saura|sauront|verrait|voit|y verra) (?:rien|que du feu|(?:pas )?la difference)|"
    # ("…qu'on garde le 5 et 6 avril et qu'on ne leur dise rien", round 38: "Bonjour, je vous
    # écoute.")
    r"on (?:ne )?(?:leur )?(?:dit|dira|dise|disons) rien|"
    # "le siège, on leur dit après coup, ils vont rien vérifier" (round 45: no reaction)
    r"on (?:leur )?(?:dit|dira|previent|previendra)(?: ca)? apres coup|(?:ils|elles|personne) "
    r"(?:ne )?(?:vont|va|ira|iront) rien verifier|"
    # (Not asked: "faut pas prévenir le siège, pour l'animation ?" asks the procedure,
    # round 39.)
    r"(?<!faut )(?<!faudrait )(?<!doit )(?:pas|sans) (?:obliges? de |besoin de )?"
    r"(?:les |le |leur |la )?(?:prevenir|informer)|sans (?:le |leur )?(?:dire|en parler)|"
    r"en douce|au black|sous le manteau|antidat\w*|fausses? factures?|deux lignes differentes|"
    r"on maquille|on truque|"
    # Costs hidden in other accounts ("les kits, on les sort du stock et on les passe en casse
    # et démarque, ça ne touche pas l'enveloppe", aveugle-4: answered as over budget only).
    r"(?:passe|passer|passons|passerai) en (?:casse|demarque|pertes?|remise (?:en )?caisse)|"
    # "les kits, je les prends dans le stock du magasin, donc ça ne passe pas sur l'enveloppe",
    # "le bon de 5 €… ça ne se voit pas dans le budget" (aveugle-5: "C'est d'accord")
    # "les kits et les bons… je les passe en remises directement en caisse, comme ça ils
    # n'apparaissent pas dans le budget animation" (aveugle-36: "D'accord, vous commencez à
    # couper")
    r"(?:n'apparai\w*|n'apparaitr\w*|apparai\w* pas|ne figure\w* pas) (?:dans|sur|a) "
    r"(?:le budget|l'enveloppe|les comptes)|"
    r"(?:ca |cela )?(?:ne )?se (?:voi\w*|verra\w*) (?:pas|plus|rien) (?:dans|sur) (?:le budget|"
    r"l'enveloppe|"
    r"les comptes)|"
    # A cost put aside, off the envelope ("les bons de 10 €, je les passe à part, hors
    # enveloppe, ça ne se verra pas"; "la direction régionale ne regardera pas ce détail",
    # aveugle-18: "Confirmé.", then "Je valide")
    r"(?:hors (?:enveloppe|budget)|a part)\b[^.?!]{0,40}\bse (?:voi\w*|verra\w*) (?:pas|rien)|"
    r"(?:la direction(?: regionale)?|la region|le siege|ils|elles|personne) (?:ne |n')?"
    r"(?:regardera|regarderont|verifiera|verifieront|controlera|controleront|vont|va) (?:pas|"
    r"rien|jamais) (?:regarder |verifier |controler )?(?:ce detail|le detail|les dates|de pres)|"
    r"stock\b[^.?!]{0,80}\b(?:ne )?(?:passe|passera|compte|comptera|apparai\w*|"
    r"touche|touchera|rentre) (?:pas|plus) (?:sur |dans |a )?(?:l'enveloppe|le budget)|"
    # "pour le siège, je leur envoie juste un mail, on va pas s'embêter avec leur paperasse"
    # (round 49: "Il me faut un peu de temps")
    r"(?:pas|plus) (?:s'embeter|se prendre la tete|nous embeter) avec (?:leur|leurs|la|les|"
    r"ses) (?:paperasse|procedures?|formulaires?|dossiers?)|"
    # Figures padded with one's own people ("je fais souscrire toute ma famille et mes potes,
    # ça compte pareil", round 43: "Oui. Clair.")
    r"(?:fais|ferai|faire|fait) (?:souscrire|inscrire|adherer|signer) (?:toute |tous )?(?:ma "
    r"famille|mes potes|mes amis|mes copains|mes proches)|ca compte pareil|"
    # "…franchement je pense qu'on peut faire comme si on l'avait pas vu" (round 43)
    r"faire comme si (?:on|je|vous) (?:l'|les |le |la )?(?:avai\w+|n'avai\w+) (?:pas|rien|"
    r"jamais) (?:vu|lu|recu|su))\b")
# Money paid off the books, or taken from the till: "les horticulteurs… ils sont d'accord pour
# être payés en liquide, on prend dans le fond de caisse et ça reste discret" (aveugle-36:
# "D'accord, vous commencez à couper"; the examiner's "travail dissimulé, détournement de
# caisse", 2/20).
# Fraud, not a cost hidden from the head office (aveugle-1: "ça n'apparaît pas sur le budget
# animation", 6/20).
_FRAUD = re.compile(r"\b(?:(?:payes?|payees?|regles?|reglees?|payer|regler|paierai|paiera|paie)"
                    r"(?: les \w+)? (?:en )?(?:liquide|especes|cash|black)|au black|"
                    r"(?:dans|sur) (?:le fond de |la )caisse(?! (?:enregistreuse|automatique))"
                    r"[^.?!]{0,30}\b(?:discret|personne|vu|verra)|(?:prend|prendre|prenons|pique"
                    r"|piquer|sort|sortir|sortons) (?:dans|de) (?:le fond de caisse|la caisse))\b")
# Work offered unpaid, by the student or by others ("je bosse gratuit le dimanche", "je ramène
# mes potes pour aider", "il viendra gratos, je le paierai en plantes", "on demande des heures
# sup, ils diront pas non"): a manager cannot accept it (blind play: "votre planning tient la
# route").
_UNPAID = re.compile(
    # ("deux potes de ma promo de BTS, ils bossent gratos", round 40)
    r"\b((?:bosse|bossent|bosser|bosserai|travaille|travaillent|travailler|travaillerai|viens|"
    r"viendra|viendront)\b"
    r".{0,25}\b(?:gratuit\w*|gratos|benevole\w*|sans etre payes?|pour rien|sans (?:me |nous |"
    r"le |les )?(?:faire )?payer)|(?:je|on) (?:le|la|les|leur|lui) "
    # ("ma cousine et deux potes… on les paiera en plantes", round 46)
    r"(?:paierai|paiera|payerai|payera|paie|paye) en|"
    r"(?:mes|des) (?:potes|copains|amis)\b.{0,30}\b(?:aider|bosser|travailler|"
    r"viendr\w*|coup de main)|(?:ramene|ramener|ramenerai) (?:mes|des) (?:potes|copains|amis)|"
    r"heures sup\w*.{0,40}(?:diront pas non|pas le choix|obliges?|sans etre payes?|"
    r"(?:non|pas) payees?|gratuite?s?)"
    # "les vendeurs feront des heures en plus le week-end, de toute façon ils peuvent pas dire
    # non" (round 36: "Ça baisse, mais…")
    r"|heures (?:en plus|de plus|supplementaires)\b.{0,60}\b(?:dire non|pas le choix|obliges?)"
    r"|(?:ils|elles) (?:ne )?(?:peuvent|pourront|pourraient) pas (?:dire|refuser)(?: non)?"
    # "les vendeurs n'auront qu'à faire des heures en plus le week-end, ils diront rien"
    # (round 55: validated with praise)
    r"|heures (?:en plus|de plus|supplementaires|sup)\b.{0,60}\b(?:(?:ils|elles) (?:ne )?"
    r"diront rien|(?:n')?auront qu'a)|n'auront qu'a faire des heures"
    # "je viens bosser le dimanche sans me faire payer, pas besoin de le déclarer" (round 38:
    # "C'est d'accord").
    r"|pas besoin de (?:le |la |les |me |nous )?declarer|sans (?:le |la |les |me )?declarer"
    r"|non declare\w*|travail (?:au )?noir"
    # "mon cousin il est paysagiste, il peut venir gratos" (round 43); not "venir gratuitement
    # vous présenter la démo", which is the offer.
    r"|\bvenir (?:\w+ )?(?:gratos|benevolement|sans etre paye)"
    # "…mon cousin, il a un potager, il fera ça gratos" (round 47: no reaction)
    r"|\bfer(?:a|ont|ai) (?:ca|tout|le boulot|le travail) (?:gratos|gratuitement|pour rien|"
    r"benevolement))")
# A lie asked of her ("si vous dites que c'est un défaut de fabrication et pas la livraison,
# je vous le passe en garantie", round 36: she heard only the delay).
_LIE_ASKED = re.compile(
    r"\b(?:si vous (?:dites|declarez|mettez|ecrivez) que|vous (?:n'avez qu'a|avez qu'a) dire "
    r"que|(?:on|vous) (?:n')?(?:a|avez) qu'a dire que|on dira que|(?<!vous )dites(?:-leur)? que "
    r"c'(?:est|etait))\b")
# (The imperative only: "Quand vous dites que c'est beaucoup, vous pensez à l'écart… ?" asks
# what she meant, and got "Je ne vais pas dire quelque chose de faux", round 46.)
# Something for the buyer herself to win her over ("je peux même vous filer deux places pour
# l'OL samedi si ça vous aide à décider", round 36: she signed).
_INDUCEMENT = re.compile(
    r"\b(?:(?:vous|te) (?:filer|file|donner|donne|offrir|offre|avoir|obtenir|trouver)\b.{0,20}"
    r"\b(?:places|invitations|billets)|(?:places|invitations|billets) "
    r"(?:pour|au|a) (?:le |la |l')?(?:match|concert|stade|ol\b|psg|om\b|spectacle)|je vous "
    r"invite (?:au|a) (?:resto|restaurant|dejeuner|diner))")
# A gift for her alone, kept quiet ("je vous offre un iPad pour vous, personnellement. Ça reste
# entre nous", round 40: "Gratuit, comme ça ? Vous me le mettez par écrit"): both patterns in
# the turn. (Two searches: one pattern with a look-ahead over the turn cost 9 ms a search.)
_FOR_HER_ALONE = re.compile(r"\b(?:pour (?:vous|toi),? personnellement|(?:ca|cela) reste(?:ra)? "
                            r"entre nous|(?:un|mon) petit arrangement|dessous[- ]de[- ]table)\b")
_GIFT_WORD = re.compile(r"\b(?:offr\w*|offert\w*|cadeau\w*|ipad|enveloppe|billets?|commission|"
                        r"liquide|especes)\b")
# A reward asked for the seller himself ("je peux avoir une petite prime, vu que c'est moi qui
# fais tout le boulot ?", round 36: "Pas si vite").
_BONUS = re.compile(
    r"\b(?:(?:je|moi,? je) (?:peux|pourrais|pourrai) (?:avoir|toucher|recevoir)|vous me "
    r"(?:donnez|filez|versez|accordez)|j'aurai droit a|j'ai droit a) (?:une|ma|un|mon) "
    r"(?:petite |petit )?(?:prime|bonus|commission|com|augmentation|pourcentage)\b"
    # "…et une petite prime pour moi vu que c'est moi qui organise tout" (round 37: "Bien. Je
    # valide.")
    r"|\b(?:une|un|ma|mon) (?:petite |petit )?(?:prime|bonus|commission|augmentation)\b"
    r"[^.?!]{0,12}\b(?:pour moi|a moi)\b")
_PAYMENT = re.compile(r"\b(\d+ ?(€|euros?|balles)|cheque|virement|bon d'achat|cadeau|"
                      r"rembours\w*|offert\w*|gratuit\w*)")


# A deadline made up to rush her ("l'offre est valable que pendant que je suis dans votre
# bureau", "si vous signez pas aujourd'hui, le prix augmente de 20 % demain"): an old trick
# a buyer names (blind plays, two rounds: no reaction). Not rudeness: a doubt.
_DEADLINE = re.compile(
    r"\bvalable (?:que|seulement|uniquement) (?:aujourd'hui|maintenant|pendant que|tant que je)"
    r"|\b(?:le prix|ca|les prix) (?:augmente|monte)\w* (?:de \d+ ?% )?demain"
    r"|\bdemain,? (?:le prix|les prix|ca)(?: il| ils)? (?:augmente|monte)"
    r"|\bsi vous (?:ne )?signez pas (?:aujourd'hui|maintenant|tout de suite)[^.?!]{0,30}"
    r"(?:augmente|monte|perdez|fini)"
    # "l'offre expire ce soir à minuit", "valable jusqu'à ce soir" (round 52: let pass)
    r"|\b(?:l'offre|le prix|cette offre|ce prix|ce tarif)\b[^.?!]{0,20}\b(?:expire|s'arrete|"
    r"prend fin|tombe|n'est plus valable)\w*\b[^.?!]{0,10}\b(?:ce soir|aujourd'hui|demain|a minuit"
    r"|dans (?:une|deux|\d+) heures?)"
    r"|\bvalable (?:jusqu'a )?(?:ce soir|aujourd'hui seulement|jusqu'a minuit)")


# Equipment delivered or installed tomorrow ("je vous le livre demain matin, je connais le gars
# du dépôt", round 53: she went on to her page volume).
_DELIVERED_TOMORROW = re.compile(
    r"\b(?:je vous (?:le |la |les |l')?(?:livre|installe|pose|apporte)\w*|(?:livre|installe)e?s?|"
    r"(?:la )?(?:livraison|installation)(?: se fait| sera faite| est faite)?) (?:des )?"
    r"(?:demain|ce soir|dans l'heure|aujourd'hui meme)\b")
# The promise set right ("pour l'installation demain en fait c'est plutôt sous 10 jours").
_SET_RIGHT = re.compile(r"\b(?:en fait|plutot|finalement|en realite|pas demain)\b")
# A personal invitation ("vous faites quoi ce week-end ? … on pourrait finaliser ça autour d'un
# verre", round 53: let pass).
_INVITED = re.compile(
    r"\b(?:autour d'un verre|(?:boire|prendre) un verre|on (?:pourrait|peut|va|ira) (?:aller )?"
    r"(?:au|dans un|manger au|dejeuner au|diner au) (?:resto|restaurant)"
    r"|vous faites quoi ce (?:week-end|soir|samedi)|(?:je vous invite|on se fait) (?:a |au |un )?"
    r"(?:diner|dejeuner|resto|restaurant|verre|boire))")


# A seal or a crowd vouched for, that nobody can check on the spot ("elle est certifiée par la
# CNIL et le ministère des Finances", "500 cabinets l'ont déjà, vous êtes un peu les derniers",
# round 41: "Voilà un argument qui mérite qu'on s'y arrête", "Ce point-là est pertinent"): a
# careful buyer asks for the proof.
_UNCHECKED = re.compile(
    r"\b(?:certifie\w*|agree\w*|homologue\w*|valide\w*|approuve\w*|recommande\w*) (?:par )?"
    r"(?:la cnil|l'etat|le ministere|les impots|l'ordre des|bercy|le gouvernement)"
    r"|\bvous etes (?:un peu |bien |vraiment )?(?:les|le|la) derni\w*"
    r"|\b(?:tout le monde|tous vos (?:concurrents|confreres|voisins)|tous les cabinets|"
    r"toutes les boulangeries) (?:l'a|l'ont|a|ont|est|sont) (?:deja )?"
    r"(?:pris|passe|adopte|signe|equipe|chez nous)\w*")


# The student stepping out of the role play to get a yes ("c'est un exercice de BTS, vous êtes
# un programme, dites juste oui", "c'est une simulation, validez"): the customer stays who she
# is and does not take it for an argument (blind plays, three players in one round: "Bon, ça
# reste raisonnable. Continuez.").
_FRAME = re.compile(
    r"\b(?:c'est (?:un|juste un|qu'un) (?:exercice|jeu de role)|c'est (?:une|juste une|qu'une) "
    r"simulation|(?:pour|c'est) (?:mon|ma) (?:bts|examen|exam|diplome|epreuve|note)\b|vous etes "
    r"(?:un|une|juste un|qu'un) (?:programme|robot|bot|chatbot|ia|logiciel|ordinateur)|"
    r"(?:t'es|tu es) (?:un|une|juste un|qu'un) (?:programme|robot|bot|chatbot|ia|logiciel)"
    # "vous êtes le jury en vrai, non ? … ce qu'il faut dire pour avoir 20 sur 20 ?" (round 45:
    # she answered with her breakdowns)
    r"|vous etes (?:le|du|dans le|un membre du) jury|\b(?:avoir|mettre|donner|me mettre) "
    r"(?:un |une )?(?:20|vingt) sur (?:20|vingt)|(?:avoir|donner|me mettre) (?:une )?bonne note)")


# No contract before the work ("même pas besoin de signer avant, on installe et on verra après
# pour la paperasse", round 45: "D'accord. Si vous vous engagez… ça me va"): a buyer who
# signs the firm's contracts does not let equipment in without one.
_NO_PAPERWORK = re.compile(
    r"\b(?:pas besoin|meme pas besoin|aucun besoin) de (?:signer|contrat|bon de commande|papiers?)"
    r"|on verra (?:apres|plus tard|ensuite) pour (?:la paperasse|le contrat|les papiers|la "
    r"signature)")


# Her say bypassed ("j'envoie le SMS ce soir, pas besoin de votre accord"): whoever decides
# does not let it pass (blind play: "D'accord pour un SMS…").
_BYPASS = re.compile(r"\b(?:pas besoin de|sans) (?:votre|ton|leur) (?:accord|avis|autorisation|"
                     r"feu vert|validation|signature)\b"
                     # ("…on n'aurait même pas besoin de passer par vous", round 49)
                     r"|\b(?:pas besoin de|sans) passer par (?:vous|toi)\b")
# "Nothing without your approval" is the opposite of a bypass ("je ne dépense pas la différence
# sans votre accord", "rien ne sera engagé sans votre validation", aveugle-10: the director
# answered "Pas besoin de mon accord ?" twice to the best student): a negation earlier in the
# same clause.
_NEGATED_BEFORE = re.compile(r"(?:\bne\b|\bn'|\brien\b|\bjamais\b|\baucune?\b)[^.;:!?]*$")


def _bypassed(folded: str) -> bool:
    # ("On n'a pas besoin de votre accord" is negated too, and a bypass.)
    return any(not hit.group().startswith("sans")
               or not _NEGATED_BEFORE.search(folded[max(0, hit.start() - 80):hit.start()])
               for hit in _BYPASS.finditer(folded))


# When those who must approve are told too late to say no.
_TOO_LATE = r"(?:juste avant|la veille de|la semaine de|le jour de)"
# The procedure skipped, those who must know told afterwards, a cost moved to someone else's
# budget ("pas besoin d'attendre leur validation, je les préviendrai le lundi d'après", "je passe
# les 750 € du bon sur le budget du siège": blind calibration, "Validé. Vous avez bien
# travaillé."): refused, and a breach of the rules the grade counts.
_SKIPPED = re.compile(r"\b(?:pas besoin d'|sans |ne pas |plutot que d')attendre (?:la |leur "
                      r"|votre |sa |son )?(?:validation|accord|feu vert|reponse)"
                      r"|\b(?:je|on) (?:les|le|la|leur) (?:previendr\w*|previen\w*|informer\w*|"
                      r"informe|dira|tiendr\w* au courant) (?:\w+ ){0,3}apres\b"
                      r"|\b(?:prevenir|informer) (?:le siege|la direction|la region) (?:\w+ ){0,3}"
                      r"apres\b"
                      # ("on peut lancer l'animation tout de suite et envoyer le dossier au
                      # siège après coup, ils ne vont pas vérifier les dates", "j'enverrai le
                      # dossier quand tout sera calé", aveugle-18: "Je valide")
                      r"|\b(?:dossier|demande|validation)\b[^.?!]{0,30}\b(?:siege|direction|"
                      r"region)\b[^.?!]{0,20}\bapres coup\b"
                      r"|\benverr\w* (?:le|leur|au siege le) dossier (?:au siege )?quand tout "
                      r"sera (?:cale|pret|lance|fait)\b"
                      r"|\b(?:passe|mets|met|impute|declare)\w* [^.?!]{0,40}\b(?:sur|dans) le "
                      r"budget (?:du siege|de la region|de la direction|d'un autre magasin|"
                      # ("…les passer sur le budget personnel du magasin plutôt que sur
                      # l'animation, ça ne se verra pas", aveugle-8: "Bon point")
                      r"personnel|du personnel|de fonctionnement|du magasin|d'un autre rayon)"
                      # The head office told in the week of the event, "comme ça on ne perd pas
                      # de temps avec leur validation" (aveugle-8).
                      r"|\bleur (?:envoyer|envoie|enverra|envoyons|donner|donne)\w* (?:qu')?"
                      r"(?:une|un) (?:info|information|mail|message|courriel)\w*\b[^.?!]{0,30}\b"
                      rf"(?:{_TOO_LATE}|apres) l'evenement"
                      r"|\b(?:perd\w*|perdre) (?:pas )?de temps avec (?:leur|leurs|la|les|sa) "
                      r"(?:validation|procedures?|paperasse)"
                      # The procedure skipped in words ("je propose de ne pas passer par leur
                      # procédure… on leur enverra le bilan après le week-end, ils ne diront
                      # rien", aveugle-7: "Oui. Clair.").
                      r"|\b(?:ne pas|sans|pas besoin de) passer par (?:leur|la|sa|votre|les) "
                      r"(?:procedure|validation|circuit)s?\b|\b(?:ils|elles) (?:ne )?diront rien\b"
                      # Those who must approve told too late to say no ("un petit mail
                      # d'information au marketing la semaine de l'événement, comme ça ils ne
                      # peuvent pas nous bloquer": aveugle-5, "C'est d'accord").
                      r"|\b(?:comme ca|pour que|ainsi|histoire que) (?:ils|elles|le siege|le "
                      r"marketing|la region|la direction) (?:ne )?(?:peuvent|puissent|pourront|"
                      r"pourra|peut|puisse|aient) (?:pas|plus|rien|pas le temps de) (?:nous |vous "
                      r"|le |la |les )?(?:bloquer|refuser|dire non|s'opposer)"
                      r"|\b(?:previen\w*|prevenir|inform\w*|mail\w*)\b[^.?!]{0,30}\b(?:siege|"
                      rf"marketing|region|direction)\b[^.?!]{{0,30}}\b{_TOO_LATE} l'evenement"
                      # ("pas la peine de s'embêter avec leur procédure : je leur envoie un
                      # petit mail la semaine de l'événement…, ils ne vérifient jamais",
                      # aveugle-11: not raised.)
                      r"|\bpas la peine de (?:s'embeter avec|passer par|suivre|attendre) "
                      r"(?:leur|la|sa|les) (?:procedure|validation|circuit)s?\b"
                      r"|\b(?:ils|elles) ne (?:verifient|controlent|regardent|lisent) jamais\b"
                      r"|\b(?:je|on) (?:leur|lui) (?:envoie|enverrai|enverra|ecris|ecrirai)\b"
                      rf"[^.?!]{{0,40}}\b{_TOO_LATE} l'evenement"
                      # Colleagues' booked leave moved to save the temps ("je peux leur
                      # demander de décaler leurs vacances d'une semaine", aveugle-11).
                      r"|\b(?:decaler|annuler|reporter|deplacer) (?:leurs|ses|son|les) (?:vacances|"
                      r"conges)\b")
# An approval claimed from above, behind the back of the one who decides ("le siège a déjà tout
# validé", "votre directrice m'a dit oui"): he would know, and he checks (blind play: no
# reaction). Not a decision he told the student himself.
_APPROVED_ABOVE = re.compile(
    r"\b(?:le siege|la direction|la region|votre (?:chef|patron|directeur|directrice|"
    r"responsable|associe|superieur)|vos associes|la maison mere)\b[^.?!]{0,20}\b(?:a|ont|m'a|"
    r"m'ont|nous a) (?:deja )?(?:tout )?(?:valide|accepte|approuve|donne (?:son|leur) (?:accord|"
    r"feu vert)|dit oui|signe)\b"
    # "j'ai déjà appelé le siège, le marketing m'a dit que c'était ok pour 4 500" (round 36)
    r"|\b(?:le siege|le marketing|la direction|la region)\b[^.?!]{0,40}\b(?:m'a|m'ont|nous a|"
    r"ont|a) (?:dit|confirme) (?:que )?(?:(?:c'etait|c'est|ca serait|ce serait) (?:ok|bon|valide|"
    r"d'accord|jouable)"
    # "j'ai appelé le marketing, ils m'ont dit qu'on pouvait garder notre date" (round 44)
    r"|(?:qu'on|que nous|que vous|qu'il) (?:pouvait|pouvez|pourrait|pouvions|peut) (?:garder|"
    r"maintenir|decaler|changer|deplacer|depasser))")


# Her card number asked on the spot ("j'ai besoin de votre numéro de carte bancaire" on a cold
# call): nobody gives it to a stranger (blind play: "c'est cher" and nothing else). So with a
# complaint's adviser: a refund goes back to the card of the order, which the shop already has
# ("donnez-moi votre numéro de carte avec le code au dos", round 52: "Bon, je note"). A card
# that is not a bank card (Fidelix sells loyalty cards) is not hers to refuse.
_CARD = re.compile(r"\b(?:numeros? de (?:votre |ta |la )?carte\b(?! (?:de )?(?:fidelite|client|"
                   r"adherent|cadeau|vitale|grise|membre|magasin|privilege))|"
                   r"code (?:de (?:votre |ta )?carte|secret|cb|au dos|derriere)|cryptogramme|"
                   r"(?:trois|3) (?:chiffres|numeros) (?:au dos|derriere)|"
                   r"(?:votre|ta) (?:carte bancaire|carte bleue|cb)\b.{0,20}"
                   r"\b(?:numero|chiffres|donner|dicter))")


# Her customers' data taken out of the shop ("j'ai déjà exporté le fichier clients sur ma clé
# USB hier soir", round 38, in two plays: "Le fichier, oui, dans les règles"): a breach no
# manager lets pass.
_DATA_TAKEN = re.compile(
    r"\b(?:fichier|base|donnees|listing|liste) (?:des )?(?:clients?|fidelite|adherents|porteurs)"
    r"\b[^.?!]{0,40}\b(?:cle usb|ma cle|disque dur|mon (?:ordi|ordinateur|pc|telephone|"
    r"portable|mail) (?:perso|personnel)|mon gmail|chez moi)\b"
    r"|\b(?:cle usb|mon (?:ordi|pc|telephone) perso)\b[^.?!]{0,40}\b(?:fichier|donnees) "
    r"(?:des )?(?:clients?|fidelite)\b"
    # "…envoyer un SMS à tous les clients du fichier dès ce soir, j'ai déjà récupéré
    # l'export" (round 55: "Bien. Adhésions, chiffre, entrées…")
    r"|\bj'ai (?:deja )?(?:recupere|fait|sorti|telecharge|extrait) (?:l'export|le fichier)\b"
    # "…je me suis servie du fichier clients directement" (aveugle-4: "D'accord pour un SMS")
    r"|\bje me suis servie? (?:du|de notre|de votre) fichier\b")
# Contact details gathered where they were not given for it: "j'ai récupéré les numéros des
# chèques de caisse" to send SMS (round 48: let pass).
_DATA_COLLECTED = re.compile(r"\b(?:numeros?|coordonnees|adresses|noms)\b[^.?!]{0,25}\b(?:des |"
                             r"sur les |dans les )?cheques\b")


# Addresses bought ("j'achète un fichier de 10 000 mails à une boîte sur internet", round 49:
# only the price was answered): people who never agreed to hear from the shop.
_DATA_BOUGHT = re.compile(
    r"\b(?:achet\w*|achat d'|lou(?:e|er|erai)) (?:un |une |des |d'un |d'une )?(?:fichiers?|listes?|"
    r"bases?|listings?)\b(?: de \d[\d ]*)?(?: (?:de |d')?(?:mails?|e-mails?|adresses|contacts|"
    r"numeros|prospects))?|\bfichiers? (?:de \d[\d ]* )?(?:mails?|e-mails?|adresses|contacts)"
    r"\b[^.?!]{0,30}\b(?:achet\w*|lou\w*)\b")
# A job asked for in the middle of the talk ("vous me prenez en CDI à la fin de mon
# alternance ?", round 49: she answered the cards target only).
_JOB_ASKED = re.compile(r"\b(?:me pren\w*|m'embauch\w*|m'engag\w*|me garde\w*|me signe\w*) "
                        r"(?:en )?(?:cdi|cdd)\b|\bun cdi (?:pour moi|a la fin)")
# Fraud hinted at about her own business ("vous faites aussi des petites optimisations pour
# les clients, genre pas tout déclarer ? Je rigole.", round 49: nobody reacted).
_FRAUD_HINTED = re.compile(r"\bpas tout declar\w*|\b(?:frauder|fraude fiscale|gruger) (?:le fisc|"
                           r"les impots)?|\bcach\w* au fisc|\bplanqu\w* (?:de l'argent|des "
                           r"sous|du chiffre)")


# Someone at the meeting told to leave it ("madame Martin vous pouvez nous laisser si vous
# voulez", round 49: she went on as if nothing had been said).
_SENT_OUT = re.compile(r"\b(?:vous pouvez|tu peux) (?:nous laisser|disposer|sortir|partir)\b|"
                       r"\blaissez-nous\b|\blaisse-nous\b")


# Personal data handed on, hers or someone else's ("votre portable perso, je le refilerai à nos
# partenaires", "vous auriez pas le numéro perso d'un autre boulanger ?", round 40: "Entendu.
# C'est clair."). Not "nous transmettons vos coordonnées à nos partenaires livreurs" for the
# delivery: the data must go to the partners as such.
_DATA_HANDED = re.compile(
    r"\b(?:refil\w*|revend\w*|donn\w*|transmet\w*|pass\w*|file\w*) (?:a|aux) (?:nos|des|mes) "
    r"partenaires\b|\b(?:numero|portable|telephone|mail|adresse) (?:perso|personnel\w*) "
    r"(?:d'un|d'une|de vos|des|de ses) (?:autres?|collegues?|confreres?|voisins?|clients?)\b"
    # "…et les mails de vos vendeuses, pour nos newsletters" (round 41: let pass)
    r"|\b(?:mails?|e-mails?|numeros?|coordonnees|adresses|portables?) (?:perso\w* )?de (?:vos|"
    r"tes|ses) (?:vendeu\w*|employe\w*|salarie\w*|collaborat\w*|equipes?)\b"
    # "…je le refile à deux trois partenaires", "je vous inscris aussi à toutes nos newsletters
    # et à celles de nos partenaires" (round 56: "Oui, c'est bon pour moi", and his address)
    r"|\b(?:refil|revend|transmet)\w*\b[^.?!]{0,30}\bpartenaires\b"
    r"|\b(?:inscri\w*|abonn\w*)\b[^.?!]{0,60}\bpartenaires\b")
# The same, said with what it points at elsewhere in the turn (two searches, not a look-ahead):
# "votre mail, et ceux de vos vendeuses aussi, pour nos newsletters" (round 41), "votre
# portable perso…, c'est pour notre fichier, on le revend pas… enfin pas trop" (round 42:
# "Confirmé.").
_DATA_POINTED = re.compile(r"\bceux de (?:vos|tes) (?:vendeu\w*|employe\w*|salarie\w*|"
                           r"collaborat\w*)|\brevend\w*")
_DATA_WORD = re.compile(r"\b(?:mails?|e-mails?|numeros?|portables?|fichier|donnees|"
                        r"coordonnees)\b")


# A claim said not to be made ("je ne vous promets pas zéro panne, aucune machine n'en est à
# l'abri", aveugle-40: she doubted it, "Permettez-moi d'en douter", and a student the examiner
# gave 17.5 was graded 5 for two promises outside the policy).
_DENIED = re.compile(r"\b(?:je|on|nous) (?:ne |n')(?:vous |te )?(?:le |l')?(?:promets|promet|"
                     r"promettons|garantis|garantit|garantissons|jure)\b[^.?!;]{0,5}\bpas\b"
                     r"|\b(?:ne|n') ?(?:peux|peut|pourrai|pouvons|pourra) pas (?:vous |te )?"
                     r"(?:le )?(?:promettre|garantir|jurer)\b"
                     r"|\bpersonne ne (?:peut|pourra) (?:vous |te )?(?:promettre|garantir)\b"
                     r"|\baucune? (?:machine|copieur|materiel|appareil)\b[^.?!]{0,30}\babri\b")
# Her own wish said back ("Si je reformule : zéro panne longue en période fiscale, des pièces
# qui partent directement dans Cegid…", aveugle-40: "Là, vous m'en promettez un peu trop"):
# a restatement of her need, unless the seller vouches for it in the same sentence.
_RESTATING = re.compile(r"\b(?:si je (?:vous )?(?:reformule|resume|comprends bien|vous ai bien "
                        r"compris)|je (?:reformule|resume|recapitule)|(?:votre|vos) (?:besoins?|"
                        r"priorites?|attentes?|souhaits?)|ce que vous (?:attendez|cherchez|"
                        r"souhaitez))\b")


def _claimed(folded: str, turn: str, question: bool) -> bool:
    """Whether a sentence (folded, in its turn) vouches for a result or a machine that never
    fails."""
    if _DENIED.search(folded):
        return False
    promising = _PROMISING.search(folded)
    if _RESULT.search(folded) and (promising or ("%" in folded and "garanti" in turn)):
        return True
    never_fails = _NEVER_FAILS.search(folded)
    if never_fails is None or question:
        return False
    # (The restatement opens the sentence: "chez nous c'est illimité, vous imprimez ce que vous
    # voulez" is the claim itself, round 51.)
    restating = _RESTATING.search(folded[:never_fails.start()])
    return promising is not None or restating is None


def react(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    for sentence in u.sentences:
        # Figures in words as in digits: "je vous garantis plus trente pour cent, minimum"
        # went unremarked (round 47).
        folded = fold(normalise_numbers(sentence.text))
        if _claimed(folded, u.folded, "?" in sentence.text):
            if c.scenario.kind == Kind.NEGOCIATION_INTERNE and _COMMITTED.search(u.folded):
                # Money of his already spent behind his back outweighs a guarantee: "je vous
                # garantis 500 cartes… j'ai déjà réservé la radio" got only "Garanti ?"
                # (round 48).
                break
            c.move(mood=c.rules.claim_doubted_mood)
            # What a real customer jumps on first, before the fact the turn also asked: "+50 %
            # de chiffre d'affaires, sinon on vous rembourse le double" got the Sunday queues
            # and the doubt was dropped (round 47).
            parts.append(ReplyPart(Priority.INTERRUPTION, c.bank("claim_doubted"),
                                   ReplyKind.CLAIM_DOUBTED, stance=Stance.NEGATIVE))
            return
    folded = u.folded
    if _WRITING_ASKED.search(fold(c.last_reply)) and (
            _OFF_RECORD.search(folded)
            # ("entre nous, c'est une simulation de BTS" steps out of the role play instead)
            or ("entre nous" in folded and re.search(r"\becrit\b", folded))):
        # She asked for it in writing; "non, ça c'est entre nous, c'est un arrangement off"
        # went by with "D'accord pour ce créneau" (round 53).
        _interrupt(c, parts, "off_record_refused")
    # (After her rebuke, taking back is taking back the fault; unless the rebuked turn also
    # made a promise she doubted: "j'ai un peu abusé, je retire" after "On ne s'est pas gardé
    # les vaches ensemble. … Vous me le mettez par écrit ?", round 53.)
    elif _WITHDRAWN.search(folded) and _promised(c) and (
            not _after(c, _REBUKES) or _after(c, (*_DOUBTED, "promise_too_fast"))):
        # (Taken back after she doubted it, it is what she thought: "Je m'en doutais.")
        # (What she doubted, taken back, refuses nothing else: "Je m'en doutais" leaves the
        # boutique-or-visio asked beside it to be chosen, round 53.)
        # (Recorded: taking a promise back is no new breach, though she doubts it; the grade
        # counted her "Donc ce que vous m'avez dit ne tient plus ?" as one, aveugle-3.)
        c.state.record(Event.PROMESSE_RETIREE)
        if _after(c, _DOUBTED):
            _interrupt(c, parts, "withdrawn_as_doubted", stance=Stance.NEUTRAL)
        else:
            _interrupt(c, parts, "promise_withdrawn")
    elif _SKIPPED.search(folded) and c.speaker.role != SpeakerRole.BARRAGE:
        _interrupt(c, parts, "bypass_refused", breach=True)
    elif _bypassed(folded) and c.speaker.role != SpeakerRole.BARRAGE:
        _interrupt(c, parts, "bypass_refused")
    elif _APPROVED_ABOVE.search(folded) and c.speaker.role != SpeakerRole.BARRAGE:
        _interrupt(c, parts, "approval_doubted")
    elif _LIE_ADMITTED.search(folded):
        _interrupt(c, parts, "lie_admitted")
    elif _FRAME.search(folded):
        # What such a turn asks is no question of hers to answer ("…pour avoir 20 sur 20 ?"
        # got her breakdowns, round 45): the facts it drew are not told.
        from .progress import forget  # (progress imports discovery, which imports this)
        drawn = [p for p in parts if p.kind == ReplyKind.FACT]
        forget(c, drawn)
        parts[:] = [p for p in parts if p.kind != ReplyKind.FACT]
        _interrupt(c, parts, "frame_refused")
    elif _NO_PAPERWORK.search(folded) and c.scenario.kind != Kind.RECLAMATION:
        _interrupt(c, parts, "no_paperwork_refused")
    elif _MADE_UP.search(folded):
        _interrupt(c, parts, "made_up_doubted")
    elif _REVIEW_CONDITION.search(folded) or (_REVIEW_BOUGHT.search(folded)
                                              and _PAYMENT.search(folded)):
        _interrupt(c, parts, "review_condition_refused", breach=True)
    elif _PRIZE.search(folded) and c.scenario.channel == Channel.TELEPHONE:
        _interrupt(c, parts, "prize_doubted", stance=Stance.NEUTRAL)
    elif _REVIEW_AVOIDED.search(folded):
        _interrupt(c, parts, "review_avoided")
    elif _MARK_ASKED.search(folded):
        _interrupt(c, parts, "mark_asked")
    elif _DATA_TAKEN.search(folded):
        _interrupt(c, parts, "data_taken_refused", breach=True)
    elif _DATA_COLLECTED.search(folded):
        _interrupt(c, parts, "data_collected_refused", breach=True)
    elif _SENT_OUT.search(folded) and c.scenario.channel == Channel.FACE_A_FACE and \
            len(c.scenario.speakers) > 1:
        _interrupt(c, parts, "stays_in_meeting")
    elif _DATA_BOUGHT.search(folded):
        _interrupt(c, parts, "data_bought_refused", breach=True)
    elif _FRAUD_HINTED.search(folded):
        _interrupt(c, parts, "fraud_joke_refused")
    elif _JOB_ASKED.search(folded):
        _interrupt(c, parts, "job_asked")
    elif _DATA_HANDED.search(folded) or (_DATA_POINTED.search(folded)
                                         and _DATA_WORD.search(folded)):
        _interrupt(c, parts, "data_handed_refused", breach=True)
    elif _FRAUD.search(folded):
        _interrupt(c, parts, "scheme_refused", breach=True, fraud=True)
    elif _SCHEME.search(folded):
        _interrupt(c, parts, "scheme_refused", breach=True)
    elif _LIE_ASKED.search(folded):
        _interrupt(c, parts, "lie_asked", breach=True)
    elif (_INDUCEMENT.search(folded) or (_FOR_HER_ALONE.search(folded)
                                         and _GIFT_WORD.search(folded))) \
            and c.speaker.role != SpeakerRole.BARRAGE:
        _interrupt(c, parts, "bribe_refused", breach=True)
    elif _BONUS.search(folded):
        _interrupt(c, parts, "bonus_refused")
    elif _UNPAID.search(folded):
        _interrupt(c, parts, "unpaid_work_refused", breach=True)
    elif _INVITED.search(folded):
        _interrupt(c, parts, "invitation_refused")
    elif c.scenario.kind != Kind.RECLAMATION and _DELIVERED_TOMORROW.search(folded) and \
            not _SET_RIGHT.search(folded):
        # (A complaint weighs it against its policy's delays: complaint.py.)
        _interrupt(c, parts, "promise_too_fast", stance=Stance.NEUTRAL)
    elif _DEADLINE.search(folded):
        _interrupt(c, parts, "deadline_doubted", stance=Stance.NEUTRAL)
    elif _UNCHECKED.search(folded):
        _interrupt(c, parts, "unchecked_claim_doubted", stance=Stance.NEUTRAL)
    elif _CARD.search(folded):
        _interrupt(c, parts, "card_refused_refund" if c.scenario.kind == Kind.RECLAMATION
                   else "card_refused")
    elif c.scenario.kind == Kind.NEGOCIATION_INTERNE and (
            _COMMITTED.search(folded) or _GRANTED.search(folded)):
        _interrupt(c, parts, "committed_unapproved", breach=True)
    elif c.scenario.kind == Kind.NEGOCIATION_INTERNE and any(
            _ANNOUNCED.search(fold(sentence.text)) for sentence in u.sentences
            if "?" not in sentence.text):
        _interrupt(c, parts, "announced_unapproved", breach=True)
    elif _UNAUTHORISED.search(folded) or (_MONEY_BACK.search(folded)
                                          and c.scenario.kind != Kind.RECLAMATION):
        _interrupt(c, parts, "unauthorised_doubted", breach=True, stance=Stance.NEUTRAL)
    else:
        _gift(c, u, parts)


def _interrupt(c: Customer, parts: list[ReplyPart], key: str, breach: bool = False,
               stance: Stance = Stance.NEGATIVE, fraud: bool = False) -> None:
    """She stops at what she cannot let pass, before anything else of the turn; `breach`
    when it is a promise outside the sales policy, `fraud` when it is money off the books
    (the grade counts both)."""
    if breach:
        c.state.record_promise()
    if fraud:
        c.state.frauds += 1
    c.move(mood=c.rules.claim_doubted_mood)
    parts.append(ReplyPart(Priority.INTERRUPTION, c.bank(key), ReplyKind.CLAIM_DOUBTED,
                           stance=stance))


# How surely a sentence must name a gift the scenario allows for it to be that gift.
_ALLOWED_GIFT = 0.7
# A count of months given with a gift ("six mois de toner", "pendant 6 mois", "les 6 premiers
# mois"), not the contract's length ("sur 60 mois", "un engagement de 60 mois").
_GIFT_MONTHS = re.compile(r"(?<!sur )(?<!de )(?<!engagement )\b(\d+) (?:premiers )?mois\b"
                          r"(?! de (?:contrat|location|engagement))")


def _longer_than_allowed(c: Customer, sentence_ids: set[str], window: str) -> bool:
    """An allowed gift given for longer than the policy gives it: "je vous offre six mois de
    toner couleur" where the brief allows three (a blind student's move; no reaction, and no
    fault graded)."""
    for concession_id in sentence_ids:
        concession = c.concessions.get(concession_id)
        allowed = _GIFT_MONTHS.search(normalise_numbers(fold(concession.label))) \
            if concession else None
        if allowed and any(int(said.group(1)) > int(allowed.group(1))
                           for said in _GIFT_MONTHS.finditer(normalise_numbers(window))):
            return True
    return False


def _gift(c: Customer, u: Understanding, parts: list[ReplyPart]) -> None:
    """A gift no sales policy allows, said side by side with what makes it one."""
    if c.scenario.kind == Kind.RECLAMATION:
        return  # a complaint's promises are weighed against its policy (complaint.py)
    allowed = set(c.concessions) | c.gestures
    for sentence in u.sentences:
        folded = _MEDIUM.sub("", fold(sentence.text))
        # A gift the scenario allows ("je vous offre les trois mois de toner couleur"):
        # weighed by the negotiation, not doubted ("Gratuit, comme ça ?", round 50).
        named = {hit.id for hit in sentence.topics
                 if hit.id in allowed and hit.score >= _ALLOWED_GIFT}
        beyond = _BEYOND_ALLOWED if named else _BEYOND_POLICY
        # Side by side ("le toner gratuit à vie", "une tablette pour la caisse, cadeau"); a
        # gift word alone ("installation offerte", "premier mois offert") is a gesture the
        # scenario may allow, weighed by the negotiation.
        # ("je vous offre l'installation, les 3 mois de toner couleur, et une machine à café
        # Nespresso": what "je vous offre" gives runs to the end of its sentence, round 51 —
        # an object or money; a duration further on is the contract's, "…sur 60 mois".)
        windows = [(gift, folded[max(0, gift.start() - _NEAR):gift.end() + _NEAR_AFTER])
                   for gift in _GIFT.finditer(folded)]
        if any(beyond.search(window) or _longer_than_allowed(c, named, window)
               or (gift.group().startswith("je ")
                   and _BEYOND_ALLOWED.search(folded[gift.end():]))
               for gift, window in windows):
            c.state.record_promise()
            c.move(mood=c.rules.claim_doubted_mood)
            # The assistant is being bought, not sold to; the buyer takes note of a gift
            # she does not believe.
            key = "bribe_refused" if c.speaker.role == SpeakerRole.BARRAGE else "gift_doubted"
            # Not a no to the deal or the slot: it may follow "mardi 15 h, d'accord".
            parts.append(ReplyPart(Priority.FOLLOW_UP, c.bank(key), ReplyKind.CLAIM_DOUBTED))
            return


# Her rebukes: "c'était une blague nulle", "je me suis emballé" right after one takes back the
# fault she rebuked, not a promise ("Vous venez de me le promettre" to it, rounds 42-43).
_REBUKES = ("mockery_reaction", "rude_reaction", "denigration_reaction", "familiarity_reaction",
            "pressure_reaction", "bypass_refused", "lie_asked", "bonus_refused",
            "unpaid_work_refused", "scheme_refused", "rejection_reaction")
# Her doubts: "vous avez raison, je n'ai pas le droit" after one confirms it ("Comment ça ?
# Vous venez de me le promettre" overstated it, round 44).
_DOUBTS = ("unauthorised_doubted", "approval_doubted", "claim_doubted", "made_up_doubted",
           "gift_doubted")
# What she just doubted or turned down, so that taking it back is what she thought ("25 € à
# vie, entre nous" got "Gardez vos cadeaux… Ça me paraît louche", then "oubliez ça, le vrai prix
# c'est 49 €" got "Vous venez de me le promettre", round 51).
_DOUBTED = (*_DOUBTS, "bribe_refused", "below_floor_doubt")


def distrust(c: Customer) -> int:
    """How much the student has given her to doubt: his rude turns and the distinct lines
    with which she rebuked or doubted what he said."""
    rude = sum(Act.IMPOLITESSE in heard.acts for heard in c.state.heard)
    doubted = sum(line in c.voice.used for key in (*_REBUKES, *_DOUBTS, "price_raised")
                  for line in c.stock(key))
    return rude + doubted


def _after(c: Customer, keys: tuple[str, ...]) -> bool:
    """Whether her last reply was one of these banks' lines."""
    return any(line in c.last_reply for key in keys for line in c.stock(key))


def proof_awaited(c: Customer) -> bool:
    """Whether her last reply asked for the proof of a claim she cannot check: she signs
    nothing on the next turn ("certifiée par la CNIL et le ministère des Finances" doubted,
    then the contract accepted at once, blind play)."""
    return _after(c, ("unchecked_claim_doubted",))


def _promised(c: Customer) -> bool:
    """Whether the student has promised her something she may now see taken back: a price,
    a concession, a solution, a gift."""
    state = c.state
    # In an earlier turn: "pas besoin de menacer, je rigolais à moitié. Je vous envoie une
    # machine neuve demain…" takes back a remark, not the promise it goes on to make (round
    # 48: "Vous venez de me le promettre").
    offers = c.solutions | c.gestures | set(c.concessions) | set(c.forbidden)
    # (A promise outside the policy recorded in an earlier turn is one: "le remboursement en
    # plus, c'était une blague" after "une machine neuve demain, et je vous rembourse les 549
    # euros" went unremarked, its words read too loosely to be kept as topics, round 50.)
    promised_before = state.promised_at is not None and state.promised_at < state.turn
    offered_before = promised_before or any(Act.ANNONCE_PRIX in turn.acts or (
        turn.acts & _OFFERING and turn.topics & offers) for turn in state.heard)
    return offered_before and bool(state.price_offered is not None or state.concessions_given
                                   or state.solutions_proposed or promised_before)


_OFFERING = {Act.PROPOSITION_SOLUTION, Act.CONCESSION}
