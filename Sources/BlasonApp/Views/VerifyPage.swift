import Foundation
import OpenBadges
import Plot

/// "Vérifier un badge": anyone checks a badge (upload, URL or pasted text), and reads the result
/// in plain words before the technical details.
enum VerifyPage {
    struct Model {
        var url = ""
        var text = ""
        var recipient = ""
        var verdict: BadgeVerdict?
    }

    static func render(_ model: Model, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .article(
            .class("verify"),
            .h1(.text(t.pick("Vérifier un badge", "Verify a badge"))),
            .p(.text(t.pick("Open Badges 2.0 ou 3.0, de Blason ou de n'importe quelle plateforme : déposez l'image du badge (PNG ou SVG), donnez son adresse, ou collez son contenu (JSON ou jeton signé).",
                            "Open Badges 2.0 or 3.0, from Blason or any other platform: upload the badge image (PNG or SVG), give its address, or paste its content (JSON or signed token)."))),
            .unwrap(model.verdict) { result($0, t) },
            .form(.method(.post), .action(SiteRoute.verify.path), .enctype(.multipartData), .attribute(named: "novalidate"),
                  Components.input("file", label: t.pick("Image ou fichier du badge", "Badge image or file"), value: nil,
                                   options: .init(type: .file, hint: t.pick("5 Mo au plus.", "5 MB at most.")), t),
                  Components.input("url", label: t.pick("Ou l'adresse du badge", "Or the badge's address"), value: model.url,
                                   options: .init(type: .url, placeholder: "https://…"), t),
                  Components.textarea("text", label: t.pick("Ou son contenu, collé ici", "Or its content, pasted here"), value: model.text, rows: 4, t),
                  Components.input("recipient", label: t.pick("Adresse e-mail du titulaire (facultatif)", "The earner's e-mail address (optional)"),
                                   value: model.recipient,
                                   options: .init(type: .email, hint: t.pick("Pour vérifier que le badge lui a bien été attribué.", "To check the badge was awarded to them.")), t),
                  Components.submit(t.pick("Vérifier", "Verify")))))
    }

    static func result(_ verdict: BadgeVerdict, _ t: Localizer) -> Node<HTML.BodyContext> {
        .section(.class(verdict.valid ? "verdict valid" : "verdict revoked"), .attribute(named: "role", value: "status"),
                 .h2(.text(verdict.valid ? t.pick("Ce badge est valide.", "This badge is valid.") : t.pick("Ce badge n'est pas valide.", "This badge is not valid."))),
                 .p(.text(summary(verdict, t))),
                 .dl(.unwrap(verdict.badgeName) { .group(.dt(.text(t.pick("Badge", "Badge"))), .dd(.text($0))) },
                     .unwrap(verdict.issuerName ?? verdict.issuerID) { .group(.dt(.text(t.pick("Émetteur", "Issuer"))), .dd(.text($0))) },
                     .unwrap(verdict.issuedOn) { .group(.dt(.text(t.pick("Émis le", "Issued on"))), .dd(.text(t.date($0)))) },
                     .unwrap(verdict.expires) { .group(.dt(.text(t.pick("Expire le", "Expires on"))), .dd(.text(t.date($0)))) },
                     .dt(.text(t.pick("Format", "Format"))), .dd(.text(formatName(verdict.format)))),
                 .element(named: "details", nodes: [
                     .element(named: "summary", text: t.pick("Détail des vérifications", "Each check")),
                     .ul(.forEach(verdict.checks) { check in
                         .li(.class(check.passed ? "check-ok" : "check-failed"),
                             .strong(.text((check.passed ? "✓ " : "✗ ") + checkName(check.id, t))), .text(" — " + check.message))
                     }),
                 ]))
    }

    /// One plain sentence: why it is valid, or the first reason it is not.
    static func summary(_ verdict: BadgeVerdict, _ t: Localizer) -> String {
        if verdict.valid {
            let issuer = verdict.issuerName ?? verdict.issuerID ?? "?"
            return t.pick("Il a bien été émis par \(issuer), n'a pas été modifié depuis, et n'est ni révoqué ni expiré.",
                          "It was issued by \(issuer), has not been changed since, and is neither revoked nor expired.")
        }
        if verdict.revoked { return t.pick("Son émetteur l'a révoqué.", "Its issuer revoked it.") }
        switch verdict.failures.first?.id ?? "" {
        case "input", "format", "document":
            return t.pick("Ce qui a été fourni n'est pas un badge lisible (fichier incomplet, trop volumineux ou ambigu, ou contenu mal formé).",
                          "What was given is not a readable badge (incomplete, too large or ambiguous file, or malformed content).")
        case "signature": return t.pick("Sa signature ne correspond pas : il a été modifié, ou n'a pas été signé par son émetteur.",
                                        "Its signature does not match: it was changed, or was not signed by its issuer.")
        case "issuer-key": return t.pick("La clé qui l'a signé n'appartient pas à son émetteur, ou n'a pas pu être trouvée.",
                                         "The key that signed it does not belong to its issuer, or could not be found.")
        case "expiry", "not-before": return t.pick("Il n'est pas (ou plus) en cours de validité.", "It is not (or no longer) within its validity period.")
        case "recipient": return t.pick("Il n'a pas été attribué à cette adresse e-mail.", "It was not awarded to this e-mail address.")
        case "context": return t.pick("Il utilise des définitions (contextes JSON-LD) que Blason ne connaît pas : il n'est pas vérifiable.",
                                      "It uses definitions (JSON-LD contexts) Blason does not know: it cannot be verified.")
        case "hosted", "issuer", "badge-class":
            return t.pick("Son émetteur ne le publie pas (ou plus) à son adresse, ou celle-ci n'a pas pu être consultée.",
                          "Its issuer does not (or no longer) publish it at its address, or the address could not be reached.")
        default: return t.pick("Une des vérifications a échoué (voir le détail).", "One of the checks failed (see each check).")
        }
    }

    static func checkName(_ id: String, _ t: Localizer) -> String {
        switch id {
        case "input": t.pick("Lecture", "Reading")
        case "format", "document": t.pick("Format", "Format")
        case "signature": t.pick("Signature", "Signature")
        case "issuer-key": t.pick("Clé de l'émetteur", "Issuer's key")
        case "revocation": t.pick("Révocation", "Revocation")
        case "expiry", "not-before": t.pick("Validité", "Validity")
        case "recipient": t.pick("Titulaire", "Earner")
        case "context": t.pick("Contextes JSON-LD", "JSON-LD contexts")
        case "hosted": t.pick("Publication par l'émetteur", "Hosted by the issuer")
        case "claims": t.pick("Cohérence du jeton", "Token claims")
        default: id
        }
    }

    static func formatName(_ format: BadgeVerdict.Format) -> String {
        switch format {
        case .ob2Hosted: "Open Badges 2.0 (hosted)"
        case .ob2Signed: "Open Badges 2.0 (JWS)"
        case .ob3DataIntegrity: "Open Badges 3.0 (Data Integrity, eddsa-rdfc-2022)"
        case .ob3JWT: "Open Badges 3.0 (VC-JWT)"
        case .unknown: "—"
        }
    }
}
