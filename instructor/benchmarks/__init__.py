"""Benchmarks an author runs (`make bench` gathers them): each module measures one part of the course."""
