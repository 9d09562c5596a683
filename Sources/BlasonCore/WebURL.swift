import Foundation

/// Checks for the links people paste into forms (criteria, evidence, websites, alignments).
public enum WebURL {
    /// Returns the trimmed URL when it is an absolute `http` or `https` URL with a host.
    public static func validated(_ raw: String) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 2048,
              let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              !trimmed.contains(" ") else { return nil }
        return trimmed
    }

    /// Validates an optional field: empty means absent, anything else must be a web URL.
    public static func optional(_ raw: String?, field: String, issues: inout [FieldIssue], line: Int? = nil) -> String? {
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        guard let url = validated(raw) else {
            issues.append(FieldIssue(field: field, problem: .invalidURL(raw), line: line))
            return nil
        }
        return url
    }
}
