"""Times Suspects and Top senders pages of a running Quench (see bench/pages.sh)."""
import http.cookiejar
import os
import re
import sys
import time
import urllib.parse
import urllib.request

base, user, password = sys.argv[1:4]
runs = int(os.environ.get("RUNS", "50"))
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')


def get(path, htmx=False):
    request = urllib.request.Request(base + path)
    if htmx:
        request.add_header("HX-Request", "true")
    started = time.perf_counter()
    with opener.open(request, timeout=600) as response:
        body = response.read().decode("utf-8")
    return (time.perf_counter() - started) * 1000, body


def post(path, form):
    data = urllib.parse.urlencode(form).encode()
    started = time.perf_counter()
    with opener.open(urllib.request.Request(base + path, data=data), timeout=600) as response:
        body = response.read().decode("utf-8")
    return (time.perf_counter() - started) * 1000, body


def csrf(body):
    return CSRF.search(body).group(1)


_, page = get("/login")
_, home = post("/login", {"username": user, "password": password, "_csrf": csrf(page)})
if "Log out" not in home:
    sys.exit("login failed")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1)]


# Since the evidence is collected in the background, a page asked while the first collection runs
# answers at once with "Collecting evidence" and polls. "ready" is the time from the first request
# until a page holds the ranking (it includes the collection still running from start-up), "first" the
# first answer itself.
started = time.perf_counter()
first_suspects, body = get("/suspects")
while "Collecting evidence" in body:
    time.sleep(0.5)
    _, body = get("/suspects", True)
print("/suspects  first answer %.1f ms, ranking ready after %.1f ms" % (
    first_suspects, (time.perf_counter() - started) * 1000))

targets = [("/suspects", False), ("/suspects", True), ("/senders", False), ("/senders", True)]
for path, htmx in targets:
    cold, body = get(path, htmx)
    for _ in range(5):
        get(path, htmx)
    times = [get(path, htmx)[0] for _ in range(runs)]
    print("%-10s %-8s first %8.1f ms | %d runs: p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d bytes)" % (
        path, "htmx" if htmx else "page", cold, runs, percentile(times, 50), percentile(times, 95), max(times),
        len(body)))

_, settings = get("/settings/ranking")
token = csrf(settings)
took, _ = post("/settings/ranking", {"human-logins-per-minute": "9", "_csrf": token})
next_suspects, body = get("/suspects")
print("threshold change: POST %.1f ms (incl. redirect), next /suspects %.1f ms" % (took, next_suspects))
_, settings = get("/settings/ranking")
took, _ = post("/settings/ranking/reset", {"threshold": "human-logins-per-minute", "_csrf": csrf(settings)})
after_reset, _ = get("/suspects")
print("threshold reset: POST %.1f ms (incl. redirect), next /suspects %.1f ms" % (took, after_reset))

# The other review pages (issue 4 asks them to be fast too): fewer runs, same statistics. The account
# page is that of the top suspect.
top = re.search(r'href="/accounts/([^"?]+)"', get("/suspects")[1])
others = ["/queues", "/logins", "/logins/ips"] + (["/accounts/" + top.group(1)] if top else [])
other_runs = int(os.environ.get("OTHER_RUNS", "10"))
for path in others:
    cold, body = get(path)
    times = [get(path)[0] for _ in range(other_runs)]
    print("%-24s first %8.1f ms | %d runs: p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d bytes)" % (
        path, cold, other_runs, percentile(times, 50), percentile(times, 95), max(times), len(body)))

