"""The independent attacker (attacker.py: HiGHS, not the generator's GLPK) against sites
built with `portal` from generated releases — small groups, tiny and one-sector data,
k = 3, a series of three releases — reading only what each site publishes; and the
utility the protection must leave: every province-wide figure ≥ k published, at most a
quarter of any row withheld, at most 15 % of all figures.
"""
import csv
import io
import json
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest

from attacker import Attack
from conftest import PORTAL, REPO

KEY = "8e2c4a6f0b1d3e5a7c9f2b4d6e8a0c1f"


# MARK: Building releases


def synth(count: int, seed: int) -> list[list[str]]:
    folder = pathlib.Path(tempfile.mkdtemp(prefix="attack-synth-"))
    subprocess.run([PORTAL, "synth", "--assessments", str(count), "--seed", str(seed), "--output", str(folder / "a.csv"),
                    "--content", str(REPO / "Content")], check=True, capture_output=True)
    text = (folder / "a.csv").read_text(encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
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

    def __init__(self, k: int | None = None):
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="attack-site-"))
        shutil.copytree(REPO / "Content", self.root / "Content", ignore=shutil.ignore_patterns("assessments"))
        (self.root / "Content" / "assessments").mkdir()
        (self.root / "key").write_text(KEY, encoding="utf-8")
        if k is not None:
            config = self.root / "Content" / "site.yaml"
            config.write_text(re.sub(r"k_anonymity: \d+", f"k_anonymity: {k}", config.read_text(encoding="utf-8")), encoding="utf-8")
        self.builds = 0

    def build(self, rows: list[list[str]], output: pathlib.Path | None = None) -> pathlib.Path:
        data = self.root / "Content" / "assessments" / "assessments.csv"
        with data.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        self.builds += 1
        output = output or self.root / f"Public{self.builds}"
        result = subprocess.run([PORTAL, "build", "--content", str(self.root / "Content"), "--templates", str(REPO / "Templates"),
                                 "--output", str(output), "--anon-key-file", str(self.root / "key"), "--search", "off"],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return output

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


def published(site: pathlib.Path) -> dict:
    return json.loads((site / "data" / "outcomes.json").read_text(encoding="utf-8"))


def attack(*sites: pathlib.Path, joint: bool = True) -> list[str]:
    """What the attacker learns from these releases (in order), read from the sites."""
    rules = json.loads((sites[-1] / "data" / "rules.json").read_text(encoding="utf-8"))
    return Attack([published(site) for site in sites], rules).run(joint=joint)


# MARK: What every release must show and hide


def check_release(site: pathlib.Path, *earlier: pathlib.Path, joint: bool = True) -> dict:
    data = published(site)
    k = data["k"]
    assert k >= 3
    assert data["marks"] == {"fewer_than_k": {"lower": 1, "upper": k - 1}, "protects_another": {"lower": k, "upper": None}}
    assert all(c["records"] >= k for c in data["cohorts"]), "a cohort of fewer than k"
    assert all(g["records"] == 0 or g["records"] >= k for g in data["tier_groups"])
    for attribute, body in data["attributes"].items():
        for row, cells in body["counts"].items():
            assert all(c == 0 or c >= k for c in cells.values() if c is not None), f"{attribute} {row}: a count below k"
            reasons = body.get("withheld", {}).get(row, {})
            for key, count in cells.items():
                assert (count is None) == (key in reasons), f"{attribute} {row} {key}: unlabelled"
            # The province-wide row never gives up a figure: at most a "<k" inside a bin.
            if row == "total":
                assert all(reason == "fewer_than_k" and key in body.get("within", {}).get("total", {})
                           for key, reason in reasons.items()), f"{attribute}: a province-wide figure withheld"
    check_pages(site, k)
    findings = attack(*earlier, site, joint=joint)
    assert findings == [], f"the attacker learned: {findings[:5]}"
    return data


def check_pages(site: pathlib.Path, k: int):
    """Every count on an outcome page, in a cell or a tooltip, is 0, at least k, or a mark;
    the CSV says what the JSON says."""
    for page in (site / "outcomes").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for cell in re.findall(r"<td[^>]*>([^<]*)", html):
            text = cell.strip()
            if text.isdigit():
                assert int(text) == 0 or int(text) >= k, f"{page}: a count of {text}"
        for title in re.findall(r'title="([^"]*)"', html) + re.findall(r"<title>([^<]*)</title>", html):
            for number in re.findall(r"[：:]\s*(\d+)(?!\s*[%.\d])", title):
                assert int(number) == 0 or int(number) >= k, f"{page}: a tooltip says {number}: {title}"
    data = published(site)
    with (site / "data" / "outcomes.csv").open(encoding="utf-8-sig") as handle:
        for line in csv.DictReader(handle):
            assert data["attributes"][line["attribute"]]["counts"][line["group"]][line["value"]] == (int(line["count"]) if line["count"] else None)
            assert (line["count"] == "") == (line["status"] != "published")
            if line["status"] == "fewer_than_k":
                assert (line["lower"], line["upper"]) == ("1", str(k - 1))


def shares(site: pathlib.Path) -> dict:
    """Withheld figures overall, province-wide, and in the worst row; and how many tier
    group and cohort rows are split at all (a row the data cannot carry says nothing)."""
    data = published(site)
    total = withheld = province = province_withheld = 0
    worst = 0.0
    split = {"group": [0, 0], "cohort": [0, 0]}
    for body in data["attributes"].values():
        for row, bins in body["forms"].items():
            level = row.split(":")[0]
            if level in split:
                split[level][0] += len(bins) > 0
                split[level][1] += 1
        for row, cells in body["counts"].items():
            held = sum(1 for c in cells.values() if c is None)
            total += len(cells)
            withheld += held
            if row == "total":
                province += len(cells)
                province_withheld += sum(1 for key, reason in body.get("withheld", {}).get("total", {}).items() if reason == "protects_another")
            if cells:
                worst = max(worst, held / len(cells))
    return {"figures": total, "withheld": withheld / max(total, 1), "province_x": province_withheld, "worst_row": worst,
            "groups_split": split["group"][0] / max(split["group"][1], 1), "cohorts_split": split["cohort"][0] / max(split["cohort"][1], 1)}


def assert_useful(site: pathlib.Path):
    """What the pages must say: every province-wide figure of k or more, at most 15 % of
    all figures withheld and a quarter of any row, and (tables not simply dropped) nearly
    every tier group's row and most cohort rows split."""
    figures = shares(site)
    assert figures["province_x"] == 0, figures
    assert figures["withheld"] <= 0.15, figures
    assert figures["worst_row"] <= 0.25, figures
    assert figures["groups_split"] >= 0.9, figures
    assert figures["cohorts_split"] >= 0.4, figures


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
    site.remove()


def test_a_larger_generated_release_says_something():
    """520 generated assessments (another seed and size than the shipped 300; 24 cohorts:
    the rules' joint model is left to the smaller sites, where it takes seconds, not a
    minute)."""
    header, *rows = synth(520, 77)
    site = Site()
    built = site.build([header] + rows)
    assert_useful(built)
    check_release(built, joint=False)
    site.remove()


@pytest.mark.parametrize("case", ["twelve records", "one sector", "k = 3"])
def test_thin_data_is_safe(base, case):
    header, rows = base
    k = None
    if case == "twelve records":
        rows = rows[:12]
    elif case == "one sector":
        rows = [twin(row, 500 + i, header, industry="煤炭开采和洗选业") for i, row in enumerate(rows[:80])]
    else:
        k = 3
    site = Site(k=k)
    check_release(site.build([header] + rows))
    site.remove()


def differences(first: dict, second: dict) -> list[str]:
    """Published counts that moved by 1 to k−1 between two releases."""
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


def test_a_series_of_releases_reveals_nothing_by_difference(base):
    header, rows = base
    site = Site()
    first_site = site.build([header] + rows)
    first = check_release(first_site)
    # One more: held back, nothing moves.
    held = site.build([header] + rows + [twin(rows[5], 100, header)])
    assert published(held)["records"] == len(rows)
    assert differences(first, published(held)) == []
    # k more in that cohort: a second release, audited with the first.
    k = first["k"]
    grown = rows + [twin(rows[5], 100 + i, header) for i in range(k)]
    second_site = site.build([header] + grown)
    second = check_release(second_site, first_site)
    assert second["release"] == 2 and second["records"] == len(grown)
    assert differences(first, second) == []
    # k more elsewhere: a third, audited with both.
    third_rows = grown + [twin(rows[40], 200 + i, header) for i in range(k)]
    third_site = site.build([header] + third_rows)
    third = check_release(third_site, first_site, second_site)
    assert third["release"] == 3
    assert differences(second, third) == []
    site.remove()


def test_rebuilds_of_a_release_are_identical(base):
    """The second and third release of a series rebuilt from the same inputs and ledger:
    the same bytes every time (a pattern that varied would publish more than either)."""
    header, rows = base
    k = 5
    series = [rows, rows + [twin(rows[5], 100 + i, header) for i in range(k)],
              rows + [twin(rows[5], 100 + i, header) for i in range(k)] + [twin(rows[40], 200 + i, header) for i in range(k)]]
    site = Site()
    site.build([header] + series[0])
    ledger = site.root / "Content" / "assessments" / "releases"
    for data in series[1:]:
        before = sorted(ledger.iterdir())
        outputs = []
        for attempt in range(3):
            # Each attempt starts from the ledger as it was before this release.
            for extra in sorted(ledger.iterdir()):
                if extra not in before:
                    extra.unlink()
            outputs.append(site.build([header] + data, output=site.root / f"rebuild-{len(before)}-{attempt}"))
        reference = outputs[0]
        for other in outputs[1:]:
            for path in sorted(p for p in reference.rglob("*") if p.is_file()):
                assert path.read_bytes() == (other / path.relative_to(reference)).read_bytes(), f"{path.relative_to(reference)} differs"
    site.remove()


def derived_tier(row: list[str], header: list[str], rules: dict) -> str:
    """The tier the Annex 1 rules give a record, worked out here from data/rules.json (not
    by portal): the highest tier whose minimums of scenarios, areas and maturity it meets."""
    order = [t["id"] for t in rules["tiers"]]
    names = {t["name"]: t["id"] for t in rules["tiers"]}
    maturity = int(row[header.index("maturity")])
    for tier in reversed(rules["tiers"]):
        if maturity < (tier["min_maturity"] or 0):
            continue
        counted = []
        for scenario in rules["scenarios"]:
            built = row[header.index("s" + scenario["code"])]
            built = names.get(built, built)
            if built and tier["id"] in scenario["tiers"] and order.index(built) >= order.index(tier["id"]):
                counted.append(scenario)
        if len(counted) >= tier["min_scenarios"] and set(tier["required_areas"]) <= {s["area"] for s in counted}:
            return tier["id"]
    return "none"


def test_the_attacker_catches_a_broken_release(base, tmp_path):
    """The attack itself works: a release that publishes a figure the marks rely on being
    hidden, and two releases made without a shared ledger, are caught."""
    header, rows = base
    site = Site()
    built = site.build([header] + rows)
    broken = tmp_path / "broken"
    shutil.copytree(built, broken)
    data = published(broken)
    rules = json.loads((broken / "data" / "rules.json").read_text(encoding="utf-8"))
    tiers = [derived_tier(row, header, rules) for row in rows]
    # The province-wide row shows a small tier only inside its merged bin ("其中 … <5"):
    # publish the rest of that bin, as a careless release would, and the "<5" is exact.
    body = data["attributes"]["tier"]
    small, bin_key = next(iter(body["within"]["total"].items()))
    for value in bin_key.split("+"):
        if value != small:
            body["counts"]["total"][value] = tiers.count(value)
    (broken / "data" / "outcomes.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert any(f"tier total {small}" in finding for finding in attack(broken)), attack(broken)
    # Two releases one assessment apart, each built as if it were the first.
    first = Site().build([header] + rows)
    second = Site().build([header] + rows + [twin(rows[5], 300, header)])
    assert attack(first, second) != [] or differences(published(first), published(second)) != []
    site.remove()


def test_the_shipped_site_says_something(site):
    """The site the suite serves (shipped synthetic data): every province-wide figure of
    k or more published, at most 15 % withheld, no row over a quarter; safe."""
    assert_useful(site)
    check_release(site)
