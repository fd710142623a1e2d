"""A library's columns as search and showing hold them: filter columns as numpy arrays, repeating place names as
codes into their distinct values, string columns as single-chunk Arrow arrays, and the decoding between them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .schema import ENRICHED_COLUMNS


def single_chunk(photos: pd.DataFrame) -> pd.DataFrame:
    """String columns as one Arrow chunk each: taking rows from a many-chunk column costs milliseconds a call."""
    import pyarrow as pa

    for name in photos.columns:
        chunks = getattr(photos[name].array, "_pa_array", None)  # pandas' Arrow-backed strings; else left alone
        if isinstance(chunks, pa.ChunkedArray) and chunks.num_chunks > 1:
            array = photos[name].array
            photos[name] = type(array)(pa.chunked_array([chunks.combine_chunks()]), dtype=array.dtype)  # same dtype, one chunk
    return photos


def strings(column) -> list[str]:
    """A plain Arrow string column as Python strings, a missing one as ""."""
    import pyarrow.compute as pc

    return (pc.fill_null(column, "") if column.null_count else column).to_pylist()


def floats_or_none(values: np.ndarray) -> list[float | None]:
    return np.where(np.isnan(values), None, values).tolist()


def modal_rows(codes: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """For each run of rows first..last, the first row holding the run's most frequent code (ties: the
    smallest code), or -1 where none of its rows has one (code -1); all runs in one sort."""
    shown = np.full(len(first), -1, dtype=np.int64)
    lengths = last - first + 1
    run = np.repeat(np.arange(len(first)), lengths)
    rows = np.arange(len(run)) + np.repeat(first - (np.cumsum(lengths) - lengths), lengths)
    named = codes[rows] >= 0
    run, rows = run[named], rows[named]
    if not len(rows):
        return shown
    order = np.lexsort((codes[rows], run))  # by run, then code; stable, so each code's rows stay in row order
    run, rows = run[order], rows[order]
    code = codes[rows]
    starts = np.flatnonzero(np.r_[True, (run[1:] != run[:-1]) | (code[1:] != code[:-1])])  # one per (run, code)
    owner, sizes = run[starts], np.diff(np.r_[starts, len(run)])
    biggest = np.lexsort((-sizes, owner))  # by run, then size down; stable, so equal sizes keep the smaller code first
    biggest = biggest[np.r_[True, owner[biggest][1:] != owner[biggest][:-1]]]
    shown[owner[biggest]] = rows[starts[biggest]]
    return shown


def optional_columns(names: tuple[str, ...]) -> tuple[str, ...]:
    """Of a photo table's columns, the enrichment columns, and time_approx, or for a library made before
    that column, the zone_source it is derived from."""
    present = tuple(column for column in ENRICHED_COLUMNS + ("time_approx", "zone_source") if column in names)
    return tuple(column for column in present if not (column == "zone_source" and "time_approx" in present))


def codes_of(column) -> tuple[np.ndarray, np.ndarray]:
    """A dictionary-encoded Arrow column as its distinct values (sorted) and each row's position among
    them (int32, -1 where null): every chunk's own dictionary mapped onto one."""
    names = [chunk.dictionary.to_numpy(zero_copy_only=False) for chunk in column.chunks]
    values = np.unique(np.concatenate(names)) if names else np.array([], dtype=object)
    codes = np.empty(len(column), dtype=np.int32)
    start = 0
    for chunk, chunk_names in zip(column.chunks, names):
        positions = np.append(np.searchsorted(values, chunk_names).astype(np.int32), np.int32(-1))
        indices = chunk.indices.fill_null(-1) if chunk.null_count else chunk.indices  # -1: the appended "null"
        np.take(positions, indices.to_numpy(), out=codes[start : start + len(chunk)])
        start += len(chunk)
    return values, codes


def coded_array(values: np.ndarray, codes: np.ndarray):
    """A coded column as a pandas array over an Arrow dictionary (one chunk): taking rows and reading
    cells work as on a string column, and no string per photo is made."""
    import pyarrow as pa

    dictionary = pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0), pa.array(values, type=pa.large_string()))
    return pd.arrays.ArrowExtensionArray(pa.chunked_array([dictionary]))


def search_arrays(table) -> dict:
    """The filter columns as the numpy arrays search uses, so that the Arrow table can be let go: times as
    int64 seconds, place names coded (codes_of), the rest as they are."""
    import pyarrow as pa

    arrays = {}
    for name in table.column_names:
        column = table[name]
        if pa.types.is_dictionary(column.type):
            arrays[name] = codes_of(column)
        elif pa.types.is_timestamp(column.type):
            arrays[name] = column.to_numpy().astype("datetime64[s]").view(np.int64)
        else:
            arrays[name] = column.to_numpy()
    return arrays


def text_arrays(table) -> dict:
    """An Arrow table's string columns as pandas arrays of one chunk each (dictionary-encoded ones coded)."""
    import pyarrow as pa

    coded = {name: coded_array(*codes_of(table[name])) for name in table.column_names if pa.types.is_dictionary(table.schema.field(name).type)}
    plain = single_chunk(table.drop_columns(list(coded)).to_pandas())
    return coded | {name: plain[name].array for name in plain.columns if pd.api.types.is_string_dtype(plain[name].dtype)}
