"""`python -m devstack redrive`: answer every scan left in the scan dead-letter queue.

Resource names come from template.yaml for a stage, so the same command serves the local stack
(``--endpoint`` = the moto address `make start` prints) and a deployed stage (the caller's AWS
credentials, no endpoint).
"""

from __future__ import annotations

from devstack.stack import use_local_aws
from devstack.template import Resolver, load_template, parameters
from linkscan.storage import client
from linkscan.storage.records import Objects, Records, ScanQueue
from linkscan.stores import Backend
from linkscan.usecases.redrive import RedriveReport, redrive_dead_letters


def stage_names(stage: str) -> dict[str, str]:
    """The table's and the two scan queues' names in ``stage``, as the template declares them."""
    template = load_template()
    resolver = Resolver(template, {}, parameters(template, {"Stage": stage}))
    resources = template["Resources"]
    return {
        "table": resolver.resolve(resources["LinkscanTable"]["Properties"]["TableName"]),
        "queue": resolver.resolve(resources["ScanQueue"]["Properties"]["QueueName"]),
        "dead_letters": resolver.resolve(resources["ScanDeadLetterQueue"]["Properties"]["QueueName"]),
    }


def redrive(stage: str, *, requeue: bool, endpoint: str | None = None) -> RedriveReport:
    if endpoint:  # the local stack: its region and made-up credentials, not the shell's
        use_local_aws(endpoint)
    names = stage_names(stage)
    sqs = client("sqs")
    queue_url = sqs.get_queue_url(QueueName=names["queue"])["QueueUrl"]
    dead_letter_url = sqs.get_queue_url(QueueName=names["dead_letters"])["QueueUrl"]
    # Recording a failure touches only the table; requeueing only the scan queue. No bucket is needed.
    backend = Backend(Records(names["table"]), ScanQueue(queue_url), Objects(""))
    return redrive_dead_letters(ScanQueue(dead_letter_url), requeue=requeue, backend=backend)
