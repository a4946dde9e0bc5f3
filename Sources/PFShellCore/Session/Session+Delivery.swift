import PFShellJSON

/// Delivering one client's write so that it is applied exactly once: a write that may have reached
/// the server is never sent again before reading the client shows it was not applied.
extension Session {
    /// What became of a client's write.
    enum Delivery {
        /// The server answered the write (a success or a refusal).
        case answered(APIResponse)
        /// No answer came, but the client as read back shows the write applied (nil: deleted).
        case found(JSONObject?)
        /// The request never reached the server.
        case notSent(String)
        /// The write was not applied and will not be tried again in this commit.
        case notApplied(String)
        /// The write may or may not have been applied, and reading the client could not tell.
        case unknown(String)
    }

    /// Sends `request`, the write of `client`, until an answer or a read of the client settles it.
    /// `uncertain`: an earlier write of it (an interrupted session's) may still reach the server, so
    /// a create refused as a duplicate is read back before it counts as refused.
    func deliver(_ client: StagedClient, _ request: APIRequest, _ i: Invocation, uncertain: Bool = false)
        throws(ShellError) -> Delivery
    {
        var sent = request
        var mayHaveLanded = uncertain
        inFlight = client.clientId
        defer { inFlight = nil }
        while true {
            journal?.intent(client.clientId, method: sent.method, attempt: sent.attempt)
            let why: String
            var retryAfter: String?
            let exchange = try transmit(i, sent, resendsBlindly: sent.method == .delete)
            // transmit resent it: an earlier attempt may have reached the server.
            if exchange.attempt > sent.attempt { mayHaveLanded = true }
            sent.attempt = exchange.attempt
            if let response = exchange.response {
                // A retried DELETE that finds nothing: an earlier attempt deleted it.
                if response.status == 404, client.action == .delete, sent.attempt > 1 { return .found(nil) }
                if sent.method == .post, mayHaveLanded, !response.isSuccess, !RetryPolicy.isTransient(response.status),
                    case .applied(let copy)? = learn(client, i)
                {
                    return .found(copy)
                }
                guard sent.method != .delete, RetryPolicy.isTransient(response.status) else { return .answered(response) }
                mayHaveLanded = true
                retryAfter = response.retryAfter
                why = "status \(response.status)" + (retryAfter.map { " (Retry-After: \($0))" } ?? "")
            } else {
                let failure = exchange.failure ?? TransportFailure(kind: .other, message: "no answer")
                guard failure.requestMayHaveArrived else {
                    if mayHaveLanded { return settle(client, i, giveUp: describe(failure), attempts: sent.attempt) }
                    return .notSent(describe(failure))
                }
                mayHaveLanded = true
                if failure.kind == .cancelled {
                    commitCancelled = true
                    return settleAfterCancel(client, i)
                }
                why = describe(failure)
            }
            guard sent.attempt <= RetryPolicy.maximumRetries,
                let pause = RetryPolicy.pause(beforeRetry: sent.attempt, retryAfter: retryAfter)
            else { return settle(client, i, giveUp: why, attempts: sent.attempt) }
            try services.pause(milliseconds: pause)
            switch learn(client, i) {
            case .applied(let copy)?: return .found(copy)
            case .notApplied?:
                retries.append(
                    RetryNote(
                        request: "\(sent.method.rawValue) \(sent.target)", reason: why + "; the client read back shows it not applied",
                        pauseMilliseconds: pause, attempt: sent.attempt + 1))
                sent.attempt += 1
            case .changedElsewhere?: return .unknown(why + "; the client has changed on the server since")
            case nil: return .unknown(why + "; reading the client back failed too")
            }
        }
    }

    /// Reads the client to judge a write whose answer never came; nil when the read fails.
    func learn(_ client: StagedClient, _ i: Invocation) -> WriteJudgement? {
        do {
            return WriteJudgement.judge(client, serverNow: try fetchClient(i, client.clientId))
        } catch {
            return nil
        }
    }

    /// After Ctrl-C stopped a write: one read says whether it was applied.
    private func settleAfterCancel(_ client: StagedClient, _ i: Invocation) -> Delivery {
        switch learn(client, i) {
        case .applied(let copy)?: return .found(copy)
        case .notApplied?: return .notApplied("cancelled")
        default: return .unknown("cancelled while the request was on its way")
        }
    }

    /// No more retries: one last read says whether the write was applied after all.
    private func settle(_ client: StagedClient, _ i: Invocation, giveUp why: String, attempts: Int) -> Delivery {
        switch learn(client, i) {
        case .applied(let copy)?: return .found(copy)
        case .notApplied?: return .notApplied("\(why), after \(attempts) attempt(s)")
        default: return .unknown(why)
        }
    }
}
