"""The "stay signed in" cookie: a JWT (HS256) signed with the key from ``.streamlit/secrets.toml``.

The token is streamlit-authenticator's own format (``{"username": ..., "exp_date": unix time}``), so a
cookie left by an earlier version still signs its editor in, and tokens are checked the way the library
checks them: signature with that key and HS256 only (never ``alg: none``), an expiry date in the future,
a user name that is a string. The account itself is looked up by the caller.

Also here: the two scripts that write the cookie into the browser and take it away. Both hold only the
cookie's name, the token (base64url characters and dots) and a date, each quoted as a JSON string.
"""

from __future__ import annotations

import json
import time
from email.utils import formatdate

import jwt

from timeline.auth.accounts import COOKIE_EXPIRY_DAYS, COOKIE_NAME

_DAY_SECONDS = 86_400


def cookie_token(username: str, key: str, *, now: float | None = None) -> str:
    """A signed token naming the editor, valid for ``COOKIE_EXPIRY_DAYS``."""
    expires = (time.time() if now is None else now) + COOKIE_EXPIRY_DAYS * _DAY_SECONDS
    return jwt.encode({"username": username, "exp_date": expires}, key, algorithm="HS256")


def cookie_username(token: str, key: str, *, now: float | None = None) -> str | None:
    """The user name a cookie's token carries, or None when it does not verify or has expired."""
    try:
        claims = jwt.decode(token, key, algorithms=["HS256"])
    except jwt.InvalidTokenError:
        return None
    username = claims.get("username")
    expires = claims.get("exp_date")
    if not isinstance(username, str) or not isinstance(expires, int | float) or isinstance(expires, bool):
        return None
    return username if expires > (time.time() if now is None else now) else None


def _cookie_assignment(value: str, expires: str) -> str:
    cookie = f"{COOKIE_NAME}={value}; expires={expires}; path=/; SameSite=Strict"
    return f"document.cookie = {json.dumps(cookie)};"


def set_cookie_script(token: str) -> str:
    """A script that stores the token as the sign-in cookie, for the cookie's lifetime."""
    expires = formatdate(time.time() + COOKIE_EXPIRY_DAYS * _DAY_SECONDS, usegmt=True)
    return f"<script>{_cookie_assignment(token, expires)}</script>"


def delete_cookie_script() -> str:
    """A script that takes the sign-in cookie away (an expiry date in the past)."""
    return f"<script>{_cookie_assignment('', 'Thu, 01 Jan 1970 00:00:00 GMT')}</script>"
