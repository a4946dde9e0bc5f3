@testable import PFShellCore
import Testing

@Suite struct RetryPolicyTests {
    @Test func pausesDoubleFromATenthOfASecondUpToFiveSeconds() {
        let pauses = (1...8).map { RetryPolicy.pause(beforeRetry: $0, retryAfter: nil) }
        #expect(pauses == [100, 200, 400, 800, 1600, 3200, 5000, 5000])
    }

    @Test func retryAfterInSecondsIsHonoured() {
        #expect(RetryPolicy.pause(beforeRetry: 1, retryAfter: "1") == 1000)
        #expect(RetryPolicy.pause(beforeRetry: 3, retryAfter: " 7 ") == 7000)
        #expect(RetryPolicy.pause(beforeRetry: 1, retryAfter: "0") == 0)
    }

    @Test func aRetryAfterPfshWillNotWaitForEndsTheRetries() {
        #expect(RetryPolicy.pause(beforeRetry: 1, retryAfter: "3600") == nil)
    }

    @Test func anHTTPDateIsNotReadAndTheDoublingPauseIsUsed() {
        #expect(RetryPolicy.pause(beforeRetry: 2, retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT") == 200)
    }

    @Test func onlyTryAgainStatusesAreTransient() {
        #expect([429, 500, 502, 503, 504].allSatisfy(RetryPolicy.isTransient))
        #expect(![200, 201, 400, 401, 403, 404, 409, 422, 501].contains(where: RetryPolicy.isTransient))
    }

    @Test func onlyAPostIsNotIdempotent() {
        #expect(HTTPMethod.allCases.filter { !APIRequest($0, "/x").isIdempotent } == [.post])
    }

    @Test func onlyFailuresToReachTheServerProveARequestDidNotArrive() {
        let kinds: [TransportFailure.Kind] = [.dns, .refused, .tls, .timeout, .cancelled, .connectionLost, .other]
        let arrived = kinds.filter { TransportFailure(kind: $0, message: "").requestMayHaveArrived }
        #expect(arrived == [.timeout, .cancelled, .connectionLost, .other])
    }
}

@Suite struct CommitProgressTests {
    @Test func theLineSaysDoneRateAndTimeLeft() {
        #expect(CommitProgress(done: 0, total: 50).line(elapsedSeconds: 0) == "commit: 0/50 clients")
        #expect(CommitProgress(done: 20, total: 50).line(elapsedSeconds: 2) == "commit: 20/50 clients, 10.0/s, about 3 s left")
        #expect(
            CommitProgress(done: 100, total: 20_000).line(elapsedSeconds: 10)
                == "commit: 100/20000 clients, 10.0/s, about 33 min 10 s left")
    }
}
