load("//build_defs:render.bzl", "RENDERERS")

def _dag_impl(dag):
    for task in dag["tasks"]:
        kind, name = task.split(":")
        rendered = RENDERERS[kind](dag, name)
        genrule(
            name = "%s__%s" % (dag["id"], name),
            out = name + ".py",
            cmd = rendered.cmd,
            labels = ["hdr:%d" % rendered.header_len],
        )

def airflow_dag(id, owner, schedule, tasks, history = 1200):
    _dag_impl({"id": id, "owner": owner, "schedule": schedule, "tasks": tasks, "history": history})
