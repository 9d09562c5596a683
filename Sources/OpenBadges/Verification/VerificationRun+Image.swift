import Foundation

extension VerificationRun {
    /// A baked PNG: exactly one badge text chunk (`openbadgecredential` for OB 3.0, `openbadges`
    /// for OB 2.0). Two are refused, even with different keywords: which one the image "is" would
    /// depend on the reader.
    func verifyPNG(_ data: Data, depth: Int) async {
        let payloads: [BadgePNGPayloads.Payload]
        do {
            payloads = try BadgePNGPayloads.all(in: data, limit: options.maxBytes)
        } catch let error as BadgeImageError {
            fail("input", "the PNG image is malformed (\(Self.describe(error)))")
            return
        } catch {
            fail("input", "the PNG image could not be read (\(error))")
            return
        }
        guard payloads.count <= 1 else {
            let keywords = payloads.map(\.keyword).joined(separator: ", ")
            fail("input", "the PNG image carries \(payloads.count) badges (\(keywords)); which one it stands for is ambiguous")
            return
        }
        guard let payload = payloads.first else {
            fail("input", "the PNG image carries no badge (no openbadges or openbadgecredential text chunk)")
            return
        }
        pass("input", "PNG image baked with \(payload.keyword)")
        await verifyText(payload.text.trimmingCharacters(in: .whitespacesAndNewlines), fetchedFrom: nil, fromImage: true,
                         depth: depth + 1)
    }

    /// A baked SVG: one `openbadges:credential` (OB 3.0) or `openbadges:assertion` (OB 2.0)
    /// element, whose content is the badge or, for a hosted assertion, whose `verify` attribute
    /// is its URL.
    func verifySVG(_ data: Data, depth: Int) async {
        let credential: (verify: String?, payload: String?)?
        let assertion: (verify: String?, payload: String?)?
        do {
            credential = try SVGBaker.unbake(data, element: "credential")
            assertion = try SVGBaker.unbake(data, element: "assertion")
        } catch {
            // Both calls throw `BadgeImageError` only, so the catch sees that type.
            fail("input", error == .duplicateBakedPayload
                 ? "the SVG image carries more than one badge; which one it stands for is ambiguous"
                 : "the input is not a readable SVG image (\(Self.describe(error)))")
            return
        }
        if credential != nil && assertion != nil {
            fail("input", "the SVG image carries both an OB 3.0 credential and an OB 2.0 assertion; which one it stands for is ambiguous")
            return
        }
        guard let found = credential ?? assertion else {
            fail("input", "the SVG image carries no badge (no openbadges:credential or openbadges:assertion element)")
            return
        }
        guard let text = found.payload ?? found.verify else {
            fail("input", "the SVG image's badge element is empty")
            return
        }
        pass("input", "SVG image baked with openbadges:\(credential != nil ? "credential" : "assertion")")
        await verifyText(text.trimmingCharacters(in: .whitespacesAndNewlines), fetchedFrom: nil, fromImage: true, depth: depth + 1)
    }

    static func describe(_ error: BadgeImageError) -> String {
        switch error {
        case .empty: "empty"
        case .unsupportedFormat: "not a PNG or SVG image"
        case .malformed(let detail): detail
        case .tooLarge(let bytes, let limit): "\(bytes) bytes, more than \(limit)"
        case .notSquare: "not square"
        case .unsafeSVG(let detail): detail
        case .duplicateBakedPayload: "more than one badge"
        }
    }
}
