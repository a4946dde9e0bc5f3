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
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "-_./:=@%+,".unicodeScalars.contains(scalar)
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
