"""The Pages workflow: least privilege, the right triggers, and the same build as `make site`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from lessonkit.pipeline import cache_dir

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_triggers(workflow: dict) -> None:
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in workflow["on"]
    assert "pull_request" in workflow["on"]


def test_least_privilege(workflow: dict) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in jobs["build"] and "permissions" not in jobs["test"]
    assert workflow["concurrency"]["group"].startswith("pages-")


def test_pull_requests_test_and_never_deploy(workflow: dict) -> None:
    jobs = workflow["jobs"]
    assert jobs["test"]["if"] == "github.event_name == 'pull_request'"
    assert [s.get("run") for s in jobs["test"]["steps"] if "run" in s] == ["make test"]
    assert jobs["build"]["if"] == "github.event_name != 'pull_request'"
    assert jobs["deploy"]["needs"] == "build"


def test_build_and_deploy_steps(workflow: dict) -> None:
    build = workflow["jobs"]["build"]["steps"]
    run = next(s for s in build if s.get("run") == "make site")
    assert run["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    upload = next(s for s in build if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["environment"]["name"] == "github-pages"
    assert any("actions/deploy-pages@" in s.get("uses", "") for s in deploy["steps"])


def test_every_action_is_pinned_to_a_commit() -> None:
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for ref in uses:
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", ref), ref


def test_builds_keep_the_parse_cache(workflow: dict) -> None:
    build = workflow["jobs"]["build"]["steps"]
    cache = next(s for s in build if "actions/cache@" in s.get("uses", ""))
    assert cache["with"]["path"] == cache_dir(Path(".")).as_posix()
    assert build.index(cache) < next(i for i, s in enumerate(build) if s.get("run") == "make site")
    assert cache["with"]["restore-keys"] == "lessonkit-parse-"
