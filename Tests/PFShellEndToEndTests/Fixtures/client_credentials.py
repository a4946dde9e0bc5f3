#!/usr/bin/env python3
"""Asks for a client-credentials token with authlib (an OAuth client library written elsewhere), as
ThingWorx does with the secret in its settings file.

Usage: client_credentials.py --token-url URL --client-id ID (--secret-env VAR | --settings FILE)
                             [--server-id ID] [--ca-file PEM]
Prints "token" and exits 0 when a token came back, prints "invalid_client" and exits 2 when the
server refused the client's credentials, and exits 1 on anything else (printed on stderr).
The secret is never printed.
"""

import argparse
import json
import os
import sys

try:
    from authlib.integrations.requests_client import OAuth2Session, OAuthError
except ImportError as error:
    print(f"missing python package: {error.name}; run scripts/setup.sh", file=sys.stderr)
    sys.exit(3)


def secret_from(args):
    if args.secret_env:
        return os.environ[args.secret_env]
    with open(args.settings) as handle:
        settings = json.load(handle)
    return settings["AuthorizationServersSettings"][args.server_id]["clientSecret"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--token-url", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--secret-env")
    parser.add_argument("--settings")
    parser.add_argument("--server-id", default="PingFederate")
    parser.add_argument("--ca-file")
    args = parser.parse_args()
    verify = args.ca_file or True
    session = OAuth2Session(args.client_id, secret_from(args), token_endpoint_auth_method="client_secret_basic")
    try:
        token = session.fetch_token(args.token_url, grant_type="client_credentials", verify=verify)
    except OAuthError as error:
        if error.error == "invalid_client":
            print("invalid_client")
            return 2
        print(f"token endpoint: {error.error}", file=sys.stderr)
        return 1
    if not token.get("access_token"):
        print("no access token in the answer", file=sys.stderr)
        return 1
    print("token")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # noqa: B902
        print(f"client_credentials failed: {type(error).__name__}", file=sys.stderr)
        sys.exit(1)
