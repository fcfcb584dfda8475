"""Editors' sign-in in the sidebar, and the reader/editor boundary every write path goes through.

Reading needs no sign-in. A session becomes an editor's only by a right password typed into the
sidebar form (checked against ``editors.yaml``, see ``timeline.auth``) or by the signed "stay signed in"
cookie that sign-in left (streamlit-authenticator's token format, a JWT signed with the key from
``.streamlit/secrets.toml``: see ``timeline.auth.cookie``). The identity is an ``Editor`` object under
a session-state key no widget uses: a browser can only send widget values (strings, numbers, lists),
never such an object, and no query parameter is read here. It is checked against the accounts file
again on every call, so a removed editor stops writing at once.

For the pages::

    if is_editor():                    # draw edit controls only for editors
        ...
    author = require_editor()          # at the moment of writing: raises NotAnEditor, nothing written
    store.save(..., author=author)

    @editor_only                       # or around a widget callback that writes
    def _on_save() -> None: ...

The form is the app's own (its submit runs the throttle first: attempts during a cool-down are refused
without checking the password, with "try again in N s"); streamlit-authenticator provides the accounts
format, the bcrypt hashes and the cookie's token format. Its ``login`` widget is not used: it checks
the password before any hook could refuse the attempt, and waits 0.7 s on every run of a signed-out
session.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, ParamSpec, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from timeline.auth import AccountError, Throttle, accounts_path, check, cookie_key, find_editor, list_editors
from timeline.auth.accounts import COOKIE_NAME, username_of
from timeline.auth.cookie import cookie_token, cookie_username, delete_cookie_script, set_cookie_script
from timeline.ui.components import md

LOG = logging.getLogger(__name__)

IDENTITY_KEY = "_timeline_editor_identity"
"""Session state holding the signed-in Editor: set only here, by a sign-in; no widget has this key."""
SIGNED_OUT_KEY = "_timeline_editor_signed_out"
MESSAGE_KEY = "_timeline_signin_message"
NAME_KEY = "signin_name"
PASSWORD_KEY = "signin_password"
SUBMIT_KEY = "signin_submit"
SIGNOUT_KEY = "signout"
FORM_KEY = "signin_form"
TOKEN_KEY = "_timeline_signin_token"
"""The signed token of this session's password sign-in, written to the browser as the cookie."""

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Editor:
    username: str
    name: str
    via: Literal["password", "cookie"]


class NotAnEditor(Exception):
    """A write was attempted by a session that is not a signed-in editor; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Only a signed-in editor can change this: sign in under Editor sign-in.")


def _identity() -> Editor | None:
    value = st.session_state.get(IDENTITY_KEY)
    return value if type(value) is Editor else None


def _signed_in_editor() -> Editor | None:
    """The session's editor, if the accounts file still holds that account (read now)."""
    editor = _identity()
    if editor is None:
        return None
    try:
        account = find_editor(editor.username)
    except AccountError:
        LOG.exception("Accounts file unreadable: no session may write")
        return None
    if account is None:
        st.session_state.pop(IDENTITY_KEY, None)  # the account was removed
        return None
    return editor


def is_editor() -> bool:
    """Whether this session may change anything: signed in, with an account that still exists."""
    return _signed_in_editor() is not None


def editor_name() -> str | None:
    """The signed-in editor's name (as shown and as an edit's author), or None for a reader."""
    editor = _signed_in_editor()
    return editor.name if editor else None


def require_editor() -> str:
    """Call at the moment of writing: the editor's name, or NotAnEditor (write nothing then)."""
    name = editor_name()
    if name is None:
        raise NotAnEditor()
    return name


def editor_only(write: Callable[P, R]) -> Callable[P, R | None]:
    """Wrap a function that writes (a widget callback): for a non-editor it does nothing, returns None
    and leaves a message in the sidebar."""

    @functools.wraps(write)
    def guarded_write(*args: P.args, **kwargs: P.kwargs) -> R | None:
        if not is_editor():
            st.session_state[MESSAGE_KEY] = ("warning", str(NotAnEditor()))
            return None
        return write(*args, **kwargs)

    return guarded_write


_THROTTLES: dict[str, Throttle] = {}
_THROTTLES_LOCK = threading.Lock()


def _throttle(accounts: str) -> Throttle:
    """One throttle per accounts file, shared by every session of the server process. Module state on
    purpose, not st.cache_resource: clearing Streamlit's caches must not forgive failed sign-ins."""
    with _THROTTLES_LOCK:
        return _THROTTLES.setdefault(accounts, Throttle())


def _session_id() -> str:
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "no-session"


def _attempt() -> None:
    """The sign-in form's submit: throttle, then the password check; the outcome is left as a message."""
    name = str(st.session_state.get(NAME_KEY) or "")
    password = str(st.session_state.get(PASSWORD_KEY) or "")
    st.session_state[PASSWORD_KEY] = ""
    throttle = _throttle(str(accounts_path()))
    keys = [f"name:{username_of(name)}", f"session:{_session_id()}"]
    refusal = throttle.refusal(keys)
    if refusal is not None:
        st.session_state[MESSAGE_KEY] = ("error", refusal.message)
        return
    if not name.strip() or not password:
        st.session_state[MESSAGE_KEY] = ("error", "Give your editor name and password.")
        return
    try:
        account = check(name, password)
    except AccountError:
        LOG.exception("Sign-in: the accounts file cannot be read")
        st.session_state[MESSAGE_KEY] = ("error", "Sign-in is unavailable: the accounts file cannot be read.")
        return
    if account is None:
        wait = throttle.failed(keys)
        text = "Wrong name or password." + (f" {wait.message}" if wait else "")
        st.session_state[MESSAGE_KEY] = ("error", text)
        return
    throttle.succeeded(keys)
    st.session_state[IDENTITY_KEY] = Editor(account.username, account.name, "password")
    st.session_state.pop(SIGNED_OUT_KEY, None)
    st.session_state[NAME_KEY] = ""
    st.session_state.pop(MESSAGE_KEY, None)


def _sign_out() -> None:
    st.session_state.pop(IDENTITY_KEY, None)
    st.session_state.pop(TOKEN_KEY, None)
    st.session_state[SIGNED_OUT_KEY] = True
    st.session_state[MESSAGE_KEY] = ("info", "Signed out.")


def _cookie_sent() -> bool:
    try:
        return COOKIE_NAME in st.context.cookies.to_dict()  # not `in` the mapping: test harnesses fake it
    except Exception:  # no browser request behind this session (bare runs, some test harnesses)
        return False


def _safe_key() -> str | None:
    try:
        return cookie_key()
    except AccountError:
        LOG.exception("The cookie key cannot be read: editors stay signed in for the session only")
        return None


def restore_session() -> None:
    """Before the page runs: sign the session in from a valid signed cookie, if it brought one."""
    if _identity() is not None or st.session_state.get(SIGNED_OUT_KEY) or not _cookie_sent():
        return
    key = _safe_key()
    if key is None:
        return
    username = cookie_username(str(st.context.cookies.to_dict()[COOKIE_NAME]), key)
    if username is None:
        LOG.warning("A sign-in cookie that does not verify was ignored")
        return
    try:
        account = find_editor(username)
    except AccountError:
        return
    if account is not None:
        st.session_state[IDENTITY_KEY] = Editor(account.username, account.name, "cookie")


def _keep_cookie(editor: Editor | None) -> None:
    """Leave the signed cookie after a password sign-in; take it away after a sign-out.

    The browser is told by a script in the page (``st.html``), not by streamlit-authenticator's
    cookie component: that component sends its value back when it mounts, which reruns the script,
    and a rerun arriving with a press can swallow the press (seen after sign-in and on new sessions).
    The script holds only the cookie's name and the signed token (base64url), never anything typed."""
    signed_out = bool(st.session_state.get(SIGNED_OUT_KEY))
    wanted = editor is not None and editor.via == "password"
    if not wanted and not (signed_out and _cookie_sent()):
        return
    if wanted and editor is not None:
        token = st.session_state.get(TOKEN_KEY)
        if not isinstance(token, str):
            key = _safe_key()
            if key is None:
                return
            token = cookie_token(editor.username, key)
            st.session_state[TOKEN_KEY] = token
        script = set_cookie_script(token)
    else:
        st.session_state.pop(TOKEN_KEY, None)
        script = delete_cookie_script()
    st.html(script, unsafe_allow_javascript=True)


def _show_message() -> None:
    message = st.session_state.pop(MESSAGE_KEY, None)
    if not isinstance(message, tuple) or len(message) != 2:
        return
    kind, text = message
    show = {"error": st.error, "warning": st.warning, "info": st.info}.get(kind, st.info)
    show(str(text))  # the module's own sentences, never a name or anything typed


def sidebar() -> None:
    """The sidebar's "Editor sign-in" (or the signed-in editor and Sign out), on every page."""
    editor = _signed_in_editor()
    with st.sidebar:
        if editor is not None:
            with st.container(key="signed_in"):
                st.markdown(f"Signed in as **{md(editor.name)}** (editor)")
                st.button("Sign out", key=SIGNOUT_KEY, on_click=_sign_out, icon=":material/logout:")
                _show_message()
            _keep_cookie(editor)
            return
        pending = MESSAGE_KEY in st.session_state
        with st.expander("Editor sign-in", expanded=pending, icon=":material/lock:"):
            _show_message()
            _sign_in_form()
        _keep_cookie(None)


def _sign_in_form() -> None:
    try:
        has_editors = bool(list_editors())
    except AccountError:
        LOG.exception("The accounts file cannot be read")
        st.caption("Sign-in is unavailable: the accounts file cannot be read (see the server log).")
        return
    if not has_editors:
        st.caption(
            "Reading needs no sign-in. No editor account exists yet: on the server, run "
            "`.venv/bin/timeline editor add NAME` (or `make editor NAME=...`)."
        )
        return
    with st.form(FORM_KEY, border=False):
        st.text_input("Editor name", key=NAME_KEY, autocomplete="username")
        st.text_input("Password", key=PASSWORD_KEY, type="password", autocomplete="current-password")
        st.form_submit_button("Sign in", key=SUBMIT_KEY, on_click=_attempt)
    st.caption("Reading needs no sign-in; editors sign in to add articles and make corrections.")
