/// Something wrong with a whole client, found before anything is sent: the field it is about
/// (a dotted path) and a lowercase message without a trailing period.
public struct FieldProblem: Sendable, Hashable {
    public let field: String
    public let message: String
}
