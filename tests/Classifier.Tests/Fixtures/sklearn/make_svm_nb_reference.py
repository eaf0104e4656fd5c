#!/usr/bin/python3
"""Writes svm_nb_reference.json: scikit-learn's MultinomialNB, ComplementNB and LinearSVC on a small count matrix.

The C# tests (Trainers/SvmNbSklearnTests.cs) train our naive Bayes and linear SVM on the same rows and compare.
LinearSVC is liblinear's dual coordinate descent with the bias as a regularised constant feature (intercept_scaling=1),
one-versus-rest: the same problem our LinearSvmTrainer solves. Deterministic: fixed seed, liblinear run to a tight tol.
Run with Debian's python3-sklearn: /usr/bin/python3 make_svm_nb_reference.py
"""
import json, os
import numpy as np
import sklearn
from sklearn.naive_bayes import MultinomialNB, ComplementNB
from sklearn.svm import LinearSVC

rng = np.random.RandomState(42)
n_features, n_classes = 30, 3

def rows(count):
    X = np.zeros((count, n_features))
    y = np.arange(count) % n_classes
    for i in range(count):
        for _ in range(6):
            X[i, rng.randint(0, 15)] += 1                      # shared words
        for _ in range(3):
            c = y[i] if rng.rand() < 0.8 else rng.randint(n_classes)
            X[i, 15 + 5 * c + rng.randint(0, 5)] += 1          # class words (20% from another class)
    return X, y

X, y = rows(60)
X[0, :] += 1  # every feature occurs in training, so "features seen" equals the column count sklearn uses
Xt, yt = rows(15)

mnb = MultinomialNB(alpha=1.0).fit(X, y)
cnb = ComplementNB(alpha=1.0).fit(X, y)
out = {"sklearn": sklearn.__version__, "features": n_features, "classes": n_classes,
       "train": X.tolist(), "labels": y.tolist(), "test": Xt.tolist(),
       "mnb": {"feature_log_prob": mnb.feature_log_prob_.tolist(), "class_log_prior": mnb.class_log_prior_.tolist(),
               "proba": mnb.predict_proba(Xt).tolist()},
       "cnb": {"feature_log_prob": cnb.feature_log_prob_.tolist(), "proba": cnb.predict_proba(Xt).tolist()},
       "svm": {}}
for loss in ("squared_hinge", "hinge"):
    svm = LinearSVC(C=0.5, loss=loss, dual=True, tol=1e-8, max_iter=1000000, intercept_scaling=1.0).fit(X, y)
    out["svm"][loss] = {"C": 0.5, "coef": svm.coef_.tolist(), "intercept": svm.intercept_.tolist(),
                        "decision": svm.decision_function(Xt).tolist()}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "svm_nb_reference.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
