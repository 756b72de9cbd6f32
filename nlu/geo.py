"""A location (latitude, longitude) to the county whose seat is nearest.

The county seats are `nlu/county_seats.csv`: GB/T 2260 code, longitude, latitude, taken
from the `cpca` package's `resources/adcodes.csv` (cpca 0.5.5, MIT licence, © 2018 QinYuan
Du; its coordinates come from the Vonng/adcode project), kept only for the counties in this
project's region table (2,746 of 3,012). Nearest-seat is an approximation near county
borders, so callers cross-check WeChat's `Label` and confirm with the person."""

from __future__ import annotations

import csv
import math
from functools import cache
from pathlib import Path

from nlu.regions import resolve_region

SEATS_FILE = Path(__file__).parent / "county_seats.csv"
FARTHEST_KM = 150.0  # farther than this from every seat: not a place we know
EARTH_KM = 6371.0


@cache
def _seats() -> tuple[tuple[str, float, float], ...]:
    with SEATS_FILE.open(encoding="utf-8") as rows:
        return tuple(
            (
                row["code"],
                math.radians(float(row["latitude"])),
                math.radians(float(row["longitude"])),
            )
            for row in csv.DictReader(rows)
        )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points given in radians."""
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(math.sqrt(a))


def nearest_county(latitude: float, longitude: float) -> str | None:
    """The county code whose seat is nearest, or None when nothing is within reach."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    lat, lon = math.radians(latitude), math.radians(longitude)
    code, km = min(
        (
            (code, distance_km(lat, lon, seat_lat, seat_lon))
            for code, seat_lat, seat_lon in _seats()
        ),
        key=lambda found: found[1],
    )
    return code if km <= FARTHEST_KM else None


def place_of(latitude: float, longitude: float, label: str) -> str | None:
    """The county of a WeChat location message: the county its `Label` names when the
    region parser finds one there (WeChat's own reverse geocoding), else the nearest seat."""
    named = resolve_region(label).code if label else None
    return named or nearest_county(latitude, longitude)
