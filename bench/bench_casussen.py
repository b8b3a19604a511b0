# SPDX-License-Identifier: EUPL-1.2
"""Caseload, board and case pages with 100,000 cases: p50/p95 through HTTP, SQLite and PostgreSQL.

    .venv/bin/python bench/bench_casussen.py                       # SQLite (a file in a temp dir)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/run.py casussen
    .venv/bin/python bench/bench_casussen.py --cases 100000 --runs 60 --postgres-url postgres://...

Per engine, in a fresh process: a new database (PostgreSQL: wijkteam_bench_<random>, dropped afterwards) with
40 teams of 15 medewerkers and a team lead, one wijk of 5 buurten each, and N households with one case each
(bulk_create): a fifth open (about 33 per worker, spread over the statuses), the rest closed; per case its
status history (2 rows, 4 when closed), regisseur history (1, a tenth with a handover), plan, 3 contact moments
and 2 tasks (one open, some late); open cases get 2 goals, 2 actions and 2 people in the network, a fifth a
co-worker, a third a set weight (the rest derived from their goals).

Measured through Django's test Client against that database, as a logged-in user past the second factor:
"mijn casussen" (a random medewerker), the team board (a random team lead), the case page and the handover
summary (a random open case, its team lead), the caseload per FTE page (a random team lead). "Cold": a
different user / case each request, no cache between requests (there is none); the first request after
start is printed apart. Each request writes its audit rows, as in production. Target (issue 19 item 8):
p95 < 150 ms.

Measured 2026-12-03 (22:30-22:45), 2-core machine, load average about 1-2 (mypy ran beside the SQLite run),
100,000 cases / 1,333,484 rows, 60 requests per page, cold (no cache), after need to know became IN-subqueries:
    page              SQLite p50 / p95      PostgreSQL p50 / p95    queries (max)
    teambord           44.8 /  54.7 ms       76.8 / 96.9 ms          17
    casuspagina        39.1 /  51.5 ms       60.0 / 86.4 ms          29
    overdracht         22.9 /  31.1 ms       36.9 / 52.2 ms          20
    caseload per fte   23.8 /  33.4 ms       35.0 / 46.4 ms          14
    mijn casussen      26.6 /  35.4 ms       59.1 / 79.2 ms          40
    first request after start: SQLite 151 ms, PostgreSQL 225 ms (imports, template loading).
Before (ORed joins over co-workers, team members and emergency accesses), PostgreSQL p95 was 707 ms on the board.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_P95_MS = 150.0
TEAMS = 40
WORKERS_PER_TEAM = 15
BATCH = 5000


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--postgres-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--only", choices=("sqlite", "postgres"), help="run one engine only")
    parser.add_argument("--child", choices=("sqlite", "postgres"), help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def configure(var_dir: Path, database_url: str | None) -> None:
    os.environ.update(
        WIJKTEAM_VAR_DIR=str(var_dir),
        DATABASE_URL=database_url or f"sqlite:///{var_dir / 'bench.sqlite3'}",
        DJANGO_SETTINGS_MODULE="wijkteam.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        WIJKTEAM_FIELD_KEYS=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        WIJKTEAM_HASH_KEY=secrets.token_urlsafe(32),
        WIJKTEAM_TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
        ALLOWED_HOSTS="testserver",
        WIJKTEAM_SSL_REDIRECT="0",
        # Pages render {% static %}: plain storage, no collectstatic manifest in a throwaway directory.
        WIJKTEAM_MANIFEST_STATIC="0",
        DEBUG="0",
        LOG_LEVEL="WARNING",
    )


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def load(n_cases: int, rng: random.Random) -> dict[str, Any]:
    """Bulk-insert the world; returns the ids the measurements pick from."""
    from django.db import transaction
    from django.utils import timezone

    from wijkteam.accounts.models import Role, Team, User
    from wijkteam.casussen.models import (
        CASUS_OPEN,
        Betrokkene,
        Casus,
        CasusStatus,
        CasusStatusHistorie,
        Contactmoment,
        Gewicht,
        Plan,
        PlanActie,
        PlanDoel,
        RegisseurHistorie,
        Taak,
    )
    from wijkteam.gebieden.models import Buurt, Gemeente, Wijk
    from wijkteam.huishoudens.models import Adres, Huishouden, Persoon

    now = timezone.now()
    today = timezone.localdate()
    open_statuses = [CasusStatus.AANGEMELD, CasusStatus.INTAKE, CasusStatus.PLAN, CasusStatus.UITVOERING,
                     CasusStatus.UITVOERING, CasusStatus.UITVOERING, CasusStatus.AFRONDING]
    with transaction.atomic():
        gemeente = Gemeente.objects.create(code="GM0999", naam="Voorbeeld")
        teams, buurten, workers, leads = [], [], {}, {}
        for t in range(TEAMS):
            wijk = Wijk.objects.create(gemeente=gemeente, code=f"WK0999{t:02d}", naam=f"Wijk {t}")
            team = Team.objects.create(gemeente=gemeente, naam=f"Wijkteam {t}")
            team.wijken.add(wijk)
            buurten.append(Buurt.objects.bulk_create(
                [Buurt(wijk=wijk, code=f"BU0999{t:02d}{b:02d}", naam=f"Buurt {t}-{b}") for b in range(5)]))
            members = User.objects.bulk_create(
                [User(username=f"mw{t}_{w}", first_name=f"Mede{w}", last_name=f"Werker{t}", role=Role.MEDEWERKER)
                 for w in range(WORKERS_PER_TEAM)]
                + [User(username=f"tl{t}", first_name="Team", last_name=f"Leider{t}", role=Role.TEAMLEIDER)])
            team.leden.add(*members)
            workers[team.pk], leads[team.pk] = members[:-1], members[-1]
            teams.append(team)
        adressen = Adres.objects.bulk_create(
            [Adres(postcode=f"{1000 + i // 1000:04d}AB", huisnummer=i % 1000 + 1, straat="Bankstraat",
                   woonplaats="Voorbeeld", buurt=buurten[i % TEAMS][i // TEAMS % 5]) for i in range(n_cases)],
            batch_size=BATCH)
        households = Huishouden.objects.bulk_create([Huishouden(adres=a) for a in adressen], batch_size=BATCH)
        Persoon.objects.bulk_create(
            [Persoon(huishouden=h, voornamen="Sam", achternaam=f"Bakker{i}", geboortedatum=dt.date(1980, 1, 1),
                     telefoon="0612345678") for i, h in enumerate(households)], batch_size=BATCH)
        cases = []
        for i, household in enumerate(households):
            team = teams[i % TEAMS]
            is_open = rng.random() < 0.2
            cases.append(Casus(
                huishouden=household, team=team, regisseur=rng.choice(workers[team.pk]),
                status=rng.choice(open_statuses) if is_open else CasusStatus.AFGESLOTEN,
                gewicht=rng.choice(Gewicht.values) if rng.random() < 0.33 else "",
                geopend=today - dt.timedelta(days=rng.randint(10, 900)),
                gesloten=None if is_open else today - dt.timedelta(days=rng.randint(0, 9)),
                sluitreden="" if is_open else "doelen_bereikt", uitkomst="" if is_open else "bereikt"))
        cases = Casus.objects.bulk_create(cases, batch_size=BATCH)
        plans = Plan.objects.bulk_create([Plan(casus=c, situatie="Schulden en eenzaamheid.",
                                               risicos="Geen bijzonderheden.") for c in cases], batch_size=BATCH)
        history, regie, contacts, tasks, goals, actions, people, co = [], [], [], [], [], [], [], []
        Medewerkers = Casus.medewerkers.through
        for casus, plan in zip(cases, plans, strict=True):
            opened = now - dt.timedelta(days=(today - casus.geopend).days)
            history.append(CasusStatusHistorie(casus=casus, van="", naar=CasusStatus.AANGEMELD, tijdstip=opened,
                                               door=casus.regisseur))
            history.append(CasusStatusHistorie(casus=casus, van=CasusStatus.AANGEMELD, naar=casus.status,
                                               tijdstip=opened + dt.timedelta(days=5), door=casus.regisseur))
            regie.append(RegisseurHistorie(casus=casus, regisseur=casus.regisseur, vanaf=opened, door=casus.regisseur))
            if rng.random() < 0.1:
                regie.append(RegisseurHistorie(casus=casus, regisseur=casus.regisseur, vorige=casus.regisseur,
                                               vanaf=opened + dt.timedelta(days=7), reden="afwezigheid"))
            for k in range(3):
                contacts.append(Contactmoment(casus=casus, soort="telefoon", datum=casus.geopend + dt.timedelta(
                    days=k * 3), door=casus.regisseur, verslag="Gebeld over de voortgang.", aangemaakt=opened))
            tasks.append(Taak(casus=casus, titel="Evaluatie plannen", deadline=today + dt.timedelta(
                days=rng.randint(-10, 20)), toegewezen_aan=casus.regisseur, aangemaakt=opened))
            tasks.append(Taak(casus=casus, titel="Wmo-aanvraag", deadline=today, toegewezen_aan=casus.regisseur,
                              aangemaakt=opened, afgerond=now))
            if casus.status in CASUS_OPEN:
                goals += [PlanDoel(plan=plan, levensdomein=d, doel="Doel") for d in rng.sample(
                    ["LD01", "LD04", "LD05", "LD06", "LD11"], 2)]
                actions += [PlanActie(plan=plan, wie="bewoner", wat="Post openen") for _ in range(2)]
                people += [Betrokkene(plan=plan, soort="familie", naam="Fatima", rol="zus") for _ in range(2)]
                if rng.random() < 0.2:
                    other = rng.choice(workers[casus.team_id])
                    if other.pk != casus.regisseur_id:
                        co.append(Medewerkers(casus_id=casus.pk, user_id=other.pk))
        tables: list[tuple[Any, list[Any]]] = [
            (CasusStatusHistorie, history), (RegisseurHistorie, regie), (Contactmoment, contacts), (Taak, tasks),
            (PlanDoel, goals), (PlanActie, actions), (Betrokkene, people), (Medewerkers, co)]
        for model, rows in tables:
            model.objects.bulk_create(rows, batch_size=BATCH)
    open_ids = list(Casus.objects.filter(status__in=sorted(CASUS_OPEN)).values_list("pk", "team_id"))
    return {"teams": teams, "workers": workers, "leads": leads, "open": open_ids,
            "rows": len(history) + len(regie) + len(contacts) + len(tasks) + len(goals) + len(actions)
            + len(people) + len(co) + 4 * n_cases}


def client_for(user: Any) -> Any:
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    from wijkteam.accounts.services import set_totp_secret

    client = Client(HTTP_USER_AGENT="bench")
    device = user.totpdevice_set.filter(confirmed=True).first()
    if device is None:
        set_totp_secret(user, "3132333435363738393031323334353637383930")
        device = user.totpdevice_set.get(confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def child(engine: str, database_url: str, n_cases: int, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="wijkteam-bench-casussen-") as tmp:
        configure(Path(tmp), database_url or None)
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.urls import reverse

        call_command("migrate", verbosity=0)
        rng = random.Random(19)
        start = time.perf_counter()
        world = load(n_cases, rng)
        print(f"{connection.vendor}: {n_cases:,} cases, {world['rows']:,} rows with histories, contacts and tasks "
              f"in {time.perf_counter() - start:.1f} s; {len(world['open']):,} open", flush=True)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        teams = world["teams"]
        lead_of = {team.pk: world["leads"][team.pk] for team in teams}
        all_workers = [w for ws in world["workers"].values() for w in ws]
        clients: dict[int, Any] = {}

        def logged_in(user: Any) -> Any:
            if user.pk not in clients:
                clients[user.pk] = client_for(user)
            return clients[user.pk]

        def pages() -> list[tuple[str, Any]]:
            case_pk, team_id = rng.choice(world["open"])
            return [
                ("mijn casussen", lambda: logged_in(rng.choice(all_workers)).get(reverse("casussen:mijn_casussen"))),
                ("teambord", lambda: logged_in(lead_of[rng.choice(teams).pk]).get(reverse("casussen:teambord"))),
                ("casuspagina", lambda: logged_in(lead_of[team_id]).get(
                    reverse("casussen:casus_detail", args=[case_pk]))),
                ("overdracht", lambda: logged_in(lead_of[team_id]).get(
                    reverse("casussen:overdracht", args=[case_pk]))),
                ("caseload per fte", lambda: logged_in(lead_of[rng.choice(teams).pk]).get(
                    reverse("casussen:belasting"))),
            ]

        # Log the users in beforehand: a login is not part of a page view.
        for user in rng.sample(all_workers, min(len(all_workers), runs)) + list(lead_of.values()):
            logged_in(user)
        timings: dict[str, list[float]] = {}
        queries: dict[str, int] = {}
        sql_time: dict[str, list[float]] = {}
        cpu: dict[str, list[float]] = {}
        first = True
        for _ in range(runs):
            for label, call in pages():
                with CaptureQueriesContext(connection) as captured:
                    w, c = time.perf_counter(), time.thread_time()
                    response = call()
                    elapsed, cpu_s = time.perf_counter() - w, time.thread_time() - c
                assert response.status_code == 200, (label, response.status_code)
                if first:
                    print(f"  first request after start ({label}): {elapsed * 1000:.1f} ms", flush=True)
                    first = False
                    continue
                timings.setdefault(label, []).append(elapsed)
                cpu.setdefault(label, []).append(cpu_s)
                sql_time.setdefault(label, []).append(sum(float(q["time"]) for q in captured.captured_queries))
                queries[label] = max(queries.get(label, 0), len(captured.captured_queries))
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            for _ in range(5):
                for label, call in pages():
                    if label == os.environ["BENCH_PROFILE"]:
                        profiler.runcall(call)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        for label, values in timings.items():
            p50, p95 = pct(values, 50) * 1000, pct(values, 95) * 1000
            verdict = "OK" if p95 < TARGET_P95_MS else f"OVER the {TARGET_P95_MS:.0f} ms target"
            print(f"  {label:<18} n={len(values)} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  mean "
                  f"{statistics.mean(values) * 1000:6.1f} ms (SQL p50 {pct(sql_time[label], 50) * 1000:5.1f} ms; "
                  f"CPU of this process p50 {pct(cpu[label], 50) * 1000:5.1f} ms, "
                  f"p95 {pct(cpu[label], 95) * 1000:5.1f} ms)  "
                  f"max {queries[label]} queries -> {verdict}", flush=True)


def fresh_postgres(admin_url: str) -> tuple[str, Any]:
    """A new database wijkteam_bench_<random> on the server of `admin_url`, and its drop function."""
    import urllib.parse

    import psycopg

    parsed = urllib.parse.urlsplit(admin_url)
    name = f"wijkteam_bench_{secrets.token_hex(4)}"
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return parsed._replace(path=f"/{name}").geturl(), drop


def main() -> None:
    args = parse_args(sys.argv[1:])
    if args.child:
        child(args.child, args.database_url, args.cases, args.runs)
        return
    engines: list[tuple[str, str]] = [("sqlite", "")]
    if args.postgres_url.startswith(("postgres://", "postgresql://")):
        engines.append(("postgres", args.postgres_url))
    else:
        print("PostgreSQL: skipped (no postgres:// URL in --postgres-url or DATABASE_URL)")
    if args.only:
        engines = [(engine, url) for engine, url in engines if engine == args.only]
    failures = 0
    for engine, admin_url in engines:
        drop = None
        url = ""
        if engine == "postgres":
            url, drop = fresh_postgres(admin_url)
        try:
            command = [sys.executable, str(Path(__file__).resolve()), "--child", engine, "--database-url", url,
                       "--cases", str(args.cases), "--runs", str(args.runs)]
            env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
            failures += subprocess.run(command, cwd=ROOT, env=env, check=False).returncode != 0
        finally:
            if drop is not None:
                drop()
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
