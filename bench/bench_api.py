"""JSON API text check under load, over loopback only (DESIGN §5: ≥ 300 req/s on 2 cores,
p99 ≤ 50 ms, no errors).

Starts the real site (gunicorn, the production set-up of docs/web.md) on 127.0.0.1 with a
fresh SQLite database, the demo directory and an API token, then sends the bench posts from
a few client threads for a bounded time and count. The client runs on the same two cores, so
the figure is conservative. No peer: the issue names none for the API.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from bench.common import DATA, ROOT, Row

SETUP = """
from socialprotocol.web.demo import load_demo
from socialprotocol.web.api.actions import do_create_api_token
from django.contrib.auth.models import User
from django.test import Client
load_demo()
user = User.objects.get(username="leraar")
client = Client()
client.force_login(user)
print(client.cookies["sessionid"].value)
print(do_create_api_token(user, "bench", acting_user=None)[1])
"""


def _python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bodies() -> list[bytes]:
    out = []
    for line in (DATA / "text_posts.jsonl").read_text(encoding="utf-8").splitlines()[:200]:
        post = json.loads(line)
        body = {k: post[k] for k in ("text", "role", "context", "platform") if post.get(k)}
        out.append(json.dumps(body).encode())
    return out


def _wait_up(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the web server did not start")


def _client(port: int, key: str, bodies: list[bytes], stop: float, budget: list[int],
            lat: list[float], errors: list[int], lock: threading.Lock) -> None:  # fmt: skip
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    i = 0
    while time.monotonic() < stop:
        with lock:
            if budget[0] <= 0:
                break
            budget[0] -= 1
        body = bodies[i % len(bodies)]
        i += 1
        t0 = time.perf_counter()
        try:
            conn.request("POST", "/api/v1/checks", body, headers)
            resp = conn.getresponse()
            resp.read()
            ok = resp.status == 200
            if resp.getheader("Connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        lat.append((time.perf_counter() - t0) * 1000)
        if not ok:
            errors.append(1)
    conn.close()


def _load(port: int, key: str, seconds: float, max_requests: int, threads: int) -> tuple[float, float, float, int, int]:
    bodies = _bodies()
    lat: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    budget = [max_requests]
    t0 = time.perf_counter()
    stop = time.monotonic() + seconds
    workers = [
        threading.Thread(target=_client, args=(port, key, bodies, stop, budget, lat, errors, lock))
        for _ in range(threads)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - t0
    lat.sort()
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    return len(lat) / elapsed, statistics.median(lat), p99, len(errors), len(lat)


def _page_ms(port: int, path: str, session: str = "") -> float:
    samples = []
    headers = {"Cookie": f"sessionid={session}"} if session else {}
    for _ in range(30):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        t0 = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
        samples.append((time.perf_counter() - t0) * 1000)
        conn.close()
    return statistics.median(samples)


def run(quick: bool) -> list[Row]:
    py = _python()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SOCIALPROTOCOL_DATA_DIR": tmp, "SOCIALPROTOCOL_SECRET_KEY": "bench",
               "DJANGO_SETTINGS_MODULE": "socialprotocol.web.settings"}  # fmt: skip
        env.pop("DATABASE_URL", None)
        subprocess.run([py, "-m", "django", "migrate", "-v", "0"], env=env, check=True, cwd=tmp)
        session, key = subprocess.run(
            [py, "-c", "import django; django.setup()\n" + SETUP],
            env={**env, "SOCIALPROTOCOL_ALLOWED_HOSTS": "testserver"}, check=True, cwd=tmp,
            capture_output=True, text=True,
        ).stdout.strip().splitlines()[-2:]  # fmt: skip
        port = _free_port()
        server = subprocess.Popen(
            [py, "-m", "gunicorn", "socialprotocol.web.wsgi:application", "--bind",
             f"127.0.0.1:{port}", "--workers", "2", "--worker-class", "gthread", "--threads", "2",
             "--keep-alive", "5", "--log-level", "warning"],
            env=env, cwd=tmp,
        )  # fmt: skip
        try:
            _wait_up(port, time.monotonic() + 30)
            _load(port, key, 3.0, 400, 4)  # warm up: both workers build their checker
            seconds, cap = (5.0, 5_000) if quick else (15.0, 20_000)
            rps, p50, p99, errors, count = _load(port, key, seconds, cap, 4)
            pages = {path: _page_ms(port, path, session) for path in ("/", "/protocol/")}
            pages["/account/login/"] = _page_ms(port, "/account/login/")
        finally:
            server.terminate()
            server.wait(timeout=15)
    note = f"{count} requests, 4 client threads, gunicorn 2 workers × 2 threads, SQLite"
    return [
        Row("API text check (loopback)", "req/s", round(rps, 1), target=">= 300", note=note),
        Row("API text check (loopback)", "p50 ms", round(p50, 2)),
        Row("API text check (loopback)", "p99 ms", round(p99, 2), target="<= 50"),
        Row("API text check (loopback)", "errors", float(errors), target="<= 0"),
        *(Row(f"page {path} (loopback)", "p50 ms", round(ms, 2), target="<= 200")
          for path, ms in pages.items()),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
