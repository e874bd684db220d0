"""The real worker: service calls run off the UI thread and come back as (result, error) on it."""

from __future__ import annotations

import threading

from skiller_desktop.errors import ValidationError
from ui.models import PeopleModel, SearchQuery
from ui.operations import Operations
from ui.runner import Runner


def test_operations_run_on_the_worker_and_answer_on_the_ui_thread(qtbot, services):
    runner = Runner()
    ops = Operations(services, runner)
    services.create_identity("Alice Martin")
    seen: list[tuple[object, object, bool]] = []
    calls: list[str] = []

    def add():
        calls.append(threading.current_thread().name)
        return services.add_skill("Python", 4)

    with qtbot.waitSignal(ops.changed) as changed:
        ops.run(add, lambda r, e: seen.append((r, e, threading.current_thread() is threading.main_thread())))
    assert changed.args[0].skills
    qtbot.waitUntil(lambda: bool(seen))
    assert calls[0].startswith("skiller-db")
    assert seen[0][1] is None and seen[0][2]

    seen.clear()
    ops.run(lambda: services.add_skill("", 3), lambda r, e: seen.append((r, e, True)))
    qtbot.waitUntil(lambda: bool(seen))
    assert isinstance(seen[0][1], ValidationError) and seen[0][1].field == "skill"

    model = PeopleModel(ops)
    with qtbot.waitSignal(model.search_finished):
        model.search(SearchQuery(text="alice"))
    assert [p.name for p in services.queries.search("alice").people] == ["Alice Martin"]
    assert model.rows == [] and model.total == 0  # searched on the worker; never me among People (issue 12.9)
    runner.shutdown()
