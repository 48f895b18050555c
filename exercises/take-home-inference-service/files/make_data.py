"""Writes transactions.csv for the take-home: 50,000 labelled transactions, about 3% positive.

Run with Python 3 and scikit-learn:  python make_data.py
The seed is fixed, so every candidate gets the same data.
"""

import csv

from sklearn.datasets import make_classification

X, y = make_classification(n_samples=50000, n_features=12, weights=[0.97], random_state=7)

with open("transactions.csv", "w", newline="") as f:
    writer = csv.writer(f)
    writer.writerow(["transaction_id", "account_email", *[f"f{i}" for i in range(12)], "label"])
    for i, (row, label) in enumerate(zip(X, y)):
        # Synthetic addresses: personal data in shape only, so logging them is still a defect.
        writer.writerow([f"tx-{i:06d}", f"customer{i % 9973}@example.com", *[f"{v:.6f}" for v in row], int(label)])

print("wrote transactions.csv:", len(y), "rows,", int(y.sum()), "positive")
