"""The CAMEO event codebook with Goldstein scores, quad classes and the PLOVER mapping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tidings.tables import TableError, packaged, read_tsv

CAMEO_TABLE = "cameo_codes.tsv"


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code and what it maps to."""

    code: str
    name: str
    goldstein: float | None
    quad_class: int
    penta_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        """The two-digit root code."""
        return self.code[:2]


@cache
def cameo_codebook() -> dict[str, CameoCode]:
    """All CAMEO codes shipped with tidings, by code."""
    path = packaged(CAMEO_TABLE)
    codebook = {}
    for line, row in read_tsv(path):
        try:
            entry = CameoCode(
                code=row["code"],
                name=row["name"],
                goldstein=float(row["goldstein"]) if row["goldstein"] else None,
                quad_class=int(row["quad_class"]),
                penta_class=int(row["penta_class"]),
                plover_event=row["plover_event"] or None,
                plover_mode=row["plover_mode"] or None,
                plover_context=row["plover_context"] or None,
            )
        except ValueError as error:
            raise TableError(path, line, str(error)) from error
        codebook[entry.code] = entry
    return codebook


def cameo_code(code: str) -> CameoCode:
    """Look up a CAMEO code; raises KeyError naming the code if tidings does not know it."""
    try:
        return cameo_codebook()[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}") from None
