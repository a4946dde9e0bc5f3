import Foundation
import PFShellHTTP
import PFShellJSON

/// A golden transcript: `Transcripts/NAME.pfsh`, a pfsh script whose `#!` lines (comments to pfsh)
/// tell the harness how to run it, and `Transcripts/NAME.expected`, what it must print.
///
/// Directives, each on its own line:
/// - `#! emulator FLAG...`: the emulator's flags instead of `--seed demo` (`--strict` and the
///   password are always given).
/// - `#! args WORD...`: more pfsh arguments (quoted like a shell; `{url}`, `{ca}`, `{runtime-url}`,
///   `{tmp}`, `{closed-url}` are replaced). pfsh's environment also has `PFSH_TEST_URL`,
///   `PFSH_TEST_CA` and `PFSH_TEST_RUNTIME_URL` for scripts (`${env.PFSH_TEST_URL}`).
/// - `#! env NAME=VALUE`: an environment variable for pfsh (same replacements).
/// - `#! connect none`: leave out `--url`, `--ca-file` and `--password-env`.
/// - `#! input file|-f|-c|redirect|piped|none|argv`: how the script reaches pfsh: as the script
///   argument (default), with `-f`, one `-c` per command line, as `pfsh < FILE`, through a pipe line
///   by line, not at all, or as one-shot commands: each command line is split like a shell (same
///   replacements) and is one run of pfsh with those words after its options. Every run prints
///   `$ pfsh WORDS` before its stdout, then `[exit N]`; its stderr, if any, after `$ pfsh WORDS`;
///   the transcript's status is the last run's.
/// - `#! directory DIR`: pfsh's working folder, `Transcripts/DIR` (default: `Tests/PFShellEndToEndTests`).
/// - `#! rc FILE`: install `Transcripts/FILE` as `$XDG_CONFIG_HOME/pfsh/pfshrc` and drop `--no-rc`.
/// - `#! refusal ID`: the server may refuse a request with this `errorId` (or `resultId`); any
///   other refusal fails the test, so every request pfsh sends must pass the strict 12.1 model.
/// - `#! admin METHOD PATH [JSON]`: at this point of the script, another administrator calls the
///   Admin API. Needs piped input: the harness waits until pfsh has run every earlier line.
/// - `#! impostor KIND`: start `Fixtures/impostor_server.py KIND`, a server that is not
///   PingFederate's admin API, at `{impostor-url}` (`http://127.0.0.1:PORT`).
struct Transcript {
    enum Input: String {
        case file, dashF = "-f", dashC = "-c", redirect, piped, none, argv
    }

    struct AdminCall {
        let method: HTTPMethod
        let path: String
        let body: JSONValue?
    }

    let name: String
    let path: String
    /// The physical lines, `#!` lines included.
    let lines: [String]
    var emulatorArguments = ["--seed", "demo"]
    var arguments: [String] = []
    var environment: [(name: String, value: String)] = []
    var connects = true
    var input = Input.file
    /// pfsh's working folder under `Transcripts/`, if not the test folder.
    var directory: String?
    var rcFile: String?
    var refusals: Set<String> = []
    /// Admin calls by the index of their line.
    var adminCalls: [Int: AdminCall] = [:]
    /// The kind of `Fixtures/impostor_server.py` to start, if any.
    var impostor: String?

    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    init(name: String, path: String) throws {
        self.name = name
        self.path = path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        var inputGiven = false
        for (index, line) in lines.enumerated() where line.hasPrefix("#!") {
            let place = "\(name).pfsh:\(index + 1)"
            let body = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            let keyword = String(body.prefix { !$0.isWhitespace })
            let rest = String(body.dropFirst(keyword.count)).trimmingCharacters(in: .whitespaces)
            switch keyword {
            case "emulator": emulatorArguments = try HeaderWords.split(rest, at: place)
            case "args": arguments += try HeaderWords.split(rest, at: place)
            case "env":
                guard let equals = rest.firstIndex(of: "=") else { throw FormatError(description: "\(place): env NAME=VALUE") }
                environment.append((String(rest[..<equals]), String(rest[rest.index(after: equals)...])))
            case "connect":
                guard rest == "none" else { throw FormatError(description: "\(place): only 'connect none' is known") }
                connects = false
            case "input":
                guard let mode = Input(rawValue: rest) else { throw FormatError(description: "\(place): unknown input '\(rest)'") }
                input = mode
                inputGiven = true
            case "rc": rcFile = rest
            case "directory": directory = rest
            case "refusal": refusals.formUnion(rest.split(separator: " ").map(String.init))
            case "admin": adminCalls[index] = try Self.adminCall(rest, at: place)
            case "impostor": impostor = rest
            default: throw FormatError(description: "\(place): unknown directive '\(keyword)'")
            }
        }
        if !adminCalls.isEmpty {
            if inputGiven && input != .piped { throw FormatError(description: "\(name): '#! admin' needs piped input") }
            input = .piped
        }
    }

    private static func adminCall(_ text: String, at place: String) throws -> AdminCall {
        let parts = text.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count >= 2, let method = HTTPMethod(rawValue: parts[0].uppercased()) else {
            throw FormatError(description: "\(place): admin METHOD PATH [JSON]")
        }
        var body: JSONValue?
        if parts.count == 3 {
            do {
                body = try JSONParser.parse(parts[2])
            } catch {
                throw FormatError(description: "\(place): the admin call's body is not JSON: \(error)")
            }
        }
        return AdminCall(method: method, path: parts[1], body: body)
    }

    /// The lines pfsh runs as `-c` commands: everything but blank and comment lines.
    var commandLines: [String] {
        lines.filter { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
    }
}

/// Splits a directive's words like a shell: blanks separate, '...' and "..." quote.
enum HeaderWords {
    static func split(_ text: String, at place: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        guard quote == nil else { throw Transcript.FormatError(description: "\(place): unterminated quote") }
        if inWord { words.append(current) }
        return words
    }
}
