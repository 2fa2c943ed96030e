"""Every setting is read by one model, from a flag or an environment variable; a flag overrides
its variable; a value that cannot work stops start-up with one line naming the flag or the
variable; a renamed variable still works, with a warning naming the new one."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest

from webapp import PROJECT_ROOT, create_app
from webapp.__main__ import SERVER_FLAGS, parse_arguments
from webapp.settings import SettingError, Settings, SettingWarning, flag, load_settings, variable

SETTING_VARIABLES = [variable(name) for name in Settings.model_fields]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """No setting comes in from the machine running the tests (the suite's own strict
    templates aside)."""
    for name in [*SETTING_VARIABLES, "STRIDE_ANATOMY_DATA"]:
        if name != variable("strict_templates"):
            monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("public_url", "https://anatomy.school.example/atlas/", "https://anatomy.school.example/atlas"),
        ("public_url", " http://Teacher-Laptop.local:5000/ ", "http://Teacher-Laptop.local:5000"),
        ("proxy_hops", "2", 2),
        ("proxy_hops", "", 0),
        ("embed_origins", "", "*"),
        ("embed_origins", "'self' https://moodle.school.example/", "'self' https://moodle.school.example"),
        (
            "embed_origins",
            "https://*.instructure.com http://127.0.0.1:8001",
            "https://*.instructure.com http://127.0.0.1:8001",
        ),
        ("port", "8000", 8000),
        ("threads", "16", 16),
        ("host", "0.0.0.0", "0.0.0.0"),
    ],
)
def test_each_setting_is_read_from_its_variable(monkeypatch, name, text, value):
    monkeypatch.setenv(variable(name), text)
    if name == "proxy_hops" and text:
        monkeypatch.setenv(variable("public_url"), "https://anatomy.school.example")
    assert getattr(load_settings(), name) == value


def test_a_flag_overrides_its_variable(monkeypatch):
    monkeypatch.setenv("STRIDE_ANATOMY_PORT", "8000")
    monkeypatch.setenv("STRIDE_ANATOMY_PUBLIC_URL", "https://from-the-variable.example")
    settings = load_settings({"port": 9000, "public_url": None})
    assert (settings.port, settings.public_url) == (9000, "https://from-the-variable.example")


def test_every_server_setting_has_a_flag_named_after_it():
    args = parse_arguments([arg for name in SERVER_FLAGS for arg in (flag(name), "7")])
    assert all(getattr(args, name) is not None for name in SERVER_FLAGS)


BAD_VALUES = [
    ("public_url", "anatomy.school.example", "must start with http:// or https://"),
    ("public_url", "https://u:p@x.example", "user name or password"),
    ("public_url", "http://x.example/?a=1", "must not contain ? or #"),
    ("proxy_hops", "-1", "greater than or equal to 0"),
    ("proxy_hops", "yes", "valid integer"),
    ("threads", "-4", "greater than or equal to 1"),
    ("port", "70000", "less than or equal to 65535"),
    ("embed_origins", "moodle.school.example", "must be an origin"),
    ("embed_origins", "https://moodle.school.example/course/7", "must be an origin"),
    ("embed_origins", "https://moodle.school.example;script-src *", "must be an origin"),
    ("embed_origins", "'none' https://moodle.school.example", "cannot be combined"),
]


@pytest.mark.parametrize(("name", "text", "problem"), BAD_VALUES)
def test_a_bad_variable_is_one_line_naming_the_variable(monkeypatch, name, text, problem):
    monkeypatch.setenv(variable(name), text)
    with pytest.raises(SettingError) as raised:
        load_settings()
    message = str(raised.value)
    assert message.startswith(f"{variable(name)}={text!r} is not usable: ")
    assert problem in message and "\n" not in message


@pytest.mark.parametrize(("name", "text", "problem"), BAD_VALUES)
def test_a_bad_flag_is_one_line_naming_the_flag(name, text, problem):
    with pytest.raises(SettingError) as raised:
        load_settings({name: text})
    message = str(raised.value)
    assert message.startswith(f"{flag(name)}={text!r} is not usable: ") and problem in message
    assert "\n" not in message


def test_a_proxy_without_a_public_address_names_both_settings(monkeypatch):
    monkeypatch.setenv("STRIDE_ANATOMY_PROXY_HOPS", "1")
    with pytest.raises(SettingError, match=r"STRIDE_ANATOMY_PROXY_HOPS.*STRIDE_ANATOMY_PUBLIC_URL"):
        load_settings()


def test_the_renamed_data_variable_still_works_with_a_warning_naming_the_new_one(monkeypatch, tmp_path):
    monkeypatch.setenv("STRIDE_ANATOMY_DATA", str(tmp_path))
    with pytest.warns(SettingWarning, match="STRIDE_ANATOMY_DATA_DIR"):
        settings = load_settings()
    assert settings.data_dir == tmp_path


def test_the_new_data_variable_wins_over_the_old_one_without_a_warning(monkeypatch, tmp_path):
    monkeypatch.setenv("STRIDE_ANATOMY_DATA", "/nowhere")
    monkeypatch.setenv("STRIDE_ANATOMY_DATA_DIR", str(tmp_path))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_settings().data_dir == tmp_path


def test_the_app_is_built_from_the_settings(monkeypatch):
    monkeypatch.setenv("STRIDE_ANATOMY_PUBLIC_URL", "https://anatomy.school.example/")
    monkeypatch.setenv("STRIDE_ANATOMY_EMBED_ORIGINS", "https://moodle.school.example")
    app = create_app(testing=True)
    assert app.config["PUBLIC_BASE_URL"] == "https://anatomy.school.example"
    assert app.config["EMBED_ORIGINS"] == "https://moodle.school.example"


def run_app(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "webapp", *args],
        cwd=PROJECT_ROOT,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_command_line_stops_with_one_line_and_status_2_for_a_bad_flag():
    result = run_app("--threads", "-2")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Stride Anatomy cannot start: --threads=-2 is not usable: input should be greater than or equal to 1."
    ]


def test_the_command_line_stops_with_one_line_for_a_bad_variable():
    result = run_app(env={"STRIDE_ANATOMY_PUBLIC_URL": "school.example"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Stride Anatomy cannot start: STRIDE_ANATOMY_PUBLIC_URL='school.example' is not usable: "
        "it must start with http:// or https://."
    ]
