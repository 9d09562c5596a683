import Foundation
import OpenBadges
import Vapor

/// "Vérifier un badge", for anyone. The form changes nothing and needs no session, so it is the
/// one form without an anti-forgery token; its body is read as a stream so an oversized upload
/// gets a verdict rather than a broken connection.
struct VerifyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("verify") { try await show($0) }
        routes.on(.POST, "verify", body: .stream) { try await verify($0) }
    }

    struct Form: Content {
        var url: String?
        var text: String?
        var recipient: String?
        var file: File?
    }

    func show(_ req: Request) async throws -> Response {
        var model = VerifyPage.Model()
        if var url = req.query[String.self, at: "url"], !url.isEmpty {
            // Links from Blason's own pages give a path on this site.
            if url.hasPrefix("/") { url = req.blason.publicURL + url }
            model.url = url
            model.verdict = await BadgeVerification.verify(.url(url), policy: policy(req), recipient: nil, now: req.blason.clock.now,
                                                                 fetcher: req.blason.badgeFetcher)
        }
        return page(req, model)
    }

    func verify(_ req: Request) async throws -> Response {
        let limit = BadgeVerification.maxBytes + 64 * 1024
        var collected = ByteBuffer()
        var total = 0
        for try await var chunk in req.body {
            total += chunk.readableBytes
            // Past the limit the rest is read and dropped, so the client still gets its answer.
            if collected.readableBytes + chunk.readableBytes <= limit { collected.writeBuffer(&chunk) }
        }
        // Counted once the body is read, so that a refused client still gets its answer.
        try await req.admitPublicForm(.verify)
        var model = VerifyPage.Model()
        guard total <= limit else {
            model.verdict = Self.refused("the upload is \(total / 1_000_000) MB; at most \(BadgeVerification.maxBytes / 1_000_000) MB are read")
            return page(req, model)
        }
        guard let boundary = req.headers.contentType?.parameters["boundary"],
              let form = try? FormDataDecoder().decode(Form.self, from: collected, boundary: boundary) else {
            model.verdict = Self.refused("the form could not be read")
            return page(req, model)
        }
        model.url = form.url ?? ""
        model.text = form.text ?? ""
        model.recipient = form.recipient ?? ""
        let recipient = model.recipient.trimmingCharacters(in: .whitespaces).isEmpty ? nil : model.recipient.trimmingCharacters(in: .whitespaces)
        let input: BadgeInput
        if let file = form.file, file.data.readableBytes > 0 {
            input = .bytes(Data(buffer: file.data))
        } else if !model.url.trimmingCharacters(in: .whitespaces).isEmpty {
            input = .url(model.url.trimmingCharacters(in: .whitespaces))
        } else if !model.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            input = .bytes(Data(model.text.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
        } else {
            model.verdict = Self.refused("nothing was given: a file, an address or a text")
            return page(req, model)
        }
        model.verdict = await BadgeVerification.verify(input, policy: policy(req), recipient: recipient, now: req.blason.clock.now,
                                                             fetcher: req.blason.badgeFetcher)
        return page(req, model)
    }

    private func policy(_ req: Request) -> FetchPolicy {
        req.blason.configuration.verifyFetchPolicy
    }

    private func page(_ req: Request, _ model: VerifyPage.Model) -> Response {
        HTMLResponse.make(VerifyPage.render(model, page: PageContext(request: req, title: req.context.localizer.pick("Vérifier un badge", "Verify a badge"))))
    }

    static func refused(_ message: String) -> BadgeVerdict {
        BadgeVerdict(valid: false, format: .unknown, checks: [.init(id: "input", passed: false, message: message)])
    }
}
