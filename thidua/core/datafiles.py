"""The package's YAML data files (the rule base, the catalogue, the holidays), parsed by
libyaml's C parser where PyYAML was built with it: ten times faster than the pure-Python one,
with the same safe subset of YAML and the same values."""

from pathlib import Path

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=LOADER)
