import BlasonCore

/// Plot also has a `Language`; inside the app the word means the interface language.
typealias Language = BlasonCore.Language
