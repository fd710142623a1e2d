"""Imported first by the web package: Gradio's analytics turned off before Gradio is imported, so nothing is sent anywhere."""

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
