import Plot

/// A page that only says something went well (an account deleted, an outsider's endorsement
/// received): the visitor has nowhere else to land, as they have no session or no account any more.
enum NoticePage {
    static func render(message: String, action: (href: String, label: String)? = nil, page: PageContext) -> String {
        Layout.render(page, main: .div(
            .class("notice-page"),
            .h1(.text(page.title)),
            .p(.class("lead"), .text(message)),
            .unwrap(action) { .p(.a(.class("button primary"), .href($0.href), .text($0.label))) },
            .p(.a(.href(page.homePath), .text(page.t(.backHome))))
        ))
    }
}
