"""The ``svcwork`` command line.

Exit statuses: 0 success (warnings allowed), 1 the input (or a client in a batch) has
errors, 2 usage errors (a missing client folder, an output folder that cannot be written …),
3 an internal error (a bug in svcwork: reported as such, with a hint; ``SVCWORK_DEBUG=1`` raises it),
130 interrupted by Ctrl-C and 143 by SIGTERM (both end the run the same clean way, its temporary
files removed and the previous report intact).  Every error a user can cause is printed as a message,
never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import SvcworkError, UsageError
from .i18n import t, user_language

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="svcwork", description="Citizen-service workbooks: intake, analysis, reports.")
    p.add_argument("--version", action="version", version=f"svcwork {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("template", help="write a ready-to-fill intake workbook")
    s.add_argument("--lang", choices=("he", "en"), required=True)
    s.add_argument("-o", "--output", required=True, type=Path, help="the .xlsx file to write")

    s = sub.add_parser("reference", help="write the field reference of the intake (Markdown)")
    s.add_argument("-o", "--output", required=True, type=Path)

    s = sub.add_parser("validate", help="check a client folder or intake.xlsx; list every problem")
    s.add_argument("path", type=_location, help="a path, or a URL such as s3://bucket/clients/x (svcwork.storage)")
    s.add_argument("--format", choices=("text", "json"), default="text")

    s = sub.add_parser("demo", help="(re)generate the fictional demo clients")
    s.add_argument("-o", "--output", type=Path, default=None,
                   help="default: data/clients of the checkout, or of the current folder for an installed svcwork "
                        "(earlier rounds: data/previous beside it)")
    s.add_argument("--seed", type=int, default=None)

    s = sub.add_parser("run", help="validate and analyse one client; write its report")
    s.add_argument("client", type=_location)
    s.add_argument("-o", "--output", required=True, type=_location)
    s.add_argument("--no-pdf", dest="pdf", action="store_false", default=None, help="skip report.pdf")
    s.add_argument("--since", type=_location, default=None, metavar="PREVIOUS",
                   help="compare with an earlier report: its output folder or summary.json (default: the earlier "
                        "period's report already in OUT, if any)")
    s.add_argument("--svg", action="store_true", help="also save every figure as SVG (figures/*.svg)")
    s.add_argument("--scenario", default=None, metavar="NAME",
                   help="the report for a workshop scenario of the intake's Scenarios sheet (or the copy beside it)")
    _timeout_argument(s, batch=False)

    s = sub.add_parser("workshop", help="the prioritisation workshop for one client in the browser (Voilà)")
    s.add_argument("client", type=Path)
    s.add_argument("--port", type=int, default=8866)
    s.add_argument("--ip", default="127.0.0.1", help="address to listen on; any but 127.0.0.1 requires a token")
    s.add_argument("--lang", choices=("he", "en"), default=None, help="default: the engagement's language")

    s = sub.add_parser("batch", help="run every client folder under CLIENTS_DIR (a path or a URL: s3://…)")
    s.add_argument("clients", type=_location)
    s.add_argument("-o", "--output", required=True, type=_location)
    s.add_argument("--jobs", type=int, default=1)
    s.add_argument("--force", action="store_true", help="rerun clients whose inputs did not change")
    s.add_argument("--svg", action="store_true", help="also save every figure as SVG (figures/*.svg)")
    s.add_argument("--no-pdf", dest="pdf", action="store_false", default=None, help="skip report.pdf")
    s.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="run on an existing Dask distributed cluster, e.g. tcp://10.0.0.5:8786")
    s.add_argument("--since", type=_location, default=None, metavar="PREVIOUS_OUT",
                   help="compare each client with its report in an earlier batch's OUT folder (matched by folder name)")
    _timeout_argument(s, batch=True)

    s = sub.add_parser("key", help="create the project's pseudonymisation key (PROJECT/.svcwork/secret.key)")
    s.add_argument("project", type=Path, help="the folder that holds this project's client folders")

    s = sub.add_parser("portfolio", help="compare the clients of a batch (league table with intervals)")
    s.add_argument("output", type=_location, help="the OUT folder of a batch (a path or a URL)")
    s.add_argument("--anonymise", "--anonymize", action="store_true", help="Client A, B, … instead of names")
    s.add_argument("--lang", choices=("he", "en"), default="en")
    return p


def _location(text: str) -> "Path | str":
    """A path, or an fsspec URL kept as text (``s3://bucket/x``; see :mod:`svcwork.storage`)."""
    from .storage import location_arg

    return location_arg(text)


def _absolute(location: "Path | str | None") -> "Path | str | None":
    """A local path made absolute against the current directory (URLs and None as they are): done
    once, as a command begins, so a relative ``-o out`` means the same folder throughout the run."""
    from .paths import absolute
    from .storage import is_url

    return location if location is None or is_url(location) else absolute(location)


def _timeout_argument(s: argparse.ArgumentParser, *, batch: bool) -> None:
    from .batch import DEFAULT_TIMEOUT

    # run writes no batch.json: only a batch names the cell there too
    fails = "per client: its notebooks together may run this long; the cell running then fails the client, named " \
            "in the output and in OUT/batch.json" if batch else \
            "the client's notebooks together may run this long; the cell running then fails the run, named in the output"
    s.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"{fails} (default {DEFAULT_TIMEOUT}; 0: no limit)")


def _timeout(args: argparse.Namespace) -> float | None:
    if args.timeout < 0 or args.timeout != args.timeout:
        raise UsageError(t("cli.error.timeout", user_language(), value=f"{args.timeout:g}"))
    return args.timeout or None


def _cmd_portfolio(args: argparse.Namespace) -> int:
    from .portfolio import write_portfolio

    print(write_portfolio(args.output, anonymise=args.anonymise, lang=args.lang))
    return 0


def _cmd_key(args: argparse.Namespace) -> int:
    from .privacy import init_project_key

    if not args.project.is_dir():
        raise UsageError(t("cli.error.no_project", user_language(), path=args.project))
    # the path only, never the key itself
    print(init_project_key(args.project))
    return 0


def _cmd_template(args: argparse.Namespace) -> int:
    from .template import write_template

    write_template(args.output, lang=args.lang)
    print(args.output)
    return 0


def _cmd_reference(args: argparse.Namespace) -> int:
    from .template import write_reference

    write_reference(args.output)
    print(args.output)
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from .batch import validate_client
    from .storage import is_remote, local_path, redact, staged_input

    if not is_remote(args.path) and not local_path(args.path).exists():  # a mistyped path: usage error (exit 2)
        raise UsageError(t("intake.file_missing", user_language(), path=args.path))
    with staged_input(args.path) as path:  # a URL is copied here first
        result = validate_client(path)  # the intake, and the folder's own files (commentary, intake.* beside it)
    args.path = redact(args.path)
    lang = result.language
    if args.format == "json":
        json.dump([p.as_dict() for p in result.problems], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        quote = "„{}”" if lang == "he" else "“{}”"
        for p in result.problems:
            print(f"{t('severity.' + p.severity, lang)} [{p.code}] {p.location(lang)}"
                  + (" — " + quote.format(p.value) if p.value not in (None, "") else ""))
            print(f"    {p.message}")
        key = "cli.validate.ok" if result.ok else "cli.validate.bad"
        print(t(key, lang, path=args.path, errors=t("cli.count.errors", lang, n=result.n_errors),
                warnings=t("cli.count.warnings", lang, n=result.n_warnings)), file=sys.stderr)
    return 0 if result.ok else 1


def _cmd_demo(args: argparse.Namespace) -> int:
    from .demo import generate
    from .paths import demo_clients_dir

    out = args.output or demo_clients_dir()
    kwargs = {} if args.seed is None else {"seed": args.seed}
    from .demo.rounds import previous_dir

    for path in generate(out, previous=previous_dir(out), **kwargs):
        print(path)
    return 0


def _svg(args: argparse.Namespace) -> None:
    """``--svg``: the kernels started from here (they inherit this environment) save SVG figures too."""
    import os

    from .report import SVG_ENV

    if args.svg:
        os.environ[SVG_ENV] = "1"


def _check_local_paths(client: "Path | str", output: "Path | str") -> None:
    """Usage errors found before any work: a client folder that does not exist (as ``validate`` says it),
    a local output folder that cannot be created or written."""
    from .batch import check_output_folder
    from .storage import is_remote, is_url, local_path

    if not is_remote(client) and not local_path(client).exists():
        raise UsageError(t("intake.file_missing", user_language(), path=client))
    if not is_remote(output):
        check_output_folder(local_path(output) if is_url(output) else output)


def _cmd_run(args: argparse.Namespace) -> int:
    from .batch import KernelPool, run_client
    from .storage import is_url, run_client_at

    timeout = _timeout(args)
    _svg(args)
    client, output, since = _absolute(args.client), _absolute(args.output), _absolute(args.since)
    _check_local_paths(client, output)
    run = run_client_at if any(is_url(x) for x in (client, output, since)) else run_client
    with KernelPool() as kernel:  # warm kernels running the client's notebooks side by side
        result = run(client, output, pdf=args.pdf, kernel=kernel, timeout=timeout, since=since,
                     scenario=args.scenario)
    print(result.describe())
    return 0 if result.ok else 1


def _cmd_workshop(args: argparse.Namespace) -> int:
    from .workshop.serve import serve

    return serve(args.client, port=args.port, ip=args.ip, lang=args.lang or "")


def _cmd_batch(args: argparse.Namespace) -> int:
    from .batch import find_clients, run_batch

    if args.jobs < 1:
        raise UsageError(t("cli.error.jobs", user_language(), value=args.jobs))
    timeout = _timeout(args)
    _svg(args)
    from .storage import is_url

    clients, output, since = _absolute(args.clients), _absolute(args.output), _absolute(args.since)
    if not is_url(clients):
        find_clients(clients)  # a folder that holds no client: said before the output folder is made
    from .storage import is_remote, local_path

    if not is_remote(output):
        from .batch import check_output_folder

        check_output_folder(local_path(output) if is_url(output) else output)
    with _progress(total=None if is_url(clients) else len(find_clients(clients))) as progress:
        result = run_batch(clients, output, jobs=args.jobs, force=args.force, scheduler=args.scheduler,
                           pdf=args.pdf, timeout=timeout, progress=progress, since=since,
                           on_start=progress.start if progress is not None else None)
    print(result.describe())
    return 0 if result.ok else 1


class _BatchProgress:
    """The batch's progress on a terminal: one line per running client (with its elapsed time), a
    line printed as each client ends, and the overall bar with elapsed time and estimate."""

    MARKS = {"ok": "✓", "skipped": "=", "failed": "✗"}

    def __init__(self, bar, total: int | None = None) -> None:  # noqa: ANN001 - a rich Progress
        self.bar = bar
        self.overall = bar.add_task(t("cli.progress.clients", user_language()), total=total, count=f"0/{total or '?'}")
        self.running: dict[str, object] = {}

    def start(self, folder: Path) -> None:
        from .paths import client_slug

        slug = client_slug(folder)
        if slug not in self.running:
            self.running[slug] = self.bar.add_task("  " + t("cli.progress.running", user_language(), slug=slug),
                                                   total=None, count="")

    def __call__(self, result, done: int, total: int) -> None:  # noqa: ANN001 - a ClientResult
        task = self.running.pop(result.slug, None)
        if task is not None:
            self.bar.remove_task(task)
        why = f" — {result.error}" if result.status == "failed" and result.error else ""
        self.bar.console.print(f"{self.MARKS[result.status]} {result.slug} ({result.seconds:.1f} s){why}",
                               markup=False, highlight=False)
        self.bar.update(self.overall, completed=done, total=total, count=f"{done}/{total}")


@contextlib.contextmanager
def _progress(console=None, *, total: int | None = None):  # noqa: ANN001 - a rich Console, for tests
    """A progress display (per client and overall, elapsed and estimate) on a terminal; nothing otherwise."""
    if console is None and not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[count]}"),
                   TimeElapsedColumn(), TimeRemainingColumn(elapsed_when_finished=True),
                   console=console or Console(stderr=True), transient=False)
    with bar:
        yield _BatchProgress(bar, total)


_COMMANDS = {"key": _cmd_key, "template": _cmd_template, "reference": _cmd_reference, "validate": _cmd_validate, "demo": _cmd_demo,
             "run": _cmd_run, "batch": _cmd_batch, "portfolio": _cmd_portfolio, "workshop": _cmd_workshop}


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the main thread is, as Ctrl-C is: every ``finally`` runs (the temporary
    build folder and the notebooks' private cache removed, kernels and Chromium ended)."""


@contextlib.contextmanager
def _terminate_as_interrupt():
    """SIGTERM handled as Ctrl-C while the command runs (the default handler would end the process at
    once, leaving temporary files); the earlier handler is restored after."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):  # noqa: ANN001 - signal's handler signature
        raise _Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError):  # not settable here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``svcwork`` console script; returns the exit status."""
    with _terminate_as_interrupt():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own usage message
        return int(exc.code or 0) if exc.code in (0, None) else 2
    if not args.command:
        parser.print_help()
        return 2
    try:
        return _COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"svcwork {args.command}: {exc.message}", file=sys.stderr)
        return 2
    except SvcworkError as exc:
        print(f"svcwork {args.command}: {exc.message} [{exc.code}]", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt as exc:
        print(t("cli.interrupted", user_language()), file=sys.stderr)
        return 143 if isinstance(exc, _Terminated) else 130
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback for users
        print(t("cli.internal_error", user_language(), command=args.command, detail=f"{type(exc).__name__}: {exc}"),
              file=sys.stderr)
        import os

        if os.environ.get("SVCWORK_DEBUG"):
            raise
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
