"""Validates the identity provider's id_token (RS256, keys from its JWKS endpoint)."""
import os

import jwt

ISSUER = os.environ.get("OIDC_ISSUER", "https://login.example.org")
CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "portal")
_jwks = jwt.PyJWKClient(ISSUER + "/.well-known/jwks.json")


def validated_claims(id_token, nonce):
    key = _jwks.get_signing_key_from_jwt(id_token)
    claims = jwt.decode(id_token, key.key, algorithms=["RS256"], audience=CLIENT_ID, issuer=ISSUER)
    if claims.get("nonce") != nonce:
        raise jwt.InvalidTokenError("nonce mismatch")
    return claims
