import BlasonCore
import SwiftCSV
import Testing

@Suite struct CSVTableTests {
    @Test func quotesWhatNeedsQuotingAndDefusesFormulas() throws {
        var table = CSVTable(header: ["nom", "note"])
        table.append(["Maison \"Pour\" Tous; Caen", "ligne 1\nligne 2"])
        table.append(["=HYPERLINK(\"x\")", "-3"])
        table.append(["Compétences", ""])
        let text = table.text
        #expect(text.hasPrefix("\u{FEFF}nom;note\r\n"))
        #expect(text.contains("\"Maison \"\"Pour\"\" Tous; Caen\";\"ligne 1\nligne 2\""))
        #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\";'-3"))
        // Read back by a CSV parser, the values survive (formulas defused).
        let parsed = try CSV<Enumerated>(string: String(text.dropFirst()), delimiter: .character(";"))
        #expect(parsed.rows.count == 3)
        #expect(parsed.rows[0] == ["Maison \"Pour\" Tous; Caen", "ligne 1\nligne 2"])
        #expect(parsed.rows[1] == ["'=HYPERLINK(\"x\")", "'-3"])
        #expect(parsed.rows[2] == ["Compétences", ""])
    }
}
