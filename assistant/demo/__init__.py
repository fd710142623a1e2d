"""The built-in demo lifelog: a few days of wearable-camera photos with LSC-style metadata and captions.

`write_demo_source` draws every photo procedurally (no downloads), so the app can open a library on first
run. The output looks like an LSC release: photos/<date>/<YYYYMMDD_HHMMSS>_000.jpg named by UTC time,
metadata.csv with positions, semantic places and IANA time zones, and captions.csv. The same seed always
gives the same bytes.
"""

from .source import CAPTION_COLUMNS, METADATA_COLUMNS, DemoMoment, DemoSource, PlannedPhoto, draw_photo, plan_photos, write_demo_source

__all__ = ["CAPTION_COLUMNS", "METADATA_COLUMNS", "DemoMoment", "DemoSource", "PlannedPhoto", "draw_photo", "plan_photos", "write_demo_source"]
