#!/usr/bin/env python3
"""Keep-alive HTTP/1.1 echo server for PFShellHTTPTests.

Listens on 127.0.0.1, port 0, and prints the chosen port on stdout.
  any path          -> 200, JSON {"method", "path", "headers": [[name, value], ...], "body"}
  /_count           -> 200, JSON {"connections": accepted connections so far}
  /secure           -> 401 with WWW-Authenticate unless Basic admin:s3cret-pw or Bearer tok-123
  /sleep?ms=N       -> waits N milliseconds, then echoes
  /cookie?v=VALUE   -> echoes, and sets the cookie session=VALUE
  /redirect         -> 302 to /elsewhere
  /drop             -> reads the request, then closes the connection without answering
  /drop?exit=1      -> the same, then the server exits (nothing listens any more)
  /_dropped         -> 200, JSON {"dropped": requests /drop received so far}
Options: --tls CERT KEY serves HTTPS with that certificate and key.
Exits when its stdin closes, so a crashed test run leaves no server behind.
"""

import base64
import http.server
import json
import os
import signal
import socket
import ssl
import sys
import threading
import time
import urllib.parse

BASIC_OK = "Basic " + base64.b64encode(b"admin:s3cret-pw").decode("ascii")
BEARER_OK = "Bearer tok-123"


def utf8(text):
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.connections = 0
        self.dropped = 0
        self.lock = threading.Lock()

    def process_request(self, request, client_address):
        with self.lock:
            self.connections += 1
        super().process_request(request, client_address)

    def handle_error(self, request, client_address):
        pass  # clients that time out or reject the certificate are expected


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes

    def log_message(self, *args):
        pass

    def reply(self, status, payload, extra_headers=()):
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Echo-Server", "pfsh-tests")
        for name, value in extra_headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/_count":
            with self.server.lock:
                count = self.server.connections
            self.reply(200, {"connections": count})
            return
        if url.path == "/_dropped":
            with self.server.lock:
                dropped = self.server.dropped
            self.reply(200, {"dropped": dropped})
            return
        if url.path == "/drop":
            with self.server.lock:
                self.server.dropped += 1
            self.close_connection = True
            if "exit=1" in url.query:
                # shutdown, not only close: the serving thread's poll keeps a closed socket listening.
                self.server.socket.shutdown(socket.SHUT_RDWR)
                self.server.socket.close()
                self.connection.shutdown(socket.SHUT_RDWR)
                os._exit(0)
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if url.path == "/secure" and self.headers.get("Authorization") not in (BASIC_OK, BEARER_OK):
            self.reply(401, {"error": "unauthorized"}, [("WWW-Authenticate", 'Basic realm="pf"')])
            return
        if url.path == "/redirect":
            self.reply(302, {}, [("Location", "/elsewhere")])
            return
        extra = []
        if url.path == "/cookie":
            value = urllib.parse.parse_qs(url.query).get("v", ["1"])[0]
            extra.append(("Set-Cookie", f"session={value}; Path=/; HttpOnly"))
        if url.path == "/sleep":
            query = urllib.parse.parse_qs(url.query)
            time.sleep(int(query.get("ms", ["1000"])[0]) / 1000)
        self.reply(200, {
            "method": self.command,
            "path": self.path,
            # http.client decodes header bytes as latin-1; undo that to echo UTF-8 values intact.
            "headers": [[name, utf8(value)] for name, value in self.headers.items()],
            "body": body.decode("utf-8", errors="replace"),
            "bodyLength": len(body),
        }, extra)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    # Started from a libdispatch worker thread, the process inherits a mask that blocks SIGTERM.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    server = Server(("127.0.0.1", 0), Handler)
    if len(sys.argv) == 4 and sys.argv[1] == "--tls":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[2], sys.argv[3])
        # The handshake then runs in the connection's thread, not in accept().
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    print(server.server_address[1], flush=True)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
