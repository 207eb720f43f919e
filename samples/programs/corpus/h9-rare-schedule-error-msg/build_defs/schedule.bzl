KNOWN_SCHEDULES = ["@hourly", "@daily", "@weekly", "@monthly"] + ["%d * * * *" % m for m in range(60)]

def _check_schedule(dag_id, task, schedule):
    message = "dag %s task %s: schedule %r is not one of %s" % (
        dag_id,
        task,
        schedule,
        ", ".join(KNOWN_SCHEDULES),
    )
    if schedule not in KNOWN_SCHEDULES:
        fail(message)

def scheduled_tasks(dag_id, tasks):
    for task, schedule in tasks:
        _check_schedule(dag_id, task, schedule)
    python_library(
        name = dag_id,
        srcs = ["dags/%s.py" % dag_id],
        labels = ["tasks:%d" % len(tasks)],
    )
