import Foundation
import BlasonCore
import Plot

/// Sign-in and sign-up forms.
enum AccountPages {
    struct Model {
        var email = ""
        var name = ""
        var issues: [FieldIssue] = []
    }

    static func signIn(_ model: Model, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .div(
            .class("narrow"),
            .h1(.text(t(.signInTitle))),
            Components.errorSummary(model.issues.filter { $0.field == nil }, t),
            .form(.method(.post), .action(SiteRoute.signIn.path), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  Components.input("email", label: t(.emailLabel), value: model.email,
                                   options: .init(type: .email, required: true, autocomplete: "email"), issues: model.issues, t),
                  Components.input("password", label: t(.passwordLabel), value: nil,
                                   options: .init(type: .password, required: true, autocomplete: "current-password"), issues: model.issues, t),
                  Components.submit(t(.signInButton))),
            .p(.a(.href(SiteRoute.passwordForgot.path), .text(t(.forgotPasswordLink)))),
            .p(.text(t(.noAccountYet) + " "), .a(.href(SiteRoute.signUp.path), .text(t(.signUp))))
        ))
    }

    static func forgot(_ model: Model, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .div(
            .class("narrow"),
            .h1(.text(t(.forgotPasswordTitle))),
            .p(.text(t(.forgotPasswordIntro))),
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(SiteRoute.passwordForgot.path), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  Components.input("email", label: t(.emailLabel), value: model.email,
                                   options: .init(type: .email, required: true, autocomplete: "email"), issues: model.issues, t),
                  Components.submit(t(.sendResetLinkButton)))
        ))
    }

    static func reset(token: String, issues: [FieldIssue], page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .div(
            .class("narrow"),
            .h1(.text(t(.resetPasswordTitle))),
            Components.errorSummary(issues, t),
            .form(.method(.post), .action(SiteRoute.passwordReset(token).path), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  Components.input("password", label: t(.newPasswordLabel), value: nil,
                                   options: .init(type: .password, required: true, hint: t(.passwordHint), autocomplete: "new-password"),
                                   issues: issues, t),
                  Components.submit(t(.resetPasswordButton)))
        ))
    }

    static func signUp(_ model: Model, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .div(
            .class("narrow"),
            .h1(.text(t(.signUpTitle))),
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(SiteRoute.signUp.path), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  Components.input("name", label: t(.nameLabel), value: model.name,
                                   options: .init(required: true, autocomplete: "name"), issues: model.issues, t),
                  Components.input("email", label: t(.emailLabel), value: model.email,
                                   options: .init(type: .email, required: true, autocomplete: "email"), issues: model.issues, t),
                  Components.input("password", label: t(.passwordLabel), value: nil,
                                   options: .init(type: .password, required: true, hint: t(.passwordHint), autocomplete: "new-password"),
                                   issues: model.issues, t),
                  Components.submit(t(.signUpButton))),
            .p(.text(t(.alreadyAccount) + " "), .a(.href(SiteRoute.signIn.path), .text(t(.signIn))))
        ))
    }
}
