"""Indexing's per-photo work on a Ray cluster (`lifelog index --cluster`): the other side of work.PhotoWork.

Each actor loads its models once (the same model ids or folders and settings as the driver) and works
through the batches it is handed: reading and embedding photos, and the enrichment stages (OCR, detector,
captioner). The driver keeps the rest as on one machine: scanning, what to skip or resume, checkpoints,
shards, the skip report, the progress bar and the one commit. Results come back in the order the batches
went out, each batch as a single machine would have made it, so the library is the same photo for photo.

Ray is optional (`pip install 'lifelog-assistant[cluster]'`) and imported only here, only when asked for.
"""

from __future__ import annotations

import functools
import io
import itertools
import threading
from collections import deque
from typing import Callable, Iterator, Sequence

from ..enrich import vision
from ..enrich.stages import PhotoStage
from ..models import load_clip
from .photos import UnreadablePhoto, photo_bytes, read_photo_safely
from .work import EmbeddedBatch, batches, embed_read

INSTALL_HINT = "pip install 'lifelog-assistant[cluster]'"
IN_FLIGHT_PER_ACTOR = 2  # batches queued on each actor: it never waits for the driver, and a stop stays prompt


class ClusterUnavailable(RuntimeError):
    """--cluster was asked for and Ray is not installed, or the cluster cannot be reached."""


def import_ray():
    try:
        import ray
    except ImportError as error:
        raise ClusterUnavailable(f"--cluster runs the indexing on Ray, which is not installed: {INSTALL_HINT}") from error
    return ray


def connect(address: str) -> str:
    """Join the Ray cluster at address and say which: "auto" finds a running one (RAY_ADDRESS, or one started
    on this machine with `ray start --head`) or else starts a local one; "ray://HOST:PORT" is Ray Client,
    "HOST:PORT" a cluster's own address."""
    ray = import_ray()
    options = dict(log_to_driver=False)  # the workers' logs would tear the progress bar
    if ray.is_initialized():
        return "indexing on the Ray cluster this process is connected to"
    if address == "auto":
        try:
            ray.init(address="auto", **options)
            return "indexing on the running Ray cluster"
        except ConnectionError as error:
            if "Could not find any running Ray instance" not in str(error):  # several clusters: which one is the user's to say
                raise ClusterUnavailable(f"--cluster auto: {error}; pass the cluster's address instead") from None
            ray.init(include_dashboard=False, **options)
            return f"no running Ray cluster found: started a local one on this machine ({_cpus(ray)} CPUs)"
    try:
        ray.init(address=address, **options)
    except ConnectionError as error:
        raise ClusterUnavailable(f"cannot reach the Ray cluster at {address}: {error}") from None
    return f"indexing on the Ray cluster at {address}"


def _cpus(ray) -> int:
    return int(ray.cluster_resources().get("CPU", 1))


class PhotoWorker:
    """A Ray actor's state: the models it has loaded (each once, on first use) and the work it does with them."""

    def __init__(self):
        self._loaded: dict[str, object] = {}

    def _model(self, key: str, loader: Callable[[], object]):
        if key not in self._loaded:
            self._loaded[key] = loader()
        return self._loaded[key]

    def read_and_embed(self, clip: Callable | None, sources: list):
        """(facts or UnreadablePhoto per source, vectors) for paths or photo bytes, as work.LocalWork makes them."""
        encoder = self._model("clip", clip) if clip is not None else None
        spec = encoder.image_spec if encoder is not None else None
        return embed_read([read_photo_safely(source, spec) for source in sources], encoder)

    def stage_results(self, name: str, loader: Callable[[], PhotoStage], sources: list) -> list[tuple[int, dict | str]]:
        """The stage's (position, row or reason) for paths or photo bytes, in position order."""
        stage = self._model(name, loader)
        readable = [position for position, source in enumerate(sources) if not isinstance(source, UnreadablePhoto)]
        inputs = [io.BytesIO(sources[p]) if isinstance(sources[p], bytes) else sources[p] for p in readable]
        results = [(readable[position], row) for position, row in stage.results(inputs, threading.Event())]
        results += [(position, str(source)) for position, source in enumerate(sources) if isinstance(source, UnreadablePhoto)]
        return sorted(results, key=lambda item: item[0])


class RayWork:
    """work.PhotoWork on a Ray cluster: `actors` PhotoWorker actors (default one per CPU of the cluster).

    send_photos: the driver reads each photo and sends the bytes (photos only the driver can see); otherwise
    the workers read the paths themselves (shared storage mounted at the same path everywhere).
    device: where each worker runs its models (the driver's --device: "auto" picks each worker's own).
    """

    def __init__(self, *, actors: int | None = None, send_photos: bool = False, device: str = "auto"):
        self.actors_wanted, self.send_photos, self.device = actors, send_photos, device
        self._actors: list = []
        self._next_actor: Iterator = iter(())

    def __enter__(self) -> "RayWork":
        ray = import_ray()
        worker = ray.remote(num_cpus=1)(PhotoWorker)
        self._actors = [worker.remote() for _ in range(self.actors_wanted or _cpus(ray))]
        self._next_actor = itertools.cycle(self._actors)
        return self

    def __exit__(self, *exc) -> None:
        ray = import_ray()
        for actor in self._actors:
            ray.kill(actor)
        self._actors = []

    def embedded_batches(self, files, encoder, batch_size):
        # The driver's precision as resolved ("auto" made fp32, bf16 or fp16): each worker embeds exactly so.
        clip = functools.partial(load_clip, encoder.name, device=self.device, precision=encoder.precision) if encoder else None
        chunks = list(batches(files, batch_size))
        calls = (lambda actor, chunk=chunk: actor.read_and_embed.remote(clip, self.sources([str(f.path) for f in chunk]))
                 for chunk in chunks)
        for chunk, (results, vectors) in zip(chunks, self.in_order(calls)):
            yield EmbeddedBatch(chunk, results, vectors)

    def stage(self, stage: PhotoStage) -> PhotoStage:
        return RemoteStage(stage, self)

    def sources(self, paths: Sequence[str]):
        """What a worker is handed for these photos: the paths, or (send_photos) their bytes in the object store."""
        if not self.send_photos:
            return list(paths)
        sources = []
        for path in paths:
            try:
                sources.append(photo_bytes(path))
            except UnreadablePhoto as error:  # the worker reports it as it would a photo it could not read
                sources.append(error)
        return import_ray().put(sources)

    def in_order(self, calls: Iterator[Callable], stop: threading.Event | None = None) -> Iterator:
        """Each call's result, in the order of calls; each call is made on the next actor in turn, a few ahead."""
        ray = import_ray()
        window: deque = deque()
        while True:
            while len(window) < IN_FLIGHT_PER_ACTOR * len(self._actors) and not (stop and stop.is_set()):
                call = next(calls, None)
                if call is None:
                    break
                window.append(call(next(self._next_actor)))
            if not window:
                return
            try:
                yield ray.get(window.popleft())
            except ray.exceptions.RayActorError as error:
                raise RuntimeError(
                    f"a Ray worker died ({error}); the photos finished so far are saved: run the same command again to resume"
                ) from None


class RemoteStage:
    """An enrichment stage whose photos the cluster's workers work on, a batch at a time; the driver's
    stage still decides which photos it wants, and stages.run_stage saves the shards here as before."""

    def __init__(self, stage: PhotoStage, work: RayWork):
        self.name, self.what, self.wants = stage.name, stage.what, stage.wants
        self._loader, self._work = stage.loader(), work

    def results(self, paths, stop):
        chunks = list(batches(paths, vision.BATCH))  # the batches a detector or captioner gets on one machine
        calls = (lambda actor, chunk=chunk: actor.stage_results.remote(self.name, self._loader, self._work.sources(chunk))
                 for chunk in chunks)
        offset = 0
        for chunk, results in zip(chunks, self._work.in_order(calls, stop)):
            yield from ((offset + position, row) for position, row in results)
            offset += len(chunk)
