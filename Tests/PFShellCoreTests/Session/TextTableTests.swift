import Testing

@testable import PFShellCore

@Suite struct TextTableTests {
    @Test func wideCharactersTakeTwoColumns() {
        #expect(DisplayWidth.of("thingworx") == 9)
        #expect(DisplayWidth.of("東京ポータル") == 12)
        #expect(DisplayWidth.of("웹 앱") == 5)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("portal 🚀") == 9)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("café") == 4)
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
    }

    @Test func columnsLineUpOnTheScreen() {
        let lines = TextTable.render(
            header: ["CLIENT ID", "NAME", "ENABLED"],
            rows: [["tokyo", "東京ポータル", "yes"], ["rocket", "Launch 🚀", "no"], ["plain", "Plain", "yes"]])
        #expect(
            lines == [
                "CLIENT ID  NAME          ENABLED",
                "tokyo      東京ポータル  yes",
                "rocket     Launch 🚀     no",
                "plain      Plain         yes",
            ])
    }
}
