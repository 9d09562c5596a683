extension MailAddress {
    /// The mailbox as header tokens, ready for `HeaderEncoder.fold`.
    ///
    /// Tokens are the units folding may separate; the display name becomes atoms, one quoted-string or
    /// RFC 2047 encoded-words, and the address stays one unbreakable `<…>` token.
    /// - Parameter firstLineRoom: Characters left on the line where the first token lands, so the first
    ///   encoded-word can be sized to fit there.
    func headerTokens(firstLineRoom: Int) -> [String] {
        let spec = HeaderEncoder.sanitizedAddress(address)
        let displayName = HeaderEncoder.normalizedText(name ?? "")
        guard !displayName.isEmpty else { return [spec] }
        return HeaderEncoder.phraseTokens(displayName, firstLineRoom: firstLineRoom) + ["<\(spec)>"]
    }
}

extension [MailAddress] {
    /// A comma-separated address list as header tokens.
    func headerTokens(firstLineRoom: Int) -> [String] {
        var tokens: [String] = []
        for (index, mailbox) in enumerated() {
            // Later mailboxes are sized for a continuation line, where folding puts them when the
            // current line is too full.
            var mailboxTokens = mailbox.headerTokens(firstLineRoom: index == 0 ? firstLineRoom : HeaderEncoder.continuationRoom)
            if index < count - 1, let last = mailboxTokens.popLast() {
                mailboxTokens.append(last + ",")
            }
            tokens += mailboxTokens
        }
        return tokens
    }
}
