# SPDX-License-Identifier: EUPL-1.2
"""gunicorn settings for production: `.venv/bin/gunicorn -c gunicorn.conf.py wijkteam.wsgi`.

Override per deployment with WEB_CONCURRENCY, WIJKTEAM_BIND or gunicorn's own GUNICORN_CMD_ARGS.
The search benchmark (bench/bench_search_performance.py) serves with this file.
"""

import multiprocessing
import os

bind = os.environ.get("WIJKTEAM_BIND", "0.0.0.0:8000")
# Processes run Python in parallel (threads in one process share the GIL): two per core plus one
# that covers the moments a worker waits on the database or a slow client.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
# gthread keeps connections alive (a page and its htmx requests, a proxy's upstream pool) instead
# of a new TCP connection per request, and a slow client does not hold a whole process.
worker_class = "gthread"
threads = int(os.environ.get("WIJKTEAM_THREADS", 2))
keepalive = 5
# Import the application once before forking: quicker start, memory shared copy-on-write.
preload_app = True
# The access log names the path without the query string and without the visitor's address: the
# public search box (?q=schulden ...) says a lot about a resident.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
