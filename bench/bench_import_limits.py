# SPDX-License-Identifier: EUPL-1.2
"""Peak memory and time of an HSDS import against the limits of issue 15 (item 8).

    .venv/bin/python bench/run.py import_limits
    .venv/bin/python bench/run.py import_limits -- --bomb-mb 250 --rows 100000

Two uploads, each imported in a fresh Python process through `hsds_io.services.import_bytes` (the
function behind the beheerder's page) on a migrated throwaway SQLite database; the child reports its
peak resident memory (`resource.getrusage(RUSAGE_SELF).ru_maxrss`) after `django.setup()` and after
the import:

- the zip bomb of the issue: a zip of under 1 MB holding a services.csv of `--bomb-mb` MB (250 MB,
  some 2.7 million rows): refused from the zip directory, nothing unpacked;
- a big valid package within the limits: one organisation and `--rows` services (imported in full).
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORG_ID = "6f1c2f0e-0c1a-4a7e-9a51-1f0d7b0c0001"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bomb-mb", type=int, default=250)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--child", nargs=2, metavar=("UPLOAD", "DATABASE"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def configure(database: Path) -> None:
    os.environ.update(
        WIJKTEAM_VAR_DIR=str(database.parent),
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_SETTINGS_MODULE="wijkteam.settings",
        SECRET_KEY=os.environ.get("BENCH_SECRET_KEY", secrets.token_urlsafe(50)),
        WIJKTEAM_FIELD_KEYS=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        WIJKTEAM_HASH_KEY=secrets.token_urlsafe(32),
        WIJKTEAM_TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
        ALLOWED_HOSTS="testserver",
        WIJKTEAM_SSL_REDIRECT="0",
        DEBUG="0",
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(ROOT))


def peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def child(upload: Path, database: Path) -> None:
    configure(database)
    import django

    django.setup()
    from wijkteam.sociale_kaart.hsds_io.services import import_bytes

    before = peak_mb()
    data = upload.read_bytes()
    started = time.monotonic()
    result = import_bytes(data, upload.name)
    seconds = time.monotonic() - started
    first_error = str(result.errors[0])[:110] if result.errors else ""
    print(json.dumps({"setup_mb": before, "peak_mb": peak_mb(), "seconds": seconds, "rows": result.rows,
                      "errors": len(result.errors), "first_error": first_error}))


def services_csv(rows: int) -> bytes:
    lines = ["id,organization_id,name,status,description,assured_date"]
    lines += [f"6f1c2f0e-0c1a-4a7e-9a51-{n:012d},{ORG_ID},Dienst {n},active,Hulp in de buurt {n}.,2026-10-01"
              for n in range(rows)]
    return ("\r\n".join(lines) + "\r\n").encode()


def organizations_csv() -> bytes:
    return f"id,name,description\r\n{ORG_ID},Stichting Buurtwerk,Welzijnswerk.\r\n".encode()


def bomb(path: Path, megabytes: int) -> None:
    row = f"6f1c2f0e-0c1a-4a7e-9a51-1f0d7b0c0101,{ORG_ID},Taalcafe,active,x,2026-10-01\r\n".encode()
    block = row * 10_000
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("organizations.csv", organizations_csv())
        with archive.open("services.csv", "w", force_zip64=True) as fh:
            fh.write(b"id,organization_id,name,status,description,assured_date\r\n")
            for _ in range(megabytes * 1024 * 1024 // len(block) + 1):
                fh.write(block)


def package(path: Path, rows: int) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("organizations.csv", organizations_csv())
        archive.writestr("services.csv", services_csv(rows))
    path.write_bytes(buffer.getvalue())


def run_child(upload: Path, template: Path, work: Path) -> dict[str, object]:
    database = work / f"{upload.stem}.sqlite3"
    shutil.copy(template, database)
    env = {**os.environ, "BENCH_SECRET_KEY": secrets.token_urlsafe(50)}
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(upload), str(database)],
        capture_output=True, text=True, check=True, env=env,
    ).stdout
    database.unlink()
    return dict(json.loads(out.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        work = Path(tmp)
        template = work / "template.sqlite3"
        configure(template)
        subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "--verbosity", "0"],
                       check=True, env={**os.environ, "SECRET_KEY": secrets.token_urlsafe(50)})
        uploads = {"bomb": work / "bomb.zip", "package": work / "package.zip"}
        bomb(uploads["bomb"], args.bomb_mb)
        package(uploads["package"], args.rows)
        print(f"{'upload':<44} {'zip MB':>7} {'s':>6} {'rows':>8} {'RSS after setup':>16} {'peak RSS':>9}")
        labels = {
            "bomb": f"zip bomb: {args.bomb_mb} MB services.csv",
            "package": f"valid package: {args.rows:,} services",
        }
        for name, upload in uploads.items():
            figures = run_child(upload, template, work)
            print(f"{labels[name]:<44} {upload.stat().st_size / 1e6:>7.2f} {figures['seconds']:>6.1f} "
                  f"{figures['rows']:>8,} {figures['setup_mb']:>13.0f} MB {figures['peak_mb']:>6.0f} MB")
            if figures["first_error"]:
                print(f"    {figures['errors']} error(s), first: {figures['first_error']}")


if __name__ == "__main__":
    main()
