"""The fixed vocabulary a scenario file may use: speech acts, engine events, phases,
SONCAS motives, social styles... Each identifier maps to the French label shown to users.

These enumerations are the contract between scenario files (written by teachers), the
simulated customer (`bot/`) and grading (`scoring/`): extend them here, in one place.
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A string enumeration whose members carry a French label for users."""

    @property
    def label(self) -> str:
        return LABELS[type(self)][self.value]


class Kind(Labelled):
    NEGOCIATION = "negociation"
    PROSPECTION_TELEPHONIQUE = "prospection_telephonique"
    RECLAMATION = "reclamation"
    NEGOCIATION_INTERNE = "negociation_interne"


class Channel(Labelled):
    FACE_A_FACE = "face_a_face"
    TELEPHONE = "telephone"


class Difficulty(Labelled):
    FACILE = "facile"
    MOYEN = "moyen"
    DIFFICILE = "difficile"


class Phase(Labelled):
    CONTACT = "contact"
    DECOUVERTE = "decouverte"
    ARGUMENTATION = "argumentation"
    OBJECTIONS = "objections"
    NEGOCIATION = "negociation"
    CONCLUSION = "conclusion"


class Motive(Labelled):
    """SONCAS(E) buying motives."""

    SECURITE = "securite"
    ORGUEIL = "orgueil"
    NOUVEAUTE = "nouveaute"
    CONFORT = "confort"
    ARGENT = "argent"
    SYMPATHIE = "sympathie"
    ENVIRONNEMENT = "environnement"


class SocialStyle(Labelled):
    ANALYTIQUE = "analytique"
    DIRECTIF = "directif"
    EXPRESSIF = "expressif"
    AIMABLE = "aimable"


class Register(Labelled):
    VOUVOIEMENT = "vouvoiement"
    TUTOIEMENT = "tutoiement"


class SpeakerRole(Labelled):
    DECIDEUR = "decideur"
    CODECIDEUR = "codecideur"
    PRESCRIPTEUR = "prescripteur"
    BARRAGE = "barrage"
    CLIENT = "client"


class Gender(Labelled):
    FEMME = "femme"
    HOMME = "homme"


class Level3(Labelled):
    """Three-step scale used for voice rate and pitch hints."""

    BAS = "bas"
    MOYEN = "moyen"
    HAUT = "haut"


class CallDirection(Labelled):
    SORTANT = "sortant"
    ENTRANT = "entrant"


class Act(Labelled):
    """Speech acts recognised in each sentence of a student's turn."""

    SALUTATION = "salutation"
    PRESENTATION = "presentation"
    ANNONCE_OBJET = "annonce_objet"
    QUESTION_OUVERTE = "question_ouverte"
    QUESTION_FERMEE = "question_fermee"
    QUESTION_ALTERNATIVE = "question_alternative"
    QUESTION_CONTROLE = "question_controle"
    REFORMULATION = "reformulation"
    EMPATHIE = "empathie"
    EXCUSE = "excuse"
    ARGUMENT = "argument"
    PREUVE = "preuve"
    TRAITEMENT_OBJECTION = "traitement_objection"
    ANNONCE_PRIX = "annonce_prix"
    CONCESSION = "concession"
    DEMANDE_CONTREPARTIE = "demande_contrepartie"
    PROPOSITION_SOLUTION = "proposition_solution"
    DEMANDE_ENGAGEMENT = "demande_engagement"
    PROPOSITION_RDV = "proposition_rdv"
    RECAPITULATIF = "recapitulatif"
    REMERCIEMENT = "remerciement"
    PRISE_DE_CONGE = "prise_de_conge"
    HORS_SUJET = "hors_sujet"
    IMPOLITESSE = "impolitesse"


class Event(Labelled):
    """Facts of the conversation that the customer engine records as they happen."""

    PRESENTATION_FAITE = "presentation_faite"
    PRESENTATION_MANQUANTE = "presentation_manquante"
    OBJET_ANNONCE = "objet_annonce"
    PRIX_ANNONCE = "prix_annonce"
    MONOLOGUE = "monologue"
    CLOSING_PREMATURE = "closing_premature"
    CONCESSION_SANS_CONTREPARTIE = "concession_sans_contrepartie"
    CONTREPARTIE_OBTENUE = "contrepartie_obtenue"
    PRESSION = "pression"
    IMPOLITESSE = "impolitesse"
    OBJECTION_IGNOREE = "objection_ignoree"
    PATIENCE_EPUISEE = "patience_epuisee"
    TRANSFERT = "transfert"
    ACCORD = "accord"
    REFUS = "refus"
    RDV_FIXE = "rdv_fixe"
    RDV_CONFIRME = "rdv_confirme"
    EMAIL_OBTENU = "email_obtenu"
    DOCUMENTATION_PROMISE = "documentation_promise"
    RAPPEL_FIXE = "rappel_fixe"
    SOLUTION_PROPOSEE = "solution_proposee"
    SOLUTION_ACCEPTEE = "solution_acceptee"
    ENGAGEMENT_DONNE = "engagement_donne"
    PROMESSE_HORS_POLITIQUE = "promesse_hors_politique"
    PROMESSE_RETIREE = "promesse_retiree"
    DROIT_LEGAL_NIE = "droit_legal_nie"
    CONGE_PRIS = "conge_pris"


class OutcomeType(Labelled):  # the kind of an outcome, as a scenario file writes it
    SUCCES = "succes"
    PARTIEL = "partiel"
    ECHEC = "echec"

    @property
    def result(self) -> Outcome:
        return {"succes": Outcome.SUCCESS, "partiel": Outcome.PARTIAL,
                "echec": Outcome.FAILURE}[self.value]

    @property
    def rank(self) -> int:
        """How good: a better outcome may replace a partial one, never the reverse."""
        return ("echec", "partiel", "succes").index(self.value)


class Outcome(StrEnum):
    """How a conversation ended: the one word the transcript, the store, the grade and
    every screen use (not a word of scenario files, which say `OutcomeType`)."""

    SUCCESS = "success"
    PARTIAL = "partial"
    FAILURE = "failure"
    UNFINISHED = "unfinished"  # nothing decisive happened

    @property
    def label(self) -> str:
        return {"success": "réussite", "partial": "réussite partielle", "failure": "échec",
                "unfinished": "entretien inachevé"}[self.value]


def outcome_label(value: str | None, missing: str = "") -> str:
    """The French word for a stored outcome; `missing` when there is none (a session still
    going, or an old record)."""
    try:
        return Outcome(value).label if value else missing
    except ValueError:
        return missing


class ObjectionCategory(Labelled):
    PRIX = "prix"
    CONCURRENCE = "concurrence"
    ENGAGEMENT = "engagement"
    DECISION = "decision"
    TEMPS = "temps"
    CONFIANCE = "confiance"
    BESOIN = "besoin"
    ORGANISATION = "organisation"
    ESCALADE = "escalade"


LABELS: dict[type[StrEnum], dict[str, str]] = {
    Kind: {
        "negociation": "Négociation-vente",
        "prospection_telephonique": "Prospection téléphonique",
        "reclamation": "Traitement d'une réclamation",
        "negociation_interne": "Négociation interne (avec son responsable)",
    },
    Channel: {"face_a_face": "Face à face", "telephone": "Téléphone"},
    Difficulty: {"facile": "Facile", "moyen": "Moyen", "difficile": "Difficile"},
    Phase: {
        "contact": "Prise de contact",
        "decouverte": "Découverte",
        "argumentation": "Argumentation",
        "objections": "Traitement des objections",
        "negociation": "Négociation",
        "conclusion": "Conclusion",
    },
    Motive: {
        "securite": "Sécurité",
        "orgueil": "Orgueil",
        "nouveaute": "Nouveauté",
        "confort": "Confort",
        "argent": "Argent",
        "sympathie": "Sympathie",
        "environnement": "Environnement",
    },
    SocialStyle: {
        "analytique": "Analytique (veut des faits et des chiffres)",
        "directif": "Directif (va droit au but, décide vite)",
        "expressif": "Expressif (enthousiaste, parle volontiers)",
        "aimable": "Aimable (cherche la relation, craint le conflit)",
    },
    Register: {"vouvoiement": "Vouvoiement", "tutoiement": "Tutoiement"},
    SpeakerRole: {
        "decideur": "Décideur",
        "codecideur": "Codécideur",
        "prescripteur": "Prescripteur",
        "barrage": "Barrage (standard, assistant·e)",
        "client": "Client",
    },
    Gender: {"femme": "Femme", "homme": "Homme"},
    Level3: {"bas": "Bas", "moyen": "Moyen", "haut": "Haut"},
    CallDirection: {"sortant": "Appel sortant", "entrant": "Appel entrant"},
    Act: {
        "salutation": "Prise de contact (salutation)",
        "presentation": "Présentation (soi et l'entreprise)",
        "annonce_objet": "Annonce de l'objet de l'appel ou de la visite",
        "question_ouverte": "Question ouverte",
        "question_fermee": "Question fermée",
        "question_alternative": "Question alternative",
        "question_controle": "Question de contrôle",
        "reformulation": "Reformulation",
        "empathie": "Empathie",
        "excuse": "Excuse",
        "argument": "Argument (caractéristique → avantage → preuve)",
        "preuve": "Preuve / témoignage",
        "traitement_objection": "Traitement d'objection",
        "annonce_prix": "Annonce de prix",
        "concession": "Concession / remise",
        "demande_contrepartie": "Demande de contrepartie",
        "proposition_solution": "Proposition de solution",
        "demande_engagement": "Demande d'engagement (conclusion)",
        "proposition_rdv": "Proposition de rendez-vous",
        "recapitulatif": "Récapitulatif / confirmation",
        "remerciement": "Remerciement",
        "prise_de_conge": "Prise de congé",
        "hors_sujet": "Hors-sujet",
        "impolitesse": "Impolitesse / pression",
    },
    Event: {
        "presentation_faite": "L'étudiant s'est présenté (nom, entreprise)",
        "presentation_manquante": "Ouverture sans nom, entreprise ou objet",
        "objet_annonce": "Objet de l'appel ou de la visite annoncé",
        "prix_annonce": "Prix annoncé",
        "monologue": "Monologue avant toute question",
        "closing_premature": "Conclusion demandée avant la découverte",
        "concession_sans_contrepartie": "Concession accordée sans contrepartie",
        "contrepartie_obtenue": "Contrepartie obtenue en échange d'une concession",
        "pression": "Pression sur le client",
        "impolitesse": "Impolitesse",
        "objection_ignoree": "Objection laissée sans réponse",
        "patience_epuisee": "Patience du client épuisée",
        "transfert": "Passage à un autre interlocuteur",
        "accord": "Accord du client",
        "refus": "Refus du client",
        "rdv_fixe": "Rendez-vous fixé sur un créneau libre",
        "rdv_confirme": "Rendez-vous reformulé et confirmé (jour, heure, forme)",
        "email_obtenu": "Adresse électronique obtenue",
        "documentation_promise": "Envoi de documentation promis",
        "rappel_fixe": "Rappel daté convenu",
        "solution_proposee": "Solution proposée",
        "solution_acceptee": "Solution acceptée par le client",
        "engagement_donne": "Engagement donné (numéro de dossier, courriel, créneau)",
        "promesse_hors_politique": "Promesse hors de la politique commerciale",
        "promesse_retiree": "Promesse reprise par l'étudiant",
        "droit_legal_nie": "Droit légal du consommateur nié",
        "conge_pris": "Prise de congé",
    },
    OutcomeType: {"succes": "Réussite", "partiel": "Réussite partielle", "echec": "Échec"},
    ObjectionCategory: {
        "prix": "Prix",
        "concurrence": "Concurrence",
        "engagement": "Engagement",
        "decision": "Décision",
        "temps": "Manque de temps",
        "confiance": "Confiance",
        "besoin": "Besoin",
        "organisation": "Organisation",
        "escalade": "Escalade (colère, menace)",
    },
}
