"""Editors and readers through AppTest: the sidebar sign-in, the throttle, and forged identities."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from app_harness import DATA_PAGE, PRESENT_PAGE, SOURCES_PAGE, all_text, open_app
from app_harness import synthetic_store as synthetic_store  # fixture, re-exported for pytest
from streamlit.testing.v1 import AppTest

from timeline.auth import add_editor, remove_editor
from timeline.ui.signin import IDENTITY_KEY, NAME_KEY, PASSWORD_KEY, SIGNOUT_KEY, SUBMIT_KEY, Editor

NAME, PASSWORD = "Ms Smith", "correct horse"


@pytest.fixture
def editors(synthetic_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One editor in the synthetic store's data folder, and a cookie key of the test's own."""
    monkeypatch.setenv("TIMELINE_SECRETS_FILE", str(tmp_path / "secrets.toml"))
    (tmp_path / "secrets.toml").write_text('[auth]\ncookie_key = "' + "k" * 40 + '"\n', encoding="utf-8")
    add_editor(NAME, PASSWORD, synthetic_store / "editors.yaml", rounds=4)
    return synthetic_store / "editors.yaml"


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key=NAME_KEY).input(name)
    at.text_input(key=PASSWORD_KEY).input(password)
    at.button(key=SUBMIT_KEY).click().run()
    assert not at.exception, [item.value for item in at.exception]
    return at


def is_signed_in(at: AppTest) -> bool:
    keys = {button.key for button in at.button}
    signed = SIGNOUT_KEY in keys and "Signed in as" in all_text(at)
    assert signed == (
        type(at.session_state[IDENTITY_KEY]) is Editor if IDENTITY_KEY in at.session_state else False
    )
    return signed


def errors(at: AppTest) -> str:
    return "\n".join(str(element.value) for element in at.error)


@pytest.mark.usefixtures("editors")
@pytest.mark.parametrize("page", [None, PRESENT_PAGE, SOURCES_PAGE, DATA_PAGE])
def test_a_reader_sees_the_sign_in_form_and_no_editor_marker(page: str | None) -> None:
    at = open_app(page=page)
    assert not is_signed_in(at)
    assert [expander.label for expander in at.sidebar.expander if "sign-in" in expander.label] == [
        "Editor sign-in"
    ]
    assert at.text_input(key=PASSWORD_KEY).value == ""


@pytest.mark.usefixtures("editors")
def test_the_right_password_signs_in_this_session_only_and_sign_out_ends_it() -> None:
    at = sign_in(open_app(), "ms smith", PASSWORD)
    assert is_signed_in(at)
    assert "Signed in as **Ms Smith**" in all_text(at)
    assert PASSWORD_KEY not in {item.key for item in at.text_input}
    other = open_app()  # another browser session on the same server
    assert not is_signed_in(other)
    at.switch_page(DATA_PAGE).run()
    assert is_signed_in(at)  # it stays signed in across pages
    at.button(key=SIGNOUT_KEY).click().run()
    assert not is_signed_in(at)
    assert "Signed out" in all_text(at)


@pytest.mark.usefixtures("editors")
def test_a_wrong_password_is_refused_and_repeated_failures_are_slowed_down() -> None:
    at = open_app()
    sign_in(at, NAME, "wrong horse")
    assert "Wrong name or password." in errors(at) and not is_signed_in(at)
    assert at.text_input(key=PASSWORD_KEY).value == ""  # never kept in the form
    sign_in(at, NAME, "wrong again")
    assert "try again" not in errors(at)  # two typos are free
    sign_in(at, NAME, "third wrong")
    assert "Wrong name or password. Too many failed sign-ins: try again in 2 s." in errors(at)
    # during the cool-down even the right password is refused unchecked (clearing caches forgives nothing)
    st.cache_resource.clear()
    st.cache_data.clear()
    sign_in(at, NAME, PASSWORD)
    assert "Too many failed sign-ins: try again in" in errors(at) and "Wrong" not in errors(at)
    assert not is_signed_in(at)
    # another session trying the same name is slowed down too (the name is throttled)
    other = sign_in(open_app(), NAME, PASSWORD)
    assert "Too many failed sign-ins" in errors(other) and not is_signed_in(other)


@pytest.mark.usefixtures("editors")
def test_guessing_other_names_from_one_session_is_slowed_down() -> None:
    at = open_app()
    for name in ("admin", "root", "teacher"):
        sign_in(at, name, PASSWORD)
    assert "try again in 2 s" in errors(at)


@pytest.mark.usefixtures("editors")
@pytest.mark.parametrize(
    "params",
    [
        {"editor": "admin"},
        {"editor": "ms smith"},
        {"user": "ms smith", "username": "ms smith", "authentication_status": "true"},
        {IDENTITY_KEY: "ms smith", "signed_in": "1", "name": NAME},
    ],
)
def test_forged_query_params_change_nothing(params: dict[str, str]) -> None:
    at = open_app(params)
    assert not is_signed_in(at)
    at.run()
    assert not is_signed_in(at)


@pytest.mark.usefixtures("editors")
@pytest.mark.parametrize(
    "poke",
    [
        {"authentication_status": True, "username": "ms smith", "name": NAME, "roles": ["admin"]},
        {NAME_KEY: "ms smith", PASSWORD_KEY: PASSWORD},  # widget values without the submit
        {"logout": False, "signin_form": True, "editor": "ms smith"},
        {IDENTITY_KEY: "ms smith"},  # even the identity key, holding what a widget could send
        {IDENTITY_KEY: {"username": "ms smith", "name": NAME, "via": "password"}},
        {IDENTITY_KEY: ["ms smith", NAME, "password"]},
    ],
)
def test_a_session_state_poke_changes_nothing(poke: dict[str, object]) -> None:
    at = open_app()
    for key, value in poke.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception
    assert not is_signed_in(at)


def test_a_removed_editor_stops_being_one_at_once(editors: Path) -> None:
    at = sign_in(open_app(), NAME, PASSWORD)
    assert is_signed_in(at)
    remove_editor(NAME, editors)
    at.run()
    assert not is_signed_in(at)


def test_with_no_account_yet_the_sidebar_says_how_to_add_one(synthetic_store: Path) -> None:
    at = open_app()
    assert "timeline editor add NAME" in all_text(at)
    assert PASSWORD_KEY not in {item.key for item in at.text_input}


def test_without_a_cookie_key_sign_in_still_works(
    synthetic_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIMELINE_SECRETS_FILE", str(tmp_path / "absent.toml"))
    add_editor(NAME, PASSWORD, synthetic_store / "editors.yaml", rounds=4)
    assert is_signed_in(sign_in(open_app(), NAME, PASSWORD))


def _write_path_app() -> None:
    """A page with a write path guarded both ways, drawn for everybody (as a forged request would find it)."""
    from pathlib import Path as _Path

    import streamlit as st

    from timeline.ui import signin

    target = _Path(st.session_state.get("target_file", "unset"))

    @signin.editor_only
    def append() -> None:
        with target.open("a", encoding="utf-8") as file:
            file.write(f"callback by {signin.require_editor()}\n")

    signin.restore_session()
    st.button("Write", key="write", on_click=append)
    if st.button("Write inline", key="write_inline"):
        try:
            author = signin.require_editor()
        except signin.NotAnEditor as refusal:
            st.warning(str(refusal))
        else:
            with target.open("a", encoding="utf-8") as file:
                file.write(f"inline by {author}\n")
    signin.sidebar()


@pytest.mark.usefixtures("editors")
def test_every_write_path_checks_the_editor_at_the_moment_of_writing(tmp_path: Path) -> None:
    target = tmp_path / "written.txt"
    at = AppTest.from_function(_write_path_app, default_timeout=60)
    at.session_state["target_file"] = str(target)
    at.run()
    at.button(key="write").click().run()
    at.button(key="write_inline").click().run()
    assert not target.exists()
    assert "Only a signed-in editor can change this" in all_text(at)
    sign_in(at, NAME, PASSWORD)
    at.button(key="write").click().run()
    at.button(key="write_inline").click().run()
    assert target.read_text(encoding="utf-8") == "callback by Ms Smith\ninline by Ms Smith\n"


def _cookie_app() -> None:
    import streamlit as st

    from timeline.ui import signin

    signin.restore_session()
    st.write("page")
    signin.sidebar()


def _token(claims: dict[str, object], key: str | None = "k" * 40, algorithm: str = "HS256") -> str:
    import jwt

    return jwt.encode(claims, key, algorithm=algorithm)


FUTURE, PAST = 4_000_000_000, 1_000_000_000


@pytest.mark.usefixtures("editors")
@pytest.mark.parametrize(
    ("cookie", "signed_in"),
    [
        pytest.param(_token({"username": "ms smith", "exp_date": FUTURE}), True, id="valid"),
        pytest.param(_token({"username": "MS SMITH", "exp_date": FUTURE}), True, id="name-in-any-case"),
        pytest.param(
            _token({"username": "ms smith", "exp_date": FUTURE}, key="x" * 40), False, id="other-key"
        ),
        pytest.param(_token({"username": "ms smith", "exp_date": PAST}), False, id="expired"),
        pytest.param(_token({"username": "ms smith"}), False, id="no-expiry"),
        pytest.param(
            _token({"username": "ms smith", "exp_date": FUTURE}, None, "none"), False, id="alg-none"
        ),
        pytest.param(_token({"username": "nobody", "exp_date": FUTURE}), False, id="unknown-editor"),
        pytest.param(_token({"username": 5, "exp_date": FUTURE}), False, id="not-a-name"),
        pytest.param("not.a.token", False, id="garbage"),
    ],
)
def test_only_a_cookie_signed_with_the_key_for_an_existing_editor_signs_in(
    cookie: str, signed_in: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.runtime.context import ContextProxy, StreamlitCookies

    from timeline.auth.accounts import COOKIE_NAME

    monkeypatch.setattr(
        ContextProxy, "cookies", property(lambda self: StreamlitCookies({COOKIE_NAME: cookie}))
    )
    at = AppTest.from_function(_cookie_app, default_timeout=60).run()
    assert not at.exception, [item.value for item in at.exception]
    assert is_signed_in(at) == signed_in
    if signed_in:  # signing out holds for the session although the browser still sends the cookie
        at.button(key=SIGNOUT_KEY).click().run()
        assert not is_signed_in(at)
        at.run()
        assert not is_signed_in(at)
