import ArgumentParser

extension PfshOptions {
    /// Parses pfsh's arguments. Options may still follow a script (`pfsh deploy.pfsh --keep-going`), as
    /// they could before one-shot commands existed: the words after the script are parsed again, as
    /// pfsh's options, without it. After a command, every word is the command's.
    static func parseCommandLine(_ arguments: [String]) throws -> PfshOptions {
        let options = try parse(arguments)
        guard case .script(let path, let rest) = options.target, !rest.isEmpty,
            Array(arguments.suffix(options.words.count)) == options.words
        else { return options }
        var reparsed = try parse(Array(arguments.dropLast(options.words.count)) + rest)
        if let extra = reparsed.words.first {
            throw ValidationError("unexpected argument '\(extra)' after the script '\(path)'")
        }
        reparsed.words = [path]
        try reparsed.validate()
        return reparsed
    }
}
