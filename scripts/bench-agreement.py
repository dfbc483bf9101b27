# Baseline for `npm run bench` (agree suite): statsmodels reads the same
# ratings file and computes Cohen's kappa (with its variance) and Fleiss'
# kappa. Run with Debian's python3 (apt-get install python3-statsmodels).
#   python3 scripts/bench-agreement.py bench-data/ratings-1m.csv
import sys

import pandas as pd
from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa, fleiss_kappa, to_table

frame = pd.read_csv(sys.argv[1])
ratings = frame.iloc[:, 1:].to_numpy()
table, _ = to_table(ratings)
kappa = cohens_kappa(table)
counts, _ = aggregate_raters(ratings)
print(f"kappa={kappa.kappa:.6f} se={kappa.std_kappa:.6f} fleiss={fleiss_kappa(counts):.6f}")
