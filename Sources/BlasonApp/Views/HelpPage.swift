import Foundation
import Plot

/// How to use Blason, in the visitor's language.
enum HelpPage {
    static func render(page: PageContext) -> String {
        let t = page.t
        let sections: [(Catalogue.Key, Catalogue.Key)] = [
            (.helpCreateTitle, .helpCreateText), (.helpIssueTitle, .helpIssueText),
            (.helpVerifyTitle, .helpVerifyText), (.helpAPITitle, .helpAPIText),
        ]
        return Layout.render(page, main: .group(
            .h1(.text(t(.helpTitle))),
            .p(.class("lead"), .text(t(.helpIntro))),
            .forEach(sections) { section in
                .section(.h2(.text(t(section.0))), .p(.text(t(section.1))))
            }
        ))
    }
}
