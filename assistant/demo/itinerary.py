"""Where the demo lifelogger is, when, and doing what: four days of May 2019, Dublin then Thessaloniki.

This is data, not code. Each activity names a scene (what the camera sees), a place (where the GPS and
the semantic location put it) and local wall-clock times at that place; `to` marks travel, whose photos
have positions along the way and no semantic name, as in real LSC data. Activities with a `moment` are
the ground truth a search for that description should find.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True)
class Place:
    semantic_name: str
    lat: float
    lng: float
    city: str
    country: str
    timezone: str  # IANA name


@dataclass(frozen=True)
class Activity:
    day: str  # local date at the place, YYYY-MM-DD
    start: str  # local wall-clock time, HH:MM
    end: str
    scene: str
    place: str  # key of PLACES
    to: str | None = None  # travelling: positions move from `place` to `to`, semantic name left empty
    every: tuple[float, float] = (2.0, 5.0)  # minutes between photos
    moment: str | None = None  # how a person would remember it, if it is a ground-truth moment
    props: Mapping[str, str] = field(default_factory=dict)  # texts the scene shows: bus route, board title
    views: tuple[int, ...] | None = None  # which of the scene's viewpoints occur; None: all of them
    gps: bool = True  # False: no position fix at all (in flight)


_DUBLIN = ("Dublin", "Ireland", "Europe/Dublin")
_SKG = ("Thessaloniki", "Greece", "Europe/Athens")

PLACES: dict[str, Place] = {
    "home": Place("Home", 53.37020, -6.25150, *_DUBLIN),  # Drumcondra, a northside suburb
    "dcu": Place("Dublin City University", 53.38550, -6.25690, *_DUBLIN),
    "bewleys": Place("Bewley's Café", 53.34210, -6.25970, *_DUBLIN),
    "grafton": Place("Grafton Street", 53.34130, -6.26010, *_DUBLIN),
    "pharmacy": Place("Hickey's Pharmacy", 53.34080, -6.26030, *_DUBLIN),
    "oconnell": Place("O'Connell Street", 53.34980, -6.26030, *_DUBLIN),
    "brazen_head": Place("The Brazen Head", 53.34480, -6.27640, *_DUBLIN),
    "tesco": Place("Tesco Drumcondra", 53.36620, -6.25770, *_DUBLIN),
    "dublin_airport": Place("Dublin Airport", 53.42730, -6.24360, *_DUBLIN),
    "skg": Place("Thessaloniki Airport Makedonia", 40.51970, 22.97090, *_SKG),
    "hotel": Place("Electra Palace Hotel", 40.63250, 22.94100, *_SKG),
    "white_tower": Place("White Tower of Thessaloniki", 40.62640, 22.94840, *_SKG),
    "museum": Place("Archaeological Museum of Thessaloniki", 40.62540, 22.95460, *_SKG),
    "nea_paralia": Place("Nea Paralia", 40.61960, 22.95600, *_SKG),
    "taverna": Place("Taverna Ladadika", 40.63580, 22.93770, *_SKG),
}

A = Activity
THU, FRI, SAT, SUN = "2019-05-09", "2019-05-10", "2019-05-11", "2019-05-12"

ITINERARY: tuple[Activity, ...] = (
    # Thursday: a working day at DCU, the news at home in the evening.
    A(THU, "07:10", "07:36", "kitchen", "home", views=(0,),
      moment="having Kellogg's Corn Flakes and toast for breakfast in my kitchen on Thursday morning"),
    A(THU, "07:48", "08:12", "bus", "home", to="dcu", props={"route": "11 WADELAI PARK"}),
    A(THU, "08:22", "09:55", "office", "dcu", every=(4, 7)),
    A(THU, "10:00", "10:46", "meeting", "dcu", every=(2, 4),
      moment="a sprint planning meeting in front of a whiteboard at DCU"),
    A(THU, "10:52", "12:30", "office", "dcu", every=(4, 8)),
    A(THU, "13:40", "16:12", "office", "dcu", every=(6, 10)),
    A(THU, "17:12", "17:38", "bus", "dcu", to="home", props={"route": "11 SANDYFORD"}),
    A(THU, "20:40", "22:35", "living_room", "home", every=(4, 8),
      moment="watching the news on TV in the living room on Thursday night"),
    # Friday: errands on Grafton Street, work, then the pub.
    A(FRI, "07:25", "07:48", "kitchen", "home", views=(1,)),
    A(FRI, "08:32", "08:54", "bus", "home", to="oconnell", props={"route": "16 BALLINTEER"}),
    A(FRI, "09:02", "09:34", "cafe", "bewleys", props={"name": "BEWLEY'S"},
      moment="coffee and a scone at Bewley's café on Grafton Street on Friday morning"),
    A(FRI, "09:37", "09:52", "street", "grafton", every=(1.5, 3), props={"shop": "MOLTON BROWN"},
      moment="walking past the Molton Brown shop on Grafton Street"),
    A(FRI, "09:55", "10:20", "pharmacy", "pharmacy", every=(1.5, 3),
      moment="buying an Omron blood pressure monitor in a pharmacy in Dublin"),
    A(FRI, "10:24", "10:36", "building_site", "grafton", to="oconnell", every=(1.5, 3),
      moment="walking past a building site with an EXTREME CAUTION sign"),
    A(FRI, "10:44", "11:10", "bus", "oconnell", to="dcu", props={"route": "11 WADELAI PARK"}),
    A(FRI, "11:18", "12:58", "office", "dcu", every=(5, 9)),
    A(FRI, "14:04", "16:25", "office", "dcu", every=(6, 10)),
    A(FRI, "17:18", "17:52", "bus", "dcu", to="brazen_head", props={"route": "13 GRANGE CASTLE"}),
    A(FRI, "18:05", "21:10", "pub", "brazen_head", every=(5, 9), props={"name": "The Brazen Head"},
      moment="pints of Guinness with friends in The Brazen Head on Friday evening"),
    # Saturday: groceries, then a flight to Thessaloniki.
    A(SAT, "08:40", "09:02", "kitchen", "home"),
    A(SAT, "09:35", "10:05", "supermarket", "tesco", every=(1.5, 3.5), props={"name": "TESCO"},
      moment="grocery shopping for cereal in Tesco on Saturday morning"),
    A(SAT, "11:20", "11:52", "bus", "home", to="dublin_airport", props={"route": "16 AIRPORT"},
      moment="taking the 16 bus to Dublin Airport"),
    A(SAT, "12:04", "13:12", "airport", "dublin_airport", every=(2.5, 5),
      props={"board": "DEPARTURES", "city": "THESSALONIKI", "flight": "FR 7014", "gate": "102", "at": "13:30",
             "clock": "12:41"},
      moment="waiting at the gate in Dublin Airport for the flight to Thessaloniki"),
    A(SAT, "13:28", "17:05", "plane", "dublin_airport", to="skg", every=(7, 12), gps=False,
      moment="looking at the clouds out of the plane window on the flight to Greece"),
    A(SAT, "19:22", "19:40", "airport", "skg", every=(2, 4), views=(0,),
      props={"board": "ARRIVALS", "city": "DUBLIN", "flight": "FR 7014", "gate": "B4", "at": "19:10",
             "clock": "19:26"},
      moment="arriving at Thessaloniki airport on Saturday evening"),
    A(SAT, "20:25", "20:46", "hotel_room", "hotel", props={"light": "night", "name": "ELECTRA PALACE"},
      moment="checking in to my room at the Electra Palace hotel in Thessaloniki"),
    A(SAT, "21:02", "22:30", "taverna", "taverna", every=(3, 6), views=(0,),
      moment="eating a Greek salad at a taverna in Thessaloniki on Saturday night"),
    # Sunday: sightseeing in Thessaloniki.
    A(SUN, "08:32", "08:54", "hotel_room", "hotel", props={"name": "ELECTRA PALACE"}),
    A(SUN, "09:20", "10:14", "seafront", "white_tower", views=(0,),
      moment="walking along the seafront to the White Tower in Thessaloniki"),
    A(SUN, "10:30", "11:40", "museum", "museum", every=(2.5, 5),
      moment="seeing the Derveni krater in the Archaeological Museum of Thessaloniki on Sunday"),
    A(SUN, "12:02", "12:40", "seafront", "museum", to="nea_paralia", views=(1,)),
    A(SUN, "13:05", "14:20", "taverna", "taverna", every=(4, 7), views=(1, 0)),
    A(SUN, "21:10", "22:40", "hotel_room", "hotel", every=(5, 10), props={"light": "night", "name": "ELECTRA PALACE"}),
)
