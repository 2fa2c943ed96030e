"""Every setting of the app, in one typed model, whether it comes from a command-line flag or an
environment variable.

Each setting ``name`` is read from the variable ``STRIDE_ANATOMY_NAME`` and from the flag
``--name`` (underscores become dashes); a flag overrides its variable. A value that cannot work
stops start-up with one line naming the flag or the variable and what is wrong with it. A
variable that was renamed keeps working for one release, with a one-line warning naming the new
name. The README's settings table lists them all.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PREFIX = "STRIDE_ANATOMY_"
# Old variable -> the setting it now is; each is read for one more release.
RENAMED = {"STRIDE_ANATOMY_DATA": "data_dir"}
# Pages are remembered after their first render, so a request is mostly a lookup and a write;
# threads mostly wait on sockets. Eight keep a class of thirty phones from queueing.
DEFAULT_THREADS = 8
EMBED_KEYWORDS = {"*", "'self'", "'none'"}
# An origin for CSP: scheme, host (its first label may be a wildcard) and an optional port.
ORIGIN = re.compile(r"https?://(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:[0-9]{1,5})?", re.IGNORECASE)


class SettingError(ValueError):
    """A setting that cannot work; the message is one plain line naming the flag or variable."""


class SettingWarning(FutureWarning):
    """A setting given in a way that will stop working (a renamed variable)."""


def variable(name: str) -> str:
    """The environment variable of a setting."""
    return PREFIX + name.upper()


def flag(name: str) -> str:
    """The command-line flag of a setting."""
    return "--" + name.replace("_", "-")


def public_url_problem(text: str) -> str | None:
    """What is wrong with a public base URL, or None when it is usable."""
    parts = urlsplit(text.strip())
    if parts.scheme not in {"http", "https"}:
        return "it must start with http:// or https://"
    if not parts.hostname:
        return "it has no host name"
    if parts.username or parts.password:
        return "it must not contain a user name or password"
    if parts.query or parts.fragment:
        return "it must not contain ? or #"
    try:
        parts.port  # noqa: B018 (reading it is the check)
    except ValueError:
        return "its port is not a number from 1 to 65535"
    return None


def normal_public_url(text: str) -> str:
    """A usable public base URL without its trailing slash."""
    parts = urlsplit(text.strip())
    return f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")


def embed_origins_problem(words: list[str]) -> str | None:
    """What is wrong with a list of framing origins, or None when it is usable."""
    if "'none'" in words and len(words) > 1:
        return "'none' cannot be combined with other origins"
    for word in words:
        if word not in EMBED_KEYWORDS and not ORIGIN.fullmatch(word):
            return f"{word!r} must be an origin such as https://moodle.school.example (no path), or *"
    return None


class Settings(BaseSettings):
    """The app's settings. Use :func:`load_settings` to read them with friendly errors."""

    model_config = SettingsConfigDict(
        env_prefix=PREFIX, env_ignore_empty=True, extra="forbid", validate_default=True
    )

    public_url: str = Field(
        "",
        description="The address people type or scan, e.g. https://anatomy.school.example. Every QR "
        "code and printed address starts with it. Default: worked out from --host and --port.",
    )
    proxy_hops: int = Field(
        0,
        ge=0,
        description="How many reverse proxies sit in front (usually 1); only then are their "
        "X-Forwarded-For/Proto/Host/Port headers believed. Needs public_url.",
    )
    embed_origins: str = Field(
        "*",
        description="Which sites may frame the embed pages, separated by spaces: * (any), 'none', "
        "'self', or origins such as https://moodle.school.example.",
    )
    data_dir: Path | None = Field(None, description="Another content folder (default: the bundled data/).")
    host: str = Field(
        "127.0.0.1", description="The address to listen on; 0.0.0.0 lets phones on the network in."
    )
    port: int = Field(5000, ge=1, le=65535, description="The port to listen on.")
    threads: int = Field(DEFAULT_THREADS, ge=1, description="Requests served at once (waitress threads).")
    dev: bool = Field(False, description="Flask's development server, restarting when a file changes.")
    strict_templates: bool = Field(
        False,
        description="A template that reads a missing value fails loudly instead of printing nothing. "
        "On in development, in the static export and in the tests.",
    )

    @field_validator("public_url")
    @classmethod
    def _usable_public_url(cls, value: str) -> str:
        if not value.strip():
            return ""
        problem = public_url_problem(value)
        if problem:
            raise ValueError(problem)
        return normal_public_url(value)

    @field_validator("embed_origins")
    @classmethod
    def _usable_origins(cls, value: str) -> str:
        words = [word.removesuffix("/") for word in value.split()] or ["*"]
        problem = embed_origins_problem(words)
        if problem:
            raise ValueError(problem)
        return " ".join(words)

    @model_validator(mode="after")
    def _proxy_needs_public_url(self) -> Settings:
        if self.proxy_hops and not self.public_url:
            raise ValueError(
                f"set {variable('public_url')} (or {flag('public_url')}) too: the address people type "
                "or scan to reach the proxy"
            )
        return self


def _plain(message: str) -> str:
    """Pydantic's message in the app's voice."""
    message = message.removeprefix("Value error, ")
    return message[0].lower() + message[1:] if message else message


def load_settings(flags: Mapping[str, Any] | None = None) -> Settings:
    """The settings from the environment and ``flags`` (setting name -> value, None for a flag
    not given; a flag overrides its variable). Raises :class:`SettingError` with one line
    naming the flag or the variable; warns (:class:`SettingWarning`) about a renamed variable."""
    given = {name: value for name, value in (flags or {}).items() if value is not None}
    renamed: dict[str, str] = {}
    for old, name in RENAMED.items():
        if old in os.environ and variable(name) not in os.environ and name not in given:
            warnings.warn(
                f"{old} is renamed {variable(name)}; the old name works until the next release.",
                SettingWarning,
                stacklevel=2,
            )
            given[name], renamed[name] = os.environ[old], old
    try:
        return Settings(**given)
    except ValidationError as invalid:
        error = invalid.errors()[0]
        name = str(error["loc"][0]) if error["loc"] else "proxy_hops"
        where = renamed.get(name) or (flag(name) if name in given else variable(name))
        value = given[name] if name in given else os.environ.get(variable(name), "")
        raise SettingError(f"{where}={value!r} is not usable: {_plain(error['msg'])}.") from None
