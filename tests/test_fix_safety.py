"""--fix writes only what it may, and never loses a save: one safe writer (issue 12, defects 7, 18, 20).

A folder walk may meet a symbolic link to a file outside the tree, a read-only file, a file with
two names (hard links), or one file named twice; and an editor may save while the fix is written.
"""

from __future__ import annotations

import os

import pytest

from conftest import RECORDS
from factcheck import fix
from factcheck.errors import UserError

TYPO = "---\ndate: 2022-12-21\n---\nMission: Impossible – Dead Reckoning Part On opens next July.\n"
FIXED = TYPO.replace("Part On ", "Part One ")


@pytest.fixture
def tree(tmp_path, monkeypatch):
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    monkeypatch.chdir(root)
    return root


def test_a_folder_walk_leaves_a_link_to_a_file_outside_the_tree_alone(cli, tree, tmp_path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text(TYPO)
    (tree / "news" / "linked.md").symlink_to(outside)
    (tree / "news" / "story.md").write_text(TYPO)
    result = cli("check", "news", "--records", RECORDS, "--fix")
    assert result.code in (0, 1), result.err
    assert outside.read_text() == TYPO and (tree / "news" / "story.md").read_text() == FIXED
    assert "linked.md" not in result.err


def test_a_symlink_inside_the_tree_is_fixed_through(cli, tree):
    target = tree / "news" / "drafts.md"
    target.write_text(TYPO)
    (tree / "news" / "alias.md").symlink_to(target)
    result = cli("check", "news/alias.md", "--records", RECORDS, "--fix")
    assert result.code in (0, 1), result.err
    assert target.read_text() == FIXED and (tree / "news" / "alias.md").is_symlink()


def test_a_read_only_file_is_not_replaced(cli, tree):
    article = tree / "news" / "locked.md"
    article.write_text(TYPO)
    article.chmod(0o444)
    result = cli("check", article, "--records", RECORDS, "--fix")
    assert result.code == 2 and "read-only" in result.err and "locked.md" in result.err
    assert article.read_text() == TYPO and oct(article.stat().st_mode & 0o777) == "0o444"


def test_a_file_with_two_names_is_not_split(cli, tree):
    article = tree / "news" / "one.md"
    article.write_text(TYPO)
    os.link(article, tree / "other.md")
    result = cli("check", article, "--records", RECORDS, "--fix")
    assert result.code == 2 and "hard links" in result.err
    assert article.stat().st_nlink == 2 and (tree / "other.md").read_text() == TYPO


def test_one_file_named_twice_is_checked_and_fixed_once(cli, tree):
    article = tree / "news" / "twice.md"
    article.write_text(TYPO)
    (tree / "news" / "alias.md").symlink_to(article)
    listed = cli("check", "news/twice.md", "./news/twice.md", "news/alias.md", "--records", RECORDS, "--format", "json")
    import json

    report = json.loads(listed.out)
    assert [f["path"] for f in report["files"]] == ["news/twice.md"]
    fixed = cli("check", "news/twice.md", "./news/twice.md", "news/alias.md", "--records", RECORDS, "--fix")
    assert fixed.code in (0, 1), fixed.err
    assert article.read_text() == FIXED and fixed.err.count("fixed news/twice.md") == 1


def test_a_save_during_the_write_is_kept(tree, monkeypatch):
    """The editor saves while the fix is being flushed to disk (a slow fsync): the save wins."""
    article = tree / "news" / "busy.md"
    article.write_text(TYPO)
    before = article.read_bytes()
    real_fsync = os.fsync

    def slow_fsync(descriptor):
        real_fsync(descriptor)
        if article.read_bytes() == before:
            article.write_text("The editor's new words.\n")  # saved in place, as editors do

    monkeypatch.setattr(fix.os, "fsync", slow_fsync)
    with pytest.raises(UserError, match="changed since it was checked"):
        fix.write_atomically(article, FIXED, expected=before)
    assert article.read_text() == "The editor's new words.\n"
    assert not list(article.parent.glob("*factcheck-tmp*"))


def test_without_a_save_the_write_goes_through(tree):
    article = tree / "news" / "quiet.md"
    article.write_text(TYPO)
    fix.write_atomically(article, FIXED, expected=article.read_bytes())
    assert article.read_text() == FIXED


def test_a_file_fix_refuses_is_that_files_alone(cli, tree):
    """In a folder walk, a read-only file and a file with hard links are refused, each in one line,
    and the files after them are still fixed and the report still shown; the run exits 2."""
    news = tree / "news"
    (news / "a-linked.md").write_text(TYPO)
    os.link(news / "a-linked.md", tree / "other.md")
    (news / "b-locked.md").write_text(TYPO)
    (news / "b-locked.md").chmod(0o444)
    (news / "c-story.md").write_text(TYPO)
    result = cli("check", "news", "--records", RECORDS, "--fix", "--format", "json")
    assert result.code == 2, result.err
    errors = [line for line in result.err.splitlines() if line.startswith("factcheck: error:")]
    assert len(errors) == 2 and "a-linked.md" in errors[0] and "hard links" in errors[0], result.err
    assert "b-locked.md" in errors[1] and "read-only" in errors[1], result.err
    assert (news / "c-story.md").read_text() == FIXED and "fixed news/c-story.md" in result.err
    assert (news / "a-linked.md").read_text() == TYPO and (news / "b-locked.md").read_text() == TYPO
    import json

    assert sorted(f["path"] for f in json.loads(result.out)["files"]) == [f"news/{n}" for n in ("a-linked.md", "b-locked.md", "c-story.md")]
