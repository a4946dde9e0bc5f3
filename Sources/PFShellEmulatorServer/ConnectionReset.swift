import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drops a connection the way a failing network or a crashed server does: a TCP reset, no answer
/// and, over TLS, no `close_notify`. A client sees "Connection reset by peer", never an HTTP answer.
enum ConnectionReset {
    /// Thrown by a responder once it has reset the connection. Hummingbird turns any error into a
    /// 500, which the closed connection never carries.
    struct Dropped: Error {}

    static func reset(_ channel: any Channel) async {
        // SO_LINGER on with a zero timeout: close() sends RST instead of FIN.
        if let socket = channel as? any SocketOptionProvider {
            try? await socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        // channel.close() starts at the pipeline's end and passes NIOSSLHandler, which sends a
        // close_notify and waits for the peer's (an orderly end, not a reset); a close from the front
        // of the pipeline goes straight to the socket.
        try? await channel.pipeline.addHandler(CloseAtOnce(), position: .first).get()
        try? await channel.closeFuture.get()
    }
}

/// Closes the socket as soon as it is added at the front of a pipeline.
private final class CloseAtOnce: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny

    func handlerAdded(context: ChannelHandlerContext) {
        context.close(promise: nil)
    }
}
