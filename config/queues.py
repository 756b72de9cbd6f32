"""The RQ queues and the jobs enqueued on them, by dotted name: the web process enqueues
jobs without importing their code (the matcher's OR-Tools and numpy stay out of it)."""

NOTIFY_QUEUE = "notify"
MATCHER_QUEUE = "matcher"
DEFAULT_QUEUE = "default"
QUEUES = (NOTIFY_QUEUE, MATCHER_QUEUE, DEFAULT_QUEUE)  # the worker listens to all three

SEND_NOTIFICATIONS = "jobs.outbox.deliver_notifications"
RUN_MATCHER = "jobs.matching.run_matcher"
SEND_TEXT = "jobs.send.send_text"
FETCH_MEDIA = "jobs.media.fetch_media"

# Set while a matcher run is queued and has not begun planning: a change committed meanwhile
# queues no second run, because the queued one will see it (the run clears it as it begins).
MATCHER_QUEUED_KEY = "matcher:queued"
MATCHER_QUEUED_SECONDS = 600  # if a queued run is lost, the next change queues another
