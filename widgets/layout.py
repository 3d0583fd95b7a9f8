"""A layered (Sugiyama-style) layout in pure Python: ranks, crossing reduction, coordinates.

Ranks follow the longest path from the inputs, with extra inputs moved down next to their first
consumer. An edge that spans several ranks (a skip connection) gets dummy points, so it runs in
its own lane beside the trunk instead of through the boxes. Barycenter sweeps order each rank;
the x coordinates then relax towards the median of each node's neighbours.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

Edge = tuple[str, str]


@dataclass
class Layout:
    """Node positions in slots (x) and ranks (y, 0 at the top) plus a polyline for every edge."""

    positions: dict[str, tuple[float, int]] = field(default_factory=dict)
    routes: dict[Edge, list[tuple[float, float]]] = field(default_factory=dict)
    ranks: int = 0

    @property
    def width(self) -> float:
        xs = [x for x, _ in self.positions.values()] + [x for r in self.routes.values() for x, _ in r]
        return (max(xs) - min(xs) + 1) if xs else 1

    def skip_edges(self) -> list[Edge]:
        """Edges that jump over at least one rank: skip and residual connections, late inputs."""
        return [e for e in self.routes if self.positions[e[1]][1] - self.positions[e[0]][1] > 1]


def assign_ranks(nodes: list[str], edges: list[Edge]) -> dict[str, int]:
    """Longest-path ranks (nodes must be in topological order); sources sit just above their consumer."""
    parents, children = defaultdict(list), defaultdict(list)
    for source, target in edges:
        parents[target].append(source)
        children[source].append(target)
    rank: dict[str, int] = {}
    for node in nodes:
        rank[node] = max((rank[p] + 1 for p in parents[node]), default=0)
    for node in nodes:
        if not parents[node] and children[node]:
            rank[node] = max(rank[node], min(rank[c] for c in children[node]) - 1)
    return rank


def _crossings(upper: list[str], lower: list[str], down_edges: dict[str, list[str]]) -> int:
    position = {n: i for i, n in enumerate(lower)}
    pairs = sorted((i, position[t]) for i, s in enumerate(upper) for t in down_edges[s] if t in position)
    count = 0
    for a in range(len(pairs)):
        for b in range(a + 1, len(pairs)):
            if pairs[a][0] < pairs[b][0] and pairs[a][1] > pairs[b][1]:
                count += 1
    return count


def layered_layout(nodes: list[str], edges: list[Edge], sweeps: int = 12, relax: int = 20) -> Layout:
    """Lay out a DAG given in topological order. Deterministic: same graph, same picture."""
    rank = assign_ranks(nodes, edges)
    # Split long edges into unit steps through dummy points.
    chains: dict[Edge, list[str]] = {}
    down, up = defaultdict(list), defaultdict(list)
    rank_of = dict(rank)
    for source, target in edges:
        chain = [source]
        for r in range(rank[source] + 1, rank[target]):
            dummy = f"\0{source}\0{target}\0{r}"
            rank_of[dummy] = r
            chain.append(dummy)
        chain.append(target)
        chains[(source, target)] = chain
        for a, b in zip(chain, chain[1:]):
            down[a].append(b)
            up[b].append(a)
    depth = max(rank_of.values(), default=-1) + 1
    layers: list[list[str]] = [[] for _ in range(depth)]
    for node in nodes:
        layers[rank_of[node]].append(node)
    for chain in chains.values():
        for dummy in chain[1:-1]:
            layers[rank_of[dummy]].append(dummy)

    def total_crossings() -> int:
        return sum(_crossings(layers[r], layers[r + 1], down) for r in range(depth - 1))

    def sweep(order: range, neighbours: dict[str, list[str]], offset: int) -> None:
        for r in order:
            position = {n: i for i, n in enumerate(layers[r + offset])}
            current = {n: i for i, n in enumerate(layers[r])}

            def barycenter(node: str) -> float:
                linked = [position[n] for n in neighbours[node] if n in position]
                return sum(linked) / len(linked) if linked else current[node]

            layers[r].sort(key=barycenter)

    best, best_crossings = [list(layer) for layer in layers], total_crossings()
    for i in range(sweeps):
        if best_crossings == 0:
            break
        if i % 2 == 0:
            sweep(range(1, depth), up, -1)
        else:
            sweep(range(depth - 2, -1, -1), down, +1)
        crossings = total_crossings()
        if crossings < best_crossings:
            best, best_crossings = [list(layer) for layer in layers], crossings
    layers = best

    x = _coordinates(layers, up, down, relax)
    layout = Layout(ranks=depth)
    for node in nodes:
        layout.positions[node] = (x[node], rank_of[node])
    for edge, chain in chains.items():
        layout.routes[edge] = [(x[n], float(rank_of[n])) for n in chain]
    return layout


def _coordinates(layers: list[list[str]], up: dict, down: dict, rounds: int) -> dict[str, float]:
    """Centre each rank, then pull nodes towards their neighbours' median, one slot apart."""
    x = {}
    for layer in layers:
        for i, node in enumerate(layer):
            x[node] = i - (len(layer) - 1) / 2
    for _ in range(rounds):
        for layer in layers:
            wanted = {}
            for node in layer:
                linked = sorted(x[n] for n in up[node] + down[node])
                wanted[node] = _median(linked) if linked else x[node]
            x.update(_separate(layer, wanted))
    shift = min(x.values(), default=0)
    return {node: value - shift for node, value in x.items()}


def _median(values: list[float]) -> float:
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def _separate(layer: list[str], wanted: dict[str, float], gap: float = 1.0) -> dict[str, float]:
    """Closest positions to `wanted` keeping the order and `gap` apart: average of two greedy passes."""
    left, right = {}, {}
    previous = None
    for node in layer:
        left[node] = wanted[node] if previous is None else max(wanted[node], left[previous] + gap)
        previous = node
    previous = None
    for node in reversed(layer):
        right[node] = wanted[node] if previous is None else min(wanted[node], right[previous] - gap)
        previous = node
    return {node: (left[node] + right[node]) / 2 for node in layer}
