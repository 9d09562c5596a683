import Foundation
import Plot
import Vapor

/// The page shown for any error outside the API.
enum ErrorPage {
    struct Model {
        let status: HTTPResponseStatus
        let message: String
        let details: [String]
        var actions: [(href: String, label: String)] = []
    }

    static func render(_ model: Model, page: PageContext) -> String {
        Layout.render(page, main: .div(
            .class("error-page"),
            .h1(.text("\(page.t(.errorTitle)) \(model.status.code)")),
            .p(.class("lead"), .text(model.message)),
            .if(!model.details.isEmpty, .ul(.forEach(model.details) { .li(.text($0)) })),
            .forEach(model.actions) { action in .p(.a(.class("button primary"), .href(action.href), .text(action.label))) },
            .p(.a(.href(page.homePath), .text(page.t(.backHome))))
        ))
    }
}
