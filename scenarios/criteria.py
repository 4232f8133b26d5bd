"""The performance criteria of blocs 1 and 2 that a scenario may weight, worded exactly as
in the référentiel de certification du BTS NDRC (section 2.2).

Scenario files refer to them by identifier; the grading rubric (`scoring/`) describes
what each level looks like in a conversation.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Criterion:
    id: str
    bloc: int
    competence: str
    label: str


CRITERIA: tuple[Criterion, ...] = (
    # Bloc 1 — Relation client et négociation-vente
    Criterion("b1.analyse_portefeuille", 1, "Analyser un portefeuille clients",
              "Pertinence de l’analyse du portefeuille clients"),
    Criterion("b1.qualification_prospects", 1, "Analyser un portefeuille clients",
              "Qualification pertinente des prospects"),
    Criterion("b1.ciblage", 1, "Identifier des cibles de clientèle",
              "Cohérence entre le ciblage et la démarche de prospection"),
    Criterion("b1.choix_prospection", 1, "Mettre en œuvre et évaluer une démarche de prospection",
              "Efficacité des choix opérés"),
    Criterion("b1.reseaux", 1, "Développer des réseaux professionnels",
              "Activation pertinente des réseaux professionnels"),
    Criterion("b1.relation_interpersonnelle", 1,
              "Négocier et vendre une solution adaptée au client",
              "Maîtrise de la relation interpersonnelle"),
    Criterion("b1.efficacite_negociation", 1, "Négocier et vendre une solution adaptée au client",
              "Efficacité de la négociation commerciale"),
    Criterion("b1.pertinence_solution", 1, "Négocier et vendre une solution adaptée au client",
              "Pertinence de la solution proposée"),
    Criterion("b1.personnalisation", 1, "Créer et maintenir une relation client durable",
              "Personnalisation de la relation client"),
    Criterion("b1.diagnostic", 1, "Créer et maintenir une relation client durable",
              "Qualité du diagnostic et de l’accompagnement client"),
    Criterion("b1.engagements", 1, "Créer et maintenir une relation client durable",
              "Respect des engagements"),
    Criterion("b1.evolutivite", 1, "Créer et maintenir une relation client durable",
              "Évolutivité et enrichissement de la relation client"),
    Criterion("b1.choix_evenement", 1, "Organiser un évènement commercial",
              "Pertinence du choix de l’événement commercial"),
    Criterion("b1.organisation_evenement", 1, "Organiser un évènement commercial",
              "Efficacité de l’organisation au regard des contraintes logistiques, "
              "financières, commerciales"),
    Criterion("b1.animation_evenement", 1, "Animer un événement commercial",
              "Qualité et efficacité de l’animation"),
    Criterion("b1.bilan_evenement", 1, "Exploiter un évènement commercial",
              "Précision du bilan quantitatif et qualitatif de l’événement commercial"),
    Criterion("b1.suivi_contacts", 1, "Exploiter un évènement commercial",
              "Rigueur dans le suivi des contacts et des opportunités d’affaires"),
    Criterion("b1.information_collectee", 1,
              "Remonter, valoriser et partager l’information commerciale",
              "Pertinence et qualité des informations collectées"),
    Criterion("b1.hierarchisation_information", 1,
              "Remonter, valoriser et partager l’information commerciale",
              "Sélection et hiérarchisation de l’information diffusée"),
    Criterion("b1.analyses_propositions", 1,
              "Collaborer à l’interne en vue de développer l’expertise commerciale",
              "Qualité des analyses commerciales et des propositions"),
    # Bloc 2 — Relation client à distance et digitalisation
    Criterion("b2.techniques_distance", 2, "Créer et entretenir la relation client à distance",
              "Utilisation efficace et pertinente des techniques et outils de communication "
              "à distance"),
    Criterion("b2.appropriation_dossier", 2, "Créer et entretenir la relation client à distance",
              "Qualité d’appropriation du dossier client"),
    Criterion("b2.reactivite", 2, "Créer et entretenir la relation client à distance",
              "Rapidité, agilité et proactivité dans la relation client à distance"),
    Criterion("b2.reporting", 2, "Créer et entretenir la relation client à distance",
              "Rigueur du reporting dans la data client"),
    Criterion("b2.performance_commerciale", 2,
              "Apprécier la performance commerciale à partir d’indicateurs d’activité",
              "Évaluation synthétique de la performance commerciale"),
    Criterion("b2.organisation_equipe", 2, "Encadrer et animer une équipe de téléacteurs",
              "Rigueur dans l’organisation de l’activité de l’équipe"),
    Criterion("b2.performance_teleacteurs", 2, "Encadrer et animer une équipe de téléacteurs",
              "Évaluation de la performance collective et individuelle des téléacteurs"),
    Criterion("b2.mobilisation_equipe", 2, "Encadrer et animer une équipe de téléacteurs",
              "Efficacité dans la mobilisation et la régulation de l’équipe"),
    Criterion("b2.contenus", 2, "Produire, publier et assurer la visibilité des contenus digitaux",
              "Qualité et pertinence des contenus publiés"),
    Criterion("b2.referencement", 2,
              "Produire, publier et assurer la visibilité des contenus digitaux",
              "Suivi rigoureux et optimisation du référencement"),
    Criterion("b2.coherence_outils", 2,
              "Produire, publier et assurer la visibilité des contenus digitaux",
              "Cohérence entre les techniques, les outils mobilisés, les contenus et les moyens "
              "de diffusion"),
    Criterion("b2.rythme_contenus", 2,
              "Impulser, entretenir et réguler une dynamique e-relationnelle",
              "Rythme adapté d’actualisation des contenus"),
    Criterion("b2.suivi_image", 2, "Impulser, entretenir et réguler une dynamique e-relationnelle",
              "Suivi des publications et contrôle de l’image"),
    Criterion("b2.developpement_ventes", 2, "Dynamiser un site de e-commerce",
              "Pertinence des choix et des actions menées pour développer les ventes et créer "
              "de la valeur"),
    Criterion("b2.assistance_risques", 2, "Faciliter et sécuriser la relation commerciale",
              "Qualité de l’assistance et prise en compte des risques et de la réglementation"),
    Criterion("b2.indicateurs_ecommerce", 2, "Diagnostiquer l’activité de e-commerce",
              "Pertinence des indicateurs utilisés pour l’analyse des résultats"),
)

CRITERIA_BY_ID: dict[str, Criterion] = {c.id: c for c in CRITERIA}
