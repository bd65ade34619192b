"""The use cases behind the API and the scan worker, one module each.

    intake            request_scans: deduplicate against recent and queued scans, queue what is needed
    submissions       submit (the API): validate and canonicalize, then intake; receipts with status URLs
    views             a submission's status, a target's view, the appeal queue, a developer's mini-programs
    moderation        a moderator upholds or overturns a verdict
    scanning          run one queued scan to a recorded verdict (the scan worker)
    miniprogram_scans a mini-program's scan: its metadata, repeat offences, its outbound links
    link_graph        a mini-program's links as targets of their own; judge it again when one changes
    verdicts          record a verdict on its target (the only writer of verdicts)
    attempts          retries of transient failures
    redrive           the scan dead-letter queue: requeue, or answer with scan_failed

Each takes its collaborators (``linkscan.stores.Backend``, settings, the detector) as arguments, so the
same code runs in Lambda, in the local stack, on moto and on the in-memory stores of the unit tests.
"""
