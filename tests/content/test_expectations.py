"""The data the public checks compare with is what the references build now."""

from instructor import expectations


def test_shipped_data_matches_the_references():
    stale = expectations.stale()
    assert not stale, "\n".join(stale) + "\nrun `python -m course expectations` and commit course/exercises/data/"
