#!/usr/bin/env python3
"""Drives pfsh-emulator's runtime OAuth endpoints with authlib, an OAuth client library written
elsewhere, so the emulator is checked against a real client's idea of RFC 6749, 7636, 7662, 7009.

The clients are created through the emulator's Admin API first (as pfsh would create them), then:
  1. client credentials with HTTP Basic and with form parameters, and a wrong secret refused;
  2. the authorization-code flow against the registered redirect URI: authlib builds the
     authorization URL, the script GETs it without following redirects, takes the code from the
     Location header and exchanges it with authlib (PKCE S256), then refreshes (the client rolls);
  3. a public client with PKCE, introspection, revocation, UserInfo and discovery.

Usage: authlib_client.py --admin URL --runtime URL [--ca-file PEM]
Exit status 0 when every check passed; otherwise the failed check is printed on stderr.
"""

import argparse
import os
import sys

try:
    import requests
    from authlib.common.security import generate_token
    from authlib.integrations.requests_client import OAuth2Session, OAuthError
except ImportError as error:  # setup.sh installs them; say so plainly when it could not
    print(f"missing python package: {error.name}; run scripts/setup.sh", file=sys.stderr)
    sys.exit(3)

ADMIN_USER = ("administrator", "2FederateM0re")
CALLBACK = "https://twx.example.com:8443/Thingworx/oauth2_authorization_code_redirect"
TWX_SECRET = "Tw+x/Secret:1"  # characters that HTTP Basic and form encoding treat differently
TEST_USER = "joe"

checks = 0


def check(condition, what):
    global checks
    if not condition:
        raise AssertionError(what)
    checks += 1


def oauth_error(call):
    """Runs `call`, which must fail with an OAuth error; returns the error code."""
    try:
        call()
    except OAuthError as error:
        return error.error
    raise AssertionError("expected an OAuth error, got a success")


class Emulator:
    def __init__(self, admin, runtime, ca_file):
        self.admin = admin.rstrip("/")
        self.runtime = runtime.rstrip("/")
        self.verify = ca_file if ca_file else True
        self.token_url = self.runtime + "/as/token.oauth2"
        self.authorize_url = self.runtime + "/as/authorization.oauth2"
        self.introspect_url = self.runtime + "/as/introspect.oauth2"
        self.revoke_url = self.runtime + "/as/revoke_token.oauth2"
        self.userinfo_url = self.runtime + "/idp/userinfo.openid"

    def create_client(self, body):
        reply = requests.post(
            self.admin + "/oauth/clients", json=body, auth=ADMIN_USER,
            headers={"X-XSRF-Header": "PingFederate"}, verify=self.verify, timeout=30)
        check(reply.status_code == 201, f"admin api created {body['clientId']}: {reply.status_code} {reply.text}")

    def session(self, client_id, secret=None, **options):
        session = OAuth2Session(client_id, secret, **options)
        session.verify = self.verify
        # requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a session's verify; the
        # emulator's CA file must win, and a loopback address needs no proxy either.
        session.trust_env = False
        return session

    def authorize(self, session, **extra):
        """authlib builds the URL; the browser step is one GET whose redirect is not followed."""
        url, state = session.create_authorization_url(self.authorize_url, **extra)
        reply = requests.get(url, allow_redirects=False, verify=self.verify, timeout=30)
        check(reply.status_code == 302, f"authorization answers 302, not {reply.status_code}: {reply.text}")
        return reply.headers["Location"], state


def create_clients(emulator):
    emulator.create_client({
        "clientId": "twx", "name": "ThingWorx",
        "redirectUris": [CALLBACK],
        "grantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN", "CLIENT_CREDENTIALS", "ACCESS_TOKEN_VALIDATION"],
        "clientAuth": {"type": "SECRET", "secret": TWX_SECRET},
        "refreshRolling": "ROLL", "persistentGrantExpirationType": "INDEFINITE_EXPIRY",
    })
    emulator.create_client({
        "clientId": "batch", "name": "Batch job", "grantTypes": ["CLIENT_CREDENTIALS"],
        "clientAuth": {"type": "SECRET", "secret": "batch-secret"},
    })
    emulator.create_client({
        "clientId": "mobile", "name": "Mobile app", "redirectUris": ["com.example.app:/oauth2/*"],
        "grantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN"], "requireProofKeyForCodeExchange": True,
        "clientAuth": {"type": "NONE"},
    })


def client_credentials(emulator):
    basic = emulator.session("twx", TWX_SECRET, scope="THINGWORX")
    token = basic.fetch_token(emulator.token_url, grant_type="client_credentials")
    check(token["token_type"] == "Bearer", f"token_type Bearer: {token}")
    check(token["expires_in"] == 7200, f"expires_in 7200: {token}")
    check("refresh_token" not in token, f"no refresh token for client credentials: {token}")

    post = emulator.session("batch", "batch-secret", token_endpoint_auth_method="client_secret_post")
    check("access_token" in post.fetch_token(emulator.token_url, grant_type="client_credentials"), "client_secret_post")

    wrong = emulator.session("twx", "not-the-secret")
    code = oauth_error(lambda: wrong.fetch_token(emulator.token_url, grant_type="client_credentials"))
    check(code == "invalid_client", f"a wrong secret is invalid_client, not {code}")

    # Introspection by the same client, which holds ACCESS_TOKEN_VALIDATION.
    info = basic.introspect_token(emulator.introspect_url, token=token["access_token"]).json()
    check(info.get("active") is True and info.get("client_id") == "twx", f"introspection: {info}")
    check(info.get("scope") == "THINGWORX", f"introspected scope: {info}")
    return token


def authorization_code(emulator):
    session = emulator.session(
        "twx", TWX_SECRET, scope="openid THINGWORX", redirect_uri=CALLBACK, code_challenge_method="S256")
    verifier = generate_token(48)
    location, state = emulator.authorize(session, code_verifier=verifier)
    check(location.startswith(CALLBACK + "?"), f"redirected to the registered URI: {location}")

    token = session.fetch_token(
        emulator.token_url, authorization_response=location, state=state, code_verifier=verifier)
    check("access_token" in token and "refresh_token" in token, f"code exchange gives both tokens: {token}")

    # The code is single-use.
    reused = oauth_error(lambda: session.fetch_token(
        emulator.token_url, authorization_response=location, state=state, code_verifier=verifier))
    check(reused == "invalid_grant", f"a reused code is invalid_grant, not {reused}")
    # ... and its reuse took back what it gave (RFC 6749 §4.1.2): start again.
    location, state = emulator.authorize(session, code_verifier=verifier)
    token = session.fetch_token(
        emulator.token_url, authorization_response=location, state=state, code_verifier=verifier)

    # The access token works at UserInfo as the emulator's test user.
    userinfo = session.get(emulator.userinfo_url, timeout=30)
    check(userinfo.status_code == 200 and userinfo.json().get("sub") == TEST_USER, f"userinfo: {userinfo.text}")

    # Refresh: the client says ROLL, so a new refresh token comes back.
    refreshed = session.refresh_token(emulator.token_url, refresh_token=token["refresh_token"])
    check(refreshed["access_token"] != token["access_token"], "refresh gives a new access token")
    check(refreshed["refresh_token"] != token["refresh_token"], "refresh rolls the refresh token (ROLL)")
    again = session.refresh_token(emulator.token_url, refresh_token=refreshed["refresh_token"])
    check("access_token" in again, "the rolled refresh token works")

    # Revocation ends the grant.
    revoked = session.revoke_token(emulator.revoke_url, token=again["refresh_token"], token_type_hint="refresh_token")
    check(revoked.status_code == 200, f"revocation: {revoked.status_code}")
    code = oauth_error(lambda: session.refresh_token(emulator.token_url, refresh_token=again["refresh_token"]))
    check(code == "invalid_grant", f"a revoked refresh token is invalid_grant, not {code}")
    info = session.introspect_token(emulator.introspect_url, token=again["access_token"]).json()
    check(info == {"active": False}, f"the grant's access token is inactive: {info}")


def unregistered_redirect_is_not_followed(emulator):
    session = emulator.session("twx", TWX_SECRET, redirect_uri="https://evil.example.com/cb")
    url, _ = session.create_authorization_url(emulator.authorize_url)
    reply = requests.get(url, allow_redirects=False, verify=emulator.verify, timeout=30)
    check(reply.status_code == 400 and "Location" not in reply.headers, f"unregistered redirect: {reply.status_code}")


def public_client_with_pkce(emulator):
    redirect = "com.example.app:/oauth2/callback"
    session = emulator.session(
        "mobile", None, redirect_uri=redirect, code_challenge_method="S256", token_endpoint_auth_method="none")
    verifier = generate_token(64)
    location, state = emulator.authorize(session, code_verifier=verifier)
    check(location.startswith(redirect + "?"), f"wildcard redirect URI accepted: {location}")
    token = session.fetch_token(
        emulator.token_url, authorization_response=location, state=state, code_verifier=verifier)
    check("refresh_token" in token, f"public client tokens: {token}")
    # Without the verifier the code is refused.
    location, state = emulator.authorize(session, code_verifier=verifier)
    code = oauth_error(lambda: session.fetch_token(emulator.token_url, authorization_response=location, state=state))
    check(code == "invalid_grant", f"a missing code_verifier is invalid_grant, not {code}")


def discovery(emulator):
    document = requests.get(
        emulator.runtime + "/.well-known/openid-configuration", verify=emulator.verify, timeout=30).json()
    check(document.get("token_endpoint") == emulator.token_url, f"discovery token_endpoint: {document}")
    check(document.get("authorization_endpoint") == emulator.authorize_url, "discovery authorization_endpoint")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--admin", required=True)
    parser.add_argument("--runtime", required=True)
    parser.add_argument("--ca-file")
    arguments = parser.parse_args()
    if arguments.runtime.startswith("http://"):
        os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # authlib refuses plain HTTP otherwise
    emulator = Emulator(arguments.admin, arguments.runtime, arguments.ca_file)
    create_clients(emulator)
    client_credentials(emulator)
    authorization_code(emulator)
    unregistered_redirect_is_not_followed(emulator)
    public_client_with_pkce(emulator)
    discovery(emulator)
    print(f"authlib: {checks} checks passed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print(f"authlib: check failed after {checks} passed: {failure}", file=sys.stderr)
        sys.exit(1)
