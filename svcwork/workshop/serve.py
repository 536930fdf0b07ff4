"""``svcwork workshop CLIENT``: the workshop notebook served by Voilà for one client, on this machine.

Voilà (voila-dashboards.github.io) runs ``notebooks/15_workshop.ipynb`` and shows only its widgets.
The client folder and language reach the notebook's kernel through the environment
(:data:`CLIENT_VARIABLE`, :data:`LANG_VARIABLE`, read by :func:`served_parameters`), since Voilà
passes no notebook parameters.  Bound to 127.0.0.1 (the default) the page needs no token — only
this machine can reach it; bound to any other address a random token is required and printed in
the URL (Jupyter's token authentication).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import IntakeError, UsageError
from ..i18n import t, user_language
from ..paths import find_intake, notebooks_dir

__all__ = ["NOTEBOOK", "CLIENT_VARIABLE", "LANG_VARIABLE", "LOOPBACK", "Launch", "launch", "check_client",
           "served_parameters", "serve"]

NOTEBOOK = "15_workshop.ipynb"
CLIENT_VARIABLE = "SVCWORK_WORKSHOP_CLIENT"
LANG_VARIABLE = "SVCWORK_WORKSHOP_LANG"
#: The only address served without a token.
LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Launch:
    """How Voilà is started: its command line, the kernel's environment and the URL to open."""

    command: tuple[str, ...]
    env: dict
    url: str
    token: str | None


def served_parameters(client_dir: str, lang: str) -> tuple[str, str]:
    """The notebook's ``client_dir`` and ``lang``, as ``svcwork workshop`` set them for Voilà (else unchanged)."""
    return os.environ.get(CLIENT_VARIABLE) or client_dir, os.environ.get(LANG_VARIABLE) or lang


def check_client(client: str | os.PathLike) -> None:
    """Raise :class:`IntakeError` (with every problem, and ``language`` set to the client's) when
    *client* does not validate: the workshop would only show Voilà's bare error page."""
    from ..intake import validate

    result = validate(client)
    if not result.ok:
        error = IntakeError(list(result.problems), t("workshop.error.cannot_open", result.language, path=str(client))
                            + " " + result.summary())
        error.language = result.language
        raise error


def launch(client: str | os.PathLike, *, port: int = 8866, ip: str = LOOPBACK, lang: str = "",
           token: str | None = None) -> Launch:
    """The Voilà command for *client* (checked to exist and to validate), its environment and URL; a
    token unless *ip* is 127.0.0.1.  Raises :class:`UsageError` for no client or a bad port, and
    :class:`IntakeError` with the intake's problems when it does not validate."""
    path = Path(client)
    if not path.exists() or not find_intake(path).is_file():
        raise UsageError(t("workshop.error.no_client", user_language(), path=str(path)), code="usage")
    if not 0 < int(port) < 65536:
        raise UsageError(t("workshop.error.port", user_language(), port=port), code="usage")
    if ip != LOOPBACK:
        token = token or secrets.token_urlsafe(24)
    else:
        token = None
    check_client(path)
    notebook = notebooks_dir() / NOTEBOOK
    command = (sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={int(port)}",
               "--Voila.port_retries=0", f"--Voila.ip={ip}", f"--Voila.token={token or ''}",
               f"--Voila.root_dir={notebook.parent}")
    env = {**os.environ, CLIENT_VARIABLE: str(path.resolve()), LANG_VARIABLE: lang or ""}
    host = f"[{ip}]" if ":" in ip else ip
    url = f"http://{host}:{int(port)}/" + (f"?token={token}" if token else "")
    return Launch(command, env, url, token)


def serve(client: str | os.PathLike, *, port: int = 8866, ip: str = LOOPBACK, lang: str = "",
          echo: Callable[[str], None] = print) -> int:
    """Start Voilà on the workshop for *client*, print its URL, and wait until it is stopped (Ctrl+C).

    An intake that does not validate: its problems are printed as ``svcwork validate`` prints them,
    and 1 is returned without starting Voilà."""
    try:
        plan = launch(client, port=port, ip=ip, lang=lang)
    except IntakeError as exc:
        language = getattr(exc, "language", None) or user_language()
        quote = "„{}”" if language == "he" else "“{}”"
        for p in exc.problems:
            echo(f"{t('severity.' + p.severity, language)} [{p.code}] {p.location(language)}"
                 + (" — " + quote.format(p.value) if p.value not in (None, "") else ""))
            echo(f"    {p.message}")
        print(exc.message, file=sys.stderr)
        return 1
    echo(t("workshop.serve.url", user_language(), url=plan.url))
    process = subprocess.Popen(plan.command, env=plan.env)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        return 130
