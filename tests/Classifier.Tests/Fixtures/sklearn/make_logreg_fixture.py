#!/usr/bin/python3
"""Reference multinomial logistic regression probabilities from scikit-learn for the trainer tests.

Run: /usr/bin/python3 make_logreg_fixture.py  (writes logreg_fixture.json beside this script).

Regularisation mapping (checked by Trainers.Lbfgs / Trainers.Sdca tests):
- L-BFGS trainer minimises (sum_i s_i CE_i + L2/2 |W|^2) / sum_i s_i, biases unpenalised
  -> sklearn C = 1 / L2 with fit_intercept=True.
- SDCA trainer minimises (1/sum_i s_i) sum_i s_i CE_i + lambda/2 (|W|^2 + |b|^2) (bias = feature of value 1)
  -> sklearn C = 1 / (lambda * sum_i s_i) on X with an added column of ones and fit_intercept=False.
"""
import json
import os

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

rng = np.random.RandomState(20240611)
n, d, k, nnz = 90, 40, 3, 6
true_w = rng.normal(0, 1.5, size=(d, k))
rows, labels = [], []
for i in range(n):
    idx = np.sort(rng.choice(d, size=nnz, replace=False))
    val = np.round(rng.uniform(0.2, 1.0, size=nnz), 3)
    score = val @ true_w[idx] + rng.normal(0, 1.0, size=k)
    rows.append((idx.tolist(), val.tolist()))
    labels.append(int(np.argmax(score)))
weights = np.round(rng.uniform(0.5, 2.0, size=n), 3)

X = sp.lil_matrix((n, d))
for i, (idx, val) in enumerate(rows):
    X[i, idx] = val
X = X.tocsr()
y = np.array(labels)


def fit(Xm, C, intercept, sample_weight=None):
    m = LogisticRegression(C=C, multi_class="multinomial", solver="lbfgs", fit_intercept=intercept,
                           tol=1e-12, max_iter=100000)
    m.fit(Xm, y, sample_weight=sample_weight)
    return m.predict_proba(Xm).tolist()


ones = sp.csr_matrix(np.ones((n, 1)))
Xb = sp.hstack([X, ones]).tocsr()
lbfgs_l2 = 0.5
sdca_lambda = 0.02
cases = [
    {"name": "lbfgs", "l2": lbfgs_l2, "weighted": False, "C": 1 / lbfgs_l2,
     "probabilities": fit(X, 1 / lbfgs_l2, True)},
    {"name": "lbfgs-weighted", "l2": lbfgs_l2, "weighted": True, "C": 1 / lbfgs_l2,
     "probabilities": fit(X, 1 / lbfgs_l2, True, weights)},
    {"name": "sdca", "l2": sdca_lambda, "weighted": False, "C": 1 / (sdca_lambda * n),
     "probabilities": fit(Xb, 1 / (sdca_lambda * n), False)},
    {"name": "sdca-weighted", "l2": sdca_lambda, "weighted": True, "C": 1 / (sdca_lambda * weights.sum()),
     "probabilities": fit(Xb, 1 / (sdca_lambda * weights.sum()), False, weights)},
]
out = {"featureCount": d, "classCount": k, "indices": [r[0] for r in rows], "values": [r[1] for r in rows],
       "labels": labels, "weights": weights.tolist(), "cases": cases}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "logreg_fixture.json"), "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
print("labels per class", np.bincount(y, minlength=k))
