"""The "stay signed in" cookie's token and the scripts that write it (timeline.auth.cookie)."""

from __future__ import annotations

import json
import re
from email.utils import parsedate_to_datetime
from typing import Any

import jwt
import pytest

from timeline.auth.accounts import COOKIE_EXPIRY_DAYS, COOKIE_NAME
from timeline.auth.cookie import cookie_token, cookie_username, delete_cookie_script, set_cookie_script

KEY = "k" * 64
NOW = 1_900_000_000.0


def _signed(claims: dict[str, Any], key: str = KEY, algorithm: str = "HS256") -> str:
    return jwt.encode(claims, key, algorithm=algorithm)


@pytest.mark.parametrize(
    ("token", "username"),
    [
        pytest.param(_signed({"username": "ms smith", "exp_date": NOW + 60}), "ms smith", id="valid"),
        pytest.param(_signed({"username": "ms smith", "exp_date": NOW - 1}), None, id="expired"),
        pytest.param(_signed({"username": "ms smith", "exp_date": NOW}), None, id="expires-now"),
        pytest.param(_signed({"username": "ms smith"}), None, id="no-expiry"),
        pytest.param(_signed({"username": "ms smith", "exp_date": "never"}), None, id="expiry-not-a-number"),
        pytest.param(_signed({"username": "ms smith", "exp_date": True}), None, id="expiry-a-boolean"),
        pytest.param(_signed({"username": 5, "exp_date": NOW + 60}), None, id="name-not-a-string"),
        pytest.param(_signed({"exp_date": NOW + 60}), None, id="no-name"),
        pytest.param(_signed({"username": "ms smith", "exp_date": NOW + 60}, "x" * 40), None, id="other-key"),
        pytest.param(
            _signed({"username": "ms smith", "exp_date": NOW + 60}, KEY, "HS512"), None, id="other-alg"
        ),
        pytest.param(
            jwt.encode({"username": "ms smith", "exp_date": NOW + 60}, "", algorithm="none"),
            None,
            id="alg-none",
        ),
        pytest.param("not.a.token", None, id="garbage"),
        pytest.param("", None, id="empty"),
    ],
)
def test_only_a_token_signed_with_the_key_and_not_expired_names_its_editor(
    token: str, username: str | None
) -> None:
    assert cookie_username(token, KEY, now=NOW) == username


def test_a_written_token_names_its_editor_for_the_cookies_lifetime_only() -> None:
    token = cookie_token("ms smith", KEY, now=NOW)
    lifetime = COOKIE_EXPIRY_DAYS * 86_400
    assert cookie_username(token, KEY, now=NOW + lifetime - 1) == "ms smith"
    assert cookie_username(token, KEY, now=NOW + lifetime + 1) is None
    assert cookie_username(token, "x" * 40, now=NOW) is None


def test_tokens_are_streamlit_authenticators_format_both_ways() -> None:
    """A cookie left by the library signs in here, and the library reads ours (its own decoder)."""
    from streamlit_authenticator.models.cookie_model import CookieModel

    library = CookieModel.__new__(CookieModel)  # no __init__: it would draw the cookie component
    library.cookie_key = KEY
    library.token = cookie_token("ms smith", KEY, now=NOW)
    assert library._token_decode() == {"username": "ms smith", "exp_date": NOW + COOKIE_EXPIRY_DAYS * 86_400}
    theirs = jwt.encode({"username": "ms smith", "exp_date": NOW + 60}, KEY, algorithm="HS256")
    assert cookie_username(theirs, KEY, now=NOW) == "ms smith"


def _assigned_cookie(script: str) -> str:
    match = re.fullmatch(r"<script>document\.cookie = (\"[^\"]*\");</script>", script)
    assert match, script
    value = json.loads(match.group(1))
    assert isinstance(value, str)
    return value


def test_the_set_script_stores_the_token_for_the_whole_site_until_it_expires() -> None:
    token = cookie_token("ms smith", KEY)
    fields = _assigned_cookie(set_cookie_script(token)).split("; ")
    assert fields[0] == f"{COOKIE_NAME}={token}"
    attributes = dict(field.split("=", 1) for field in fields[1:])
    assert attributes["path"] == "/" and attributes["SameSite"] == "Strict"
    days = (
        parsedate_to_datetime(attributes["expires"]).timestamp()
        - jwt.decode(token, KEY, algorithms=["HS256"])["exp_date"]
    ) / 86_400
    assert abs(days) < 0.01  # the cookie lives as long as the token inside it


def test_the_delete_script_empties_the_cookie_with_a_past_date_on_the_same_path() -> None:
    fields = _assigned_cookie(delete_cookie_script()).split("; ")
    assert fields[0] == f"{COOKIE_NAME}="
    attributes = dict(field.split("=", 1) for field in fields[1:])
    assert attributes["path"] == "/"
    assert parsedate_to_datetime(attributes["expires"]).year == 1970
