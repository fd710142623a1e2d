"""For tests and benchmarks: random-weight models (models.py), synthetic photos (photos.py), synthetic
libraries and vectors (library.py) and synthetic years of a life with known answers (life.py)."""
