"""The scenario file format: pydantic models, the single source of truth.

YAML keys are French (teachers write them); Python attributes are English. Every field
carries a French description: the validator quotes it as "what was expected" and the
published JSON Schema shows it in editors.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from .vocabulary import (
    Act,
    CallDirection,
    Channel,
    Difficulty,
    Event,
    Gender,
    Kind,
    Level3,
    Motive,
    ObjectionCategory,
    OutcomeType,
    Phase,
    Register,
    SocialStyle,
    SpeakerRole,
)

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Ident = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Lines = Annotated[list[Text], Field(min_length=1)]
Time = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
Percent = Annotated[int, Field(ge=0, le=100)]

# Bounds no real scenario comes near, so that every figure stays finite and meaningful in
# the arithmetic of negotiation and grading: a weight of .inf crashed grading, 1e308 gave a
# silent 0/20. Non-finite numbers (.inf, .nan) are refused everywhere (Model's config) and
# again on each numeric type, where the schema published to editors shows the bounds.
MAX_AMOUNT = 1_000_000_000  # euros: a price, a budget, a concession
MAX_WEIGHT = 1_000  # a criterion's weight, and their declared total
MAX_TURNS = 1_000  # a conversation is a few dozen turns
MAX_COUNT = 10_000  # facts revealed, objections pending
MAX_DAYS = 3_650  # ten years: delays and warranties
MAX_VALUE = 1_000_000_000_000  # a fact's structured value (pages per month, euros...)
Amount = Annotated[float, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]
Weight = Annotated[float, Field(gt=0, le=MAX_WEIGHT, allow_inf_nan=False)]
Turn = Annotated[int, Field(ge=1, le=MAX_TURNS)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Days = Annotated[int, Field(ge=0, le=MAX_DAYS)]
FactValue = (str | Annotated[int, Field(ge=-MAX_VALUE, le=MAX_VALUE)]
             | Annotated[float, Field(ge=-MAX_VALUE, le=MAX_VALUE, allow_inf_nan=False)])


def field(alias: str, description: str, default: Any = ..., **kwargs: Any) -> Any:
    """A field known by its French YAML key, described in French."""
    if isinstance(default, list | dict) and not default:
        # pydantic deep-copies a mutable default for every object: a factory is cheaper
        # (a scenario may hold thousands of facts), and editors still see the default.
        return Field(default_factory=type(default), alias=alias, description=description,
                     json_schema_extra={"default": default}, **kwargs)
    return Field(default, alias=alias, description=description, **kwargs)


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_by_alias=True,
        validate_by_name=False,
        serialize_by_alias=True,
        use_enum_values=False,
        allow_inf_nan=False,
    )


# --- conditions and effects ------------------------------------------------------------


class Condition(Model):
    """All the given tests must hold. Inside `actes` and `sujets` one item is enough (the
    student's last turn); `evenements`, `faits_reveles` and `objections_*` must all have
    happened since the start of the conversation."""

    phase: list[Phase] | None = field(
        "phase", "la phase en cours, parmi une liste (contact, decouverte...)", None,
        min_length=1)
    turn_min: Turn | None = field("tour_min", "un numéro de tour minimal (1 = premier tour)",
                                  None)
    turn_max: Turn | None = field("tour_max", "un numéro de tour maximal", None)
    acts: list[Act] | None = field(
        "actes", "une liste d'actes de l'étudiant (un seul suffit) dans son dernier tour",
        None, min_length=1)
    topics: list[Ident] | None = field(
        "sujets", "une liste d'identifiants de sujets, faits, besoins, arguments, objections "
        "ou contreparties (un seul suffit) abordés dans le dernier tour", None, min_length=1)
    events: list[Event] | None = field(
        "evenements", "une liste d'événements survenus depuis le début (tous requis)", None,
        min_length=1)
    facts_revealed: list[Ident] | None = field(
        "faits_reveles", "une liste d'identifiants de faits déjà révélés (tous requis)", None,
        min_length=1)
    facts_revealed_min: Count | None = field(
        "nb_faits_reveles_min", "un nombre minimal de faits cachés révélés", None)
    facts_revealed_max: Count | None = field(
        "nb_faits_reveles_max", "un nombre maximal de faits cachés révélés", None)
    objections_treated: list[Ident] | None = field(
        "objections_traitees", "une liste d'objections traitées (toutes requises)", None,
        min_length=1)
    objections_ignored: list[Ident] | None = field(
        "objections_ignorees", "une liste d'objections laissées sans réponse (une suffit)",
        None, min_length=1)
    objections_pending_max: Count | None = field(
        "nb_objections_en_suspens_max", "un nombre maximal d'objections en suspens", None)
    price_min: Amount | None = field(
        "prix_min", "un prix minimal (le prix proposé ou convenu, dans l'unité de la "
        "négociation)", None)
    price_max: Amount | None = field("prix_max", "un prix maximal", None)
    mood_min: Percent | None = field("humeur_min", "une humeur minimale, de 0 à 100", None)
    mood_max: Percent | None = field("humeur_max", "une humeur maximale, de 0 à 100", None)
    patience_min: Percent | None = field(
        "patience_min", "une patience minimale, de 0 à 100", None)
    patience_max: Percent | None = field(
        "patience_max", "une patience maximale, de 0 à 100", None)
    speaker: Ident | None = field(
        "interlocuteur", "l'identifiant de l'interlocuteur qui parle à ce moment", None)
    unless: Condition | None = field(
        "sauf", "une exception : si cette condition est vraie, celle-ci ne l'est pas (ex. "
        "sauf: {evenements: [promesse_hors_politique]})", None)


Conditions = Annotated[list[Condition], Field(min_length=1)]


class Effect(Model):
    mood: int = field("humeur", "une variation d'humeur, de -100 à +100", 0, ge=-100, le=100)
    patience: int = field(
        "patience", "une variation de patience, de -100 à +100", 0, ge=-100, le=100)


# --- identity, brief, personas ----------------------------------------------------------


class Call(Model):
    direction: CallDirection = field("sens", "sortant (l'étudiant appelle) ou entrant")
    time: Time | None = field("heure", "l'heure de l'appel, au format HH:MM", None)
    situation: Text | None = field(
        "situation", "ce que fait l'interlocuteur au moment de l'appel", None)


class Company(Model):
    name: Text = field("nom", "le nom de l'entreprise")
    activity: Text = field("activite", "son activité en quelques mots")
    city: Text | None = field("ville", "sa ville", None)


class Resource(Model):
    title: Text = field("titre", "le titre de la ressource (ex. « Tarifs »)")
    items: Lines = field("elements", "la liste des informations de cette ressource")


class Brief(Model):
    context: Text = field("contexte", "le contexte de la situation, en quelques phrases")
    role: Text = field("role", "le rôle de l'étudiant (qui il est, pour quelle entreprise)")
    company: Company = field("entreprise", "l'entreprise de l'étudiant (nom, activite, ville)")
    objective: Text = field("objectif", "l'objectif de l'entretien")
    resources: list[Resource] = field(
        "ressources", "les ressources à disposition (tarifs, marges, politique commerciale)",
        [])
    known: list[Text] = field(
        "ce_que_vous_savez", "ce que l'étudiant sait déjà du client (une ligne par élément)",
        [])
    preparation_min: int | None = field(
        "preparation_min", "la durée de préparation conseillée, en minutes", None, ge=0, le=120)


class Voice(Model):
    gender: Gender = field("genre", "femme ou homme")
    rate: Level3 = field("debit", "le débit : bas, moyen ou haut", Level3.MOYEN)
    pitch: Level3 = field("hauteur", "la hauteur de voix : bas, moyen ou haut", Level3.MOYEN)
    accent: Annotated[str, StringConstraints(pattern=r"^fr(-(be|ch|ca))?$")] = field(
        "accent", "la variante de français : fr, fr-be, fr-ch ou fr-ca", "fr")


class SpeakerLines(Model):
    greeting: Lines = field("accueil", "les premières phrases de l'interlocuteur (variantes)")
    deflect: list[Text] = field(
        "esquive", "ce qu'il répond à une question que le scénario ne couvre pas", [])
    get_to_the_point: list[Text] = field(
        "recentrage", "ce qu'il dit après un monologue (« venez-en au fait »)", [])
    goodbye: list[Text] = field("au_revoir", "ses phrases de prise de congé", [])
    hang_up: list[Text] = field(
        "raccrochage", "ce qu'il dit en raccrochant ou en mettant fin à l'entretien", [])
    refusal: list[Text] = field(
        "refus", "ce qu'il répond quand il refuse (ex. un barrage qui ne passe pas l'appel)",
        [])


class Speaker(Model):
    id: Ident = field("id", "un identifiant court en minuscules (ex. claire-martin)")
    title: Annotated[str, StringConstraints(pattern=r"^(M\.|Mme)$")] = field(
        "civilite", "M. ou Mme")
    first_name: Text = field("prenom", "le prénom")
    last_name: Text = field("nom", "le nom de famille")
    position: Text = field("fonction", "la fonction (ex. responsable administrative)")
    company: Text | None = field("entreprise", "l'entreprise de l'interlocuteur", None)
    role: SpeakerRole = field(
        "role", "decideur, codecideur, prescripteur, barrage ou client", SpeakerRole.DECIDEUR)
    social_style: SocialStyle = field(
        "style_social", "analytique, directif, expressif ou aimable")
    address: Register = field("registre", "vouvoiement ou tutoiement", Register.VOUVOIEMENT)
    speaking_style: Text = field(
        "maniere_de_parler", "sa manière de parler, en une phrase (ex. phrases courtes)")
    voice: Voice = field("voix", "les indications de voix (genre, debit, hauteur, accent)")
    mood: Percent = field(
        "humeur_initiale", "l'humeur au début, de 0 (furieux) à 100 (enthousiaste)")
    patience: Percent = field(
        "patience_initiale", "la patience au début, de 0 (raccroche) à 100 (tout son temps)")
    lines: SpeakerLines = field("repliques", "ses répliques génériques (accueil, esquive...)")
    hands_over_to: Ident | None = field(
        "passe_a", "l'interlocuteur à qui il passe la parole (ex. un barrage passe l'appel)",
        None)
    hands_over_if: list[Condition] = field(
        "passe_si", "les conditions du passage de parole (une suffit)", [])

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.first_name} {self.last_name}"

    @property
    def short_name(self) -> str:
        """As one addresses or mentions them: "Mme Martin"."""
        return f"{self.title} {self.last_name}"


# --- what the customer knows, wants and objects -----------------------------------------


class Topic(Model):
    """Something the student may talk about, recognised from phrasings and keywords."""

    id: Ident = field("id", "un identifiant court en minuscules (ex. volume-impression)")
    label: Text = field("libelle", "un libellé court, lisible par l'étudiant")
    phrasings: list[Text] = field(
        "phrases", "des exemples de phrases de l'étudiant qui abordent ce sujet", [])
    keywords: list[Text] = field("mots_cles", "des mots-clés qui signalent ce sujet", [])


class Fact(Topic):
    answers: Lines = field(
        "reponses", "les répliques du client qui révèlent ce fait (plusieurs variantes)")
    essential: bool = field(
        "essentiel", "vrai si la découverte de ce fait est attendue d'un bon diagnostic", True)
    known_by: Ident | None = field(
        "interlocuteur", "l'interlocuteur qui connaît ce fait (par défaut : tous)", None)
    revealed_if: list[Condition] = field(
        "revele_si", "des conditions supplémentaires pour qu'il le révèle (une suffit)", [])
    values: dict[Ident, FactValue] = field(
        "valeurs", "des valeurs structurées (ex. pages_par_mois: 12000)", {})


class Need(Topic):
    motive: Motive = field("mobile", "le mobile SONCAS : securite, orgueil, nouveaute, "
                                     "confort, argent, sympathie ou environnement")
    priority: int = field("priorite", "la priorité, 1 = la plus forte", 1, ge=1, le=10)
    facts: list[Ident] = field("faits", "les faits cachés qui font apparaître ce besoin", [])


class Argument(Topic):
    feature: Text = field("caracteristique", "la caractéristique de l'offre")
    advantage: Text = field("avantage", "l'avantage pour ce client")
    proof: Text | None = field("preuve", "la preuve ou le témoignage", None)
    needs: list[Ident] = field("besoins", "les besoins auxquels il répond", [])
    motives: list[Motive] = field("mobiles", "les mobiles SONCAS qu'il touche", [])
    reactions: list[Text] = field(
        "reactions", "les réactions du client quand l'argument porte", [])


class IgnoredObjection(Model):
    effect: Effect = field("effet", "la variation d'humeur et de patience", Effect())
    lines: list[Text] = field("repliques", "ce que dit le client s'il est ignoré", [])


class Objection(Topic):
    category: ObjectionCategory = field(
        "categorie", "prix, concurrence, engagement, decision, temps, confiance, besoin, "
        "organisation ou escalade")
    lines: Lines = field("repliques", "les formulations de l'objection par le client")
    behind: list[Text] = field(
        "precisions", "ce que le client explique quand l'étudiant creuse l'objection (« qu'est-"
        "ce qui vous gêne ? ») : ce qu'il y a derrière", [])
    when: Conditions = field(
        "quand", "les déclencheurs de l'objection (une condition suffit)")
    treated_if: Conditions = field(
        "traitee_si", "ce qui la traite : actes et sujets attendus de l'étudiant (une "
        "condition suffit)")
    accepted_lines: Lines = field(
        "reponses_si_traitee", "ce que dit le client quand l'objection est levée")
    if_ignored: IgnoredObjection = field(
        "si_ignoree", "l'effet et les répliques si l'étudiant l'ignore", IgnoredObjection())
    speaker: Ident | None = field(
        "interlocuteur", "l'interlocuteur qui la soulève (par défaut : celui qui parle)", None)


# --- negotiation, appointment, complaint policy -----------------------------------------


class Counterpart(Topic):
    accepted: bool = field(
        "acceptable", "vrai si le client peut accepter de la donner", True)
    answers: list[Text] = field("reponses", "ce que répond le client quand on la demande", [])


class Concession(Topic):
    value: Amount | None = field("valeur", "sa valeur en euros", None)
    price_min: Amount | None = field(
        "prix_min", "pour une baisse de prix : le prix le plus bas qu'elle autorise", None)
    counterparts: list[Ident] = field(
        "contreparties", "les contreparties exigées (une suffit ; vide = peut être offerte)",
        [])


class Tariff(Model):
    """A priced item of the student's brief: the grade flags a turn that states it cheaper
    than the brief, or free, whatever the customer made of it (a radio pack "with the live
    show for 700 €" where the brief says 1 300 € was made up in eight blind sets of eleven,
    and the director rarely caught it)."""

    id: Ident = field("id", "un identifiant court en minuscules (ex. radio-direct)")
    label: Text = field("libelle", "le poste tel que la fiche le nomme, lisible par l'étudiant")
    keywords: Lines = field(
        "mots_cles", "les mots qui nomment ce poste dans une phrase (ex. « direct »)")
    price: Amount = field(
        "prix", "son prix le plus bas dans la fiche (à l'unité s'il se vend à l'unité)")
    includes: list[Ident] = field(
        "comprend", "les postes de la liste que ce poste comprend (un pack) : nommés avec lui, "
        "ils sont au prix du pack", [])
    given_away: bool = field(
        "offert_aux_clients", "vrai si le poste est donné aux clients (« kits offerts aux "
        "participants ») : le dire « offert » n'est alors pas une entorse", False)


class Negotiation(Model):
    unit: Text = field("unite", "l'unité des prix (ex. « € HT/mois »)")
    list_price: Amount = field("prix_catalogue", "le prix de départ de l'offre de l'étudiant")
    target_price: Amount | None = field("prix_cible", "le prix visé par l'étudiant", None)
    floor_price: Amount | None = field(
        "prix_plancher", "le prix le plus bas autorisé (jamais en dessous)", None)
    customer_budget: Amount | None = field(
        "budget_client", "le prix que le client est prêt à payer (sa valeur de réserve)", None)
    authority_limit: Amount | None = field(
        "plafond_decision", "au-dessus de ce prix, l'interlocuteur ne peut pas décider seul",
        None)
    concessions: list[Concession] = field(
        "concessions", "les concessions possibles et leurs contreparties", [])
    counterparts: list[Counterpart] = field(
        "contreparties", "les contreparties que l'étudiant peut demander", [])
    rules: list[Text] = field("regles", "les règles de la politique commerciale", [])
    tariffs: list[Tariff] = field(
        "tarifs", "les postes chiffrés de la fiche que l'étudiant ne peut pas annoncer moins "
        "chers ni offerts", [])


class Slot(Model):
    day: Annotated[str, StringConstraints(
        pattern=r"^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$")] = field(
        "jour", "un jour de la semaine en minuscules (lundi ... dimanche)")
    start: Time = field("debut", "l'heure de début, au format HH:MM")
    end: Time = field("fin", "l'heure de fin, au format HH:MM")


class Appointment(Model):
    purpose: Text = field("objet", "l'objet du rendez-vous (ex. démonstration de 30 minutes)")
    duration_min: int = field("duree_min", "la durée en minutes", ge=5, le=480)
    forms: Annotated[list[Text], Field(min_length=1)] = field(
        "formes", "les formes possibles (ex. visite, visioconférence)")
    with_whom: Text = field("avec", "qui rencontrera le client")
    free_slots: Annotated[list[Slot], Field(min_length=1)] = field(
        "creneaux_libres", "les créneaux où le client est libre")
    slot_taken_lines: list[Text] = field(
        "reponses_creneau_pris", "ce que dit le client si le créneau proposé est pris", [])


class PolicyItem(Topic):
    details: Text | None = field("details", "les précisions (conditions, délais)", None)
    max_value: Amount | None = field("valeur_max", "la valeur maximale en euros", None)
    delay_days: Days | None = field("delai_jours", "le délai en jours", None)


class ForbiddenItem(PolicyItem):
    lines: Lines | None = field(
        "repliques", "ce que le client répond quand il l'entend (sans elles, il prend la "
                     "promesse au mot)", None)


class LegalPoint(Topic):
    reference: Text = field("reference", "la référence du texte (ex. Code de la consommation, "
                                         "art. L221-18)")
    applies: bool = field("applicable", "vrai si ce droit s'applique dans cette situation",
                          True)


class Policy(Model):
    solutions: Annotated[list[PolicyItem], Field(min_length=1)] = field(
        "solutions", "les solutions que l'étudiant peut proposer")
    gestures: list[PolicyItem] = field("gestes", "les gestes commerciaux autorisés", [])
    forbidden: list[ForbiddenItem] = field(
        "interdits", "ce qui ne doit jamais être promis", [])
    legal_points: list[LegalPoint] = field(
        "points_legaux", "les règles de droit qui s'appliquent", [])


# --- ends, variants, grading ------------------------------------------------------------


class Outcome(Model):
    id: Ident = field("id", "un identifiant court en minuscules (ex. commande-signee)")
    type: OutcomeType = field("type", "succes, partiel ou echec")
    label: Text = field("libelle", "ce que l'issue signifie, en une phrase")
    when: Conditions = field("si", "les conditions de l'issue (une condition suffit)")
    lines: Lines = field("repliques", "les répliques de clôture du client")
    hang_up: bool = field(
        "raccroche", "vrai si le client raccroche ou met fin à l'entretien", False)


class Variant(Model):
    id: Ident = field("id", "un identifiant court en minuscules (ex. budget-serre)")
    title: Text = field("titre", "le titre de la variante")
    description: Text = field(
        "description", "une ligne pour l'étudiant : ce qui change dans la fiche-sujet")
    changes: dict[str, Any] = field(
        "modifications", "des chemins (ex. negociation.budget_client) et leurs nouvelles "
        "valeurs", {})
    additions: dict[str, list[Any]] = field(
        "ajouts", "des chemins de listes et les éléments à y ajouter", {})
    removals: list[str] = field("retraits", "des chemins d'éléments à retirer", [])

    @field_validator("description")
    @classmethod
    def one_line(cls, value: str) -> str:
        if "\n" in value:
            raise ValueError("la description d'une variante tient sur une seule ligne")
        return value


class WeightedCriterion(Model):
    criterion: Annotated[str, StringConstraints(pattern=r"^b[12]\.[a-z_]+$")] = field(
        "critere", "l'identifiant d'un critère du référentiel (ex. b1.efficacite_negociation)")
    weight: Weight = field("poids", "le poids du critère")


class Expectation(Model):
    id: Ident = field("id", "un identifiant court en minuscules")
    label: Text = field("libelle", "ce qui est attendu de l'étudiant, en une phrase")
    criterion: Annotated[str, StringConstraints(pattern=r"^b[12]\.[a-z_]+$")] = field(
        "critere", "le critère auquel cet attendu se rattache")
    when: Conditions = field("si", "les conditions qui montrent que l'attendu est tenu")


class Grading(Model):
    total_weight: Weight = field("total_poids", "la somme déclarée des poids (ex. 100)")
    criteria: Annotated[list[WeightedCriterion], Field(min_length=1)] = field(
        "criteres", "les critères évalués et leurs poids")
    expectations: list[Expectation] = field(
        "attendus", "les attendus propres à ce scénario", [])
    call_report: bool = field(
        "compte_rendu", "vrai si l'étudiant doit rédiger un compte rendu d'appel", False)


class Scenario(Model):
    """A role-play scenario, as a teacher writes it."""

    model_config = ConfigDict(title="Scénario Repliq")

    id: Ident = field("id", "l'identifiant du scénario, en minuscules (ex. e4-copieur-cabinet)")
    title: Text = field("titre", "le titre du scénario")
    summary: Text = field("resume", "une phrase qui résume la situation")
    bloc: int = field("bloc", "le bloc de compétences : 1 ou 2", ge=1, le=2)
    kind: Kind = field("type", "negociation, prospection_telephonique, reclamation ou "
                               "negociation_interne")
    channel: Channel = field("canal", "face_a_face ou telephone")
    difficulty: Difficulty = field("difficulte", "facile, moyen ou difficile")
    duration_min: int = field(
        "duree_cible_min", "la durée cible de l'entretien en minutes", ge=1, le=120)
    author: Text = field("auteur", "l'auteur du scénario")
    version: Text = field("version", "la version du scénario (ex. \"1.0\")")
    call: Call | None = field("appel", "pour le téléphone : sens et heure de l'appel", None)
    first_speaker: Ident = field(
        "premier_interlocuteur", "l'identifiant de l'interlocuteur qui parle en premier")
    brief: Brief = field("fiche_sujet", "la fiche que l'étudiant lit avant de commencer")
    speakers: Annotated[list[Speaker], Field(min_length=1)] = field(
        "interlocuteurs", "les personnages joués par Repliq")
    topics: list[Topic] = field(
        "sujets", "des sujets supplémentaires que l'étudiant peut aborder", [])
    facts: Annotated[list[Fact], Field(min_length=1)] = field(
        "faits", "les faits cachés, révélés seulement aux bonnes questions")
    needs: list[Need] = field("besoins", "les besoins du client et leur mobile SONCAS", [])
    motives: list[Motive] = field(
        "mobiles", "les mobiles SONCAS du client, du plus fort au plus faible", [])
    arguments: list[Argument] = field("arguments", "les arguments qui portent", [])
    objections: list[Objection] = field("objections", "les objections du client", [])
    negotiation: Negotiation | None = field(
        "negociation", "les marges de négociation (prix catalogue, cible, plancher...)", None)
    appointment: Appointment | None = field(
        "rendez_vous", "le rendez-vous à obtenir et les créneaux libres du client", None)
    policy: Policy | None = field(
        "politique", "pour une réclamation : la politique de l'entreprise et le droit", None)
    outcomes: Annotated[list[Outcome], Field(min_length=1)] = field(
        "issues", "les fins possibles : succes, partiel, echec (examinées dans l'ordre du "
                  "fichier : la première dont une condition est vraie l'emporte)")
    variants: list[Variant] = field(
        "variantes", "les variantes de la fiche-sujet (modifications nommées)", [])
    grading: Grading = field("evaluation", "les critères évalués, leurs poids et les attendus")

    @field_validator("version", mode="before")
    @classmethod
    def version_as_text(cls, value: Any) -> Any:
        # `version: 1.0` is read by YAML as a number; a teacher means the text "1.0". Not
        # `.inf` or `.nan`: left as numbers, they are refused as "not text".
        if not isinstance(value, bool) and (
                isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))):
            return str(value)
        return value

    def speaker(self, speaker_id: str) -> Speaker:
        return next(s for s in self.speakers if s.id == speaker_id)

    def variant(self, variant_id: str) -> Variant:
        return next(v for v in self.variants if v.id == variant_id)


SLUG_RE = re.compile(ID_PATTERN)
