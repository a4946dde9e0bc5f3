/// A shell-quoted form of `text` that the lexer reads back as exactly one word with that text:
/// bare when every character is plainly safe, else single-quoted with each `'` written `'\''`.
/// Used to echo commands and to insert completions.
public func quoted(_ text: String) -> String {
    if !text.isEmpty, text.unicodeScalars.allSatisfy(isSafeUnquoted) { return text }
    var result = "'"
    for scalar in text.unicodeScalars {
        if scalar == "'" {
            result += "'\\''"
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result + "'"
}

/// ASCII letters, digits and punctuation no shell treats specially, and non-ASCII letters, digits
/// and marks. Blanks, invisible characters and everything else are quoted, also for the reader's sake.
private func isSafeUnquoted(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
        switch scalar.value {
        case 0x61...0x7A, 0x41...0x5A, 0x30...0x39: return true  // a-z A-Z 0-9
        case 0x2D, 0x5F, 0x2E, 0x2F, 0x3A, 0x3D, 0x40, 0x25, 0x2B, 0x2C: return true  // - _ . / : = @ % + ,
        default: return false
        }
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .decimalNumber, .letterNumber, .otherNumber,
        .nonspacingMark, .spacingMark, .enclosingMark:
        return true
    default:
        return false
    }
}
