"""Logins for user studies: one account per participant, each with its own library.

The accounts file is tab-separated text, one account a line:
    username <TAB> pbkdf2_sha256$<iterations>$<salt hex>$<hash hex> [<TAB> library folder]
Passwords are never stored, only salted PBKDF2 hashes; `lifelog add-user` writes the lines.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .files import write_atomically

ITERATIONS = 240_000  # OWASP's current floor for PBKDF2-HMAC-SHA256 is 210,000


@dataclass(frozen=True)
class Account:
    username: str
    password_hash: str
    library: Path | None  # None: the app's default library


def hash_password(password: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, password_hash: str) -> bool:
    try:
        scheme, iterations, salt, expected = password_hash.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(digest.hex(), expected)


def read_accounts(path: Path) -> dict[str, Account]:
    accounts: dict[str, Account] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0] or not fields[1].startswith("pbkdf2_sha256$"):
            raise ValueError(f"{path}, line {number}: expected 'username<TAB>pbkdf2_sha256$...[<TAB>library]'; use 'lifelog add-user'")
        library = Path(fields[2]).expanduser() if len(fields) > 2 and fields[2].strip() else None
        accounts[fields[0]] = Account(fields[0], fields[1], library)
    return accounts


def add_account(path: Path, username: str, password: str, library: Path | None = None) -> None:
    """Add or replace an account, rewriting the file atomically."""
    if not username or any(c in username for c in "\t\n") or len(password) < 8:
        raise ValueError("a username without tabs or line breaks, and a password of at least 8 characters, please")
    path = Path(path)
    accounts = read_accounts(path) if path.exists() else {}
    accounts[username] = Account(username, hash_password(password), Path(library).expanduser().resolve() if library else None)
    text = "".join(f"{a.username}\t{a.password_hash}" + (f"\t{a.library}" if a.library else "") + "\n" for a in accounts.values())
    write_atomically(path, lambda tmp: (tmp.write_text(text, encoding="utf-8"), os.chmod(tmp, 0o600)))


class Authenticator:
    """The callable Gradio's launch(auth=...) takes."""

    def __init__(self, path: Path):
        self.accounts = read_accounts(path)

    def __call__(self, username: str, password: str) -> bool:
        account = self.accounts.get(username)
        return account is not None and verify_password(password, account.password_hash)


def _inside(path: str, roots: list[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


class PhotoAccess:
    """ASGI middleware: with logins, a library photo is served only to the accounts that see that library.

    Gradio's allowed_paths is one list for the whole app, so without this a logged-in participant who knew
    a file's path could fetch another participant's photo. Paths outside every library are left to Gradio.
    """

    def __init__(self, app, *, all_roots: Callable[[], list[str]], roots_for: Callable[[str | None], list[str]], login_of: Callable[[object], str | None]):
        self.app = app
        self.all_roots = all_roots
        self.roots_for = roots_for
        self.login_of = login_of

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and "/file=" in scope["path"]:
            from starlette.requests import Request
            from starlette.responses import PlainTextResponse

            wanted = os.path.realpath(scope["path"].split("/file=", 1)[1])
            roots = [os.path.realpath(root) for root in self.all_roots()]
            if _inside(wanted, roots):
                own = [os.path.realpath(root) for root in self.roots_for(self.login_of(Request(scope)))]
                if not _inside(wanted, own):
                    await PlainTextResponse("this photo belongs to another account's library", status_code=403)(scope, receive, send)
                    return
        await self.app(scope, receive, send)
