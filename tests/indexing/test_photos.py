import io
import math
from datetime import datetime

import numpy as np
import pytest
from PIL import Image, ImageOps

from assistant.indexing.photos import UnreadablePhoto, read_photo, scan_photos
from assistant.models import ImageSpec

SPEC = ImageSpec(short_side=32, crop_height=32, crop_width=32, mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5))


def exif_with(orientation=None, time=None, offset=None, gps=None):
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if time:
        exif.get_ifd(0x8769)[36867] = time
    if offset:
        exif.get_ifd(0x8769)[36881] = offset
    if gps:
        (lat_ref, lat), (lng_ref, lng) = gps
        exif.get_ifd(0x8825).update({1: lat_ref, 2: lat, 3: lng_ref, 4: lng})
    return exif


def test_exif_time_offset_and_gps(tmp_path):
    path = tmp_path / "a.jpg"
    gps = (("N", (53.0, 23.0, 6.0)), ("W", (6.0, 15.0, 0.0)))
    Image.new("RGB", (64, 48), "red").save(path, exif=exif_with(time="2019:01:05 16:40:08", offset="+01:00", gps=gps))
    facts, pixels = read_photo(path, SPEC)
    assert facts.exif_time == datetime(2019, 1, 5, 16, 40, 8)
    assert facts.exif_offset_s == 3600
    assert facts.exif_lat == pytest.approx(53.385) and facts.exif_lng == pytest.approx(-6.25)
    assert pixels.dtype == np.uint8 and pixels.shape[2] == 3 and min(pixels.shape[:2]) >= 32


def test_no_exif(tmp_path):
    path = tmp_path / "a.png"
    Image.new("RGB", (64, 48), "blue").save(path)
    facts, _ = read_photo(path, SPEC)
    assert facts.exif_time is None and math.isnan(facts.exif_offset_s) and math.isnan(facts.exif_lat)


def test_exif_orientation_is_applied_before_embedding(tmp_path):
    # Stored sideways: left half red, right half blue. Orientation 6 = rotate 90 degrees clockwise to view,
    # so the viewer sees red on top and blue at the bottom.
    stored = Image.new("RGB", (80, 40), "red")
    stored.paste(Image.new("RGB", (40, 40), "blue"), (40, 0))
    path = tmp_path / "rotated.jpg"
    stored.save(path, exif=exif_with(orientation=6), quality=95)
    facts, pixels = read_photo(path, SPEC)
    assert (facts.width, facts.height) == (40, 80)
    assert pixels.shape[0] > pixels.shape[1]  # upright: taller than wide
    top, bottom = pixels[2, pixels.shape[1] // 2], pixels[-3, pixels.shape[1] // 2]
    assert top[0] > 200 and top[2] < 50  # red
    assert bottom[2] > 200 and bottom[0] < 50  # blue


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_matches_pillows_upright_view(tmp_path, orientation):
    rng = np.random.default_rng(orientation)
    stored = Image.fromarray((rng.random((6, 8, 3)) * 255).astype(np.uint8)).resize((96, 64), Image.Resampling.NEAREST)
    path = tmp_path / "turned.jpg"
    stored.save(path, exif=exif_with(orientation=orientation), quality=95)
    _, pixels = read_photo(path, SPEC)
    with Image.open(path) as image:
        expected = ImageOps.exif_transpose(image.convert("RGB"))
    expected = np.asarray(expected.resize((pixels.shape[1], pixels.shape[0]), Image.Resampling.BOX), dtype=np.int16)
    assert pixels.shape[:2] == expected.shape[:2]
    assert np.abs(pixels.astype(np.int16) - expected).mean() < 12


def test_jpegs_are_decoded_at_the_smallest_scale_that_covers_the_model_input(tmp_path):
    path = tmp_path / "large.jpg"
    Image.new("RGB", (1024, 768), "grey").save(path)
    _, pixels = read_photo(path, ImageSpec(224, 224, 224, (0, 0, 0), (1, 1, 1)))
    assert pixels.shape == (288, 384, 3)  # 3/8 scale: 1/4 would give 192 < 224 rows


def test_large_photos_in_other_formats_are_reduced_before_resampling(tmp_path):
    path = tmp_path / "large.png"
    Image.fromarray(np.full((800, 1000, 3), (10, 200, 90), dtype=np.uint8)).save(path)
    _, pixels = read_photo(path, SPEC)
    assert 32 <= min(pixels.shape[:2]) < 4 * 32  # box-reduced to at most twice the model's side (plus rounding)
    assert pixels.shape[1] / pixels.shape[0] == pytest.approx(1000 / 800, rel=0.03)
    assert tuple(pixels[10, 10]) == (10, 200, 90)


def test_a_jpeg_with_recoverable_damage_is_still_read(tmp_path):
    # A stray restart marker in the entropy data: libjpeg-turbo's strict decode refuses it, Pillow reads it,
    # as it did before reduced-scale decoding; the photo is not lost.
    rng = np.random.default_rng(0)
    buffer = io.BytesIO()
    Image.fromarray(rng.integers(0, 255, (96, 128, 3), dtype=np.uint8)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    damage = data.find(b"\xff\xda") + 60
    data[damage : damage + 2] = b"\xff\xd3"
    path = tmp_path / "damaged.jpg"
    path.write_bytes(bytes(data))
    _, pixels = read_photo(path, SPEC)
    assert pixels.shape[2] == 3 and min(pixels.shape[:2]) >= 32


@pytest.mark.parametrize(
    "mode, suffix",
    [("CMYK", ".jpg"), ("L", ".png"), ("RGBA", ".png"), ("P", ".png"), ("I;16", ".png"), ("RGB", ".webp")],
)
def test_odd_pixel_formats_are_read(tmp_path, mode, suffix):
    path = tmp_path / f"odd{suffix}"
    if mode == "I;16":
        Image.fromarray(np.full((40, 60), 40000, dtype=np.uint16)).save(path)
    else:
        stored = Image.new("RGB", (60, 40), (200, 120, 30)).convert(mode)
        stored.save(path)
        expected = np.asarray(stored.convert("RGB")).reshape(-1, 3).mean(axis=0)
    _, pixels = read_photo(path, SPEC)
    assert pixels.dtype == np.uint8 and pixels.shape[2] == 3 and min(pixels.shape[:2]) >= 32
    if mode == "I;16":
        assert 0.55 * 255 < pixels.mean() < 0.65 * 255  # 40000/65535, not clipped to white
    else:
        assert np.abs(pixels.reshape(-1, 3).mean(axis=0) - expected).max() < 8


@pytest.mark.parametrize(
    "content, reason",
    [(b"", "empty file"), (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00broken", "corrupt"), (b"just some text", "not an image")],
)
def test_unreadable_files_raise_with_reason(tmp_path, content, reason):
    path = tmp_path / "bad.jpg"
    path.write_bytes(content)
    with pytest.raises(UnreadablePhoto, match=reason):
        read_photo(path, SPEC)


def test_truncated_jpeg(tmp_path):
    path = tmp_path / "cut.jpg"
    Image.new("RGB", (400, 300), "green").save(path, quality=90)
    path.write_bytes(path.read_bytes()[:600])
    with pytest.raises(UnreadablePhoto, match="corrupt"):
        read_photo(path, SPEC)


def test_decompression_bomb_is_refused(tmp_path):
    path = tmp_path / "huge.png"
    Image.new("1", (20000, 10000)).save(path)
    with pytest.raises(UnreadablePhoto, match="too large"):
        read_photo(path, SPEC)


def test_scan_is_recursive_and_lists_non_photos(tmp_path):
    (tmp_path / "2019" / "01").mkdir(parents=True)
    for name in ("2019/01/a.JPG", "2019/b.jpeg", "c.png", "d.webp"):
        Image.new("RGB", (8, 8)).save(tmp_path / name)
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / ".DS_Store").write_text("x")
    scan = scan_photos(tmp_path)
    assert sorted(p.path.name for p in scan.photos) == ["a.JPG", "b.jpeg", "c.png", "d.webp"]
    assert [s.path.rsplit("/", 1)[1] for s in scan.not_photos] == ["notes.txt"]


def test_scan_of_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        scan_photos(tmp_path / "nope")
