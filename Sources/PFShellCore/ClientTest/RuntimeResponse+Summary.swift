extension RuntimeResponse {
    /// `400 text/html`, `302, Location https://app/cb?…`: what the server answered, for the user,
    /// never a code or token from a query.
    var summary: String {
        var text = "\(status)"
        if !mediaType.isEmpty { text += " " + mediaType }
        if let location { text += ", Location " + PageURL.withoutQuery(location) }
        return text
    }

    /// `text/html;charset=utf-8` → `text/html`; empty without a `Content-Type`.
    var mediaType: String {
        ModelText.trimmed(String((contentType ?? "").prefix { $0 != ";" })).lowercased()
    }
}
