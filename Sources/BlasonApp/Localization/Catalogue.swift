/// The French and English of every fixed text of the interface. One `switch`, so the compiler
/// refuses a key without both languages.
enum Catalogue {
    enum Key: Sendable {
        // Layout
        case appTagline, skipToContent, mainNavigation, navDashboard, navIssuer, navCreator, navNetwork, navAdministration
        case navReports, navHelp, signIn, signUp, signOut, switchOrganisation, switchButton, languageLabel, footerText
        // Home
        case homeTitle, homeLead, homeProgrammeTitle, homeProgrammeText, homeRegionBadges, homeVerifyText
        // Accounts
        case signInTitle, signUpTitle, emailLabel, passwordLabel, nameLabel, passwordHint, noAccountYet, alreadyAccount
        case signInButton, signUpButton, formErrorsTitle, welcomeNotice
        case forgotPasswordLink, forgotPasswordTitle, forgotPasswordIntro, sendResetLinkButton, resetLinkSentNotice
        case resetPasswordTitle, resetPasswordButton, passwordChangedNotice, signOutEverywhereButton
        case signedOutEverywhereNotice, mailResetSubject, mailResetBody, mailResetButton
        // Dashboard
        case dashboardTitle, noOrganisationYet, createOrganisationLink, statBadgeClasses, statAwards, statRevoked
        case recentAwards, yourRole, quickActions
        case todoTitle, todoNothing, todoApplications, todoPartnerships, todoEndorsementRequests, todoExternalEndorsements, todoShares
        case todoSubmissionsToAnswer, todoSubmissionsToDecide, todoProposals, chartAwardsByMonth
        case todoNothingProgramme, todoSubmissionsAwaitingStructures, todoCandidacies
        case mailUnsubscribe, unsubscribeTitle, unsubscribeIntro, unsubscribeButton, unsubscribedNotice
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
        case tokenScopeLabel, tokenScopeRead, tokenScopeWrite, tokenOrganisationLabel, tokenAllOrganisations, tokenDaysLabel
        case tokenDaysHint(Int)
        case auditTitle, auditIntro, auditCSVLink, auditEmpty, auditCaption, auditWhen, auditWho, auditWhat, auditDetail, auditFrom
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
        case statusProposed, statusDeclined, statusWithdrawn
        case revokeTitle, revokeReasonLabel, revokeButton, revokedNotice, noAwards, viewPublicPage, awardDetailTitle
        case actionsColumn
        // Public pages
        case issuedBy, issuedOnLabel, expiresOnLabel, criteriaHeading, evidenceHeading, verificationValid, verificationRevoked
        case verificationExpired, revocationReasonLabel, downloadBakedPNG, downloadBakedSVG, downloadJSON, recipientLabel
        case alignmentsHeading, tagsHeading, issuerWebsite, issuerContact, badgesOfIssuer, verificationExplanation
        case openBadgesData, pngUnavailable
        // Network, reports, help
        case networkTitle
        case reportsTitle, reportsIntro, awardsPerBadge
        case helpTitle, helpIntro, helpCreateTitle, helpCreateText, helpIssueTitle, helpIssueText, helpVerifyTitle
        case helpVerifyText, helpAPITitle, helpAPIText
        // Earners: claim links, passport, public profile
        case navPassport, claimTitle, claimIssuedIntro, claimProposedIntro, acceptButton, hideButton, declineButton, claimAcceptedNotice
        case claimHiddenNotice, claimDeclinedNotice, linkInvalidTitle, linkInvalidText, linkExpiredTitle, linkExpiredText, linkUsedTitle
        case linkUsedText, linkExpiredGenericText, linkUsedGenericText, linkMismatchTitle, linkMismatchText, linkOtherAccountTitle, linkOtherAccountText, linkAnsweredSignInNotice, emailVerifiedSignInNotice, passportTitle, passportIntro, passportEmpty, passportNoVerifiedEmail
        case proposalsHeading, myBadgesHeading, showOnProfile, removeFromProfile, onProfileLabel, addToLinkedIn, publicProfileHeading
        case publicProfileLinkText, publicProfileNone, passportSignInTitle, passportSignInIntro, sendLinkButton, linkSentNotice
        case emailsTitle, emailsIntro, addEmailButton, emailVerified, emailUnverified, verificationSentNotice, emailVerifiedNotice
        case settingsTitle, notificationsHeading, notifyAwardMail, notifyEndorsementDigest, languagePreference, exportHeading
        case exportText, exportButton, deleteHeading, deleteText, deleteConfirmLabel, deleteButton, accountDeletedNotice
        case profilePageTitle, profilePageIntro, stateAccepted, stateHidden, statePending, resendLinkButton
        case linkResentNotice, awardLanguageLabel, awardLanguageRecipients, passwordHeading, passwordIntroNone, currentPasswordLabel, newPasswordLabel
        case passwordSetButton, passwordSetNotice
        // Applications
        case navReviews, applicationsSetupTitle, applicationsSetupIntro, applicationsOpenLink, reviewMethodLabel, reviewMethodSingle
        case reviewMethodJury, reviewMethodAutomatic, reviewMethodClaimCode, reviewMethodFixedHint, applicantKindLabel, applicantKindPerson
        case applicantKindOrganisation, closesAtLabel, applicantLimitLabel, juryThresholdLabel, claimCodeLabel, claimCodeHint, introLabelFR
        case introLabelEN, juryLabel, juryHint, finalReviewerLabel, outsideReviewersLabel, reviewersHint, questionsLegend, questionsHint
        case questionLabelFR, questionLabelEN, questionHelpFR, questionHelpEN, questionKind, questionRequired, questionChoices
        case questionChoicesHint, questionMaxMB, kindShortText, kindLongText, kindSingleChoice, kindMultipleChoice, kindYesNo, kindURL
        case kindFile, openApplicationsButton, closeApplicationsButton, applicationsSavedNotice, applicationsClosedNotice, applyPageLink
        case qrCodeAlt, applyTitle, applyIntro, applyAsOrganisation, applySignInAsAdmin, applicantNameLabel, applicantEmailLabel
        case submitApplicationButton, yesLabel, noLabel, checkEmailTitle, checkEmailText, applicationSubmittedNotice, applicationTitle
        case applicationStatusLabel, statusAwaitingEmail, statusPendingReview, statusReturned, statusApproved, statusRejected
        case yourAnswers, conversationHeading, writeMessage, sendMessageButton, resubmitHeading, resubmitButton, resubmittedNotice
        case messageSentNotice, reviewsTitle, reviewsIntro, filterAll, partnerFilterAll, noApplications, applicantColumn, submittedColumn, reviewTitle
        case approveHeading, approveMessageLabel, approveMessageHint, approveExpiresLabel, approveAddendumLabel, approveButton, returnHeading
        case returnCommentLabel, returnButton, rejectHeading, rejectReasonLabel, rejectButton, voteHeading, voteYes, voteNo
        case voteCommentLabel, voteButton, juryAdvice, internalNoteLabel, toApplicantLabel, commentButton, decisionRecordedNotice
        case voteRecordedNotice, revisionLabel, attachmentDownload, reviewersOnlyLabel, joinedReviewNotice
        case currentFileKept, noAnswer, badgesReceived
        // Network
        case partnerEndorsementsHeading, partnerEndorsementsIntro, filterWeEndorse, filterTheyEndorseUs, filterMutual, addPartnerHeading
        case searchDirectoryLabel, searchButton, addPartnerButton, confirmPartnerTitle, confirmPartnerText, confirmButton, partnershipMessage
        case partnerStatusPending, partnerStatusIncoming, partnerStatusAccepted, acceptPartnerButton, declinePartnerButton, endPartnershipButton
        case withdrawRequestButton, endorseOrganisationLabel, endorseBadgeLabel, endorseButton, templateChoice, noTemplate, commentLabel
        case askEndorsementLabel, askEndorsementButton, messageLabel, ourOrganisationOption, externalEndorsementsHeading, digestCheckbox
        case askExternalLabel, externalEmailLabel, awaitingApproval, approveEndorsementButton, declineEndorsementButton
        case withdrawEndorsementButton, incomingRequestsHeading, noIncomingRequests, acceptRequestButton, declineRequestButton
        case badgesWeEndorsedHeading, sharedWithPartnersHeading, sharedWithUsHeading, noSharedBadges, templatesHeading
        case templateNameLabel, templateTextFR, templateTextEN, saveTemplateButton, deleteTemplateButton, noPartners, noEndorsements
        case weEndorseTag, theyEndorseUsTag, partnershipRequestedNotice, endorsementPublishedNotice, requestSentNotice
        case externalEndorseTitle, externalEndorseIntro, yourNameLabel, affiliationLabel, endorsementTextLabel, sendEndorsementButton
        case externalEndorsementThanks, useTemplateButton, endorsedOn, endorsementsHeading, ofOrganisation, networkSavedNotice
        // Programme
        case navProgramme, programmeExpectedSkillsHeading, programmeLevelReminder, programmeParticipantsHeading, programmeNoParticipants
        case programmeContact, joinTitle, joinIntro, stepPartnerTitle, stepPartnerDone, stepPartnerPending, stepPartnerButton
        case stepShareTitle, stepShareIntro, stepApplyTitle, stepApplyIntro, stepApplyDone, stepEndorseTitle, stepEndorseIntro
        case stepStateDone, stepStateInProgress, stepStateToDo, stepsDone(Int, Int), stepAccountTitle, stepAccountDone
        case stepParticipantBadgeTitle, stepParticipantBadgeDone, stepParticipantBadgeWaiting, stepEndorseNothingYet
        case endorsementReceivedLabel, submissionStatusDraft, viewApplication
        case submitBadgeTitle, submitBadgeLabel, questionRegionBadge, questionLevel, levelPractise, levelMaster, questionCoversAll
        case questionCoveredSkills, questionRemarks, submitBadgeButton, submissionSentNotice, submissionStatusSubmitted
        case submissionStatusInfo, submissionStatusAccepted, submissionStatusRejected, yourSubmissions, noSubmissions, replyLabel
        case replyButton, reviewProgrammeTitle, candidaciesHeading, submissionsHeading, structureColumn, requestedColumn
        case finalBadgeLabel, proposePastEarnersLabel, acceptSubmissionButton, askInfoLabel, askInfoButton, rejectSubmissionButton
        case acceptCandidacyButton, referentialHeading, answersHeading, coversAllYes, coversAllNo, skillCovered, skillNotCovered
        case linkedBadgesHeading, askEndorsementReminder, dashboardProgrammeTitle, figuresStructures, figuresApplied, figuresAccepted
        case figuresSubmissions, figuresLinked, figuresProposals, figuresProposalsAccepted, figuresProposalsDeclined, exportCSV
        case chartSubmissionsByCompetency, chartProposalsByMonth, monthColumn, shareTitle, shareIntro, shareBadgeLabel, shareModeLabel
        case shareModeLink, shareModeCopy, sharePartnersLabel, shareInstructionsLabel, shareProgrammeNote, shareButton, shareSentNotice
        case shareStatusPending, shareStatusAccepted, shareStatusDeclined, shareStatusEnded, endShareButton, acceptShareButton
        case declineShareButton, shareBadgeLink, awardSharedBadge, sharedBadgesHeading, programmeOpenLink, submissionTitle, candidacyStatus
        case linkedObjectsHeading, allBadgesSubmitted, noPartnersYet, noMessages, organisationColumn, openSubmission, noBadgeToSubmit
        // Mail administration
        case outboxTitle, outboxIntro, outboxLocalNote, outboxEmpty
        case outboxStatusPending, outboxStatusSending, outboxStatusSent, outboxStatusFailed, templatesTitle, templatesIntro
        case templateSubject, templateBody, templatePlaceholders, templateAwardIssued, templateAwardProposed, templateReset
        // E-mails ({recipient}, {badge}, {issuer} are replaced; the link block is added by Blason)
        case mailGreeting, mailAwardSubject, mailAwardBody, mailProposalSubject, mailProposalBody, mailClaimButton, mailLinkValidUntil
        case mailSignInSubject, mailSignInBody, mailSignInButton, mailVerifySubject, mailVerifyBody, mailVerifyButton, mailFooter
        case mailIgnoreNote, mailAppConfirmSubject, mailAppConfirmBody, mailAppConfirmButton, mailAppReceivedSubject, mailAppReceivedBody
        case mailAppOpenButton, mailAppReturnedSubject, mailAppReturnedBody, mailAppApprovedSubject, mailAppApprovedBody
        case mailAppRejectedSubject, mailAppRejectedBody, mailAppCommentSubject, mailAppCommentBody, mailReviewerSubject, mailReviewerBody
        case mailReviewerButton, mailPartnershipSubject, mailPartnershipBody, mailNetworkButton, mailEndorsementRequestSubject
        case mailEndorsementRequestBody, mailExternalEndorsementSubject, mailExternalEndorsementBody, mailExternalEndorsementButton
        case mailDigestSubject, mailDigestBody, mailSubmissionInfoSubject, mailSubmissionInfoBody, mailSubmissionReplySubject
        case mailSubmissionReplyBody, mailSubmissionAcceptedSubject, mailSubmissionAcceptedBody, mailSubmissionRejectedSubject
        case mailSubmissionRejectedBody, mailProgrammeButton
        // Errors
        case errorTitle, error400, error401, error403, error404, error409, error413, error500, error503, error507, csrfError, backHome
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
        case .forgotPasswordLink: ("Mot de passe oublié ?", "Forgotten your password?")
        case .forgotPasswordTitle: ("Mot de passe oublié", "Forgotten password")
        case .forgotPasswordIntro: ("Indiquez l'adresse de votre compte : nous y enverrons un lien, valable une heure, pour choisir un nouveau mot de passe.",
                                    "Give your account's address: we will send it a link, valid for an hour, to choose a new password.")
        case .sendResetLinkButton: ("Envoyer le lien", "Send the link")
        case .resetLinkSentNotice: ("Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé.",
                                    "If an account exists for this address, a link to choose a new password has just been sent to it.")
        case .resetPasswordTitle: ("Choisir un nouveau mot de passe", "Choose a new password")
        case .resetPasswordButton: ("Enregistrer le mot de passe", "Save the password")
        case .passwordChangedNotice: ("Mot de passe changé. Toutes les sessions ouvertes ont été fermées : connectez-vous avec le nouveau.",
                                      "Password changed. Every open session was closed: sign in with the new one.")
        case .signOutEverywhereButton: ("Se déconnecter partout", "Sign out everywhere")
        case .signedOutEverywhereNotice: ("Toutes vos sessions ont été fermées, sur tous les appareils.", "All your sessions were closed, on every device.")
        case .mailResetSubject: ("Choisir un nouveau mot de passe Blason", "Choose a new Blason password")
        case .mailResetBody: ("Vous avez demandé à changer le mot de passe de votre compte Blason. Le lien ci-dessous vous permet d'en choisir un nouveau ; il ne sert qu'une fois.",
                              "You asked to change the password of your Blason account. The link below lets you choose a new one; it works once.")
        case .mailResetButton: ("Choisir un nouveau mot de passe", "Choose a new password")
        case .signUpButton: ("Créer mon compte", "Create my account")
        case .formErrorsTitle: ("Le formulaire contient des erreurs :", "The form has errors:")
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
        case .todoTitle: ("À faire", "To do")
        case .todoNothing: ("Rien n'attend votre organisation pour l'instant.", "Nothing is waiting for your organisation right now.")
        case .todoApplications: ("demande(s) de badge à examiner", "badge application(s) to review")
        case .todoPartnerships: ("demande(s) de partenariat à accepter ou refuser", "partnership request(s) to accept or decline")
        case .todoEndorsementRequests: ("demande(s) d'endossement à traiter", "endorsement request(s) to answer")
        case .todoExternalEndorsements: ("endossement(s) externe(s) à approuver", "outside endorsement(s) to approve")
        case .todoShares: ("badge(s) partagé(s) avec vous, en attente de réponse", "badge(s) shared with you, awaiting your answer")
        case .todoSubmissionsToAnswer: ("badge(s) soumis sur lesquels la Région demande des précisions", "submitted badge(s) the Region asks about")
        case .todoSubmissionsToDecide: ("badge(s) soumis à la démarche, en attente de décision", "badge(s) submitted to the programme, awaiting a decision")
        case .todoNothingProgramme: ("Rien n'est en attente dans la démarche pour l'instant.", "Nothing is waiting in the programme right now.")
        case .todoSubmissionsAwaitingStructures: ("badge(s) pour le(s)quel(s) une précision a été demandée à la structure",
                                                  "badge(s) for which the structure was asked for more information")
        case .todoCandidacies: ("candidature(s) au badge participant à examiner", "participant badge application(s) to review")
        case .mailUnsubscribe: ("Ne plus recevoir ce récapitulatif", "Stop receiving this digest")
        case .unsubscribeTitle: ("Se désabonner", "Unsubscribe")
        case .unsubscribeIntro: ("Vous ne recevrez plus le récapitulatif quotidien des demandes d'endossement. Vous pourrez le réactiver depuis la page Réseau.",
                                 "You will no longer receive the daily digest of endorsement requests. You can turn it back on from the Network page.")
        case .unsubscribeButton: ("Me désabonner", "Unsubscribe me")
        case .unsubscribedNotice: ("C'est fait : vous ne recevrez plus ce récapitulatif.", "Done: you will no longer receive this digest.")
        case .todoProposals: ("proposition(s) de badge en attente de la réponse du titulaire", "badge proposal(s) awaiting the earner's answer")
        case .chartAwardsByMonth: ("Badges émis par mois (6 derniers mois)", "Badges awarded per month (last 6 months)")
        case .tokenScopeLabel: ("Portée", "Scope")
        case .tokenScopeRead: ("lecture seule", "read only")
        case .tokenScopeWrite: ("lecture et écriture", "read and write")
        case .tokenOrganisationLabel: ("Organisation", "Organisation")
        case .tokenAllOrganisations: ("toutes mes organisations", "all my organisations")
        case .tokenDaysLabel: ("Durée de validité (jours)", "Valid for (days)")
        case .tokenDaysHint(let days): ("De 1 à \(days) jours.", "From 1 to \(days) days.")
        case .auditTitle: ("Journal des actions", "Audit log")
        case .auditIntro: ("Chaque changement (attributions, révocations, décisions, endossements, partages, liens, rôles, réglages) avec son auteur, sa date et son adresse d'origine. Les 200 derniers sont affichés ; l'export CSV les contient tous.",
                           "Every change (awards, revocations, decisions, endorsements, shares, links, roles, settings) with who made it, when and from where. The latest 200 are shown; the CSV export has them all.")
        case .auditCSVLink: ("Exporter en CSV", "Export as CSV")
        case .auditEmpty: ("Aucune action enregistrée pour l'instant.", "No action recorded yet.")
        case .auditCaption: ("Actions, les plus récentes d'abord", "Actions, newest first")
        case .auditWhen: ("Date (UTC)", "Date (UTC)")
        case .auditWho: ("Auteur", "Who")
        case .auditWhat: ("Action", "Action")
        case .auditDetail: ("Détail", "Detail")
        case .auditFrom: ("Adresse d'origine", "From")
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
        case .statusProposed: ("proposé, en attente", "proposed, awaiting answer")
        case .statusDeclined: ("refusé", "declined")
        case .statusWithdrawn: ("retiré", "withdrawn")
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
        case .reportsTitle: ("Rapports", "Reports")
        case .reportsIntro: ("Les badges émis par votre organisation, par badge.", "The awards of your organisation, by badge class.")
        case .awardsPerBadge: ("Émissions par badge", "Awards per badge class")
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
        case .navPassport: ("Mon passeport", "My passport")
        case .claimTitle: ("Votre badge", "Your badge")
        case .claimIssuedIntro: ("{issuer} vous a délivré ce badge. Acceptez-le pour le retrouver dans votre espace « Mon passeport », ou masquez-le.",
                                 "{issuer} has awarded you this badge. Accept it to keep it in your space, “My passport”, or hide it.")
        case .claimProposedIntro: ("{issuer} vous propose ce badge. Il ne sera visible et valide qu'après votre acceptation.",
                                   "{issuer} proposes this badge to you. It becomes visible and valid only once you accept it.")
        case .acceptButton: ("Accepter", "Accept")
        case .hideButton: ("Masquer", "Hide")
        case .declineButton: ("Refuser", "Decline")
        case .claimAcceptedNotice: ("Badge accepté : il est dans votre passeport.", "Badge accepted: it is in your passport.")
        case .claimHiddenNotice: ("Badge masqué de votre passeport.", "Badge hidden from your passport.")
        case .claimDeclinedNotice: ("Proposition refusée : ce badge ne sera jamais public.", "Proposal declined: this badge will never be public.")
        case .linkInvalidTitle: ("Lien non valide", "Invalid link")
        case .linkInvalidText: ("Ce lien n'est pas reconnu : il a peut-être été mal copié. Vérifiez l'adresse complète dans le courriel reçu.",
                                "This link is not recognised: it may have been copied incompletely. Check the full address in the e-mail you received.")
        case .linkExpiredTitle: ("Lien expiré", "Expired link")
        case .linkExpiredText: ("Ce lien personnel a expiré. Demandez à l'organisation qui vous a délivré le badge de vous le renvoyer.",
                                "This personal link has expired. Ask the organisation that awarded the badge to send it again.")
        case .linkUsedTitle: ("Lien déjà utilisé", "Link already used")
        case .linkExpiredGenericText: ("Ce lien personnel a expiré. Demandez à la personne ou à l'organisation qui vous l'a envoyé de vous en adresser un nouveau.",
                                       "This personal link has expired. Ask the person or organisation who sent it to send you a new one.")
        case .linkUsedGenericText: ("Ce lien a déjà servi : il ne peut être utilisé qu'une fois.", "This link has already been used: it works only once.")
        case .linkUsedText: ("Ce lien a déjà servi. Vos badges sont dans votre passeport : demandez un lien de connexion pour y accéder.",
                             "This link has already been used. Your badges are in your passport: ask for a sign-in link to open it.")
        case .linkMismatchTitle: ("Lien d'une autre personne", "Someone else's link")
        case .linkOtherAccountTitle: ("Lien destiné à un autre compte", "A link for another account")
        case .linkOtherAccountText: ("Ce lien a été envoyé à une adresse qui n'appartient pas au compte connecté sur ce navigateur. Déconnectez-vous pour l'ouvrir, ou ajoutez d'abord cette adresse à votre passeport.",
                                     "This link was sent to an address that does not belong to the account signed in on this browser. Sign out to open it, or first add this address to your passport.")
        case .emailVerifiedSignInNotice: ("Adresse confirmée. Connectez-vous avec votre mot de passe pour ouvrir votre passeport.",
                                          "Address confirmed. Sign in with your password to open your passport.")
        case .linkAnsweredSignInNotice: ("Votre réponse est enregistrée. Ce compte a un mot de passe ou une organisation : connectez-vous pour ouvrir votre passeport.",
                                         "Your answer is recorded. This account has a password or an organisation: sign in to open your passport.")
        case .linkMismatchText: ("Ce lien ne correspond pas à ce badge ou à cette personne. Utilisez le lien exact reçu par courriel.",
                                 "This link does not belong to this badge or this person. Use the exact link you received by e-mail.")
        case .passportTitle: ("Mon passeport", "My passport")
        case .passportIntro: ("Tous les badges envoyés à vos adresses e-mail vérifiées.", "Every badge sent to your verified e-mail addresses.")
        case .passportEmpty: ("Aucun badge pour l'instant.", "No badges yet.")
        case .passportNoVerifiedEmail: ("Aucune adresse vérifiée : ajoutez et confirmez votre adresse pour voir les badges qui y sont envoyés.",
                                        "No verified address: add and confirm your address to see the badges sent to it.")
        case .proposalsHeading: ("Propositions en attente", "Pending proposals")
        case .myBadgesHeading: ("Mes badges", "My badges")
        case .showOnProfile: ("Afficher sur ma page publique", "Show on my public page")
        case .removeFromProfile: ("Retirer de ma page publique", "Remove from my public page")
        case .onProfileLabel: ("sur ma page publique", "on my public page")
        case .addToLinkedIn: ("Ajouter à mon profil LinkedIn", "Add to my LinkedIn profile")
        case .publicProfileHeading: ("Ma page publique", "My public page")
        case .publicProfileLinkText: ("Adresse à partager :", "Address to share:")
        case .publicProfileNone: ("Choisissez « Afficher sur ma page publique » sur un badge accepté pour créer votre page.",
                                  "Choose “Show on my public page” on an accepted badge to create your page.")
        case .passportSignInTitle: ("Accéder à mon passeport", "Open my passport")
        case .passportSignInIntro: ("Indiquez l'adresse à laquelle vos badges ont été envoyés : nous y enverrons un lien de connexion valable une heure.",
                                    "Give the address your badges were sent to: we will send a sign-in link to it, valid for one hour.")
        case .sendLinkButton: ("Recevoir un lien", "Send me a link")
        case .linkSentNotice: ("Si un passeport existe pour cette adresse, un lien de connexion vient d'y être envoyé.",
                               "If a passport exists for this address, a sign-in link has just been sent to it.")
        case .emailsTitle: ("Mes adresses e-mail", "My e-mail addresses")
        case .emailsIntro: ("Les badges envoyés à chacune de vos adresses vérifiées apparaissent dans votre passeport.",
                            "Badges sent to each of your verified addresses appear in your passport.")
        case .addEmailButton: ("Ajouter l'adresse", "Add address")
        case .emailVerified: ("vérifiée", "verified")
        case .emailUnverified: ("en attente de confirmation", "awaiting confirmation")
        case .verificationSentNotice: ("Un lien de confirmation a été envoyé à cette adresse.", "A confirmation link has been sent to this address.")
        case .emailVerifiedNotice: ("Adresse confirmée.", "Address confirmed.")
        case .settingsTitle: ("Mes préférences", "My settings")
        case .notificationsHeading: ("Notifications par e-mail", "E-mail notifications")
        case .notifyAwardMail: ("M'envoyer un e-mail quand je reçois un badge ou une proposition", "E-mail me when I receive a badge or a proposal")
        case .notifyEndorsementDigest: ("Envoyez-moi des notifications journalières pour les demandes d'endossement en attente",
                                        "Send me daily notifications about pending endorsement requests")
        case .languagePreference: ("Langue des e-mails", "Language of e-mails")
        case .exportHeading: ("Mes données", "My data")
        case .exportText: ("Téléchargez toutes vos données (compte, adresses, badges en JSON et images) dans un fichier ZIP.",
                           "Download all your data (account, addresses, badges as JSON and images) as a ZIP file.")
        case .exportButton: ("Télécharger mes données", "Download my data")
        case .deleteHeading: ("Supprimer mon compte", "Delete my account")
        case .deleteText: ("Les badges affichés sur votre page publique restent vérifiables ; les autres sont retirés. Cette action est définitive.",
                           "Badges shown on your public page stay verifiable; the others are withdrawn. This cannot be undone.")
        case .deleteConfirmLabel: ("Tapez votre adresse e-mail pour confirmer", "Type your e-mail address to confirm")
        case .deleteButton: ("Supprimer définitivement", "Delete for good")
        case .accountDeletedNotice: ("Votre compte a été supprimé.", "Your account has been deleted.")
        case .profilePageTitle: ("Badges de {name}", "{name}'s badges")
        case .profilePageIntro: ("Badges choisis par leur titulaire. Chacun est vérifiable à son adresse.", "Badges chosen by their holder. Each can be verified at its address.")
        case .stateAccepted: ("accepté", "accepted")
        case .stateHidden: ("masqué", "hidden")
        case .statePending: ("en attente de réponse", "awaiting your answer")
        case .resendLinkButton: ("Renvoyer le lien au bénéficiaire", "Send the link to the recipient again")
        case .linkResentNotice: ("Un nouveau lien a été envoyé ; les précédents ne fonctionnent plus.", "A new link has been sent; earlier ones no longer work.")
        case .passwordHeading: ("Mot de passe", "Password")
        case .passwordIntroNone: ("Votre espace s'ouvre avec les liens reçus par e-mail. Choisissez un mot de passe pour vous connecter aussi sans lien.",
                                  "Your space opens with the links you receive by e-mail. Choose a password to sign in without a link too.")
        case .currentPasswordLabel: ("Mot de passe actuel", "Current password")
        case .newPasswordLabel: ("Nouveau mot de passe", "New password")
        case .passwordSetButton: ("Enregistrer le mot de passe", "Save password")
        case .passwordSetNotice: ("Mot de passe enregistré.", "Password saved.")
        case .awardLanguageLabel: ("Langue du courriel aux bénéficiaires", "Language of the e-mail to recipients")
        case .awardLanguageRecipients: ("La langue de chaque bénéficiaire (français par défaut)", "Each recipient's own language (French by default)")
        case .navReviews: ("Évaluations", "Reviews")
        case .applicationsSetupTitle: ("Demandes de badge", "Badge applications")
        case .applicationsSetupIntro: ("Ouvrez les demandes pour ce badge : un formulaire à votre image, une page publique pour postuler, et la façon de décider.",
                                       "Open applications for this badge class: your own form, a public page to apply, and how decisions are made.")
        case .applicationsOpenLink: ("Demandes de badge", "Applications")
        case .reviewMethodLabel: ("Mode d'évaluation", "Review method")
        case .reviewMethodSingle: ("Un évaluateur décide", "A single reviewer decides")
        case .reviewMethodJury: ("Jury (votes, seuil d'acceptation, évaluateur final)", "Jury (votes, acceptance threshold, final reviewer)")
        case .reviewMethodAutomatic: ("Acceptation automatique", "Automatic approval")
        case .reviewMethodClaimCode: ("Code de réclamation", "Claim code")
        case .reviewMethodFixedHint: ("Choisi à l'ouverture, il ne change plus ensuite.", "Chosen when applications open; it cannot change afterwards.")
        case .applicantKindLabel: ("Qui peut demander", "Who may apply")
        case .applicantKindPerson: ("Une personne", "A person")
        case .applicantKindOrganisation: ("Une organisation, par l'un de ses administrateurs", "An organisation, through one of its admins")
        case .closesAtLabel: ("Date de clôture (facultatif)", "Closing date (optional)")
        case .applicantLimitLabel: ("Nombre maximal de demandes (facultatif)", "Maximum number of applications (optional)")
        case .juryThresholdLabel: ("Seuil d'acceptation (votes « oui »)", "Acceptance threshold (“yes” votes)")
        case .claimCodeLabel: ("Code de réclamation", "Claim code")
        case .claimCodeHint: ("6 caractères au moins ; laissez vide pour garder le code actuel.", "At least 6 characters; leave empty to keep the current code.")
        case .introLabelFR: ("Présentation (français)", "Introduction (French)")
        case .introLabelEN: ("Présentation (anglais)", "Introduction (English)")
        case .juryLabel: ("Membres du jury (adresses e-mail, une par ligne)", "Jury members (e-mail addresses, one per line)")
        case .juryHint: ("Chaque membre vote ; sans évaluateur final, le seuil décide.", "Each member votes; without a final reviewer, the threshold decides.")
        case .finalReviewerLabel: ("Évaluateur final (adresse e-mail, facultatif)", "Final reviewer (e-mail address, optional)")
        case .outsideReviewersLabel: ("Évaluateurs extérieurs (adresses e-mail, une par ligne)", "Outside reviewers (e-mail addresses, one per line)")
        case .reviewersHint: ("Les personnes sans compte reçoivent une invitation par e-mail.", "People without an account receive an invitation by e-mail.")
        case .questionsLegend: ("Questions du formulaire", "Form questions")
        case .questionsHint: ("Laissez une ligne vide pour ne pas l'utiliser. Choix : un par ligne, « Libellé | English label ».",
                              "Leave a row empty not to use it. Choices: one per line, “Libellé | English label”.")
        case .questionLabelFR: ("Question (français)", "Question (French)")
        case .questionLabelEN: ("Question (anglais)", "Question (English)")
        case .questionHelpFR: ("Aide (français)", "Help (French)")
        case .questionHelpEN: ("Aide (anglais)", "Help (English)")
        case .questionKind: ("Type de réponse", "Answer type")
        case .questionRequired: ("Obligatoire", "Required")
        case .questionChoices: ("Choix", "Choices")
        case .questionChoicesHint: ("Un par ligne.", "One per line.")
        case .questionMaxMB: ("Taille maximale du fichier (Mo)", "Maximum file size (MB)")
        case .kindShortText: ("Texte court", "Short text")
        case .kindLongText: ("Texte long", "Long text")
        case .kindSingleChoice: ("Choix unique", "Single choice")
        case .kindMultipleChoice: ("Choix multiple", "Multiple choice")
        case .kindYesNo: ("Oui / non", "Yes / no")
        case .kindURL: ("Adresse web", "Web address")
        case .kindFile: ("Fichier (PDF, PNG, JPEG)", "File (PDF, PNG, JPEG)")
        case .openApplicationsButton: ("Enregistrer et ouvrir les demandes", "Save and open applications")
        case .closeApplicationsButton: ("Fermer les demandes", "Close applications")
        case .applicationsSavedNotice: ("Demandes ouvertes.", "Applications are open.")
        case .applicationsClosedNotice: ("Demandes fermées.", "Applications are closed.")
        case .applyPageLink: ("Page publique de demande", "Public application page")
        case .qrCodeAlt: ("QR code de la page de demande", "QR code of the application page")
        case .applyTitle: ("Demander le badge « {badge} »", "Apply for the badge “{badge}”")
        case .applyIntro: ("Remplissez le formulaire : {issuer} examinera votre demande.", "Fill in the form: {issuer} will review your application.")
        case .applyAsOrganisation: ("Ce badge est délivré à des organisations : votre demande est faite au nom de l'organisation active ({name}).",
                                    "This badge is awarded to organisations: you apply on behalf of your current organisation ({name}).")
        case .applySignInAsAdmin: ("Ce badge est délivré à des organisations : connectez-vous en tant qu'administrateur de la vôtre pour le demander.",
                                   "This badge is awarded to organisations: sign in as an admin of yours to apply.")
        case .applicantNameLabel: ("Votre nom", "Your name")
        case .applicantEmailLabel: ("Votre adresse e-mail", "Your e-mail address")
        case .submitApplicationButton: ("Soumettez votre demande maintenant", "Submit your application now")
        case .yesLabel: ("Oui", "Yes")
        case .noLabel: ("Non", "No")
        case .checkEmailTitle: ("Vérifiez votre messagerie", "Check your inbox")
        case .checkEmailText: ("Nous vous avons envoyé un lien : suivez-le pour confirmer votre adresse et envoyer votre demande.",
                               "We have sent you a link: follow it to confirm your address and send your application.")
        case .applicationSubmittedNotice: ("Votre demande est envoyée.", "Your application has been sent.")
        case .applicationTitle: ("Demande du badge « {badge} »", "Application for the badge “{badge}”")
        case .applicationStatusLabel: ("État de la demande", "Application status")
        case .statusAwaitingEmail: ("adresse à confirmer", "address to confirm")
        case .statusPendingReview: ("en cours d'examen", "under review")
        case .statusReturned: ("à compléter", "to complete")
        case .statusApproved: ("acceptée", "approved")
        case .statusRejected: ("refusée", "declined")
        case .yourAnswers: ("Réponses", "Answers")
        case .conversationHeading: ("Échanges", "Conversation")
        case .writeMessage: ("Votre message", "Your message")
        case .sendMessageButton: ("Envoyer le message", "Send message")
        case .resubmitHeading: ("Compléter et renvoyer la demande", "Complete and send the application again")
        case .resubmitButton: ("Renvoyer ma demande", "Send my application again")
        case .resubmittedNotice: ("Demande renvoyée.", "Application sent again.")
        case .messageSentNotice: ("Message envoyé.", "Message sent.")
        case .reviewsTitle: ("Évaluation des demandes", "Reviewing applications")
        case .reviewsIntro: ("Les demandes de badge à examiner, par état.", "Badge applications to review, by status.")
        case .filterAll: ("Toutes", "All")
        // The Réseau page's filter, worded as in the programme's procedure.
        case .partnerFilterAll: ("Tout", "All")
        case .noApplications: ("Aucune demande.", "No applications.")
        case .applicantColumn: ("Demandeur", "Applicant")
        case .submittedColumn: ("Envoyée le", "Submitted")
        case .reviewTitle: ("Demande de {name}", "Application from {name}")
        case .approveHeading: ("Accepter et délivrer le badge", "Approve and award the badge")
        case .approveMessageLabel: ("Message d'acceptation envoyé au demandeur", "Approval message sent to the applicant")
        case .approveMessageHint: ("Modifiez-le si vous le souhaitez ; le lien vers la demande et la formule de politesse sont ajoutés.",
                                   "Edit it if you wish; the link to the application and the greeting are added.")
        case .approveExpiresLabel: ("Date d'expiration du badge (facultatif)", "Expiry date of the badge (optional)")
        case .approveAddendumLabel: ("Complément aux critères (facultatif, publié avec le badge)", "Criteria addendum (optional, published with the badge)")
        case .approveButton: ("Accepter", "Approve")
        case .returnHeading: ("Renvoyer pour compléments", "Return for changes")
        case .returnCommentLabel: ("Ce qu'il faut compléter", "What needs changing")
        case .returnButton: ("Renvoyer au demandeur", "Return to the applicant")
        case .rejectHeading: ("Refuser", "Reject")
        case .rejectReasonLabel: ("Motif du refus", "Reason")
        case .rejectButton: ("Refuser la demande", "Reject the application")
        case .voteHeading: ("Mon vote", "My vote")
        case .voteYes: ("Favorable", "In favour")
        case .voteNo: ("Défavorable", "Against")
        case .voteCommentLabel: ("Commentaire (visible du jury)", "Comment (seen by the jury)")
        case .voteButton: ("Voter", "Vote")
        case .juryAdvice: ("Votes du jury : {yes} pour, {no} contre, seuil {threshold} sur {members}.", "Jury votes: {yes} for, {no} against, threshold {threshold} of {members}.")
        case .internalNoteLabel: ("Note interne (évaluateurs seulement)", "Internal note (reviewers only)")
        case .toApplicantLabel: ("Message au demandeur", "Message to the applicant")
        case .commentButton: ("Publier", "Post")
        case .decisionRecordedNotice: ("Décision enregistrée ; le demandeur est prévenu par e-mail.", "Decision recorded; the applicant is told by e-mail.")
        case .voteRecordedNotice: ("Vote enregistré.", "Vote recorded.")
        case .revisionLabel: ("Version {n}", "Version {n}")
        case .attachmentDownload: ("Télécharger", "Download")
        case .reviewersOnlyLabel: ("interne", "internal")
        case .joinedReviewNotice: ("Vous pouvez maintenant évaluer ces demandes.", "You can now review these applications.")
        case .currentFileKept: ("Fichier actuel : {name} (gardé si vous n'en envoyez pas d'autre)", "Current file: {name} (kept unless you upload another)")
        case .noAnswer: ("(pas de réponse)", "(no answer)")
        case .badgesReceived: ("Badges reçus", "Badges received")
        case .partnerEndorsementsHeading: ("Endossements de partenaires", "Partner endorsements")
        case .partnerEndorsementsIntro: ("Ici vous pouvez ajouter d'autres organisations à votre réseau. Vous pouvez les endosser ou leur demander d'endosser votre organisation.",
                                         "Here you can add other organisations to your network. You can endorse them or ask them to endorse your organisation.")
        case .filterWeEndorse: ("nous les endossons", "we endorse them")
        case .filterTheyEndorseUs: ("ils nous endossent", "they endorse us")
        case .filterMutual: ("endossement mutuel", "mutual endorsement")
        case .addPartnerHeading: ("Ajouter un nouveau partenaire", "Add a new partner")
        case .searchDirectoryLabel: ("Rechercher une organisation (nom, ville, pays)", "Search for an organisation (name, city, country)")
        case .searchButton: ("Rechercher", "Search")
        case .addPartnerButton: ("Ajouter comme partenaire", "Add as partner")
        case .confirmPartnerTitle: ("Confirmer le nouveau partenaire", "Confirm the new partner")
        case .confirmPartnerText: ("Envoyer une demande de partenariat à {name} ? L'organisation devra l'accepter.",
                                   "Send a partnership request to {name}? The organisation will have to accept it.")
        case .confirmButton: ("Confirmer", "Confirm")
        case .partnershipMessage: ("Message (facultatif)", "Message (optional)")
        case .partnerStatusPending: ("demande envoyée, en attente", "request sent, pending")
        case .partnerStatusIncoming: ("vous demande d'être partenaire", "asks to be your partner")
        case .partnerStatusAccepted: ("partenaire", "partner")
        case .acceptPartnerButton: ("Accepter", "Accept")
        case .declinePartnerButton: ("Refuser", "Decline")
        case .endPartnershipButton: ("Mettre fin au partenariat", "End the partnership")
        case .withdrawRequestButton: ("Retirer la demande", "Withdraw the request")
        case .endorseOrganisationLabel: ("Endosser cette organisation", "Endorse this organisation")
        case .endorseBadgeLabel: ("Endosser un de ses badges", "Endorse one of its badge classes")
        case .endorseButton: ("Endosser", "Endorse")
        case .templateChoice: ("Partir d'un modèle", "Start from a template")
        case .noTemplate: ("(texte libre)", "(free text)")
        case .commentLabel: ("Texte de l'endossement", "Endorsement text")
        case .askEndorsementLabel: ("Demander un endossement", "Ask for an endorsement")
        case .askEndorsementButton: ("Envoyer la demande", "Send the request")
        case .messageLabel: ("Message", "Message")
        case .ourOrganisationOption: ("Notre organisation", "Our organisation")
        case .externalEndorsementsHeading: ("Endossements externes", "External endorsements")
        case .digestCheckbox: ("Envoyez-moi des notifications journalières pour les demandes d'endossement en attente",
                               "Send me daily notifications about pending endorsement requests")
        case .askExternalLabel: ("Demander un endossement à une personne extérieure", "Ask someone outside the platform for an endorsement")
        case .externalEmailLabel: ("Son adresse e-mail", "Their e-mail address")
        case .awaitingApproval: ("à valider", "to approve")
        case .approveEndorsementButton: ("Publier", "Publish")
        case .declineEndorsementButton: ("Ne pas publier", "Do not publish")
        case .withdrawEndorsementButton: ("Retirer", "Withdraw")
        case .incomingRequestsHeading: ("Demandes d'endossement reçues", "Endorsement requests received")
        case .noIncomingRequests: ("Aucune demande en attente.", "No pending requests.")
        case .acceptRequestButton: ("Endosser", "Endorse")
        case .declineRequestButton: ("Refuser", "Decline")
        case .badgesWeEndorsedHeading: ("Badges que nous avons endossés", "Badges we have endorsed")
        case .sharedWithPartnersHeading: ("Badges partagés avec les partenaires", "Badges shared with partners")
        case .sharedWithUsHeading: ("Badges partagés avec nous", "Badges shared with us")
        case .noSharedBadges: ("Aucun badge partagé pour l'instant.", "No shared badges yet.")
        case .templatesHeading: ("Modèles d'endossement", "Endorsement templates")
        case .templateNameLabel: ("Nom du modèle", "Template name")
        case .templateTextFR: ("Texte (français)", "Text (French)")
        case .templateTextEN: ("Texte (anglais)", "Text (English)")
        case .saveTemplateButton: ("Enregistrer le modèle", "Save template")
        case .deleteTemplateButton: ("Supprimer", "Delete")
        case .noPartners: ("Aucun partenaire.", "No partners.")
        case .noEndorsements: ("Aucun endossement.", "No endorsements.")
        case .weEndorseTag: ("nous les endossons", "we endorse them")
        case .theyEndorseUsTag: ("ils nous endossent", "they endorse us")
        case .partnershipRequestedNotice: ("Demande de partenariat envoyée.", "Partnership request sent.")
        case .endorsementPublishedNotice: ("Endossement publié.", "Endorsement published.")
        case .requestSentNotice: ("Demande envoyée.", "Request sent.")
        case .externalEndorseTitle: ("Endosser {subject}", "Endorse {subject}")
        case .externalEndorseIntro: ("{organisation} vous demande d'endosser {subject}. Votre texte sera publié avec votre nom et votre organisation après validation.",
                                     "{organisation} asks you to endorse {subject}. Your text will be published with your name and organisation once approved.")
        case .yourNameLabel: ("Votre nom", "Your name")
        case .affiliationLabel: ("Votre organisation ou fonction", "Your organisation or role")
        case .endorsementTextLabel: ("Votre endossement", "Your endorsement")
        case .sendEndorsementButton: ("Envoyer l'endossement", "Send the endorsement")
        case .useTemplateButton: ("Partir de ce modèle", "Start from this template")
        case .externalEndorsementThanks: ("Merci ! Votre endossement sera publié après validation.", "Thank you! Your endorsement will be published once approved.")
        case .endorsedOn: ("endossé le", "endorsed on")
        case .endorsementsHeading: ("Endossements", "Endorsements")
        case .ofOrganisation: ("l'organisation", "the organisation")
        case .networkSavedNotice: ("Enregistré.", "Saved.")
        case .navProgramme: ("La démarche", "The programme")
        case .programmeExpectedSkillsHeading: ("Présentation des compétences attendues sur les badges Région", "The skills expected for the Region badges")
        case .programmeLevelReminder: ("Pour rappel", "Reminder")
        case .programmeParticipantsHeading: ("Structures participantes", "Participating organisations")
        case .programmeNoParticipants: ("Aucune structure pour l'instant.", "No organisations yet.")
        case .programmeContact: ("Pour toute question ou demande d'information, merci d'envoyer un message à :", "For any question, please write to:")
        case .joinTitle: ("Rejoindre la démarche", "Join the programme")
        case .joinIntro: ("L'intégration de votre structure et de vos badges se fait en deux temps : la demande du badge participant, et le partage de vos badges avec la Région, qui les rattache aux badges Région.",
                          "Joining happens in two stages: applying for the participant badge, and sharing your badges with the Region, which links them to the Region badges.")
        case .stepPartnerTitle: ("Devenir partenaire de la Région", "Become a partner of the Region")
        case .stepStateDone: ("✓ fait", "✓ done")
        case .stepStateInProgress: ("en cours", "in progress")
        case .stepStateToDo: ("à faire", "to do")
        case .stepsDone(let done, let total): ("\(done) étape\(done > 1 ? "s" : "") sur \(total) terminée\(done > 1 ? "s" : "").",
                                                "\(done) of \(total) steps done.")
        case .stepAccountTitle: ("Créer votre compte et votre organisation", "Create your account and your organisation")
        case .stepAccountDone: ("Votre organisation :", "Your organisation:")
        case .stepParticipantBadgeTitle: ("Recevoir le badge participant", "Receive the participant badge")
        case .stepParticipantBadgeDone: ("Votre organisation a reçu le badge participant.", "Your organisation has received the participant badge.")
        case .stepParticipantBadgeWaiting: ("Il vous sera délivré quand la Région aura accepté votre demande.",
                                            "It is awarded once the Region has accepted your application.")
        case .stepEndorseNothingYet: ("Possible dès qu'un de vos badges est rattaché à un badge Région.",
                                      "Possible as soon as one of your badges is linked to a Region badge.")
        case .endorsementReceivedLabel: ("endossé par la Région", "endorsed by the Region")
        case .submissionStatusDraft: ("brouillon, pas encore envoyé", "draft, not sent yet")
        case .viewApplication: ("Voir la demande", "View the application")
        case .stepPartnerDone: ("Vous êtes partenaire de la Région.", "You are a partner of the Region.")
        case .stepPartnerPending: ("Demande de partenariat envoyée, en attente.", "Partnership request sent, pending.")
        case .stepPartnerButton: ("Ajouter la Région comme partenaire", "Add the Region as a partner")
        case .stepShareTitle: ("Partager vos badges et les relier aux badges Région", "Share your badges and link them to the Region badges")
        case .stepShareIntro: ("Si vous avez plusieurs badges à soumettre, faites cette démarche pour chacun d'entre eux.", "If you have several badges to submit, do this for each of them.")
        case .stepApplyTitle: ("Demander le badge participant", "Apply for the participant badge")
        case .stepApplyIntro: ("Votre demande doit être accompagnée d'au moins un badge partagé.", "Your application must come with at least one shared badge.")
        case .stepApplyDone: ("Demande du badge participant", "Participant badge application")
        case .stepEndorseTitle: ("Demander l'endossement de vos badges rattachés", "Ask the Region to endorse your linked badges")
        case .stepEndorseIntro: ("N'oubliez pas de demander l'endossement du (des) badge(s) partagés à la Région.", "Do not forget to ask the Region to endorse your shared badge(s).")
        case .submitBadgeTitle: ("Soumettre un badge à la Région", "Submit a badge to the Region")
        case .submitBadgeLabel: ("Badge à partager (en tant que lien)", "Badge to share (as a link)")
        case .questionRegionBadge: ("A quel badge Région souhaitez-vous qu'il soit rattaché ?", "Which Region badge should it be linked to?")
        case .questionLevel: ("A quel niveau correspond-il ?", "Which level does it match?")
        case .levelPractise: ("Je pratique (Niveau I)", "I practise (Level I)")
        case .levelMaster: ("Je maîtrise (Niveau II)", "I master (Level II)")
        case .questionCoversAll: ("Selon moi, il couvre toutes les compétences attendues dans le badge Région", "In my view it covers all the skills expected in the Region badge")
        case .questionCoveredSkills: ("Si non, lesquelles couvre-t-il ?", "If not, which ones does it cover?")
        case .questionRemarks: ("Remarques et précisions éventuelles", "Remarks and details")
        case .submitBadgeButton: ("Enregistrer et envoyer à la Région", "Save and send to the Region")
        case .submissionSentNotice: ("Votre demande de partage de badge est maintenant envoyée à la Région !", "Your badge sharing request has been sent to the Region!")
        case .submissionStatusSubmitted: ("envoyé, en cours d'examen", "sent, under review")
        case .submissionStatusInfo: ("précisions demandées", "information requested")
        case .submissionStatusAccepted: ("accepté et rattaché", "accepted and linked")
        case .submissionStatusRejected: ("non retenu", "not accepted")
        case .yourSubmissions: ("Vos badges soumis", "Your submitted badges")
        case .noSubmissions: ("Aucun badge soumis.", "No badges submitted.")
        case .replyLabel: ("Votre réponse", "Your reply")
        case .replyButton: ("Répondre", "Reply")
        case .reviewProgrammeTitle: ("Examen des candidatures", "Reviewing candidacies")
        case .candidaciesHeading: ("Candidatures (badge participant)", "Candidacies (participant badge)")
        case .submissionsHeading: ("Badges soumis", "Submitted badges")
        case .structureColumn: ("Structure", "Organisation")
        case .requestedColumn: ("Demandé", "Requested")
        case .finalBadgeLabel: ("Badge Région et niveau retenus", "Region badge and level chosen")
        case .proposePastEarnersLabel: ("Proposer aussi le badge Région aux {count} personnes qui ont déjà obtenu ce badge",
                                        "Also propose the Region badge to the {count} people who already earned this badge")
        case .acceptSubmissionButton: ("Accepter et rattacher", "Accept and link")
        case .askInfoLabel: ("Demander des précisions", "Ask for more information")
        case .askInfoButton: ("Envoyer la demande", "Send the request")
        case .rejectSubmissionButton: ("Ne pas retenir", "Do not accept")
        case .acceptCandidacyButton: ("Accepter la candidature et délivrer le badge participant", "Accept the candidacy and award the participant badge")
        case .referentialHeading: ("Référentiel", "Referential")
        case .answersHeading: ("Réponses de la structure", "The organisation's answers")
        case .coversAllYes: ("Oui", "Yes")
        case .coversAllNo: ("Non", "No")
        case .skillCovered: ("couverte", "covered")
        case .skillNotCovered: ("non couverte", "not covered")
        case .linkedBadgesHeading: ("Badges rattachés", "Linked badges")
        case .askEndorsementReminder: ("N'oubliez pas de demander l'endossement de ce badge à la Région.", "Do not forget to ask the Region to endorse this badge.")
        case .dashboardProgrammeTitle: ("Tableau de bord de la démarche", "Programme dashboard")
        case .figuresStructures: ("Structures", "Organisations")
        case .figuresApplied: ("candidates", "applied")
        case .figuresAccepted: ("participantes", "participating")
        case .figuresSubmissions: ("Badges soumis", "Badges submitted")
        case .figuresLinked: ("Badges rattachés", "Linked badges")
        case .figuresProposals: ("Propositions envoyées", "Proposals sent")
        case .figuresProposalsAccepted: ("acceptées", "accepted")
        case .figuresProposalsDeclined: ("refusées", "declined")
        case .exportCSV: ("Exporter en CSV", "Export as CSV")
        case .chartSubmissionsByCompetency: ("Badges soumis par compétence et niveau", "Submitted badges by competency and level")
        case .chartProposalsByMonth: ("Propositions par mois", "Proposals by month")
        case .monthColumn: ("Mois", "Month")
        case .shareTitle: ("Partager un badge avec les partenaires", "Share a badge with partners")
        case .shareIntro: ("Choisissez le badge, la façon de le partager et les partenaires.", "Choose the badge, how to share it and the partners.")
        case .shareBadgeLabel: ("Badge", "Badge class")
        case .shareModeLabel: ("Partage", "Sharing")
        case .shareModeLink: ("Badge partagé en tant que lien", "Badge shared as a link")
        case .shareModeCopy: ("Badge partagé en tant que copie", "Badge shared as a copy")
        case .sharePartnersLabel: ("Partenaires", "Partners")
        case .shareInstructionsLabel: ("Instructions pour les partenaires", "Instructions for partners")
        case .shareProgrammeNote: ("Pour la Région Normandie, utilisez « Rejoindre la démarche » : les quatre questions y sont posées.",
                                   "For the Normandy Region, use “Join the programme”: the four questions are asked there.")
        case .shareButton: ("Partager", "Share")
        case .shareSentNotice: ("Badge partagé.", "Badge shared.")
        case .shareStatusPending: ("en attente", "pending")
        case .shareStatusAccepted: ("accepté", "accepted")
        case .shareStatusDeclined: ("refusé", "declined")
        case .shareStatusEnded: ("terminé", "ended")
        case .endShareButton: ("Mettre fin au partage", "End sharing")
        case .acceptShareButton: ("Accepter", "Accept")
        case .declineShareButton: ("Refuser", "Decline")
        case .shareBadgeLink: ("Partager un badge avec les partenaires", "Share a badge with partners")
        case .awardSharedBadge: ("Émettre", "Award")
        case .sharedBadgesHeading: ("Badges partagés avec nous", "Badges shared with us")
        case .programmeOpenLink: ("La Normandie badge les compétences", "La Normandie badge les compétences")
        case .submissionTitle: ("Badge soumis : {badge}", "Submitted badge: {badge}")
        case .candidacyStatus: ("Candidature", "Candidacy")
        case .linkedObjectsHeading: ("Éléments liés à la demande", "Linked to this application")
        case .allBadgesSubmitted: ("Tous vos badges sont soumis. Pour en soumettre un autre, créez-le d'abord.",
                                   "All your badges are submitted. To submit another one, create it first.")
        case .noPartnersYet: ("Aucun partenaire pour l'instant : ajoutez-en depuis la page Réseau.", "No partners yet: add some from the Network page.")
        case .noMessages: ("Aucun message.", "No messages.")
        case .organisationColumn: ("Organisation", "Organisation")
        case .openSubmission: ("Voir la soumission", "Open the submission")
        case .noBadgeToSubmit: ("Créez d'abord le badge de votre structure, puis revenez ici pour le soumettre.",
                                "Create your organisation's badge first, then come back here to submit it.")
        case .outboxTitle: ("Courriels envoyés", "Sent e-mails")
        case .outboxIntro: ("Les courriels de votre organisation et leur état d'envoi.", "Your organisation's e-mails and their delivery status.")
        case .outboxLocalNote: ("Aucun serveur SMTP n'est configuré : les courriels restent ici. Vous pouvez suivre leurs liens pour essayer chaque parcours.",
                                "No SMTP server is configured: e-mails stay here. You can follow their links to try every flow.")
        case .outboxEmpty: ("Aucun courriel.", "No e-mails.")
        case .outboxStatusPending: ("en attente", "pending")
        case .outboxStatusSending: ("en cours d'envoi", "sending")
        case .outboxStatusSent: ("envoyé", "sent")
        case .outboxStatusFailed: ("échec", "failed")
        case .templatesTitle: ("Modèles de courriels", "E-mail templates")
        case .templatesIntro: ("Personnalisez l'objet et le message des courriels envoyés aux bénéficiaires. Le lien personnel est ajouté automatiquement.",
                               "Customise the subject and message of the e-mails sent to recipients. The personal link is added automatically.")
        case .templateSubject: ("Objet", "Subject")
        case .templateBody: ("Message", "Message")
        case .templatePlaceholders: ("Vous pouvez utiliser {recipient}, {badge} et {issuer}. Laissez vide pour le texte par défaut.",
                                     "You can use {recipient}, {badge} and {issuer}. Leave empty for the default text.")
        case .templateAwardIssued: ("Badge émis", "Badge awarded")
        case .templateAwardProposed: ("Proposition de badge", "Badge proposal")
        case .templateReset: ("Texte par défaut :", "Default text:")
        case .mailGreeting: ("Bonjour {recipient},", "Hello {recipient},")
        case .mailAwardSubject: ("Vous avez reçu le badge « {badge} »", "You have received the badge “{badge}”")
        case .mailAwardBody: ("{issuer} vous a délivré le badge « {badge} ». Félicitations !\n\nAcceptez-le dans votre espace « Mon passeport » pour le garder, le partager et le télécharger.",
                              "{issuer} has awarded you the badge “{badge}”. Congratulations!\n\nAccept it into your space, “My passport”, to keep, share and download it.")
        case .mailProposalSubject: ("Proposition d'acceptation du badge « {badge} »", "Proposal: accept the badge “{badge}”")
        case .mailProposalBody: ("{issuer} vous propose le badge « {badge} ». Il ne sera visible et valide qu'après votre acceptation ; vous pouvez aussi le refuser.",
                                 "{issuer} proposes the badge “{badge}” to you. It becomes visible and valid only once you accept it; you may also decline it.")
        case .mailClaimButton: ("Voir et accepter mon badge", "See and accept my badge")
        case .mailLinkValidUntil: ("Ce lien personnel est valable jusqu'au {date}. Ne le transmettez pas.", "This personal link is valid until {date}. Do not pass it on.")
        case .mailSignInSubject: ("Votre lien de connexion à Mon passeport", "Your sign-in link to My passport")
        case .mailSignInBody: ("Voici le lien demandé pour ouvrir votre espace « Mon passeport » sur Blason.", "Here is the link you asked for to open your space, “My passport”, on Blason.")
        case .mailSignInButton: ("Ouvrir Mon passeport", "Open My passport")
        case .mailVerifySubject: ("Confirmez votre adresse e-mail", "Confirm your e-mail address")
        case .mailVerifyBody: ("Confirmez que cette adresse vous appartient pour retrouver dans votre espace les badges qui y sont envoyés.",
                               "Confirm that this address is yours to see in your space the badges sent to it.")
        case .mailVerifyButton: ("Confirmer mon adresse", "Confirm my address")
        case .mailFooter: ("Courriel envoyé par Blason, plateforme Open Badges.", "E-mail sent by Blason, an Open Badges platform.")
        case .mailAppConfirmSubject: ("Confirmez votre demande du badge « {badge} »", "Confirm your application for the badge “{badge}”")
        case .mailAppConfirmBody: ("Vous avez demandé le badge « {badge} » à {issuer}. Confirmez votre adresse e-mail pour envoyer votre demande.",
                                   "You applied to {issuer} for the badge “{badge}”. Confirm your e-mail address to send your application.")
        case .mailAppConfirmButton: ("Confirmer et envoyer ma demande", "Confirm and send my application")
        case .mailAppReceivedSubject: ("Demande reçue : « {badge} »", "Application received: “{badge}”")
        case .mailAppReceivedBody: ("{issuer} a bien reçu votre demande du badge « {badge} ». Vous pouvez la suivre avec ce lien personnel.",
                                    "{issuer} has received your application for the badge “{badge}”. You can follow it with this personal link.")
        case .mailAppOpenButton: ("Suivre ma demande", "Follow my application")
        case .mailAppReturnedSubject: ("Votre demande « {badge} » est à compléter", "Your application “{badge}” needs changes")
        case .mailAppReturnedBody: ("{issuer} vous demande de compléter votre demande du badge « {badge} » :\n\n{note}",
                                    "{issuer} asks you to complete your application for the badge “{badge}”:\n\n{note}")
        case .mailAppApprovedSubject: ("Demande acceptée : « {badge} »", "Application approved: “{badge}”")
        case .mailAppApprovedBody: ("Bonne nouvelle : {issuer} a accepté votre demande du badge « {badge} ». Vous allez recevoir le badge dans un message séparé.\n\n{note}",
                                    "Good news: {issuer} has approved your application for the badge “{badge}”. The badge comes in a separate message.\n\n{note}")
        case .mailAppRejectedSubject: ("Demande non retenue : « {badge} »", "Application declined: “{badge}”")
        case .mailAppRejectedBody: ("{issuer} n'a pas retenu votre demande du badge « {badge} ». Motif :\n\n{note}",
                                    "{issuer} has declined your application for the badge “{badge}”. Reason:\n\n{note}")
        case .mailAppCommentSubject: ("Nouveau message sur votre demande « {badge} »", "New message about your application “{badge}”")
        case .mailAppCommentBody: ("{issuer} vous a écrit au sujet de votre demande du badge « {badge} » :\n\n{note}",
                                   "{issuer} wrote to you about your application for the badge “{badge}”:\n\n{note}")
        case .mailReviewerSubject: ("Invitation à évaluer les demandes du badge « {badge} »", "Invitation to review applications for the badge “{badge}”")
        case .mailReviewerBody: ("{issuer} vous invite à évaluer les demandes du badge « {badge} ».", "{issuer} invites you to review applications for the badge “{badge}”.")
        case .mailReviewerButton: ("Rejoindre l'évaluation", "Join the review")
        case .mailPartnershipSubject: ("{organisation} souhaite devenir votre partenaire", "{organisation} would like to become your partner")
        case .mailPartnershipBody: ("{organisation} vous a envoyé une demande de partenariat sur Blason.\n\n{note}",
                                    "{organisation} sent you a partnership request on Blason.\n\n{note}")
        case .mailNetworkButton: ("Ouvrir la page Réseau", "Open the Network page")
        case .mailEndorsementRequestSubject: ("{organisation} vous demande un endossement", "{organisation} asks you for an endorsement")
        case .mailEndorsementRequestBody: ("{organisation} vous demande d'endosser {subject}.\n\n{note}",
                                           "{organisation} asks you to endorse {subject}.\n\n{note}")
        case .mailExternalEndorsementSubject: ("{organisation} vous demande d'endosser {subject}", "{organisation} asks you to endorse {subject}")
        case .mailExternalEndorsementBody: ("{organisation} vous demande d'écrire quelques lignes pour endosser {subject} : votre nom, votre organisation et votre appréciation. Elles seront publiées après validation.\n\n{note}",
                                            "{organisation} asks you to write a few lines endorsing {subject}: your name, your organisation and your opinion. They will be published once approved.\n\n{note}")
        case .mailExternalEndorsementButton: ("Écrire l'endossement", "Write the endorsement")
        case .mailDigestSubject: ("Demandes d'endossement en attente : {count}", "Pending endorsement requests: {count}")
        case .mailDigestBody: ("Voici les demandes d'endossement qui attendent une réponse de votre organisation :\n\n{note}",
                               "Here are the endorsement requests waiting for an answer from your organisation:\n\n{note}")
        case .mailSubmissionInfoSubject: ("Badge « {badge} » : la Région demande des précisions", "Badge “{badge}”: the Region asks for more information")
        case .mailSubmissionInfoBody: ("Les services de la Région reviennent vers vous au sujet du badge « {badge} » soumis à la démarche « {programme} » :\n\n{note}",
                                       "The Region's services come back to you about the badge “{badge}” submitted to “{programme}”:\n\n{note}")
        case .mailSubmissionReplySubject: ("{organisation} a répondu au sujet du badge « {badge} »", "{organisation} replied about the badge “{badge}”")
        case .mailSubmissionReplyBody: ("{organisation} a répondu à votre demande de précisions sur le badge « {badge} » :\n\n{note}",
                                        "{organisation} replied to your request for information about the badge “{badge}”:\n\n{note}")
        case .mailSubmissionAcceptedSubject: ("Badge « {badge} » rattaché au badge Région « {region} »", "Badge “{badge}” linked to the Region badge “{region}”")
        case .mailSubmissionAcceptedBody: ("La Région a accepté votre badge « {badge} » : il est désormais rattaché au badge Région « {region} ». Les personnes qui l'obtiendront recevront automatiquement une proposition d'acceptation du badge Région.\n\nN'oubliez pas de demander l'endossement de votre badge à la Région (page Réseau).",
                                           "The Region accepted your badge “{badge}”: it is now linked to the Region badge “{region}”. People who earn it will automatically receive a proposal to accept the Region badge.\n\nDo not forget to ask the Region to endorse your badge (Network page).")
        case .mailSubmissionRejectedSubject: ("Badge « {badge} » non retenu pour la démarche", "Badge “{badge}” not accepted for the programme")
        case .mailSubmissionRejectedBody: ("La Région n'a pas retenu votre badge « {badge} » pour la démarche « {programme} ». Motif :\n\n{note}",
                                           "The Region did not accept your badge “{badge}” for “{programme}”. Reason:\n\n{note}")
        case .mailProgrammeButton: ("Ouvrir la démarche", "Open the programme")
        case .mailIgnoreNote: ("Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.", "If you did not ask for this, ignore this message.")
        case .errorTitle: ("Erreur", "Error")
        case .error400: ("La demande est incorrecte.", "The request is not valid.")
        case .error401: ("Connectez-vous pour accéder à cette page.", "Sign in to see this page.")
        case .error403: ("Vous n'avez pas les droits nécessaires pour cette action.", "You do not have the rights for this action.")
        case .error404: ("Cette page n'existe pas.", "This page does not exist.")
        case .error409: ("Cette action n'est plus possible.", "This action is no longer possible.")
        case .error413: ("Le fichier envoyé est trop volumineux.", "The uploaded file is too large.")
        case .error500: ("Une erreur inattendue est survenue. Réessayez plus tard.", "An unexpected error occurred. Please try again later.")
        case .error507: ("Le serveur n'a plus de place pour enregistrer : rien n'a été enregistré. Prévenez l'administrateur de la plateforme.",
                         "The server has no room left to save: nothing was saved. Please tell the platform's administrator.")
        case .error503: ("Le service est momentanément indisponible. Réessayez dans quelques secondes.",
                         "The service is briefly unavailable. Please try again in a few seconds.")
        case .csrfError: ("Le formulaire a expiré ou ne vient pas de ce site. Rechargez la page et recommencez.",
                          "The form expired or did not come from this site. Reload the page and try again.")
        case .backHome: ("Retour à l'accueil", "Back to the home page")
        }
    }
}
