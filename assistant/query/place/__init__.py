"""Place, by stage: the place model (`model`), the library's own places (`known`), what a phrase is read with (`reading`),
the world gazetteer's matches (`world`), the phrase finder (`finder`)."""

from .finder import find_places
from .known import southern_hemisphere
from .model import AmbiguousPlace, Area, KnownPlace, PlaceConstraints, PlaceGeocoder, PlaceTerm, place_term_from_dict

__all__ = [
    "AmbiguousPlace", "Area", "KnownPlace", "PlaceConstraints", "PlaceGeocoder", "PlaceTerm", "find_places", "place_term_from_dict",
    "southern_hemisphere",
]
