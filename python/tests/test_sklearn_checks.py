"""scikit-learn's estimator checks (sklearn.utils.estimator_checks.check_estimator) on both network
classifiers with small, fast settings: every check passes except those the estimator names, with
the reason, in its `_xfail_checks` tag; nothing is skipped silently."""
import warnings

import pytest

import spinaptic

pytest.importorskip("sklearn")
from sklearn.exceptions import SkipTestWarning  # noqa: E402
from sklearn.utils.estimator_checks import check_estimator  # noqa: E402


def skipped_checks(estimator):
    """Runs check_estimator; returns the names of the checks it skipped (a failing check raises)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_estimator(estimator)
    skipped = set()
    for w in caught:
        if issubclass(w.category, SkipTestWarning):
            name = str(w.message).split()[1]  # "Skipping <check> for <estimator>: <reason>"
            assert str(w.message).startswith(f"Skipping {name} for {type(estimator).__name__}: "), str(w.message)
            skipped.add(name)
    return skipped


@pytest.mark.parametrize("estimator, expected", [
    # Adam on the blobs' two features: the paper's SGD 0.05 and beta 200 are tuned for 64 pixels
    (spinaptic.Crossbar(epochs=30, optimizer="adam", learning_rate=5e-3),
     {"check_classifiers_train", "check_decision_proba_consistency"}),
    (spinaptic.OptoElectronicNetwork(hidden=8, epochs=20), set()),
])
def test_check_estimator_passes_the_checks_that_apply(estimator, expected):
    tags = estimator._more_tags()
    assert set(tags["_xfail_checks"]) == expected and all(tags["_xfail_checks"].values())  # each with a reason
    assert tags["requires_positive_X"]
    assert skipped_checks(estimator) == expected
