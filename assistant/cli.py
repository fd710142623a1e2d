"""`lifelog …`: a thin command-line shell over the library API."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from .core.settings import DATE_ORDERS, Settings


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


def _enrichment(args: argparse.Namespace, device: str):
    """The enrichment steps the flags ask for, with their models loaded (a missing model fails before indexing)."""
    from .enrich import Enrichment
    from .models import ModelNotAvailable

    if not (args.ocr or args.concepts or args.detector or args.captioner):
        return None
    if args.concepts and args.no_model:
        raise SystemExit("error: --concepts scores the photos' CLIP embeddings; drop --no-model")
    try:
        from .enrich.vision import CaptionerStage, DetectorStage

        return Enrichment(
            ocr=args.ocr, ocr_workers=args.ocr_workers, concepts=args.concepts, vocabulary=args.vocabulary,
            detector=DetectorStage(args.detector, device=device) if args.detector else None,
            captioner=CaptionerStage(args.captioner, device=device) if args.captioner else None,
        )
    except ModelNotAvailable as error:
        raise SystemExit(f"error: {error}") from None


def _add_judging_options(parser: argparse.ArgumentParser, qrels_required: bool = False) -> None:
    parser.add_argument("--qrels", required=qrels_required, help="ground truth: topic,image_id CSV, JSON or DRES tasks; demo: the demo's")
    parser.add_argument("--tolerance", default="exact", help="what counts as a correct photo: exact, event (needs --library), minutes:N")
    parser.add_argument("--library", help="library whose events and times judge --tolerance event / minutes:N")
    _add_date_order_option(parser)


def _judge(args: argparse.Namespace):
    """The qrels read (and what was read, on stderr), judged under the chosen tolerance."""
    from .evaluation import Judge, parse_tolerance, read_qrels

    tolerance = parse_tolerance(args.tolerance)
    qrels = read_qrels(args.qrels)
    print(qrels.describe(), file=sys.stderr)
    settings = Settings.resolve(library=args.library, date_order=args.date_order)
    library = _open_library(settings) if args.library else None
    return Judge(qrels, tolerance, library, settings.date_order)


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
    parser.add_argument("--auth-file", help="require a login; accounts (and each one's library) from `lifelog add-user`")
    parser.add_argument("--study-log", help="record every turn, click and submission as JSON lines in this file")
    parser.add_argument("--participant", help="participant id in the study log (default: the login name)")
    parser.add_argument("--topic", help="the task's topic id in the study log (default: none; participants can set one)")
    parser.add_argument("--topics", help="run an LSC-style session over these topics (JSON: id, type KIS/QA, hints, limit_s); demo: the demo's study")
    parser.add_argument("--qrels", help="with --topics: judge each submission against this ground truth (CSV or JSON; demo: the demo's)")
    parser.add_argument("--feedback", action="store_true", help="with --topics and --qrels: tell participants live whether a submission is correct")
    parser.add_argument("--hint-every", type=float, metavar="S", help="with --topics: seconds between hints (default: 30, as the LSC)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lifelog", description="Find moments in your lifelog by describing them.")
    commands = parser.add_subparsers(dest="command", required=True)

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

    parse = commands.add_parser("parse", help="show how a description is understood (time, place, visual)")
    parse.add_argument("text")
    parse.add_argument("--now", help="ISO date-time that relative expressions are anchored to (default: the library's last photo)")
    parse.add_argument("--json", action="store_true")
    _add_library_option(parse)
    _add_online_places_option(parse)
    _add_date_order_option(parse)
    _add_language_option(parse)

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

    add_user = commands.add_parser("add-user", help="add or replace a study login (the password is asked for, or read from stdin)")
    add_user.add_argument("auth_file", type=Path, help="accounts file for `app.py --auth-file` (created if missing)")
    add_user.add_argument("username")
    add_user.add_argument("--library", type=Path, help="the library this participant sees (default: the app's --library)")

    report = commands.add_parser("study-report", help="time-to-find and turns per topic and participant, from a study log; with --qrels, judged and scored as DRES does")
    report.add_argument("log", type=Path, help="the JSON-lines file written by `app.py --study-log`")
    _add_judging_options(report)
    report.add_argument("--plots", type=Path, help="folder for the PNG plots written with --qrels (default: beside the log)")

    evaluate = commands.add_parser("evaluate", help="score a run file (run-topics' or any team's LSC run) against qrels")
    evaluate.add_argument("run", type=Path, help="GROUP-ID,RUN-ID,TOPIC-ID,IMAGE-ID,SECONDS-ELAPSED,SCORE rows, ranked in file order; a QA topic's answer comes from --answers, else its first row that is not a photo")
    evaluate.add_argument("--answers", type=Path, help="QA answers: GROUP-ID,RUN-ID,TOPIC-ID,ANSWER rows (default: RUN.answers.csv beside the run, as run-topics writes)")
    _add_judging_options(evaluate, qrels_required=True)
    evaluate.add_argument("--json", action="store_true", help='print {"overall": {...}, "topics": {...}} as JSON')

    app = commands.add_parser("app", help="start the app: the chat screen and its HTTP API (the same flags as app.py)")
    add_app_options(app)

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
    return parser


def _progress_bar(stream: TextIO | None = None):
    """Adapt the progress(done, total, what) callback to tqdm bars, one per stage, on a terminal; piped or
    in CI, to plain lines instead of thousands of carriage returns."""
    from tqdm import tqdm

    stream = stream or sys.stderr
    if not stream.isatty():
        return _progress_lines(stream)
    bars: dict[str, tqdm] = {}

    def progress(done: int, total: int, what: str) -> None:
        bar = bars.get(what)
        if bar is None:
            bar = bars[what] = tqdm(total=total, desc=what, unit="photo" if total > 1 else "step", leave=True, file=stream)
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return progress


def _progress_lines(stream: TextIO):
    """progress(done, total, what) as a line when a step starts, every 10 % of it, and when it ends."""
    printed: dict[str, int] = {}  # step -> the last tenth printed

    def progress(done: int, total: int, what: str) -> None:
        tenth = 10 if done >= total else done * 10 // total
        if printed.get(what) == tenth:
            return
        printed[what] = tenth
        if total == 1:
            print(f"{what}: {'done' if done >= total else 'started'}", file=stream, flush=True)
        else:
            print(f"{what}: {done}/{total} ({tenth * 10} %)", file=stream, flush=True)

    return progress


def _load_encoder(settings: Settings, library_model: str | None, required: bool):
    """The CLIP encoder for a command; without an explicit --model, the library's own model is used."""
    from .models import ModelMismatch, ModelNotAvailable, clip_for_library

    try:
        return clip_for_library(library_model, settings)
    except ModelMismatch as error:
        raise SystemExit(f"error: {error}") from None
    except ModelNotAvailable as error:
        if required:
            raise SystemExit(f"error: {error}") from None
        print(f"warning: {error}\nwarning: continuing without the model.", file=sys.stderr)
        return None


def _indexed_manifest(folder: Path):
    from .library.store import LibraryDamaged, LibraryNotFound, Manifest

    try:
        return Manifest.read(folder)
    except (LibraryNotFound, LibraryDamaged):  # indexing reports the damage (or repairs it) itself
        return None


def _load_text_encoder(settings: Settings, library_text_model: str | None):
    """(the sentence model for photo words or None, why it is missing when asked for): without it, BM25
    still matches words exactly."""
    from .models import ModelNotAvailable, shared_sentence_model

    name = settings.text_model_for(library_text_model)
    if name is None:
        return None, None
    try:
        return shared_sentence_model(name), None
    except ModelNotAvailable as error:
        return None, f"{error}; photo words were matched exactly only (BM25), and earlier sentence vectors of unchanged words kept"


def run_index(args: argparse.Namespace) -> int:
    from .indexing import IndexOptions, index_photos

    settings = Settings.resolve(
        library=args.library, model=args.model, device=args.device, precision=args.precision,
        home_timezone=args.home_timezone, batch_size=args.batch_size, text_model=args.text_model,
    )
    manifest = _indexed_manifest(settings.library)
    encoder = None if args.no_model else _load_encoder(settings, manifest and manifest.model, required=True)
    text_encoder, text_model_problem = _load_text_encoder(settings, manifest and manifest.text_model)
    enrichment = _enrichment(args, settings.device)
    if not args.cluster and (args.cluster_workers is not None or args.cluster_send_photos):
        raise SystemExit("error: --cluster-workers and --cluster-send-photos go with --cluster")
    work = _cluster_work(args, settings.device) if args.cluster else None
    options = IndexOptions(
        encoder=encoder,
        home_timezone=settings.home_timezone,
        metadata_csv=args.metadata,
        captions_csv=args.captions,
        batch_size=settings.batch_size,
        workers=args.workers,
        progress=_progress_bar(),
        checkpoint_every=args.checkpoint_every,
        repair=args.repair,
        text_encoder=text_encoder,
        keep_text_vectors=settings.text_model_for(manifest and manifest.text_model) is not None,  # "none": drop them
        enrichment=enrichment,
        problems=[text_model_problem] if text_model_problem else [],
        vector_index=args.vector_index,
        work=work,
    )
    report = index_photos(settings.library, args.photos_dir, options)
    print(report.summary())
    for line in enrichment.summary() if enrichment else []:
        print(line)
    return 0


def _cluster_work(args: argparse.Namespace, device: str):
    """The Ray workers --cluster asks for, once connected (and said where, on stderr)."""
    from .indexing.cluster import RayWork, connect

    if args.cluster_workers is not None and args.cluster_workers < 1:
        raise SystemExit("error: --cluster-workers needs at least 1")
    print(connect(args.cluster), file=sys.stderr)
    return RayWork(actors=args.cluster_workers, send_photos=args.cluster_send_photos, device=device)


def _open_library(settings: Settings):
    from .library import Library

    return Library.open(settings.library)


def run_search(args: argparse.Namespace) -> int:
    from .query import QueryContext
    from .search import SearchRequest, search

    if not args.text.strip() and args.image is None and not args.like:
        raise SystemExit("error: give a description to search for, --image PHOTO or --like ID")
    settings = Settings.resolve(
        library=args.library, model=args.model, device=args.device, precision=args.precision, online_places=args.online_places,
        date_order=args.date_order, language=args.language,
    )
    library = _open_library(settings)
    needs_model = args.image is not None and library.row_of_path(args.image) is None
    wants_model = library.embeddings is not None or needs_model
    encoder = _load_encoder(settings, library.model, required=needs_model) if wants_model else None
    request = SearchRequest(
        text=args.text, example_image=args.image, like_ids=tuple(args.like), unlike_ids=tuple(args.unlike),
        top_k=args.top_k, group_events=args.events,
    )
    result = search(library, encoder, request, QueryContext.of(library, settings))
    for notice in result.notices:
        print(f"note: {notice}", file=sys.stderr)
    if args.json:
        print(json.dumps(result.events if args.events else result.photos, ensure_ascii=False, indent=1))
        return 0
    if result.query is not None:
        print(f"understood: {result.query.describe()}")
    print(f"{result.matched} photos match the constraints.")
    for hint in result.hints:
        print(f"  {hint.count} {hint.label}")
    if args.events:
        print(f"{'#':>3}  {'score':>6}  {'from':<19}  {'to':<8}  {'photos':>6}  {'place':<32}  best photo")
        for rank, event in enumerate(result.events, 1):
            print(
                f"{rank:>3}  {event['score']:>6.2f}  {event['start_time'][:19]:<19}  {event['end_time'][11:19]:<8}  "
                f"{event['photo_count']:>6}  {event['place'][:32]:<32}  {event['best']['image_id']}"
            )
        return 0
    print(f"{'#':>3}  {'score':>6}  {'local time':<19}  {'place':<32}  image")
    for rank, hit in enumerate(result.photos, 1):
        print(f"{rank:>3}  {hit['score']:>6.2f}  {hit['local_time'][:19]:<19}  {hit['place'][:32]:<32}  {hit['image_id']}")
    return 0


def run_parse(args: argparse.Namespace) -> int:
    from .query import QueryContext

    settings = Settings.resolve(library=args.library, online_places=args.online_places, date_order=args.date_order,
                                language=args.language)
    library = _open_library(settings) if args.library or settings.library.joinpath("library.json").exists() else None
    context = QueryContext.of(library, settings, now=datetime.fromisoformat(args.now) if args.now else None)
    parsed = context.parse(args.text)
    if context.offline_notice():
        print(f"note: {context.offline_notice()}", file=sys.stderr)
    if args.json:
        print(json.dumps(parsed.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(parsed.describe())
        if parsed.question is not None:
            print(f"question: {parsed.question.kind}")
    return 0


def _now(args: argparse.Namespace) -> datetime | None:
    """--now as a time; a date alone is the end of that day (the whole day counts as before now)."""
    now = datetime.fromisoformat(args.now) if args.now else None
    return now.replace(hour=23, minute=59, second=59) if now is not None and len(args.now) == 10 else now


def run_ask(args: argparse.Namespace) -> int:
    from .answers import VqaModel, answer_question
    from .query import QueryContext

    now = _now(args)
    settings = Settings.resolve(library=args.library, model=args.model, device=args.device, precision=args.precision,
                                online_places=args.online_places, date_order=args.date_order, language=args.language)
    library = _open_library(settings)
    encoder = _load_encoder(settings, library.model, required=False) if library.embeddings is not None else None
    vqa = VqaModel(args.vqa, device=settings.device) if args.vqa else None
    context = QueryContext.of(library, settings, now=now)
    answer = answer_question(library, args.text, now=now, encoder=encoder, vqa=vqa, context=context)
    if context.offline_notice():
        print(f"note: {context.offline_notice()}", file=sys.stderr)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
        return 0
    print(answer.text)
    if answer.reasoning:
        print(f"how: {answer.reasoning}")
    print(f"how sure: {answer.confidence}" + (f" ({answer.why})" if answer.why else ""))
    for image_id in answer.evidence:
        print(f"  {image_id}")
    return 0


def run_add_user(args: argparse.Namespace) -> int:
    import getpass

    from .core.access import add_account
    from .library.store import Manifest

    if args.library is not None:
        Manifest.read(args.library)  # refuse a folder that is not a library now, not at a participant's login
    if sys.stdin.isatty():
        password = getpass.getpass(f"password for {args.username}: ")
        if getpass.getpass("again: ") != password:
            raise SystemExit("error: the two passwords differ; nothing was changed")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    add_account(args.auth_file, args.username, password, args.library)
    print(f"{args.username}: saved in {args.auth_file}" + (f" (library {args.library})" if args.library else ""))
    return 0


def run_study_report(args: argparse.Namespace) -> int:
    from .study import read_log, report_text, summarise

    reading = read_log(args.log)
    if reading.unreadable_lines:
        print(f"warning: {args.log}: {reading.unreadable_summary()} skipped; a writer was probably killed mid-line", file=sys.stderr)
    if args.qrels:
        return _run_judged_study_report(args, reading.records)
    summaries = summarise(reading.records)
    if not summaries:
        raise SystemExit(f"error: {args.log} holds no study records")
    print(report_text(summaries))
    return 0


def _run_judged_study_report(args: argparse.Namespace, records: list[dict]) -> int:
    from .evaluation import DresScoring, judge_sessions, judged_report_text
    from .evaluation.plots import write_study_plots

    judge, scoring = _judge(args), DresScoring()
    tasks = judge_sessions(records, judge, scoring)
    if not tasks:
        raise SystemExit(f"error: {args.log} holds no study records")
    print(judged_report_text(tasks, judge, scoring))
    for path in write_study_plots(tasks, args.plots or args.log.parent, args.log.stem, scoring.duration_s):
        print(f"plot: {path}")
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from .evaluation import read_run, score_run, score_text

    judge = _judge(args)
    run = read_run(args.run, args.answers)
    if run.answers_file:
        print(f"answers: {len(run.answers)} topics answered in {run.answers_file}", file=sys.stderr)
    if run.unreadable:
        print(f"note: {len(run.unreadable)} rows with fewer than four columns skipped ({', '.join(run.unreadable[:5])})", file=sys.stderr)
    scores = score_run(run, judge)
    print(json.dumps(scores, ensure_ascii=False, indent=1) if args.json else score_text(scores))
    return 0


def run_run_topics(args: argparse.Namespace) -> int:
    from .evaluation import packaged_study_file
    from .study import MAX_IMAGES_PER_TOPIC, notes_path, read_topics, run_topics

    if not 1 <= args.top_k <= MAX_IMAGES_PER_TOPIC:
        raise SystemExit(f"error: --top-k must be between 1 and {MAX_IMAGES_PER_TOPIC}: the run format allows up to {MAX_IMAGES_PER_TOPIC} images per topic")
    topics = read_topics(packaged_study_file(args.topics, "topics"))
    settings = Settings.resolve(
        library=args.library, model=args.model, device=args.device, precision=args.precision, date_order=args.date_order,
    )
    library = _open_library(settings)
    encoder = _load_encoder(settings, library.model, required=False) if library.embeddings is not None else None
    run = run_topics(
        library, encoder, topics, args.out, group_id=args.group_id, run_id=args.run_id or args.out.stem, top_k=args.top_k,
        captions_only=args.captions_only, progress=_progress_bar(), date_order=settings.date_order,
    )
    if args.json:
        print(json.dumps(run.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(f"{run.rows} rows for {run.topics} topics written to {args.out}, ranked by {', '.join(run.channels) or 'nothing (time order)'}")
        print(f"notes: {notes_path(args.out)}")
    for notice in run.notices:
        print(f"note: {notice}", file=sys.stderr)
    return 0


def parse_app_args(argv: list[str] | None = None) -> argparse.Namespace:
    """app.py's flags: those of `lifelog app`."""
    parser = argparse.ArgumentParser(prog="app.py", description="Lifelog Assistant: find moments in your lifelog by describing them.")
    add_app_options(parser)
    return parser.parse_args(argv)


def build_app_from_args(args: argparse.Namespace):
    """The app for these flags, built (not yet serving): a web.launcher.App."""
    from .web.launcher import App

    return App.build(
        share=args.share, library=args.library, model=args.model, auth_file=args.auth_file, study_log=args.study_log,
        participant=args.participant, topic=args.topic, date_order=args.date_order, host=args.host, port=args.port,
        online_places=args.online_places, topics=args.topics, qrels=args.qrels, feedback=args.feedback, hint_every=args.hint_every,
    )


def run_app(args: argparse.Namespace) -> int:
    build_app_from_args(args).serve()
    return 0


def main(argv: list[str] | None = None) -> int:
    from .library import LibraryError
    from .search import SearchError

    args = build_parser().parse_args(argv)
    handlers = {
        "index": run_index, "search": run_search, "parse": run_parse, "ask": run_ask,
        "add-user": run_add_user, "study-report": run_study_report, "run-topics": run_run_topics, "app": run_app,
        "evaluate": run_evaluate,
    }
    try:
        return handlers[args.command](args)
    except (LibraryError, SearchError, FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except RuntimeError as error:  # a model that cannot be had (ModelNotAvailable), OCR workers that died
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: progress so far is saved; run the same command again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
