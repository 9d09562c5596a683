/// The French and English of every fixed text of the interface. One `switch`, so the compiler
/// refuses a key without both languages.
enum Catalogue {
    enum Key: Sendable {
        // Layout
        case appTagline, skipToContent, mainNavigation, navDashboard, navIssuer, navCreator, navNetwork, navAdministration
        case navReports, navHelp, signIn, signUp, signOut, switchOrganisation, switchButton, languageLabel, footerText
        case currentOrganisation
        // Home
        case homeTitle, homeLead, homeProgrammeTitle, homeProgrammeText, homeRegionBadges, homeVerifyText
        // Accounts
        case signInTitle, signUpTitle, emailLabel, passwordLabel, nameLabel, passwordHint, noAccountYet, alreadyAccount
        case signInButton, signUpButton, formErrorsTitle, signedOutNotice, welcomeNotice
        // Dashboard
        case dashboardTitle, noOrganisationYet, createOrganisationLink, statBadgeClasses, statAwards, statRevoked
        case recentAwards, yourRole, quickActions
        // Organisation
        case organisationNewTitle, organisationSettingsTitle, organisationName, organisationSlug, organisationSlugHint
        case organisationDescriptionFR, organisationDescriptionEN, organisationWebsite, organisationContactEmail, organisationCity
        case organisationCountry, organisationLogo, organisationLogoHint, organisationFindable, createButton, saveButton
        case publicProfileLink, organisationCreatedNotice, savedNotice
        // Administration
        case administrationTitle, administrationIntro, membersTitle, membersIntro, memberEmailLabel, memberRoleLabel
        case addMemberButton, changeRoleButton, removeMemberButton, memberAddedNotice, memberRemovedNotice, roleChangedNotice
        case tokensTitle, tokensIntro, tokenNameLabel, tokenCreateButton, tokenCreatedNotice, tokenRevokeButton, tokenExpires
        case tokenLastUsed, tokenStatusRevoked, tokenStatusActive, never, noTokens
        // Badge classes
        case badgeClassesTitle, newBadgeClass, noBadgeClasses, archivedLabel, editBadgeClass, archiveBadgeClass
        case badgeClassNewTitle, badgeClassEditTitle, frenchSection, englishSection, fieldName, fieldDescription, fieldCriteria
        case criteriaMarkdownHint, fieldCriteriaURL, fieldImage, imageHint, imageKeepHint, fieldTags, tagsHint
        case alignmentsLegend, alignmentsHint, alignmentName, alignmentURL, alignmentFramework, alignmentCode
        case expiryLegend, expiryNone, expiryAmount, expiryUnit, awardThisBadge, publicPageLink, badgeClassCreatedNotice
        case badgeClassArchivedNotice, awardsOfBadgeClass, optional
        // Issuing
        case issuerToolsTitle, chooseBadgeToAward, awardTitle, recipientsLabel, recipientsHint, csvLabel, csvHint
        case issueDateLabel, expiresLabel, expiresHint, evidenceURLLabel, narrativeLabel, awardButton, awardedNotice
        case awardsTitle, recipientColumn, badgeColumn, issuedColumn, statusColumn, statusValid, statusRevoked, statusExpired
        case revokeTitle, revokeReasonLabel, revokeButton, revokedNotice, noAwards, viewPublicPage, awardDetailTitle
        case actionsColumn
        // Public pages
        case issuedBy, issuedOnLabel, expiresOnLabel, criteriaHeading, evidenceHeading, verificationValid, verificationRevoked
        case verificationExpired, revocationReasonLabel, downloadBakedPNG, downloadBakedSVG, downloadJSON, recipientLabel
        case alignmentsHeading, tagsHeading, issuerWebsite, issuerContact, badgesOfIssuer, verificationExplanation
        case openBadgesData, pngUnavailable
        // Network, reports, help
        case networkTitle, networkIntro, directoryHeading, noOtherOrganisations
        case reportsTitle, reportsIntro, awardsPerBadge, countColumn
        case helpTitle, helpIntro, helpCreateTitle, helpCreateText, helpIssueTitle, helpIssueText, helpVerifyTitle
        case helpVerifyText, helpAPITitle, helpAPIText
        // Errors
        case errorTitle, error400, error401, error403, error404, error409, error413, error500, csrfError, backHome
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    static func text(_ key: Key) -> (fr: String, en: String) {
        switch key {
        case .appTagline: ("Open Badges pour les compétences", "Open Badges for skills")
        case .skipToContent: ("Aller au contenu", "Skip to content")
        case .mainNavigation: ("Navigation principale", "Main navigation")
        case .navDashboard: ("Tableau de bord", "Dashboard")
        case .navIssuer: ("Outils de l'émetteur", "Issuer tools")
        case .navCreator: ("Outils du créateur", "Creator tools")
        case .navNetwork: ("Réseau", "Network")
        case .navAdministration: ("Administration", "Administration")
        case .navReports: ("Rapports", "Reports")
        case .navHelp: ("Aide", "Help")
        case .signIn: ("Se connecter", "Sign in")
        case .signUp: ("Créer un compte", "Sign up")
        case .signOut: ("Se déconnecter", "Sign out")
        case .switchOrganisation: ("Organisation", "Organisation")
        case .switchButton: ("Changer", "Switch")
        case .languageLabel: ("Langue", "Language")
        case .footerText: ("Blason — plateforme Open Badges libre et auto-hébergée.", "Blason — a free, self-hosted Open Badges platform.")
        case .currentOrganisation: ("Organisation active", "Current organisation")
        case .homeTitle: ("Reconnaître les compétences, simplement", "Recognising skills, simply")
        case .homeLead: ("Blason permet aux organisations de créer, d'émettre et de vérifier des Open Badges, en français et en anglais.",
                         "Blason lets organisations create, award and verify Open Badges, in French and in English.")
        case .homeProgrammeTitle: ("La Normandie badge les compétences", "La Normandie badge les compétences")
        case .homeProgrammeText: ("La Région Normandie reconnaît quatre compétences clés, chacune à deux niveaux : Communiquer, Organiser, Adapter, S'intégrer.",
                                  "The Normandy Region recognises four key competencies, each at two levels: Communicate, Organise, Adapt, Integrate.")
        case .homeRegionBadges: ("Les badges Région", "The Region badges")
        case .homeVerifyText: ("Chaque badge émis a une adresse publique que tout le monde peut vérifier.", "Every award has a public address that anyone can verify.")
        case .signInTitle: ("Connexion", "Sign in")
        case .signUpTitle: ("Créer un compte", "Create an account")
        case .emailLabel: ("Adresse e-mail", "E-mail address")
        case .passwordLabel: ("Mot de passe", "Password")
        case .nameLabel: ("Nom et prénom", "Full name")
        case .passwordHint: ("Au moins 10 caractères.", "At least 10 characters.")
        case .noAccountYet: ("Pas encore de compte ?", "No account yet?")
        case .alreadyAccount: ("Déjà un compte ?", "Already have an account?")
        case .signInButton: ("Se connecter", "Sign in")
        case .signUpButton: ("Créer mon compte", "Create my account")
        case .formErrorsTitle: ("Le formulaire contient des erreurs :", "The form has errors:")
        case .signedOutNotice: ("Vous êtes déconnecté.", "You are signed out.")
        case .welcomeNotice: ("Bienvenue !", "Welcome!")
        case .dashboardTitle: ("Tableau de bord", "Dashboard")
        case .noOrganisationYet: ("Vous n'êtes membre d'aucune organisation pour l'instant.", "You are not a member of any organisation yet.")
        case .createOrganisationLink: ("Créer une organisation", "Create an organisation")
        case .statBadgeClasses: ("Badges", "Badge classes")
        case .statAwards: ("Badges émis", "Awards")
        case .statRevoked: ("Révoqués", "Revoked")
        case .recentAwards: ("Dernières émissions", "Latest awards")
        case .yourRole: ("Votre rôle", "Your role")
        case .quickActions: ("Actions rapides", "Quick actions")
        case .organisationNewTitle: ("Nouvelle organisation", "New organisation")
        case .organisationSettingsTitle: ("Profil de l'organisation", "Organisation profile")
        case .organisationName: ("Nom de l'organisation", "Organisation name")
        case .organisationSlug: ("Identifiant court", "Short name")
        case .organisationSlugHint: ("Lettres minuscules, chiffres et tirets ; déduit du nom si vide. Il ne change plus ensuite.",
                                     "Lower-case letters, digits and hyphens; taken from the name if empty. It cannot change later.")
        case .organisationDescriptionFR: ("Présentation (français)", "Description (French)")
        case .organisationDescriptionEN: ("Présentation (anglais, facultatif)", "Description (English, optional)")
        case .organisationWebsite: ("Site web", "Website")
        case .organisationContactEmail: ("E-mail de contact", "Contact e-mail")
        case .organisationCity: ("Ville", "City")
        case .organisationCountry: ("Pays", "Country")
        case .organisationLogo: ("Logo", "Logo")
        case .organisationLogoHint: ("PNG ou SVG carré, 256 Ko au plus.", "Square PNG or SVG, at most 256 kB.")
        case .organisationFindable: ("Visible dans l'annuaire des organisations", "Listed in the organisation directory")
        case .createButton: ("Créer", "Create")
        case .saveButton: ("Enregistrer", "Save")
        case .publicProfileLink: ("Voir le profil public", "View the public profile")
        case .organisationCreatedNotice: ("Organisation créée. Vous en êtes l'administrateur.", "Organisation created. You are its administrator.")
        case .savedNotice: ("Modifications enregistrées.", "Changes saved.")
        case .administrationTitle: ("Administration", "Administration")
        case .administrationIntro: ("Profil, membres et accès à l'API de votre organisation.", "Your organisation's profile, members and API access.")
        case .membersTitle: ("Membres et rôles", "Members and roles")
        case .membersIntro: ("Administrateur : tout ; créateur : badges ; émetteur : attributions ; évaluateur : demandes de badge.",
                             "Administrator: everything; creator: badge classes; issuer: awards; reviewer: badge applications.")
        case .memberEmailLabel: ("Adresse e-mail du compte", "Account e-mail address")
        case .memberRoleLabel: ("Rôle", "Role")
        case .addMemberButton: ("Ajouter le membre", "Add member")
        case .changeRoleButton: ("Changer le rôle", "Change role")
        case .removeMemberButton: ("Retirer", "Remove")
        case .memberAddedNotice: ("Membre ajouté.", "Member added.")
        case .memberRemovedNotice: ("Membre retiré.", "Member removed.")
        case .roleChangedNotice: ("Rôle modifié.", "Role changed.")
        case .tokensTitle: ("Jetons d'API", "API tokens")
        case .tokensIntro: ("Un jeton donne accès à l'API /api/v1 avec vos droits. Il n'est affiché qu'une fois.",
                            "A token gives access to the /api/v1 API with your rights. It is shown only once.")
        case .tokenNameLabel: ("Nom du jeton", "Token name")
        case .tokenCreateButton: ("Créer un jeton", "Create a token")
        case .tokenCreatedNotice: ("Copiez ce jeton maintenant, il ne sera plus affiché :", "Copy this token now, it will not be shown again:")
        case .tokenRevokeButton: ("Révoquer", "Revoke")
        case .tokenExpires: ("Expire le", "Expires on")
        case .tokenLastUsed: ("Dernière utilisation", "Last used")
        case .tokenStatusRevoked: ("révoqué", "revoked")
        case .tokenStatusActive: ("actif", "active")
        case .never: ("jamais", "never")
        case .noTokens: ("Aucun jeton.", "No tokens.")
        case .badgeClassesTitle: ("Badges de l'organisation", "The organisation's badge classes")
        case .newBadgeClass: ("Créer un badge", "Create a badge class")
        case .noBadgeClasses: ("Aucun badge pour l'instant.", "No badge classes yet.")
        case .archivedLabel: ("archivé", "archived")
        case .editBadgeClass: ("Modifier", "Edit")
        case .archiveBadgeClass: ("Archiver", "Archive")
        case .badgeClassNewTitle: ("Nouveau badge", "New badge class")
        case .badgeClassEditTitle: ("Modifier le badge", "Edit badge class")
        case .frenchSection: ("En français (obligatoire)", "In French (required)")
        case .englishSection: ("En anglais (facultatif)", "In English (optional)")
        case .fieldName: ("Nom", "Name")
        case .fieldDescription: ("Description", "Description")
        case .fieldCriteria: ("Critères d'obtention", "Criteria")
        case .criteriaMarkdownHint: ("Texte libre ; les listes commençant par « - » sont mises en forme.", "Free text; lists starting with “-” are formatted.")
        case .fieldCriteriaURL: ("Page décrivant les critères (facultatif)", "Page describing the criteria (optional)")
        case .fieldImage: ("Image du badge", "Badge image")
        case .imageHint: ("PNG ou SVG, carrée, 256 Ko au plus. Les SVG avec script ou références externes sont refusés.",
                          "PNG or SVG, square, at most 256 kB. SVG files with scripts or external references are refused.")
        case .imageKeepHint: ("Laissez vide pour garder l'image actuelle.", "Leave empty to keep the current image.")
        case .fieldTags: ("Mots-clés", "Tags")
        case .tagsHint: ("Séparés par des virgules.", "Separated by commas.")
        case .alignmentsLegend: ("Alignements (référentiels)", "Alignments (frameworks)")
        case .alignmentsHint: ("Reliez le badge à un référentiel : nom et adresse obligatoires si vous remplissez une ligne.",
                               "Link the badge class to a framework: name and URL are required when you fill a row.")
        case .alignmentName: ("Nom de la cible", "Target name")
        case .alignmentURL: ("Adresse de la cible", "Target URL")
        case .alignmentFramework: ("Référentiel", "Framework")
        case .alignmentCode: ("Code", "Code")
        case .expiryLegend: ("Validité", "Validity")
        case .expiryNone: ("Sans expiration", "Never expires")
        case .expiryAmount: ("Durée", "Duration")
        case .expiryUnit: ("Unité", "Unit")
        case .awardThisBadge: ("Émettre ce badge", "Award this badge")
        case .publicPageLink: ("Page publique", "Public page")
        case .badgeClassCreatedNotice: ("Badge créé.", "Badge class created.")
        case .badgeClassArchivedNotice: ("Badge archivé : il reste vérifiable mais ne peut plus être émis.", "Badge class archived: it stays verifiable but can no longer be awarded.")
        case .awardsOfBadgeClass: ("Badges émis", "Awards")
        case .optional: ("facultatif", "optional")
        case .issuerToolsTitle: ("Outils de l'émetteur", "Issuer tools")
        case .chooseBadgeToAward: ("Choisissez le badge à émettre :", "Choose the badge class to award:")
        case .awardTitle: ("Émettre un badge", "Award a badge")
        case .recipientsLabel: ("Bénéficiaires", "Recipients")
        case .recipientsHint: ("Une personne par ligne : « adresse » ou « Nom <adresse> ». 2 500 lignes au plus.",
                               "One person per line: “address” or “Name <address>”. At most 2,500 lines.")
        case .csvLabel: ("Ou un fichier CSV", "Or a CSV file")
        case .csvHint: ("Colonnes : email,name,evidence_url,narrative (séparateur virgule ou point-virgule).",
                        "Columns: email,name,evidence_url,narrative (comma or semicolon separated).")
        case .issueDateLabel: ("Date d'émission", "Issue date")
        case .expiresLabel: ("Date d'expiration", "Expiry date")
        case .expiresHint: ("Vide : selon la durée de validité du badge.", "Empty: from the badge class's validity period.")
        case .evidenceURLLabel: ("Preuve (adresse web)", "Evidence (web address)")
        case .narrativeLabel: ("Commentaire sur la preuve", "Evidence narrative")
        case .awardButton: ("Émettre", "Award")
        case .awardedNotice: ("Badges émis :", "Awards made:")
        case .awardsTitle: ("Badges émis", "Awards")
        case .recipientColumn: ("Bénéficiaire", "Recipient")
        case .badgeColumn: ("Badge", "Badge class")
        case .issuedColumn: ("Émis le", "Issued on")
        case .statusColumn: ("État", "Status")
        case .statusValid: ("valide", "valid")
        case .statusRevoked: ("révoqué", "revoked")
        case .statusExpired: ("expiré", "expired")
        case .revokeTitle: ("Révoquer ce badge émis", "Revoke this award")
        case .revokeReasonLabel: ("Motif de la révocation", "Reason for revocation")
        case .revokeButton: ("Révoquer", "Revoke")
        case .revokedNotice: ("Badge révoqué.", "Award revoked.")
        case .noAwards: ("Aucun badge émis.", "No awards.")
        case .viewPublicPage: ("Page publique", "Public page")
        case .awardDetailTitle: ("Badge émis", "Award")
        case .actionsColumn: ("Actions", "Actions")
        case .issuedBy: ("Émis par", "Issued by")
        case .issuedOnLabel: ("Date d'émission", "Issued on")
        case .expiresOnLabel: ("Expire le", "Expires on")
        case .criteriaHeading: ("Critères d'obtention", "Criteria")
        case .evidenceHeading: ("Preuves", "Evidence")
        case .verificationValid: ("Ce badge est valide.", "This badge is valid.")
        case .verificationRevoked: ("Ce badge a été révoqué par son émetteur.", "This badge was revoked by its issuer.")
        case .verificationExpired: ("Ce badge a expiré.", "This badge has expired.")
        case .revocationReasonLabel: ("Motif", "Reason")
        case .downloadBakedPNG: ("Télécharger l'image PNG du badge", "Download the badge as PNG")
        case .downloadBakedSVG: ("Télécharger l'image SVG du badge", "Download the badge as SVG")
        case .downloadJSON: ("Données Open Badges (JSON)", "Open Badges data (JSON)")
        case .recipientLabel: ("Délivré à", "Awarded to")
        case .alignmentsHeading: ("Alignements", "Alignments")
        case .tagsHeading: ("Mots-clés", "Tags")
        case .issuerWebsite: ("Site web", "Website")
        case .issuerContact: ("Contact", "Contact")
        case .badgesOfIssuer: ("Badges de cet émetteur", "Badge classes of this issuer")
        case .verificationExplanation: ("Les images téléchargées contiennent les données Open Badges : tout vérificateur peut les contrôler.",
                                        "Downloaded images carry the Open Badges data: any verifier can check them.")
        case .openBadgesData: ("Données Open Badges", "Open Badges data")
        case .pngUnavailable: ("Ce badge n'existe qu'en SVG : son image n'a pas de version PNG.", "This badge class only has an SVG image: no PNG version exists.")
        case .networkTitle: ("Réseau", "Network")
        case .networkIntro: ("Les organisations présentes sur la plateforme qui acceptent d'apparaître dans l'annuaire.",
                             "The organisations on the platform that chose to be listed in the directory.")
        case .directoryHeading: ("Annuaire des organisations", "Organisation directory")
        case .noOtherOrganisations: ("Aucune autre organisation pour l'instant.", "No other organisations yet.")
        case .reportsTitle: ("Rapports", "Reports")
        case .reportsIntro: ("Les badges émis par votre organisation, par badge.", "The awards of your organisation, by badge class.")
        case .awardsPerBadge: ("Émissions par badge", "Awards per badge class")
        case .countColumn: ("Nombre", "Count")
        case .helpTitle: ("Aide", "Help")
        case .helpIntro: ("Blason suit le standard Open Badges : chaque badge émis est vérifiable par n'importe quel outil compatible.",
                          "Blason follows the Open Badges standard: every award can be checked by any compatible tool.")
        case .helpCreateTitle: ("Créer un badge", "Creating a badge class")
        case .helpCreateText: ("Dans « Outils du créateur », donnez un nom, une description et des critères en français (l'anglais est facultatif), et une image carrée PNG ou SVG.",
                               "In “Creator tools”, give a name, a description and criteria in French (English is optional), and a square PNG or SVG image.")
        case .helpIssueTitle: ("Émettre un badge", "Awarding a badge")
        case .helpIssueText: ("Dans « Outils de l'émetteur », choisissez le badge puis collez les adresses des bénéficiaires (une par ligne) ou envoyez un fichier CSV. Rien n'est émis tant qu'une ligne est invalide.",
                              "In “Issuer tools”, choose the badge class, then paste the recipients' addresses (one per line) or upload a CSV file. Nothing is awarded while a line is invalid.")
        case .helpVerifyTitle: ("Vérifier un badge", "Verifying a badge")
        case .helpVerifyText: ("Chaque badge émis a une page publique et des données Open Badges 2.0 ; l'adresse e-mail du bénéficiaire n'y figure que sous forme chiffrée (hachage salé).",
                               "Each award has a public page and Open Badges 2.0 data; the recipient's e-mail only appears as a salted hash.")
        case .helpAPITitle: ("API", "API")
        case .helpAPIText: ("L'API JSON est décrite par un document OpenAPI à /api/v1/openapi.json. Créez un jeton dans Administration.",
                            "The JSON API is described by an OpenAPI document at /api/v1/openapi.json. Create a token under Administration.")
        case .errorTitle: ("Erreur", "Error")
        case .error400: ("La demande est incorrecte.", "The request is not valid.")
        case .error401: ("Connectez-vous pour accéder à cette page.", "Sign in to see this page.")
        case .error403: ("Vous n'avez pas les droits nécessaires pour cette action.", "You do not have the rights for this action.")
        case .error404: ("Cette page n'existe pas.", "This page does not exist.")
        case .error409: ("Cette action n'est plus possible.", "This action is no longer possible.")
        case .error413: ("Le fichier envoyé est trop volumineux.", "The uploaded file is too large.")
        case .error500: ("Une erreur inattendue est survenue. Réessayez plus tard.", "An unexpected error occurred. Please try again later.")
        case .csrfError: ("Le formulaire a expiré ou ne vient pas de ce site. Rechargez la page et recommencez.",
                          "The form expired or did not come from this site. Reload the page and try again.")
        case .backHome: ("Retour à l'accueil", "Back to the home page")
        }
    }
}
