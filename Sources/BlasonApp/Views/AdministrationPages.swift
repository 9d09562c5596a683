import Foundation
import BlasonCore
import BlasonPersistence
import Plot

/// Administration: the hub, members and roles, API tokens.
enum AdministrationPages {
    static func hub(page: PageContext) -> String {
        let t = page.t
        let links: [(SiteRoute, Catalogue.Key)] = [(.organisationSettings, .organisationSettingsTitle), (.members, .membersTitle), (.tokens, .tokensTitle),
                                                   (.mailOutbox, .outboxTitle), (.mailTemplates, .templatesTitle),
                                                   (.auditLog, .auditTitle)]
        return Layout.render(page, main: .group(
            .h1(.text(t(.administrationTitle))),
            .p(.text(t(.administrationIntro))),
            .ul(.class("link-list"), .forEach(links) { .li(.a(.href($0.0.path), .text(t($0.1)))) })
        ))
    }

    struct MembersModel {
        struct Member {
            let membershipID: UUID
            let name: String
            let email: String
            let role: Role
        }
        let members: [Member]
        var email = ""
        var role: Role = .issuer
        var issues: [FieldIssue] = []
    }

    static func members(_ model: MembersModel, page: PageContext) -> String {
        let t = page.t
        let roleOptions = Role.allCases.map { (value: $0.rawValue, label: t.role($0)) }
        return Layout.render(page, main: .group(
            .h1(.text(t(.membersTitle))),
            .p(.text(t(.membersIntro))),
            .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(t(.nameLabel))), .th(.text(t(.emailLabel))), .th(.text(t(.memberRoleLabel))), .th(.text(t(.actionsColumn))))),
                .tbody(.forEach(model.members) { member in
                    .tr(.td(.text(member.name)), .td(.text(member.email)),
                        .td(.form(.class("inline"), .method(.post), .action(SiteRoute.memberRole(member.membershipID).path),
                                  Layout.csrfField(page.csrf),
                                  // Named by aria-label: a label hidden off screen counts as hidden for axe-core.
                                  .select(.id("role-\(member.membershipID)"), .attribute(named: "name", value: "role"),
                                          .attribute(named: "aria-label", value: "\(t(.memberRoleLabel)) — \(member.name)"),
                                          .forEach(roleOptions) { Components.option(value: $0.value, label: $0.label, selected: $0.value == member.role.rawValue) }),
                                  .button(.type(.submit), .class("button small"), .text(t(.changeRoleButton))))),
                        .td(.form(.class("inline"), .method(.post), .action(SiteRoute.memberRemove(member.membershipID).path),
                                  Layout.csrfField(page.csrf),
                                  .button(.type(.submit), .class("button small danger"), .text(t(.removeMemberButton))))))
                })
            )),
            .h2(.text(t(.addMemberButton))),
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(SiteRoute.members.path), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  Components.input("email", label: t(.memberEmailLabel), value: model.email, options: .init(type: .email, required: true),
                                   issues: model.issues, t),
                  Components.select("role", label: t(.memberRoleLabel), options: roleOptions, selected: model.role.rawValue, issues: model.issues, t),
                  Components.submit(t(.addMemberButton)))
        ))
    }

    struct TokensModel {
        struct Token {
            let id: UUID
            let name: String
            let createdAt: Date?
            let expiresAt: Date?
            let lastUsedAt: Date?
            let revoked: Bool
            let scope: TokenScope
            let organisation: String?
        }
        let tokens: [Token]
        var newToken: String?
        var issues: [FieldIssue] = []
        /// The user's organisations, to limit a new token to one of them.
        var organisations: [(id: UUID, name: String)] = []
        var maximumDays = 365
    }

    static func tokens(_ model: TokensModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(t(.tokensTitle))),
            .p(.text(t(.tokensIntro))),
            .unwrap(model.newToken) { token in
                .div(.class("notice"), .attribute(named: "role", value: "status"),
                     .p(.text(t(.tokenCreatedNotice))), .p(.code(.id("new-token"), .text(token))))
            },
            .if(model.tokens.isEmpty, .p(.text(t(.noTokens))), else: .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(t(.tokenNameLabel))), .th(.text(t(.tokenScopeLabel))), .th(.text(t(.tokenOrganisationLabel))),
                           .th(.text(t(.tokenExpires))), .th(.text(t(.tokenLastUsed))),
                           .th(.text(t(.statusColumn))), .th(.text(t(.actionsColumn))))),
                .tbody(.forEach(model.tokens) { token in
                    .tr(.td(.text(token.name)), .td(.text(t(token.scope == .read ? .tokenScopeRead : .tokenScopeWrite))),
                        .td(.text(token.organisation ?? t(.tokenAllOrganisations))),
                        .td(.text(token.expiresAt.map(t.date) ?? t(.never))),
                        .td(.text(token.lastUsedAt.map(t.date) ?? t(.never))),
                        .td(.text(t(token.revoked ? .tokenStatusRevoked : .tokenStatusActive))),
                        .td(.if(!token.revoked, .form(.class("inline"), .method(.post), .action(SiteRoute.tokenRevoke(token.id).path),
                                                      Layout.csrfField(page.csrf),
                                                      .button(.type(.submit), .class("button small danger"), .text(t(.tokenRevokeButton)))))))
                })))),
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(SiteRoute.tokens.path),
                  Layout.csrfField(page.csrf),
                  Components.input("name", label: t(.tokenNameLabel), value: nil, options: .init(required: true), issues: model.issues, t),
                  Components.select("scope", label: t(.tokenScopeLabel),
                                    options: [(TokenScope.read.rawValue, t(.tokenScopeRead)), (TokenScope.write.rawValue, t(.tokenScopeWrite))],
                                    selected: TokenScope.read.rawValue, issues: model.issues, t),
                  Components.select("organisation", label: t(.tokenOrganisationLabel),
                                    options: [("", t(.tokenAllOrganisations))] + model.organisations.map { ($0.id.lowercased, $0.name) },
                                    selected: "", issues: model.issues, t),
                  Components.input("expires_in_days", label: t(.tokenDaysLabel), value: String(model.maximumDays),
                                   options: .init(type: .number, required: true, hint: t(.tokenDaysHint(model.maximumDays))), issues: model.issues, t),
                  Components.submit(t(.tokenCreateButton)))
        ))
    }
}
