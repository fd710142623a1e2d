"""Records looked up by name, kept as a few arrays: GeoNames' 144,000 towns as Python objects take a second to
unpickle in a fresh process (`lifelog ask`); as arrays they take a few tens of milliseconds, and only the records of
the names asked for become objects."""

from __future__ import annotations

import numpy as np


class NamedRows:
    """Each name's records (tuples of str, int and float fields), in the order given."""

    def __init__(self, by_name: dict[str, list[tuple]]):
        names = list(by_name)
        self._position = {name: index for index, name in enumerate(names)}
        self._starts = np.cumsum([0] + [len(by_name[name]) for name in names])
        records = [record for name in names for record in by_name[name]]
        self._columns = [_column(values) for values in zip(*records)] if records else []

    def get(self, name: str) -> list[tuple]:
        index = self._position.get(name)
        if index is None:
            return []
        rows = range(int(self._starts[index]), int(self._starts[index + 1]))
        return [tuple(_value(column, row) for column in self._columns) for row in rows]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NamedRows) and self._position == other._position and all(
            self.get(name) == other.get(name) for name in self._position)


def _column(values: tuple):
    """Strings as one text and where each begins (one object to unpickle, not 144,000), numbers as an array."""
    if isinstance(values[0], str):
        return "".join(values), np.cumsum([0] + [len(value) for value in values])
    return np.array(values)


def _value(column, row: int):
    if isinstance(column, tuple):
        text, starts = column
        return text[starts[row]:starts[row + 1]]
    return column[row].item()
