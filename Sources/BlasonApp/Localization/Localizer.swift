import BlasonCore
import Foundation

/// Turns catalogue keys and domain problems into text in one language. Every user-facing string
/// of the interface goes through here; `Catalogue` holds the French and English of each key.
struct Localizer: Sendable {
    let language: Language

    func callAsFunction(_ key: Catalogue.Key) -> String {
        let pair = Catalogue.text(key)
        return language == .en ? pair.en : pair.fr
    }

    /// French or English inline, for strings built from values.
    func pick(_ fr: String, _ en: String) -> String {
        language == .en ? en : fr
    }

    func date(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language == .en ? "en_GB" : "fr_FR"),
                                        timeZone: CalendarDay.timeZone))
    }

    func role(_ role: Role) -> String {
        switch role {
        case .admin: pick("Administrateur", "Administrator")
        case .creator: pick("Créateur (badges)", "Creator (badge classes)")
        case .issuer: pick("Émetteur (attributions)", "Issuer (awards)")
        case .reviewer: pick("Évaluateur (demandes)", "Reviewer (applications)")
        }
    }

    func expiryUnit(_ unit: ExpiryPeriod.Unit) -> String {
        switch unit {
        case .days: pick("jours", "days")
        case .months: pick("mois", "months")
        case .years: pick("ans", "years")
        }
    }

    /// A field name as the forms label it.
    func field(_ name: String?) -> String? {
        guard let name else { return nil }
        let known: [String: (String, String)] = [
            "email": ("Adresse e-mail", "E-mail address"), "password": ("Mot de passe", "Password"), "name": ("Nom", "Name"),
            "name_fr": ("Nom (français)", "Name (French)"), "name_en": ("Nom (anglais)", "Name (English)"),
            "description_fr": ("Description (français)", "Description (French)"), "description_en": ("Description (anglais)", "Description (English)"),
            "criteria_fr": ("Critères (français)", "Criteria (French)"), "criteria_en": ("Critères (anglais)", "Criteria (English)"),
            "criteria_url": ("Adresse des critères", "Criteria URL"), "image": ("Image", "Image"), "logo": ("Logo", "Logo"),
            "tags": ("Mots-clés", "Tags"), "alignments": ("Alignements", "Alignments"), "expiry": ("Expiration", "Expiry"),
            "recipients": ("Bénéficiaires", "Recipients"), "csv": ("Fichier CSV", "CSV file"), "issued_on": ("Date d'émission", "Issue date"),
            "expires": ("Date d'expiration", "Expiry date"), "evidence_url": ("Preuve (adresse)", "Evidence URL"),
            "narrative": ("Commentaire", "Narrative"), "slug": ("Identifiant court", "Short name"), "website": ("Site web", "Website"),
            "contact_email": ("E-mail de contact", "Contact e-mail"), "reason": ("Motif", "Reason"), "role": ("Rôle", "Role"),
            "current_password": ("Mot de passe actuel", "Current password"), "new_password": ("Nouveau mot de passe", "New password"),
            "confirm": ("Confirmation", "Confirmation"), "language": ("Langue", "Language"),
            "badge_class": ("Badge", "Badge class"), "competency": ("Badge Région", "Region badge"), "level": ("Niveau", "Level"),
            "covers_all": ("Couverture des compétences attendues", "Coverage of the expected skills"),
            "covered_skills": ("Compétences couvertes", "Skills covered"), "remarks": ("Remarques", "Remarks"),
            "final_level": ("Badge Région et niveau retenus", "Region badge and level chosen"), "message": ("Message", "Message"),
            "partners": ("Partenaires", "Partners"), "mode": ("Partage", "Sharing"), "instructions": ("Instructions", "Instructions"),
            "comment": ("Commentaire", "Comment"), "body": ("Message", "Message"), "note": ("Note", "Note"),
            "affiliation": ("Organisme", "Affiliation"), "claim_code": ("Code", "Code"),
            "review_method": ("Mode d'évaluation", "Review method"), "jury": ("Membres du jury", "Jury members"), "final_reviewer": ("Évaluateur final", "Final reviewer"),
            "outside_reviewers": ("Évaluateurs extérieurs", "Outside reviewers"), "closes_at": ("Date de clôture", "Closing date"),
            "applicant_limit": ("Nombre maximal de demandes", "Maximum number of applications"), "jury_threshold": ("Seuil d'acceptation", "Acceptance threshold"),
        ]
        if let pair = known[name] { return pick(pair.0, pair.1) }
        if name.hasPrefix("alignment_") { return pick("Alignement \(name.dropFirst(10))", "Alignment \(name.dropFirst(10))") }
        return name
    }

    /// One broken rule, in words, with its line for recipient lists.
    func issue(_ issue: FieldIssue) -> String {
        var text = problem(issue.problem)
        if let field = issue.label.map({ $0.text(in: language) }) ?? field(issue.field) {
            text = "\(field) : \(text)".replacingOccurrences(of: " : ", with: language == .en ? ": " : " : ")
        }
        if let line = issue.line { text = pick("Ligne \(line) — ", "Line \(line) — ") + text }
        return text
    }

    func problem(_ problem: Problem) -> String {
        switch problem {
        case .required: pick("ce champ est obligatoire.", "this field is required.")
        case .tooLong(let max): pick("trop long (au plus \(max)).", "too long (at most \(max)).")
        case .tooShort(let min): pick("trop court (au moins \(min) caractères).", "too short (at least \(min) characters).")
        case .invalidEmail(let value): pick("« \(value) » n'est pas une adresse e-mail valide.", "“\(value)” is not a valid e-mail address.")
        case .invalidURL(let value): pick("« \(value) » n'est pas une adresse web (http ou https).", "“\(value)” is not a web address (http or https).")
        case .invalidDate(let value): pick("« \(value) » n'est pas une date (AAAA-MM-JJ).", "“\(value)” is not a date (YYYY-MM-DD).")
        case .dateInFuture: pick("la date ne peut pas être dans le futur.", "the date cannot be in the future.")
        case .dateInPast: pick("la date doit être dans le futur.", "the date must be in the future.")
        case .expiryBeforeIssue: pick("l'expiration doit suivre la date d'émission.", "the expiry must come after the issue date.")
        case .invalidNumber(let value): pick("« \(value) » n'est pas un nombre valide.", "“\(value)” is not a valid number.")
        case .notAllowedValue(let value): pick("la valeur « \(value) » n'est pas permise.", "the value “\(value)” is not allowed.")
        case .wrongType(let expected): pick("type attendu : \(expected).", "expected type: \(expected).")
        case .invalidSlug: pick("lettres minuscules, chiffres et tirets, de 2 à 60 caractères.", "lower-case letters, digits and hyphens, 2 to 60 characters.")
        case .slugTaken(let slug): pick("l'identifiant « \(slug) » est déjà utilisé par une autre organisation.", "the short name “\(slug)” is already used by another organisation.")
        case .emailTaken: pick("un compte existe déjà avec cette adresse.", "an account already exists with this address.")
        case .invalidCredentials: pick("adresse e-mail ou mot de passe incorrect.", "wrong e-mail address or password.")
        case .emptyRecipientList: pick("indiquez au moins un bénéficiaire.", "give at least one recipient.")
        case .tooManyRecipients(let max, let got): pick("\(got) bénéficiaires : au plus \(max) à la fois.", "\(got) recipients: at most \(max) at a time.")
        case .duplicateRecipient(let email, let first): pick("\(email) figure déjà ligne \(first).", "\(email) already appears on line \(first).")
        case .csvMissingColumns(let columns): pick("colonne(s) manquante(s) : \(columns.joined(separator: ", ")). En-tête attendu : email,name,evidence_url,narrative.",
                                                   "missing column(s): \(columns.joined(separator: ", ")). Expected header: email,name,evidence_url,narrative.")
        case .csvMalformed(let detail): pick("fichier CSV illisible (\(detail)).", "unreadable CSV file (\(detail)).")
        case .csvWrongFieldCount(let expected, let got): pick("\(got) colonnes au lieu de \(expected).", "\(got) columns instead of \(expected).")
        case .imageMissing: pick("une image PNG ou SVG est obligatoire.", "a PNG or SVG image is required.")
        case .imageUnsupportedType: pick("l'image doit être au format PNG ou SVG.", "the image must be a PNG or an SVG file.")
        case .imageTooLarge(let limit): pick("l'image dépasse \(limit / 1024) Ko.", "the image is larger than \(limit / 1024) kB.")
        case .imageNotSquare(let w, let h): pick("l'image doit être carrée (elle mesure \(w) × \(h)).", "the image must be square (it is \(w) × \(h)).")
        case .imageUnsafeSVG(let what): pick("SVG refusé pour raison de sécurité : \(what).", "SVG refused for safety: \(what).")
        case .imageMalformed(let detail): pick("image illisible (\(detail)).", "unreadable image (\(detail)).")
        case .alignmentIncomplete: pick("un alignement a besoin d'un nom et d'une adresse.", "an alignment needs a name and a URL.")
        case .badgeClassArchived: pick("ce badge est archivé : on ne peut plus l'émettre.", "this badge class is archived: it can no longer be awarded.")
        case .alreadyRevoked: pick("ce badge émis est déjà révoqué.", "this award is already revoked.")
        case .alreadyMember: pick("cette personne est déjà membre.", "this person is already a member.")
        case .unknownUser(let email): pick("aucun compte n'existe pour \(email) : demandez-lui d'en créer un.", "no account exists for \(email): ask them to sign up first.")
        case .lastAdmin: pick("l'organisation doit garder au moins un administrateur.", "the organisation must keep at least one administrator.")
        case .notAllowedNow: pick("cette action n'est pas possible dans l'état actuel.", "this action is not possible in the current state.")
        case .earnerMailOff: pick("cette personne a choisi de ne plus recevoir de courriels de badges : aucun lien ne peut lui être renvoyé.",
                                  "this person chose to receive no badge e-mails: no link can be sent to them again.")
        case .fileTooLarge(let limit): pick("le fichier dépasse \(limit / 1_048_576) Mo.", "the file is larger than \(limit / 1_048_576) MB.")
        case .fileTypeNotAllowed: pick("seuls les fichiers PDF, PNG et JPEG sont acceptés.", "only PDF, PNG and JPEG files are accepted.")
        case .applicationsClosed: pick("les demandes pour ce badge sont fermées.", "applications for this badge are closed.")
        case .applicantLimitReached: pick("le nombre maximal de demandes pour ce badge est atteint.", "the maximum number of applications for this badge has been reached.")
        case .wrongClaimCode: pick("ce code n'est pas le bon.", "this code is not the right one.")
        case .alreadyDecided: pick("cette demande a déjà fait l'objet d'une décision.", "this application has already been decided.")
        case .preconditionFailed(let what): pick("condition non remplie : \(what)", "condition not met: \(what)")
        case .choicesRequired: pick("indiquez au moins deux choix, un par ligne.", "give at least two choices, one per line.")
        case .partnerSelf: pick("une organisation ne peut pas être partenaire d'elle-même.", "an organisation cannot partner with itself.")
        case .alreadyPartner: pick("vous êtes déjà partenaires, ou une demande est en attente.", "you are already partners, or a request is pending.")
        case .notPartner: pick("cette organisation n'est pas (encore) votre partenaire.", "this organisation is not (yet) your partner.")
        case .notFindable: pick("cette organisation n'apparaît pas dans l'annuaire.", "this organisation is not listed in the directory.")
        case .alreadySubmitted: pick("ce badge est déjà soumis à la démarche.", "this badge class has already been submitted to the programme.")
        case .submissionRequired: pick("partagez d'abord au moins un badge de compétences avec la Région (les quatre questions de la démarche).",
                                       "first share at least one competency badge with the Region (the programme's four questions).")
        case .acceptedSubmissionRequired: pick("aucun badge soumis n'a encore été accepté : acceptez au moins une soumission avant la candidature.",
                                               "no submitted badge has been accepted yet: accept at least one submission before the candidacy.")
        case .alreadyShared: pick("ce badge est déjà partagé avec ce partenaire.", "this badge class is already shared with this partner.")
        case .accountHasNoPassword: pick("un espace existe déjà pour cette adresse : ouvrez-le avec un lien de connexion (Mon passeport).",
                                         "a space already exists for this address: open it with a sign-in link (My passport).")
        }
    }
}
