import BlasonCore
import BlasonPersistence
import Foundation

/// Writes Blason's e-mails: subject, plain text and HTML, in the recipient's language, from the
/// catalogue or from the organisation's own wording. The personal link is always added by Blason,
/// so a custom message can never lose it.
struct MailComposer: Sendable {
    enum Event: String, CaseIterable, Sendable {
        case awardIssued = "award-issued"
        case awardProposed = "award-proposed"
        case signIn = "sign-in"
        case emailVerification = "email-verification"
        case applicationConfirm = "application-confirm"
        case applicationReceived = "application-received"
        case applicationReturned = "application-returned"
        case applicationApproved = "application-approved"
        case applicationRejected = "application-rejected"
        case applicationComment = "application-comment"
        case reviewerInvitation = "reviewer-invitation"
        case partnershipRequest = "partnership-request"
        case endorsementRequest = "endorsement-request"
        case externalEndorsementRequest = "external-endorsement-request"
        case endorsementDigest = "endorsement-digest"
        case submissionInfoRequested = "submission-info-requested"
        case submissionReply = "submission-reply"
        case submissionAccepted = "submission-accepted"
        case submissionRejected = "submission-rejected"
        case passwordReset = "password-reset"

        /// Events whose subject and message an organisation may reword.
        static let customisable: [Event] = [.awardIssued, .awardProposed]
    }

    struct Composed: Sendable {
        let subject: String
        let text: String
        let html: String
    }

    struct Wording: Sendable {
        let subject: String
        let body: String
    }

    /// The default wording of a customisable event, used when the organisation has none.
    static func defaultWording(_ event: Event, _ language: Language) -> Wording {
        let t = Localizer(language: language)
        switch event {
        case .awardProposed: return Wording(subject: t(.mailProposalSubject), body: t(.mailProposalBody))
        default: return Wording(subject: t(.mailAwardSubject), body: t(.mailAwardBody))
        }
    }

    /// - Parameter unsubscribe: for periodic e-mails, the link that stops them, shown under the message.
    func compose(_ event: Event, language: Language, wording custom: Wording? = nil, values: [String: String], link: String,
                 linkExpires: Date?, unsubscribe: String? = nil) -> Composed {
        let t = Localizer(language: language)
        let wording: Wording
        let button: String
        switch event {
        case .awardIssued, .awardProposed:
            wording = custom ?? Self.defaultWording(event, language)
            button = t(.mailClaimButton)
        case .signIn:
            wording = Wording(subject: t(.mailSignInSubject), body: t(.mailSignInBody) + "\n\n" + t(.mailIgnoreNote))
            button = t(.mailSignInButton)
        case .passwordReset:
            wording = Wording(subject: t(.mailResetSubject), body: t(.mailResetBody) + "\n\n" + t(.mailIgnoreNote))
            button = t(.mailResetButton)
        case .emailVerification:
            wording = Wording(subject: t(.mailVerifySubject), body: t(.mailVerifyBody) + "\n\n" + t(.mailIgnoreNote))
            button = t(.mailVerifyButton)
        case .applicationConfirm:
            wording = Wording(subject: t(.mailAppConfirmSubject), body: t(.mailAppConfirmBody) + "\n\n" + t(.mailIgnoreNote))
            button = t(.mailAppConfirmButton)
        case .applicationReceived:
            wording = Wording(subject: t(.mailAppReceivedSubject), body: t(.mailAppReceivedBody))
            button = t(.mailAppOpenButton)
        case .applicationReturned:
            wording = Wording(subject: t(.mailAppReturnedSubject), body: t(.mailAppReturnedBody))
            button = t(.mailAppOpenButton)
        case .applicationApproved:
            wording = custom ?? ApplicationMail.approval(language)
            button = t(.mailAppOpenButton)
        case .applicationRejected:
            wording = Wording(subject: t(.mailAppRejectedSubject), body: t(.mailAppRejectedBody))
            button = t(.mailAppOpenButton)
        case .applicationComment:
            wording = Wording(subject: t(.mailAppCommentSubject), body: t(.mailAppCommentBody))
            button = t(.mailAppOpenButton)
        case .reviewerInvitation:
            wording = Wording(subject: t(.mailReviewerSubject), body: t(.mailReviewerBody))
            button = t(.mailReviewerButton)
        case .partnershipRequest:
            wording = Wording(subject: t(.mailPartnershipSubject), body: t(.mailPartnershipBody))
            button = t(.mailNetworkButton)
        case .endorsementRequest:
            wording = Wording(subject: t(.mailEndorsementRequestSubject), body: t(.mailEndorsementRequestBody))
            button = t(.mailNetworkButton)
        case .externalEndorsementRequest:
            wording = Wording(subject: t(.mailExternalEndorsementSubject), body: t(.mailExternalEndorsementBody))
            button = t(.mailExternalEndorsementButton)
        case .endorsementDigest:
            wording = Wording(subject: t(.mailDigestSubject), body: t(.mailDigestBody))
            button = t(.mailNetworkButton)
        case .submissionInfoRequested:
            wording = Wording(subject: t(.mailSubmissionInfoSubject), body: t(.mailSubmissionInfoBody))
            button = t(.mailProgrammeButton)
        case .submissionReply:
            wording = Wording(subject: t(.mailSubmissionReplySubject), body: t(.mailSubmissionReplyBody))
            button = t(.mailProgrammeButton)
        case .submissionAccepted:
            wording = Wording(subject: t(.mailSubmissionAcceptedSubject), body: t(.mailSubmissionAcceptedBody))
            button = t(.mailProgrammeButton)
        case .submissionRejected:
            wording = Wording(subject: t(.mailSubmissionRejectedSubject), body: t(.mailSubmissionRejectedBody))
            button = t(.mailProgrammeButton)
        }
        let greeting = Self.fill(t(.mailGreeting), values.merging(["recipient": values["recipient"] ?? ""]) { a, _ in a })
            .replacingOccurrences(of: " ,", with: ",")
        let body = Self.fill(wording.body, values).trimmingCharacters(in: .whitespacesAndNewlines)
        let validity = linkExpires.map { Self.fill(t(.mailLinkValidUntil), ["date": t.date($0)]) }
        let subject = Self.fill(wording.subject, values).replacingOccurrences(of: "\n", with: " ")
        // French typography puts a space before the colon; English does not.
        let colon = language == .fr ? " :" : ":"
        let stop = unsubscribe.map { "\(t(.mailUnsubscribe))\(colon)\n\($0)" }
        let text = ([greeting, body, "\(button)\(colon)\n\(link)"] + (validity.map { [$0] } ?? []) + ["-- \n" + t(.mailFooter)] + (stop.map { [$0] } ?? []))
            .joined(separator: "\n\n")
        let paragraphs = body.components(separatedBy: "\n\n").map { "<p>\(Self.escape($0).replacingOccurrences(of: "\n", with: "<br>"))</p>" }.joined()
        let html = """
        <!DOCTYPE html><html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(Self.escape(subject))</title></head>\
        <body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1b1f24;line-height:1.5">\
        <div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:6px">\
        <p>\(Self.escape(greeting))</p>\(paragraphs)\
        <p style="margin:28px 0"><a href="\(Self.escape(link))" style="background:#0b4f8a;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">\(Self.escape(button))</a></p>\
        <p style="font-size:14px;color:#4d5660">\(Self.escape(link))</p>\
        \(validity.map { "<p style=\"font-size:14px;color:#4d5660\">\(Self.escape($0))</p>" } ?? "")\
        <p style="font-size:12px;color:#4d5660;border-top:1px solid #d5dae0;padding-top:12px">\(Self.escape(t(.mailFooter)))</p>\
        \(unsubscribe.map { "<p style=\"font-size:12px;color:#4d5660\"><a href=\"\(Self.escape($0))\" style=\"color:#0b4f8a\">\(Self.escape(t(.mailUnsubscribe)))</a></p>" } ?? "")\
        </div></body></html>
        """
        return Composed(subject: subject, text: text, html: html)
    }

    /// Replaces `{name}` placeholders; unknown ones are left as typed so a mistake shows. One
    /// pass over the template, so a value that happens to contain `{…}` is never filled in turn.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(template.utf8.count)
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        result += rest
        return result
    }

    /// HTML escaping of text and attribute values, in one pass (every award e-mail runs it a
    /// dozen times, so large awards feel it).
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
