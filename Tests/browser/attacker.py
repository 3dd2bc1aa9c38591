"""An independent attacker: reads only what sites publish (data/outcomes.json of every
release, the rules in data/rules.json) and, with its own solver (HiGHS, through its own
Python interface: linear and integer programs; not the generator's GLPK), tries to learn
what the marks hide.

What it takes as facts, as a reader may: every published count; every mark as its
legend says ("<k" is 1 to k−1, "×" is k or more; zeros are always published); every
cohort's size in every release (so the members each release added); the tiers each tier
group holds (a cohort of 先进级 has no 基础级 factory); and the Annex 1 rules (a member at
tier T built at least T's minimum of scenarios defined at T at T or above, covered T's
areas, and reached T's maturity), added to the equations of the attributes they link.

What it looks for:
- a withheld figure pinned to one value, or a "<k" narrowed inside 1…k−1;
- a count of 1 to k−1 it can work out exactly, or narrow below k−1 possible values: one
  value of a merged bin, a row's withheld figures together, what a release added.
"""
import itertools
import math

import highspy
import numpy as np
from scipy.sparse import csr_matrix

EPS = 1e-6


class Attack:
    def __init__(self, releases: list[dict], rules: dict):
        self.releases = releases
        self.latest = releases[-1]
        self.k = self.latest["k"]
        self.rules = rules
        self.findings: list[str] = []
        self.solved = 0
        # Each target's interval in its attribute's own model: where the rules are worth
        # adding (they only ever narrow it).
        self.own: dict[str, tuple[float, float]] = {}
        # Parts: (cohort, release where its members first appear, how many).
        self.parts = []
        for cohort in self.latest["cohorts"]:
            previous = 0
            for index, release in enumerate(releases):
                size = next((c["records"] for c in release["cohorts"] if c["key"] == cohort["key"]), 0)
                if size > previous:
                    self.parts.append((cohort["key"], index, size - previous, cohort["tier_group"]))
                    previous = size
        self.group_tiers = {g["key"]: g["tiers"] for g in self.latest["tier_groups"]}

    # MARK: Models

    def rows_of(self, release: dict) -> dict[str, set[str]]:
        cohorts = release["cohorts"]
        rows = {"total": {c["key"] for c in cohorts}}
        for group in release["tier_groups"]:
            rows["group:" + group["key"]] = {c["key"] for c in cohorts if c["tier_group"] == group["key"]}
        for cohort in cohorts:
            rows["cohort:" + cohort["key"]] = {cohort["key"]}
        return rows

    def model(self, attribute: str, offset: int = 0):
        """Variables (part × value) of one attribute with what a reader knows of them:
        bounds, equalities and label ranges as rows (lower ≤ A x ≤ upper)."""
        body = self.latest["attributes"][attribute]
        values = [v["key"] for v in body["values"]]
        index = {(p, v): offset + i * len(values) + j for i, p in enumerate(range(len(self.parts))) for j, v in enumerate(values)}
        n = len(self.parts) * len(values)
        upper = np.zeros(n)
        for i, part in enumerate(self.parts):
            for j, value in enumerate(values):
                upper[i * len(values) + j] = part[2] if self.possible(attribute, body, part, value) else 0
        rows = []  # (coefficients {var: c}, lower, upper, description)
        for i, part in enumerate(self.parts):
            rows.append(({index[(i, v)]: 1 for v in values}, part[2], part[2], None))
        marks = self.latest["marks"]
        for number, release in enumerate(self.releases):
            counts = release["attributes"].get(attribute, {}).get("counts", {})
            reasons = release["attributes"].get(attribute, {}).get("withheld", {})
            row_cohorts = self.rows_of(release)
            for row, cells in counts.items():
                for key, count in cells.items():
                    bin_values = key.split("+")
                    if any(v not in values for v in bin_values):
                        continue
                    vector = {index[(i, v)]: 1 for i, p in enumerate(self.parts) if p[0] in row_cohorts[row] and p[1] <= number
                              for v in bin_values}
                    if not vector:
                        continue
                    label = f"release {number + 1} {attribute} {row} {key}"
                    if count is not None:
                        rows.append((vector, count, count, None))
                    else:
                        mark = marks[reasons[row][key]]
                        top = sum(self.parts[i][2] for i in {(var - offset) // len(values) for var in vector})
                        rows.append((vector, mark["lower"], mark["upper"] if mark["upper"] is not None else top,
                                     (label, reasons[row][key], number)))
        return values, index, upper, rows

    def possible(self, attribute: str, body: dict, part: tuple, value: str) -> bool:
        if next(v for v in body["values"] if v["key"] == value)["undefined"]:
            return False
        tiers = self.group_tiers[part[3]]
        if attribute == "tier":
            return value in tiers
        if attribute == "maturity" and "none" not in tiers:
            least = min(t["min_maturity"] or 1 for t in self.rules["tiers"] if t["id"] in tiers)
            return int(value.split("-")[1]) >= least
        return True

    @staticmethod
    def matrix(rows, n):
        data, columns, pointers = [], [], [0]
        lower, upper = np.zeros(len(rows)), np.zeros(len(rows))
        for r, (coefficients, low, high, _) in enumerate(rows):
            for var, c in sorted(coefficients.items()):
                columns.append(var)
                data.append(c)
            pointers.append(len(columns))
            lower[r], upper[r] = low, high
        return csr_matrix((data, columns, pointers), shape=(len(rows), n)), lower, upper

    class Program:
        """One model, passed to HiGHS once and solved for many objectives (each solve
        starts from the last basis)."""

        def __init__(self, a, lower, upper, bounds_upper):
            self.n = len(bounds_upper)
            self.highs = highspy.Highs()
            self.highs.silent()
            infinity = highspy.kHighsInf
            self.highs.addVars(self.n, np.zeros(self.n), np.asarray(bounds_upper, dtype=float))
            a = a.tocsr()
            self.highs.addRows(a.shape[0], np.where(np.isfinite(lower), lower, -infinity), np.where(np.isfinite(upper), upper, infinity),
                               a.nnz, a.indptr[:-1].astype(np.int32), a.indices.astype(np.int32), a.data.astype(float))
            self.columns = np.arange(self.n, dtype=np.int32)
            self.integer = False

        def optimum(self, vector, maximise: bool, integer: bool):
            highs = self.highs
            if integer != self.integer:
                kind = highspy.HighsVarType.kInteger if integer else highspy.HighsVarType.kContinuous
                highs.changeColsIntegrality(self.n, self.columns, np.array([kind] * self.n))
                self.integer = integer
            highs.changeColsCost(self.n, self.columns, np.asarray(vector, dtype=float))
            highs.changeObjectiveSense(highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize)
            highs.run()
            if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                return None
            return highs.getInfo().objective_function_value

    def extremes(self, program, vector, integer: bool):
        """Smallest and largest value of vector·x: linear, or in whole numbers."""
        self.solved += 2
        low = program.optimum(vector, False, integer)
        high = program.optimum(vector, True, integer)
        if low is None or high is None:
            return None
        return low, high

    # MARK: The attack

    def run(self, joint: bool = True) -> list[str]:
        attributes = list(self.latest["attributes"])
        models = {name: self.model(name) for name in attributes}
        for name in attributes:
            self.attack(name, *models[name])
        if joint:
            self.attack_with_rules(models)
        return self.findings

    def targets(self, name, values, index, rows):
        """What to narrow: every withheld figure (with its mark); every value of a row (of
        the latest release) that no figure shows alone, and every bin another row shows;
        every row's withheld figures together; and each release's newcomers in every value
        and every bin any row shows."""
        targets = []
        for coefficients, low, high, meta in rows:
            if meta is not None:
                targets.append((meta[0], coefficients, meta[1]))
        latest = len(self.releases) - 1
        body = self.latest["attributes"][name]
        # Every bin any row of any release publishes: a reader can ask it of every row.
        anywhere = sorted({key for release in self.releases for cells in release["attributes"].get(name, {}).get("counts", {}).values()
                           for key in cells if "+" in key and all(v in values for v in key.split("+"))})
        for row, cohorts in self.rows_of(self.latest).items():
            members = [i for i, p in enumerate(self.parts) if p[0] in cohorts]
            cells = body["counts"].get(row, {})
            alone = {key for key in cells if "+" not in key}
            for value in values:
                if value not in alone:
                    targets.append((f"{name} {row} {value} alone", {index[(i, value)]: 1 for i in members}, "derived"))
            for key in anywhere:
                if key not in cells:
                    targets.append((f"{name} {row} {key} (a bin shown elsewhere)",
                                    {index[(i, v)]: 1 for i in members for v in key.split("+")}, "derived"))
            nested = set(body.get("within", {}).get(row, {}))
            withheld = [key for key, count in cells.items() if count is None and key not in nested]
            if withheld:
                vector = {index[(i, v)]: 1 for i in members for key in withheld for v in key.split("+")}
                targets.append((f"{name} {row} withheld together", vector, "derived"))
            for number in range(latest):
                added = [i for i in members if self.parts[i][1] == number + 1]
                if added and len(added) < len(members):
                    for key in sorted(set(cells) | set(anywhere) | set(values)):
                        targets.append((f"{name} {row} {key} added in release {number + 2}",
                                        {index[(i, v)]: 1 for i in added for v in key.split("+")}, "derived"))
        return targets

    def check(self, label, kind, truth_range, low, high):
        k = self.k
        if kind == "fewer_than_k":
            if low > 1 + EPS or high < k - 1 - EPS:
                self.findings.append(f"{label}: '<{k}' narrowed to {low:g}–{high:g}")
        elif kind == "protects_another":
            if high - low < 1 - EPS:
                self.findings.append(f"{label}: '×' pinned to {low:g}")
        elif kind == "derived":
            # A count surely between 1 and k−1, and known more closely than a "<k" says.
            if low > EPS and high < k - EPS and high - low < k - 2 - EPS:
                self.findings.append(f"{label}: a count below {k} narrowed to {low:g}–{high:g}")

    def attack(self, name, values, index, upper, rows, extra_rows=(), n=None, offset=0):
        n = n or len(upper)
        program = self.Program(*self.matrix(list(rows) + list(extra_rows), n), upper)
        for label, coefficients, kind in self.targets(name, values, index, rows):
            vector = np.zeros(n)
            for var, c in coefficients.items():
                vector[var] = c
            found = self.extremes(program, vector, integer=False)
            if found is None:
                self.findings.append(f"{label}: the published figures are inconsistent")
                continue
            low, high = found
            self.own[label] = (low, high)
            # Whole numbers narrow further only where the linear bounds are fractional or
            # the mark is at stake.
            if kind != "derived" or (low > -EPS and high < self.k and (abs(low - round(low)) > EPS or abs(high - round(high)) > EPS)):
                whole = self.extremes(program, vector, integer=True)
                if whole is not None:
                    low, high = whole
            self.check(label, kind, None, low, high)

    def rule_rows(self, models, offsets):
        """The Annex 1 rules for each part, over the joint variables."""
        rows = []
        tiers = {t["id"]: t for t in self.rules["tiers"]}
        order = [t["id"] for t in self.rules["tiers"]]
        scenarios = [s for s in self.rules["scenarios"] if f"s{s['code']}" in models]
        tier_values, tier_index = models["tier"][0], models["tier"][1]
        for i, part in enumerate(self.parts):
            for tier in self.group_tiers[part[3]]:
                if tier == "none":
                    continue
                rule = tiers[tier]
                at_or_above = order[order.index(tier):]
                def built(selected):
                    vector = {}
                    for s in selected:
                        values, index = models[f"s{s['code']}"][0], models[f"s{s['code']}"][1]
                        for v in values:
                            if v in at_or_above:
                                vector[offsets[f"s{s['code']}"] + index[(i, v)]] = 1
                    return vector
                counted = [s for s in scenarios if tier in s["tiers"]]
                member = offsets["tier"] + tier_index[(i, tier)]
                vector = built(counted)
                vector[member] = -rule["min_scenarios"]
                rows.append((vector, 0, np.inf, None))
                for area in rule["required_areas"]:
                    vector = built([s for s in counted if s["area"] == area])
                    vector[member] = -1
                    rows.append((vector, 0, np.inf, None))
            if "maturity" in models:
                levels, index = models["maturity"][0], models["maturity"][1]
                demanding = [t for t in self.group_tiers[part[3]] if t != "none"]
                for minimum in sorted({tiers[t]["min_maturity"] for t in demanding if tiers[t]["min_maturity"]}):
                    if minimum <= 1:
                        continue
                    vector = {offsets["maturity"] + index[(i, level)]: 1 for level in levels if int(level.split("-")[1]) >= minimum}
                    for t in demanding:
                        if (tiers[t]["min_maturity"] or 0) >= minimum:
                            vector[offsets["tier"] + tier_index[(i, t)]] = -1
                    rows.append((vector, 0, np.inf, None))
        return rows

    def attack_with_rules(self, models):
        """The attributes the rules link, as one model with the rules; only where a rule
        can bind at all (its least value over the attributes' own models, added up, is
        below what it demands) is anything attacked again."""
        linked = ["tier"] + (["maturity"] if "maturity" in models else []) + [a for a in models if a.startswith("s")]
        offsets, total = {}, 0
        for name in linked:
            offsets[name] = total
            total += len(models[name][2])
        joint_upper = np.concatenate([models[name][2] for name in linked])
        joint_rows = []
        for name in linked:
            for coefficients, low, high, meta in models[name][3]:
                joint_rows.append(({offsets[name] + var: c for var, c in coefficients.items()}, low, high, meta))
        rules = self.rule_rows(models, offsets)
        # Each rule's least value over the product of the attributes' own models.
        binding = []
        own = {name: self.Program(*self.matrix(models[name][3], len(models[name][2])), models[name][2]) for name in linked}
        least_of = {}
        for rule in rules:
            least = 0.0
            for name in linked:
                part = tuple(sorted((var - offsets[name], c) for var, c in rule[0].items()
                                    if offsets[name] <= var < offsets[name] + len(models[name][2])))
                if not part:
                    continue
                if (name, part) not in least_of:
                    vector = np.zeros(len(models[name][2]))
                    for var, c in part:
                        vector[var] = c
                    found = self.extremes(own[name], vector, integer=False)
                    least_of[(name, part)] = found[0] if found else 0
                least += least_of[(name, part)]
            if least < rule[1] - EPS:
                binding.append(rule)
        if not binding:
            return
        program = self.Program(*self.matrix(joint_rows + binding, total), joint_upper)
        involved = {name for rule in binding for name in linked if any(offsets[name] <= v < offsets[name] + len(models[name][2]) for v in rule[0])}
        for name in linked:
            if name not in involved:
                continue
            values, index = models[name][0], models[name][1]
            for label, coefficients, kind in self.targets(name, values, index, models[name][3]):
                low, high = self.own.get(label, (0, math.inf))
                # The rules narrow what is already near the edge: a withheld figure, or a
                # sum that could be small and is not wide.
                if kind == "derived" and (low >= self.k or high - low >= 3 * self.k):
                    continue
                vector = np.zeros(total)
                for var, c in coefficients.items():
                    vector[offsets[name] + var] = c
                found = self.extremes(program, vector, integer=kind != "derived")
                if found is None:
                    continue
                self.check(label + " (with the rules)", kind, None, *found)
