"""Verifies a FakeAuthServer access token as a Python API would: PyJWT (Debian's python3-jwt) fetches the keys from
the server's discovery document and JWKS and checks signature, issuer, audience and lifetime.
Usage: verify_jwt.py BASE_URL AUDIENCE TOKEN. Prints the sub and scope, or the reason it was refused (exit 1)."""
import json
import sys
import urllib.request

import jwt

base, audience, token = sys.argv[1], sys.argv[2], sys.argv[3]
with urllib.request.urlopen(base + "/.well-known/openid-configuration") as response:
    discovery = json.load(response)
try:
    key = jwt.PyJWKClient(discovery["jwks_uri"]).get_signing_key_from_jwt(token)
    claims = jwt.decode(token, key.key, algorithms=discovery["id_token_signing_alg_values_supported"],
                        audience=audience, issuer=discovery["issuer"])
except jwt.PyJWTError as error:
    print(f"refused: {type(error).__name__}")
    sys.exit(1)
print(f"sub={claims['sub']} scope={claims.get('scope', '')}")
