"""The layered layout on hand-made graphs: no Keras, milliseconds."""

from __future__ import annotations

from widgets.layout import assign_ranks, layered_layout

DIAMOND = (["a", "b", "c", "d"], [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")])
SKIP = (["x", "f", "g", "add"], [("x", "f"), ("f", "g"), ("g", "add"), ("x", "add")])


def test_ranks_follow_the_longest_path_and_late_inputs_sit_above_their_consumer():
    assert assign_ranks(*SKIP) == {"x": 0, "f": 1, "g": 2, "add": 3}
    nodes = ["a", "b", "late", "c"]
    ranks = assign_ranks(nodes, [("a", "b"), ("b", "c"), ("late", "c")])
    assert ranks["late"] == ranks["c"] - 1 == 1


def test_branches_share_a_rank_one_slot_apart():
    layout = layered_layout(*DIAMOND)
    (xb, rb), (xc, rc) = layout.positions["b"], layout.positions["c"]
    assert rb == rc == 1 and abs(xb - xc) >= 1.0
    assert layout.ranks == 3 and layout.skip_edges() == []


def test_a_skip_edge_gets_one_point_per_rank_and_its_own_lane():
    layout = layered_layout(*SKIP)
    route = layout.routes[("x", "add")]
    assert [r for _, r in route] == [0.0, 1.0, 2.0, 3.0]
    assert route[1][0] != layout.positions["f"][0]  # beside the trunk, not through its boxes
    assert layout.skip_edges() == [("x", "add")]
    assert layout.width == 2


def test_the_layout_is_deterministic_and_handles_empty_graphs():
    assert layered_layout(*SKIP) == layered_layout(*SKIP)
    empty = layered_layout([], [])
    assert empty.ranks == 0 and empty.positions == {} and empty.width == 1
