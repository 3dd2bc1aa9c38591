"""An independent attacker. Builds sites with `portal` from generated releases —
deliberately small groups included — reads only what a site publishes
(data/outcomes.json, the outcome pages, outcomes.csv) and tries, with its own solver
(scipy's linprog, HiGHS: not the generator's GLPK), to narrow what was withheld:

- no published count, cohort or tier group describes 1 to k−1 assessments;
- no group is shown to lie in one value by a withheld cell beside zeros;
- every withheld count's feasible interval, given every published figure of this
  release and of the one before, is at least k−1 wide;
- two consecutive releases (one assessment added, then k) reveal nothing by difference.
"""
import csv
import io
import json
import pathlib
import re
import shutil
import subprocess
import tempfile

import numpy as np
import pytest
from scipy.optimize import linprog

from conftest import PORTAL, REPO

KEY = "8e2c4a6f0b1d3e5a7c9f2b4d6e8a0c1f"
WIDTH_SLACK = 1e-6


# MARK: Building releases


def synth(count: int, seed: int) -> list[list[str]]:
    folder = pathlib.Path(tempfile.mkdtemp(prefix="attack-synth-"))
    subprocess.run([PORTAL, "synth", "--assessments", str(count), "--seed", str(seed), "--output", str(folder / "a.csv"),
                    "--content", str(REPO / "Content")], check=True, capture_output=True)
    text = (folder / "a.csv").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


def credit_code(number: int) -> str:
    """A well-formed unified social credit code (GB 32100 check characters)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91150200" + "%09d" % number
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(alphabet.index(c) * w for c, w in zip(body, weights))
    return body + alphabet[(31 - total % 31) % 31]


def twin(row: list[str], number: int, header: list[str], **changes) -> list[str]:
    """Another enterprise with the same answers (so the same cohort), or changed ones."""
    copy = list(row)
    copy[header.index("enterprise")] = f"攻击测试企业{number}有限公司（合成）"
    copy[header.index("credit_code")] = credit_code(number)
    for column, value in changes.items():
        copy[header.index(column)] = value
    return copy


class Site:
    """A content folder of its own (so the release ledger is this series'), built on demand."""

    def __init__(self):
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="attack-site-"))
        shutil.copytree(REPO / "Content", self.root / "Content", ignore=shutil.ignore_patterns("assessments"))
        (self.root / "Content" / "assessments").mkdir()
        (self.root / "key").write_text(KEY, encoding="utf-8")
        self.builds = 0

    def build(self, rows: list[list[str]]) -> pathlib.Path:
        data = self.root / "Content" / "assessments" / "assessments.csv"
        with data.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        self.builds += 1
        output = self.root / f"Public{self.builds}"
        result = subprocess.run([PORTAL, "build", "--content", str(self.root / "Content"), "--templates", str(REPO / "Templates"),
                                 "--output", str(output), "--anon-key-file", str(self.root / "key"), "--search", "off"],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return output


def published(site: pathlib.Path) -> dict:
    return json.loads((site / "data" / "outcomes.json").read_text(encoding="utf-8"))


# MARK: What the attacker reads


def rows_of(data: dict) -> dict[str, list[str]]:
    """Each published row (total, tier group, cohort) → the cohorts it sums."""
    cohorts = data["cohorts"]
    rows = {"total": [c["key"] for c in cohorts]}
    for group in data["tier_groups"]:
        rows["group:" + group["key"]] = [c["key"] for c in cohorts if c["tier_group"] == group["key"]]
    for cohort in cohorts:
        rows["cohort:" + cohort["key"]] = [cohort["key"]]
    return rows


def intervals(releases: list[dict]) -> list[tuple[str, float, float, float]]:
    """For every withheld count of every release: (what, truth unknown so NaN, min, max)
    over all tables consistent with every published figure of all the releases.

    Unknowns: for each attribute, each cohort of the latest release split by the release
    that first showed its members (a cohort only grows), × each value. The attacker knows
    every cohort's size in every release (they are published)."""
    results = []
    latest = releases[-1]
    for attribute, body in latest["attributes"].items():
        values = [v["key"] for v in body["values"]]
        undefined = {v["key"] for v in body["values"] if v["undefined"]}
        # Parts: (cohort, release index where the part first appears) with its size.
        parts = []
        for cohort in latest["cohorts"]:
            previous = 0
            for index, release in enumerate(releases):
                size = next((c["records"] for c in release["cohorts"] if c["key"] == cohort["key"]), 0)
                if size > previous:
                    parts.append((cohort["key"], index, size - previous))
                    previous = size
        var = {(p[0], p[1], v): i for i, (p, v) in enumerate((p, v) for p in parts for v in values)}
        n = len(var)
        bounds = [(0, 0) if v in undefined else (0, p[2]) for p in parts for v in values]
        equalities, targets = [], []

        def row_vector(cohorts: list[str], value: str, through: int) -> np.ndarray:
            vector = np.zeros(n)
            for cohort, index, _size in parts:
                if cohort in cohorts and index <= through:
                    vector[var[(cohort, index, value)]] = 1
            return vector

        for part in parts:
            vector = np.zeros(n)
            for v in values:
                vector[var[(part[0], part[1], v)]] = 1
            equalities.append((vector, part[2]))
        withheld = []
        for index, release in enumerate(releases):
            counts = release["attributes"].get(attribute, {}).get("counts", {})
            rows = rows_of(release)
            for row, cells in counts.items():
                for value, count in cells.items():
                    if value not in values:
                        continue
                    vector = row_vector(rows[row], value, index)
                    if count is None:
                        withheld.append((f"release {index + 1} {attribute} {row} {value}", vector))
                    else:
                        equalities.append((vector, count))
        a_eq = np.array([e[0] for e in equalities])
        b_eq = np.array([e[1] for e in equalities], dtype=float)
        for name, vector in withheld:
            low = linprog(vector, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
            high = linprog(-vector, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
            assert low.status == 0 and high.status == 0, f"{name}: the published figures are inconsistent"
            results.append((name, float("nan"), low.fun, -high.fun))
    return results


def check_release(site: pathlib.Path, earlier: list[dict] = ()) -> dict:
    data = published(site)
    k = data["k"]
    assert k >= 3
    # Cohorts and tier groups: at least k, or nothing.
    assert all(c["records"] >= k for c in data["cohorts"]), "a cohort of fewer than k"
    assert all(g["records"] == 0 or g["records"] >= k for g in data["tier_groups"])
    for attribute, body in data["attributes"].items():
        for row, cells in body["counts"].items():
            published_counts = [c for c in cells.values() if c is not None]
            assert all(c == 0 or c >= k for c in published_counts), f"{attribute} {row}: a count below k"
            non_zero = [c for c in cells.values() if c != 0]
            assert not (len(non_zero) == 1 and non_zero[0] is None), f"{attribute} {row}: a group shown to lie in one value"
            for value, count in cells.items():
                reason = body.get("withheld", {}).get(row, {}).get(value)
                assert (count is None) == (reason is not None), f"{attribute} {row} {value}: unlabelled"
    # A value readers can tell enterprises by (a city, a year, a declared tier) held by
    # fewer than k is a small group: none of its cells may show where it lies.
    for attribute in ("declared", "region", "sector", "year", "maturity"):
        body = data["attributes"].get(attribute)
        if not body:
            continue
        for value, total in body["counts"]["total"].items():
            if body.get("withheld", {}).get("total", {}).get(value) == "fewer_than_k":
                sizes = {"group:" + g["key"]: g["records"] for g in data["tier_groups"]}
                for row, cells in body["counts"].items():
                    if row.startswith("group:") and sizes[row] > 0:
                        assert cells[value] is None, f"{attribute} {value}: a group of fewer than k shown in {row}: {cells[value]}"
    # The pages and the CSV say the same: every count on an outcome page is 0, ≥ k, or marked.
    for page in (site / "outcomes").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for cell in re.findall(r"<td[^>]*>([^<]*)", html):
            text = cell.strip()
            if text.isdigit():
                assert int(text) == 0 or int(text) >= k, f"{page}: a count of {text}"
    with (site / "data" / "outcomes.csv").open(encoding="utf-8-sig") as handle:
        for line in csv.DictReader(handle):
            if line["count"]:
                assert int(line["count"]) == 0 or int(line["count"]) >= k
            assert (line["count"] == "") == (line["status"] != "published")
    # The LP attack on every withheld count, with the earlier releases.
    narrow = [(name, low, high) for name, _, low, high in intervals(list(earlier) + [data]) if high - low < k - 1 - WIDTH_SLACK]
    assert narrow == [], f"withheld counts narrowed below k−1: {narrow[:5]}"
    return data


def differences(first: dict, second: dict) -> list[str]:
    """Published counts that changed by 1 to k−1 between two releases."""
    k = second["k"]
    changed = []
    for attribute, body in second["attributes"].items():
        before = first["attributes"].get(attribute, {}).get("counts", {})
        for row, cells in body["counts"].items():
            for value, count in cells.items():
                old = before.get(row, {}).get(value)
                if count is not None and old is not None and 0 < abs(count - old) < k:
                    changed.append(f"{attribute} {row} {value}: {old} → {count}")
    return changed


# MARK: The attacks


@pytest.fixture(scope="module")
def base():
    rows = synth(160, 31)
    return rows[0], rows[1:]


def test_small_groups_are_never_described(base):
    header, rows = base
    rows = list(rows)
    # A lone year, three enterprises in a city of their own, a very advanced single one.
    rows.append(twin(rows[0], 1, header, year="2024"))
    rows += [twin(rows[i], 10 + i, header, region="阿拉善盟") for i in range(1, 4)]
    best = max(rows, key=lambda r: sum(1 for c in r[header.index("s01"):] if c == "leading"))
    rows.append(twin(best, 20, header, maturity="5"))
    site = Site()
    data = check_release(site.build([header] + rows))
    assert data["records"] == len(rows)


def test_one_more_assessment_reveals_nothing_by_difference(base):
    header, rows = base
    site = Site()
    first = check_release(site.build([header] + rows))
    second = check_release(site.build([header] + rows + [twin(rows[5], 100, header)]), earlier=[first])
    assert differences(first, second) == []
    # k more in the same cohort: a new release, audited with the first.
    k = first["k"]
    grown = rows + [twin(rows[5], 100 + i, header) for i in range(k)]
    third = check_release(site.build([header] + grown), earlier=[first])
    assert third["records"] == len(grown)
    assert differences(first, third) == []


def test_the_attacker_catches_a_release_that_forgets_its_history(base):
    """The attack itself works: two releases built without a shared ledger (as a build
    that forgot the earlier release would publish them) are caught by difference."""
    header, rows = base
    first = check_release(Site().build([header] + rows))
    second = published(Site().build([header] + rows + [twin(rows[5], 300, header)]))
    narrow = [x for x in intervals([first, second]) if x[3] - x[2] < first["k"] - 1 - WIDTH_SLACK]
    assert differences(first, second) or narrow
