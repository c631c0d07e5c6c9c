"""The Pages workflow: the tests run on every push to main, pull request and manual run;
only main deploys, and only after they passed; least privilege; pinned actions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "pages.yml"
MAIN_ONLY = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def runs(job: dict) -> list[str]:
    return [s["run"] for s in job["steps"] if "run" in s]


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


def test_every_run_is_tested_as_a_developer_tests(workflow: dict) -> None:
    test = workflow["jobs"]["test"]
    assert "if" not in test, "pushes, pull requests and manual runs all run the tests"
    assert runs(test) == ["make test"]


def test_only_main_deploys_and_only_after_the_tests_passed(workflow: dict) -> None:
    jobs = workflow["jobs"]
    assert jobs["build"]["needs"] == "test"
    assert jobs["build"]["if"] == MAIN_ONLY
    assert jobs["deploy"]["needs"] == "build", "deploy waits for build, which waits for test"
    assert set(jobs) == {"test", "build", "deploy"}


def test_build_and_deploy_steps(workflow: dict) -> None:
    build = workflow["jobs"]["build"]["steps"]
    assert runs(workflow["jobs"]["build"]) == ["make site"]
    run = next(s for s in build if s.get("run") == "make site")
    assert run["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    upload = next(s for s in build if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["environment"]["name"] == "github-pages"
    assert any("actions/deploy-pages@" in s.get("uses", "") for s in deploy["steps"])


def test_nothing_is_restored_from_an_earlier_run(workflow: dict) -> None:
    """A build starts from the commit alone: no cache of an earlier run's parse or pages."""
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    assert not [s for s in steps if "actions/cache@" in s.get("uses", "")]


def test_every_action_is_pinned_to_a_commit() -> None:
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    for ref in uses:
        assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", ref), ref
