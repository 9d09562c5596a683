import Foundation

/// Rules for the accounts people create to manage organisations.
public enum AccountRules {
    public static let minimumPasswordLength = 10
    public static let maximumPasswordLength = 200

    /// Checks sign-up input; returns the normalised e-mail.
    public static func validateSignUp(email: String, password: String, name: String) throws(BlasonError) -> EmailAddress {
        var issues: [FieldIssue] = []
        let address = EmailAddress(email)
        if address == nil { issues.append(FieldIssue(field: "email", problem: email.isEmpty ? .required : .invalidEmail(email))) }
        if password.count < minimumPasswordLength {
            issues.append(FieldIssue(field: "password", problem: .tooShort(min: minimumPasswordLength)))
        }
        if password.count > maximumPasswordLength {
            issues.append(FieldIssue(field: "password", problem: .tooLong(max: maximumPasswordLength)))
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(FieldIssue(field: "name", problem: .required)) }
        if name.count > 200 { issues.append(FieldIssue(field: "name", problem: .tooLong(max: 200))) }
        guard issues.isEmpty, let address else { throw .invalid(issues) }
        return address
    }
}
