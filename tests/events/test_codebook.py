"""tidings' CAMEO table against the merged CAMEO table in ../shared (where it is present)."""

from __future__ import annotations

import csv

import pytest

from tests.shared_data import shared_path
from tidings.codebook import cameo_code, cameo_codebook


def test_every_root_and_known_scores() -> None:
    codebook = cameo_codebook()
    assert len(codebook) == 317
    assert {code.root for code in codebook.values()} == {f"{n:02d}" for n in range(1, 21)}
    appeal = cameo_code("020")
    assert (appeal.goldstein, appeal.quad_class, appeal.plover_event) == (3.0, 1, "REQUEST")
    assert cameo_code("1834").goldstein is None
    assert cameo_code("190").quad_class == 4


def test_unknown_code_names_the_code() -> None:
    with pytest.raises(KeyError, match="'999'"):
        cameo_code("999")


# Codes mapped after the PLOVER 2.0 manual, where the tables are silent (cyber attacks are
# COERCE, mode and context "cyber") or the manual says otherwise ("cancellation of meetings are
# REJECT", so halted negotiations are; "RETREAT also covers resignations of government officials",
# so relinquishing power is).
FROM_THE_PLOVER_MANUAL = {
    "0831": ("RETREAT", "resign", "political_institutions"),
    "164": ("REJECT", "meet", "diplomatic"),
    "163": ("SANCTION", "discontinue", "diplomatic"),
    "155": ("MOBILIZE", None, "cyber"),
    "176": ("COERCE", "cyber", "cyber"),
    "1883": ("ASSAULT", "explosives", None),
}


def test_table_matches_the_shared_cameo_facts() -> None:
    path = shared_path("data/events/codebooks/cameo/cameo_event_codes_merged.tsv")
    with path.open(encoding="utf-8") as handle:
        reference = list(csv.DictReader(handle, delimiter="\t"))
    codebook = cameo_codebook()
    assert set(codebook) == {row["code"] for row in reference}
    for row in reference:
        ours = codebook[row["code"]]
        assert ours.name == row["name"]
        assert ours.goldstein == (float(row["goldstein"]) if row["goldstein"] else None)
        assert ours.quad_class == int(row["quad_class_gdelt"])
        assert ours.penta_class == int(row["penta_class_phoenix"])
        if row["code"] in FROM_THE_PLOVER_MANUAL:
            mapping = (ours.plover_event, ours.plover_mode, ours.plover_context)
            assert mapping == FROM_THE_PLOVER_MANUAL[row["code"]]
            continue
        # tidings adds REQUEST for CAMEO 02 appeals, where PLOVER itself says nothing.
        if row["root"] != "02" or row["plover_event"]:
            assert ours.plover_event == (row["plover_event"] or None), row["code"]
        assert ours.plover_mode == (row["plover_mode"] or None)
        assert ours.plover_context == (row["plover_context"] or None)


def test_plover_mapping_agrees_with_the_cameo2plover_table() -> None:
    path = shared_path("data/events/codebooks/plover/PLOVER__CAMEO2PLOVER-2021.txt")
    codebook = cameo_codebook()
    checked = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        head, _, rest = line.partition(":")
        code = head.strip()
        known = code.isdigit() and code in codebook and code not in FROM_THE_PLOVER_MANUAL
        if not known or "," not in rest:
            continue
        event = rest.split("#")[0].split(",")[0].strip()
        assert codebook[code].plover_event == event, code
        checked += 1
    assert checked > 150


def test_resigning_is_a_retreat_as_the_plover_manual_says() -> None:
    resigning = cameo_code("0831")
    assert (resigning.plover_event, resigning.plover_mode, resigning.quad_class) == (
        "RETREAT",
        "resign",
        2,
    )


def test_halted_negotiations_are_a_rejection_as_the_plover_manual_says() -> None:
    halted = cameo_code("164")
    assert (halted.plover_event, halted.plover_mode, halted.quad_class) == ("REJECT", "meet", 4)
