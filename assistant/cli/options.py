"""`lifelog …`'s flags: one parser, a sub-command each, and the options several commands share (also app.py's)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.settings import DATE_ORDERS


def _add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", help="library folder (env LIFELOG_LIBRARY; default: a per-user data folder)")


def _add_online_places_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--online-places", action="store_true", default=None,
        help="ask OpenStreetMap's Nominatim about place names the offline gazetteer does not know "
        "(one request a second, answers cached; env LIFELOG_ONLINE_PLACES; default: offline)",
    )


def _add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="CLIP model: Hugging Face id or local folder (env LIFELOG_MODEL)")
    parser.add_argument("--device", help="auto, cpu, cuda, mps (env LIFELOG_DEVICE)")
    parser.add_argument("--precision", choices=["auto", "fp32", "bf16", "fp16"], help="model precision (env LIFELOG_PRECISION)")


def _add_enrichment_options(parser: argparse.ArgumentParser) -> None:
    words = parser.add_argument_group("words in the photos (opt-in; results are kept by later runs without the flags)")
    words.add_argument("--ocr", action="store_true", help="read text in the photos (signs, shop names) with RapidOCR")
    words.add_argument("--ocr-workers", type=int, help="OCR processes beside the embedding (default: half the cores)")
    words.add_argument("--concepts", action="store_true", help="zero-shot concept tags from the CLIP embeddings")
    words.add_argument("--vocabulary", type=Path, help="extra concept terms for --concepts, one per line")
    words.add_argument("--detector", metavar="MODEL", help="object-detection model (id or folder), e.g. facebook/detr-resnet-50")
    words.add_argument("--captioner", metavar="MODEL", help="image-to-text model (id or folder) for photos with no caption")
    words.add_argument("--searchable-first", action="store_true",
                       help="commit the library before the steps above (OCR, tags, detector, captioner), which then commit a new "
                       "generation every --commit-every photos: an open app searches at once and finds their words as they come")
    words.add_argument("--commit-every", type=int, default=300, metavar="N",
                       help="with --searchable-first: photos an enrichment step reads between two generations (default 300)")


_TOLERANCE_HELP = "what counts as a correct photo: exact, event (the same event; needs the library) or Nmin (within N minutes, e.g. 5min)"


def _add_judging_options(parser: argparse.ArgumentParser, qrels_required: bool = False, tolerance_default: str | None = "exact") -> None:
    parser.add_argument("--qrels", required=qrels_required, help="ground truth: topic,image_id CSV, JSON or DRES tasks; demo: the demo's")
    stated = tolerance_default or "the one the log states, else exact"
    parser.add_argument("--tolerance", default=tolerance_default, help=f"{_TOLERANCE_HELP} (default: {stated})")
    parser.add_argument("--library", help="library whose events and times judge --tolerance event / Nmin")
    _add_date_order_option(parser)


def _add_dres_options(parser: argparse.ArgumentParser) -> None:
    """DRES's scoring parameters, as its KisTaskScorer takes them (defaults: the LSC's)."""
    from ..studies.tasks import DRES_FLAGS, DresScoring

    for field, (flag, meaning) in DRES_FLAGS.items():
        parser.add_argument(flag, type=float, dest=field, default=getattr(DresScoring(), field), help=f"{meaning} (default: %(default)g)")


def _add_date_order_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date-order", type=str.upper, choices=DATE_ORDERS,
                        help="how to read 04/05/2020 (env LIFELOG_DATE_ORDER; default: the locale's, else both readings)")


def _add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", help="the language memories are written in: de, fr, es, it, pt, el, en or any dateparser "
                                           "knows (env LIFELOG_LANGUAGE; default: auto, told per message)")


def add_app_options(parser: argparse.ArgumentParser) -> None:
    """The app's flags, the same for `lifelog app` and `python app.py`."""
    parser.add_argument("--library", help="library folder (env LIFELOG_LIBRARY); default: the built-in demo library")
    parser.add_argument("--model", help="CLIP model id or folder (env LIFELOG_MODEL)")
    parser.add_argument("--host", help="address to listen on (env GRADIO_SERVER_NAME; default: this machine only, 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port to listen on (env GRADIO_SERVER_PORT; default: 7860)")
    parser.add_argument("--share", action="store_true", help="also publish a temporary public link (off unless asked)")
    _add_date_order_option(parser)
    _add_online_places_option(parser)
    parser.add_argument(
        "--map-tiles", action="store_true", default=None,
        help="draw the map over OpenStreetMap's tiles, fetched politely and kept in the user cache folder "
        "(env LIFELOG_MAP_TILES; another tile server: LIFELOG_TILE_URL; default: offline, over the photos' own trail)",
    )
    parser.add_argument("--auth-file", help="require a login; accounts (and each one's library) from `lifelog add-user`")
    parser.add_argument("--study-log", help="record every turn, click and submission as JSON lines in this file")
    parser.add_argument("--participant", help="participant id in the study log (default: the login name)")
    parser.add_argument("--topic", help="the task's topic id in the study log (default: none; participants can set one)")
    parser.add_argument("--topics", help="run an LSC-style session over these topics (JSON: id, type KIS/QA, hints, limit_s); demo: the demo's study")
    parser.add_argument("--qrels", help="with --topics: judge each submission against this ground truth (CSV or JSON; demo: the demo's)")
    parser.add_argument("--feedback", action="store_true", help="with --topics and --qrels: tell participants live whether a submission is correct")
    parser.add_argument("--tolerance", help="with --topics and --qrels, " + _TOLERANCE_HELP + " (default: exact); shown on screen and logged")
    parser.add_argument("--hint-every", type=float, metavar="S", help="with --topics: seconds between hints (default: 30, as the LSC)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lifelog", description="Find moments in your lifelog by describing them.")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_index_command(commands)
    _add_search_command(commands)
    _add_parse_command(commands)
    _add_ask_command(commands)
    _add_add_user_command(commands)
    _add_study_report_command(commands)
    _add_evaluate_command(commands)
    _add_app_command(commands)
    _add_run_topics_command(commands)
    return parser


def _add_index_command(commands) -> None:
    index = commands.add_parser("index", help="add photos (and their metadata) to a library")
    index.add_argument("photos_dir", type=Path, help="folder searched recursively for JPEG, PNG and WebP photos")
    index.add_argument("--metadata", type=Path, help="LSC metadata CSV: ImageID,new_lat,new_lng,semantic_name,city,country,timezone")
    index.add_argument("--captions", type=Path, help="captions or concepts CSV: ImageID,Description")
    _add_library_option(index)
    _add_model_options(index)
    index.add_argument("--no-model", action="store_true", help="index metadata and captions only; embed later")
    index.add_argument(
        "--text-model", help="sentence model matching photo words by meaning: hub id, folder or 'none' (env LIFELOG_TEXT_MODEL)"
    )
    index.add_argument("--home-timezone", help="zone for photos with no time-zone evidence (env LIFELOG_HOME_TZ)")
    index.add_argument("--batch-size", type=int, help="photos per model batch (env LIFELOG_BATCH_SIZE)")
    index.add_argument("--workers", type=int, help="photo-decoding threads (default: one per core, up to 16)")
    index.add_argument("--checkpoint-every", type=int, metavar="N", help="save progress every N photos (default 512); a killed run resumes from there")
    index.add_argument("--repair", action="store_true", help="on a damaged library, keep what checks out and redo the rest")
    index.add_argument("--vector-index", choices=["auto", "always", "never"], default="auto",
                       help="approximate vector index for fast search: auto builds one for a large library (default)")
    _add_enrichment_options(index)
    cluster = index.add_argument_group("on a Ray cluster (pip install 'lifelog-assistant[cluster]')")
    cluster.add_argument(
        "--cluster", metavar="ADDRESS",
        help="read, embed and enrich the photos on Ray workers: auto (a running cluster, else a local one), "
        "ray://HOST:10001 (Ray Client) or HOST:PORT; this machine still checkpoints and commits",
    )
    cluster.add_argument("--cluster-workers", type=int, metavar="N", help="Ray actors, one CPU each (default: one per CPU of the cluster)")
    cluster.add_argument(
        "--cluster-send-photos", action="store_true",
        help="send the photos' bytes to the workers (photos only this machine sees); default: workers read the paths (shared storage)",
    )


def _add_search_command(commands) -> None:
    search = commands.add_parser("search", help="search a library by description or example photo")
    search.add_argument("text", nargs="?", default="", help="what you remember, e.g. 'coffee in Dublin last January'")
    search.add_argument("--image", type=Path, help="search by example: a photo file")
    search.add_argument("--like", action="append", default=[], metavar="ID", help="more like this library photo (repeatable)")
    search.add_argument("--not", dest="unlike", action="append", default=[], metavar="ID", help="not like this photo (repeatable)")
    search.add_argument("--events", action="store_true", help="group results into events (moments)")
    search.add_argument("--top-k", type=int, default=20)
    search.add_argument("--json", action="store_true", help="print a JSON array of results")
    _add_library_option(search)
    _add_model_options(search)
    _add_online_places_option(search)
    _add_date_order_option(search)
    _add_language_option(search)
    search.add_argument(
        "--clip-text-model", help="multilingual text tower aligned to the CLIP model, for memories not in English: hub id, "
        "folder or 'none' (env LIFELOG_CLIP_TEXT_MODEL; default: the one aligned to the model, when it is on this machine)",
    )


def _add_parse_command(commands) -> None:
    parse = commands.add_parser("parse", help="show how a description is understood (time, place, visual)")
    parse.add_argument("text")
    parse.add_argument("--now", help="ISO date-time that relative expressions are anchored to (default: the library's last photo)")
    parse.add_argument("--json", action="store_true")
    _add_library_option(parse)
    _add_online_places_option(parse)
    _add_date_order_option(parse)
    _add_language_option(parse)


def _add_ask_command(commands) -> None:
    ask = commands.add_parser("ask", help="answer a question about your life from the library, with the evidence")
    ask.add_argument("text", help="e.g. 'How many times did I go to the cinema in 2019?'")
    ask.add_argument("--now", help="YYYY-MM-DD that 'last' and 'this year' are relative to (default: the library's last photo)")
    ask.add_argument("--json", action="store_true", help='print {"kind", "answer", "value", "evidence", ...}')
    ask.add_argument("--vqa", metavar="MODEL", help="visual-question-answering model (id or folder) asked about the evidence photos "
                     "when their words do not say the answer, e.g. dandelin/vilt-b32-finetuned-vqa")
    _add_library_option(ask)
    _add_model_options(ask)
    _add_online_places_option(ask)
    _add_date_order_option(ask)
    _add_language_option(ask)


def _add_add_user_command(commands) -> None:
    add_user = commands.add_parser("add-user", help="add or replace a study login (the password is asked for, or read from stdin)")
    add_user.add_argument("auth_file", type=Path, help="accounts file for `app.py --auth-file` (created if missing)")
    add_user.add_argument("username")
    add_user.add_argument("--library", type=Path, help="the library this participant sees (default: the app's --library)")


def _add_study_report_command(commands) -> None:
    report = commands.add_parser("study-report", help="time-to-find and turns per topic and participant, from a study log; with --qrels, judged and scored as DRES does")
    report.add_argument("log", type=Path, help="the JSON-lines file written by `app.py --study-log`")
    _add_judging_options(report, tolerance_default=None)
    _add_dres_options(report)
    report.add_argument("--plots", type=Path, help="folder for the PNG plots written with --qrels (default: beside the log)")


def _add_evaluate_command(commands) -> None:
    evaluate = commands.add_parser("evaluate", help="score a run file (run-topics' or any team's LSC run) against qrels")
    evaluate.add_argument("run", type=Path, help="GROUP-ID,RUN-ID,TOPIC-ID,IMAGE-ID,SECONDS-ELAPSED,SCORE rows, ranked in file order; a QA topic's answer comes from --answers, else its first row that is not a photo")
    evaluate.add_argument("--answers", type=Path, help="QA answers: GROUP-ID,RUN-ID,TOPIC-ID,ANSWER rows (default: RUN.answers.csv beside the run, as run-topics writes)")
    _add_judging_options(evaluate, qrels_required=True)
    evaluate.add_argument("--json", action="store_true", help='print {"overall": {...}, "topics": {...}} as JSON')


def _add_app_command(commands) -> None:
    app = commands.add_parser("app", help="start the app: the chat screen and its HTTP API (the same flags as app.py)")
    add_app_options(app)


def _add_run_topics_command(commands) -> None:
    topics = commands.add_parser("run-topics", help="answer a list of topics automatically: an NTCIR Lifelog / LSC run file")
    topics.add_argument("topics", type=Path, help="CSV with id and text columns, or JSON (a list of {id, text}, or id -> text); demo: the demo's study")
    topics.add_argument("--out", type=Path, required=True, help="run file to write: GROUP-ID,RUN-ID,TOPIC-ID,IMAGE-ID,SECONDS-ELAPSED,SCORE")
    topics.add_argument("--group-id", default="LIFELOG", help="your group's id (default: LIFELOG)")
    topics.add_argument("--run-id", help="this run's id (default: the output file's name without extension)")
    topics.add_argument("--top-k", type=int, default=100, help="images per topic, at most 100 (default: 100)")
    topics.add_argument("--captions-only", action="store_true", help="rank by photo words alone when there is no CLIP model (refused otherwise)")
    topics.add_argument("--json", action="store_true", help="print the run's notes (rows, channels used per topic) as JSON")
    _add_library_option(topics)
    _add_model_options(topics)
    _add_date_order_option(topics)


def parse_app_args(argv: list[str] | None = None) -> argparse.Namespace:
    """app.py's flags: those of `lifelog app`."""
    parser = argparse.ArgumentParser(prog="app.py", description="Lifelog Assistant: find moments in your lifelog by describing them.")
    add_app_options(parser)
    return parser.parse_args(argv)
