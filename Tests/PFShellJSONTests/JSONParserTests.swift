import PFShellJSON
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(#"{"s":"a\"b\\c\n","i":-42,"d":1.5e2,"t":true,"f":false,"n":null,"a":[1,[]],"o":{}}"#)
        #expect(value["s"] == "a\"b\\c\n")
        #expect(value["i"] == .int(-42))
        #expect(value["d"] == .double(150))
        #expect(value["t"] == true)
        #expect(value["f"] == false)
        #expect(value["n"] == .null)
        #expect(value["a"] == [1, []])
        #expect(value["o"] == .object(JSONObject()))
    }

    @Test func keepsKeyOrder() throws {
        let value = try JSONParser.parse(#"{"zeta":1,"alpha":2,"mid":3}"#)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
        #expect(JSONPrinter.print(value) == #"{"zeta":1,"alpha":2,"mid":3}"#)
    }

    @Test func duplicateKeysKeepTheFirstPlaceAndTheLastValue() throws {
        let value = try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == 3)
    }

    @Test func unicodeEscapesAndSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\u00e9\ud83d\ude00""#) == "é😀")
        #expect(try JSONParser.parse("\"héllo ✓\"") == "héllo ✓")
    }

    @Test func bigIntegersBecomeDoubles() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .int(Int64.max))
        #expect(try JSONParser.parse("92233720368547758070") == .double(92_233_720_368_547_758_070))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == [])
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        let text: String
        let line: Int
        let column: Int
        var testDescription: String { text.debugDescription }
    }

    static let bad: [BadCase] = [
        BadCase(text: "", line: 1, column: 1),
        BadCase(text: "{\"a\":1,}", line: 1, column: 8),
        BadCase(text: "{\n  \"a\": 1\n  \"b\": 2\n}", line: 3, column: 3),
        BadCase(text: "[1 2]", line: 1, column: 4),
        BadCase(text: "\"unterminated", line: 1, column: 14),
        BadCase(text: "{\"é\": tru}", line: 1, column: 7),
        BadCase(text: "01", line: 1, column: 2),
        BadCase(text: "1.", line: 1, column: 3),
        BadCase(text: "\"\\ud800\"", line: 1, column: 8),
        BadCase(text: "\"a\tb\"", line: 1, column: 3),
        BadCase(text: "{} x", line: 1, column: 4),
        BadCase(text: "{'a': 1}", line: 1, column: 2),
    ]

    @Test(arguments: bad) func reportsWhereTheTextIsWrong(_ c: BadCase) {
        #expect {
            try JSONParser.parse(c.text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.line == c.line && error.column == c.column && !error.message.isEmpty
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }
}

@Suite struct JSONPrinterTests {
    @Test func escapesControlCharacters() {
        #expect(JSONPrinter.print("a\u{01}\t\"") == #""a\u0001\t\"""#)
    }

    @Test func prettyLayout() {
        let value: JSONValue = ["a": [1, 2], "b": [:], "c": []]
        #expect(JSONPrinter.print(value, style: .pretty) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}")
    }

    @Test func roundTrip() throws {
        let text = #"{"x":[true,null,-1,2.5,"é"],"y":{"z":"\\"}}"#
        #expect(JSONPrinter.print(try JSONParser.parse(text)) == text)
    }
}

@Suite struct JSONObjectTests {
    @Test func settingKeepsPlaceAndRemovingDropsTheKey() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 3
        object["c"] = 4
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object == ["c": 4, "a": 3])
    }
}
