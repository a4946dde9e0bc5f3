import PFShellJSON

/// Where the edge keeps a session's journal: one file of JSON lines per session and server.
public protocol JournalSink: AnyObject {
    /// Appends one record; no `fsync` (the page cache outlives a killed process).
    func append(_ record: JSONValue)
    /// Makes what was appended durable: at the end of a commit and before exit.
    func sync()
}

/// The journals of one server and user: this session's, those that sessions which ended without
/// finishing left behind, and the lock that lets one pfsh at a time commit.
public protocol JournalStore: AnyObject {
    /// This session's journal.
    var sink: any JournalSink { get }
    /// The records of each journal an interrupted session left, oldest first.
    func interrupted() -> [[JSONValue]]
    /// Forgets the journals `interrupted()` returned.
    func discardInterrupted()
    /// Waits for the right to commit to this server; throws naming who holds it when it does not come.
    func lockForCommit() throws(ShellError)
    func unlockAfterCommit()
    /// Keeps a commit in the server's commit log, numbered 1, 2, 3… in the order made (never
    /// reused) and stamped with the time; returns its number. Called under the commit lock.
    func recordCommit(_ entry: JSONObject) -> Int
    /// The commit log, oldest first: each entry as recorded, with `number` and `time` (seconds since 1970).
    func commitLog() -> [JSONValue]

    /// The clock of the journal's records: seconds since 1970.
    func secondsSince1970() -> Int64

    /// The commit that waits for `confirm`, if one does.
    func pendingConfirmation() -> PendingConfirmation?
    /// Makes commit `number` wait `seconds` for confirmation; returns it with its deadline. Called
    /// under the commit lock.
    func awaitConfirmation(of number: Int, seconds: Int) -> PendingConfirmation
    /// No commit waits any more (confirmed, or reverted). Called under the commit lock.
    func clearConfirmation()
    /// Whether a watchdog process is alive and waiting to revert commit `number`.
    func watchdogIsWaiting(for number: Int) -> Bool
}
