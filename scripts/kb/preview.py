"""`make preview`: the built site served by Debian's nginx with deploy/nginx.conf, as in production.

The same wrapping is used by tests/deploy/test_nginx.py, so what an editor
previews (gzip, per-language 404 pages, CSP and other headers) is what the
tests check. Only the lines a deployer changes are substituted: `listen`
(127.0.0.1 and a port) and `root` (the built site); logs, pid and temp files go
to a private folder, so no root rights are needed.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kb.findings import KbError
from kb.project import ROOT

CONFIG = ROOT / "deploy" / "nginx.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")

MAIN = """\
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
{user}
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    # If the site's `access_log off` were missing, requests would land here.
    access_log {prefix}/access.log;
    include {prefix}/kb.conf;
}}
"""


def nginx_binary() -> str:
    return shutil.which("nginx") or "/usr/sbin/nginx"


def site_config(port: int, site: Path, config: Path = CONFIG) -> str:
    """deploy/nginx.conf with the deployer's lines pointed at 127.0.0.1:`port` and `site`."""
    text = config.read_text(encoding="utf-8")
    substitutions = [(r"^    listen 80;$", f"    listen 127.0.0.1:{port};"),
                     (r"^    listen \[::\]:80;$", ""),
                     (r"^    root /srv/kb/site;$", f"    root {site};")]
    for pattern, replacement in substitutions:
        text, count = re.subn(pattern, replacement, text, flags=re.M)
        if count != 1:
            raise KbError(f"no longer has exactly one line matching {pattern}", config,
                          hint="keep the deployer's `listen` and `root` lines as README describes them")
    return text


def write_config(prefix: Path, port: int, site: Path) -> Path:
    """Write the main configuration and the site's into `prefix`; returns the main file."""
    (prefix / "kb.conf").write_text(site_config(port, site), encoding="utf-8")
    # As root, nginx's workers switch to `nobody`, who may not read private folders.
    user = "user root;" if os.geteuid() == 0 else ""
    main = prefix / "nginx.conf"
    main.write_text(MAIN.format(prefix=prefix, user=user, mime_types=MIME_TYPES), encoding="utf-8")
    return main


def command(prefix: Path, main: Path) -> list[str]:
    return [nginx_binary(), "-p", str(prefix), "-c", str(main), "-e", str(prefix / "error.log"), "-g", "daemon off;"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise KbError(f"nginx did not start: {process.communicate()[1]}") from None
            time.sleep(0.05)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kb.preview", description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built site (default: site)")
    parser.add_argument("--port", type=int, default=8000)
    options = parser.parse_args(argv)
    site = options.site.resolve()
    if not (site / "index.html").is_file():
        print(f"error: {options.site}: no built site here; run `make build` first", file=sys.stderr)
        return 2
    if not Path(nginx_binary()).exists():
        print("error: nginx is not installed; `make setup-test` installs it", file=sys.stderr)
        return 3
    with tempfile.TemporaryDirectory(prefix="kb-preview-") as prefix_name:
        prefix = Path(prefix_name)
        try:
            main_config = write_config(prefix, options.port, site)
            process = subprocess.Popen(command(prefix, main_config), stderr=subprocess.PIPE, text=True)
            wait_for(options.port, process)
        except KbError as error:
            print(f"error: {error}", file=sys.stderr)
            return 3
        print(f"Production-like preview of {options.site}/ with deploy/nginx.conf on "
              f"http://127.0.0.1:{options.port}/ (Ctrl-C stops)")
        try:
            process.wait()
        except KeyboardInterrupt:
            process.terminate()
            process.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
