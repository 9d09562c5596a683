import BlasonCore
import FluentKit
import Foundation

/// One badge class awarded to one earner (an Open Badges Assertion).
public final class Award: Model, @unchecked Sendable {
    public static let schema = "awards"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "badge_class_id") public var badgeClass: BadgeClass
    /// Denormalised from the badge class so an issuer's revocation list is one indexed query.
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "recipient_email") public var recipientEmail: String
    @OptionalField(key: "recipient_name") public var recipientName: String?
    @Field(key: "salt") public var salt: String
    @Field(key: "identity_hash") public var identityHash: String
    @Field(key: "issued_on") public var issuedOn: Date
    @OptionalField(key: "expires") public var expires: Date?
    @OptionalField(key: "evidence_url") public var evidenceURL: String?
    @OptionalField(key: "narrative") public var narrative: String?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "revocation_reason") public var revocationReason: String?
    @OptionalParent(key: "issued_by_user_id") public var issuedBy: User?
    @Field(key: "kind") public var kindName: String
    @Field(key: "earner_state") public var earnerStateName: String
    @OptionalField(key: "earner_state_at") public var earnerStateAt: Date?
    /// Shown on the earner's public page of chosen badges.
    @Field(key: "on_profile") public var onProfile: Bool
    /// The language of the e-mails about this award (the recipient's, French by default).
    @Field(key: "language") public var languageCode: String
    /// Set when the earner is an organisation (e.g. a programme's participant badge): the award shows on its profile.
    @OptionalParent(key: "recipient_organisation_id") public var recipientOrganisation: Organisation?
    /// For a proposal made from another award (a programme's Region badge from a partner badge): that award.
    @OptionalField(key: "source_award_id") public var sourceAwardID: UUID?
    /// For an award made by a partner of a badge class shared with it as a link: that partner.
    @OptionalParent(key: "awarded_by_organisation_id") public var awardedBy: Organisation?
    /// The award's bit in its issuer's Open Badges 3.0 revocation list.
    @OptionalField(key: "status_index") public var statusIndex: Int?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, badgeClassID: UUID, organisationID: UUID, recipient: Recipient, salt: String, identityHash: String,
                issuedOn: Date, expires: Date?, evidenceURL: String?, narrative: String?, issuedByUserID: UUID?,
                kind: AwardKind = .issued, language: Language = .fr) {
        self.id = id
        self.$badgeClass.id = badgeClassID
        self.$organisation.id = organisationID
        self.recipientEmail = recipient.email.value
        self.recipientName = recipient.name
        self.salt = salt
        self.identityHash = identityHash
        self.issuedOn = issuedOn
        self.expires = expires
        self.evidenceURL = evidenceURL
        self.narrative = narrative
        self.$issuedBy.id = issuedByUserID
        self.kindName = kind.rawValue
        self.earnerStateName = EarnerState.pending.rawValue
        self.onProfile = false
        self.languageCode = language.rawValue
    }

    public var kind: AwardKind { AwardKind(rawValue: kindName) ?? .issued }

    public var earnerState: EarnerState {
        get { EarnerState(rawValue: earnerStateName) ?? .pending }
        set { earnerStateName = newValue.rawValue }
    }

    public var language: Language { Language(rawValue: languageCode) ?? .default }

    /// Whether the award answers at its public URLs (see `AwardLifecycle`).
    public var isPublic: Bool { AwardLifecycle.isPublic(kind: kind, state: earnerState) }

    public var isRevoked: Bool { revokedAt != nil }

    public func isExpired(at now: Date) -> Bool {
        guard let expires else { return false }
        return expires <= now
    }
}
