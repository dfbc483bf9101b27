# Reference values for test/fixtures/freq-demo-doc-level-scipy: reads the JSON of
#   qcode freq --by type --test-unit doc --json --coder coder-a   (demo study)
# rebuilds each group × (documents with the code, documents without) table from
# its rows and group sizes, and tests it with scipy (Debian python3-scipy):
# chi2_contingency(correction=False), Cramér's V, and fisher_exact for 2 × 2.
import json
import sys

from scipy.stats import chi2_contingency, fisher_exact

data = json.load(open(sys.argv[1]))
sizes = {g["group"]: g["documents"] for g in data["groups"]}
out = []
for test in data["tests"]:
    rows = [r for r in data["rows"] if r["category"] == test["category"] and r["code"] == test["code"]]
    table = [[r["documents"], sizes[r["group"]] - r["documents"]] for r in rows]
    table = [row for row in table if sum(row) > 0]
    cols = [c for c in range(2) if sum(row[c] for row in table) > 0]
    table = [[row[c] for c in cols] for row in table]
    entry = {"category": test["category"], "code": test["code"], "table": table}
    if len(table) >= 2 and len(cols) == 2:
        chi2, p, df, _ = chi2_contingency(table, correction=False)
        n = sum(map(sum, table))
        entry.update(chi2=chi2, p=p, df=int(df), cramers_v=(chi2 / (n * (min(len(table), 2) - 1))) ** 0.5)
        if len(table) == 2:
            entry["fisher_p"] = fisher_exact(table)[1]
    out.append(entry)
print(json.dumps({"source": "scipy " + __import__("scipy").__version__ + " chi2_contingency(correction=False)", "tests": out}, indent=1))
