"""A PostgreSQL server of a test's own, in a temporary directory, that the test may crash
without touching the server other tests share."""

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from commentdesk.comments.tests.web import free_port


def postgres_bin() -> Path | None:
    """The directory with initdb and pg_ctl: on PATH, or Debian's newest /usr/lib/postgresql/N."""
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


class PrivateCluster:
    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.dir = Path(tempfile.mkdtemp(prefix="commentdesk-postgres-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            shutil.chown(self.dir, "postgres", "postgres")
        self._pg("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "--no-sync")

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.dir}"
        self._pg("pg_ctl", "start", "-D", self.data, "-l", self.dir / "server.log", "-w", "-o", options)

    def crash(self):
        """Stop at once, as a crash or a pulled plug would: no checkpoint, recovery at start."""
        self._pg("pg_ctl", "stop", "-D", self.data, "-m", "immediate")

    def remove(self):
        subprocess.run(
            self._command("pg_ctl", "stop", "-D", self.data, "-m", "immediate"),
            cwd=self.dir, capture_output=True,
        )
        shutil.rmtree(self.dir, ignore_errors=True)

    def _pg(self, program, *arguments):
        subprocess.run(
            self._command(program, *arguments), cwd=self.dir, check=True, capture_output=True, timeout=120
        )

    def _command(self, program, *arguments):
        command = [str(self.bin_dir / program), *map(str, arguments)]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return command
