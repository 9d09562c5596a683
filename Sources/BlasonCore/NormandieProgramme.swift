import Foundation

/// The regional programme "La Normandie badge les compétences" as its procedure describes it.
/// The French texts are quoted from the procedure; the checklists split its level texts into
/// the individual skills a reviewer ticks. English is our translation.
public enum NormandieProgramme {
    public struct Level: Sendable {
        /// 1 or 2.
        public let number: Int
        public let key: String
        public let name: LocalizedText
        /// The level's sentence as the procedure writes it.
        public let procedureText: String
        /// The expected skills ("compétences attendues"), one per checklist item.
        public let expectedSkills: [LocalizedText]
    }

    public struct Competency: Sendable {
        public let key: String
        public let name: LocalizedText
        /// The opening of the procedure's paragraph ("Ce badge vise à reconnaître…").
        public let introduction: String
        /// The whole paragraph of the procedure, verbatim.
        public let presentation: String
        public let levels: [Level]
        /// Colour of the seeded badge artwork.
        public let colour: String
    }

    public static let key = "normandie"
    public static let name = LocalizedText(fr: "La Normandie badge les compétences", en: "Normandy badges skills")

    /// The programme's presentation, from the procedure's own words.
    public static let presentation = LocalizedText(
        fr: "La Région Normandie reconnaît les compétences clés des personnes en parcours d'insertion et de formation à travers quatre badges Région — Communiquer, Organiser, Adapter, S'intégrer — chacun à deux niveaux (Niveau I « Je pratique », Niveau II « Je maîtrise »). Les structures partenaires rattachent leurs propres badges de compétences à ces badges Région : les personnes qui obtiennent un badge rattaché reçoivent automatiquement une proposition d'acceptation du badge Région correspondant.\n\nPour intégrer la démarche, votre structure doit proposer en partage au moins un badge de compétences en même temps que sa demande de badge participant.",
        en: "The Normandy Region recognises the key competencies of people in integration and training pathways through four Region badges — Communicate, Organise, Adapt, Integrate — each at two levels (Level I “I practise”, Level II “I master”). Partner organisations link their own competency badges to these Region badges: people who earn a linked badge automatically receive a proposal to accept the matching Region badge.\n\nTo join the programme, your organisation must share at least one competency badge together with its application for the participant badge.")

    /// The questions of the participant badge's application ("une demande « classique » de badge").
    public static let participantApplicationForm = ApplicationFormDraft(
        introduction: LocalizedText(
            fr: "Renseignez les informations demandées, partagez au moins un badge de compétences avec la Région, puis cliquez sur « Soumettez votre demande maintenant ».",
            en: "Fill in the information, share at least one competency badge with the Region, then click “Submit your application now”."),
        questions: [
            ApplicationQuestion(id: UUID(uuidString: "6a1d3f0e-2d4b-4c8e-9f6a-000000000001")!, kind: .longText,
                                label: LocalizedText(fr: "Présentez votre structure et les personnes que vous accompagnez",
                                                     en: "Present your organisation and the people you support"), required: true),
            ApplicationQuestion(id: UUID(uuidString: "6a1d3f0e-2d4b-4c8e-9f6a-000000000002")!, kind: .shortText,
                                label: LocalizedText(fr: "Personne à contacter pour la démarche (nom, téléphone)", en: "Contact person (name, telephone)"),
                                required: true),
        ],
        reviewMethod: .single, applicantKind: .organisation)
    public static let operatorName = "Région Normandie"
    public static let operatorSlug = "region-normandie"
    public static let operatorWebsite = "https://www.normandie.fr"
    public static let contactEmail = "badges-formation@normandie.fr"
    public static let operatorDescription = LocalizedText(
        fr: "Opérateur de la démarche « La Normandie badge les compétences ».",
        en: "Operator of the programme “La Normandie badge les compétences”.")

    /// The procedure's reminder above the table of Region badges.
    public static let levelReminder = "Les niveaux sont mentionnés à titre indicatif et il appartient au demandeur de choisir le niveau correspondant à son badge et d'argumenter sa demande, le cas échéant."

    public static let levelNames: [LocalizedText] = [
        LocalizedText(fr: "Niveau I « Je pratique »", en: "Level I “I practise”"),
        LocalizedText(fr: "Niveau II « Je maîtrise »", en: "Level II “I master”"),
    ]

    public static let participantBadge = (
        key: "normandie.participant",
        name: LocalizedText(fr: "Participant à La Normandie badge les compétences",
                            en: "Participant in La Normandie badge les compétences"),
        description: LocalizedText(
            fr: "Ce badge est délivré par la Région Normandie aux structures intégrées à la démarche « La Normandie badge les compétences ». Leurs badges de compétences sont rattachés aux badges Région correspondants.",
            en: "Awarded by the Normandy Region to the organisations that take part in the programme “La Normandie badge les compétences”. Their competency badges are linked to the matching Region badges."),
        criteria: LocalizedText(
            fr: "- La structure a demandé le badge participant auprès de la Région.\n- Elle a proposé en partage à la Région au moins un badge de compétences, en même temps que sa demande.\n- La Région a examiné favorablement sa candidature et le ou les badges soumis en partage.",
            en: "- The organisation applied to the Region for the participant badge.\n- Together with its application, it shared at least one competency badge with the Region.\n- The Region reviewed its application and the shared badge(s) favourably.")
    )

    public static let competencies: [Competency] = [
        Competency(
            key: "communiquer",
            name: LocalizedText(fr: "Communiquer", en: "Communicate"),
            introduction: "Ce badge vise à reconnaître les compétences d'une personne :",
            presentation: "Ce badge vise à reconnaître les compétences d'une personne : À interagir avec autrui de manière adaptée à l'oral et/ou à l'écrit (niveau I), À transmettre des informations pertinentes et à adapter sa communication selon les interlocuteurs / les situations (niveau II).",
            levels: [
                level(1, "À interagir avec autrui de manière adaptée à l'oral et/ou à l'écrit", [
                    ("Interagir avec autrui de manière adaptée à l'oral et/ou à l'écrit", "Interact with others appropriately, orally and/or in writing"),
                ]),
                level(2, "À transmettre des informations pertinentes et à adapter sa communication selon les interlocuteurs / les situations", [
                    ("Transmettre des informations pertinentes", "Pass on relevant information"),
                    ("Adapter sa communication selon les interlocuteurs / les situations", "Adapt one's communication to the people / the situations"),
                ]),
            ],
            colour: "#0b6bcb"),
        Competency(
            key: "organiser",
            name: LocalizedText(fr: "Organiser", en: "Organise"),
            introduction: "Ce badge clé vise à reconnaître les compétences d'une personne à :",
            presentation: "Ce badge clé vise à reconnaître les compétences d'une personne à : Identifier et prioriser les tâches à effectuer dans le cadre d'une activité simple, à mobiliser les ressources nécessaires pour accomplir une tâche, à gérer son environnement de travail, respecter les délais, échéances et horaires donnés (niveau I) Découper les activités exigeantes et complexes en étapes, analyser les contraintes spécifiques, planifier la mobilisation des ressources, estimer un délai de réalisation raisonnable, anticiper les risques et contretemps (niveau II)",
            levels: [
                level(1, "Identifier et prioriser les tâches à effectuer dans le cadre d'une activité simple, à mobiliser les ressources nécessaires pour accomplir une tâche, à gérer son environnement de travail, respecter les délais, échéances et horaires donnés", [
                    ("Identifier et prioriser les tâches à effectuer dans le cadre d'une activité simple", "Identify and prioritise the tasks of a simple activity"),
                    ("Mobiliser les ressources nécessaires pour accomplir une tâche", "Gather the resources needed to carry out a task"),
                    ("Gérer son environnement de travail", "Manage one's working environment"),
                    ("Respecter les délais, échéances et horaires donnés", "Keep to the given deadlines, due dates and hours"),
                ]),
                level(2, "Découper les activités exigeantes et complexes en étapes, analyser les contraintes spécifiques, planifier la mobilisation des ressources, estimer un délai de réalisation raisonnable, anticiper les risques et contretemps", [
                    ("Découper les activités exigeantes et complexes en étapes", "Break demanding and complex activities into steps"),
                    ("Analyser les contraintes spécifiques", "Analyse the specific constraints"),
                    ("Planifier la mobilisation des ressources", "Plan the use of resources"),
                    ("Estimer un délai de réalisation raisonnable", "Estimate a reasonable completion time"),
                    ("Anticiper les risques et contretemps", "Anticipate risks and setbacks"),
                ]),
            ],
            colour: "#b8420f"),
        Competency(
            key: "adapter",
            name: LocalizedText(fr: "Adapter", en: "Adapt"),
            introduction: "Ce badge clé vise à reconnaître les compétences d'une personne :",
            presentation: "Ce badge clé vise à reconnaître les compétences d'une personne : À modifier des habitudes, des comportements pour mieux répondre à une situation ou faire face à un changement, à accroître sa mobilité géographique, à utiliser de nouvelles ressources, de nouveaux outils, à faire preuve de persévérance (Niveau 1) À identifier ses forces, ses faiblesses et ses résistances, à adopter une stratégie par rapport à un objectif, à faire preuve d'initiative, à se remettre en question, à « apprendre à apprendre » (Niveau 2)",
            levels: [
                level(1, "À modifier des habitudes, des comportements pour mieux répondre à une situation ou faire face à un changement, à accroître sa mobilité géographique, à utiliser de nouvelles ressources, de nouveaux outils, à faire preuve de persévérance", [
                    ("Modifier des habitudes, des comportements pour mieux répondre à une situation ou faire face à un changement", "Change habits and behaviour to respond better to a situation or to cope with change"),
                    ("Accroître sa mobilité géographique", "Increase one's geographical mobility"),
                    ("Utiliser de nouvelles ressources, de nouveaux outils", "Use new resources, new tools"),
                    ("Faire preuve de persévérance", "Show perseverance"),
                ]),
                level(2, "À identifier ses forces, ses faiblesses et ses résistances, à adopter une stratégie par rapport à un objectif, à faire preuve d'initiative, à se remettre en question, à « apprendre à apprendre »", [
                    ("Identifier ses forces, ses faiblesses et ses résistances", "Identify one's strengths, weaknesses and resistances"),
                    ("Adopter une stratégie par rapport à un objectif", "Adopt a strategy towards a goal"),
                    ("Faire preuve d'initiative", "Show initiative"),
                    ("Se remettre en question", "Question oneself"),
                    ("« Apprendre à apprendre »", "“Learn to learn”"),
                ]),
            ],
            colour: "#1d7a3c"),
        Competency(
            key: "s-integrer",
            name: LocalizedText(fr: "S'intégrer", en: "Integrate"),
            introduction: "Ce badge clé vise à reconnaître les compétences d'une personne :",
            presentation: "Ce badge clé vise à reconnaître les compétences d'une personne : à comprendre son environnement professionnel et les codes sociaux en vigueur, à appliquer ces codes sociaux, à respecter un règlement, à reconnaître les comportements inappropriés, à développer son réseau relationnel (niveau 1) à travailler à plusieurs dans un objectif commun, à coopérer, à comprendre son rôle par rapport à autrui et dans un groupe, à interagir en groupe (niveau 2)",
            levels: [
                level(1, "à comprendre son environnement professionnel et les codes sociaux en vigueur, à appliquer ces codes sociaux, à respecter un règlement, à reconnaître les comportements inappropriés, à développer son réseau relationnel", [
                    ("Comprendre son environnement professionnel et les codes sociaux en vigueur", "Understand one's professional environment and its social codes"),
                    ("Appliquer ces codes sociaux", "Apply these social codes"),
                    ("Respecter un règlement", "Follow a set of rules"),
                    ("Reconnaître les comportements inappropriés", "Recognise inappropriate behaviour"),
                    ("Développer son réseau relationnel", "Develop one's network of contacts"),
                ]),
                level(2, "à travailler à plusieurs dans un objectif commun, à coopérer, à comprendre son rôle par rapport à autrui et dans un groupe, à interagir en groupe", [
                    ("Travailler à plusieurs dans un objectif commun", "Work with others towards a common goal"),
                    ("Coopérer", "Cooperate"),
                    ("Comprendre son rôle par rapport à autrui et dans un groupe", "Understand one's role towards others and in a group"),
                    ("Interagir en groupe", "Interact in a group"),
                ]),
            ],
            colour: "#6b3fa0"),
    ]

    private static func level(_ number: Int, _ text: String, _ skills: [(String, String)]) -> Level {
        Level(number: number, key: "niveau-\(number)", name: levelNames[number - 1], procedureText: text,
              expectedSkills: skills.map { LocalizedText(fr: $0.0, en: $0.1) })
    }

    /// The stable key of a Region badge class, e.g. `normandie.communiquer.1`.
    public static func regionBadgeKey(_ competency: Competency, _ level: Level) -> String {
        "normandie.\(competency.key).\(level.number)"
    }

    /// Name, description and criteria of the Region badge class for one competency and level.
    public static func regionBadgeTexts(_ competency: Competency, _ level: Level) -> (name: LocalizedText, description: LocalizedText, criteria: LocalizedText) {
        let name = LocalizedText(fr: "\(competency.name.fr) – \(level.name.fr)", en: "\(competency.name.text(in: .en)) – \(level.name.text(in: .en))")
        let description = LocalizedText(
            fr: "\(competency.introduction) \(level.procedureText).",
            en: "This key badge recognises a person's skills in: \(level.expectedSkills.map { $0.text(in: .en).lowercasedFirst }.joined(separator: ", ")).")
        let criteria = LocalizedText(
            fr: "Compétences attendues (\(level.name.fr)) :\n\n" + level.expectedSkills.map { "- \($0.fr)" }.joined(separator: "\n"),
            en: "Expected skills (\(level.name.text(in: .en))):\n\n" + level.expectedSkills.map { "- \($0.text(in: .en))" }.joined(separator: "\n"))
        return (name, description, criteria)
    }
}

extension String {
    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        // Keep quotes and proper nouns as they are; only soften an initial capital letter.
        return first.isUppercase ? first.lowercased() + dropFirst() : self
    }
}
