import Hummingbird
import NIOCore

/// Hummingbird's basic request context plus the request's connection, which a `reset-before` or
/// `reset-after` fault drops; ``BasicRequestContext`` does not keep it.
struct ChannelRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = CoreRequestContextStorage(source: source)
        self.channel = source.channel
    }
}
