"""The Diehl & Cook network from Python: unsupervised, it separates two distinct 8x8 patterns (left
half lit, right half lit): different neurons answer each, labels from the responses classify both,
and the winners' weights concentrate on their pattern's half (Diehl & Cook 2015, Fig. 2)."""
import numpy as np
import pytest

import spinaptic


def pattern(which):
    p = np.zeros((8, 8))
    p[:, :4] = 1.0 if which == 0 else 0.0
    p[:, 4:] = 0.0 if which == 0 else 1.0
    return p.ravel()


def test_two_patterns_are_learned_without_labels():
    # five times the paper's STDP rates: a short run
    net = spinaptic.DiehlCook(inputs=64, excitatory=6, seed=5, pre_rate_S=5e-13, post_rate_S=5e-11)
    a, b = pattern(0), pattern(1)
    counts = net.present(np.array([a, b] * 20), 1.0)
    assert counts.shape == (40, 6) and counts.dtype == np.uint32
    assert counts.sum(axis=1).min() >= 5  # shown again brighter until at least 5 spikes answer
    net.set_learning(False)
    ca, cb = net.present(np.array([a] * 6), 1.0), net.present(np.array([b] * 6), 1.0)
    winners_a, winners_b = set(ca.argmax(axis=1)), set(cb.argmax(axis=1))
    assert not winners_a & winners_b
    label = np.argmax([ca.mean(axis=0), cb.mean(axis=0)], axis=0)  # per neuron: the class it answers most
    votes = lambda c: [np.mean(c[:, label == k], axis=1) for k in (0, 1)]  # noqa: E731
    assert np.all(np.argmax(votes(net.present(np.array([a] * 5), 1.0)), axis=0) == 0)
    assert np.all(np.argmax(votes(net.present(np.array([b] * 5), 1.0)), axis=0) == 1)
    w = net.weights.reshape(8, 8, 6)
    for j in winners_a:
        assert w[:, :4, j].sum() > 5 * w[:, 4:, j].sum()
    for j in winners_b:
        assert w[:, 4:, j].sum() > 5 * w[:, :4, j].sum()
    assert net.presentations >= 62


def test_bad_input():
    net = spinaptic.DiehlCook(inputs=64, excitatory=4)
    with pytest.raises(ValueError, match="network inputs"):
        net.present(np.zeros((1, 63)), 1.0)
    with pytest.raises(ValueError, match="pixel"):
        net.present(np.full((1, 64), 2.0), 1.0)
    with pytest.raises(ValueError, match="excitatory"):
        spinaptic.DiehlCook(excitatory=0)
    with pytest.raises(ValueError, match="post_rate_S"):
        spinaptic.DiehlCook(post_rate_S=-3.0)
