"""audits/data/arrow.py gives what pyarrow's own conversions give, without importing pandas."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from audits.data.arrow import as_bools, as_floats, as_ints, index_array, mask_array, text_array
from conftest import ROOT


def test_conversions_match_to_numpy_on_slices_and_nulls():
    bools = pa.array([True, None, False, True, True, None, False, True, False, True, True])
    ints = pa.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3], pa.int32())
    floats = pa.array([1.5, None, -2.0, 7.25, None, 0.0, 3.0, None, 4.0], pa.float64())
    for offset in range(4):
        b = bools.slice(offset)
        assert as_bools(b).tolist() == [bool(v) for v in pc.fill_null(b, False).to_pylist()]
        assert as_ints(ints.slice(offset)).tolist() == ints.slice(offset).to_numpy().tolist()
        f = floats.slice(offset)
        np.testing.assert_array_equal(as_floats(f), f.to_numpy(zero_copy_only=False))
    np.testing.assert_array_equal(as_floats(pa.array([7, None, 9], pa.int32())), [7.0, np.nan, 9.0])
    assert as_bools(pa.array([], pa.bool_())).tolist() == []


def test_arrays_made_from_buffers_equal_pa_array():
    words = ["", "ІЇЄҐ", "a,b", "ев-1"]
    assert text_array(words).equals(pa.array(words, pa.string()))
    assert text_array([]).equals(pa.array([], pa.string()))
    mask = np.array([True, False, True] * 5)
    assert mask_array(mask).equals(pa.array(mask))
    assert index_array(np.array([2, 0, 1])).equals(pa.array([2, 0, 1], pa.int64()))


def test_checking_a_text_only_csv_imports_neither_pandas_nor_frictionless(tmp_path):
    """ev-charging's fields are all text: the fast path's own reader (audits/data/readers.py) decides its
    suspect cells, so a 2-row file costs the imports of pyarrow and numpy only."""
    csv = tmp_path / "stations.csv"
    csv.write_text("uid,ownerName,ownerId,ownerTelephone,ownerEmail\nev-1,ТОВ «Тока»,4123456,+380501234567,a@b.ua\n"
                   "ev-1,,41234567,050,a@b.ua\n", encoding="utf-8")
    code = ("import sys; from audits.data.schemas import load_schema; from audits.data.validate import validate_file; "
            f"r = validate_file({str(csv)!r}, load_schema('ev-charging')); "
            "print(r.engine, len(r.findings), 'pandas' in sys.modules, 'frictionless' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.split() == ["fast", "5", "False", "False"]
