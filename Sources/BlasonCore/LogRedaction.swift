/// What may be written to logs. Logs are kept, copied and read by people who have no business with
/// earners' identities, so e-mail addresses never reach them, even inside an error text quoted from
/// an SMTP server or a database.
public enum LogRedaction {
    /// `text` with every e-mail address replaced by `…@domain`: the domain still tells which mail
    /// server refused, the person is gone.
    public static func emails(in text: String) -> String {
        guard text.contains("@") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var word = ""
        func flush() {
            if let at = word.firstIndex(of: "@"), at != word.startIndex, word.index(after: at) != word.endIndex {
                result += "…" + word[at...]
            } else {
                result += word
            }
            word = ""
        }
        for character in text {
            if character.isWhitespace || "<>\"'(),;:[]".contains(character) {
                flush()
                result.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }
}
