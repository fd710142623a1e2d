"""`lifelog …`: a thin command-line shell over the library API, a function per sub-command."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from datetime import datetime
from pathlib import Path

from ..core.settings import Settings
from .options import build_parser
from .progress import progress_bar


def _enrichment(args: argparse.Namespace, device: str):
    """The enrichment steps the flags ask for, with their models loaded (a missing model fails before indexing)."""
    from ..enrich import Enrichment
    from ..models import ModelNotAvailable

    if not (args.ocr or args.concepts or args.detector or args.captioner):
        return None
    if args.concepts and args.no_model:
        raise SystemExit("error: --concepts scores the photos' CLIP embeddings; drop --no-model")
    try:
        from ..enrich.vision import CaptionerStage, DetectorStage

        return Enrichment(
            ocr=args.ocr, ocr_workers=args.ocr_workers, concepts=args.concepts, vocabulary=args.vocabulary,
            detector=DetectorStage(args.detector, device=device) if args.detector else None,
            captioner=CaptionerStage(args.captioner, device=device) if args.captioner else None,
        )
    except ModelNotAvailable as error:
        raise SystemExit(f"error: {error}") from None


def _judge(args: argparse.Namespace, tolerance: str | None = None):
    """The qrels read (and what was read, on stderr), judged under the chosen tolerance."""
    from ..studies import Judge, parse_tolerance, read_qrels

    tolerance = parse_tolerance(tolerance or args.tolerance or "exact")
    qrels = read_qrels(args.qrels)
    print(qrels.describe(), file=sys.stderr)
    settings = Settings.resolve(library=args.library, date_order=args.date_order)
    library = _open_library(settings) if args.library else None
    return Judge(qrels, tolerance, library, settings.date_order)


def _load_encoder(settings: Settings, library_model: str | None, required: bool, texts_only: bool = False):
    """The CLIP encoder for a command; without an explicit --model, the library's own model is used. `texts_only`:
    the command embeds only texts, which CLIP's text tower does in numpy when it can (no torch to import); when it
    cannot, a note says why."""
    from ..models import ModelMismatch, ModelNotAvailable, clip_for_library, clip_text_for_library

    try:
        if not texts_only:
            return clip_for_library(library_model, settings)
        encoder, why_torch = clip_text_for_library(library_model, settings)
        if why_torch:
            print(f"note: {why_torch}", file=sys.stderr)
        return encoder
    except ModelMismatch as error:
        raise SystemExit(f"error: {error}") from None
    except ModelNotAvailable as error:
        if required:
            raise SystemExit(f"error: {error}") from None
        print(f"warning: {error}\nwarning: continuing without the model.", file=sys.stderr)
        return None


def _indexed_manifest(folder: Path):
    from ..library.store import LibraryDamaged, LibraryNotFound, Manifest

    try:
        return Manifest.read(folder)
    except (LibraryNotFound, LibraryDamaged):  # indexing reports the damage (or repairs it) itself
        return None


def _load_text_encoder(settings: Settings, library_text_model: str | None):
    """(the sentence model for photo words or None, why it is missing when asked for): without it, BM25
    still matches words exactly."""
    from ..models import ModelNotAvailable, shared_sentence_model

    name = settings.text_model_for(library_text_model)
    if name is None:
        return None, None
    try:
        return shared_sentence_model(name), None
    except ModelNotAvailable as error:
        return None, f"{error}; photo words were matched exactly only (BM25), and earlier sentence vectors of unchanged words kept"


def run_index(args: argparse.Namespace) -> int:
    from ..indexing import IndexOptions, index_photos

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
    if args.searchable_first and args.cluster:
        raise SystemExit("error: --searchable-first enriches on this machine after the commit: drop --cluster, or index in two runs")
    work = _cluster_work(args, settings.device) if args.cluster else None
    options = IndexOptions(
        encoder=encoder,
        home_timezone=settings.home_timezone,
        metadata_csv=args.metadata,
        captions_csv=args.captions,
        batch_size=settings.batch_size,
        workers=args.workers,
        progress=progress_bar(),
        checkpoint_every=args.checkpoint_every,
        repair=args.repair,
        text_encoder=text_encoder,
        keep_text_vectors=settings.text_model_for(manifest and manifest.text_model) is not None,  # "none": drop them
        enrichment=None if args.searchable_first else enrichment,
        problems=[text_model_problem] if text_model_problem else [],
        vector_index=args.vector_index,
        work=work,
    )
    report = index_photos(settings.library, args.photos_dir, options)
    print(report.summary())
    if args.searchable_first and enrichment:
        from ..indexing.enrich_steps import enrich_in_steps

        print("searchable now; enriching, a generation every", args.commit_every, "photos", flush=True)
        reports = enrich_in_steps(settings.library, enrichment, encoder=encoder, text_encoder=text_encoder,
                                  commit_every=max(1, args.commit_every), progress=progress_bar())
        enrichment.reports = reports
    for line in enrichment.summary() if enrichment else []:
        print(line)
    return 0


def _cluster_work(args: argparse.Namespace, device: str):
    """The Ray workers --cluster asks for, once connected (and said where, on stderr)."""
    from ..indexing.cluster import RayWork, connect

    if args.cluster_workers is not None and args.cluster_workers < 1:
        raise SystemExit("error: --cluster-workers needs at least 1")
    print(connect(args.cluster), file=sys.stderr)
    return RayWork(actors=args.cluster_workers, send_photos=args.cluster_send_photos, device=device)


def _open_library(settings: Settings):
    from ..library import Library

    return Library.open(settings.library)


def run_search(args: argparse.Namespace) -> int:
    from ..query import QueryContext
    from ..search import SearchRequest, search

    if not args.text.strip() and args.image is None and not args.like:
        raise SystemExit("error: give a description to search for, --image PHOTO or --like ID")
    settings = Settings.resolve(
        library=args.library, model=args.model, device=args.device, precision=args.precision, online_places=args.online_places,
        date_order=args.date_order, language=args.language, clip_text_model=args.clip_text_model,
    )
    library = _open_library(settings)
    needs_model = args.image is not None and library.row_of_path(args.image) is None
    wants_model = library.embeddings is not None or needs_model
    if needs_model:
        print("note: the photo is not in the library, so CLIP's image tower reads it, on torch", file=sys.stderr)
    encoder = _load_encoder(settings, library.model, required=needs_model, texts_only=not needs_model) if wants_model else None
    request = SearchRequest(
        text=args.text, example_image=args.image, like_ids=tuple(args.like), unlike_ids=tuple(args.unlike),
        top_k=args.top_k, group_events=args.events,
    )
    result = search(library, encoder, request, QueryContext.of(library, settings))
    for notice in result.notices + ([result.near_misses.sentence] if args.json and result.near_misses else []):
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
        _print_events(result.events)
    else:
        print(f"{'#':>3}  {'score':>6}  {'local time':<19}  {'place':<32}  image")
        for rank, hit in enumerate(result.photos, 1):
            print(f"{rank:>3}  {hit['score']:>6.2f}  {hit['local_time'][:19]:<19}  {hit['place'][:32]:<32}  {hit['image_id']}")
    if result.near_misses is not None:  # their own table, after the exact results and never among them
        print(f"\nNear misses. {result.near_misses.sentence}")
        _print_events(result.near_misses.events)
    return 0


def _print_events(events: list) -> None:
    print(f"{'#':>3}  {'score':>6}  {'from':<19}  {'to':<8}  {'photos':>6}  {'place':<32}  best photo")
    for rank, event in enumerate(events, 1):
        print(
            f"{rank:>3}  {event['score']:>6.2f}  {event['start_time'][:19]:<19}  {event['end_time'][11:19]:<8}  "
            f"{event['photo_count']:>6}  {event['place'][:32]:<32}  {event['best']['image_id']}"
        )


def run_parse(args: argparse.Namespace) -> int:
    from ..query import QueryContext

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
    from ..answers import VqaModel, answer_question
    from ..query import QueryContext

    now = _now(args)
    settings = Settings.resolve(library=args.library, model=args.model, device=args.device, precision=args.precision,
                                online_places=args.online_places, date_order=args.date_order, language=args.language)
    library = _open_library(settings)
    # CLIP only when an answer must look at the photos (no word of the question is in them): seconds saved mostly
    encoder = functools.cache(lambda: _load_encoder(settings, library.model, required=False, texts_only=True))
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

    from ..core.access import add_account
    from ..library.store import Manifest

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
    from ..studies import read_log, report_text, summarise

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
    from ..studies import DresScoring, logged_tolerances, report_text, summarise
    from ..studies.plots import write_study_plots
    from ..studies.tasks import DRES_FLAGS

    if len(stated := logged_tolerances(records)) > 1 and not args.tolerance:
        print(f"note: the log was judged live under several tolerances ({', '.join(stated)}); pass --tolerance to choose", file=sys.stderr)
    judge = _judge(args, args.tolerance or (stated[0] if len(stated) == 1 else None))  # as the live session judged
    scoring = DresScoring(**{field: getattr(args, field) for field in DRES_FLAGS})
    tasks = summarise(records, judge, scoring)
    if not tasks:
        raise SystemExit(f"error: {args.log} holds no study records")
    print(report_text(tasks, judge, scoring))
    for path in write_study_plots(tasks, args.plots or args.log.parent, args.log.stem, scoring.duration_s):
        print(f"plot: {path}")
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from ..studies import read_run, score_run, score_text

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
    from ..studies import packaged_study_file
    from ..studies.topic_runs import MAX_IMAGES_PER_TOPIC, notes_path, read_topics, run_topics

    if not 1 <= args.top_k <= MAX_IMAGES_PER_TOPIC:
        raise SystemExit(f"error: --top-k must be between 1 and {MAX_IMAGES_PER_TOPIC}: the run format allows up to {MAX_IMAGES_PER_TOPIC} images per topic")
    topics = read_topics(packaged_study_file(args.topics, "topics"))
    settings = Settings.resolve(
        library=args.library, model=args.model, device=args.device, precision=args.precision, date_order=args.date_order,
    )
    library = _open_library(settings)
    encoder = _load_encoder(settings, library.model, required=False, texts_only=True) if library.embeddings is not None else None
    run = run_topics(
        library, encoder, topics, args.out, group_id=args.group_id, run_id=args.run_id or args.out.stem, top_k=args.top_k,
        captions_only=args.captions_only, progress=progress_bar(), date_order=settings.date_order,
    )
    if args.json:
        print(json.dumps(run.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(f"{run.rows} rows for {run.topics} topics written to {args.out}, ranked by {', '.join(run.channels) or 'nothing (time order)'}")
        print(f"notes: {notes_path(args.out)}")
    for notice in run.notices:
        print(f"note: {notice}", file=sys.stderr)
    return 0


def build_app_from_args(args: argparse.Namespace):
    """The app for these flags, built (not yet serving): a web.launcher.App."""
    from ..web.launcher import App

    return App.build(
        share=args.share, library=args.library, model=args.model, auth_file=args.auth_file, study_log=args.study_log,
        participant=args.participant, topic=args.topic, date_order=args.date_order, host=args.host, port=args.port,
        online_places=args.online_places, map_tiles=args.map_tiles, topics=args.topics, qrels=args.qrels, feedback=args.feedback, hint_every=args.hint_every,
        tolerance=args.tolerance,
    )


def run_app(args: argparse.Namespace) -> int:
    build_app_from_args(args).serve()
    return 0


def main(argv: list[str] | None = None) -> int:
    from ..library import LibraryError
    from ..search import SearchError

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

