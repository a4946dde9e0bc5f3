import PFShellCore
import PFShellJSON
import Testing

@Suite struct AnswerCheckTests {
    let get = APIRequest(.get, "/oauth/clients")

    func page(_ status: Int, type: String? = "text/html; charset=utf-8") -> APIResponse {
        APIResponse(
            status: status, unreadable: UnreadableBody(contentType: type, byteCount: 97, parseError: "line 1, column 1: unexpected '<'"))
    }

    @Test func theAPIsOwnAnswersPass() {
        #expect(AnswerCheck.problem(APIResponse(status: 200, body: ["items": []]), to: get) == nil)
        #expect(AnswerCheck.problem(APIResponse(status: 204), to: APIRequest(.put, "/x")) == nil)
        #expect(AnswerCheck.problem(APIResponse(status: 200), to: APIRequest(.delete, "/oauth/clients/a")) == nil)
        #expect(AnswerCheck.problem(APIResponse(status: 422, body: ["message": "no"]), to: get) == nil)
        #expect(AnswerCheck.problem(APIResponse(status: 404), to: get) == nil)
    }

    @Test func aWebPageIsNamedWithItsTypeSizeAndStatus() {
        #expect(AnswerCheck.problem(page(200), to: get) == "text/html, not JSON (97 bytes, status 200)")
        #expect(AnswerCheck.problem(page(500), to: get) == "text/html, not JSON (97 bytes, status 500)")
        #expect(AnswerCheck.problem(page(200, type: nil), to: get) == "a body without a content type, not JSON (97 bytes, status 200)")
    }

    @Test func jsonThatDoesNotParseSaysWhere() {
        let problem = AnswerCheck.problem(page(200, type: "application/json"), to: get)
        #expect(problem == "invalid JSON (application/json, 97 bytes, status 200: line 1, column 1: unexpected '<')")
    }

    @Test func redirectsEmptyBodiesAndNonObjectsAreNotAnswers() {
        let redirect = APIResponse(status: 302, location: "https://sso.example.com/login")
        #expect(AnswerCheck.problem(redirect, to: get) == "a redirect (302) to https://sso.example.com/login")
        #expect(AnswerCheck.problem(APIResponse(status: 200), to: get) == "an empty body (status 200)")
        #expect(AnswerCheck.problem(APIResponse(status: 200, body: [1, 2]), to: get) == "a JSON array, not an object (status 200)")
    }

    @Test func versionMustBeAnObjectWithAVersionString() {
        let version = APIRequest(.get, "/version")
        #expect(AnswerCheck.versionProblem(APIResponse(status: 200, body: ["version": "12.1.0.4"]), to: version) == nil)
        #expect(AnswerCheck.versionProblem(APIResponse(status: 200, body: ["version": 12]), to: version) == "JSON without a 'version' string")
        #expect(AnswerCheck.versionProblem(APIResponse(status: 200, body: ["status": "ok"]), to: version) == "JSON without a 'version' string")
        #expect(AnswerCheck.versionProblem(APIResponse(status: 503, body: ["message": "Starting."]), to: version) == "status 503: Starting (503)")
        #expect(AnswerCheck.versionProblem(APIResponse(status: 500), to: version) == "status 500")
    }
}
