"""Every widget cell of every solution shows a picture when the notebook is read without a kernel
(GitHub, nbviewer, VS Code without widgets, any static site): nbconvert's HTML is the proxy."""

import re

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter

from course.paths import SOLUTIONS

WIDGET_CALL = re.compile(r"widgets\.(explore|compare|plot_architecture|plot_history|LayerStackBuilder|"
                         r"LossWeightsExplorer|ApiQuiz|LiveCurves)\(")
NOTEBOOKS = sorted(SOLUTIONS.glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_widget_cell_shows_a_picture_in_static_html(path):
    nb = nbformat.read(path, as_version=4)
    html, _ = HTMLExporter().from_notebook_node(nb)
    rendered = BeautifulSoup(html, "html.parser").select("div.jp-Cell")
    assert len(rendered) == len(nb.cells), "nbconvert's cells should line up with the notebook's"
    missing = []
    for index, (cell, div) in enumerate(zip(nb.cells, rendered)):
        if cell.cell_type != "code" or not WIDGET_CALL.search(cell.source):
            continue
        outputs = div.select(".jp-OutputArea")
        if not outputs or not outputs[0].select("img, svg"):
            missing.append(f"cell {index}: {cell.source.strip().splitlines()[-1][:80]}")
    assert not missing, f"{path.name}: widget cells without a picture:\n" + "\n".join(missing)
