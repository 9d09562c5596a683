import Foundation
import OpenBadges
import Testing

@Suite("JSON values")
struct JSONValueTests {
    @Test func parsesEveryKindAndKeepsIntegersApart() throws {
        let value = try JSONValue(json: #"{"a": [1, 1.0, -2.5e3, true, false, null, "x"], "b": {}, "big": 123456789012345678901234}"#)
        #expect(value["a"] == [.int(1), .double(1), .double(-2500), true, false, nil, "x"])
        #expect(value["b"] == .object([:]))
        #expect(value["big"] == .double(1.2345678901234568e23))
        #expect(value["missing"] == nil)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONValue(json: #"["\u00e9\n\t\"\\\/", "\ud83c\udf03", "é"]"#)
        #expect(value == ["é\n\t\"\\/", "🌃", "é"])
    }

    @Test(arguments: [
        #"{"a": 1, "a": 2}"#, "[1,]", "[01]", "{\"a\" 1}", "\"\\ud800\"", "[1] x", "\"tab\there\"", "-", "1.", "nul", "{",
    ])
    func refusesInvalidJSON(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(json: text) }
    }

    @Test func refusesHostileNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue(json: deep) }
    }

    @Test func serializesWithSortedMembersAndUnescapedSlashes() throws {
        let value: JSONValue = ["b": [1, 2.5, "x/y"], "a": nil, "c": ["z": true]]
        #expect(String(decoding: value.jsonData(), as: UTF8.self) == #"{"a":null,"b":[1,2.5,"x/y"],"c":{"z":true}}"#)
        #expect(try JSONValue(data: value.jsonData(pretty: true)) == value)
    }

    @Test func canonicalJSONFollowsRFC8785() throws {
        // RFC 8785 §3.2.2.3 number samples and §3.2.3 member ordering by UTF-16 code units.
        let numbers: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (1e21, "1e+21"), (1e20, "100000000000000000000"), (333333333.3333333, "333333333.3333333"),
            (1e-7, "1e-7"), (0.000001, "0.000001"), (9007199254740992, "9007199254740992"), (-1.5, "-1.5"),
            (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (0.1 + 0.2, "0.30000000000000004"),
        ]
        for (number, expected) in numbers {
            #expect(JSONValue.double(number).canonicalJSON == expected, "\(number)")
        }
        let ordering = try JSONValue(json: #"{"\u20ac": "Euro", "\r": "CR", "\ufb33": "Hebrew", "1": "One", "\ud83d\ude00": "Emoji", "\u0080": "Ctrl", "\u00f6": "ö"}"#)
        #expect(ordering.canonicalJSON == "{\"\\r\":\"CR\",\"1\":\"One\",\"\u{80}\":\"Ctrl\",\"ö\":\"ö\",\"€\":\"Euro\",\"😀\":\"Emoji\",\"\u{fb33}\":\"Hebrew\"}")
        #expect(JSONValue.string("\u{1F}é").canonicalJSON == "\"\\u001fé\"")
    }

    @Test func codableRoundTrip() throws {
        let value: JSONValue = ["n": 3, "d": 0.5, "s": "t", "l": [true, nil]]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }
}
