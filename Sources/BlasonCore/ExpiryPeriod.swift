import Foundation

/// How long an award stays valid after its issue date, as a badge class default.
public struct ExpiryPeriod: Equatable, Codable, Sendable {
    public enum Unit: String, CaseIterable, Codable, Sendable {
        case days, months, years
    }

    public var amount: Int
    public var unit: Unit

    public static let maximumAmount = 1200

    /// Refuses zero, negative and absurd periods (more than 1200 of any unit).
    public init?(amount: Int, unit: Unit) {
        guard (1...Self.maximumAmount).contains(amount) else { return nil }
        self.amount = amount
        self.unit = unit
    }

    /// The compact form stored in the database, e.g. `12months`.
    public var storageValue: String { "\(amount)\(unit.rawValue)" }

    public init?(storageValue: String) {
        guard let unit = Unit.allCases.first(where: { storageValue.hasSuffix($0.rawValue) }),
              let amount = Int(storageValue.dropLast(unit.rawValue.count)) else { return nil }
        self.init(amount: amount, unit: unit)
    }

    /// The expiry date of an award issued at `issued`, computed in UTC so that it does not
    /// depend on the server's time zone.
    public func expiry(after issued: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let component: Calendar.Component = switch unit {
        case .days: .day
        case .months: .month
        case .years: .year
        }
        return calendar.date(byAdding: component, value: amount, to: issued) ?? issued
    }
}
