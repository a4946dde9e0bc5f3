#!/usr/bin/env python3
"""Signs the emulator's test user on through its login page with a real HTTP client (requests) and
an HTML parser nobody here wrote (html.parser), as a browser would: the authorization request, the
form read from the page, the user's name and password posted with the page's cookies, the code from
the redirect, the code redeemed. Also: a wrong password shows the page again, cancel is
access_denied, an unregistered redirect URI is never redirected to, an undefined scope is
invalid_scope.

Usage: login_form.py --admin URL --runtime URL [--ca-file PEM] [--user NAME] [--password TEXT]
Exit status 0 when every check passed; otherwise the failed check is printed on stderr.
"""

import argparse
import secrets
import sys
from html.parser import HTMLParser
from urllib.parse import parse_qs, quote_plus, urljoin, urlparse

try:
    import requests
except ImportError as error:
    print(f"missing python package: {error.name}; run scripts/setup.sh", file=sys.stderr)
    sys.exit(3)

ADMIN_USER = ("administrator", "2FederateM0re")
CALLBACK = "https://app.example.com/oauth/callback"
SECRET = "Login-Form+Secret/1"
# HTTP Basic with the ID and secret form-encoded first (RFC 6749 §2.3.1).
CLIENT_AUTH = (quote_plus("web", safe=""), quote_plus(SECRET, safe=""))

checks = 0


def check(condition, what):
    global checks
    if not condition:
        raise AssertionError(what)
    checks += 1


class FormParser(HTMLParser):
    """The first form of a page: its method, action and named inputs."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({"method": (attributes.get("method") or "GET").upper(),
                               "action": attributes.get("action") or "", "inputs": []})
        elif tag == "input" and self.forms and attributes.get("name"):
            self.forms[-1]["inputs"].append(
                (attributes["name"], (attributes.get("type") or "text").lower(), attributes.get("value") or ""))
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(html):
    parser = FormParser()
    parser.feed(html)
    return parser


class Browser:
    """One browser: a requests session that keeps cookies and trusts only the emulator's CA."""

    def __init__(self, runtime, verify):
        self.runtime = runtime.rstrip("/")
        self.verify = verify
        self.session = requests.Session()
        self.session.trust_env = False  # REQUESTS_CA_BUNDLE must not replace the emulator's CA

    def get(self, url, **params):
        return self.session.get(url, params=params, allow_redirects=False, verify=self.verify, timeout=30)

    def post(self, url, data, **options):
        return self.session.post(url, data=data, allow_redirects=False, verify=self.verify, timeout=30, **options)

    def authorize(self, client_id, state, redirect_uri=CALLBACK, **extra):
        return self.get(self.runtime + "/as/authorization.oauth2", response_type="code", client_id=client_id,
                        redirect_uri=redirect_uri, state=state, **extra)

    def submit(self, page_response, user, password, button="pf.ok"):
        """Fills in the page's form and posts it to its action, resolved against the page's URL."""
        form = parse(page_response.text).forms[0]
        fields = {}
        for name, kind, value in form["inputs"]:
            if kind == "password":
                fields[name] = password
            elif name == "pf.username":
                fields[name] = user
            elif kind == "hidden":
                fields[name] = value
        fields[button] = "clicked"
        return self.post(urljoin(page_response.url, form["action"]), fields)


def create_client(admin, verify):
    reply = requests.post(
        admin.rstrip("/") + "/oauth/clients", auth=ADMIN_USER, headers={"X-XSRF-Header": "PingFederate"},
        verify=verify, timeout=30, json={
            "clientId": "web", "name": "Web app", "redirectUris": [CALLBACK],
            "grantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN", "CLIENT_CREDENTIALS"],
            "clientAuth": {"type": "SECRET", "secret": SECRET}, "refreshRolling": "ROLL"})
    check(reply.status_code == 201, f"admin api created the client: {reply.status_code} {reply.text}")


def login_page_shape(browser):
    page = browser.authorize("web", "st-shape")
    check(page.status_code == 200, f"the authorization endpoint shows a page, not {page.status_code}")
    check(page.headers.get("Content-Type", "").startswith("text/html"), f"an HTML page: {page.headers}")
    check("Location" not in page.headers, "no redirect before the sign-on")
    parsed = parse(page.text)
    check(parsed.title == "Sign On", f"title Sign On, not {parsed.title!r}")
    check(len(parsed.forms) == 1, f"one form, not {len(parsed.forms)}")
    form = parsed.forms[0]
    check(form["method"] == "POST", f"the form posts: {form}")
    path = urlparse(form["action"]).path.split("/")
    check(len(path) == 6 and path[1] == "as" and path[3:] == ["resume", "as", "authorization.ping"],
          f"the action is a resume path: {form['action']}")
    kinds = {name: kind for name, kind, _ in form["inputs"]}
    check(kinds == {"pf.username": "text", "pf.pass": "password", "pf.ok": "hidden", "pf.cancel": "hidden",
                    "pf.adapterId": "hidden"}, f"the inputs of the HTML form adapter: {kinds}")


def sign_on_and_redeem(browser, user, password):
    state = secrets.token_urlsafe(16)
    page = browser.authorize("web", state)
    wrong = browser.submit(page, user, password + "-wrong")
    check(wrong.status_code == 200 and "pf.pass" in wrong.text, f"a wrong password shows the page again: {wrong.status_code}")
    check("Location" not in wrong.headers, "a wrong password is not redirected")

    answer = browser.submit(wrong, user, password)
    check(answer.status_code == 302, f"the sign-on redirects, not {answer.status_code}: {answer.text[:200]}")
    location = answer.headers["Location"]
    check(location.startswith(CALLBACK + "?"), f"back to the redirect URI: {location}")
    query = parse_qs(urlparse(location).query)
    check(query.get("state") == [state], f"the same state comes back: {query.get('state')}")
    check(len(query.get("code", [""])[0]) > 0, "a code comes back")

    tokens = requests.post(
        browser.runtime + "/as/token.oauth2", auth=CLIENT_AUTH,
        data={"grant_type": "authorization_code", "code": query["code"][0], "redirect_uri": CALLBACK},
        verify=browser.verify, timeout=30)
    check(tokens.status_code == 200, f"the code is redeemed: {tokens.status_code} {tokens.text}")
    body = tokens.json()
    check(body.get("token_type") == "Bearer" and body.get("access_token") and body.get("refresh_token"),
          f"access and refresh tokens: {sorted(body)}")
    userinfo = requests.get(browser.runtime + "/idp/userinfo.openid", verify=browser.verify, timeout=30,
                            headers={"Authorization": "Bearer " + body["access_token"]})
    check(userinfo.json().get("sub") == user, f"the token is the test user's: {userinfo.text}")


def cancel_is_access_denied(browser):
    page = browser.authorize("web", "st-cancel")
    answer = browser.submit(page, "", "", button="pf.cancel")
    query = parse_qs(urlparse(answer.headers.get("Location", "")).query)
    check(answer.status_code == 302 and query.get("error") == ["access_denied"], f"cancel: {answer.status_code} {query}")
    check(query.get("state") == ["st-cancel"], "cancel keeps the state")


def untrusted_and_undefined(browser):
    unregistered = browser.authorize("web", "s", redirect_uri="https://unregistered.pfsh.invalid/callback")
    check(unregistered.status_code == 400 and "Location" not in unregistered.headers,
          f"an unregistered redirect URI gets the error page: {unregistered.status_code}")
    scoped = browser.authorize("web", "s", scope="no-such-scope")
    query = parse_qs(urlparse(scoped.headers.get("Location", "")).query)
    check(query.get("error") == ["invalid_scope"], f"an undefined scope is invalid_scope: {scoped.status_code} {query}")
    token = requests.post(browser.runtime + "/as/token.oauth2", auth=CLIENT_AUTH,
                          data={"grant_type": "client_credentials", "scope": "no-such-scope"},
                          verify=browser.verify, timeout=30)
    check(token.status_code == 400 and token.json().get("error") == "invalid_scope", f"token endpoint: {token.text}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--admin", required=True)
    parser.add_argument("--runtime", required=True)
    parser.add_argument("--ca-file")
    parser.add_argument("--user", default="joe")
    parser.add_argument("--password", default="2Federate")
    arguments = parser.parse_args()
    verify = arguments.ca_file if arguments.ca_file else True
    create_client(arguments.admin, verify)
    login_page_shape(Browser(arguments.runtime, verify))
    sign_on_and_redeem(Browser(arguments.runtime, verify), arguments.user, arguments.password)
    cancel_is_access_denied(Browser(arguments.runtime, verify))
    untrusted_and_undefined(Browser(arguments.runtime, verify))
    print(f"login form: {checks} checks passed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"login form: check failed after {checks} passed: {failure}", file=sys.stderr)
        sys.exit(1)
