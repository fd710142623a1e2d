"""What an indexing run did, for the person who ran it: counts, skipped files, problems in the inputs."""

from __future__ import annotations

from dataclasses import dataclass, field

from .photos import SkippedFile


@dataclass
class IndexReport:
    library: str
    photos_in_library: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    resumed: int = 0
    embedded: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    not_photos: list[SkippedFile] = field(default_factory=list)
    input_issues: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)  # what `--repair` found damaged and redid
    model: str | None = None
    seconds: float = 0.0
    # What did not work and was left out (a sentence model that did not load, an optional enrichment step
    # that failed): the rest was committed.
    problems: list[str] = field(default_factory=list)
    # Photos whose times are guesses (time_approx in the library): timed from the file's modification
    # time, or placed in the home time zone for want of any clue to where they were taken.
    timed_from_mtime: int = 0
    zoned_at_home: int = 0
    home_timezone: str = ""

    def summary(self) -> str:
        lines = [
            f"library {self.library}: {self.photos_in_library} photos "
            f"({self.added} added, {self.updated} updated, {self.unchanged} unchanged"
            + (f", {self.resumed} recovered from an interrupted run" if self.resumed else "")
            + f") in {self.seconds:.1f} s",
            f"model: {self.model or 'none (captions and metadata only; run index again with a model to embed)'}",
        ]
        lines += [f"problem: {problem}" for problem in self.problems]
        if self.timed_from_mtime or self.zoned_at_home:
            lines.append(
                f"approximate times (time_approx): {self.timed_from_mtime} photos timed from the file's modification time, "
                f"{self.zoned_at_home} placed in the home time zone ({self.home_timezone}) for want of any clue"
            )
        lines += [f"repaired: {note}" for note in self.repairs]
        if self.skipped:
            lines.append(f"skipped {len(self.skipped)} unreadable photos:")
            lines += [f"  {item}" for item in self.skipped]
        if self.not_photos:
            lines.append(f"ignored {len(self.not_photos)} files that are not photos:")
            lines += [f"  {item}" for item in self.not_photos[:20]]
            if len(self.not_photos) > 20:
                lines.append(f"  ... and {len(self.not_photos) - 20} more")
        if self.input_issues:
            lines.append(f"{len(self.input_issues)} problems in the metadata or caption files (good rows were used):")
            lines += [f"  {issue}" for issue in self.input_issues[:50]]
            if len(self.input_issues) > 50:
                lines.append(f"  ... and {len(self.input_issues) - 50} more")
        return "\n".join(lines)
