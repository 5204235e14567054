"""``socialprotocol serve``: migrations, the demo board (--demo), the worker, the site.

One command for a laptop or a small school. Production runs the same pieces separately
(docs/web.md): gunicorn for the site, ``run_worker`` for background work.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true", help="laad het demobestuur met inloggegevens")
    parser.add_argument("--host", default="127.0.0.1", help="adres (standaard 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="poort (standaard 8000)")
    parser.add_argument("--workers", type=int, default=2, help="webprocessen (standaard 2)")
    parser.add_argument("--no-worker", action="store_true", help="start geen achtergrondwerker")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialprotocol.web.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"socialprotocol: {exc}\n")
        return 2
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    if args.demo:
        from socialprotocol.web.demo import LOGINS, PASSWORD, load_demo

        load_demo()
        sys.stderr.write(
            "Demo-inloggegevens (wachtwoord "
            f"{PASSWORD}): {', '.join(LOGINS)}\n"
        )
    children: list[subprocess.Popen[bytes]] = []
    if not args.no_worker:
        children.append(
            subprocess.Popen([sys.executable, "-m", "django", "run_worker", "-v", "0"])
        )
    bind = f"[{args.host}]:{args.port}" if ":" in args.host else f"{args.host}:{args.port}"
    sys.stderr.write(f"socialprotocol draait op http://{bind}/ (stoppen: Ctrl-C)\n")
    command = [sys.executable, "-m", "gunicorn", "socialprotocol.web.wsgi:application",
               "--bind", bind, "--workers", str(args.workers), "--worker-class", "gthread",
               "--threads", "2", "--access-logfile", "-",
               "--error-logfile", "-", "--log-level", "warning"]  # fmt: skip
    web = subprocess.Popen(command)  # noqa: S603 - our own interpreter and arguments
    children.append(web)

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # a service manager stops the children with us
    try:
        return web.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
