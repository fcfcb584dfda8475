"""Editors and readers, without the UI: the accounts file, the cookie key, and the sign-in throttle.

Reading the app needs no account. Changing anything needs an editor: accounts live in
``$TIMELINE_DATA_DIR/editors.yaml`` (streamlit-authenticator's config format, bcrypt hashes; see
``timeline.auth.accounts``), the key that signs the "stay signed in" cookie in
``.streamlit/secrets.toml`` (``timeline.auth.secrets``), and failed sign-ins are slowed down by
``timeline.auth.throttle``. The Streamlit side is ``timeline.ui.signin``.
"""

from __future__ import annotations

from timeline.auth.accounts import (
    ACCOUNTS_FILE,
    Account,
    AccountError,
    accounts_path,
    add_editor,
    check,
    find_editor,
    list_editors,
    remove_editor,
)
from timeline.auth.secrets import cookie_key, ensure_cookie_key, secrets_path
from timeline.auth.throttle import Policy, Refusal, Throttle

__all__ = [
    "ACCOUNTS_FILE",
    "Account",
    "AccountError",
    "Policy",
    "Refusal",
    "Throttle",
    "accounts_path",
    "add_editor",
    "check",
    "cookie_key",
    "ensure_cookie_key",
    "find_editor",
    "list_editors",
    "remove_editor",
    "secrets_path",
]
