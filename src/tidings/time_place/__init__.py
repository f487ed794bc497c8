"""When and where: dates resolved against the publication date, places against GeoNames."""

from tidings.time_place.component import TimePlaceResolver

__all__ = ["TimePlaceResolver"]
