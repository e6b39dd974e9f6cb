"""The package's YAML files read by libyaml's parser give what PyYAML's own safe loader
gives: the same rules, catalogue and holidays, dates included."""

from pathlib import Path

import pytest
import yaml

import thidua
from thidua.core.datafiles import read_yaml

FILES = sorted(Path(thidua.__file__).parent.rglob("*.yaml"))


def test_there_are_data_files():
    names = {path.name for path in FILES}
    assert {"catalogue.yaml"} <= names and len(FILES) >= 3


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_the_fast_parser_reads_each_file_as_the_safe_loader_does(path):
    with path.open(encoding="utf-8") as handle:
        assert read_yaml(path) == yaml.safe_load(handle)
