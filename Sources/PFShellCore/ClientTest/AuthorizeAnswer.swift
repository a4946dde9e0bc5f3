/// What the authorization endpoint answered a request for one redirect URI, as `client test` reads it.
enum AuthorizeAnswer: Equatable {
    /// A redirect to the redirect URI asked for, with its query parameters (a code, or an error).
    case redirect([String: String])
    /// A step before the user is known: the server will redirect only after a sign-on.
    case signOnStep(SignOnStep)
    /// Anything else: an error page, a server error, a redirect somewhere else.
    case other

    enum SignOnStep: Equatable {
        /// A 200 HTML page with a form (a login page).
        case form
        /// A redirect to another page of the same server (into its authentication flow).
        case serverRedirect

        var text: String {
            switch self {
            case .form: "a sign-on form"
            case .serverRedirect: "a redirect within the server"
            }
        }
    }

    /// - Parameters:
    ///   - redirectURI: the `redirect_uri` the request carried.
    ///   - pageURL: the URL that was asked (the authorization endpoint, or a page after it).
    init(_ response: RuntimeResponse, redirectURI: String, pageURL: String) {
        if (300..<400).contains(response.status), let location = response.location {
            if PageURL.isRedirect(location, to: redirectURI) {
                self = .redirect(FormDecoding.query(of: location))
            } else if PageURL.isOnServer(location, of: pageURL) {
                self = .signOnStep(.serverRedirect)
            } else {
                self = .other
            }
        } else if response.status == 200, Self.isHTML(response), HTMLForm.first(in: response.body) != nil {
            self = .signOnStep(.form)
        } else {
            self = .other
        }
    }

    static func isHTML(_ response: RuntimeResponse) -> Bool {
        response.mediaType == "text/html" || response.mediaType == "application/xhtml+xml"
    }
}
