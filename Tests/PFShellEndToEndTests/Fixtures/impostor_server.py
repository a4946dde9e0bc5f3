#!/usr/bin/env python3
"""An HTTP server that is not PingFederate's admin API, for the transcripts that show pfsh saying so.

Usage: impostor_server.py KIND   (listens on 127.0.0.1, port 0, and prints the port on stdout)
  html          every request: 200 text/html, a web server's welcome page
  invalid-json  every request: 200 application/json that does not parse
  wrong-shape   every request: 200 application/json without a 'version'
  empty         every request: 200 with an empty body
  redirect      every request: 302 to a login page on the same server
  server-error  every request: 500 text/html
  login-proxy   /version, /cluster/status (403), and unfiltered client and token manager lists
                answer like the admin API; every other request gets a proxy's login page (200 text/html)
Exits when its stdin closes, so a crashed test run leaves no server behind.
"""

import http.server
import json
import sys
import threading

PAGE = b"<!DOCTYPE html>\n<html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>\n"
LOGIN = b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form method=post></form></body></html>\n"
API = "/pf-admin-api/v1"


def api_answer(path):
    """What login-proxy answers like the admin API, or None."""
    if path == API + "/version":
        return 200, {"version": "12.1.0.4"}
    if path == API + "/cluster/status":
        return 403, {"resultId": "not_clustered", "message": "This server is not clustered."}
    if path in (API + "/oauth/clients", API + "/oauth/accessTokenManagers"):
        return 200, {"items": []}
    return None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    kind = "html"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", content_type=None, headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        kind = Handler.kind
        if kind == "html":
            self.send(200, PAGE, "text/html; charset=utf-8")
        elif kind == "invalid-json":
            self.send(200, b'{"version": "12.1', "application/json")
        elif kind == "wrong-shape":
            self.send(200, b'{"status": "ok"}', "application/json")
        elif kind == "empty":
            self.send(200)
        elif kind == "redirect":
            location = "http://%s/login?next=%s" % (self.headers.get("Host"), self.path)
            self.send(302, b"", "text/html", [("Location", location)])
        elif kind == "server-error":
            self.send(500, b"<html><body>Internal Server Error</body></html>\n", "text/html")
        else:
            known = api_answer(self.path)
            if known:
                self.send(known[0], json.dumps(known[1]).encode(), "application/json")
            else:
                self.send(200, LOGIN, "text/html; charset=utf-8")

    do_GET = do_POST = do_PUT = do_DELETE = answer


def main():
    Handler.kind = sys.argv[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()


if __name__ == "__main__":
    main()
