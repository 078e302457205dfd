"""Run the web app on loopback for a test, and talk to it with bounded requests."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REQUEST_TIMEOUT = 60.0
SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


def seed_documents() -> list[tuple[str, str]]:
    """The shared sample corpus as (file name, text) pairs, or skip when it is not beside us."""
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seeds are not at {SEEDS}")
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def require_pipeline(name: str) -> Any:
    """The pipeline entry point `name` of veracity, or skip until the pipeline is merged in."""
    import veracity

    function = getattr(veracity, name, None)
    if function is None:
        pytest.skip(f"veracity.{name} is not in this tree yet (the pipeline branch provides it)")
    return function


@contextmanager
def running_server(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on 127.0.0.1 at a free port; yields its base URL."""
    uvicorn = pytest.importorskip("uvicorn")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
        sock.close()


def request(
    method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    call = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(call, timeout=REQUEST_TIMEOUT) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
            return response.status, headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def post_json(url: str, payload: Any) -> tuple[int, Any]:
    status, _, body = request("POST", url, body=json.dumps(payload).encode(),
                              headers={"Content-Type": "application/json"})
    return status, json.loads(body)


def get_json(url: str) -> tuple[int, Any]:
    status, _, body = request("GET", url)
    return status, json.loads(body)


def multipart(
    files: Sequence[tuple[str, bytes]], fields: Sequence[tuple[str, str]] = ()
) -> tuple[bytes, str]:
    """A multipart/form-data body with `files` under "files" and plain `fields`."""
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, data in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="{name}"\r\nContent-Type: text/plain\r\n\r\n'.encode() + data + b"\r\n")
    for key, value in fields:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
                     f"{value}\r\n".encode())
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
