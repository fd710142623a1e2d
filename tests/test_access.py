import pytest

from assistant.core.access import Authenticator, add_account, hash_password, read_accounts, verify_password


def test_hashes_are_salted_and_verify():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first != second and "correct horse" not in first
    assert verify_password("correct horse", first) and verify_password("correct horse", second)
    assert not verify_password("wrong horse", first)
    assert not verify_password("correct horse", "md5$abc")


def test_accounts_file(tmp_path):
    path = tmp_path / "users.tsv"
    add_account(path, "p01", "password-one", tmp_path / "lib1")
    add_account(path, "p02", "password-two")
    add_account(path, "p01", "password-new", tmp_path / "lib1")  # replaced, not duplicated
    accounts = read_accounts(path)
    assert sorted(accounts) == ["p01", "p02"]
    assert accounts["p01"].library == (tmp_path / "lib1").resolve() and accounts["p02"].library is None
    assert (path.stat().st_mode & 0o777) == 0o600
    check = Authenticator(path)
    assert check("p01", "password-new") and not check("p01", "password-one") and not check("nobody", "password-new")


def test_bad_accounts_file_says_how_to_fix(tmp_path):
    path = tmp_path / "users.tsv"
    path.write_text("p01\tplaintext-password\n")
    with pytest.raises(ValueError, match="line 1.*lifelog add-user"):
        read_accounts(path)


def test_weak_passwords_are_refused(tmp_path):
    with pytest.raises(ValueError, match="at least 8"):
        add_account(tmp_path / "users.tsv", "p01", "short")
