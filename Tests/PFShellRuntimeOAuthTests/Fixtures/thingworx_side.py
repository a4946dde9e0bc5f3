#!/usr/bin/env python3
"""Plays ThingWorx: reads the authorization-server block that pfsh wrote into a settings file and,
with authlib (an OAuth client library written elsewhere), gets a client-credentials token and runs
the authorization-code flow against the registered redirect URI, as ThingWorx would.

Usage: thingworx_side.py --settings FILE --server-id ID --redirect URI [--ca-file PEM]
Exit status 0 when every step worked; otherwise the failed step is printed on stderr.
"""

import argparse
import json
import sys
from urllib.parse import parse_qs, urlparse

try:
    import requests
    from authlib.integrations.requests_client import OAuth2Session
except ImportError as error:
    print(f"missing python package: {error.name}; run scripts/setup.sh", file=sys.stderr)
    sys.exit(3)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--settings", required=True)
    parser.add_argument("--server-id", default="PingFederate")
    parser.add_argument("--redirect", required=True)
    parser.add_argument("--ca-file")
    args = parser.parse_args()
    verify = args.ca_file or True

    with open(args.settings) as handle:
        settings = json.load(handle)
    servers = settings.get("AuthorizationServersSettings") or settings.get("AuthorizationServerSettings")
    block = servers[args.server_id]
    client_id, secret = block["clientId"], block["clientSecret"]

    session = OAuth2Session(client_id, secret, token_endpoint_auth_method="client_secret_basic")
    session.verify = verify
    token = session.fetch_token(block["tokenUri"], grant_type="client_credentials", verify=verify)
    assert token.get("access_token"), f"no access token: {token}"

    flow = OAuth2Session(client_id, secret, redirect_uri=args.redirect, scope="openid")
    flow.verify = verify
    url, state = flow.create_authorization_url(block["authorizeUri"])
    answer = requests.get(url, allow_redirects=False, verify=verify, timeout=20)
    assert answer.status_code in (302, 303), f"authorization answered {answer.status_code}: {answer.text[:200]}"
    location = answer.headers["Location"]
    assert location.startswith(args.redirect), f"redirected elsewhere: {location}"
    code = parse_qs(urlparse(location).query)["code"][0]
    tokens = flow.fetch_token(block["tokenUri"], code=code, state=state, verify=verify)
    assert tokens.get("access_token") and tokens.get("refresh_token"), f"code exchange gave {tokens}"
    print("thingworx side: client credentials and authorization code both worked")


if __name__ == "__main__":
    try:
        main()
    except (AssertionError, KeyError, requests.RequestException, Exception) as error:  # noqa: B902
        print(f"thingworx side failed: {error}", file=sys.stderr)
        sys.exit(1)
