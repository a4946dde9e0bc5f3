import PFShellJSON

/// Error answers in PingFederate's `ApiResult` shape: `resultId`, `message`, and for validation
/// failures `validationErrors` with `errorId`, `message` and `fieldPath`.
enum APIResult {
    static func response(_ status: Int, _ resultId: String, _ message: String, _ issues: [ValidationIssue] = [])
        -> EmulatorResponse
    {
        var body = JSONObject([("resultId", .string(resultId)), ("message", .string(message))])
        if !issues.isEmpty {
            body["validationErrors"] = .array(
                issues.map { issue in
                    .object(
                        JSONObject([
                            ("errorId", .string(issue.errorId)), ("message", .string(issue.message)),
                            ("fieldPath", .string(issue.fieldPath)),
                        ]))
                })
        }
        return .json(status, .object(body))
    }

    static let validationMessage = "Validation error(s) occurred. Please review the error(s) and address accordingly."

    /// 422: the request was well formed but breaks a rule.
    static func validation(_ issues: [ValidationIssue]) -> EmulatorResponse {
        response(422, "validation_error", validationMessage, issues)
    }

    /// 400: the body is not JSON, or a property has the wrong type or an unknown value.
    static func badRequest(_ message: String, _ issues: [ValidationIssue] = []) -> EmulatorResponse {
        response(400, "invalid_request", message, issues)
    }

    static func notFound(_ id: String) -> EmulatorResponse {
        response(
            404, "resource_not_found",
            "The resource with ID '\(id)' is not found. Please specify a recognized resource ID.")
    }

    static func unauthorized() -> EmulatorResponse {
        response(401, "invalid_credentials", "The credentials you provided were not recognized.")
    }

    static func forbidden(_ message: String) -> EmulatorResponse {
        response(403, "forbidden", message)
    }

    static func methodNotAllowed(_ method: String) -> EmulatorResponse {
        response(405, "method_not_allowed", "The method \(method) is not supported on this resource.")
    }

    static func serverError(_ message: String) -> EmulatorResponse {
        response(500, "internal_error", message)
    }
}

/// A request refused before it changed anything, with the answer to send.
struct APIFailure: Error {
    let response: EmulatorResponse

    init(_ response: EmulatorResponse) {
        self.response = response
    }
}
